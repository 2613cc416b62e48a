"""PDFs built from every fixture (wrapped, justified or ragged, over several pages with a running
head and a page number) give the same outline as the plain text; scans, broken and encrypted
files are clear errors."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest
from conftest import SAMPLES
from pdf_builder import FONT, MARGIN, SIZE, WIDTH, scanned_pdf, to_pdf
from PIL import Image
from reportlab.lib import pdfencrypt
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas
from test_readers import TITLED, _paragraphs, _speeches, read_as

import speechparse
from speechparse.audit import audit
from speechparse.model import Document
from speechparse.readers import pdflayout
from speechparse.readers.pdflayout import Row

HEAD = "某某市人民政府办公室 · 领导讲话"


def _pdf_of(plain: Document, **options: object) -> bytes:
    return to_pdf([text for _, text, _ in _paragraphs(plain)], **options)  # type: ignore[arg-type]


@pytest.mark.parametrize("path", TITLED, ids=lambda p: p.stem)
def test_pdf_gives_the_outline_of_the_text(path: Path) -> None:
    plain = speechparse.parse_file(path)
    doc = read_as("pdf", _pdf_of(plain), plain)
    dropped = {(d.reason, d.text) for d in doc.dropped}
    assert {("page-header", HEAD), ("page-number", "— 2 —")} <= dropped
    assert audit(doc) == []
    assert not [w for w in doc.warnings if "not read" in w.message]


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.stem)
def test_ragged_lines_are_joined_too(path: Path) -> None:
    plain = speechparse.parse_file(path)
    doc = speechparse.parse_bytes(_pdf_of(plain, justify=False), path="speech.pdf")
    assert _speeches(doc) == _speeches(plain)


def test_a_sentence_broken_by_a_page_break_reads_whole() -> None:
    first = "今天召开全市工作会议。" + "我们要认真贯彻落实会议精神，推动各项工作落地见效。" * 9
    title, heading = "在全市工作会议上的讲话", "一、总体要求"
    data = to_pdf([title, "同志们：", first, heading, "要坚持稳中求进。"], pages_min=3)
    doc = speechparse.parse_bytes(data, path="speech.pdf")
    text = doc.source_text or ""
    assert [p.text for p in doc.speeches[0].preamble] == [first]
    assert [s.marker for s in doc.speeches[0].sections] == ["一、"]
    # the page's number and the next page's head are read where they stand, and dropped
    lines = text.split("\n")
    assert lines[0] == HEAD and lines[-1] == "— 3 —"
    assert lines.index("— 1 —") < lines.index(HEAD, 1) < lines.index("— 2 —")
    assert {d.reason for d in doc.dropped} == {"page-header", "page-number"}
    assert audit(doc) == []


def test_footers_without_numbers_and_single_page_heads_are_dropped() -> None:
    body = ["关于加强安全生产工作的讲话", "同志们：", "今天召开会议。" * 20, "一、认清形势"]
    many = to_pdf(body, footer=lambda n, total: "某某市应急管理局印发")
    doc = speechparse.parse_bytes(many, path="speech.pdf")
    assert {(d.reason, d.text) for d in doc.dropped} >= {("page-footer", "某某市应急管理局印发")}
    one = to_pdf(body[:2], pages_min=1, footer=None)
    single = speechparse.parse_bytes(one, path="speech.pdf")
    assert [(d.reason, d.text) for d in single.dropped] == [("page-header", HEAD)]
    assert single.speeches[0].title == "关于加强安全生产工作的讲话"


def test_rows_side_by_side_are_read_left_to_right() -> None:
    out = io.BytesIO()
    pdf = canvas.Canvas(out)
    pdf.setFont(FONT, SIZE)
    pdf.drawString(300, 40, "共3页")  # drawn first, read last: the foot of the page
    pdf.drawString(MARGIN, 700, "同志们：")
    pdf.drawString(MARGIN, 40, "第1页")
    pdf.showPage()
    pdf.save()
    doc = speechparse.parse_bytes(out.getvalue(), path="speech.pdf")
    assert doc.source_text == "同志们：\n第1页 共3页"
    assert [(d.reason, d.text) for d in doc.dropped] == [("page-number", "第1页 共3页")]


def test_a_pdf_with_no_text_needs_ocr() -> None:
    with pytest.raises(
        speechparse.InputError, match=r"^scan\.pdf: is a PDF with no text in it .*needs OCR"
    ):
        speechparse.parse_bytes(scanned_pdf(), path="scan.pdf")


def test_pages_of_images_among_pages_of_text_are_a_warning() -> None:
    out = io.BytesIO()
    pdf = canvas.Canvas(out)
    pdf.setFont(FONT, SIZE)
    pdf.drawString(MARGIN, 700, "同志们：今天开会。")
    pdf.showPage()
    pdf.drawImage(ImageReader(Image.new("L", (20, 20))), MARGIN, 300, 200, 200)
    pdf.showPage()
    pdf.save()
    doc = speechparse.parse_bytes(out.getvalue(), path="speech.pdf")
    assert [w.message for w in doc.warnings] == [
        "page 2 holds images and no text (scanned?): not read (OCR is needed)"
    ]


def test_text_in_a_font_not_embedded_is_read_or_reported() -> None:
    """A character drawn on its own, in a font neither the PDF nor the machine has, measures
    zero wide and PDFium skips it: reported where it is not read (CI has no Chinese font)."""
    out = io.BytesIO()
    pdf = canvas.Canvas(out)
    pdf.setFont(FONT, SIZE)
    pdf.drawString(MARGIN, 700, "同志们：今天开会")
    pdf.drawString(MARGIN, 680, "。")
    pdf.showPage()
    pdf.save()
    doc = speechparse.parse_bytes(out.getvalue(), path="speech.pdf")
    read = (doc.source_text or "").endswith("。")
    notes = [w.message for w in doc.warnings if "not read" in w.message]
    assert read != bool(notes)
    assert read or notes[0].startswith("1 pieces of text on page 1 were not read")


def _encrypted() -> bytes:
    out = io.BytesIO()
    pdf = canvas.Canvas(out, encrypt=pdfencrypt.StandardEncryption("secret"))
    pdf.setFont(FONT, SIZE)
    pdf.drawString(MARGIN, 700, "同志们好")
    pdf.showPage()
    pdf.save()
    return out.getvalue()


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"%PDF-1.7\n garbage", r"is not a readable PDF file \(PDFium: data format error\)"),
        (to_pdf(["同志们：", "今天开会。" * 50])[:2000], r"is not a readable PDF file \(.*\)"),
        (_encrypted(), r"is an encrypted PDF \(it needs a password to open\)"),
        (b"   ", r"is empty"),
    ],
    ids=["garbage", "truncated", "encrypted", "empty"],
)
def test_broken_and_encrypted_pdfs_are_clear_errors(
    tmp_path: Path, data: bytes, problem: str
) -> None:
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(data)
    with pytest.raises(speechparse.InputError, match=rf"broken\.pdf: {problem}$"):
        speechparse.parse_file(bad)


def test_without_the_extra_the_error_names_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pypdfium2", None)  # `import pypdfium2` fails
    with pytest.raises(
        speechparse.InputError, match=r"^a\.pdf: reading \.pdf needs pypdfium2: pip install "
    ) as caught:
        speechparse.parse_bytes(b"%PDF-1.7", path="a.pdf")
    assert "'speechparse[pdf]'" in str(caught.value) and "\n" not in str(caught.value)


def test_cli_reads_pdfs_in_folders_and_from_standard_input(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from speechparse.cli import app

    plain = speechparse.parse_file(SAMPLES[4])
    data = _pdf_of(plain)
    (tmp_path / "speech.pdf").write_bytes(data)
    runner = CliRunner()
    result = runner.invoke(app, ["parse", str(tmp_path), "-f", "jsonl", "--include-text"])
    assert result.exit_code == 0, result.output
    (doc,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert doc["input"]["format"] == "pdf"
    start, end = doc["speeches"][0]["sections"][0]["span"]
    assert doc["input"]["text"][start:end].startswith("一、强化人民政协理论武装")
    piped = runner.invoke(app, ["parse", "-", "--input-format", "pdf", "-f", "outline"], input=data)
    assert piped.exit_code == 0, piped.output
    assert _speeches(plain) in piped.stdout
    bad = runner.invoke(app, ["parse", "-", "--input-format", "pdf"], input=b"%PDF-1.7 x")
    assert bad.exit_code == 2
    assert "is not a readable PDF file (PDFium: data format error)" in bad.stderr
    assert "Traceback" not in bad.stderr


def test_layout_rows_margins_and_wrapped_lines() -> None:
    # pieces of one row (a footer in two parts) are one line; rows read from the top down
    foot, text, number = (
        Row("共9页", 300, 30, 340, 40),
        Row("正文", 72, 700, 100, 714),
        Row("第1页", 72, 30, 110, 40),
    )
    rows = pdflayout.rows([foot, text, number])
    assert [r.text for r in rows] == ["正文", "第1页 共9页"]
    # a head recurring at the same height (its page number aside) on two pages
    page = [Row("第3期", 250, 800, 290, 809), Row("正文" * 10, 72, 700, 500, 714)]
    other = [Row("第4期", 250, 800, 290, 809), Row("其他" * 10, 72, 700, 500, 714)]
    assert pdflayout.margins([page, other]) == {(0, 0): "page-header", (1, 0): "page-header"}
    # no line reaches the width: nothing is carried
    short = Row("短句。", 100, 600, 150, 614)
    assert pdflayout.carried([short, short], WIDTH) == [False, False]
