"""Word files (with automatic numbering) and web pages (with chrome) built from every fixture
give the same outline as the plain text."""

from __future__ import annotations

import html
import io
import json
from pathlib import Path

import docx
import pytest
from conftest import CASES, SAMPLES
from docx.oxml import parse_xml

import speechparse
from speechparse.audit import audit
from speechparse.model import Document
from speechparse.outline_format import write
from speechparse.readers import sniff

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
CN = "一二三四五六七八九十"
FORMATS = {  # how Word would number each marker style: (lvlText, numFmt)
    "一、": ("%1、", "chineseCounting"),
    "(一)": ("(%1)", "chineseCounting"),
    "（一）": ("（%1）", "chineseCounting"),
    "1.": ("%1.", "decimal"),
    "1、": ("%1、", "decimal"),
    "（1）": ("（%1）", "decimal"),
    "①": ("%1", "decimalEnclosedCircle"),
}


def _template(marker: str, ordinal: int) -> str | None:
    """The marker with its number replaced by the first one (`三、` -> `一、`), if Word can
    number it."""
    from speechparse.readers.docx import chinese, format_number

    for shape, (text, fmt) in FORMATS.items():
        if text.replace("%1", format_number(ordinal, fmt)) == marker:
            return shape
    return chinese(ordinal) and None


class Numberer:
    """Adds numbering definitions to a document: one list per marker style and run."""

    def __init__(self, document: docx.document.Document) -> None:
        self.part = document.part.numbering_part.element
        self.abstract: dict[str, int] = {}
        self.lists: dict[str, tuple[int, int]] = {}  # shape -> (numId, last ordinal)
        self.next_id = 100

    def num_id(self, shape: str, ordinal: int) -> int | None:
        current = self.lists.get(shape)
        if current and ordinal == current[1] + 1:
            self.lists[shape] = (current[0], ordinal)
            return current[0]
        if ordinal != 1:
            return None  # a slip Word cannot number: keep the marker as text
        if shape not in self.abstract:
            text, fmt = FORMATS[shape]
            aid = self.next_id
            self.next_id += 1
            self.part.insert(
                0,
                parse_xml(
                    f'<w:abstractNum {W_NS} w:abstractNumId="{aid}"><w:lvl w:ilvl="0">'
                    f'<w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:suff w:val="nothing"/>'
                    f'<w:lvlText w:val="{html.escape(text)}"/></w:lvl></w:abstractNum>'
                ),
            )
            self.abstract[shape] = aid
        nid = self.next_id
        self.next_id += 1
        self.part.append(
            parse_xml(
                f'<w:num {W_NS} w:numId="{nid}"><w:abstractNumId '
                f'w:val="{self.abstract[shape]}"/></w:num>'
            )
        )
        self.lists[shape] = (nid, 1)
        return nid


def _paragraphs(doc: Document) -> list[tuple[int, str, tuple[str, int] | None]]:
    """(start, text, (marker, ordinal) of a section it opens) for every place text is kept."""
    found: list[tuple[int, int, str, tuple[str, int] | None]] = []
    for speech in doc.speeches:
        for text, span in (
            (speech.title, speech.title_span),
            (speech.subtitle, speech.subtitle_span),
            (speech.salutation, speech.salutation_span),
        ):
            if text and span:
                found.append((span[0], span[1], text, None))
        for p in speech.preamble + speech.closing:
            found.append((p.span[0], p.span[1], p.text, None))
        for s in speech.walk():
            for n, p in enumerate(s.paragraphs):
                opens = (s.marker, s.ordinal) if n == 0 else None
                found.append((p.span[0], p.span[1], p.text, opens))
    found += [(*d.span, d.text, None) for d in doc.dropped if d.reason not in ("pinyin",)]
    found.sort(key=lambda x: x[0])
    # places that shared a source line (`第一篇：` and its title) share a paragraph again, with
    # the spaces that stood between them
    source = doc.source_text or ""
    merged: list[tuple[int, int, str, tuple[str, int] | None]] = []
    for start, end, text, opens in found:
        if merged and "\n" not in source[merged[-1][0] : start]:
            between = source[merged[-1][1] : start]
            gap = between if between.strip() == "" else ""
            merged[-1] = (merged[-1][0], end, merged[-1][2] + gap + text, None)
        else:
            merged.append((start, end, text, opens))
    return [(start, text, opens) for start, _, text, opens in merged]


