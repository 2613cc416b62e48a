"""Stage part (outline): a numbered list quoted again is no list of its own.

Inside a later point a speaker may repeat earlier points as they were numbered (`四、…` then
`一、加强学习` / `二、改进作风` / `这两条要长期坚持`): the repeat restarts a run that already went
past it, its points stand one under the other with no text between them, and every repeated
point names an earlier point of the same run that had a body. Such
a repeat is read as text of the point it stands in. A preview list (`一、…五、` one line each,
then the points with their bodies) is no repeat: its points had no bodies.
"""

from __future__ import annotations

from itertools import pairwise

from .lazy import lazy_regex
from .markers import heading_span
from .runs import Para

KEY_LEN = 6  # the first characters of a heading that name the point
NOT_HAN_OR_DIGIT = lazy_regex(r"[^\p{Han}0-9]+")  # taken out, the rest is the key
QUOTE_MIN = 2  # points repeated together (one alone may be a new run's first)


def _key(para: Para) -> str:
    assert para.lead is not None
    text = para.text.text
    start, end = heading_span(text, para.lead.end)
    key: str = NOT_HAN_OR_DIGIT.sub("", text[start:end])
    return key[:KEY_LEN]


def unquote(paras: list[Para]) -> list[int]:
    """Take the lead markers off the points of a list quoted again (see above); returns the
    indexes of the paragraphs whose markers were taken off."""
    leads = [n for n, p in enumerate(paras) if p.lead is not None]
    # earlier points with a body under them, by style and number (their keys are read only
    # when a list may repeat them: most texts repeat none)
    had_body: dict[tuple[str, int], list[int]] = {}
    highest: dict[str, int] = {}  # the highest number each style reached so far
    taken: list[int] = []
    j = 0
    while j < len(leads):
        n = leads[j]
        m = paras[n].lead
        assert m is not None
        run = _restart(paras, leads, j)
        repeated = (
            len(run) >= QUOTE_MIN
            and all(b == a + 1 for a, b in pairwise(run))  # no text between them
            and highest.get(m.style, 0) > len(run)
        ) and all(
            _names(paras, had_body.get((m.style, k + 1), []), paras[r])
            for k, r in enumerate(run)
        )
        if repeated:
            for r in run:
                paras[r].lead = None
                taken.append(r)
            j += len(run)
            continue
        highest[m.style] = max(highest.get(m.style, 0), m.ordinal)
        after = leads[j + 1] if j + 1 < len(leads) else len(paras)
        if after > n + 1:  # a paragraph of text under it
            had_body.setdefault((m.style, m.ordinal), []).append(n)
        j += 1
    return taken


def _names(paras: list[Para], earlier: list[int], para: Para) -> bool:
    """Does the point `para` name one of the `earlier` points (the key of its heading)?"""
    if not earlier:
        return False
    key = _key(para)
    return any(_key(paras[n]) == key for n in earlier)


def _restart(paras: list[Para], leads: list[int], j: int) -> list[int]:
    """The paragraphs of the run that starts anew at lead `j` (numbered 1, 2, … in one style,
    with text between them allowed), or [] if it does not start at 1."""
    first = paras[leads[j]].lead
    assert first is not None
    if first.ordinal != 1:
        return []
    run: list[int] = []
    for n in leads[j:]:
        m = paras[n].lead
        assert m is not None
        if m.style != first.style or m.ordinal != len(run) + 1:
            break
        run.append(n)
    return run
