"""Stage: bytes -> text. Byte-order marks first, then UTF-16 by its NUL bytes, strict UTF-8,
a quick GB18030-or-Big5 test (`legacy`), UTF-8 with stray bytes or legacy lines (`utf8`), and
last detection by chardet.

For text that is neither UTF-8 nor GB18030/Big5, chardet (0BSD) was measured here against
charset-normalizer on the samples and test cases re-encoded as GB18030 and Big5: both were right
on whole files, but on short texts (a salutation and a heading) charset-normalizer took GB18030
for Big5 and UTF-16, chardet never erred; it imports in ~30 ms and reads the 16 KB it is shown in
~4 ms. Its answer is taken only when it reads ASCII as ASCII, and a single-byte code page only
when the bytes do not read as Chinese with a few bad bytes: on a little damaged UTF-8 or Chinese
it answers a DOS code page (ibm855, cp737), and the text would come out Cyrillic. UTF-16 without
a byte-order mark needs no library: its NUL bytes (line ends, ASCII) stand at odd offsets (LE) or
even ones (BE). Binary input and bytes nothing decodes are refused with an `InputError` naming
the source; a UTF-8 file cut off inside its last character is decoded with a warning, and a few
NUL bytes in text of any encoding are ignored with a warning.
"""

from __future__ import annotations

import codecs

from .errors import InputError
from .lazy import lazy_regex
from .legacy import MOSTLY_SHARE, Decoded, best_chinese, chinese
from .utf8 import by_line

BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig", "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "utf-16"),
)
DETECT_BYTES = 1 << 14  # chardet is shown the first 16 KB (enough to tell; it costs per byte)
# What chardet may report, read with the superset codec that decodes it all.
SUPERSET = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "cp936": "gb18030",
    "hz-gb-2312": "gb18030",
    "big5": "cp950",
}
FALLBACKS = ("gb18030", "cp950", "big5hkscs")
BINARY_CONTROL_SHARE = 0.05  # more control characters than this: not text
CONTROLS_ALLOWED = 3
CONTROLS = [chr(c) for c in range(0x20) if chr(c) not in "\t\n\r\x0b\x0c"]
# Characters text is made of: Han, CJK punctuation and full-width forms, ASCII, Latin-1.
PLAUSIBLE = lazy_regex(
    r"[\p{Han}\u3000-\u303f\uff00-\uffef\u2000-\u206f\x09-\x0d\x20-\x7e\xa0-\xff]"
)
PLAUSIBLE_SHARE = 0.9
ASCII = bytes(range(0x20, 0x7F))


def _too_many_controls(text: str) -> bool:
    """Control characters other than white space in more than a few places: not text."""
    controls = sum(text.count(ch) for ch in CONTROLS)  # a count per character: C speed
    return controls > max(CONTROLS_ALLOWED, BINARY_CONTROL_SHARE * len(text))


def _plausible(text: str) -> bool:
    """Does decoded text look like Chinese or ASCII text rather than the wrong codec's noise?"""
    text = text.replace("\x00", "")  # judged without the NULs that sent it here
    if not text:
        return False
    good = len(PLAUSIBLE.findall(text))
    return good >= PLAUSIBLE_SHARE * len(text) and not _too_many_controls(text)


def _utf16_without_bom(data: bytes) -> Decoded | None:
    """UTF-16 with no byte-order mark: the byte order whose text reads as text.

    >>> _utf16_without_bom("同志们：\\n一、".encode("utf-16-be")).encoding
    'utf-16-be'
    """
    for name in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(name)
        except UnicodeDecodeError:
            continue
        if _plausible(text):
            return Decoded(text, name)
    return None


