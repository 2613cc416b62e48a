"""Stage: find outline markers in paragraph text, at its start (lead) or inside it (inline).

Look-alikes are rejected here, where the text around a marker is visible: lists of numerals
(`二、三产业`, `1、2、3`), `一是一、二是二`, amounts (`1.5亿`), and a spaced `一 …` that is not a
short heading line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .grammar import (
    FAMILIES,
    HALF_FAMILIES,
    INLINE_FAMILIES,
    INLINE_START,
    LEAD_FIRST,
    NUMERAL_CHARS,
    OPEN_CHARS,
    PAIR_FAMILIES,
    Family,
    by_first,
    number_reading,
    number_value,
)
from .lazy import lazy_re
from .limits import Exceeded

HEADING_END = "。！？；;：:"  # ASCII ? and ! are mostly mojibake here
ITEM_END = HEADING_END
HEADING_STOP = lazy_re(f"[{HEADING_END}]")
ITEM_STOP = lazy_re(f"[{ITEM_END}]")
MAX_ORDINAL = 99
SPACED_HEADING_MAX = 40
SENTENCE_INSIDE = lazy_re("[。；;！？!?]")
# 季 度 工 作: a line set one character at a time (a letter-spaced title)
LETTER_SPACED = lazy_re(r"\S[ \t\u3000]+\S(?:[ \t\u3000]|$)")
_LIST_SEPARATORS = set("、，,.．")
# A bracketed number right after one of these words refers to a part of a document (附件（一）,
# 第（二）款, 表（1）), not a point of the text. (What follows a bracket tells nothing: a point's
# heading may open with 和谐, 项目, 条件 …)
REFERENCE_BEFORE = frozenset("件表图圖款项項条條号號第页頁录錄栏欄章节節")
_NUMBER_CHARS = {f.name: frozenset("".join(n.first for n in f.numerals)) for f in FAMILIES}
_GLYPHS = frozenset(c for f in FAMILIES for n in f.numerals if n.glyph for c in n.first)
# the groups that may hold a family's number, a restated one first (it wins)
_NUMBER_GROUPS = {f.name: (*f.renum_groups, *f.num_groups) for f in FAMILIES}


@dataclass(slots=True)  # not frozen: made per line, and a frozen init costs twice as much
class Marker:
    """A marker found in a text: `text[start:end]` is the marker exactly as written.

    `style` is the family, told apart from look-different forms of it that may nest under it:
    `㈠` under `（一）`, `1）` under `（1）`.

    >>> lead_marker("㈠做强").style, lead_marker("（一）做强").style, lead_marker("1）甲").style
    ('cn_paren/glyph', 'cn_paren', 'ar_paren/half')
    """

    kind: str
    rank: int
    marker: str
    number: str  # the number as written: 三, 12, ④, 首先
    ordinal: int  # 0 for 最后 (its place is known only from the run it closes)
    start: int
    end: int
    style: str
    weak: bool = False  # a form a heading may take but prose may too (`一 …`, `一，…`): needs a run

    @property
    def is_last_word(self) -> bool:
        return self.ordinal == 0


def _style(kind: str, marker: str) -> str:
    if len(marker) == 1 and marker in _GLYPHS:
        return f"{kind}/glyph"
    if kind in HALF_FAMILIES and marker[:1] not in OPEN_CHARS and len(marker) > 1:
        return f"{kind}/half"  # `1）`, `一）`: may nest under `（1）`, `（一）`
    return kind


def _number_at(family: Family, text: str, i: int) -> tuple[int | None, int]:
    """A number written as `family` writes its numbers, starting at `i`: its value and where
    it ends (`二、三产业`: 3; `1、2、3`: 2; `甲、乙双方`: 2)."""
    chars = _NUMBER_CHARS[family.name]
    j = i
    while j < len(text) and j - i < 4 and text[j] in chars:
        j += 1
    return (number_value(family, text[i:j]) if j > i else None), j


def _is_lookalike(family: Family, text: str, m: Marker, pair_ok: bool = False) -> bool:
    """A numeral right after the marker makes a list or an amount, not a point."""
    value, after = _number_at(family, text, m.end)
    if value is None:
        return False
    if after < len(text) and text[after] in _LIST_SEPARATORS:
        return True  # 1、2、3  一是一、二是二
    # 二、三产业  三、四季度: consecutive numerals read as "second and third"
    return not pair_ok and family.name in PAIR_FAMILIES and value == m.ordinal + 1


def _match(family: Family, text: str, pos: int) -> Marker | None:
    found = family.pattern.match(text, pos)
    return None if found is None else _accept(family, found, text, pos)


def _accept(
    family: Family, found: re.Match[str], text: str, pos: int, pair_ok: bool = False
) -> Marker | None:
    """The marker a family's pattern matched at `pos`, unless it is no marker after all."""
    for group in _NUMBER_GROUPS[family.name]:  # the alternative that matched
        number = found.group(group)
        if number is not None:
            break
    ordinal, weak_number = number_reading(family, number)
    if ordinal is None or ordinal > MAX_ORDINAL or (ordinal == 0 and not family.zero):
        return None
    end = found.end()
    marker = text[pos:end].rstrip()
    spaced = bool(family.space_groups) and any(found.group(g) for g in family.space_groups)
    if spaced and not _spaced_heading(text, end):
        return None
    slip = bool(family.slip_groups) and any(found.group(g) for g in family.slip_groups)
    m = Marker(
        family.name,
        family.rank,
        marker,
        number,
        ordinal,
        pos,
        pos + len(marker),
        _style(family.name, marker),
        spaced or slip or weak_number,
    )
    if _is_lookalike(family, text, m, pair_ok):
        return None
    return m


