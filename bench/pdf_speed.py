"""PDF text extraction compared: pypdfium2 (PDFium) alone, speechparse's pdf reader (pypdfium2 and
the layout it reads), pdfplumber and pdfminer.six, on PDFs built from the fixture samples with
`tests/pdf_builder.py` (reportlab's STSong-Light, a CID font the PDF does not embed; A4, wrapped
and justified, a running head drawn after each page's text and a page number drawn before it).

    PYTHONPATH=. python3 bench/pdf_speed.py --copies 4 --repeat 3

For each library and each PDF: seconds (best of `--repeat`, wall clock) and ms a page; whether
each page reads in order (its head first, its number last); the body's characters (spaces aside)
not read as set (lost, misread or out of order: a diff against the text), and spaces put between
two Chinese characters. Two PDFs: lines drawn a line at a time, and each character placed on
its own (as some writers place them: PDFium skips a character drawn alone in a font neither the
PDF nor the machine has, see `speechparse.readers.pdf._unmeasured`).
"""

from __future__ import annotations

import argparse
import difflib
import io
import sys
import time
from collections.abc import Callable
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from pdf_builder import to_pdf  # noqa: E402

HEAD = "某某市人民政府办公室 · 领导讲话"
NUMBER = regex.compile(r"^— \d+ —$")
HAN_SPACE_HAN = regex.compile(r"\p{Han}[ \t\u3000]+\p{Han}")
HAN = regex.compile(r"\p{Han}")


def pdfium_pages(data: bytes) -> list[str]:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(data)
    pages = []
    for page in document:
        textpage = page.get_textpage()
        pages.append(textpage.get_text_range().replace("\r\n", "\n"))
        textpage.close()
        page.close()
    document.close()
    return pages


def reader_pages(data: bytes) -> list[str]:
    from speechparse.readers import pdf

    lines = pdf.extract(data, "bench.pdf").text.split("\n")
    pages: list[list[str]] = [[]]
    for line in lines:
        pages[-1].append(line)
        if NUMBER.match(line):
            pages.append([])
    return ["\n".join(page) for page in pages if page]


def plumber_pages(data: bytes) -> list[str]:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as document:
        return [page.extract_text() or "" for page in document.pages]


def pdfminer_pages(data: bytes) -> list[str]:
    from pdfminer.high_level import extract_text

    return extract_text(io.BytesIO(data)).split("\x0c")[:-1]


LIBRARIES: dict[str, Callable[[bytes], list[str]]] = {
    "pypdfium2 (get_text_range)": pdfium_pages,
    "speechparse pdf reader": reader_pages,
    "pdfplumber (extract_text)": plumber_pages,
    "pdfminer.six (extract_text)": pdfminer_pages,
}


def paragraphs(copies: int) -> list[str]:
    found: list[str] = []
    for path in sorted((ROOT / "fixtures" / "samples").glob("*.txt")):
        found += [line.strip() for line in path.read_text(encoding="utf-8").splitlines()]
    return [p for p in found if p] * copies


def squeeze(text: str) -> str:
    return "".join(text.split())


def han(text: str) -> str:
    return "".join(HAN.findall(text))


def judge(pages: list[str], body: list[str]) -> tuple[int, int, int, int]:
    """(pages read with the head first and the number last, characters of the body (spaces
    aside) not read as set, of them Chinese ones, spaces put between Chinese characters that
    the text has not). The head is known by its Chinese characters (pdfminer reads its `·` as a
    space)."""
    framed = 0
    read: list[str] = []
    for page in pages:
        lines = [line.strip() for line in page.split("\n") if line.strip()]
        if lines and han(lines[0]) == han(HEAD) and NUMBER.match(lines[-1]):
            framed += 1
        read += [ln for ln in lines if han(ln) != han(HEAD) and not NUMBER.match(ln)]
    got, expected = squeeze("".join(read)), squeeze("".join(body))
    matcher = difflib.SequenceMatcher(None, got, expected, autojunk=False)
    wrong = [expected[j1:j2] for op, _, _, j1, j2 in matcher.get_opcodes() if op != "equal"]
    spaces = sum(len(HAN_SPACE_HAN.findall(line)) for line in read)
    spaces -= sum(len(HAN_SPACE_HAN.findall(line)) for line in body)
    return framed, sum(map(len, wrong)), len(han("".join(wrong))), spaces


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", type=int, default=4, help="the samples, this many times over")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    text = paragraphs(args.copies)
    for layout, glyphs in (("a line at a time", False), ("a character at a time", True)):
        data = to_pdf(text, glyphs=glyphs)
        count = len(pdfium_pages(data))
        print(f"\n{count} pages, {len(data) / 1e6:.1f} MB, characters drawn {layout}")
        print(
            "| library | s | ms a page | pages read head first, number last "
            "| body characters lost, misread or out of order | spaces put inside Chinese |"
        )
        print("|---|---|---|---|---|---|")
        for name, read in LIBRARIES.items():
            best = float("inf")
            for _ in range(args.repeat):
                start = time.perf_counter()
                pages = read(data)
                best = min(best, time.perf_counter() - start)
            framed, wrong, chinese, spaces = judge(pages, text)
            print(
                f"| {name} | {best:.2f} | {best / count * 1e3:.1f} | {framed}/{count} | "
                f"{wrong} ({chinese} Chinese) | {spaces} |"
            )


if __name__ == "__main__":
    main()
