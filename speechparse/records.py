"""The parse's output as records: plain dicts in the shape of the JSON contract, keys in its
order, built once by `assemble.py` and `pipeline.py`.

The command renders JSON straight from them with the standard library's encoder, set to write
what `Document.model_dump_json` writes (the same bytes: compact, UTF-8, the same escapes),
without a model made on the way and without importing pydantic. The Python API turns them into
the public pydantic models (`document`, made by `documents.py`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypedDict

if TYPE_CHECKING:
    from .model import Document

SCHEMA_VERSION = "1"
Span = tuple[int, int]
_COMPACT = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False)
_PRETTY = json.JSONEncoder(ensure_ascii=False, indent=2, check_circular=False)


def json_bytes(data: object, pretty: bool = False) -> bytes:
    """`data` (records: dicts, lists, strings, integers, None) as JSON in UTF-8, byte for byte
    what pydantic's serializer writes for them (`tests/test_cli_formats.py` holds it to that).

    >>> json_bytes({"title": "讲话", "span": [0, 2], "note": None})
    b'{"title":"\xe8\xae\xb2\xe8\xaf\x9d","span":[0,2],"note":null}'
    """
    return (_PRETTY if pretty else _COMPACT).encode(data).encode("utf-8")


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
        if self.made is not None:  # the record's dicts hold the models now
            import pydantic_core

            return pydantic_core.to_json(self.made, indent=2 if pretty else None)
        return json_bytes(self.record, pretty)

    def document(self) -> Document:
        """The public model of the record, made once: each dict of the record becomes the
        fields of its model as it is (no copy: the record is the model's from then on)."""
        if self.made is None:
            from .documents import document  # pydantic: imported when a model is asked for

            self.made = document(self.record, self.source)
        return self.made
