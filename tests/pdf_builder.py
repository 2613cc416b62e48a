"""Text PDFs built with reportlab for the tests and the PDF benchmark: paragraphs wrapped to the
page width and justified, the first line of each indented two characters (as Chinese documents
are set), over as many A4 pages as they fill, a running head and a page number on each page. The
text is set in reportlab's built-in CID font STSong-Light (Adobe-GB1: no font file needed).

The page number is drawn before the page's text and the running head after it, so the order the
PDF holds them in is not the order they are read in (as many PDFs made by office programs)."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator

import regex
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))
WIDTH, HEIGHT = A4
MARGIN = 72.0
SIZE = 14.0
PITCH = SIZE * 1.6
SMALL = 9.0
# A run of ASCII letters and digits is not broken (a Word processor wraps Latin words whole).
TOKEN = regex.compile(r"[A-Za-z0-9.%]+|\s+|.", regex.S)


def dash_number(page: int, pages: int) -> str:
    return f"— {page} —"


def wrap(text: str, width: float, indent: float, size: float = SIZE) -> list[str]:
    """`text` in lines at most `width` points wide, the first one `indent` points shorter; a
    last line of one character takes one more from the line above (as a word processor keeps
    a full stop off a line of its own; PDFium drops a lone character set in a font that
    neither the PDF nor the machine has, see `speechparse.readers.pdf._unmeasured`).

    >>> wrap("同志们好", 2 * SIZE, 0), wrap("同志们好。", 2 * SIZE, 0)
    (['同志', '们好'], ['同志', '们', '好。'])
    """
    lines = list(_wrap(text, width, indent, size))
    if len(lines) > 1 and len(lines[-1]) == 1 and len(lines[-2]) > 1:
        lines[-2:] = [lines[-2][:-1], lines[-2][-1] + lines[-1]]
    return lines


def _wrap(text: str, width: float, indent: float, size: float) -> Iterator[str]:
    line, used, room = "", 0.0, width - indent
    for token in TOKEN.findall(text):
        w = pdfmetrics.stringWidth(token, FONT, size)
        if line and used + w > room:
            yield line.rstrip()
            line, used, room = "", 0.0, width
            if token.isspace():
                continue
        line += token
        used += w
    if line.strip():
        yield line.rstrip()


def to_pdf(
    paragraphs: list[str],
    head: str | None = "某某市人民政府办公室 · 领导讲话",
    footer: Callable[[int, int], str] | None = dash_number,
    pages_min: int = 3,
    indent: float = 2 * SIZE,
    justify: bool = True,
    glyphs: bool = False,
) -> bytes:
    """A PDF of `paragraphs`, each wrapped to the text width (its first line indented by
    `indent`; full lines justified, or ragged), on as many pages as they need and on
    `pages_min` at least (fewer lines a page than fit, if need be). With `glyphs`, each
    character is placed on its own (as some PDF writers place them), not a line at a time."""
    width = WIDTH - 2 * MARGIN
    rows: list[tuple[str, float, float]] = []  # (line, indent, spacing between characters)
    for text in paragraphs:
        lines = wrap(text.strip(), width, indent)
        for n, line in enumerate(lines):
            shift = indent if n == 0 else 0.0
            spare = width - shift - pdfmetrics.stringWidth(line, FONT, SIZE)
            full = justify and n + 1 < len(lines) and len(line) > 1  # ends at the margin
            rows.append((line, shift, spare / (len(line) - 1) if full else 0.0))
    fit = int((HEIGHT - 2 * MARGIN) // PITCH)
    per_page = max(1, min(fit, -(-len(rows) // pages_min)))
    pages = [rows[i : i + per_page] for i in range(0, len(rows), per_page)] or [[]]
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4)
    for number, page in enumerate(pages, 1):
        if footer is not None:
            pdf.setFont(FONT, SMALL)
            pdf.drawCentredString(WIDTH / 2, MARGIN / 2, footer(number, len(pages)))
        pdf.setFont(FONT, SIZE)
        y = HEIGHT - MARGIN - SIZE
        for line, shift, spacing in page:
            if glyphs:
                x = MARGIN + shift
                for char in line:
                    pdf.drawString(x, y, char)
                    x += pdfmetrics.stringWidth(char, FONT, SIZE) + spacing
            else:
                text = pdf.beginText(MARGIN + shift, y)
                text.setFont(FONT, SIZE)
                text.setCharSpace(spacing)
                text.textOut(line)
                pdf.drawText(text)
            y -= PITCH
        if head is not None:
            pdf.setFont(FONT, SMALL)
            pdf.drawCentredString(WIDTH / 2, HEIGHT - MARGIN / 2, head)
        pdf.showPage()
    pdf.save()
    return out.getvalue()


def scanned_pdf() -> bytes:
    """A PDF whose one page holds a drawing and no text, as a scanned page (an image) has."""
    out = io.BytesIO()
    pdf = canvas.Canvas(out, pagesize=A4)
    pdf.rect(MARGIN, MARGIN, WIDTH - 2 * MARGIN, HEIGHT - 2 * MARGIN, fill=1)
    pdf.showPage()
    pdf.save()
    return out.getvalue()
