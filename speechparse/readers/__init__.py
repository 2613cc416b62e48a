"""Stage 0 for documents that are not plain text: Word files, web pages and PDFs become text.

A reader returns the extracted text (which the spans of the output then point into) with hints
for the later stages: lines that are page junk, whether lines may be joined again (or which
ones), title lines, and page metadata. The input format is chosen by extension and by content.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from io import BytesIO

FORMATS = ("text", "docx", "html", "pdf")
PDF_MAGIC = b"%PDF-"


@dataclass(frozen=True)
class Extracted:
    text: str
    format: str
    encoding: str = "utf-8"
    junk: dict[int, str] = field(default_factory=dict)  # line number -> reason
    joins: bool = True  # may broken lines be joined (not for Word: its paragraphs are real)
    carried: frozenset[int] | None = None  # the lines that carry on the one above, when known
    title_lines: tuple[int, ...] = ()  # lines styled as a title
    title: str | None = None  # the page's own title
    published: str | None = None
    publisher: str | None = None
    url: str | None = None  # the page's own address (canonical link), when it states it
    warnings: tuple[str, ...] = ()  # what reading noticed (a charset that lies, text not read)


def sniff(data: bytes, name: str | None = None) -> str:
    """`docx`, `html`, `pdf` or `text`, by the name's extension, then by the bytes.

    >>> sniff(b"<!DOCTYPE html><html><body>x</body></html>"), sniff("同志们".encode())
    ('html', 'text')
    >>> sniff(b"%PDF-1.7 1 0 obj"), sniff(b"", "speech.PDF"), sniff(b"% PDF-1.7")
    ('pdf', 'pdf', 'text')
    """
    lower = (name or "").lower()
    if lower.endswith(".docx"):
        return "docx"
    if lower.endswith((".html", ".htm", ".xhtml")):
        return "html"
    if lower.endswith(".pdf") or data[:1024].lstrip().startswith(PDF_MAGIC):
        return "pdf"
    if data[:4] == b"PK\x03\x04":
        try:
            if "word/document.xml" in zipfile.ZipFile(BytesIO(data)).namelist():
                return "docx"
        except zipfile.BadZipFile:
            pass
    head = data[:2048].lower()
    if b"<html" in head or b"<!doctype html" in head or (b"<body" in head and b"</" in data[-512:]):
        return "html"
    return "text"