def _detect(data: bytes) -> Decoded | None:
    """GB18030 or Big5 (see `legacy`), else what chardet says: an encoding that reads ASCII as
    ASCII (not EBCDIC), and a single-byte code page only for bytes that are not mostly Chinese
    read with a few bad bytes."""
    fast = chinese(data)
    if fast is not None:
        return fast
    import chardet  # imported when needed: most inputs never come here (~30 ms)

    guess = chardet.detect(data[:DETECT_BYTES])["encoding"]
    names = [SUPERSET.get(guess.lower(), guess.lower())] if guess else []
    for name in [*names, *FALLBACKS]:
        try:
            text = data.decode(name)
        except (UnicodeDecodeError, LookupError):
            continue
        if ASCII.decode(name, "replace") != ASCII.decode("ascii"):
            continue
        if len(text) == len(data):  # a byte a character: a code page, the last resort
            damaged = chinese(data, MOSTLY_SHARE)
            if damaged is not None:
                return damaged
        return Decoded(text, name)
    return chinese(data, MOSTLY_SHARE)


def decode(data: bytes, source: str = "<input>", encoding: str | None = None) -> Decoded:
    """Decode `data`, detecting its encoding unless one is given.

    >>> decode("同志们：".encode("gb18030")).encoding
    'gb18030'
    >>> decode(b"\\xef\\xbb\\xbf\\xe4\\xb8\\x80").text
    '一'
    >>> decode("一、".encode("utf-8")[:-1]).warnings
    ('the input ends inside a UTF-8 character (2 bytes left out); was the file cut short?',)
    """
    if not data:
        raise InputError(source, "is empty")
    if encoding is not None:
        try:
            decoded = Decoded(data.decode(encoding), encoding)
        except (UnicodeDecodeError, LookupError) as exc:
            raise InputError(source, f"cannot be decoded as {encoding}: {exc}") from None
    else:
        decoded = _decode_auto(data, source)
    if not decoded.text.strip():
        raise InputError(source, "is empty")
    if _too_many_controls(decoded.text):
        raise InputError(source, "looks binary (it is mostly control bytes), not text")
    nuls = decoded.text.count("\x00")
    if nuls:
        note = f"the input holds {nuls} NUL character{'s' if nuls > 1 else ''}; they are ignored"
        return Decoded(decoded.text, decoded.encoding, (*decoded.warnings, note))
    return decoded


KNOWN_BINARY = (
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "is a legacy Office file (.doc/.xls); save it as .docx"),
    (b"%PDF-", "is a PDF, not text: read it as one (--input-format pdf)"),
    (b"PK\x03\x04", "is a zip archive (a .docx? name it so, or use --input-format docx)"),
)


def _decode_auto(data: bytes, source: str) -> Decoded:
    for magic, problem in KNOWN_BINARY:
        if data.startswith(magic):
            raise InputError(source, problem)
    for bom, codec, name in BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(codec), name)
            except UnicodeDecodeError as exc:
                damaged = by_line(data[len(bom) :], len(bom)) if name == "utf-8" else None
                if damaged is not None:
                    return damaged
                raise InputError(
                    source, f"starts with a {name} byte-order mark but {exc}"
                ) from None
    if b"\x00" in data:
        try:
            text = data.decode("utf-8")
            if _plausible(text):
                return Decoded(text, "utf-8")
        except UnicodeDecodeError:
            pass
        wide = _utf16_without_bom(data)
        if wide is not None:
            return wide
        nuls = data.count(0)
        if nuls > max(CONTROLS_ALLOWED, BINARY_CONTROL_SHARE * len(data)):
            raise InputError(source, f"looks binary ({nuls} NUL bytes), not text")
        # a few NULs in text of another encoding: read as any text, they are ignored
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data" and len(data) - exc.start <= 3:
            left = len(data) - exc.start
            note = (
                f"the input ends inside a UTF-8 character ({left} byte"
                f"{'s' if left > 1 else ''} left out); was the file cut short?"
            )
            return Decoded(data[: exc.start].decode("utf-8"), "utf-8", (note,))
    legacy = best_chinese(data, "strict")  # the common case, and never UTF-8 with a stray byte
    if legacy is not None:
        return legacy
    mostly = by_line(data)
    if mostly is not None:
        return mostly
    controls = sum(data.count(ch.encode()) for ch in CONTROLS)
    if controls > BINARY_CONTROL_SHARE * len(data):
        raise InputError(source, "looks binary (it is mostly control bytes), not text")
    found = _detect(data)
    if found is None:
        raise InputError(source, "is not text in UTF-8, UTF-16, GB18030 or Big5 (try --encoding)")
    return found
