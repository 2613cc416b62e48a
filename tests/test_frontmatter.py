"""YAML front matter at the top of a Markdown file is read as metadata, never as text."""

from __future__ import annotations

import pytest

import speechparse
from speechparse.frontmatter import find

CASES = [
    (
        ["---", 'title: "在全省会议上的讲话"', "date: 2026-01-20", "---"],
        {"title": "在全省会议上的讲话", "date": "2026-01-20"},
    ),
    (["", "---", "author: 王浩", "tags:", "  - 讲话", "---"], {"author": "王浩"}),
    (["---", "source: https://example.gov.cn/a", "---"], {"url": "https://example.gov.cn/a"}),
    (["---", "source: 某省人民政府网站", "---"], {"source": "某省人民政府网站"}),
]
NOT_FRONT_MATTER = [
    ["---", "一、总体要求", "---"],  # rules around prose
    ["---", "title: 讲话"],  # never closed
    ["正文", "---", "title: 讲话", "---"],  # not at the top
    ["---", "---"],  # nothing in it
]


@pytest.mark.parametrize(("lines", "fields"), CASES)
def test_front_matter_fields(lines: list[str], fields: dict[str, str]) -> None:
    found = find(lines)
    assert found is not None and found.fields == fields


@pytest.mark.parametrize("lines", NOT_FRONT_MATTER)
def test_not_front_matter(lines: list[str]) -> None:
    assert find(lines) is None


def test_front_matter_is_metadata_not_text() -> None:
    text = (
        "---\ntitle: 政府工作报告\ndate: 2026-01-20\nurl: https://example.org/r.html\n---\n\n"
        "# 政府工作报告\n\n——2026年1月20日在某省第十四届人民代表大会第五次会议上\n\n"
        "各位代表：\n\n一、工作回顾\n\n甲。\n\n二、主要任务\n\n乙。\n"
    )
    doc = speechparse.parse_text(text)
    assert (doc.meta.published, doc.meta.url) == ("2026-01-20", "https://example.org/r.html")
    speech = doc.speeches[0]
    assert (speech.title, speech.date) == ("政府工作报告", "2026-01-20")
    assert [d.reason for d in doc.dropped][:5] == ["front-matter"] * 5
    assert all("title:" not in p.text for p in speech.preamble)
