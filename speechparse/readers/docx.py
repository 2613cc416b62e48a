"""Word (.docx) input, read with python-docx: paragraphs and tables in order (also inside content
controls, and nested tables), the text of Word's automatic list numbering rendered from the
numbering definitions (`wordnum`), page headers and footers kept as junk lines.

A hostile file ends in a clear `InputError` or is read whole: a file whose zip directory says it
unpacks to more than `MAX_UNPACKED` bytes (a zip bomb) is refused before anything is inflated;
broken XML names the file and the problem; text after an entity reference python-docx leaves
unresolved (or a comment) inside a run is kept. The work a paragraph costs does not grow with
the document: styles are read once, each paragraph's from its own XML (python-docx's
`paragraph.style` searches the styles, ~1.5 ms a call), tables in one pass over their rows
(python-docx follows a vertically merged cell up the table row by row).
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ..errors import InputError
from . import Extracted
from .wordnum import Numbering, W, chinese, format_number, number

__all__ = ["MAX_UNPACKED", "chinese", "extract", "format_number"]

TITLE_STYLES = ("title", "标题")  # `Title`; a Chinese Word names it 标题 (headings: 标题 1 …)
MAX_UNPACKED = 256_000_000  # bytes all parts may unpack to (python-docx holds them all)
WRAPPERS = frozenset((f"{W}sdt", f"{W}sdtContent", f"{W}customXml", f"{W}smartTag"))
SPAN_MAX = 64  # grid columns a cell may span (Word's tables have at most 63)
NOTES_MAX = 5


@dataclass
class Styles:
    """The paragraph styles, read once: lower-case names, and the numbering a style gives."""

    names: dict[str, str] = field(default_factory=dict)
    numbering: dict[str, tuple[str, int]] = field(default_factory=dict)
    default: str = ""

    @classmethod
    def read(cls, root: Any, notes: list[str]) -> Styles:
        found = cls()
        for style in root.iter(f"{W}style"):
            style_id = style.get(f"{W}styleId", "")
            name = style.find(f"{W}name")
            found.names[style_id] = (name.get(f"{W}val", "") if name is not None else "").lower()
            if style.get(f"{W}type") == "paragraph" and style.get(f"{W}default") in ("1", "true"):
                found.default = style_id
            num = style.find(f"{W}pPr/{W}numPr")
            num_id = num.find(f"{W}numId") if num is not None else None
            if num is not None and num_id is not None:
                ilvl = num.find(f"{W}ilvl")
                found.numbering[style_id] = (
                    num_id.get(f"{W}val", ""),
                    number(ilvl.get(f"{W}val") if ilvl is not None else None, 0, "w:ilvl", notes),
                )
        return found


def _paragraph(p: Any, styles: Styles, notes: list[str]) -> tuple[str, tuple[str, int] | None]:
    """A paragraph's style id and its own numbering (`w:numPr`), from its XML."""
    ppr = p.find(f"{W}pPr")
    style = ppr.find(f"{W}pStyle") if ppr is not None else None
    style_id = style.get(f"{W}val", "") if style is not None else styles.default
    num = ppr.find(f"{W}numPr") if ppr is not None else None
    num_id = num.find(f"{W}numId") if num is not None else None
    if num is None or num_id is None:
        return style_id, styles.numbering.get(style_id)
    ilvl = num.find(f"{W}ilvl")
    value = ilvl.get(f"{W}val") if ilvl is not None else None
    return style_id, (num_id.get(f"{W}val", ""), number(value, 0, "w:ilvl", notes))


def _children(element: Any, tags: tuple[str, ...]) -> Iterator[Any]:
    """The children of `element` with one of `tags`, also those inside content controls
    (`w:sdt`) and custom XML wrappers, in document order."""
    for child in element.iterchildren():
        if child.tag in tags:
            yield child
        elif child.tag in WRAPPERS:
            yield from _children(child, tags)


def _table_rows(table: Any, notes: list[str]) -> Iterator[str]:
    """A table's rows, cells joined by tabs: a cell spanning columns stands once a column, a
    vertically merged one has the text of the cell that starts the merge (as python-docx's
    `row.cells`, in one pass); a nested table's text is in the cell holding it."""
    above: dict[int, str] = {}  # grid column -> text of the cell a vertical merge there began in
    for row in _children(table, (f"{W}tr",)):
        cells: list[str] = []
        for cell in _children(row, (f"{W}tc",)):
            span_el = cell.find(f"{W}tcPr/{W}gridSpan")
            span = number(span_el.get(f"{W}val") if span_el is not None else None, 1, "span", notes)
            span = min(max(span, 1), SPAN_MAX)
            merge = cell.find(f"{W}tcPr/{W}vMerge")
            column = len(cells)
            if merge is not None and merge.get(f"{W}val", "continue") == "continue":
                text = above.get(column, "")
            else:
                text = " ".join(t for p in cell.iter(f"{W}p") if (t := p.text))
                for n in range(column, column + span):
                    above[n] = text
            cells.extend([text] * span)
        yield "\t".join(cells)


