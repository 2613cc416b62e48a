"""Where a PDF's lines stand on their pages, and what that says: the reading order of a page's
lines, its running heads and feet, and which lines carry on the paragraph above them.

A PDF holds lines, not paragraphs. A line that fills the text width to its right edge was
wrapped there, and the line after it carries on its paragraph unless that line is indented (the
first line of a Chinese paragraph is indented two characters); this holds across a page break
too (the last line of a page, the first of the next). In a document that indents no paragraph, a
full line that ends a sentence is not carried on by a line that opens with a numbering marker
(`二、`): a paragraph that filled its last line exactly. Coordinates are PDF points, y upwards.
"""

from __future__ import annotations

import itertools
import statistics
from collections import Counter
from dataclasses import dataclass

from ..lazy import lazy_regex
from ..markers import lead_marker

ROW_OVERLAP = 0.5  # pieces share a row when their heights overlap by half the smaller one
GAP_SPACE = 0.5  # pieces of a row further apart than half a line's height: a space between
# A line ending this near the right edge (in line heights) fills the width: two characters
# short (the next word did not fit, or a character was pulled down to keep a full stop off
# the next line's start; Chinese text set on a grid ends its lines together, justified or
# not). Where no paragraph is indented, that would join a paragraph ending near the edge to
# the next: there, if full lines end together (within `EVEN_SLACK` points), half a character.
RAGGED = 2.0
JUSTIFIED = 0.5
EVEN_SLACK = 1.0
INDENT = 1.0  # a line starting this many line heights right of the left edge is indented
LONG = 0.75  # lines this share of the text width or wider tell where its edges are
EDGE_ROWS = 10  # long lines ending together that show where the text's right edge is
UNEVEN = 0.5  # how far, in line heights, a few such lines may end from even margins
LONG_PAGE = 0.5  # … and at least this share of the page's width (text no line of which is as
# wide holds no wrapped line: its paragraphs are each a line)
MARGIN_ROWS = 2  # rows at the top and at the foot of a page that may be a running head or foot
SMALLER = 0.85  # a running head's height to the text's, at most (on one page only)
APART = 1.0  # … and its distance from the text, in line pitches, more than this
SENTENCE_END = tuple("。！？!?")  # not `；`: the next of a run of items may follow it
DIGITS = lazy_regex(r"\d+")
SPACE = lazy_regex(r"\s+")


@dataclass(frozen=True, slots=True)
class Row:
    """A line of text on a page and its box."""

    text: str
    left: float
    bottom: float
    right: float
    top: float

    @property
    def height(self) -> float:
        return max(self.top - self.bottom, 1.0)


def rows(pieces: list[Row]) -> list[Row]:
    """The pieces of a page in reading order, those side by side joined into one row (left to
    right, a space where they stand apart), rows from the top down.

    >>> [r.text for r in rows([Row("乙", 10, 0, 20, 10), Row("第1页", 50, 100, 90, 110),
    ...                        Row("甲", 0, 0, 10, 10)])]
    ['第1页', '甲乙']
    """
    found: list[list[Row]] = []
    for piece in sorted(pieces, key=lambda p: -(p.top + p.bottom)):
        row = found[-1] if found else None
        if row is not None:
            top, bottom = min(p.top for p in row), max(p.bottom for p in row)
            low = min(piece.height, min(p.height for p in row))
            if min(top, piece.top) - max(bottom, piece.bottom) >= ROW_OVERLAP * low:
                row.append(piece)
                continue
        found.append([piece])
    return [_merge(row) for row in found]


def _merge(row: list[Row]) -> Row:
    row = sorted(row, key=lambda p: p.left)
    text = row[0].text
    for before, piece in itertools.pairwise(row):
        apart = piece.left - before.right > GAP_SPACE * min(before.height, piece.height)
        text += (" " if apart else "") + piece.text
    return Row(
        text,
        row[0].left,
        min(p.bottom for p in row),
        max(p.right for p in row),
        max(p.top for p in row),
    )


def _key(row: Row) -> tuple[str, int]:
    """A running head or foot as it recurs: its page number and spaces aside, at its height."""
    return DIGITS.sub("#", SPACE.sub("", row.text)), round(row.top)


