"""Colour on a terminal: only where the output is one and NO_COLOR is not set
(https://no-color.org); JSON coloured as jq colours it.
"""

from __future__ import annotations

import os
import re
from typing import TextIO

KEY, STRING, PLAIN, NULL, BRACKET = b"34;1", b"0;32", b"0;39", b"1;30", b"1;39"
TOKEN = re.compile(
    rb'(?P<string>"(?:[^"\\]|\\.)*")(?P<key>\s*:)?'
    rb"|(?P<null>null)|(?P<plain>true|false|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)"
    rb"|(?P<bracket>[\[\]{}])"
)


def wanted(stream: TextIO) -> bool:
    """Colour for `stream`: a terminal, and NO_COLOR unset or empty."""
    return not os.environ.get("NO_COLOR") and _is_terminal(stream)


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # closed, or not a file
        return False


def json(data: bytes) -> bytes:
    """JSON text (UTF-8) in jq's colours: keys blue, strings green, null grey, brackets bold.

    >>> json(b'"a": "b"')
    b'\\x1b[34;1m"a"\\x1b[0m: \\x1b[0;32m"b"\\x1b[0m'
    """
    return TOKEN.sub(_paint, data)


def _paint(match: re.Match[bytes]) -> bytes:
    string, key = match.group("string"), match.group("key")
    if string is not None:
        return _sgr(KEY, string) + key if key is not None else _sgr(STRING, string)
    code = NULL if match.group("null") else BRACKET if match.group("bracket") else PLAIN
    return _sgr(code, match.group())


def _sgr(code: bytes, text: bytes) -> bytes:
    return b"\x1b[" + code + b"m" + text + b"\x1b[0m"
