"""Cleaned text that remembers where each of its characters came from in the source.

Cleaning deletes characters (indentation, zero-width and private-use characters) and joins
broken lines, so cleaned offsets drift away from source offsets. A `Mapped` keeps a piecewise
map: runs of characters that were copied verbatim, each with the source offset of its first
character. Every span in the output is computed through it, so `source[start:end]` always shows
the exact source of a node.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

# Characters taken out of a cleaned text (a pinyin annotation), with their source span.
Removed = tuple[str, tuple[int, int]]


@dataclass(slots=True)  # not frozen: made per line, and a frozen init costs twice as much
class Mapped:
    """`text` plus, for each verbatim run, (offset in text, offset in source)."""

    text: str
    runs: tuple[tuple[int, int], ...]

    @classmethod
    def verbatim(cls, text: str, src_start: int) -> Mapped:
        """Text copied unchanged from `source[src_start:src_start + len(text)]`.

        >>> m = Mapped.verbatim("abc", 10)
        >>> m.src(0), m.src_span(0, 3)
        (10, (10, 13))
        """
        return cls(text, ((0, src_start),) if text else ())

    @classmethod
    def keep(cls, source: str, start: int, end: int, drop: list[tuple[int, int]]) -> Mapped:
        """`source[start:end]` with the sorted, disjoint source ranges in `drop` removed.

        >>> m = Mapped.keep("  ab\\u200bcd ", 0, 8, [(0, 2), (4, 5), (7, 8)])
        >>> m.text, m.src(2), m.src_span(0, 4)
        ('abcd', 5, (2, 7))
        """
        parts: list[str] = []
        runs: list[tuple[int, int]] = []
        pos = start
        length = 0
        for d_start, d_end in [*drop, (end, end)]:
            if d_start > pos:
                piece = source[pos:d_start]
                runs.append((length, pos))
                parts.append(piece)
                length += len(piece)
            pos = max(pos, d_end)
        return cls("".join(parts), tuple(runs))

    def src(self, i: int) -> int:
        """Source offset of the character at cleaned offset `i`."""
        runs = self.runs
        if len(runs) == 1:
            return runs[0][1] + i - runs[0][0]
        k = bisect_right(runs, (i, 1 << 62)) - 1
        clean_at, src_at = runs[k if k > 0 else 0]
        return src_at + (i - clean_at)

    def src_span(self, start: int, end: int) -> tuple[int, int]:
        """Source span `[s, e)` covering cleaned characters `start .. end-1`."""
        if len(self.runs) == 1 and end > start:  # one verbatim run: plain arithmetic
            shift = self.runs[0][1] - self.runs[0][0]
            return (start + shift, end + shift)
        if end <= start:
            at = self.src(start) if start < len(self.text) else self.src(len(self.text) - 1) + 1
            return (at, at)
        return (self.src(start), self.src(end - 1) + 1)

    @property
    def span(self) -> tuple[int, int]:
        """`src_span(0, len(text))`: for a text of one verbatim run (most), worked out here."""
        runs = self.runs
        if len(runs) == 1 and self.text:
            shift = runs[0][1] - runs[0][0]
            return (shift, len(self.text) + shift)
        return self.src_span(0, len(self.text))

    def slice(self, start: int, end: int) -> Mapped:
        """The cleaned characters `start .. end-1`, still mapped.

        >>> Mapped.keep("xaybz", 0, 5, [(0, 1), (2, 3)]).slice(1, 3).src_span(0, 2)
        (3, 5)
        """
        start = max(0, start)
        end = min(len(self.text), end)
        if end <= start:
            return Mapped("", ())
        return Mapped(self.text[start:end], tuple(self._runs_between(start, end, 0)))

    def _runs_between(self, start: int, end: int, at: int) -> list[tuple[int, int]]:
        """The runs of characters `start .. end-1`, placed at offset `at` of a new text."""
        runs = self.runs
        if len(runs) == 1:  # one verbatim run: a line, or a paragraph of one line
            return [(at, runs[0][1] + start - runs[0][0])]
        k = bisect_right(runs, (start, 1 << 62)) - 1
        clean_at, src_at = runs[k if k > 0 else 0]
        out = [(at, src_at + start - clean_at)]
        k += 1
        while k < len(runs) and runs[k][0] < end:
            out.append((runs[k][0] - start + at, runs[k][1]))
            k += 1
        return out

    def cut(self, ranges: list[tuple[int, int]]) -> tuple[Mapped, list[Removed]]:
        """The text with the sorted, disjoint, non-empty cleaned ranges removed, and what was
        removed with its source span (one walk over the runs: annotations by the hundred stay
        cheap).

        >>> kept, gone = Mapped.verbatim("區(qū)委", 0).cut([(1, 5)])
        >>> kept.text, kept.src_span(0, 2), gone
        ('區委', (0, 6), [('(qū)', (1, 5))])
        """
        text, runs = self.text, self.runs
        parts: list[str] = []
        kept: list[tuple[int, int]] = []
        gone: list[Removed] = []
        pos = length = 0
        last = len(runs) - 1
        k = 0  # the run holding the current position: it only moves on
        for start, end in [*ranges, (len(text), len(text))]:
            if start > pos:  # keep pos .. start-1, with the runs that begin inside it
                parts.append(text[pos:start])
                while k < last and runs[k + 1][0] <= pos:
                    k += 1
                kept.append((length, runs[k][1] + pos - runs[k][0]))
                while k < last and runs[k + 1][0] < start:
                    k += 1
                    kept.append((runs[k][0] - pos + length, runs[k][1]))
                length += start - pos
            if end > start:  # remove start .. end-1: its first and last characters' sources
                while k < last and runs[k + 1][0] <= start:
                    k += 1
                first = runs[k][1] + start - runs[k][0]
                while k < last and runs[k + 1][0] < end:
                    k += 1
                gone.append((text[start:end], (first, runs[k][1] + end - runs[k][0])))
            pos = max(pos, end)
        return Mapped("".join(parts), tuple(kept)), gone

    def strip(self) -> Mapped:
        """Leading and trailing white space removed."""
        text = self.text
        start = len(text) - len(text.lstrip())
        end = len(text.rstrip())
        return self if (start, end) == (0, len(text)) else self.slice(start, end)

    def __add__(self, other: Mapped) -> Mapped:
        if not self.text:
            return other
        if not other.text:
            return self
        shift = len(self.text)
        return Mapped(
            self.text + other.text, self.runs + tuple((c + shift, s) for c, s in other.runs)
        )


def join(parts: list[Mapped]) -> Mapped:
    """Concatenate mapped pieces (a paragraph made of several source lines).

    >>> join([Mapped.verbatim("ab", 0), Mapped.verbatim("cd", 5)]).src_span(1, 3)
    (1, 6)
    """
    text = "".join(p.text for p in parts)
    runs: list[tuple[int, int]] = []
    shift = 0
    for p in parts:
        runs.extend((c + shift, s) for c, s in p.runs)
        shift += len(p.text)
    return Mapped(text, tuple(runs))
