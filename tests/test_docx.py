"""Hostile Word files: long numbered lists, odd numbering values, broken XML, entities, zip
bombs. Each file is built here: python-docx's blank document with parts rewritten (zipfile)."""

from __future__ import annotations

import io
import struct
import zipfile

import docx
import pytest

import speechparse
from speechparse.errors import InputError
from speechparse.readers import docx as reader

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def blank() -> bytes:
    out = io.BytesIO()
    docx.Document().save(out)
    return out.getvalue()


BLANK = blank()


def word_file(body: str = "", parts: dict[str, bytes] | None = None, prolog: str = "") -> bytes:
    """The blank document with `body` as its body (WordprocessingML) and `parts` replaced."""
    document = (
        f"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n{prolog}"
        f"<w:document {W_NS}><w:body>{body}</w:body></w:document>"
    ).encode()
    replaced = {"word/document.xml": document, **(parts or {})}
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(BLANK)) as old, zipfile.ZipFile(out, "w") as new:
        for info in old.infolist():
            new.writestr(info, replaced.get(info.filename, old.read(info.filename)))
    return out.getvalue()


def numbering(fmt: str, text: str = "%1、", start: str = "1", ilvl: str = "0") -> bytes:
    return (
        f"<w:numbering {W_NS}><w:abstractNum w:abstractNumId='1'><w:lvl w:ilvl='{ilvl}'>"
        f"<w:start w:val='{start}'/><w:numFmt w:val='{fmt}'/><w:lvlText w:val='{text}'/>"
        "<w:suff w:val='nothing'/></w:lvl></w:abstractNum>"
        "<w:num w:numId='1'><w:abstractNumId w:val='1'/></w:num></w:numbering>"
    ).encode()


def para(text: str, num: str | None = None, ilvl: str = "0") -> str:
    pr = (
        f"<w:pPr><w:numPr><w:ilvl w:val='{ilvl}'/><w:numId w:val='{num}'/></w:numPr></w:pPr>"
        if num
        else ""
    )
    return f"<w:p>{pr}<w:r><w:t xml:space='preserve'>{text}</w:t></w:r></w:p>"


def lines(data: bytes) -> list[str]:
    return reader.extract(data, "test.docx").text.split("\n")


@pytest.mark.parametrize(
    ("n", "numeral"),
    [
        (1, "一"),
        (10, "十"),
        (19, "十九"),
        (99, "九十九"),
        (100, "一百"),
        (101, "一百零一"),
        (110, "一百一十"),
        (123, "一百二十三"),
        (1000, "一千"),
        (1005, "一千零五"),
        (1050, "一千零五十"),
        (10000, "一万"),
        (10005, "一万零五"),
        (100010, "十万零一十"),
        (120_003_000, "一亿二千万三千"),
    ],
)
def test_chinese_numerals_for_any_count(n: int, numeral: str) -> None:
    assert reader.chinese(n) == numeral


def test_a_regulation_numbered_past_99_articles() -> None:
    body = "".join(para("本条例所称的管理工作。", "1") for _ in range(125))
    got = lines(word_file(body, {"word/numbering.xml": numbering("chineseCounting", "第%1条")}))
    assert got[98:101] == [f"第{n}条本条例所称的管理工作。" for n in ("九十九", "一百", "一百零一")]
    assert got[122] == "第一百二十三条本条例所称的管理工作。"


@pytest.mark.parametrize("fmt", ["upperRoman", "lowerRoman", "chineseCounting", "decimalZero"])
def test_a_huge_start_is_bounded_work(fmt: str) -> None:
    """A start of two thousand million once took minutes of roman numerals (M after M)."""
    huge = {"word/numbering.xml": numbering(fmt, start="2000000000")}
    got = lines(word_file(para("甲。", "1") + para("乙。", "1"), huge))
    assert got[0].endswith("、甲。") and got[1].endswith("、乙。")
    assert len(got[0]) < 40


@pytest.mark.parametrize(
    ("start", "ilvl", "para_ilvl"),
    [("abc", "0", "0"), ("1", "x", "0"), ("1", "0", "一"), ("9" * 5000, "0", "0"), ("", "", "")],
    ids=["start", "level", "paragraph-level", "5000-digits", "empty"],
)
def test_odd_numbering_values_are_tolerated(start: str, ilvl: str, para_ilvl: str) -> None:
    data = word_file(
        para("总则。", "1", para_ilvl) + para("分则。", "1", para_ilvl),
        {"word/numbering.xml": numbering("decimal", "%1.", start, ilvl)},
    )
    extracted = reader.extract(data, "odd.docx")
    got = extracted.text.split("\n")
    assert got[0].endswith("总则。") and got[1].endswith("分则。")
    if start != "1" or ilvl != "0" or para_ilvl != "0":
        assert "is not a number" in " ".join(extracted.warnings)


