"""Stage: cleaned lines -> paragraphs, with lines broken mid-sentence joined again.

A line joins the paragraph before it when that paragraph ends open (no sentence end) and is not a
standalone line (title, salutation, heading). A line that opens with a marker, a salutation or
a subtitle is never joined. Whether a marker line with no sentence end is a heading or the first
half of a broken line is read from its family: if the other markers of that family open long
paragraphs, the short one was broken; if they stand alone as headings, it is a heading too.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from .clean import Line
from .markers import lead_marker
from .roles import ends_closed, is_salutation, is_subtitle, is_title_like
from .textmap import Mapped, join

HEADING_LINE_MAX = 50
LONE_HEADING_MAX = 40


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph of text, or a line of page chrome (`junk` names why)."""

    text: Mapped
    first_line: int
    last_line: int
    junk: str | None = None


def _heading_style(text: str) -> bool:
    """A marker line that is a standalone heading rather than a paragraph opening."""
    if len(text) > HEADING_LINE_MAX:
        return False
    body = text.rstrip("。.")
    return not any(c in body for c in "。！？!?")


def _family_styles(lines: list[Line], junk: list[str | None]) -> dict[str, Counter[bool]]:
    styles: dict[str, Counter[bool]] = {}
    for line, reason in zip(lines, junk, strict=True):
        if reason is None and line.text.text:
            m = lead_marker(line.text.text)
            if m is not None:
                styles.setdefault(m.kind, Counter())[_heading_style(line.text.text)] += 1
    return styles


def _standalone(lines: list[Line], styles: dict[str, Counter[bool]]) -> bool:
    """Is a paragraph made of these lines complete in itself whatever follows it?"""
    if len(lines) > 1:
        return False
    text = lines[0].text.text
    if is_salutation(text) or is_subtitle(text):
        return True
    m = lead_marker(text)
    if m is None:
        return is_title_like(text)
    votes = styles.get(m.kind, Counter())
    others_heading = votes[True] - 1
    others_paragraph = votes[False]
    if others_heading + others_paragraph == 0:
        return len(text) <= LONE_HEADING_MAX
    return others_heading >= others_paragraph


def _opens(text: str) -> bool:
    """A line that always starts a paragraph of its own."""
    return lead_marker(text) is not None or is_salutation(text) or is_subtitle(text)


def build(lines: list[Line], junk: list[str | None]) -> list[Block]:
    """Group lines into blocks: junk lines one each, text lines into paragraphs."""
    styles = _family_styles(lines, junk)
    nonblank = [i for i, ln in enumerate(lines) if ln.text.text]
    blocks: list[Block] = []
    current: list[Line] = []

    def flush() -> None:
        if current:
            blocks.append(
                Block(join([ln.text for ln in current]), current[0].number, current[-1].number)
            )
            current.clear()

    for pos, i in enumerate(nonblank):
        line = lines[i]
        text = line.text.text
        if junk[i] is not None:
            flush()
            blocks.append(Block(line.text, line.number, line.number, junk[i]))
            continue
        nxt = nonblank[pos + 1] if pos + 1 < len(nonblank) else None
        opens_speech = nxt is not None and junk[nxt] is None and is_salutation(lines[nxt].text.text)
        if (
            current
            and not _opens(text)
            and not opens_speech
            and not ends_closed(current[-1].text.text)
            and not _standalone(current, styles)
        ):
            current.append(line)
            continue
        flush()
        current.append(line)
    flush()
    return blocks
