"""Numbers as they appear in outline markers: the ways they are written, and their values.

Each way of writing numbers is a `Numerals` row: the pattern of one number, the characters it
opens with and is written in, and how to read its value. The marker grammar (`grammar.py`) names
for each family of markers the ways its numbers are written; the lookup table of written numbers
is built from those rows, not written again.

Markers only ever carry small whole numbers, so a dedicated library (cn2an: ~250 ms to import,
~27 µs a call) buys nothing over the few lines here (well under 1 µs a call).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

_CN_VALUE = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4}
_CN_VALUE |= {"五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNIT = {"十": 10, "百": 100}
_CN_DIGITS_BY_VALUE = "〇一二三四五六七八九"
_FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
_FROM_FULL_WIDTH = str.maketrans("０１２３４５６７８９", "0123456789")
MAX_VALUE = 99  # the numbers the lookup table holds (markers carry no more)


def cn_to_int(text: str) -> int | None:
    """Value of a Chinese numeral, or None if `text` is not one.

    >>> [cn_to_int(n) for n in ("三", "十", "十二", "二十三", "一百零五")]
    [3, 10, 12, 23, 105]
    >>> cn_to_int("二三") is None, cn_to_int("") is None, cn_to_int("十十") is None
    (True, True, True)
    """
    if not text:
        return None
    total = 0
    digit: int | None = None
    last_unit = 1000
    for ch in text:
        if ch in _CN_VALUE:
            if digit is not None and digit != 0:
                return None  # two digits in a row: a list such as 二三, not a number
            digit = _CN_VALUE[ch]
        elif ch in _CN_UNIT:
            unit = _CN_UNIT[ch]
            if unit >= last_unit:
                return None
            total += (digit if digit else 1) * unit
            digit = None
            last_unit = unit
        else:
            return None
    return total + (digit or 0)


def _cn_written(n: int) -> str:
    """`n` (1-99) as a Chinese numeral: 三, 十, 十二, 二十三."""
    tens, ones = divmod(n, 10)
    written = (_CN_DIGITS_BY_VALUE[tens] if tens > 1 else "") + ("十" if tens else "")
    return written + (_CN_DIGITS_BY_VALUE[ones] if ones else "")


@dataclass(frozen=True, slots=True)
class Numerals:
    """One way numbers are written in markers."""

    name: str
    pattern: str  # one number written this way (a regular expression)
    first: str  # the characters a number written this way opens with
    read: Callable[[str], int | None]  # its value (None: not a number)
    written: Callable[[int], list[str]]  # how `n` (1-99) is written, for the lookup table
    glyph: bool  # one character a word processor puts for a whole marker (`㈠` for `（一）`)
    weak: bool = False  # a number so written is a number only where its run says so

    def value(self, text: str) -> int | None:
        return self.read(text)


def _series(name: str, chars: str, glyph: bool = False) -> Numerals:
    """Numbers written one character each, in order: ①②③, ㈠㈡㈢, 甲乙丙."""

    def read(text: str) -> int | None:
        return chars.index(text) + 1 if len(text) == 1 and text in chars else None

    def written(n: int) -> list[str]:
        return [chars[n - 1]] if 1 <= n <= len(chars) else []

    return Numerals(name, f"[{chars}]", chars, read, written, glyph)


def _words(name: str, words: dict[str, int]) -> Numerals:
    """Numbers written as words (`首先` 1, `其次` 2, `最后` 0: its place is the run's end)."""
    by_value: dict[int, list[str]] = {}
    for word, n in words.items():
        by_value.setdefault(n, []).append(word)
    return Numerals(
        name,
        "|".join(words),
        "".join(sorted({w[0] for w in words})),
        words.get,
        lambda n: by_value.get(n, []),
        False,
    )


def _read_digits(text: str) -> int | None:
    plain = text.translate(_FROM_FULL_WIDTH)
    return int(plain) if plain.isascii() and plain.isdigit() else None


_FORMAL_CHARS = "壹贰貳貮叁參叄肆伍陆陸柒捌玖拾"
_FORMAL = str.maketrans(_FORMAL_CHARS, "一二二二三三三四五六六七八九十")

CHINESE = Numerals(
    "chinese",
    r"[一二三四五六七八九十百零〇]{1,4}",  # 一 … 九十九 (两 is never an ordinal)
    "一二三四五六七八九十百零〇",
    cn_to_int,
    lambda n: [_cn_written(n)],
    False,
)
# The formal (financial) numerals of `壹、貳、參、` headings, Simplified and Traditional forms.
FORMAL = Numerals(
    "formal",
    f"[{_FORMAL_CHARS}]{{1,3}}",  # 壹 … 玖拾玖
    _FORMAL_CHARS,
    lambda text: cn_to_int(text.translate(_FORMAL)) if text[:1] in _FORMAL_CHARS else None,
    lambda n: [],  # read when met; not worth a table
    False,
)
DIGITS = Numerals(
    "digits",
    r"[0-9０-９]{1,3}",
    "0123456789０１２３４５６７８９",
    _read_digits,
    lambda n: [str(n), str(n).translate(_FULL_WIDTH)] if n else [],
    False,
)
CIRCLED = _series("circled", "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳")
# One-character forms that word processors substitute for `（一）`, `（1）` and `1.`.
GLYPH_CN_PAREN = _series("glyph_cn_paren", "㈠㈡㈢㈣㈤㈥㈦㈧㈨㈩", glyph=True)
GLYPH_PAREN = _series("glyph_paren", "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇", glyph=True)
GLYPH_DOT = _series("glyph_dot", "⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛", glyph=True)
SEQUENCE = _words("sequence", {"首先": 1, "其次": 2, "再次": 3, "最后": 0, "最後": 0})


def _positional(text: str) -> int | None:
    """`一〇` 10, `一一` 11, `二○` 20: a number written digit by digit (older typesetting)."""
    if len(text) != 2 or text[0] not in _CN_VALUE or text[1] not in _POSITIONAL_DIGITS:
        return None
    tens, ones = _CN_VALUE[text[0]], _POSITIONAL_DIGITS[text[1]]
    return 10 * tens + ones if tens else None


_POSITIONAL_DIGITS = {**_CN_VALUE, "○": 0}
POSITIONAL = Numerals(
    "positional",
    r"[一二三四五六七八九][〇○零一二三四五六七八九]",
    "一二三四五六七八九",
    _positional,
    lambda n: [],  # `一一` is also "one by one": never looked up, read where a run asks
    False,
    weak=True,
)
# A dash typed (or read by OCR) for 一 in a bracket: `(-)`, `（－）`.
DASH_ONE = _words("dash_one", {"-": 1, "－": 1})
# The ten heavenly stems, which number items in order in older and legal texts (甲、乙、丙、).
STEMS = _series("stems", "甲乙丙丁戊己庚辛壬癸")


def lookup(systems: tuple[Numerals, ...]) -> dict[str, int]:
    """Every number 1-99 in every way of `systems`, looked up in one step."""
    table: dict[str, int] = {}
    for system in systems:
        for n in range(0, MAX_VALUE + 1):  # 0: `最后`, whose place is the end of its run
            for text in system.written(n):
                if text:
                    table.setdefault(text, n)
    return table
