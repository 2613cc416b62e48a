"""PDF input, read with pypdfium2 (Google's PDFium): each page's lines with where they stand,
put in reading order (`pdflayout`: rows from the top down), one line of the text a row, pages one
after another. Running heads and feet (rows that recur on other pages at the same height, page
numbers aside) are junk lines; the rows that carry on a paragraph (a wrapped line, also across a
page break) are marked for the paragraphs stage, which joins nothing else.

A PDF with no text (a scan: images of pages) needs OCR, which is not done here: it is an
`InputError` saying so. Pages of images among pages of text, and text the machine cannot read
(see `_unmeasured`), are warnings. PDFium is not thread-safe: one document is read at a time.
"""

from __future__ import annotations

import statistics
import threading
from typing import Any

from .. import limits
from ..errors import InputError
from ..lazy import lazy_regex
from . import Extracted, pdflayout
from .pdflayout import Row

LINES = lazy_regex(r"[^\r\n]+")
BREAKS = lazy_regex(r"[\x0b\x0c\x85\u2028\u2029]")  # line breaks the text may not hold
PDFIUM_SAID = lazy_regex(r"\(PDFium: ([^()]+)\)")
SHOWN_PAGES = 10
LOCK = threading.Lock()


def _pieces(textpage: Any) -> list[Row]:
    """PDFium's lines of a page (in the order the page draws them), each with its box: from
    the left of its first character to the right of its last, its height the characters'."""
    text = textpage.get_text_range()
    same = len(text) == textpage.count_chars()  # one text index a character, as usual
    found: list[Row] = []
    for line in LINES.finditer(text):
        start, end = line.span()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start == end:
            continue
        first, last = start, end - 1
        if not same:
            first, last = _char(textpage, first), _char(textpage, last)
        left, bottom, _, top = textpage.get_charbox(first, loose=True)
        _, bottom2, right, top2 = textpage.get_charbox(last, loose=True)
        piece = BREAKS.sub(" ", text[start:end])
        found.append(Row(piece, left, min(bottom, bottom2), right, max(top, top2)))
    return found


def _char(textpage: Any, index: int) -> int:
    from pypdfium2 import raw

    return max(0, int(raw.FPDFText_GetCharIndexFromTextIndex(textpage.raw, index)))


def _unmeasured(page: Any) -> int:
    """Text PDFium skips: a piece drawn with a font the PDF does not embed, which no font on
    this machine has the glyphs of, measures zero wide, and one character drawn on its own
    (a line's last, or every character, as some writers place them) is then not read. A machine
    with a Chinese font installed reads them."""
    from pypdfium2 import raw

    count = 0
    for obj in page.get_objects(filter=[raw.FPDF_PAGEOBJ_TEXT]):
        left, _, right, _ = obj.get_bounds()
        font = raw.FPDFTextObj_GetFont(obj.raw)
        if right - left < 0.01 and font and not raw.FPDFFont_GetIsEmbedded(font):
            count += 1
    return count


def _has_images(page: Any) -> bool:
    from pypdfium2 import raw

    return next(iter(page.get_objects(filter=[raw.FPDF_PAGEOBJ_IMAGE])), None) is not None


def _pages(document: Any, source: str) -> tuple[list[list[Row]], float, list[str]]:
    """The rows of each page, in reading order, the pages' width (the median) and what reading
    noticed."""
    pages: list[list[Row]] = []
    widths: list[float] = []
    imaged: list[int] = []
    lost: dict[int, int] = {}
    count = 0
    for number in range(len(document)):
        page = document[number]
        widths.append(page.get_width())
        try:
            textpage = page.get_textpage()
            try:
                found = pdflayout.rows(_pieces(textpage))
            finally:
                textpage.close()
            if not found and _has_images(page):
                imaged.append(number + 1)
            if unread := _unmeasured(page):
                lost[number + 1] = unread
        finally:
            page.close()
        count += len(found)
        if count > limits.MAX_LINES:
            raise InputError(source, limits.Exceeded("lines").problem)
        pages.append(found)
    notes = []
    if imaged and len(imaged) < len(pages):
        verb = "holds" if len(imaged) == 1 else "hold"
        notes.append(
            f"{_pages_named(imaged)} {verb} images and no text (scanned?): not read (OCR is needed)"
        )
    if lost:
        notes.append(
            f"{sum(lost.values())} pieces of text on {_pages_named(list(lost))} were not read: "
            "their font is not in the PDF and no font on this machine has their characters "
            "(install a Chinese font, e.g. Noto CJK)"
        )
    return pages, statistics.median(widths) if widths else 0.0, notes


def _pages_named(numbers: list[int]) -> str:
    shown = ", ".join(map(str, numbers[:SHOWN_PAGES]))
    more = f" and {len(numbers) - SHOWN_PAGES} more" if len(numbers) > SHOWN_PAGES else ""
    return f"page{'s' if len(numbers) > 1 else ''} {shown}{more}"


def _open(pdfium: Any, data: bytes, source: str) -> Any:
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        from pypdfium2 import raw

        if getattr(exc, "err_code", None) == raw.FPDF_ERR_PASSWORD:
            raise InputError(source, "is an encrypted PDF (it needs a password to open)") from None
        raise _unreadable(source, exc) from None


def _unreadable(source: str, exc: Exception) -> InputError:
    """`is not a readable PDF file (PDFium: data format error)`, from PDFium's words."""
    said = PDFIUM_SAID.search(str(exc))
    why = f"PDFium: {said[1].lower()}" if said else str(exc)
    return InputError(source, f"is not a readable PDF file ({why})")


def extract(data: bytes, source: str) -> Extracted:
    """The text of a PDF, a line a row of its pages, with its running heads and feet marked."""
    try:
        import pypdfium2 as pdfium
    except ImportError:
        raise InputError(
            source, "reading .pdf needs pypdfium2: pip install 'speechparse[pdf]'"
        ) from None
    with LOCK:
        document = _open(pdfium, data, source)
        try:
            pages, width, notes = _pages(document, source)
        except pdfium.PdfiumError as exc:
            raise _unreadable(source, exc) from None
        finally:
            document.close()
    if not any(pages):
        raise InputError(
            source,
            f"is a PDF with no text in it ({len(pages)} page{'s' if len(pages) != 1 else ''}: "
            "a scan?); reading its pages needs OCR, which speechparse does not do",
        )
    return _text(pages, width, notes)


def _text(pages: list[list[Row]], width: float, notes: list[str]) -> Extracted:
    margin = pdflayout.margins(pages)
    lines: list[str] = []
    junk: dict[int, str] = {}
    body: list[tuple[int, Row]] = []  # (line, row) of the text itself
    for p, page in enumerate(pages):
        for r, row in enumerate(page):
            reason = margin.get((p, r))
            if reason is not None:
                junk[len(lines)] = reason
            else:
                body.append((len(lines), row))
            lines.append(row.text)
    carried = pdflayout.carried([row for _, row in body], width)
    joined = frozenset(line for (line, _), on in zip(body, carried) if on)  # noqa: B905
    return Extracted(
        "\n".join(lines), "pdf", junk=junk, joins=False, carried=joined, warnings=tuple(notes)
    )
