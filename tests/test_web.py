"""Web pages that lie about their charset or nest deeper than lxml's limit are read whole."""

from __future__ import annotations

import pytest

import speechparse
from speechparse.audit import audit

TEXT = "在全市經濟工作會議上的講話\n同志們：\n一、堅持穩中求進，推動高質量發展。\n二、深化改革。"
SIMPLIFIED = "在全市经济工作会议上的讲话\n同志们：\n一、坚持稳中求进。"


def page(charset: str, body: str) -> str:
    return (
        f'<!DOCTYPE html><html><head><meta charset="{charset}"><title>Speech</title></head>'
        f"<body><article>{body}</article></body></html>"
    )


def paragraphs(text: str) -> str:
    return "".join(f"<p>{line}</p>" for line in text.split("\n"))


@pytest.mark.parametrize(
    ("declared", "codec", "read_as"),
    [
        ("iso-8859-1", "utf-8", "utf-8"),
        ("windows-1252", "utf-8", "utf-8"),
        ("utf-16", "utf-8", "utf-8"),
        ("gbk", "big5", "cp950"),
        ("big5", "gb18030", "gb18030"),
    ],
)
def test_a_page_whose_charset_lies_is_read_as_its_bytes_are(
    declared: str, codec: str, read_as: str
) -> None:
    text = TEXT if codec != "gb18030" else SIMPLIFIED
    data = page(declared, paragraphs(text)).encode(codec)
    doc = speechparse.parse_bytes(data, path="lies.html")
    assert doc.input.encoding == read_as
    assert text.split("\n")[2] in (doc.source_text or "")
    notes = [w.message for w in doc.warnings if w.code == "decode"]
    assert any(declared in n and read_as in n for n in notes), notes
    assert audit(doc) == []


def test_a_page_whose_charset_is_right_has_no_warning() -> None:
    text = SIMPLIFIED
    for declared, codec in (("gb2312", "gb18030"), ("utf-8", "utf-8"), ("big5", "big5")):
        data = page(declared, paragraphs(text)).encode(codec, errors="replace")
        doc = speechparse.parse_bytes(data, path="true.html")
        assert not [w for w in doc.warnings if w.code == "decode"], declared


def test_an_ascii_page_declaring_utf16_is_not_read_as_utf16() -> None:
    data = page("utf-16", paragraphs("&#35611;&#35441;\nSpeech")).encode("ascii")
    doc = speechparse.parse_bytes(data, path="wide.html")
    assert "講話" in (doc.source_text or "")
    assert any("declares charset utf-16" in w.message for w in doc.warnings)


def test_a_utf8_page_with_a_stray_byte_says_where() -> None:
    html = page("utf-8", paragraphs(TEXT)).encode()
    at = html.index("同".encode())
    doc = speechparse.parse_bytes(html[:at] + b"\xff" + html[at:], path="stray.html")
    assert [w.message for w in doc.warnings if w.code == "decode"] == [
        f"1 byte is not valid UTF-8 and stands as U+FFFD (line 1, byte offset {at})"
    ]


HEADINGS = ["加强学习，提高本领", "改进作风，狠抓落实"]


def nested_page(depth: int, tag: str) -> bytes:
    """A speech whose first point stands `depth` elements deep, its second after them."""
    nested = f"<{tag}>" * depth + "<p>一、加强学习，提高本领。</p>" + f"</{tag}>" * depth
    body = f"<p>在全市工作会议上的讲话</p><p>同志们：</p>{nested}<p>二、改进作风，狠抓落实。</p>"
    return page("utf-8", body).encode()


@pytest.mark.parametrize("depth", [300, 3000, 50_000])
@pytest.mark.parametrize("tag", ["div", "font"])
def test_a_page_nested_past_the_parsers_depth_limit_is_read_whole(depth: int, tag: str) -> None:
    doc = speechparse.parse_bytes(nested_page(depth, tag), path="deep.html")
    assert [s.heading for s in doc.speeches[0].sections] == HEADINGS
    assert any("deeper than the HTML parser reads" in w.message for w in doc.warnings)
    assert audit(doc) == []


def test_a_page_nested_within_the_limit_has_no_warning() -> None:
    doc = speechparse.parse_bytes(nested_page(200, "div"), path="deep.html")
    assert [s.heading for s in doc.speeches[0].sections] == HEADINGS
    assert not doc.warnings


MENU = ["学校概况", "党建工作", "工会快讯", "教育教学", "督学"]
UNTITLED = (
    "<p>同志们：</p><p>今天我们召开全校教职工大会，总结上学期的工作，部署本学期的任务。</p>"
    "<p>一、提高认识，统一思想。</p><p>二、突出重点，狠抓落实，确保各项任务按期完成。</p>"
)


@pytest.mark.parametrize(
    ("title", "expected"),
    [("工会快讯", None), ("在全校教职工大会上的讲话", "在全校教职工大会上的讲话")],
)
def test_a_page_title_that_names_a_column_of_its_menu_is_no_title(
    title: str, expected: str | None
) -> None:
    menu = "".join(f"<li><a href='/{n}'>{label}</a></li>" for n, label in enumerate(MENU))
    data = (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title></head><body>"
        f"<ul class='nav'>{menu}</ul><div class='content'>{UNTITLED}</div></body></html>"
    ).encode()
    doc = speechparse.parse_bytes(data, path="column.html")
    assert {d.text for d in doc.dropped if d.reason == "nav-menu"} == set(MENU)
    assert doc.speeches[0].title == expected