def _spaced_heading(text: str, start: int) -> bool:
    """`一 关于…`, `二 突出重点，推动发展`: only a short heading line may be written with a space
    after the numeral; no sentence ends before its last character, and it is not a line of
    letter-spaced characters (`一 季 度 工 作 总 结`, a title).

    >>> _spaced_heading("一 加强学习，提升能力", 2), _spaced_heading("一 季 度 工 作 总 结", 2)
    (True, False)
    >>> _spaced_heading("一 年来，我们坚持学习。全年参加学习12次", 2)
    False
    """
    rest = text[start:].rstrip()
    if len(rest) > SPACED_HEADING_MAX or SENTENCE_INSIDE.search(rest, 0, len(rest) - 1):
        return False
    return LETTER_SPACED.match(rest) is None


def _is_reference(text: str, m: Marker) -> bool:
    """A bracketed number that names a part of a document, not a point: `附件（一）和附件（二）`,
    `第（二）款`, `表（1）中`.

    >>> [m.marker for m in inline_markers("详见附件（一）和附件（二）。")]
    []
    >>> [m.marker for m in inline_markers("主要有：（一）加强学习；（二）改进作风")]
    ['（一）', '（二）']
    """
    return m.start > 0 and text[m.start] in "（(" and text[m.start - 1] in REFERENCE_BEFORE


@dataclass(frozen=True, slots=True)
class _Table:
    """Families to try in order, their combined pattern, and where each stands by name."""

    families: tuple[Family, ...]
    pattern: re.Pattern[str]
    place: dict[str, int]

    @classmethod
    def of(cls, families: tuple[Family, ...], pattern: re.Pattern[str]) -> _Table:
        return cls(families, pattern, {f.name: k for k, f in enumerate(families)})


def _tables(families: tuple[Family, ...]) -> dict[str, _Table]:
    """The table of the families that may open with each first character."""
    return {c: _Table.of(rows, pattern) for c, (rows, pattern) in by_first(families).items()}


_LEAD = _tables(FAMILIES)
_INLINE = _tables(INLINE_FAMILIES)


