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
