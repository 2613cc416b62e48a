"""The output: pydantic models exactly as in the output contract (field names are fixed).

Spans are `[start, end)` offsets into the decoded input text.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

from .records import SCHEMA_VERSION, Span

if TYPE_CHECKING:
    from .views import Chunk, SectionView



class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Item(_Model):
    """An inline numbered point inside a paragraph (`…：一是…；二是…`)."""

    kind: str
    marker: str
    ordinal: int
    heading: str
    text: str
    span: Span


class Paragraph(_Model):
    text: str
    span: Span
    items: list[Item] = Field(default_factory=list)


class Section(_Model):
    kind: str
    marker: str
    ordinal: int
    level: int
    heading: str
    span: Span
    paragraphs: list[Paragraph] = Field(default_factory=list)
    children: list[Section] = Field(default_factory=list)

    def walk(self) -> Iterator[Section]:
        """This section and all below it, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()


class Speaker(_Model):
    name: str | None = None
    role: str | None = None


class Speech(_Model):
    title: str | None = None
    subtitle: str | None = None
    speaker: Speaker = Field(default_factory=Speaker)
    occasion: str | None = None
    salutation: str | None = None
    date: str | None = None  # ISO, as precise as the dateline: 1927-03, 1993-09-18
    span: Span
    # where the title, subtitle and salutation stand in the source (beyond the contract)
    title_span: Span | None = None
    subtitle_span: Span | None = None
    salutation_span: Span | None = None
    preamble: list[Paragraph] = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list)
    closing: list[Paragraph] = Field(default_factory=list)

    def walk(self) -> Iterator[Section]:
        for section in self.sections:
            yield from section.walk()


class Dropped(_Model):
    text: str
    reason: str
    span: Span


class ParseWarning(_Model):
    """A numbering slip or other doubt about the input, with where it is."""

    code: str
    message: str
    span: Span | None = None


class InputInfo(_Model):
    path: str | None = None
    encoding: str
    chars: int
    sha256: str
    format: str = "text"  # text, docx or html: what the text was read from
    text: str | None = None  # the text the spans point into, when asked for


class Meta(_Model):
    published: str | None = None
    publisher: str | None = None
    url: str | None = None  # the source address, when the file states it


class Document(_Model):
    """A parsed file: its speeches, the page junk dropped from it, and warnings."""

    schema_version: str = SCHEMA_VERSION
    input: InputInfo
    meta: Meta = Field(default_factory=Meta)
    speeches: list[Speech] = Field(default_factory=list)
    dropped: list[Dropped] = Field(default_factory=list)
    warnings: list[ParseWarning] = Field(default_factory=list)

    _source: str | None = PrivateAttr(default=None)

    @property
    def source_text(self) -> str | None:
        """The decoded text the spans point into (kept for the html view; not serialised)."""
        return self._source

    def to_outline(self) -> str:
        """The document in the plain-text outline format."""
        from .outline_format import write

        return write(self)

    def iter_sections(self) -> Iterator[SectionView]:
        """Every section in document order, with its speech and heading path.

        >>> from speechparse import parse_text
        >>> doc = parse_text("标题\\n一、总体要求\\n正文。\\n（一）目标\\n甲。\\n（二）原则\\n乙。")
        >>> [(v.path, v.section.heading) for v in doc.iter_sections()]
        [('一、', '总体要求'), ('一、/（一）', '目标'), ('一、/（二）', '原则')]
        """
        from .views import iter_sections

        return iter_sections(self)

    def chunks(self, max_chars: int = 1500) -> Iterator[Chunk]:
        """Section-bounded chunks of at most `max_chars` characters, with their heading path.

        >>> from speechparse import parse_text
        >>> doc = parse_text("标题\\n同志们：\\n开场。\\n一、总体要求\\n甲。\\n二、主要任务\\n乙。")
        >>> [(c.path, c.text) for c in doc.chunks(max_chars=200)]
        [('', '开场。'), ('一、', '一、总体要求\\n甲。'), ('二、', '二、主要任务\\n乙。')]
        """
        from .views import chunks

        return chunks(self, max_chars)
