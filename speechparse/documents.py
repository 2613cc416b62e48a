"""The public pydantic models made from the parse's records (`records.py`): each record's
fields become a model's fields as they are, without validation (the values are this package's
own, already valid)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

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
    Speaker,
    Speech,
)
from .records import DocumentRecord, ParagraphRecord, SectionRecord, SpeechRecord


def document(record: DocumentRecord, source: str) -> Document:
    """The `Document` of a record, over `source` (the text its spans point into)."""
    return _document(record, source)


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


def _paragraphs(records: list[ParagraphRecord]) -> list[Paragraph]:
    """Most paragraphs have no items: their records' fields are their models' as they are."""
    return [_model(Paragraph, r) if not r["items"] else _paragraph(r) for r in records]


def _paragraph(r: ParagraphRecord) -> Paragraph:
    fields = _fields(r)
    fields["items"] = [_model(Item, i) for i in r["items"]]
    return _model(Paragraph, fields)


def _section(r: SectionRecord) -> Section:
    fields = _fields(r)
    fields["paragraphs"] = _paragraphs(r["paragraphs"])
    if r["children"]:
        fields["children"] = [_section(c) for c in r["children"]]
    return _model(Section, fields)


def _speech(r: SpeechRecord) -> Speech:
    fields = _fields(r)
    fields["speaker"] = _model(Speaker, r["speaker"])
    fields["preamble"] = _paragraphs(r["preamble"])
    fields["sections"] = [_section(s) for s in r["sections"]]
    fields["closing"] = _paragraphs(r["closing"])
    return _model(Speech, fields)