def to_docx(doc: Document) -> bytes:
    document = docx.Document()
    numberer = Numberer(document)
    document.sections[0].header.paragraphs[0].text = "某某市人民政府网站 · 领导讲话"
    document.sections[0].footer.paragraphs[0].text = "第 1 页 共 3 页"
    # a table above the text (page furniture in many Word files): its rows are read as lines
    table = document.add_table(rows=2, cols=2)
    for row, cells in zip(table.rows, (("附表", "金额"), ("项目经费", "120万元")), strict=True):
        for cell, value in zip(row.cells, cells, strict=True):
            cell.text = value
    for _, text, opens in _paragraphs(doc):
        paragraph = document.add_paragraph()
        if opens is not None:
            marker, ordinal = opens
            shape = _template(marker, ordinal)
            nid = numberer.num_id(shape, ordinal) if shape else None
            if nid is not None:
                text = text[len(marker) :]
                paragraph._p.get_or_add_pPr().append(
                    parse_xml(
                        f'<w:numPr {W_NS}><w:ilvl w:val="0"/><w:numId w:val="{nid}"/></w:numPr>'
                    )
                )
        paragraph.add_run(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def to_page(doc: Document) -> bytes:
    body = "".join(f"<p>{html.escape(text)}</p>" for _, text, _ in _paragraphs(doc))
    page = (
        '<!DOCTYPE html><html><head><meta http-equiv="Content-Type" '
        'content="text/html; charset=gb2312"><title>领导讲话_某某市人民政府</title></head><body>'
        '<div class="nav"><a href="/">首页</a> | <a href="/a">新闻中心</a> | '
        '<a href="/b">政务公开</a> | <a href="/c">办事服务</a></div>'
        f'<div class="content"><article>{body}</article></div>'
        '<div class="footer">版权所有：某某市人民政府 地址：人民路1号 邮编：100000<br>'
        "ICP备12345678号</div></body></html>"
    )
    return page.encode("gb18030")


def _speeches(doc: Document) -> str:
    return "".join(line + "\n" for line in write(doc).splitlines() if not line.startswith("@@"))


def _titled(path: Path) -> bool:
    """Does the annotated outline give the first speech a title? (The Word and page builders
    put a title, a table and a page <title> above the text: a text that states no title would
    take one of them.)"""
    outline = path.with_suffix(".outline").read_text(encoding="utf-8").splitlines()
    first = next((ln for ln in outline if ln.strip() and not ln.startswith(("#", "@@"))), "")
    return first.startswith("= ") and bool(first[2:].strip())


def _collapsed(path: Path) -> bool:
    """Is the text a scrape that lost every line break (one line)? The Word and page builders
    write the source's lines as paragraphs, which no Word file or page of such a text has."""
    return len(path.read_text(encoding="utf-8").strip().splitlines()) == 1


TITLED = [p for p in SAMPLES + CASES if _titled(p) and not _collapsed(p)]


def read_as(fmt: str, data: bytes, plain: Document) -> Document:
    """`data`, a `fmt` file built from the parse `plain`, parsed: known as `fmt` by its bytes
    alone, and giving the outline `plain` gives."""
    assert sniff(data, "speech.bin") == fmt
    doc = speechparse.parse_bytes(data, path=f"speech.{fmt}")
    assert doc.input.format == fmt
    assert _speeches(doc) == _speeches(plain)
    return doc


@pytest.mark.parametrize("path", TITLED, ids=lambda p: p.stem)
def test_word_file_with_automatic_numbering(path: Path) -> None:
    plain = speechparse.parse_file(path)
    doc = read_as("docx", to_docx(plain), plain)
    reasons = {d.reason for d in doc.dropped}
    assert {"page-header", "page-footer"} <= reasons
    assert "项目经费\t120万元" in (doc.source_text or "")
    assert audit(doc) == []


@pytest.mark.parametrize("path", TITLED, ids=lambda p: p.stem)
def test_web_page_with_chrome(path: Path) -> None:
    plain = speechparse.parse_file(path)
    data = to_page(plain)
    assert sniff(data, None) == "html"
    doc = speechparse.parse_bytes(data, path="speech.html")
    assert (doc.input.format, doc.input.encoding) == ("html", "gb18030")
    assert _speeches(doc) == _speeches(plain)
    chrome = " ".join(d.text for d in doc.dropped)
    assert "新闻中心" in chrome and "ICP备12345678号" in chrome
    assert audit(doc) == []


def test_cli_reads_word_and_web_pages(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from speechparse.cli import app

    plain = speechparse.parse_file(SAMPLES[4])
    (tmp_path / "speech.docx").write_bytes(to_docx(plain))
    (tmp_path / "page.htm").write_bytes(to_page(plain))
    runner = CliRunner()
    result = runner.invoke(app, ["parse", str(tmp_path), "-f", "jsonl", "--include-text"])
    assert result.exit_code == 0, result.output
    docs = [json.loads(line) for line in result.stdout.splitlines()]
    assert [d["input"]["format"] for d in docs] == ["html", "docx"]
    for d in docs:
        start, end = d["speeches"][0]["sections"][0]["span"]
        assert d["input"]["text"][start:end].startswith("一、强化人民政协理论武装")
    piped = runner.invoke(
        app, ["parse", "-", "--input-format", "html", "-f", "outline"], input=to_page(plain)
    )
    assert piped.exit_code == 0
    assert _speeches(speechparse.parse_bytes(to_page(plain), input_format="html")) in piped.stdout


def test_a_broken_word_file_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "broken.docx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(speechparse.InputError, match=r"broken\.docx: is not a readable \.docx"):
        speechparse.parse_file(bad)


@pytest.mark.parametrize(
    ("headline", "restored"),
    [
        ("时间与未来——在2025学年开学典礼上的讲话", True),  # names a speech
        ("关于开展安全检查的通知", True),  # names a document
        ("学校新闻", False),  # a menu label
        ("第39个教师节之际，这里满是感动。", False),  # a teaser sentence
    ],
)
def test_headline_left_out_by_the_reader_is_text(headline: str, restored: bool) -> None:
    from speechparse.clean import split_lines
    from speechparse.pipeline import _restore_headline

    page = f"首页\n{headline}\n发布时间：2025-09-01\n老师们、同学们：\n正文。"
    cleaned = split_lines(page, False)
    reasons: list[str | None] = ["html-chrome", "html-chrome", "publish-line", None, None]
    _restore_headline(cleaned, reasons)
    assert (reasons[1] is None) == restored
    assert reasons[0] == "html-chrome"
