"""The plain-text outline format: written from a `Document`, read back into `OutlineDoc`.

@@ published: 2023-05-22         document metadata
= 标题                           a speech; the rest of the line is its title
@ salutation: 同志们：            speech metadata (subtitle, speaker, role, occasion, salutation,
@ date: 2023-05-18                date)
> 一是 …                         an inline item (of the section above, or of the speech)
一、 heading                     a section; two spaces of indentation per level
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .errors import InputError
from .model import Document, Paragraph, Section, Speech


def _items(paragraphs: list[Paragraph], indent: str) -> list[str]:
    return [f"{indent}> {item.marker} {item.heading}" for p in paragraphs for item in p.items]


def _section(section: Section, depth: int) -> list[str]:
    indent = "  " * depth
    lines = [f"{indent}{section.marker} {section.heading}"]
    lines += _items(section.paragraphs, indent + "  ")
    for child in section.children:
        lines += _section(child, depth + 1)
    return lines


def _speech_meta(speech: Speech) -> dict[str, str | None]:
    return {
        "subtitle": speech.subtitle,
        "speaker": speech.speaker.name,
        "role": speech.speaker.role,
        "occasion": speech.occasion,
        "salutation": speech.salutation,
        "date": speech.date,
    }


def write(doc: Document) -> str:
    """The outline of a parsed document."""
    lines: list[str] = []
    if doc.meta.published:
        lines.append(f"@@ published: {doc.meta.published}")
    if doc.meta.publisher:
        lines.append(f"@@ publisher: {doc.meta.publisher}")
    if doc.meta.url:
        lines.append(f"@@ url: {doc.meta.url}")
    for speech in doc.speeches:
        lines.append(f"= {speech.title or ''}".rstrip())
        for key, value in _speech_meta(speech).items():
            if value:
                lines.append(f"@ {key}: {value}")
        lines += _items(speech.preamble, "")
        for section in speech.sections:
            lines += _section(section, 0)
        lines += _items(speech.closing, "")
    return "\n".join(lines) + "\n"


@dataclass
class OutlineNode:
    marker: str
    heading: str
    line: int
    children: list[OutlineNode] = field(default_factory=list)
    items: list[OutlineNode] = field(default_factory=list)


@dataclass
class OutlineSpeech:
    title: str | None = None  # None: not stated by the annotator; "": the text states none
    meta: dict[str, str] = field(default_factory=dict)
    items: list[OutlineNode] = field(default_factory=list)  # the speech's own inline items
    sections: list[OutlineNode] = field(default_factory=list)


@dataclass
class OutlineDoc:
    meta: dict[str, str] = field(default_factory=dict)
    speeches: list[OutlineSpeech] = field(default_factory=list)


def read(text: str, source: str = "<outline>") -> OutlineDoc:
    """Read an outline (as annotators write them); bad indentation raises `InputError`.

    >>> doc = read("= 标题\\n一、 甲\\n  > 一是 乙\\n  1. 丙\\n")
    >>> s = doc.speeches[0].sections[0]
    >>> s.marker, s.items[0].marker, s.children[0].heading
    ('一、', '一是', '丙')
    """
    doc = OutlineDoc()
    stack: list[OutlineNode] = []
    for number, raw in enumerate(text.splitlines(), 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        if raw.startswith("@@ "):
            key, _, value = raw[3:].partition(":")
            doc.meta[key.strip()] = value.strip()
            continue
        if raw.startswith("= ") or raw == "=":
            # `= ` alone: a speech that states no title ("" — a missing `=` line says nothing)
            doc.speeches.append(OutlineSpeech(title=raw[2:].strip()))
            stack = []
            continue
        if not doc.speeches:
            doc.speeches.append(OutlineSpeech())
        speech = doc.speeches[-1]
        if raw.startswith("@ "):
            key, _, value = raw[2:].partition(":")
            speech.meta[key.strip()] = value.strip()
            continue
        indent = len(raw) - len(raw.lstrip(" "))
        if indent % 2:
            raise InputError(f"{source}:{number}", "indentation must be a multiple of 2 spaces")
        depth = indent // 2
        body = raw.strip()
        is_item = body.startswith("> ")
        marker, _, heading = (body[2:] if is_item else body).partition(" ")
        node = OutlineNode(marker, heading.strip(), number)
        if is_item:
            owner = stack[depth - 1] if 0 < depth <= len(stack) else None
            (owner.items if owner is not None else speech.items).append(node)
            continue
        if depth > len(stack):
            raise InputError(f"{source}:{number}", f"depth {depth} has no parent one level up")
        del stack[depth:]
        (stack[-1].children if stack else speech.sections).append(node)
        stack.append(node)
    return doc
