"""File names as the output shows them: text that always encodes."""

from __future__ import annotations

import os


def shown(path: str) -> str:
    """`path` with the bytes that are not UTF-8 written `\\xd6` (a GBK name unpacked from a
    Windows archive, which Python holds as lone surrogates): the bytes can be read back from it,
    and it encodes in every output (JSON, CSV, Parquet, a terminal).

    >>> shown("讲话.txt"), shown("\\udcd6\\udcd0.txt")
    ('讲话.txt', '\\\\xd6\\\\xd0.txt')
    """
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        pass
    try:
        raw = os.fsencode(path)
    except UnicodeEncodeError:  # a surrogate no file name decodes to: written as \udXXX
        return path.encode("utf-8", "backslashreplace").decode("utf-8")
    return raw.decode("utf-8", "backslashreplace")
