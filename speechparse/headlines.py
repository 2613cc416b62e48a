"""A news item's headline glued to its lead: a page's text taken without the break between
them (`…呼籲市府應提高補助今(4)日，台南市議會舉行…`), one item a line.

The headline ends where the lead's first words begin: the day the report tells of, written
the news way (`今(4)日`, `昨（3）日`, lexicon.NEWS_DAY) and set off by a comma, straight after
text with no sentence end in it. A headline is a phrase in two parts or more (a comma or a
space between them); a sentence's subject before its time word (`市議員蔡旺詮今(4)日在…`)
is one phrase and no comma follows the day. What follows the day opens a sentence of its own
(`今(4)日，市議會舉行…`): a predicate going on from a subject before the day (`…市長黃偉哲
今(4)日，在市府主持…`, `…定期會今(4)日，正式開議`) shows the day inside a sentence, and so does
a speaker's `我` before it. Items stand one a line: the item opens the text or follows another
long line (a speech's paragraph under its title or salutation holds no headline).
"""

from __future__ import annotations

import re

from . import lexicon
from .lazy import lazy_re

LINE_MIN = 100  # characters: a news item's line, its headline and its report
HEADLINE_MIN = 8
HEADLINE_MAX = 60
# the day and its comma: the pattern opens with a class of characters, which the engine scans
# for in a tight loop (a lookbehind before it, the engine tries at every character)
LEAD_DAY = lazy_re(rf"{lexicon.NEWS_DAY}[，,]")
NOT_AFTER = lazy_re(rf"[{lexicon.FULL_STOPS}{lexicon.CLAUSE_STOPS}，,、\s]")  # before the day
SENTENCE_STOPS = lazy_re(rf"[{lexicon.FULL_STOPS}：:；;]")
PARTS = lazy_re(r"[，,\s　]")
# What goes on from a subject before the day: a place or time word, an adverb, a verb of what
# the subject did (`今(4)日，在市府…`, `今(4)日，正式啟動`).
GOES_ON = lazy_re(
    r"[在於于就即便已也亦又再還还均都將将共赴到率與与偕同並并]"
    r"|正式|開始|开始|舉[行辦]|举[行办]|召開|召开|出席|主持|前往|宣[布佈]|表示|指出|強調|强调|隆重|順利|顺利"
)
FIRST_PERSON = lazy_re(r"我(?![國国市縣县省區区校院會会])")


def may_hold(text: str) -> bool:
    """Could `headline_end` find a headline anywhere in `text`? Not without the end of a day
    written the news way (every `LEAD_DAY` match holds one): two scans for a pair of characters
    spare a text with none the reading of each long line.

    >>> may_hold("今(4)日，市議會舉行定期會"), may_hold("今天，我们召开会议")
    (True, False)
    """
    return any(end in text for end in lexicon.NEWS_DAY_ENDS)


def headline_end(text: str, start: int, end: int) -> int | None:
    """Where the headline glued to the lead of the news item `text[start:end]` ends, or None.

    >>> item = "藝文團體逐年減少，議員呼籲提高補助今(4)日，市議會舉行定期會。" + "議員指出。" * 20
    >>> item[: headline_end(item, 0, len(item))]
    '藝文團體逐年減少，議員呼籲提高補助'
    >>> headline_end("市議員蔡旺詮今(4)日，在議會指出" + "甲。" * 60, 0, 137) is None
    True
    >>> headline_end("為因應颱風，市長黃偉哲今(4)日，在市府主持會議" + "甲。" * 60, 0, 145) is None
    True
    """
    if end - start < LINE_MIN:
        return None
    while start < end and text[start] in lexicon.SPACES:
        start += 1
    day = _lead_day(text, start + HEADLINE_MIN, min(end, start + HEADLINE_MAX + 12))
    if day is None or day.start() - start > HEADLINE_MAX:
        return None
    head = text[start : day.start()]
    if SENTENCE_STOPS.search(head) or not PARTS.search(head.strip()) or FIRST_PERSON.search(head):
        return None
    if GOES_ON.match(text, day.end()):
        return None
    return day.start()


def _lead_day(text: str, start: int, end: int) -> re.Match[str] | None:
    """The first day written the news way in `text[start:end]` that follows no stop or space.

    >>> _lead_day("今(4)日，甲。今(5)日，乙今(6)日，", 1, 21).group()
    '今(6)日，'
    """
    day = LEAD_DAY.search(text, start, end)
    while day is not None and day.start() > 0 and NOT_AFTER.match(text, day.start() - 1):
        day = LEAD_DAY.search(text, day.start() + 1, end)
    return day
