"""Stage: internal structures -> the output records (`records.py`), with every span mapped to
the source."""

from __future__ import annotations

from operator import itemgetter

from .heads import Piece
from .issue import Issue
from .meta import SpeechMeta, announcer, closing_note, label_speaker, lead_in, speech_meta
from .outline import Node, Outline
from .records import (
    DroppedRecord,
    ItemRecord,
    ParagraphRecord,
    SectionRecord,
    Span,
    SpeechRecord,
    WarningRecord,
)
from .runs import Para
from .textmap import Mapped, Removed

LEAD_IN_PARAGRAPHS = 4  # a speech's first paragraphs, where a note or lead-in names its speaker
CLOSING_PARAGRAPHS = 2  # its last paragraphs, where an editor's note may stand
HEADING_TRAIL = " \t\u3000，,、"  # an item heading cut at the next item keeps no dangling comma


def paragraph(para: Para) -> ParagraphRecord:
    text = para.text
    if not para.items:  # most paragraphs
        return {"text": text.text, "span": text.span, "items": []}
    items: list[ItemRecord] = []
    previous = 0
    for m, (h_start, h_end), end in para.items:
        ordinal = previous + 1 if m.is_last_word else m.ordinal
        previous = ordinal
        body = text.slice(m.start, end).strip()
        items.append(
            {
                "kind": m.kind,
                "marker": m.marker,
                "ordinal": ordinal,
                "heading": text.text[h_start:h_end].rstrip(HEADING_TRAIL),
                "text": body.text,
                "span": body.span,
            }
        )
    return {"text": text.text, "span": text.span, "items": items}


def paragraphs(paras: list[Para]) -> list[ParagraphRecord]:
    """The records of paragraphs (most have no items: theirs are made here, no call each)."""
    return [
        {"text": p.text.text, "span": p.text.span, "items": []} if not p.items else paragraph(p)
        for p in paras
    ]


def section(node: Node) -> SectionRecord:
    own = paragraphs(node.paras)  # its own paragraphs
    children = [section(c) for c in node.children]
    lead = node.paras[0].text
    ends = [p["span"][1] for p in own]
    if children:  # (most sections have none)
        ends += [c["span"][1] for c in children]
    end = max(ends)
    return {
        "kind": node.marker.kind,
        "marker": node.marker.marker,
        "ordinal": node.ordinal,
        "level": node.level,
        "heading": lead.text[node.heading[0] : node.heading[1]].strip(),
        "span": (lead.src(node.marker.start), end),
        "paragraphs": own,
        "children": children,
    }


def _extent(spans: list[Span]) -> Span:
    spans = [s for s in spans if s[1] > s[0]]
    if not spans:
        return (0, 0)
    # (the least span in tuple order starts first)
    return (min(spans)[0], max(map(itemgetter(1), spans)))


def speech(piece: Piece, outline: Outline) -> SpeechRecord:
    def text(m: Mapped | None) -> str | None:
        return m.text if m is not None and m.text else None

    preamble = paragraphs(outline.preamble)
    sections = [section(n) for n in outline.sections]
    closing = paragraphs(outline.closing)
    heads = [m.span for m in (piece.title, piece.subtitle, piece.salutation) if m is not None]
    span = _extent(
        heads + [p["span"] for p in preamble + closing] + [s["span"] for s in sections]
    )
    title, subtitle = text(piece.title), text(piece.subtitle)
    found = speech_meta(title, subtitle, piece.bylines)
    if found.occasion is None and piece.occasion:
        found = SpeechMeta(found.name, found.role, piece.occasion)  # `会议：…`
    if piece.speaker_label and found.name is None and found.role is None:
        # a record's label before the salutation (`行政長官：主席、…：`) names who speaks
        name, role = label_speaker(piece.speaker_label)
        found = SpeechMeta(name, role, found.occasion)
    if found.occasion is None and piece.collection:  # the whole's title names the occasion
        whole = speech_meta(piece.collection, None)
        found = SpeechMeta(found.name or whole.name, found.role or whole.role, whole.occasion)
    date = piece.date
    if piece.announced_by is not None and found.name is None:
        # `國策顧問孫治平專題報告內容為：`: the report names whose text follows
        name, role = announcer(piece.announced_by)
        if name is not None or role is not None:
            found = SpeechMeta(name, found.role or role, found.occasion)
    if (found.name is None or found.occasion is None) and not piece.record:
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
    return {
        "title": title,
        "subtitle": subtitle,
        "speaker": {"name": found.name, "role": found.role},
        "occasion": found.occasion,
        "salutation": text(piece.salutation),
        "date": date,
        "span": span,
        "preamble": preamble,
        "sections": sections,
        "closing": closing,
        "title_span": piece.title.span if piece.title is not None and piece.title.text else None,
        "subtitle_span": piece.subtitle.span if piece.subtitle is not None else None,
        "salutation_span": piece.salutation.span if piece.salutation is not None else None,
    }


def dropped(
    entries: list[tuple[Mapped, str]], removed: dict[str, list[Removed]]
) -> list[DroppedRecord]:
    """Dropped blocks and lines, and the pieces removed from inside the text (by reason)."""
    found = [(m.span, m.text, reason) for m, reason in entries if m.text]
    for reason, pieces in removed.items():
        found += [(span, text, reason) for text, span in pieces]
    found.sort()
    return [{"text": text, "reason": reason, "span": span} for span, text, reason in found]


def warnings(issues: list[Issue]) -> list[WarningRecord]:
    return [{"code": i.code, "message": i.message, "span": i.span} for i in issues]