def margins(pages: list[list[Row]]) -> dict[tuple[int, int], str]:
    """Running heads and feet, keyed by (page, row): among the first or last `MARGIN_ROWS` rows
    of a page, one that stands at the same height with the same text (page numbers aside) on
    another page; or a page's first or last row set smaller than the text and apart from it (a
    head on one page only). `page-header` at the top; `page-number` (with a digit) or
    `page-footer` at the foot.
    """
    heights = [r.height for page in pages for r in page]
    if not heights:
        return {}
    height = statistics.median(heights)
    pitch = statistics.median(
        [a.bottom - b.bottom for page in pages for a, b in itertools.pairwise(page)] or [height]
    )
    tops = [page[:MARGIN_ROWS] for page in pages]
    feet = [page[::-1][:MARGIN_ROWS] for page in pages]
    found: dict[tuple[int, int], str] = {}
    for ends, at_top in ((tops, True), (feet, False)):
        seen = Counter(_key(row) for end in ends for row in end)
        for p, end in enumerate(ends):
            for k, row in enumerate(end):
                beside = end[k + 1] if k + 1 < len(end) else None
                if seen[_key(row)] < 2 and not (k == 0 and _apart(row, beside, height, pitch)):
                    break  # the page's text begins here
                n = k if at_top else len(pages[p]) - 1 - k
                if at_top:
                    found.setdefault((p, n), "page-header")
                else:
                    digit = any(c.isdigit() for c in row.text)
                    found.setdefault((p, n), "page-number" if digit else "page-footer")
    return found


def _apart(row: Row, beside: Row | None, height: float, pitch: float) -> bool:
    """Is `row` set smaller than the text and further from the row beside it than a line?"""
    if beside is None or row.height > SMALLER * height:
        return False
    gap = max(row.bottom - beside.top, beside.bottom - row.top)
    return gap > APART * pitch


@dataclass(frozen=True, slots=True)
class Frame:
    """The text block's edges and its lines' height, read from the lines themselves."""

    left: float
    right: float
    height: float
    slack: float  # how far short of `right` a full line may end
    indents: bool  # does the document indent the first lines of its paragraphs?

    def full(self, row: Row) -> bool:
        return row.right >= self.right - self.slack

    def indented(self, row: Row) -> bool:
        return row.left >= self.left + INDENT * self.height


def frame(body: list[Row], page_width: float) -> Frame | None:
    """The edges of the text (from its long lines), or None when no line shows it was wrapped."""
    if not body:
        return None
    height = statistics.median(r.height for r in body)
    least, most = min(r.left for r in body), max(r.right for r in body)
    wide = max(LONG * (most - least), LONG_PAGE * page_width)
    long = [r for r in body if r.right - r.left >= wide]
    if not long:
        return None
    widest = max(r.right for r in long)
    edge = [r for r in long if r.right >= widest - RAGGED * height]
    even = [r for r in edge if r.right >= widest - EVEN_SLACK]
    together = len(even) > 1 and 2 * len(even) >= len(edge)
    right = statistics.median(r.right for r in (even if together else edge))
    if not _wrapped(body, edge, abs(page_width - least - right) <= UNEVEN * height, height):
        return None
    slack = RAGGED * height
    full = [r for r in long if r.right >= right - slack]
    # the left edge, as the mirror of the right one when every line is indented (no wrapped
    # line shows where the lines start)
    left = min(min((r.left for r in full), default=least), page_width - right)
    starts = [b.left - left for a, b in itertools.pairwise(body) if a.right < right - slack]
    indented = sum(INDENT * height <= d <= 3 * height for d in starts)
    indents = indented > 0 and indented >= len(starts) - indented
    if together and not indents:
        slack = JUSTIFIED * height
    return Frame(left, right, height, slack, indents)


def _wrapped(body: list[Row], edge: list[Row], even: bool, height: float) -> bool:
    """Do the widest lines (`edge`, ending together) show that they were wrapped? They do when
    many end together (justified or not), or a few at even margins (`even`: the mirror of the
    left edge), or when a line after one starts left of it (the rest of an indented first
    line). One line ending near the edge alone may be a paragraph that nearly fills its line."""
    if len(edge) >= EDGE_ROWS or (len(edge) > 1 and even):
        return True
    ends = {id(r) for r in edge}
    return any(
        id(a) in ends and b.left <= a.left - INDENT * height for a, b in itertools.pairwise(body)
    )


def carried(body: list[Row], page_width: float) -> list[bool]:
    """For each line of the text (running heads and feet left out, pages in order), does it
    carry on the paragraph of the line before it?

    >>> full, short = Row("甲" * 20, 0, 90, 200, 100), Row("乙。", 0, 80, 20, 90)
    >>> indented = Row("丙" * 18, 20, 70, 200, 80)
    >>> carried([indented, full, short, indented, short], 300)
    [False, True, True, False, True]
    >>> carried([short, short], 300)
    [False, False]
    """
    shape = frame(body, page_width)
    if shape is None:
        return [False] * len(body)
    out = [False]
    for above, row in itertools.pairwise(body):
        out.append(
            shape.full(above)
            and not shape.indented(row)
            and (shape.indents or not _opens_after_sentence(above, row))
        )
    return out


def _opens_after_sentence(above: Row, row: Row) -> bool:
    return above.text.rstrip().endswith(SENTENCE_END) and lead_marker(row.text) is not None
