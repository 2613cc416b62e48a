"""Reading rule: a transition ends the scope (docs/reading-rules.md).

A run of points that follows a transition paragraph (`同志们，…我再强调三点：`, `以上…`,
`下面，我就…讲几点意见`) after the last point of a run is not that point's: it goes where the
transition stands, the level of the runs it closes. It closes the runs that are over (the open
points whose run does not go on further down), never a part of the document; and it closes
nothing when it opens the point it stands in (the first thing under a bare heading, unless it
sums up) or points back to it (`就这个问题`: `transitions.THIS_POINTS`).
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from .markers import Marker
from .transitions import ANNOUNCEMENT, AUDIENCE, NEW_LIST, SUMMING_UP_LIST, SUMS_UP

# closes the runs that are over, whatever the family of the run after it
STRONG = frozenset({AUDIENCE, SUMMING_UP_LIST})
# closes them unless the run after it is of a family the speech used only deeper down so far
GUARDED = frozenset({SUMS_UP, NEW_LIST})
DIVISIONS = frozenset({"part", "article"})  # parts of the document: no transition ends them


def addressed(kind: str, after_address: bool) -> str:
    """An announcement that follows the terms of address on a line of their own (`同志们！`,
    then `…这里，我强调几点。`, before the next run) is addressed to the audience."""
    return AUDIENCE if after_address and kind in (ANNOUNCEMENT, NEW_LIST) else kind


def closed_depth(
    kind: str | None, path: Sequence[Marker], bare: bool, goes_on: Collection[int]
) -> tuple[int | None, str]:
    """Where the run after a transition of `kind` goes at the deepest (an index into `path`,
    the markers of the open points from the top down), or None, and the reason.

    >>> from .markers import lead_marker
    >>> path = [lead_marker("三、加强领导"), lead_marker("（二）抓好落实")]
    >>> closed_depth("audience", path, False, frozenset())
    (0, 'audience: ends the run of 三、')
    >>> closed_depth("audience", path, False, frozenset({id(path[0])}))
    (1, 'audience: ends the run of （二）')
    >>> closed_depth("new-list", path, True, frozenset())
    (None, 'new-list: opens the point it stands in')
    """
    if kind is None or kind not in STRONG | GUARDED:
        return None, f"{kind}: points of the point it stands in"
    if bare and kind not in (SUMS_UP, SUMMING_UP_LIST):  # (a summing-up opens nothing)
        return None, f"{kind}: opens the point it stands in"
    depth = len(path)
    while depth and path[depth - 1].kind not in DIVISIONS and id(path[depth - 1]) not in goes_on:
        depth -= 1
    if depth == len(path):
        return None, f"{kind}: the run it follows goes on"
    return depth, f"{kind}: ends the run of {path[depth].marker}"


def kept_below(kind: str, depth: int, used: Collection[int]) -> bool:
    """Does a run of a family used so far only below `depth` (`used`: the depths it stood at)
    stay where it is after a guarded transition?

    >>> kept_below("new-list", 0, {1}), kept_below("audience", 0, {1})
    (True, False)
    >>> kept_below("new-list", 0, {0, 1})
    False
    """
    return kind in GUARDED and bool(used) and min(used) > depth
