"""Spans point at the source: a node's span shows its own text, children lie within parents."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import CASES, SAMPLES

import speechparse
from speechparse.audit import NESTED
from speechparse.clean import INVISIBLE, PINYIN
from speechparse.model import Paragraph, Section


def _squeeze(text: str) -> str:
    """Text as a reader sees it: white space, invisible characters and pinyin removed."""
    return PINYIN.sub("", "".join(INVISIBLE.sub("", text).split()))


def _check_paragraph(source: str, p: Paragraph, outer: tuple[int, int]) -> None:
    start, end = p.span
    assert outer[0] <= start <= end <= outer[1]
    assert _squeeze(source[start:end]) == _squeeze(p.text)
    for item in p.items:
        assert start <= item.span[0] < item.span[1] <= end
        assert _squeeze(source[item.span[0] : item.span[1]]) == _squeeze(item.text)
        assert item.text.startswith(item.marker)


def _check_section(source: str, s: Section, outer: tuple[int, int]) -> None:
    start, end = s.span
    assert outer[0] <= start < end <= outer[1]
    # as written, but for a line break inside a marker broken over two lines (`（` / `三）…`)
    assert _squeeze(source[start:end]).startswith(_squeeze(s.marker))
    assert s.heading and _squeeze(s.heading) in _squeeze(source[start:end])
    for p in s.paragraphs:
        _check_paragraph(source, p, s.span)
    last = start
    for child in s.children:
        assert child.level == s.level + 1
        assert child.span[0] >= last
        last = child.span[1]
        _check_section(source, child, s.span)


@pytest.mark.parametrize("path", SAMPLES + CASES, ids=lambda p: p.stem)
def test_spans_show_the_source(path: Path) -> None:
    doc = speechparse.parse_file(path)
    source = path.read_text(encoding="utf-8")
    assert doc.input.chars == len(source)
    for d in doc.dropped:
        assert _squeeze(source[d.span[0] : d.span[1]]) == _squeeze(d.text)
    # pieces dropped from inside a paragraph (a page number in the middle of a sentence) are
    # blanked out of the source the paragraphs are compared with
    nested = [d.span for d in doc.dropped if f"dropped {d.reason}".startswith(NESTED)]
    for s, e in nested:
        source = source[:s] + " " * (e - s) + source[e:]
    for speech in doc.speeches:
        for p in speech.preamble + speech.closing:
            _check_paragraph(source, p, speech.span)
        for s in speech.sections:
            assert s.level == 1
            _check_section(source, s, speech.span)
