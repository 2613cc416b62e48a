"""Views of a parsed document for search, RAG and tables: sections with their heading paths,
section-bounded chunks, and flat rows (one per section and per inline item).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .lazy import lazy_regex

if TYPE_CHECKING:
    from .model import Document, Item, Paragraph, Section

PATH_SEP = "/"
SENTENCE_END = lazy_regex(r"(?<=[。！？；;!?])")


@dataclass(frozen=True, slots=True)
class SectionView:
    """A section with where it sits: its speech and the markers and headings above it."""

    speech: int
    markers: tuple[str, ...]  # from the top level down to this section
    headings: tuple[str, ...]
    section: Section

    @property
    def path(self) -> str:
        """The heading path as markers: `一、/（二）/三要`."""
        return PATH_SEP.join(self.markers)


@dataclass(frozen=True, slots=True)
class Chunk:
    """A piece of text that never crosses a section boundary, with its heading path."""

    text: str
    speech: int
    title: str | None
    path: str  # markers, `一、/（二）`; empty for the preamble and closing
    headings: tuple[str, ...]
    span: tuple[int, int]


def iter_sections(doc: Document) -> Iterator[SectionView]:
    """Every section of every speech in document order, with its heading path."""

    def walk(
        s: Section, n: int, markers: tuple[str, ...], heads: tuple[str, ...]
    ) -> Iterator[SectionView]:
        here = SectionView(n, (*markers, s.marker), (*heads, s.heading), s)
        yield here
        for child in s.children:
            yield from walk(child, n, here.markers, here.headings)

    for n, speech in enumerate(doc.speeches):
        for section in speech.sections:
            yield from walk(section, n, (), ())


def _pieces(text: str, limit: int) -> list[tuple[int, int]]:
    """Offsets that cut `text` into pieces of at most `limit` characters, at sentence ends
    where there are any."""
    if len(text) <= limit:
        return [(0, len(text))]
    cuts: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        ends = [m.start() for m in SENTENCE_END.finditer(window) if m.start() > 0]
        end = start + (ends[-1] if ends else limit)
        cuts.append((start, end))
        start = end
    cuts.append((start, len(text)))
    return cuts


def _chunks_of(
    paragraphs: list[Paragraph], limit: int, make: Callable[[str, tuple[int, int]], Chunk]
) -> Iterator[Chunk]:
    """Pack paragraphs into chunks of at most `limit` characters (a longer one is cut)."""
    buf: list[Paragraph] = []
    size = 0
    for p in paragraphs:
        if buf and size + len(p.text) > limit:
            yield make("\n".join(b.text for b in buf), (buf[0].span[0], buf[-1].span[1]))
            buf, size = [], 0
        if len(p.text) > limit:
            # the pieces keep their paragraph's span: its text is cleaned, so not a plain slice
            for s, e in _pieces(p.text, limit):
                yield make(p.text[s:e], p.span)
            continue
        buf.append(p)
        size += len(p.text) + 1
    if buf:
        yield make("\n".join(b.text for b in buf), (buf[0].span[0], buf[-1].span[1]))


def chunks(doc: Document, max_chars: int = 1500) -> Iterator[Chunk]:
    """Section-bounded chunks of at most `max_chars` characters, in document order.

    Each section's own paragraphs (its lead paragraph and body, not its children) make one or
    more chunks; the preamble and the closing of each speech make their own.
    """
    if max_chars < 1:
        raise ValueError("max_chars must be positive")
    views = list(iter_sections(doc))
    for n, speech in enumerate(doc.speeches):

        def at(
            path: str, heads: tuple[str, ...], n: int = n, title: str | None = speech.title
        ) -> Callable[[str, tuple[int, int]], Chunk]:
            return lambda text, span: Chunk(text, n, title, path, heads, span)

        yield from _chunks_of(speech.preamble, max_chars, at("", ()))
        for view in views:
            if view.speech == n:
                yield from _chunks_of(
                    view.section.paragraphs, max_chars, at(view.path, view.headings)
                )
        yield from _chunks_of(speech.closing, max_chars, at("", ()))


ROW_FIELDS = (
    "file",
    "speech",
    "title",
    "row",
    "path",
    "level",
    "kind",
    "marker",
    "ordinal",
    "heading",
    "text",
    "start",
    "end",
)


def rows(doc: Document) -> Iterator[dict[str, object]]:
    """One flat row per section and per inline item (`row` says which), for tables."""
    file = doc.input.path or ""
    for view in iter_sections(doc):
        s = view.section
        title = doc.speeches[view.speech].title
        yield {
            "file": file,
            "speech": view.speech,
            "title": title,
            "row": "section",
            "path": view.path,
            "level": s.level,
            "kind": s.kind,
            "marker": s.marker,
            "ordinal": s.ordinal,
            "heading": s.heading,
            "text": "\n".join(p.text for p in s.paragraphs),
            "start": s.span[0],
            "end": s.span[1],
        }
        for p in s.paragraphs:
            for item in p.items:
                yield _item_row(file, view.speech, title, view.path, s.level + 1, item)
    for n, speech in enumerate(doc.speeches):
        for p in speech.preamble + speech.closing:
            for item in p.items:
                yield _item_row(file, n, speech.title, "", 1, item)


def _item_row(
    file: str, speech: int, title: str | None, path: str, level: int, item: Item
) -> dict[str, object]:
    return {
        "file": file,
        "speech": speech,
        "title": title,
        "row": "item",
        "path": PATH_SEP.join(x for x in (path, item.marker) if x),
        "level": level,
        "kind": item.kind,
        "marker": item.marker,
        "ordinal": item.ordinal,
        "heading": item.heading,
        "text": item.text,
        "start": item.span[0],
        "end": item.span[1],
    }
