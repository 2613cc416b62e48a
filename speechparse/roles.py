"""What a single paragraph is, by its shape: salutation, subtitle, title, piece header.

Shared by the paragraph and speech stages. Simplified and Traditional forms are both covered.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from . import lexicon
from .grammar import PIECE_UNITS
from .junk import probe
from .lazy import lazy_re, lazy_regex
from .lexicon import CLOSERS
from .meta import ROLE_WORD, SURNAME_ROLE, lost_spaces
from .numerals import CHINESE, DIGITS

CACHE = 8192  # the same lines are asked about by several stages
ADDRESS = lazy_re(lexicon.ADDRESS_WORD)
SAYS = lazy_regex(lexicon.SAYS)
VOCATIVE = lazy_regex(
    rf"^(?:{lexicon.ADDRESS_TERM}[、，,\s]*)*{lexicon.ADDRESS_TERM}\s*[！!，,]"
)
GREETING_LINE = lazy_regex(rf"^[^。！？!?：:]{{0,80}}?[，,、\s]*{lexicon.GREETING}\s*[！!。.]$")
GREETING_LINE_MAX = 90
GREETING_WORD = "大家"  # what every greeting opens with (`lexicon.GREETING`)
VOCATIVE_MAX = 60  # characters a run of terms of address takes at most
VOCATIVE_STOP = lazy_re("[！!，,]")
ADDRESS_LAST = frozenset("志友表员員宾賓士生师師学學事长長亲親年工导導胞")
SECTION_WORD = lazy_re(rf"^{lexicon.SECTION_TITLE_WORD}$")
ORGANISATION = lazy_regex(lexicon.ORGANISATION_END + "$")
SALUTATION_MAX = 40
# The parts of an address line and how each is a term of address: opened by `各位`/`尊敬的`…,
# or ending in a word of address or an office.
ADDRESS_SEPARATOR = lazy_regex(r"(?:[、，,；;和及与與暨]|并请转|並請轉)+")
ADDRESS_OPEN = lazy_regex(r"^(?:各|尊敬的|亲爱的|親愛的|敬爱的|敬愛的|全体|全體|在座的?)")
ADDRESS_END = lazy_regex(
    rf"(?:{lexicon.ADDRESS_WORD}|{lexicon.ROLE_WORD}|[市公村居乡鄉]民|[们們]|长|長|会|會"
    rf"|大家|家人|[主]席|议员|議員|官|总|總|委|单位|單位|部门|部門|夫人|机构|機構|人员|人員|[鉴鑒])$"
)
HAN_CHAR = lazy_regex(r"\p{Han}")
BRACKETED = lazy_regex(r"[（(][^（）()]*[）)]")  # `各县（市、区）`
SUBTITLE = lazy_regex(r"^(?:[—―]{1,2}|--|－－)\s*\S")  # `——`, `――` (U+2015), `--`
SUBTITLE_FIRST = frozenset(lexicon.DASHES)
SUBTITLE_MAX = 80
TITLE_MIN, TITLE_MAX = 2, 60
TITLE_FORBIDDEN = lazy_re(r"[。，,；;！？!?]")
SENTENCE_ENDS = frozenset(lexicon.SENTENCE_END + "…")
# `第一篇：`, `篇一：`, `【篇二】`, `范文三：`, `范文（一）`, `精选范文2：`, `模板一：`: where the
# next speech on a page starts.
PIECE_HEADER = lazy_regex(
    rf"""^(?: 第(?P<num>{CHINESE.pattern}|{DIGITS.pattern})(?:{"|".join(PIECE_UNITS)})
           | [【\[]?(?:精选|精選|优秀|優秀)?(?:篇|范文|範文|例文|模板|材料|讲话稿|講話稿)
             [（(]?(?P<num>{CHINESE.pattern}|{DIGITS.pattern})[）)]?[】\]]? )
        \s*[：:、，,.．]?\s*""",
    regex.VERBOSE,
)


DATE_LINE = lazy_regex(
    r"^[（(]?\s*(?:\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月"
    r"\s*[\d一二三四五六七八九十]{1,3}\s*日\s*[）)]?$"
)
PAREN_LINE = lazy_regex(r"^[（(][^（）()]{2,80}[）)]$")
FILLED = str.maketrans(dict.fromkeys(lexicon.PLACEHOLDERS, "某"))
HAN_AND_SPACE = lazy_regex(r"^[\p{Han}\s、·]+$")  # 市委副书记、市长　李明
BYLINE_MAX = 20
NAME_MAX = 4  # characters of a name (a spaced-out line longer than this is a title)
SALUTATION_PREFIX_MAX = 30
SALUTATION_PREFIX = lazy_regex(rf"^[^。！？；;：:]{{1,{SALUTATION_PREFIX_MAX}}}?[：:]")
LABEL_MAX = 16  # characters of a speaker's label (`商務及經濟發展局局長`)
# `行政長官：`, `陳偉業議員：`: a speaker's label opening what was said (never a term of address:
# `各位代表：`, `同志们：`)
SPEAKER_LABEL = lazy_regex(lexicon.SPEAKER_LABEL)
# what every title a label ends in ends in (a test before the pattern)
TITLE_LAST = frozenset(title[-1] for title in lexicon.SPEAKER_TITLE[3:-1].split("|"))
LABEL_SPACES = " \t\u3000"  # between a label and its colon
PRESIDING = lazy_regex(rf"^{lexicon.PRESIDING}$")


def is_byline(text: str) -> bool:
    """A date or speaker line under a title (see `_is_byline`); prose is rejected first."""
    return "。" not in text and "，" not in text and _is_byline(text)


@lru_cache(maxsize=CACHE)
def _is_byline(text: str) -> bool:
    """A date or speaker line under a title: `（2024年2月5日）`, `市委书记　王明`, `王　明`.

    >>> _is_byline("（2024年2月5日）"), _is_byline("市委书记　王明"), _is_byline("王　明")
    (True, True, True)
    >>> _is_byline("市委副书记、市长 李明"), _is_byline("一、总体要求")
    (True, False)
    >>> _is_byline("关于我区劳动就业状况的调查报告"), _is_byline("XX镇党委书记　王强")
    (False, True)
    >>> _is_byline("王副县长"), _is_byline("李书记"), _is_byline("总书记")
    (True, True, False)
    >>> _is_byline("国务院总理?李克强"), _is_byline("怎么办?就这么办")
    (True, False)
    """
    seen = probe(text).strip().translate(FILLED)  # a template's `XX镇` is a place
    seen = lost_spaces(seen)  # `国务院总理?李克强`
    if DATE_LINE.match(seen):
        return True
    if len(seen) > BYLINE_MAX or not HAN_AND_SPACE.match(seen):
        return False
    parts = seen.split()
    if SECTION_WORD.match("".join(parts)):
        return False  # `引　　言`: a part's title letter-spaced, not a name
    name = parts[-1]
    before = "".join(parts[:-1])
    if 1 < len(parts) <= NAME_MAX and all(len(p) == 1 for p in parts):
        return True  # 王　明: a name spaced out to the width of three characters
    if not before and SURNAME_ROLE.match(name):
        return True  # `王副县长`, `李书记`
    if not before:
        roles = list(ROLE_WORD.finditer(name))
        if not roles:  # a name alone (`、` joins roles only; `统计局` is a body, no person)
            return 2 <= len(name) <= 3 and "、" not in name and ORGANISATION.search(name) is None
        before, name = name[: roles[-1].end()], name[roles[-1].end() :]
    return 2 <= len(name) <= 3 and ROLE_WORD.search(before) is not None


def is_paren_subtitle(text: str) -> bool:
    """A bracketed subtitle line (see `_is_paren_subtitle`); it opens with a bracket."""
    return text[:1] in ("（", "(") and _is_paren_subtitle(text)


@lru_cache(maxsize=CACHE)
def _is_paren_subtitle(text: str) -> bool:
    """`（在全县经济工作会议上的讲话）` or `（2024年2月5日在…）` under a title.

    >>> _is_paren_subtitle("（在全县经济工作会议上的讲话）"), _is_paren_subtitle("（摘要）")
    (True, False)
    """
    seen = probe(text).strip()
    return (
        PAREN_LINE.match(seen) is not None
        and regex.search(r"讲话|講話|发言|發言|会|會|致辞|報告|报告", seen) is not None
    )


def salutation_prefix(text: str) -> int:
    """Length of a salutation opening a longer paragraph (see `_salutation_prefix`)."""
    head = text[: SALUTATION_PREFIX_MAX + 1]
    return _salutation_prefix(text) if "：" in head or ":" in head else 0


@lru_cache(maxsize=CACHE)
def _salutation_prefix(text: str) -> int:
    """Length of a salutation that opens a longer paragraph (`同志们：今天…`), else 0.

    >>> _salutation_prefix("同志们：今天我们召开会议。"), _salutation_prefix("主要表现在：一是…")
    (4, 0)
    """
    found = SALUTATION_PREFIX.match(text)
    if found is None or found.end() == len(text.rstrip()) or not is_salutation(found.group()):
        return 0
    return int(found.end())


def speaker_label(text: str) -> int:
    """Length of a speaker's label and its colon opening a line of a record (`主席：…`,
    `陳偉業議員：…`, `財政司司長：…`), else 0; a label is an office or a member's title, alone
    or after a name (not a term of address: `各位代表：`).

    >>> speaker_label("陳偉業議員：打倒！"), speaker_label("行政長官：主席、各位議員：")
    (6, 5)
    >>> speaker_label("各位代表：今天…")
    0
    >>> speaker_label("主要表现在：一是…"), speaker_label("主席："), speaker_label("同志们：今天…")
    (0, 0, 0)
    """
    head = text[: LABEL_MAX + 2]
    if "：" not in head and ":" not in head:
        return 0
    wide, narrow = head.find("："), head.find(":")
    colon = wide if narrow < 0 or 0 <= wide < narrow else narrow  # the first colon
    if head[:colon].rstrip(LABEL_SPACES)[-1:] not in TITLE_LAST:
        return 0  # (no title before it: most lines with a colon)
    found = SPEAKER_LABEL.match(text)
    if found is None or found.end() >= len(text.rstrip()) or ADDRESS_OPEN.match(found["label"]):
        return 0
    return int(found.end())


def labelled_salutation(text: str) -> int:
    """Length of the speaker's label before a salutation on its line (`行政長官：主席、各位議員、
    各位香港市民：`: the label is who speaks, the rest whom the speech addresses), else 0.

    >>> labelled_salutation("行政長官：主席、各位議員、各位香港市民：")
    5
    >>> labelled_salutation("主席：請繼續。"), labelled_salutation("主席：各位代表，今天…")
    (0, 0)
    """
    label = speaker_label(text)
    if not label or text.rstrip()[-1:] not in ("：", ":"):
        return 0
    return label if is_salutation(text[label:].strip()) else 0


def presiding(label: str) -> bool:
    """Is the label (without its colon) the chair's or the clerk's (`主席`, `代理主席`, `秘書`)?"""
    return PRESIDING.match(label.strip(" \t\u3000：:")) is not None


def vocative_prefix(text: str) -> int:
    """Length of the terms of address that open a speech's first paragraph and end in `！` or
    `，` (`同志们！今天…`, `同志们，今天我想讲的…`), else 0.

    >>> vocative_prefix("同志们！今天邀集大家来开座谈会。"), vocative_prefix("同志们的意见很好。")
    (4, 0)
    """
    stop = VOCATIVE_STOP.search(text, 0, VOCATIVE_MAX)
    before = text[: stop.start()].rstrip(" 们們") if stop is not None else ""
    if not before or before[-1] not in ADDRESS_LAST:  # what every term of address ends in
        return 0
    found = VOCATIVE.match(text)
    return found.end() if found is not None and found.end() < len(text.rstrip()) else 0


def is_salutation(text: str) -> bool:
    """`同志们：`, `各位委员，同志们：`, `各位領導、同志們:`, `同志们！`, and an address line
    ending in a greeting (`各位貴賓、全體國人同胞，大家好。`).

    >>> is_salutation("各位委员，同志们："), is_salutation("主要表现在：")
    (True, False)
    >>> is_salutation("同志们！"), is_salutation("老师们、同学们，大家好！"), is_salutation("好！")
    (True, True, False)
    >>> is_salutation("主席、各位議員、各位香港市民："), is_salutation("各县（市、区）人民政府：")
    (True, True)
    >>> is_salutation("政府會採取一系列強力措施，增加短中期的房屋土地供應：")  # a clause
    False
    """
    # a salutation ends in a colon (pinyin, which follows a Han character, never trails one)
    last = text[-1:]
    if last in ("：", ":"):
        return _is_salutation(text)
    if last not in ("！", "!", "。") or len(text) > GREETING_LINE_MAX:
        return False
    greeting = GREETING_WORD in text
    if last == "。" and not greeting:
        return False  # a sentence
    seen = probe(text).strip()
    if last != "。" and seen[:-1].rstrip("们們")[-1:] in ADDRESS_LAST:  # `同志们！`, `各位代表！`
        vocative = VOCATIVE.match(seen)
        if vocative is not None and vocative.end() == len(seen):
            return True
    # the greeting ends the line but for its closing mark and any spaces (`\s`, all of which
    # `str.rstrip` strips): asked before the pattern
    return (
        greeting
        and seen[:-1].rstrip()[-1:] == lexicon.GREETING_LAST
        and GREETING_LINE.match(seen) is not None
        and ADDRESS.search(seen) is not None
    )


@lru_cache(maxsize=CACHE)
def _is_salutation(text: str) -> bool:
    seen = probe(text)
    return (
        len(seen) <= SALUTATION_MAX
        and seen[-1:] in ("：", ":")
        and "。" not in seen
        and ADDRESS.search(seen) is not None
        and SAYS.search(seen) is None
        and all(
            _addresses(part)
            for part in ADDRESS_SEPARATOR.split(BRACKETED.sub("", seen[:-1]))
            if part.strip()
        )
    )


def _addresses(part: str) -> bool:
    """Is one part of an address line a term of address (`各位香港市民`, `尊敬的萨勒曼国王`,
    `县人大常委会`, `郭部長`, `Mr President`), not a clause (`政府會採取一系列強力措施`)?"""
    part = "".join(part.split())  # `各　位家長`
    if not HAN_CHAR.search(part):
        return True
    return ADDRESS_OPEN.match(part) is not None or ADDRESS_END.search(part) is not None


def is_subtitle(text: str) -> bool:
    """A `——…` line under a title.

    >>> is_subtitle("——市政协主席蒋鸿在全市县市区政协主席座谈会上的讲话")
    True
    >>> is_subtitle("――一九三八年十月十二日在中共扩大的六中全会的报告")  # U+2015 twice
    True
    """
    return (
        text[:1] in SUBTITLE_FIRST
        and len(text) <= SUBTITLE_MAX
        and SUBTITLE.match(text) is not None
        and "。" not in text[:-1]
    )


def is_title_like(text: str) -> bool:
    """Short, with no sentence punctuation: a title, a page headline or an unnumbered heading.

    >>> is_title_like("政协崇川区委员会2014年工作要点"), is_title_like("主要三个方面:")
    (True, False)
    """
    # the common rejections first: prose (pinyin holds no punctuation)
    return "。" not in text and "，" not in text and _is_title_like(text)


@lru_cache(maxsize=CACHE)
def _is_title_like(text: str) -> bool:
    seen = probe(text)
    return (
        TITLE_MIN <= len(seen) <= TITLE_MAX
        and TITLE_FORBIDDEN.search(seen) is None
        and seen[-1] not in "：:"
        and not is_subtitle(seen)
    )


def ends_closed(text: str) -> bool:
    """Does the text end a sentence (so the next line cannot be its continuation)?

    >>> ends_closed("……作出更大贡献。"), ends_closed("第三，要不断拓宽参政议")
    (True, False)
    """
    body = text.rstrip(CLOSERS)
    return body[-1:] in SENTENCE_ENDS if body else False


# The per-line caches, emptied at the start of each parse (see `pipeline`).
CACHED = (_is_byline, _is_paren_subtitle, _salutation_prefix, _is_salutation, _is_title_like)
