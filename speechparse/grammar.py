"""The marker grammar: one ordered table of named families of outline markers.

Each row is a family: its name (the JSON `kind`), its conventional rank (GB/T 9704 orders
`一、` > `（一）` > `1.` > `（1）`; spoken enumerations float at the rank of `1.`), the pattern of
the marker itself, and where it may stand. Patterns are built from the named pieces below and
match at the position they are applied to; the number is always the group `num`.
Adding a marker style costs one row here and one fixture.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Named pieces -------------------------------------------------------------------------------
CN_NUM = r"[一二三四五六七八九十百零〇]{1,4}"  # 一 … 九十九 (两 is never an ordinal)
FORMAL_NUM = r"[壹贰貳貮叁參叄肆伍陆陸柒捌玖拾]{1,3}"  # 壹 … 玖拾玖
DIGITS = r"[0-9０-９]{1,3}"
OPEN = r"[（(]"
CLOSE = r"[）)]"
SEP = r"[、，,.．]"  # optional trailing separator after a bracketed number
DIGIT_AHEAD = r"(?![0-9０-９])"  # `1.5亿` is an amount, not a marker
SEQ_WORD = r"首先|其次|再次|最后|最後"
CIRCLED = r"[①-⑳]"
GLYPH = r"[㈠-㈩⑴-⒛]"  # one-character （一）, （1） and 1.


@dataclass(frozen=True, slots=True)
class Family:
    name: str
    rank: int  # lower = conventionally higher in the outline
    source: str  # the pattern as written below, its groups named apart (what `combined` joins)
    inline: bool  # may open a point in the middle of a paragraph
    lone_ok: bool  # a single marker (no run of two) still makes a section
    pattern: re.Pattern[str]  # `source` compiled
    num_groups: tuple[str, ...]  # the groups that may hold the number
    space_groups: tuple[str, ...]  # the groups that hold a space after it (`一 关于…`)
    slip_groups: tuple[str, ...]  # the groups that hold a comma written for 、 (`一，关于…`)


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


def _family(name: str, rank: int, pattern: str, *, inline: bool, lone_ok: bool = False) -> Family:
    renamed, groups = _named_apart(name, pattern)
    return Family(
        name,
        rank,
        renamed,
        inline,
        lone_ok,
        re.compile(renamed, re.VERBOSE),
        groups["num"],
        groups.get("space", ()),
        groups.get("slip", ()),
    )


FAMILIES: tuple[Family, ...] = (
    _family(
        "part",
        0,
        rf"""
        第 (?P<num>{CN_NUM}) (?P<unit>篇|部分|章)
        [ \t\u3000]* [：:、，,.．]?""",
        inline=False,
        lone_ok=True,
    ),
    _family(  # a regulation's articles, under its chapters: `第一条　为了规范…`
        "article",
        1,
        rf"""
        第 (?P<num>{CN_NUM}) [条條] [ \t\u3000]+""",
        inline=False,
    ),
    _family(  # above 一、 where both are used (Taiwan's 壹、→一、→（一）→1、→（1）)
        "cn_formal",
        1,
        rf"""
        (?P<num>{FORMAL_NUM})
        (?: 、 | [.．] | (?P<space>[ \t\u3000]+)(?=\S) )""",
        inline=False,
        lone_ok=True,
    ),
    _family(
        "cn_dun",
        2,
        rf"""
        (?P<num>{CN_NUM})
        (?: 、 | [.．]{DIGIT_AHEAD} | (?P<space>[ \t\u3000]+)(?=\S) | (?P<slip>[，,]) )""",
        inline=False,
        lone_ok=True,
    ),
    _family(
        "cn_paren",
        3,
        rf"""
        (?: {OPEN} [ \t]* (?P<num>{CN_NUM}) [ \t]* {CLOSE} | (?P<num>{CN_NUM}) {CLOSE}
          | (?P<num>[㈠-㈩]) ) {SEP}?""",
        inline=True,
        lone_ok=True,
    ),
    _family(
        "shi",
        4,
        rf"""
        (?P<num>{CN_NUM}) 是 (?![一二三四五六七八九十]{{1,2}}[、，,])""",
        inline=True,
    ),
    _family(
        "yao",
        4,
        rf"""
        (?P<num>{CN_NUM}) 要 (?![素务務害职職员員])""",
        inline=True,
    ),
    _family(
        "zhua",
        4,
        rf"""
        (?P<num>{CN_NUM}) 抓 (?![手])""",
        inline=True,
    ),
    _family(
        "di",
        4,
        rf"""
        (?: 第 (?P<num>{CN_NUM})
            (?:[个個]?(?:方面|问题|問題|层面|層面)|点|點|条|條|项|項)? [ \t]* [，,、：:]
          | (?P<num>{SEQ_WORD}) (?:一点|一點)? [ \t]* (?:[，,、：:]|是)
          | 其 (?P<num>[一二三四五六七八九十]) [ \t]* [，,、：:] )""",
        inline=True,
    ),
    _family(
        "ar_dot",
        4,
        rf"""
        (?: (?P<num>{DIGITS}) [ \t]* (?: [.．]{DIGIT_AHEAD} | 、 ) | (?P<num>[⒈-⒛]) )""",
        inline=True,
    ),
    _family(
        "ar_paren",
        5,
        rf"""
        (?: {OPEN} [ \t]* (?P<num>{DIGITS}) [ \t]* {CLOSE} | (?P<num>{DIGITS}) {CLOSE}
          | (?P<num>[⑴-⒇]) ) {SEP}?""",
        inline=True,
    ),
    _family(
        "circled",
        6,
        rf"""
        (?P<num>{CIRCLED}) {SEP}?""",
        inline=True,
    ),
)

BY_NAME: dict[str, Family] = {f.name: f for f in FAMILIES}
INLINE_FAMILIES: tuple[Family, ...] = tuple(f for f in FAMILIES if f.inline)


def combined(families: tuple[Family, ...]) -> re.Pattern[str]:
    """All the families in one pattern, in table order, each a group named after it: one match
    call finds the first family that fits where trying them one by one took up to ten (the
    match's `lastgroup` names it: a family's group encloses all of its own)."""
    return re.compile("|".join(f"(?P<{f.name}>{f.source})" for f in families), re.VERBOSE)


LEAD_ANY = combined(FAMILIES)
INLINE_ANY = combined(INLINE_FAMILIES)

# What may stand right before an inline marker: the start of a clause.
BOUNDARY = r"。；;，,：:！？!?、\s（(“”\"‘’）)…—"
# One scan finds every inline candidate; each family is tried at the candidate's position.
# (a numeral, 第, 其 or a sequence word only where nothing but a clause boundary precedes it;
# brackets and circled digits anywhere)
# It runs over every paragraph, so it is built for scanning speed: compiled with the standard
# library's engine (~2.7x faster than `regex` on this plain pattern), the candidate first and the
# look-back after it, and a look-ahead for the first characters of all alternatives, which lets
# the engine skip the other characters in one tight loop (~3x faster again; measured on the
# samples).
INLINE_FIRST = "[一二三四五六七八九十第其0-9０-９首再最（(①-⑳㈠-㈩⑴-⒛]"
INLINE_START = re.compile(
    rf"(?={INLINE_FIRST})(?:[一二三四五六七八九十第其0-9０-９](?<![^{BOUNDARY}].)"
    rf"|(?:{SEQ_WORD})(?<![^{BOUNDARY}]..)|{OPEN}|{CIRCLED}|{GLYPH})"
)
