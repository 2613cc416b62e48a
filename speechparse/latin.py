"""A piece in another script: the English (or Japanese) translation a record appends to a
Chinese speech, read as a piece of its own, with its head (title, `by` line, name, role,
dateline, salutation) read the way an English text writes it.

A text switches script where a run of paragraphs of prose in one script (Han, Latin letters,
Han with kana) follows a run in another; a few words of English in a Chinese speech (`WTO`,
`APEC`), a name in katakana, never do.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from itertools import accumulate
from typing import TYPE_CHECKING

from . import lexicon
from .dates import to_iso
from .lazy import lazy_re, lazy_regex

if TYPE_CHECKING:
    from .paragraphs import Block

LATIN = lazy_regex(r"[A-Za-z]")
KANA = lazy_regex(r"[\p{Hiragana}\p{Katakana}]")
# what is not Han: taken out of a paragraph, the rest is counted (one string made, not a string
# a letter as `findall` makes)
NOT_HAN = lazy_regex(r"\P{Han}+")
# every ASCII character but the Latin letters, as bytes: what `_latin_letters` deletes
NOT_LATIN_BYTES = bytes(c for c in range(128) if not ("A" <= chr(c) <= "Z" or "a" <= chr(c) <= "z"))
# a Latin letter or a kana (a superset of KANA's blocks): a paragraph without one is written in
# Han or has too few letters to tell; the standard engine's search is the cheap question asked of
# every paragraph (a test holds it to KANA)
MAY_KANA_BMP = "\u3040-\u30ff\u31f0-\u31ff\u32d0-\u3357\uff66-\uff9d"  # (to U+FFFF)
MAY_KANA = MAY_KANA_BMP + "\U0001aff0-\U0001b16f\U0001f200"
MAY_SWITCH = lazy_re(f"[A-Za-z{MAY_KANA}]")
ANY_KANA = lazy_re(f"[{MAY_KANA}]")  # (the kana of MAY_SWITCH)
# the same, for a text with no character past U+FFFF: a class within the Basic Multilingual
# Plane is one table look-up a character, ANY_KANA's is tested range by range (~1.7x slower)
BMP_KANA = lazy_re(f"[{MAY_KANA_BMP}]")
RUN_MIN = 3  # paragraphs of prose in one script on each side of a switch
PROSE_LETTERS = 50  # Latin letters that make a paragraph prose (ten words or so)
PROSE_CHARACTERS = 20  # or Han and kana characters (a sentence)
# the fewest Latin letters of a paragraph of prose in Latin letters with no kana: fifty, or more
# than twice its Han characters, twenty or more (see `_script` and `_prose`)
LATIN_PROSE_MIN = min(PROSE_LETTERS, 2 * PROSE_CHARACTERS + 1)
KANA_SHARE = 0.1  # of a paragraph's Han and kana: Japanese writes its grammar in kana
HEAD_WORDS = 16  # words in a title, a name or a role line
SALUTATION_WORDS = 30
MONTH = "|".join(m.capitalize() for m in lexicon.MONTHS_EN)
MONTH_ABBR = "|".join(m[:3].capitalize() for m in lexicon.MONTHS_EN)
_MONTH_NAME = rf"(?P<month>{MONTH}|(?:{MONTH_ABBR})\.?)"
DATE_EN = lazy_regex(
    rf"^(?:{_MONTH_NAME}\s+(?P<day>\d{{1,2}}),?\s+(?P<year>\d{{4}})"
    rf"|(?P<day2>\d{{1,2}})\s+{_MONTH_NAME.replace('month', 'month2')}\s+(?P<year2>\d{{4}}))\.?$"
)
BY_LINE = lazy_regex(rf"^{lexicon.BY_WORD}(?:\s+(?P<who>.+))?$")
_NAME_PART = r"[A-Z][a-z'’.]*(?:-[A-Za-z][a-z'’]*)?"
NAME_EN = lazy_regex(rf"^{_NAME_PART}(?:\s{_NAME_PART}){{1,3}}$")  # `Lee Teng-hui`
SENTENCE_END = lazy_regex(r"[.;,]$")


def _latin_letters(text: str) -> int:
    """How many Latin letters `text` holds: its ASCII characters, encoded, less all but the
    letters (two passes in C, no pattern: ~5x faster than a pattern's).

    >>> _latin_letters("WTO和APEC，2024年")
    7
    """
    return len(text.encode("ascii", "ignore").translate(None, NOT_LATIN_BYTES))


def script(text: str) -> str | None:
    """The script a paragraph is written in: `latin`, `kana` (Japanese: Han with kana),
    `han`, or None when it has too few letters to tell.

    >>> script("The Guidelines for National Unification sets out four principles."), script("x")
    ('latin', None)
    >>> script("今日は国家統一委員会改組後の第一回会議であり"), script("今天是第一次会议")
    ('kana', 'han')
    """
    return _script(_counts(text))


# A paragraph's letters: Latin, Han, kana.
Counts = tuple[int, int, int]


def _counts(text: str) -> Counts:
    """The Latin letters, Han characters and kana of a paragraph (an ASCII text has no Han and
    no kana: `str.isascii` knows it without a look at a character).

    >>> _counts("WTO和APEC，2024年"), _counts("Dear guests")
    ((7, 2, 0), (10, 0, 0))
    """
    latin = _latin_letters(text)
    if text.isascii():
        return latin, 0, 0
    return latin, len(NOT_HAN.sub("", text)), len(KANA.findall(text))


def _script(counts: Counts) -> str | None:
    latin, han, kana = counts
    if not han:
        kana = 0  # (kana without Han is no Japanese prose: too few letters, or Latin)
    if latin + han + kana < 2:
        return None
    if latin > 2 * (han + kana):
        return "latin"
    if latin * 2 >= han + kana:
        return None  # mixed: names, terms
    if kana >= 2 and kana >= KANA_SHARE * (han + kana):
        return "kana"
    return "han"


def _prose(counts: Counts) -> bool:
    latin, han, kana = counts
    return latin >= PROSE_LETTERS or han + kana >= PROSE_CHARACTERS


def switches(blocks: Sequence[Block]) -> set[int]:
    """Where a run of prose in another script begins (the first paragraph written in it, its
    title and byline included): each side holds at least `RUN_MIN` paragraphs of prose.

    >>> from .paragraphs import Block
    >>> from .textmap import Mapped
    >>> zh = "今天我们在这里召开会议，研究部署下一阶段的工作任务，大家要认真学习领会会议精神。"
    >>> en = "Today we meet here to study the tasks of the next stage of our work."
    >>> lines = [zh] * 3 + ["Address to the Council", "by", en, en, en]
    >>> sorted(switches([Block(Mapped.verbatim(t, 0), n, n) for n, t in enumerate(lines)]))
    [3]
    """
    # a switch has `RUN_MIN` paragraphs of prose in Latin letters or kana on one side: most
    # texts have none, and only the paragraphs with a Latin letter or a kana can be one
    # (each paragraph's letters counted once)
    # (a paragraph with a few Latin words and no kana is never one: its letters are not counted)
    texts = [b.text.text for b in blocks]
    joined = "".join(texts)
    if _latin_letters(joined) < RUN_MIN * LATIN_PROSE_MIN and not _has_kana(joined):
        return set()  # (most texts: no kana, too few Latin letters for three such paragraphs)
    lettered = {n: _counts(texts[n]) for n in _lettered(texts) if _may_be_other_prose(texts[n])}
    if len(lettered) < RUN_MIN:
        return set()
    other = [c for c in lettered.values() if _script(c) in ("latin", "kana")]
    if sum(_prose(c) for c in other) < RUN_MIN:
        return set()
    counts = [lettered.get(n) or _counts(b.text.text) for n, b in enumerate(blocks)]
    kinds = [_script(c) for c in counts]
    strong = [(n, k) for n, k in enumerate(kinds) if k is not None and _prose(counts[n])]
    found: set[int] = set()
    for s in range(RUN_MIN, len(strong) - RUN_MIN + 1):
        before = {k for _, k in strong[s - RUN_MIN : s]}
        after = {k for _, k in strong[s : s + RUN_MIN]}
        if len(before) != 1 or len(after) != 1 or before == after:
            continue
        (new,) = after
        last_old = strong[s - 1][0]
        start = next(n for n in range(last_old + 1, strong[s][0] + 1) if kinds[n] == new)
        found.add(start)
    return found


def _has_kana(text: str) -> bool:
    """Does the text hold a kana (`ANY_KANA`)? Searched with `BMP_KANA` when no character of
    it lies past U+FFFF (its UTF-16 is two bytes a character: one C pass tells).

    >>> _has_kana("今日は"), _has_kana("今天𠀀"), _has_kana("𠀀\U0001b000")
    (True, False, True)
    """
    bmp = len(text.encode("utf-16-le", "surrogatepass")) == 2 * len(text)
    return (BMP_KANA if bmp else ANY_KANA).search(text) is not None


def _lettered(texts: Sequence[str]) -> list[int]:
    """The paragraphs that hold a Latin letter or a kana (`MAY_SWITCH`), found by searching
    their texts joined: one search answers for a text with none, and a text with some is
    searched from one such paragraph to the next (no search a paragraph).

    >>> _lettered(["甲", "WTO和APEC", "乙", "カ"])
    [1, 3]
    """
    joined = "".join(texts)  # (a match is one character: it never spans two blocks)
    found = MAY_SWITCH.search(joined)
    if found is None:
        return []
    ends = list(accumulate(map(len, texts)))  # block n ends where block n + 1 begins
    hits: list[int] = []
    while found is not None:
        n = bisect_right(ends, found.start())
        hits.append(n)
        found = MAY_SWITCH.search(joined, ends[n])
    return hits


def _may_be_other_prose(text: str) -> bool:
    """May the paragraph be prose in Latin letters or kana: Latin letters enough for it, or a
    kana? (C passes and one search, before the letters are counted.)

    >>> _may_be_other_prose("WTO和APEC"), _may_be_other_prose("今日は会議であり")
    (False, True)
    """
    return _latin_letters(text) >= LATIN_PROSE_MIN or ANY_KANA.search(text) is not None


def is_latin(text: str) -> bool:
    """Is the paragraph written in Latin letters (`script`)? One with fewer than two Latin
    letters is not: counted first (C passes, no pattern), most paragraphs are answered before
    their Han characters and kana are counted.

    >>> is_latin("Address to the Council"), is_latin("在全市工作会议上的讲话")
    (True, False)
    """
    return _latin_letters(text) >= 2 and script(text) == "latin"


def english_date(text: str) -> str | None:
    """ISO date of an English dateline (`April 8, 1995`, `8 April 1995`).

    >>> english_date("April 8, 1995"), english_date("8 Apr. 1995"), english_date("April 1995 was")
    ('1995-04-08', '1995-04-08', None)
    """
    found = DATE_EN.match(text.strip())
    if found is None:
        return None
    name = (found["month"] or found["month2"]).rstrip(".").lower()
    month = next(n for n, m in enumerate(lexicon.MONTHS_EN, 1) if m.startswith(name))
    return to_iso(int(found["year"] or found["year2"]), month, int(found["day"] or found["day2"]))


def _words(text: str) -> int:
    return len(text.split())


def head_line(text: str) -> bool:
    """A line of an English head: short, not a sentence, not a salutation."""
    return _words(text) <= HEAD_WORDS and not SENTENCE_END.search(text) and text[-1:] not in ":!"


def salutation(text: str) -> bool:
    """`Vice Chairmen, Council Members, and Members of the Research Committee:`"""
    return text.endswith(":") and _words(text) <= SALUTATION_WORDS and ". " not in text


def speaker(bylines: list[str]) -> tuple[str | None, str | None]:
    """(name, role) from an English byline: the name after `by` (on its line or the next),
    the role on the line under the name.

    >>> speaker(["by", "Lee Teng-hui", "President", "Republic of China"])
    ('Lee Teng-hui', 'President')
    >>> speaker(["By Jane Smith"]), speaker(["Republic of China"])
    (('Jane Smith', None), (None, None))
    """
    for n, line in enumerate(bylines):
        by = BY_LINE.match(line)
        if by is None:
            continue
        rest = [by["who"]] if by["who"] else []
        rest += bylines[n + 1 :]
        if not rest or not NAME_EN.match(rest[0]):
            return None, None
        role = rest[1] if len(rest) > 1 and rest[1][:1].isupper() else None
        return rest[0], role
    return None, None
