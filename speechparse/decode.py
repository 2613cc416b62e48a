"""Stage: bytes -> text. Byte-order marks first, then strict UTF-8, then GB18030 and Big5.

Binary input (NUL bytes outside UTF-16) and bytes no candidate decodes are refused with an
`InputError` that names the source.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from .errors import InputError

BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
FALLBACKS = ("utf-8", "gb18030", "big5")


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str


def decode(data: bytes, source: str = "<input>", encoding: str | None = None) -> Decoded:
    """Decode `data`, detecting its encoding unless one is given.

    >>> decode("同志们：".encode("gb18030")).encoding
    'gb18030'
    >>> decode(b"\\xef\\xbb\\xbf\\xe4\\xb8\\x80").text
    '一'
    """
    if encoding is not None:
        try:
            return Decoded(data.decode(encoding), encoding)
        except (UnicodeDecodeError, LookupError) as exc:
            raise InputError(source, f"cannot be decoded as {encoding}: {exc}") from None
    for bom, name in BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(name), name.replace("-sig", "") if "8" in name else name)
            except UnicodeDecodeError as exc:
                raise InputError(
                    source, f"starts with a {name} byte-order mark but {exc}"
                ) from None
    if b"\x00" in data:
        raise InputError(source, "looks binary (it contains NUL bytes), not text")
    for name in FALLBACKS:
        try:
            return Decoded(data.decode(name), name)
        except UnicodeDecodeError:
            continue
    raise InputError(source, "is not text in UTF-8, GB18030 or Big5 (use --encoding)")
