"""The parse's output as records: plain dicts in the shape of the JSON contract, keys in its
order, built once by `assemble.py` and `pipeline.py`.

The command renders JSON straight from them, with the serializer `Document.model_dump_json`
uses (pydantic_core's): the same bytes, without a model made on the way. The Python API turns
them into the public pydantic models (`document`): each record's fields become a model's
fields as they are, without validation (the values are this package's own, already valid).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, TypedDict, TypeVar, cast

import pydantic_core
from pydantic import BaseModel

from .model import (
    Document,
    Dropped,
    InputInfo,
    Item,
    Meta,
    Paragraph,
    ParseWarning,
    Section,
    Span,
    Speaker,
    Speech,
)


class ItemRecord(TypedDict):
    kind: str
    marker: str
    ordinal: int
    heading: str
    text: str
    span: Span


class ParagraphRecord(TypedDict):
    text: str
    span: Span
    items: list[ItemRecord]


class SectionRecord(TypedDict):
    kind: str
    marker: str
    ordinal: int
    level: int
    heading: str
    span: Span
    paragraphs: list[ParagraphRecord]
    children: list[SectionRecord]


class SpeakerRecord(TypedDict):
    name: str | None
    role: str | None


class SpeechRecord(TypedDict):
    title: str | None
    subtitle: str | None
    speaker: SpeakerRecord
    occasion: str | None
    salutation: str | None
    date: str | None
    span: Span
    preamble: list[ParagraphRecord]
    sections: list[SectionRecord]
    closing: list[ParagraphRecord]
    title_span: Span | None
    subtitle_span: Span | None
    salutation_span: Span | None


class DroppedRecord(TypedDict):
    text: str
    reason: str
    span: Span


class WarningRecord(TypedDict):
    code: str
    message: str
    span: Span | None


class InputRecord(TypedDict):
    path: str | None
    encoding: str
    chars: int
    sha256: str
    format: str
    text: str | None


class MetaRecord(TypedDict):
    published: str | None
    publisher: str | None
    url: str | None


class DocumentRecord(TypedDict):
    schema_version: str
    input: InputRecord
    meta: MetaRecord
    speeches: list[SpeechRecord]
    dropped: list[DroppedRecord]
    warnings: list[WarningRecord]


@dataclass(slots=True)
class Parsed:
    """A parsed text: its record, and the text its spans point into."""

    record: DocumentRecord
    source: str
    made: Document | None = None  # the model, once made: it holds the record's dicts

    def json(self, pretty: bool = False) -> bytes:
        """The JSON of the output contract, as UTF-8 (what `document().model_dump_json()`
        gives, byte for byte)."""
        data = self.record if self.made is None else self.made
        return pydantic_core.to_json(data, indent=2 if pretty else None)

    def document(self) -> Document:
        """The public model of the record, made once: each dict of the record becomes the
        fields of its model as it is (no copy: the record is the model's from then on)."""
        if self.made is None:
            self.made = _document(self.record, self.source)
        return self.made


M = TypeVar("M", bound=BaseModel)


def _model(cls: type[M], fields: Mapping[str, object]) -> M:
    """A model with `fields` as its fields, as `model_construct` makes one, without its
    per-call bookkeeping (it dominated the parse of pages with hundreds of dropped pinyin
    annotations). The slots are set through their descriptors: ~0.5 µs a model less than
    `object.__setattr__`."""
    model = _new(cls)
    _set_dict(model, fields)
    _set_fields_set(model, set(fields))
    _set_extra(model, None)
    _set_private(model, None)  # no private attributes (but the document's source)
    return model


_new = object.__new__
_SLOTS = vars(BaseModel)
_set_dict = _SLOTS["__dict__"].__set__
_set_fields_set = _SLOTS["__pydantic_fields_set__"].__set__
_set_extra = _SLOTS["__pydantic_extra__"].__set__
_set_private = _SLOTS["__pydantic_private__"].__set__


def _fields(record: Mapping[str, object]) -> dict[str, Any]:
    """A record as the fields of its model, to put models in its place."""
    return cast("dict[str, Any]", record)


def _document(r: DocumentRecord, source: str) -> Document:
    fields = _fields(r)  # its values become models
    fields["input"] = _model(InputInfo, r["input"])
    fields["meta"] = _model(Meta, r["meta"])
    fields["speeches"] = [_speech(s) for s in r["speeches"]]
    fields["dropped"] = [_model(Dropped, d) for d in r["dropped"]]
    fields["warnings"] = [_model(ParseWarning, w) for w in r["warnings"]]
    doc = _model(Document, fields)
    _set_private(doc, {"_source": source})
    return doc


def _paragraph(r: ParagraphRecord) -> Paragraph:
    fields = _fields(r)
    if r["items"]:
        fields["items"] = [_model(Item, i) for i in r["items"]]
    return _model(Paragraph, fields)


def _section(r: SectionRecord) -> Section:
    fields = _fields(r)
    fields["paragraphs"] = [_paragraph(p) for p in r["paragraphs"]]
    if r["children"]:
        fields["children"] = [_section(c) for c in r["children"]]
    return _model(Section, fields)


def _speech(r: SpeechRecord) -> Speech:
    fields = _fields(r)
    fields["speaker"] = _model(Speaker, r["speaker"])
    fields["preamble"] = [_paragraph(p) for p in r["preamble"]]
    fields["sections"] = [_section(s) for s in r["sections"]]
    fields["closing"] = [_paragraph(p) for p in r["closing"]]
    return _model(Speech, fields)
