"""UTF-8 that is not quite: a few stray bytes, or lines pasted in from a legacy Chinese file.

Such a file is read line by line (lines end in LF, CRLF or CR alone): valid lines as UTF-8, a
line that reads as GB18030 or Big5 (more of the commonest Chinese characters than as UTF-8) in
that codec, and any other line as UTF-8 with U+FFFD for each byte that is not UTF-8, with a
warning naming where (line and byte offset). A detector is never asked about such a file: on a
line or two of UTF-8 with a stray byte it answers a DOS code page, and the text comes out
Cyrillic.

A file is mostly UTF-8 when most of its bytes stand on valid UTF-8 lines, or when its valid
multi-byte characters outnumber its bad bytes `UTF8_MARGIN` times (GB18030 and Big5 text read
as UTF-8 has at most one valid character for two bad bytes, measured on the samples), or when
its bad bytes are very few (ASCII text with a stray byte).
"""

from __future__ import annotations

import re

from .lazy import lazy_re
from .legacy import CHINESE, DAMAGED_SHARE, Decoded, best_chinese, common

LINE_END = re.compile(rb"(\r\n|\r|\n)")
ESCAPED = lazy_re("[\udc80-\udcff]+")  # bytes that are not UTF-8, as surrogateescape has them
FFFD = {code: "\ufffd" for code in range(0xDC80, 0xDD00)}
MIXED_UTF8_SHARE = 0.5  # this much of a file valid UTF-8 line by line: mixed, not legacy
UTF8_MARGIN = 4
PLACES_NAMED = 5


def _wide_and_bad(text: str) -> tuple[int, int]:
    """Valid non-ASCII characters and bad bytes in a text decoded with surrogateescape."""
    bad = sum(len(run) for run in ESCAPED.findall(text))
    return len(text) - len(text.encode("ascii", "ignore")) - bad, bad


def mostly_utf8(data: bytes) -> bool:
    """Are the bytes UTF-8 but for a few (see the module's note)?

    >>> mostly_utf8("同志们：".encode() + b"\\xff" + "一、".encode())
    True
    >>> mostly_utf8("同志们".encode("gbk"))
    False
    """
    wide, bad = _wide_and_bad(data.decode("utf-8", "surrogateescape"))
    return wide >= UTF8_MARGIN * bad or bad <= DAMAGED_SHARE * len(data)


def _is_utf8(line: bytes) -> bool:
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _legacy(lines: list[bytes]) -> str | None:
    """The Chinese codec that the lines which are not UTF-8 read in, if they read as Chinese."""
    readable = []
    for line in lines:
        for name in CHINESE:
            try:
                line.decode(name)
            except UnicodeDecodeError:
                continue
            readable.append(line)
            break
    found = best_chinese(b"\n".join(readable), "strict") if readable else None
    return found.encoding if found is not None else None


def _read_line(line: bytes, legacy: str | None) -> tuple[str, bool]:
    """A line that is not UTF-8: in the legacy codec when it reads better so (True), else as
    UTF-8 with its bad bytes escaped (False)."""
    utf8 = line.decode("utf-8", "surrogateescape")
    if legacy is not None:
        try:
            other = line.decode(legacy)
        except UnicodeDecodeError:
            return utf8, False
        ours, theirs = common(other), common(utf8)
        wide, bad = _wide_and_bad(utf8)
        if ours > theirs or (ours == theirs and wide < UTF8_MARGIN * bad):
            return other, True
    return utf8, False


def by_line(data: bytes, start: int = 0) -> Decoded | None:
    """A file that is mostly UTF-8 read line by line (see the module's note); None for others.
    (`start`: the byte offset of `data` in the file, for the warnings.)

    >>> by_line("一、甲\\r".encode() + "二、乙\\r".encode("gb18030") + "三、丙".encode()).text
    '一、甲\\r二、乙\\r三、丙'
    >>> by_line("一、甲\\n".encode() + b"\\xff" + "乙".encode()).warnings
    ('1 byte is not valid UTF-8 and stands as U+FFFD (line 2, byte offset 10)',)
    """
    pieces = LINE_END.split(data)  # lines at even places, their ends at odd ones
    bad = {n for n in range(0, len(pieces), 2) if not _is_utf8(pieces[n])}
    good_bytes = len(data) - sum(len(pieces[n]) for n in bad)
    if not bad or (good_bytes < MIXED_UTF8_SHARE * len(data) and not mostly_utf8(data)):
        return None
    legacy = _legacy([pieces[n] for n in sorted(bad)])
    parts: list[str] = []
    places: list[str] = []
    mixed = escaped = 0
    offset = start
    for n, piece in enumerate(pieces):
        if n not in bad:
            parts.append(piece.decode("utf-8"))
            offset += len(piece)
            continue
        text, is_legacy = _read_line(piece, legacy)
        mixed += is_legacy
        if not is_legacy:
            escaped += _places(text, n // 2 + 1, offset, places)
            text = text.translate(FFFD)
        parts.append(text)
        offset += len(piece)
    return Decoded("".join(parts), "utf-8", _notes(mixed, legacy, escaped, places))


def _places(text: str, line: int, offset: int, places: list[str]) -> int:
    """The bad bytes of a line (starting at byte `offset`): their count; where the first few
    runs of them stand are added to `places`."""
    count = 0
    last, at = 0, offset
    for run in ESCAPED.finditer(text):
        count += len(run.group())
        if len(places) <= PLACES_NAMED:
            at += len(text[last : run.start()].encode("utf-8", "surrogateescape"))
            last = run.start()
            places.append(f"line {line}, byte offset {at}")
    return count


def _notes(mixed: int, legacy: str | None, escaped: int, places: list[str]) -> tuple[str, ...]:
    notes = []
    if mixed:
        notes.append(f"mixed encodings: {mixed} line{'s' if mixed > 1 else ''} read as {legacy}")
    if escaped:
        where = "; ".join(places[:PLACES_NAMED])
        if len(places) > PLACES_NAMED:
            where += "; and more"
        verb = "are" if escaped > 1 else "is"
        notes.append(
            f"{escaped} byte{'s' if escaped > 1 else ''} {verb} not valid UTF-8 and "
            f"stand{'' if escaped > 1 else 's'} as U+FFFD ({where})"
        )
    return tuple(notes)
