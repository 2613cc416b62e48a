"""Word (.docx) input, read with python-docx: paragraphs and tables in order, the text of Word's
automatic list numbering rendered from the numbering definitions (it is not in the paragraph
text), page headers and footers kept as junk lines.

A file whose zip directory says it unpacks to more than `MAX_UNPACKED` bytes (a zip bomb) is
refused before anything is inflated, and broken XML (or a broken zip) is an `InputError`
naming the file and the problem.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from collections.abc import Iterator
from typing import Any

from ..errors import InputError
from . import Extracted
from .wordnum import Numbering, W, chinese, format_number, number

__all__ = ["MAX_UNPACKED", "chinese", "extract", "format_number"]

TITLE_STYLES = ("title", "标题")  # `Title`; a Chinese Word names it 标题 (headings: 标题 1 …)
MAX_UNPACKED = 256_000_000  # bytes all parts may unpack to (python-docx holds them all)


def _num_pr(
    paragraph: Any, styles: dict[str, tuple[str, int]], notes: list[str]
) -> tuple[str, int] | None:
    ppr = paragraph._p.pPr
    num = ppr.find(f"{W}numPr") if ppr is not None else None
    if num is not None:
        num_id = num.find(f"{W}numId")
        ilvl = num.find(f"{W}ilvl")
        if num_id is not None:
            value = ilvl.get(f"{W}val") if ilvl is not None else None
            return num_id.get(f"{W}val", ""), number(value, 0, "w:ilvl", notes)
    style = paragraph.style.style_id if paragraph.style is not None else None
    return styles.get(style or "")


def _style_numbering(document: Any, notes: list[str]) -> dict[str, tuple[str, int]]:
    """Numbering that paragraphs inherit from their style (headings numbered by the style)."""
    found: dict[str, tuple[str, int]] = {}
    for style in document.styles.element.iter(f"{W}style"):
        num = style.find(f"{W}pPr/{W}numPr")
        if num is None or num.find(f"{W}numId") is None:
            continue
        ilvl = num.find(f"{W}ilvl")
        found[style.get(f"{W}styleId", "")] = (
            num.find(f"{W}numId").get(f"{W}val", ""),
            number(ilvl.get(f"{W}val") if ilvl is not None else None, 0, "w:ilvl", notes),
        )
    return found


def _blocks(document: Any) -> Iterator[Any]:
    """Paragraphs and tables of the body, in document order."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for child in document.element.body.iterchildren():
        if child.tag == f"{W}p":
            yield Paragraph(child, document)
        elif child.tag == f"{W}tbl":
            yield Table(child, document)


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
    numbering = Numbering.read(document.part.numbering_part.element)
    styles = _style_numbering(document, numbering.notes)
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
    for block in _blocks(document):
        if hasattr(block, "rows"):
            for row in block.rows:
                add("\t".join(cell.text.replace("\n", " ") for cell in row.cells))
            continue
        num = _num_pr(block, styles, numbering.notes)
        label = numbering.label(*num) if num else ""
        style = (block.style.name or "").lower() if block.style is not None else ""
        if style in TITLE_STYLES:
            titles.append(len(lines))
        add(label + block.text)
    for footer in _section_parts(document, "footer"):
        add(footer, "page-footer")
    return Extracted(
        "\n".join(lines),
        "docx",
        junk=junk,
        joins=False,
        title_lines=tuple(titles),
        warnings=tuple(dict.fromkeys(numbering.notes)),
    )


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