def _first(table: _Table, text: str, pos: int) -> Marker | None:
    """The marker of the first family (in table order) that opens at `pos`: one match with
    the combined pattern, and the families after it only if that one is rejected."""
    found = table.pattern.match(text, pos)
    if found is None:
        return None
    k = table.place[found.lastgroup or ""]
    m = _accept(table.families[k], found, text, pos)
    if m is not None:
        return m
    for family in table.families[k + 1 :]:
        m = _match(family, text, pos)
        if m is not None:
            return m
    return None


def lead_marker(text: str) -> Marker | None:
    """The marker that opens `text`, if any (families tried in table order).

    >>> lead_marker("（二）加大投入。").marker, lead_marker("二是要关注").kind
    ('（二）', 'shi')
    >>> lead_marker("二、三产业成为主渠道") is None, lead_marker("第一要务") is None
    (True, True)
    """
    # most lines open with no marker character: answered before the cache is asked
    return opening_marker(text) if text[:1] in LEAD_FIRST else None


@lru_cache(maxsize=4096)
def opening_marker(text: str) -> Marker | None:
    """`lead_marker` of a text that opens with a character of `LEAD_FIRST` (a caller that has
    made that test itself)."""
    return _first(_LEAD[text[0]], text, 0)


def pair_lead(text: str) -> Marker | None:
    """The marker `text` would open with but for the numeral after it (`二、三个着力点`, read
    alone as "the second and third"): `runs` takes it when the numbering around it asks for it.

    >>> pair_lead("二、三个着力点推动发展").marker, pair_lead("二、加强学习")
    ('二、', None)
    """
    if text[:1] not in NUMERAL_CHARS or lead_marker(text) is not None:
        return None
    table = _LEAD[text[0]]
    found = table.pattern.match(text)
    if found is None:
        return None
    family = table.families[table.place[found.lastgroup or ""]]
    if family.name not in PAIR_FAMILIES:
        return None
    return _accept(family, found, text, 0, pair_ok=True)


CACHED = (opening_marker,)  # emptied at the start of each parse (see `pipeline`)


def inline_markers(text: str, start: int = 0, most: int | None = None) -> list[Marker]:
    """Candidate markers inside `text` from `start` on, each at the start of a clause
    (`limits.Exceeded` past `most` of them).

    >>> [m.marker for m in inline_markers("目的：一是看望；二是了解，统一是关键")]
    ['一是', '二是']
    """
    return inline_from(text, INLINE_START.search(text, start), most)


def inline_from(text: str, hit: re.Match[str] | None, most: int | None = None) -> list[Marker]:
    """`inline_markers` from the first candidate, `hit` (the search for it from the start,
    which `runs.scan` makes itself: a paragraph with none, most of them, costs no call)."""
    found: list[Marker] = []
    # A candidate is one character long (a character of the class, the look-back around it
    # zero-width), and a search from `pos` sees the characters before `pos`: searching on from
    # each candidate's next character finds every candidate a `finditer` finds, in order, and a
    # text with none (most paragraphs) costs one search, no iterator.
    search = INLINE_START.search
    tables = _INLINE
    while hit is not None:
        i = hit.start()
        m = _first(tables[text[i]], text, i)
        if m is None:
            hit = search(text, i + 1)
            continue
        if not _is_reference(text, m) and not m.weak:  # `四，…；五，…`: a slip needs lines
            found.append(m)
            if most is not None and len(found) > most:
                raise Exceeded("numbering markers")
        hit = search(text, max(m.end, i + 1))  # (a candidate inside the marker is none)
    return found


def heading_span(text: str, start: int) -> tuple[int, int]:
    """The lead sentence after a marker: from `start` (spaces skipped) to the first sentence end.

    >>> t = "一、强化引领，坚定方向。政治性是…"
    >>> s, e = heading_span(t, 2); t[s:e]
    '强化引领，坚定方向'
    """
    n = len(text)
    while start < n and text[start] in " \t\u3000":
        start += 1
    found = HEADING_STOP.search(text, start)
    return start, found.start() if found else n
