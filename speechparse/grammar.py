"""The marker grammar: one ordered table of named families of outline markers.

Each row is a family and every fact about it is a column of its row: its name (the JSON
`kind`), its conventional rank (GB/T 9704 orders `一、` > `（一）` > `1.` > `（1）`; spoken
enumerations float at the rank of `1.`), the pattern of the marker, the ways its numbers are
written (`numerals.py`), what it opens with, where it may stand (opening a paragraph, inside
one), its look-alike and nesting habits, and examples it must find. Everything else that knows
about markers — the first-character prefilters, the families that never stand inline, the
check's level order, the lookup table of numbers — is derived from the rows below.

Adding a marker style costs one row here (every column is required) and one fixture;
`tests/test_grammar.py` holds each row to its examples.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lazy import lazy_re
from .numerals import (
    CHINESE,
    CIRCLED,
    DASH_ONE,
    DIGITS,
    FORMAL,
    GLYPH_CN_PAREN,
    GLYPH_DOT,
    GLYPH_PAREN,
    POSITIONAL,
    SEQUENCE,
    STEMS,
    Numerals,
    lookup,
)

# Named pieces -------------------------------------------------------------------------------
CN_NUM = CHINESE.pattern
OPEN_CHARS = "（("
OPEN = f"[{OPEN_CHARS}]"
CLOSE = r"[）)]"
SEP = r"[、，,.．]"  # optional trailing separator after a bracketed number
DIGIT_AHEAD = r"(?![0-9０-９])"  # `1.5亿` is an amount, not a marker
AFTER_UNIT = r"[ \t\u3000]* [：:、，,.．]?"  # after `第一篇`, `第二章`
HAN = r"[\u4e00-\u9fff]"
# The nouns that label the points of a run (`措施一：`, `案例二：`)
LABELS = (
    "措施|举措|舉措|案例|任务|任務|目标|目標|经验|經驗|做法|建议|建議|步骤|步驟|原则|原則"
    "|专题|專題|重点|重點|模块|模塊|环节|環節|课题|課題|项目|項目"
)
LABEL_FIRST = "".join(sorted({word[0] for word in LABELS.split("|")}))


@dataclass(frozen=True, slots=True)
class Family:
    name: str
    rank: int  # lower = conventionally higher in the outline
    source: str  # the pattern as written below, its groups named apart (what `combined` joins)
    numerals: tuple[Numerals, ...]  # the ways its numbers are written
    first: tuple[str, ...]  # what a marker opens with, one string of characters per form
    anywhere: str  # of those, the characters that open a point anywhere in a sentence
    inline: bool  # may open a point in the middle of a paragraph
    lone_ok: bool  # a single marker (no run of two) still makes a section
    opens_paragraph: bool  # stands at a paragraph's start (a run-together text is cut there)
    pairs: bool  # `二、三产业`: its number and the next may be two numerals read together
    half: bool  # also written with a closing bracket alone (`1）`), nesting under the full form
    zero: bool  # ordinal 0 occurs (`最后`: its place is known only from the run it closes)
    standard: str | None  # the form GB/T 9704 gives its level (the check's level order)
    unit: str | None  # the counter word after `第N` (`篇|部分`, `章`): a division of the text
    piece_unit: str | None  # the unit that heads a piece of a collection (`第二篇`), not a section
    examples: tuple[tuple[str, int], ...]  # markers it must find alone, with their numbers
    pattern: re.Pattern[str]  # `source` compiled
    num_groups: tuple[str, ...]  # the groups that may hold the number
    space_groups: tuple[str, ...]  # the groups that hold a space after it (`一 关于…`)
    slip_groups: tuple[str, ...]  # the groups that hold a comma written for 、 (`一，关于…`)
    renum_groups: tuple[str, ...]  # a number the marker restates (`最后一点，第八点：`): it wins

    @property
    def first_chars(self) -> str:
        return "".join(self.first)


def _named_apart(name: str, pattern: str) -> tuple[str, dict[str, tuple[str, ...]]]:
    """The pattern with its groups renamed `<family>_<group><n>`: the standard library's engine
    (~2.5x faster per match here than `regex`) allows no name twice, and the families are also
    joined into one pattern. Returns it and the new names of each group.

    >>> _named_apart("ar", "(?P<num>1)|(?P<num>2)")
    ('(?P<ar_num1>1)|(?P<ar_num2>2)', {'num': ('ar_num1', 'ar_num2')})
    """
    count: dict[str, int] = {}

    def rename(m: re.Match[str]) -> str:
        count[m[1]] = count.get(m[1], 0) + 1
        return f"(?P<{name}_{m[1]}{count[m[1]]}>"

    renamed = re.sub(r"\(\?P<(\w+)>", rename, pattern)
    return renamed, {g: tuple(f"{name}_{g}{k}" for k in range(1, n + 1)) for g, n in count.items()}


def _family(
    name: str,
    rank: int,
    pattern: str,
    *,
    numerals: tuple[Numerals, ...],
    first: tuple[str, ...],
    anywhere: str,
    inline: bool,
    lone_ok: bool,
    opens_paragraph: bool,
    pairs: bool,
    half: bool,
    zero: bool,
    standard: str | None,
    unit: str | None,
    piece_unit: str | None,
    examples: tuple[tuple[str, int], ...],
) -> Family:
    renamed, groups = _named_apart(name, pattern)
    return Family(
        name,
        rank,
        renamed,
        numerals,
        first,
        anywhere,
        inline,
        lone_ok,
        opens_paragraph,
        pairs,
        half,
        zero,
        standard,
        unit,
        piece_unit,
        examples,
        lazy_re(renamed, re.VERBOSE),  # tried alone only when a joined pattern's find is refused
        groups["num"],
        groups.get("space", ()),
        groups.get("slip", ()),
        groups.get("renum", ()),
    )


def _ordinal(name: str, rank: int, unit: str, *, examples: tuple[tuple[str, int], ...]) -> Family:
    """A division of the text counted `第N` + a unit (`第一章`, `第二节`): a heading on its own."""
    return _family(
        name,
        rank,
        rf"第 (?P<num>{CN_NUM}) (?:{unit}) {AFTER_UNIT}",
        numerals=(CHINESE,),
        first=("第",),
        anywhere="",
        inline=False,
        lone_ok=True,
        opens_paragraph=True,
        pairs=False,
        half=False,
        zero=False,
        standard=None,
        unit=unit,
        piece_unit=None,
        examples=examples,
    )


def _spoken(
    name: str, word: str, ahead: str, *, examples: tuple[tuple[str, int], ...]
) -> Family:
    """A spoken point: a Chinese number and a word (`一是`, `二要`, `三抓`), inline or opening a
    paragraph, a point only in a run; `ahead` rejects what the word starts instead (`一要素`)."""
    return _family(
        name,
        4,
        rf"(?P<num>{CN_NUM}) {word} {ahead}",
        numerals=(CHINESE,),
        first=(CHINESE.first,),
        anywhere="",
        inline=True,
        lone_ok=False,
        opens_paragraph=False,
        pairs=False,
        half=False,
        zero=False,
        standard=None,
        unit=None,
        piece_unit=None,
        examples=examples,
    )


_PART = _family(
    "part",
    0,
    rf"第 (?P<num>{CN_NUM}) (?P<unit>篇|部分) {AFTER_UNIT}",
    numerals=(CHINESE,),
    first=("第",),
    anywhere="",
    inline=False,
    lone_ok=True,
    opens_paragraph=True,
    pairs=False,
    half=False,
    zero=False,
    standard=None,
    unit="篇|部分",
    piece_unit="篇",
    examples=(("第一部分", 1), ("第二部分：", 2), ("第三篇", 3)),
)

FAMILIES: tuple[Family, ...] = (
    _PART,
    # a plan's or a regulation's chapters, their sections and articles (第一章 → 第一节 → 第一条)
    _ordinal("chapter", 0, "章", examples=(("第一章", 1), ("第十二章", 12))),
    _ordinal("jie", 1, "[节節]", examples=(("第一节", 1), ("第三節", 3))),
    _family(  # a regulation's articles: `第一条　为了规范…`
        "article",
        1,
        rf"第 (?P<num>{CN_NUM}) [条條] [ \t\u3000]+",
        numerals=(CHINESE,),
        first=("第",),
        anywhere="",
        inline=True,
        lone_ok=False,
        opens_paragraph=True,
        pairs=False,
        half=False,
        zero=False,
        standard=None,
        unit="[条條]",
        piece_unit=None,
        examples=(("第一条 ", 1), ("第二十三條　", 23)),
    ),
    _family(  # above 一、 where both are used (Taiwan's 壹、→一、→（一）→1、→（1）)
        "cn_formal",
        1,
        rf"""
        (?P<num>{FORMAL.pattern})
        (?: 、 | [.．] | (?P<space>[ \t\u3000]+)(?=\S) )""",
        numerals=(FORMAL,),
        first=(FORMAL.first,),
        anywhere="",
        inline=False,
        lone_ok=True,
        opens_paragraph=True,
        pairs=False,
        half=False,
        zero=False,
        standard=None,
        unit=None,
        piece_unit=None,
        examples=(("壹、", 1), ("貳、", 2), ("拾壹、", 11)),
    ),
    _family(
        "cn_dun",
        2,
        rf"""
        (?P<num>{CN_NUM}|{POSITIONAL.pattern})
        (?: 、 | [.．]{DIGIT_AHEAD} | (?P<space>[ \t\u3000]+)(?=\S) | (?P<slip>[，,]) )""",
        numerals=(CHINESE, POSITIONAL),
        first=(CHINESE.first,),
        anywhere="",
        inline=True,
        lone_ok=True,
        opens_paragraph=True,
        pairs=True,
        half=False,
        zero=False,
        standard="一、",
        unit=None,
        piece_unit=None,
        examples=(("一、", 1), ("十二、", 12), ("三．", 3), ("一○、", 10), ("一一、", 11)),
    ),
    _family(
        "cn_paren",
        3,
        rf"""
        (?: {OPEN} [ \t]* (?P<num>{CN_NUM}|{POSITIONAL.pattern}|{DASH_ONE.pattern}) [ \t]* {CLOSE}
          | (?P<num>{CN_NUM}) {CLOSE} | (?P<num>{GLYPH_CN_PAREN.pattern}) ) {SEP}?""",
        numerals=(CHINESE, GLYPH_CN_PAREN, DASH_ONE, POSITIONAL),
        first=(OPEN_CHARS, CHINESE.first, GLYPH_CN_PAREN.first),
        anywhere=OPEN_CHARS + GLYPH_CN_PAREN.first,
        inline=True,
        lone_ok=True,
        opens_paragraph=True,
        pairs=False,
        half=True,
        zero=False,
        standard="（一）",
        unit=None,
        piece_unit=None,
        examples=(
            ("（一）", 1),
            ("(十一)", 11),
            ("三）", 3),
            ("㈣", 4),
            ("(-)", 1),  # a dash typed or read for 一
            ("（二 ）", 2),
            ("（一○）", 10),
        ),
    ),
    _family(  # the heavenly stems in order: `甲、…乙、…`, `（甲）`
        "stem",
        4,
        rf"""
        (?: {OPEN} (?P<num>{STEMS.pattern}) {CLOSE} {SEP}? | (?P<num>{STEMS.pattern}) 、 )""",
        numerals=(STEMS,),
        first=(OPEN_CHARS, STEMS.first),
        anywhere=OPEN_CHARS,
        inline=True,
        lone_ok=False,
        opens_paragraph=True,
        pairs=True,
        half=False,
        zero=False,
        standard=None,
        unit=None,
        piece_unit=None,
        examples=(("甲、", 1), ("（乙）", 2), ("丙、", 3)),
    ),
    _spoken(
        "shi",
        "是",
        r"(?![一二三四五六七八九十]{1,2}[、，,])",  # `一是一、二是二`
        examples=(("一是", 1), ("十二是", 12)),
    ),
    _spoken("yao", "要", r"(?![素务務害职職员員])", examples=(("一要", 1), ("三要", 3))),
    _spoken("zhua", "抓", r"(?![手])", examples=(("一抓", 1), ("二抓", 2))),
    _family(
        "di",
        4,
        rf"""
        (?: 第 (?P<num>{CN_NUM})
            (?:[个個]?(?:方面|问题|問題|层面|層面)|[个個种種类類]{HAN}{{0,3}}|点|點|条|條|项|項|步)?
            [ \t]* [，,、：:]
          | (?P<num>{SEQUENCE.pattern}) (?:一点|一點)? [ \t]* (?:[，,、：:]|是)
            (?: [ \t]* 第 (?P<renum>{CN_NUM}) (?:点|點) [ \t]* [，,、：:] )?
          | 其 (?P<num>[一二三四五六七八九十]) [ \t]* [，,、：:] )""",
        numerals=(CHINESE, SEQUENCE),
        first=("第其", SEQUENCE.first),
        anywhere="",
        inline=True,
        lone_ok=False,
        opens_paragraph=False,
        pairs=False,
        half=False,
        zero=True,
        standard=None,
        unit=None,
        piece_unit=None,
        examples=(
            ("第一，", 1),
            ("第二个方面，", 2),
            ("第三方面，", 3),
            ("第二個挑戰，", 2),
            ("第三步，", 3),
            ("第一种情况，", 1),
            ("首先，", 1),
            ("最后，", 0),
            ("最后一点，第八点：", 8),
            ("其三，", 3),
        ),
    ),
    _family(
        "ar_dot",
        4,
        rf"""
        (?: (?P<num>{DIGITS.pattern}) [ \t]* (?: [.．﹒·]{DIGIT_AHEAD} | 、 | 。 )
          | (?P<num>{GLYPH_DOT.pattern}) )""",
        numerals=(DIGITS, GLYPH_DOT),
        first=(DIGITS.first, GLYPH_DOT.first),
        anywhere=GLYPH_DOT.first,
        inline=True,
        lone_ok=False,
        opens_paragraph=True,
        pairs=True,
        half=False,
        zero=False,
        standard="1.",
        unit=None,
        piece_unit=None,
        examples=(
            ("1.", 1),
            ("12、", 12),
            ("３．", 3),
            ("⒋", 4),
            ("5﹒", 5),  # U+FE52
            ("6·", 6),
            ("7。", 7),
        ),
    ),
    _family(  # a point labelled by a noun and its number: `措施一：`, `案例2：`
        "label",
        4,
        rf"""
        (?:{LABELS}) [ \t]* (?P<num>{CN_NUM}|{DIGITS.pattern}) [ \t]* [：:]""",
        numerals=(CHINESE, DIGITS),
        first=(LABEL_FIRST,),
        anywhere="",
        inline=False,
        lone_ok=False,
        opens_paragraph=True,
        pairs=False,
        half=False,
        zero=False,
        standard=None,
        unit=None,
        piece_unit=None,
        examples=(("措施一：", 1), ("案例2：", 2), ("任務三：", 3)),
    ),
    _family(
        "ar_paren",
        5,
        rf"""
        (?: {OPEN} [ \t]* (?P<num>{DIGITS.pattern}) [ \t]* {CLOSE}
          | (?P<num>{DIGITS.pattern}) {CLOSE} | (?P<num>{GLYPH_PAREN.pattern}) ) {SEP}?""",
        numerals=(DIGITS, GLYPH_PAREN),
        first=(OPEN_CHARS, DIGITS.first, GLYPH_PAREN.first),
        anywhere=OPEN_CHARS + GLYPH_PAREN.first,
        inline=True,
        lone_ok=False,
        opens_paragraph=True,
        pairs=False,
        half=True,
        zero=False,
        standard="（1）",
        unit=None,
        piece_unit=None,
        examples=(("（1）", 1), ("(12)", 12), ("3）", 3), ("⑷", 4)),
    ),
    _family(
        "circled",
        6,
        rf"""
        (?P<num>{CIRCLED.pattern}) {SEP}?""",
        numerals=(CIRCLED,),
        first=(CIRCLED.first,),
        anywhere=CIRCLED.first,
        inline=True,
        lone_ok=False,
        opens_paragraph=False,
        pairs=False,
        half=False,
        zero=False,
        standard=None,
        unit=None,
        piece_unit=None,
        examples=(("①", 1), ("⑫", 12)),
    ),
)

# Derived from the rows ------------------------------------------------------------------------
BY_NAME: dict[str, Family] = {f.name: f for f in FAMILIES}
INLINE_FAMILIES: tuple[Family, ...] = tuple(f for f in FAMILIES if f.inline)
TOP_RANK = 2  # `一、` and above: the divisions of a whole text
TOP_FAMILIES = frozenset(f.name for f in FAMILIES if f.rank <= TOP_RANK)
PARAGRAPH_FAMILIES = frozenset(f.name for f in FAMILIES if f.opens_paragraph)
PAIR_FAMILIES = frozenset(f.name for f in FAMILIES if f.pairs)
HALF_FAMILIES = frozenset(f.name for f in FAMILIES if f.half)
# the GB/T 9704 levels in order, with the form the standard gives each
STANDARD_LEVELS: tuple[tuple[str, str], ...] = tuple(
    (f.name, f.standard) for f in sorted(FAMILIES, key=lambda f: f.rank) if f.standard
)
# every marker opens with one of these: a quick way past the lines that open with none
LEAD_FIRST = frozenset("".join(f.first_chars for f in FAMILIES))
PARAGRAPH_FIRST = "".join(sorted({c for f in FAMILIES if f.opens_paragraph for c in f.first_chars}))
# the characters numbers of families that make lists with the next number are written in
# (`二、三产业`, `1、2、3`, `甲、乙双方`): read after a marker to tell a list from a point
NUMERAL_CHARS = frozenset(c for f in FAMILIES if f.pairs for n in f.numerals for c in n.first)
# the units of the text's divisions (`第一章`, `第二条`), and the piece unit (`第二篇`)
UNITS = "|".join(f.unit for f in FAMILIES if f.unit)
PIECE_UNITS = tuple(f.piece_unit for f in FAMILIES if f.piece_unit)
NUMBERS = lookup(tuple(dict.fromkeys(n for f in FAMILIES for n in f.numerals)))


def number_value(family: Family, number: str) -> int | None:
    """The value of a number as a family writes it (`十二` 12, `④` 4, `首先` 1, `最后` 0)."""
    return number_reading(family, number)[0]


def number_reading(family: Family, number: str) -> tuple[int | None, bool]:
    """The value of a number as a family writes it, and whether it holds only where its run
    says so (`一一、` after `十、` is 11; alone it may be "one by one")."""
    found = NUMBERS.get(number)
    if found is not None:
        return found, False
    for system in family.numerals:
        value = system.read(number)
        if value is not None:
            return value, system.weak
    return None, False


def is_piece_header(family: str, marker: str) -> bool:
    """Does the marker head a piece of a collection (`第二篇`) rather than a section?"""
    unit = BY_NAME[family].piece_unit
    return unit is not None and unit in marker


def combined(families: tuple[Family, ...]) -> re.Pattern[str]:
    """All the families in one pattern, in table order, each a group named after it: one match
    call finds the first family that fits where trying them one by one took up to ten (the
    match's `lastgroup` names it: a family's group encloses all of its own). Compiled on first
    use: a text meets markers opening with a few of the characters only."""
    return lazy_re("|".join(f"(?P<{f.name}>{f.source})" for f in families), re.VERBOSE)


def by_first(
    families: tuple[Family, ...],
) -> dict[str, tuple[tuple[Family, ...], re.Pattern[str]]]:
    """For each character a marker of `families` opens with: the families that open with it, in
    table order, and their combined pattern (a family never matches at a character outside its
    `first`: `1` is tried by two rows, not eleven)."""
    found: dict[str, tuple[tuple[Family, ...], re.Pattern[str]]] = {}
    patterns: dict[tuple[Family, ...], re.Pattern[str]] = {}
    for c in sorted({c for f in families for c in f.first_chars}):
        rows = tuple(f for f in families if c in f.first_chars)
        if rows not in patterns:
            patterns[rows] = combined(rows)
        found[c] = (rows, patterns[rows])
    return found



# What may stand right before an inline marker: the start of a clause.
BOUNDARY = r"。；;，,：:！？!?、\s（(“”\"‘’）)…—"
# One scan finds every inline candidate; each family is tried at the candidate's position: a
# character an inline marker opens with, where nothing but a clause boundary precedes it, or
# one that opens a point anywhere (a bracket, a circled digit). It runs over every paragraph,
# so it is built for scanning speed: compiled with the standard library's engine (~2.7x faster
# than `regex` on this plain pattern), and opening with the class of all first characters, the
# look-back after it: the engine then passes over the other characters in its own tight loop
# without starting a match at each (half the instructions of a look-ahead written first).
_INLINE_ANYWHERE = "".join(sorted({c for f in INLINE_FAMILIES for c in f.anywhere}))
_INLINE_BOUNDED = "".join(
    sorted({c for f in INLINE_FAMILIES for c in f.first_chars} - set(_INLINE_ANYWHERE))
)
INLINE_FIRST = f"[{re.escape(_INLINE_BOUNDED + _INLINE_ANYWHERE)}]"
INLINE_START = lazy_re(rf"{INLINE_FIRST}(?<![^{BOUNDARY}][{re.escape(_INLINE_BOUNDED)}])")