@pytest.mark.parametrize(
    "part",
    ["word/document.xml", "word/numbering.xml", "word/styles.xml", "[Content_Types].xml"],
)
def test_malformed_xml_is_an_input_error_naming_the_file(part: str) -> None:
    data = word_file(para("正文。"), {part: b"<w:document><w:body><w:p>"})
    with pytest.raises(InputError, match=r"^bad\.docx: is not a readable \.docx file"):
        speechparse.parse_bytes(data, path="bad.docx")


def test_text_after_an_unresolved_entity_or_a_comment_is_kept() -> None:
    body = para("前文&ent;后文<!-- 注 -->末尾")
    data = word_file(body, prolog='<!DOCTYPE w:document [<!ENTITY ent "实体">]>\n')
    assert lines(data)[0] == "前文&ent;后文末尾"


def test_a_zip_bomb_is_refused_before_it_is_inflated() -> None:
    """The zip directory's sizes are read first: a part that inflates past the limit (a 2.6 MB
    file whose XML inflates to 1 GB) is refused. Here the directory is made to say so."""
    data = bytearray(word_file(para("正文。")))
    name = b"word/document.xml"
    at = data.find(b"PK\x01\x02")
    while at >= 0:
        length = struct.unpack_from("<H", data, at + 28)[0]
        if data[at + 46 : at + 46 + length] == name:
            struct.pack_into("<I", data, at + 24, 1_000_000_000)  # uncompressed size
        at = data.find(b"PK\x01\x02", at + 4)
    with pytest.raises(InputError, match=r"^bomb\.docx: unpacks to 100\d MB, over the 256 MB"):
        speechparse.parse_bytes(bytes(data), path="bomb.docx")


def test_a_compressed_part_past_the_limit_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(reader, "MAX_UNPACKED", 2_000_000)
    data = word_file(para("正文。" * 200_000))  # 1.8 MB of text, a few KB compressed
    assert len(data) < 100_000
    with pytest.raises(InputError, match=r"^bomb\.docx: unpacks to"):
        speechparse.parse_bytes(data, path="bomb.docx")


def test_a_vertical_merge_through_a_long_table_is_read_in_one_pass() -> None:
    """python-docx follows a merged cell up the table row by row (recursion: 3000 rows deep)."""
    restart = "<w:tcPr><w:vMerge w:val='restart'/></w:tcPr>"
    first = f"<w:tr><w:tc>{restart}{para('项目')}</w:tc><w:tc>{para('0')}</w:tc></w:tr>"
    merged = "<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>"
    rows = "".join(f"<w:tr>{merged}<w:tc>{para(str(n))}</w:tc></w:tr>" for n in range(1, 3000))
    got = lines(word_file(f"<w:tbl>{first}{rows}</w:tbl>" + para("正文。")))
    assert got[0] == "项目\t0" and got[2999] == "项目\t2999" and got[3000] == "正文。"


def test_text_in_content_controls_and_nested_tables_is_read() -> None:
    nested = f"<w:tbl><w:tr><w:tc>{para('内表')}</w:tc></w:tr></w:tbl>"
    body = (
        f"<w:sdt><w:sdtContent>{para('封面标题')}</w:sdtContent></w:sdt>"
        f"<w:tbl><w:tr><w:tc>{para('外表')}{nested}</w:tc></w:tr></w:tbl>"
    )
    assert lines(word_file(body)) == ["封面标题", "外表 内表"]


def test_title_style_and_numbering_by_style_are_read_from_the_styles() -> None:
    from lxml import etree

    with zipfile.ZipFile(io.BytesIO(BLANK)) as archive:
        styles = etree.fromstring(archive.read("word/styles.xml"))
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    heading = next(s for s in styles.iter(f"{w}style") if s.get(f"{w}styleId") == "Heading1")
    heading.find(f"{w}pPr").append(
        etree.fromstring(f"<w:numPr {W_NS}><w:ilvl w:val='0'/><w:numId w:val='1'/></w:numPr>")
    )

    def styled(style: str, text: str) -> str:
        return f"<w:p><w:pPr><w:pStyle w:val='{style}'/></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"

    body = styled("Title", "关于做好工作的讲话") + styled("Heading1", "总体要求")
    body += styled("Heading1", "主要任务")
    parts = {
        "word/styles.xml": etree.tostring(styles),
        "word/numbering.xml": numbering("chineseCounting"),
    }
    extracted = reader.extract(word_file(body, parts), "styled.docx")
    assert extracted.text.split("\n") == ["关于做好工作的讲话", "一、总体要求", "二、主要任务"]
    assert extracted.title_lines == (0,)
