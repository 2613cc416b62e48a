"""What a paragraph of prose says about the runs of points around it (read once per paragraph,
as `Facts.transition`; `outline.py` decides where the run after it goes).

A speech passes from one list of points to the next with a transition paragraph. Its kind:

- `audience`: it addresses the audience again and announces points (`同志们，…我再强调三点：`);
- `summing-up-list`: it sums up what was said and announces points (`以上是…。我再提几点要求：`);
- `summing-up`: it sums up what was said (`以上…`, `总之，…`, `综上所述，…`);
- `new-list`: it announces another list (`下面，我就…讲几点意见`, `我再强调两点`);
- `this-point`: it announces the points of the point just made (`就这个问题，我讲三点：`);
- `announcement`: it announces points and says no more (`我讲三点：`);
- `address`: it is the terms of address alone (`同志们！`), a transition's first paragraph: an
  announcement after it (before the next run) is addressed to the audience.

The first four close the run they follow; `this-point` and `announcement` open points inside
the point they stand in. Only the paragraph's last sentence is read for the announcement: the
list comes next.
"""

from __future__ import annotations

from . import lexicon
from .lazy import lazy_re

SUMMING_UP = lazy_re(lexicon.SUMMING_UP)
ANNOUNCES = lazy_re(
    rf"(?:我(?![们們])|{lexicon.ANOTHER_LIST})[^。！？!?；;]{{0,16}}?{lexicon.SAYING_VERB}"
    rf"[^。！？!?；;]{{0,12}}?{lexicon.POINT_COUNT}"
)
ANOTHER_LIST = lazy_re(lexicon.ANOTHER_LIST)
THIS_POINT = lazy_re(lexicon.THIS_POINT)
COUNT_LAST = "点點面题題条條项項思"  # what every count of points ends in
COUNTS = lazy_re(f"[{COUNT_LAST}]")
POINT_COUNTED = lazy_re(lexicon.POINT_COUNT)  # (`三点`, `几个方面`: what an announcement holds)
TRAILING = lexicon.FULL_STOPS + lexicon.CLAUSE_STOPS + lexicon.CLOSERS + lexicon.SPACES

AUDIENCE = "audience"
SUMMING_UP_LIST = "summing-up-list"
SUMS_UP = "summing-up"
NEW_LIST = "new-list"
THIS_POINTS = "this-point"
ANNOUNCEMENT = "announcement"
ADDRESS = "address"


def last_sentence(text: str) -> str:
    """The paragraph's last sentence, without what ends it.

    >>> last_sentence("成绩来之不易。下面，我讲三点意见。")
    '下面，我讲三点意见'
    """
    body = text.rstrip(TRAILING)
    return body[max(map(body.rfind, lexicon.FULL_STOPS)) + 1 :]


def possible(seen: str) -> bool:
    """Can the paragraph be a transition of any kind but `address`? (A necessary condition,
    cheap: most paragraphs of prose fail it.)

    >>> possible("下面，我讲三点。"), possible("总之，要抓好落实。"), possible("要抓好落实。")
    (True, True, False)
    """
    # (two searches that each open with a class of characters, which the engine scans for in a
    # tight loop; a count of points, not any character a count ends in: 點, 面, 题 stand in most
    # long paragraphs, `三点`, `几个方面` in one of twenty)
    return POINT_COUNTED.search(seen) is not None or SUMMING_UP.search(seen) is not None


def transition(seen: str, vocative: int) -> str | None:
    """The kind of transition a paragraph is (see the module), or None; `vocative` is the length
    of the terms of address that open it.

    >>> transition("同志们，任务艰巨。为抓好今年的工作，我再强调三点：", 4)
    'audience'
    >>> transition("下面，我就这个问题讲三点：", 0), transition("总之，要抓好落实。", 0)
    ('this-point', 'summing-up')
    >>> transition("下面，我就做好今年的工作讲几点意见。", 0)
    'new-list'
    >>> transition("我们要提高三个方面的能力。", 0), transition("今天，我主要讲三个问题。", 0)
    (None, 'announcement')
    """
    sums_up = SUMMING_UP.match(seen, vocative) is not None
    last = last_sentence(seen)
    announces = COUNTS.search(last) is not None and ANNOUNCES.search(last) is not None
    if announces and THIS_POINT.search(last):
        return THIS_POINTS
    if sums_up:
        return SUMMING_UP_LIST if announces else SUMS_UP
    if not announces:
        return None
    if vocative:
        return AUDIENCE
    return NEW_LIST if ANOTHER_LIST.search(last) else ANNOUNCEMENT
