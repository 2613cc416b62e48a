"""Stage: internal structures -> the output models, with every span mapped to the source."""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel

from .heads import Piece
from .issue import Issue
from .meta import SpeechMeta, announcer, closing_note, lead_in, speech_meta
from .model import Document, Dropped, Item, Paragraph, ParseWarning, Section, Span, Speaker, Speech
from .outline import Node, Outline
from .runs import Para
from .textmap import Mapped, Removed

M = TypeVar("M", bound=BaseModel)
LEAD_IN_PARAGRAPHS = 4  # a speech's first paragraphs, where a note or lead-in names its speaker
CLOSING_PARAGRAPHS = 2  # its last paragraphs, where an editor's note may stand
HEADING_TRAIL = " \t\u3000，,、"  # an item heading cut at the next item keeps no dangling comma


def build(cls: type[M], **fields: Any) -> M:
    """A model from values this package computed itself, so already valid: what
    `model_construct` does, without its per-call bookkeeping (it dominated the parse of pages
    with hundreds of dropped pinyin annotations). The slots are set through their descriptors:
    ~0.5 µs a model less than `object.__setattr__`."""
    model = _new(cls)
    _set_dict(model, fields)
    _set_fields_set(model, set(fields))
    _set_extra(model, None)
    _set_private(model, None)  # no private attributes (see `document`)
    return model


def document(source: str, **fields: Any) -> Document:
    """The document model, which keeps the source text as a private attribute."""
    doc = build(Document, **fields)
    _set_private(doc, {"_source": source})
    return doc


_new = object.__new__
_SLOTS = vars(BaseModel)
_set_dict = _SLOTS["__dict__"].__set__
_set_fields_set = _SLOTS["__pydantic_fields_set__"].__set__
_set_extra = _SLOTS["__pydantic_extra__"].__set__
_set_private = _SLOTS["__pydantic_private__"].__set__


def paragraph(para: Para) -> Paragraph:
    text = para.text
    items: list[Item] = []
    previous = 0
    for m, (h_start, h_end), end in para.items:
        ordinal = previous + 1 if m.is_last_word else m.ordinal
        previous = ordinal
        body = text.slice(m.start, end).strip()
        items.append(
            build(
                Item,
                kind=m.kind,
                marker=m.marker,
                ordinal=ordinal,
                heading=text.text[h_start:h_end].rstrip(HEADING_TRAIL),
                text=body.text,
                span=body.span,
            )
        )
    return build(Paragraph, text=text.text, span=text.span, items=items)


def section(node: Node) -> Section:
    paragraphs = [paragraph(p) for p in node.paras]
    children = [section(c) for c in node.children]
    lead = node.paras[0].text
    start = lead.src(node.marker.start)
    end = max([p.span[1] for p in paragraphs] + [c.span[1] for c in children])
    return build(
        Section,
        kind=node.marker.kind,
        marker=node.marker.marker,
        ordinal=node.ordinal,
        level=node.level,
        heading=lead.text[node.heading[0] : node.heading[1]].strip(),
        span=(start, end),
        paragraphs=paragraphs,
        children=children,
    )


def _extent(spans: list[Span]) -> Span:
    spans = [s for s in spans if s[1] > s[0]]
    if not spans:
        return (0, 0)
    return (min(s[0] for s in spans), max(s[1] for s in spans))


def speech(piece: Piece, outline: Outline) -> Speech:
    def text(m: Mapped | None) -> str | None:
        return m.text if m is not None and m.text else None

    preamble = [paragraph(p) for p in outline.preamble]
    sections = [section(n) for n in outline.sections]
    closing = [paragraph(p) for p in outline.closing]
    heads = [m.span for m in (piece.title, piece.subtitle, piece.salutation) if m is not None]
    span = _extent(heads + [p.span for p in preamble + closing] + [s.span for s in sections])
    title, subtitle = text(piece.title), text(piece.subtitle)
    found = speech_meta(title, subtitle, piece.bylines)
    if found.occasion is None and piece.collection:  # the whole's title names the occasion
        whole = speech_meta(piece.collection, None)
        found = SpeechMeta(found.name or whole.name, found.role or whole.role, whole.occasion)
    date = piece.date
    if piece.announced_by is not None and found.name is None:
        # `國策顧問孫治平專題報告內容為：`: the report names whose text follows
        name, role = announcer(piece.announced_by)
        if name is not None or role is not None:
            found = SpeechMeta(name, found.role or role, found.occasion)
    if found.name is None or found.occasion is None:
        # an editor's note or a lead-in sentence may name the speaker, the occasion, the day
        told = lead_in(piece.lead + [b.text.text for b in piece.body[:LEAD_IN_PARAGRAPHS]])
        if told == SpeechMeta():
            told = closing_note([b.text.text for b in piece.body[-CLOSING_PARAGRAPHS:]])
        if found.name in (None, told.name):
            role = found.role or told.role
            if found.role and told.role and told.role.endswith(found.role):
                role = told.role  # `中華民國第十五任總統` says more than `總統`
            found = SpeechMeta(
                found.name or told.name, role, found.occasion or told.occasion
            )
            date = date or told.date
    return build(
        Speech,
        title=title,
        subtitle=subtitle,
        speaker=build(Speaker, name=found.name, role=found.role),
        occasion=found.occasion,
        salutation=text(piece.salutation),
        date=date,
        span=span,
        preamble=preamble,
        sections=sections,
        closing=closing,
        title_span=piece.title.span if piece.title is not None and piece.title.text else None,
        subtitle_span=piece.subtitle.span if piece.subtitle is not None else None,
        salutation_span=piece.salutation.span if piece.salutation is not None else None,
    )


def dropped(entries: list[tuple[Mapped, str]], removed: dict[str, list[Removed]]) -> list[Dropped]:
    """Dropped blocks and lines, and the pieces removed from inside the text (by reason)."""
    found = [(m.span, m.text, reason) for m, reason in entries if m.text]
    for reason, pieces in removed.items():
        found += [(span, text, reason) for text, span in pieces]
    found.sort()
    return [build(Dropped, text=text, reason=reason, span=span) for span, text, reason in found]


def warnings(issues: list[Issue]) -> list[ParseWarning]:
    return [build(ParseWarning, code=i.code, message=i.message, span=i.span) for i in issues]
