"""Numbering checks for speech writers: gaps and repeats, a skipped level, mixed full- and
half-width markers, empty headings — each with its line and column in the file.

The parse reads a second `一、` right after a first as a run starting again (a speech may number
anew), so it gives no warning for it; a writer checking a draft wants it pointed out, so a number
1 right after a sibling numbered 1 is reported here as a repeat.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import pairwise

from .grammar import STANDARD_LEVELS
from .model import Document, Item, Section

NUMBERING_CODES = ("numbering-gap", "numbering-repeat", "mixed-width", "marker-form")
# GB/T 9704 levels in order; a child two or more of these below its parent skips one.
GB_ORDER = tuple(name for name, _ in STANDARD_LEVELS)
EXAMPLE = dict(STANDARD_LEVELS)


@dataclass(frozen=True, slots=True)
class Problem:
    line: int  # 1-based
    column: int  # 1-based
    code: str
    message: str

    def format(self, path: str) -> str:
        return f"{path}:{self.line}:{self.column}: {self.code}: {self.message}"


def _position(text: str) -> Callable[[int], tuple[int, int]]:
    starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]

    def at(offset: int) -> tuple[int, int]:
        line = bisect_right(starts, offset)
        return line, offset - starts[line - 1] + 1

    return at


def problems(doc: Document) -> list[Problem]:
    """What a careful reader would point out in the numbering of `doc`, in file order."""
    text = doc.source_text or ""
    at = _position(text)
    found: list[Problem] = []
    for w in doc.warnings:
        if w.code in NUMBERING_CODES and w.span:
            found.append(Problem(*at(w.span[0]), w.code, w.message))

    def repeats(siblings: Sequence[Section | Item]) -> None:
        for before, node in pairwise(siblings):
            if node.kind == before.kind and node.ordinal == before.ordinal == 1:
                message = f"{node.marker} repeats {before.marker}"
                found.append(Problem(*at(node.span[0]), "numbering-repeat", message))

    def walk(s: Section) -> None:
        if not s.heading.strip():
            found.append(Problem(*at(s.span[0]), "empty-heading", f"{s.marker} has no heading"))
        repeats(s.children)
        for p in s.paragraphs:
            repeats(p.items)
        seen: set[str] = set()
        for child in s.children:
            if s.kind in GB_ORDER and child.kind in GB_ORDER and child.kind not in seen:
                seen.add(child.kind)
                step = GB_ORDER.index(child.kind) - GB_ORDER.index(s.kind)
                if step > 1:
                    skipped = GB_ORDER[GB_ORDER.index(s.kind) + 1]
                    found.append(
                        Problem(
                            *at(child.span[0]),
                            "skipped-level",
                            f"{child.marker} sits under {s.marker} with no "
                            f"{EXAMPLE[skipped]} level between",
                        )
                    )
            walk(child)

    for speech in doc.speeches:
        repeats(speech.sections)
        for p in speech.preamble:
            repeats(p.items)
        for s in speech.sections:
            walk(s)
    unique = list({(p.line, p.column, p.code): p for p in found}.values())  # once each
    return sorted(unique, key=lambda p: (p.line, p.column))
