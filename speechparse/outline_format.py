"""The plain-text outline format: written from a `Document`, read back into `OutlineDoc`.

@@ published: 2023-05-22         document metadata
= 标题                           a speech; the rest of the line is its title
@ salutation: 同志们：            speech metadata (subtitle, speaker, role, occasion, salutation,
@ date: 2023-05-18                date)
> 一是 …                         an inline item (of the section above, or of the speech)
一、 heading                     a section; two spaces of indentation per level
一、 {cn_dun} heading            … its family (the JSON `kind`) pinned, as fixtures may write it
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .errors import InputError
from .lazy import lazy_regex
from .model import Document, Paragraph, Section, Speech

KIND = lazy_regex(r"^\{(?P<kind>[a-z_]+)\}\s*")  # `{cn_dun} ` before a heading


def _node(marker: str, kind: str, heading: str, kinds: bool) -> str:
    return f"{marker} {{{kind}}} {heading}" if kinds else f"{marker} {heading}"


def _items(paragraphs: list[Paragraph], indent: str, kinds: bool) -> list[str]:
    return [
        f"{indent}> {_node(item.marker, item.kind, item.heading, kinds)}"
        for p in paragraphs
        for item in p.items
    ]


def _section(section: Section, depth: int, kinds: bool) -> list[str]:
    indent = "  " * depth
    lines = [indent + _node(section.marker, section.kind, section.heading, kinds)]
    lines += _items(section.paragraphs, indent + "  ", kinds)
    for child in section.children:
        lines += _section(child, depth + 1, kinds)
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


def write(doc: Document, kinds: bool = False) -> str:
    """The outline of a parsed document (with each marker's family when `kinds`)."""
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
        lines += _items(speech.preamble, "", kinds)
        for section in speech.sections:
            lines += _section(section, 0, kinds)
        lines += _items(speech.closing, "", kinds)
    return "\n".join(lines) + "\n"


@dataclass
class OutlineNode:
    marker: str
    heading: str
    line: int
    kind: str | None = None  # the family, when the outline pins it (`一、 {cn_dun} …`)
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

    >>> doc = read("= 标题\\n一、 甲\\n  > 一是 {shi} 乙\\n  1. 丙\\n")
    >>> s = doc.speeches[0].sections[0]
    >>> s.marker, s.items[0].marker, s.items[0].kind, s.children[0].heading, s.kind
    ('一、', '一是', 'shi', '丙', None)
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
        pinned = KIND.match(heading)
        kind = pinned["kind"] if pinned is not None else None
        heading = heading[pinned.end() :] if pinned is not None else heading
        node = OutlineNode(marker, heading.strip(), number, kind)
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