def _keep_text_around_nodes(root: Any) -> None:
    """Text after an entity reference left unresolved, a comment or a processing instruction in
    a `w:t` (python-docx reads a `w:t` up to its first child) joined to the text before it; the
    reference stays as written (`&name;`: resolving it could inflate the text without bound)."""
    from lxml import etree

    for node in list(root.iter(etree.Entity, etree.Comment, etree.PI)):
        parent = node.getparent()
        if parent is None or parent.tag != f"{W}t":
            continue
        kept = (node.text if isinstance(node, etree._Entity) else "") + (node.tail or "")
        before = node.getprevious()
        if before is None:
            parent.text = (parent.text or "") + kept
        else:
            before.tail = (before.tail or "") + kept
        node.tail = None
        parent.remove(node)


def _check_size(data: bytes, source: str) -> None:
    """Refuse a file whose parts unpack to more than `MAX_UNPACKED` bytes, by the sizes its zip
    directory states (inflating reads no more than those: a part that inflates further fails
    its checksum)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        total = sum(info.file_size for info in archive.infolist())
    if total > MAX_UNPACKED:
        raise InputError(
            source,
            f"unpacks to {total / 1e6:.0f} MB, over the {MAX_UNPACKED / 1e6:.0f} MB a .docx may "
            "hold (a zip bomb?); not read",
        )


def _read_errors() -> tuple[type[Exception], ...]:
    from docx.opc.exceptions import OpcError
    from lxml.etree import LxmlError

    # broken zip, missing part, wrong content type, broken XML, broken or unsupported compression
    return (
        zipfile.BadZipFile,
        KeyError,
        ValueError,
        SyntaxError,
        LxmlError,
        OpcError,
        zlib.error,
        EOFError,
        NotImplementedError,
        RuntimeError,
    )


def extract(data: bytes, source: str) -> Extracted:
    """The text of a .docx file, one paragraph a line, numbering rendered."""
    try:
        import docx
    except ImportError:  # pragma: no cover - depends on the installation
        raise InputError(
            source, "reading .docx needs python-docx: pip install 'speechparse[docx]'"
        ) from None
    errors = _read_errors()
    try:
        _check_size(data, source)
        return _read(docx.Document(io.BytesIO(data)))
    except errors as exc:
        raise InputError(source, f"is not a readable .docx file ({exc})") from None


def _read(document: Any) -> Extracted:
    for part in document.part.package.iter_parts():
        element = getattr(part, "_element", None)
        if element is not None:
            _keep_text_around_nodes(element)
    numbering = Numbering.read(document.part.numbering_part.element)
    notes = numbering.notes
    styles = Styles.read(document.styles.element, notes)
    lines: list[str] = []
    junk: dict[int, str] = {}
    titles: list[int] = []

    def add(text: str, reason: str | None = None) -> None:
        for part in text.split("\n"):
            if reason:
                junk[len(lines)] = reason
            lines.append(part)

    for header in _section_parts(document, "header"):
        add(header, "page-header")
    for block in _children(document.element.body, (f"{W}p", f"{W}tbl")):
        if block.tag == f"{W}tbl":
            for row in _table_rows(block, notes):
                add(row)
            continue
        style, num = _paragraph(block, styles, notes)
        if styles.names.get(style) in TITLE_STYLES:
            titles.append(len(lines))
        add((numbering.label(*num) if num else "") + block.text)
    for footer in _section_parts(document, "footer"):
        add(footer, "page-footer")
    return Extracted(
        "\n".join(lines),
        "docx",
        junk=junk,
        joins=False,
        title_lines=tuple(titles),
        warnings=_summary(notes),
    )


def _summary(notes: list[str]) -> tuple[str, ...]:
    unique = list(dict.fromkeys(notes))
    if len(unique) > NOTES_MAX:
        return (*unique[:NOTES_MAX], f"and {len(unique) - NOTES_MAX} more numbering values")
    return tuple(unique)


def _section_parts(document: Any, which: str) -> Iterator[str]:
    seen: set[str] = set()
    for section in document.sections:
        part = getattr(section, which)
        if part.is_linked_to_previous and seen:
            continue
        text = "\n".join(p.text for p in part.paragraphs if p.text.strip())
        if text and text not in seen:
            seen.add(text)
            yield text
