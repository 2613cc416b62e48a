"""A news item's headline glued to its lead: a page's text taken without the break between
them (`…呼籲市府應提高補助今(4)日，台南市議會舉行…`), one item a line.

The headline ends where the lead's first words begin: the day the report tells of, written
the news way (`今(4)日`, `昨（3）日`, lexicon.NEWS_DAY) and set off by a comma, straight after
text with no sentence end in it. A headline is a phrase in two parts or more (a comma or a
space between them); a sentence's subject before its time word (`市議員蔡旺詮今(4)日在…`)
is one phrase and no comma follows the day.
"""

from __future__ import annotations

import re

from . import lexicon

LINE_MIN = 100  # characters: a news item's line, its headline and its report
HEADLINE_MIN = 8
HEADLINE_MAX = 60
# the day and its comma: the pattern opens with a class of characters, which the engine scans
# for in a tight loop (a lookbehind before it, the engine tries at every character)
LEAD_DAY = re.compile(rf"{lexicon.NEWS_DAY}[，,]")
NOT_AFTER = re.compile(rf"[{lexicon.FULL_STOPS}{lexicon.CLAUSE_STOPS}，,、\s]")  # before the day
SENTENCE_STOPS = re.compile(rf"[{lexicon.FULL_STOPS}：:；;]")
PARTS = re.compile(r"[，,\s　]")


def headline_end(text: str, start: int, end: int) -> int | None:
    """Where the headline glued to the lead of the news item `text[start:end]` ends, or None.

    >>> item = "藝文團體逐年減少，議員呼籲提高補助今(4)日，市議會舉行定期會。" + "議員指出。" * 20
    >>> item[: headline_end(item, 0, len(item))]
    '藝文團體逐年減少，議員呼籲提高補助'
    >>> headline_end("市議員蔡旺詮今(4)日，在議會指出" + "甲。" * 60, 0, 137) is None
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
    if SENTENCE_STOPS.search(head) or not PARTS.search(head.strip()):
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
