"""Stage: bytes -> text. Byte-order marks first, then UTF-16 by its NUL bytes, strict UTF-8,
and for legacy encodings a quick GB18030-or-Big5 test, then detection by chardet.

GB18030 and Big5 (nearly all legacy Chinese text) are told apart without a detector: the codec
that decodes strictly and reads the commonest characters wins (~0.1 ms a file). For other
text, chardet (0BSD) was measured here against charset-normalizer on the samples and test cases
re-encoded as GB18030 and Big5: both were right on whole files, but on short texts (a salutation
and a heading) charset-normalizer took GB18030 for Big5 and UTF-16, chardet never erred; it
imports in ~30 ms and reads the 16 KB it is shown in ~4 ms. UTF-16 without a byte-order mark
needs no library: its NUL bytes (line ends, ASCII) stand at odd offsets (LE) or even ones (BE).
Binary input and bytes nothing decodes are refused with an `InputError` naming the source; a
UTF-8 file cut off inside its last character is decoded with a warning.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

import regex

from .errors import InputError

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
# Legacy Chinese text is read without a detector when one of these codecs decodes it strictly
# and reads many of the commonest characters (both scripts) where the other reads rare ones.
CHINESE = ("gb18030", "cp950")
COMMON_HAN = re.compile(
    "[的一是在不了有和人这這中大为為上个個国國我以要他时時来來用们們生到作地于於出就分对對成会會"
    "可主发發年动動同工也能下过過子说說产產种種面而方后後多定行学學法所民得经經十三之进進着著等部"
    "度家电電力里裡如水化高自二理起小物现現实實加量都两兩体體制机機当當使点點从從业業本去把性好应"
    "應开開它合还還因由其些然前外天政四日那社义義事平形相全表间間样樣与與关關各重新线線内數数正心"
    "反你明看原又么麼利比或但质質气氣第向道命此变變条條只没沒结結解问問意建月公无無系军軍很情者最"
    "立代想已通并提直题題党黨程展五果料象员員革位入常文总總次品式活设設及管特件长長求老头頭基资資"
    "边邊流路级級少图圖山统統接知较較将將组組见見计計别別她手角期根论論运運农農指区區强強放决決西"
    "被做必战戰先回则則任取据據处處队隊南给給色光门門即保治北造百规規热熱领領七海口东東导導器压壓"
    "志世金增争爭济濟阶階思术術极極交受联聯认認六共权權收证證改清己美再采採转轉更单單风風切打白教"
    "速带帶安场場身车車例真务務具万萬每目至达達走积積示议議声聲报報完类類八离離华華名确確才科张張"
    "信马馬节節话話整空元况況今集传傳土许許步群广廣记記需段研界律且究观觀越织織装裝影算低持音众眾"
    "书書布复複容须須际際商非验驗连連断斷深难難近千周委素技备備半办辦青省列习習响響约約支般史感劳"
    "勞便团團往历歷市克何除消构構府称稱太准準精值号號率族维維划劃选選标標写寫存候效院查型按格养養"
    "易置派层層片始却卻专專状狀育识識适適属屬包住调調满滿县縣局照参參细細引听聽该該价價严嚴]"
)
HAN_ANY = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]")
COMMON_SAMPLE = 4000  # characters judged
COMMON_SHARE = 0.3  # of the Han characters read: ~0.75 in the right codec, ~0.05 in the wrong
BINARY_CONTROL_SHARE = 0.05  # more control characters than this: not text
CONTROLS_ALLOWED = 3
CONTROLS = [chr(c) for c in range(0x20) if chr(c) not in "\t\n\r\x0b\x0c"]
# Characters text is made of: Han, CJK punctuation and full-width forms, ASCII, Latin-1.
PLAUSIBLE = regex.compile(
    r"[\p{Han}\u3000-\u303f\uff00-\uffef\u2000-\u206f\x09-\x0d\x20-\x7e\xa0-\xff]"
)
PLAUSIBLE_SHARE = 0.9
MIXED_UTF8_SHARE = 0.5  # this much of a file valid UTF-8 line by line: mixed, not legacy
DAMAGED_MAX, DAMAGED_SHARE = 8, 0.002  # bad bytes a legacy Chinese file may hold and be read


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


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


def _mixed(data: bytes) -> Decoded | None:
    """A file pasted together from UTF-8 and a legacy encoding: each line in its own.

    >>> _mixed("一、甲\\n".encode() + "二、乙\\n".encode("gb18030") + "三、丙".encode()).text
    '一、甲\\n二、乙\\n三、丙'
    """
    lines = data.split(b"\n")
    bad: set[int] = set()
    for n, line in enumerate(lines):
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            bad.add(n)
    good_bytes = sum(len(line) for n, line in enumerate(lines) if n not in bad)
    if not bad or good_bytes < MIXED_UTF8_SHARE * len(data):
        return None
    legacy = _detect(b"\n".join(lines[n] for n in sorted(bad)))
    if legacy is None:
        return None
    try:
        parts = [
            line.decode(legacy.encoding if n in bad else "utf-8") for n, line in enumerate(lines)
        ]
    except UnicodeDecodeError:
        return None
    note = (
        f"mixed encodings: {len(bad)} line{'s' if len(bad) > 1 else ''} read as {legacy.encoding}"
    )
    return Decoded("\n".join(parts), "utf-8", (note,))


def _chinese(data: bytes) -> Decoded | None:
    """GB18030 or Big5, told apart without a detector: the codec that decodes the bytes strictly
    and reads far more of the commonest Chinese characters. None when neither reads as Chinese
    (another legacy encoding: chardet decides). When neither decodes strictly, a codec that
    reads Chinese with a few bad bytes (a damaged file) is taken, with a warning.

    >>> _chinese("各位代表：".encode("big5")).encoding, _chinese("同志们：".encode("gbk")).encoding
    ('cp950', 'gb18030')
    >>> text = "同志们：今天我们召开全市经济工作会议。一、总体要求".encode("gbk")
    >>> damaged = _chinese(text[:16] + b"\\xff" + text[16:])
    >>> damaged.encoding, damaged.warnings
    ('gb18030', ('1 byte could not be read as gb18030 and stands as U+FFFD',))
    """
    found = _best_chinese(data, "strict")
    return found if found is not None else _best_chinese(data, "replace")


def _best_chinese(data: bytes, errors: str) -> Decoded | None:
    best: Decoded | None = None
    best_score = 0
    for name in CHINESE:
        try:
            text = data.decode(name, errors)
        except UnicodeDecodeError:
            continue
        notes: tuple[str, ...] = ()
        if errors != "strict":
            bad = text.count("\ufffd")
            if bad > max(DAMAGED_MAX, DAMAGED_SHARE * len(text)):
                continue
            notes = (
                f"{bad} byte{'s' if bad > 1 else ''} could not be read as {name} and "
                f"stand{'' if bad > 1 else 's'} as U+FFFD",
            )
        score = len(COMMON_HAN.findall(text, 0, COMMON_SAMPLE))
        if score > best_score:
            best, best_score = Decoded(text, name, notes), score
        elif score == best_score:
            best = None  # a tie says nothing
    han = len(HAN_ANY.findall(best.text, 0, COMMON_SAMPLE)) if best else 0
    return best if best is not None and best_score >= COMMON_SHARE * han else None


def _detect(data: bytes) -> Decoded | None:
    fast = _chinese(data)
    if fast is not None:
        return fast
    import chardet  # imported when needed: most inputs never come here (~30 ms)

    guess = chardet.detect(data[:DETECT_BYTES])["encoding"]
    names = [SUPERSET.get(guess.lower(), guess.lower())] if guess else []
    for name in [*names, *FALLBACKS]:
        try:
            return Decoded(data.decode(name), name)
        except (UnicodeDecodeError, LookupError):
            continue
    return None


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
    (b"%PDF-", "is a PDF; extract its text first (for example with pdftotext)"),
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
        raise InputError(source, f"looks binary ({data.count(0)} NUL bytes), not text")
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
    mixed = _mixed(data)
    if mixed is not None:
        return mixed
    controls = sum(data.count(ch.encode()) for ch in CONTROLS)
    if controls > BINARY_CONTROL_SHARE * len(data):
        raise InputError(source, "looks binary (it is mostly control bytes), not text")
    found = _detect(data)
    if found is None:
        raise InputError(source, "is not text in UTF-8, UTF-16, GB18030 or Big5 (try --encoding)")
    return found
