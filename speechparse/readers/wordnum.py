"""Word's automatic numbering: the numbering definitions (`word/numbering.xml`) read, and the
number of each numbered paragraph rendered as Word shows it (it is not in the paragraph text).

Values the file gives (`w:start`, `w:ilvl`) that are not small whole numbers are tolerated:
the default is used and a warning says so. Every format renders any count in bounded work
(a roman numeral past 3999, or a Chinese one past 10^16, is written in digits).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..lazy import lazy_re

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
CN_DIGITS = "〇一二三四五六七八九"
CN_UNITS = ((1000, "千"), (100, "百"), (10, "十"), (1, ""))
CN_GROUPS = ("", "万", "亿", "万亿")  # each four digits more
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
PAREN = "⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽⑾⑿⒀⒁⒂⒃⒄⒅⒆⒇"
STOP = "⒈⒉⒊⒋⒌⒍⒎⒏⒐⒑⒒⒓⒔⒕⒖⒗⒘⒙⒚⒛"
ROMAN = (
    (1000, "M"),
    (900, "CM"),
    (500, "D"),
    (400, "CD"),
    (100, "C"),
    (90, "XC"),
    (50, "L"),
    (40, "XL"),
    (10, "X"),
    (9, "IX"),
    (5, "V"),
    (4, "IV"),
    (1, "I"),
)
ROMAN_MAX = 3999
CHINESE_FORMATS = frozenset(
    (
        "chineseCounting",
        "chineseCountingThousand",
        "taiwaneseCounting",
        "taiwaneseCountingThousand",
        "chineseLegalSimplified",
        "ideographLegalTraditional",
    )
)
NUMBER = lazy_re(r"\s*-?\d{1,9}\s*")  # what is read as a number (more digits: not one)
LEVELS = 9  # Word's list levels: w:ilvl 0 to 8


def chinese(n: int) -> str:
    """A count in Chinese numerals, as Word's chineseCounting writes it.

    >>> [chinese(n) for n in (1, 10, 12, 20, 35, 100, 105, 110)]
    ['一', '十', '十二', '二十', '三十五', '一百', '一百零五', '一百一十']
    >>> [chinese(n) for n in (1010, 10_005, 100_010)]
    ['一千零一十', '一万零五', '十万零一十']
    """
    if 0 <= n < 10:
        return CN_DIGITS[n]
    if n < 0 or n >= 10 ** (4 * len(CN_GROUPS)):
        return str(n)
    groups = []
    while n:
        n, group = divmod(n, 10_000)
        groups.append(group)
    out = ""
    gap = False  # a zero group (or zero thousands) between two written ones: 零
    for place in range(len(groups) - 1, -1, -1):
        group = groups[place]
        if group == 0:
            gap = True
            continue
        if out and (gap or group < 1000):
            out += "零"
        out += _four_digits(group) + CN_GROUPS[place]
        gap = False
    return out[1:] if out.startswith("一十") else out


def _four_digits(n: int) -> str:
    """1..9999 with 千百十, inner zeros read as one 零: 1005 -> 一千零五, 1050 -> 一千零五十."""
    out = ""
    gap = False
    for value, unit in CN_UNITS:
        digit = n // value % 10
        if digit == 0:
            gap = bool(out)
            continue
        if gap:
            out += "零"
            gap = False
        out += CN_DIGITS[digit] + unit
    return out


def _roman(n: int) -> str:
    if not 0 < n <= ROMAN_MAX:
        return str(n)
    out = ""
    for value, letters in ROMAN:
        count, n = divmod(n, value)
        out += letters * count
    return out


def format_number(n: int, fmt: str) -> str:
    """A counter in one of Word's number formats (`w:numFmt`).

    >>> format_number(123, "chineseCounting"), format_number(14, "upperRoman")
    ('一百二十三', 'XIV')
    """
    if fmt in CHINESE_FORMATS:
        return chinese(n)
    if fmt == "ideographDigital":
        return "".join(CN_DIGITS[int(d)] for d in str(n)) if n >= 0 else str(n)
    if 0 < n <= 20 and fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese"):
        return CIRCLED[n - 1]
    if 0 < n <= 20 and fmt == "decimalEnclosedParen":
        return PAREN[n - 1]
    if 0 < n <= 20 and fmt == "decimalEnclosedFullstop":
        return STOP[n - 1]
    if fmt == "decimalFullWidth":
        return "".join(chr(ord(d) + 0xFEE0) for d in str(n))
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("upperLetter", "lowerLetter"):
        letter = chr(ord("A") + (n - 1) % 26)
        return letter if fmt == "upperLetter" else letter.lower()
    if fmt in ("upperRoman", "lowerRoman"):
        return _roman(n) if fmt == "upperRoman" else _roman(n).lower()
    return str(n)


def number(value: str | None, default: int, what: str, notes: list[str]) -> int:
    """A numbering value read from the file; one that is no small whole number is the
    default, with a note."""
    if value is None:
        return default
    if NUMBER.fullmatch(value):
        return int(value)
    shown = value if len(value) <= 20 else value[:20] + "…"
    notes.append(f"a numbering value {shown!r} ({what}) is not a number; {default} is used")
    return default


@dataclass
class Level:
    start: int = 1
    fmt: str = "decimal"
    text: str = "%1."
    suffix: str = "tab"


@dataclass
class Numbering:
    """Word's numbering definitions and the counters of the lists as they are read."""

    levels: dict[str, dict[int, Level]] = field(default_factory=dict)  # numId -> ilvl -> level
    counters: dict[str, dict[int, int]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)  # values that could not be read

    @classmethod
    def read(cls, root: Any | None) -> Numbering:
        """The definitions in a `w:numbering` element (None: a file without numbering)."""
        found = cls()
        if root is None:
            return found
        abstract: dict[str, dict[int, Level]] = {}
        for node in root.iter(f"{W}abstractNum"):
            lvls: dict[int, Level] = {}
            for lvl in node.iter(f"{W}lvl"):
                level = Level()
                for child, attr in (("numFmt", "fmt"), ("lvlText", "text"), ("suff", "suffix")):
                    el = lvl.find(f"{W}{child}")
                    if el is not None and el.get(f"{W}val") is not None:
                        setattr(level, attr, el.get(f"{W}val"))
                start = lvl.find(f"{W}start")
                if start is not None:
                    level.start = found.value(start.get(f"{W}val"), 1, "w:start")
                lvls[found.value(lvl.get(f"{W}ilvl"), 0, "w:ilvl")] = level
            abstract[node.get(f"{W}abstractNumId", "")] = lvls
        for num in root.iter(f"{W}num"):
            ref = num.find(f"{W}abstractNumId")
            base = abstract.get(ref.get(f"{W}val", "") if ref is not None else "", {})
            lvls = {k: Level(v.start, v.fmt, v.text, v.suffix) for k, v in base.items()}
            for override in num.iter(f"{W}lvlOverride"):
                start = override.find(f"{W}startOverride")
                ilvl = found.value(override.get(f"{W}ilvl"), 0, "w:ilvl")
                if start is not None and ilvl in lvls:
                    lvls[ilvl].start = found.value(start.get(f"{W}val"), 1, "w:startOverride")
            found.levels[num.get(f"{W}numId", "")] = lvls
        return found

    def value(self, text: str | None, default: int, what: str) -> int:
        return number(text, default, what, self.notes)

    def label(self, num_id: str, ilvl: int) -> str:
        """The rendered number of the next paragraph of list `num_id` at level `ilvl`."""
        lvls = self.levels.get(num_id)
        if not lvls or ilvl not in lvls or lvls[ilvl].fmt in ("bullet", "none"):
            return ""
        counts = self.counters.setdefault(num_id, {})
        counts[ilvl] = counts.get(ilvl, lvls[ilvl].start - 1) + 1
        for deeper in [k for k in counts if k > ilvl]:
            del counts[deeper]  # a higher level moved on: lower levels start again
        text = lvls[ilvl].text
        for k in range(min(ilvl + 1, LEVELS)):
            if f"%{k + 1}" in text:
                value = counts.get(k, lvls[k].start if k in lvls else 1)
                fmt = lvls[k].fmt if k in lvls else "decimal"
                text = text.replace(f"%{k + 1}", format_number(value, fmt))
        return text + (" " if lvls[ilvl].suffix == "space" else "")
