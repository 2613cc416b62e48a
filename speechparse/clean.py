"""Stage: decoded text -> source lines, each cleaned of invisible noise and mapped to the source.

Cleaning never changes what a reader sees: indentation (ASCII, full-width and no-break spaces),
zero-width and private-use characters, and stray control characters are removed; everything
else is kept as written (no script conversion).
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from .textmap import Mapped

LINE_BREAK = regex.compile(r"\r\n|[\n\r\u2028\u2029\x0b\x0c\x85]")
# Characters that carry nothing a reader sees.
INVISIBLE = regex.compile(r"[\u200b-\u200f\u2060-\u2064\ufeff\p{Co}\x00-\x08\x0e-\x1f\x7f]+")
EDGE_SPACE = regex.compile(r"^[\s\u3000\xa0]+|[\s\u3000\xa0]+$")


@dataclass(frozen=True, slots=True)
class Line:
    """One source line: its cleaned text (mapped) and its number (0-based)."""

    text: Mapped
    number: int

    @property
    def blank(self) -> bool:
        return not self.text.text


def clean_line(source: str, start: int, end: int) -> Mapped:
    """`source[start:end]` without invisible characters and edge white space.

    >>> clean_line("x\\u3000 一、标题\\u200b \\ue004", 1, 10).text
    '一、标题'
    """
    drops: list[tuple[int, int]] = []
    for m in INVISIBLE.finditer(source, start, end):
        drops.append(m.span())
    piece = (
        Mapped.keep(source, start, end, drops)
        if drops
        else Mapped.verbatim(source[start:end], start)
    )
    return piece.strip() if piece.text else piece


def split_lines(text: str) -> list[Line]:
    """The lines of `text`, cleaned, with their source spans (line ends excluded).

    >>> [(ln.text.text, ln.text.span) for ln in split_lines("甲\\r\\n  乙\\n")]
    [('甲', (0, 1)), ('乙', (5, 6)), ('', (7, 7))]
    """
    lines: list[Line] = []
    pos = 0
    number = 0
    for brk in LINE_BREAK.finditer(text):
        lines.append(Line(_clean_or_empty(text, pos, brk.start()), number))
        pos = brk.end()
        number += 1
    lines.append(Line(_clean_or_empty(text, pos, len(text)), number))
    return lines


def _clean_or_empty(text: str, start: int, end: int) -> Mapped:
    cleaned = clean_line(text, start, end)
    if cleaned.text:
        return cleaned
    return Mapped("", ((0, start),))
