"""Pinyin annotations (`區(qū)`) and markup residue (`&nbsp;`, `<br>`) wherever they stand — in
page chrome, in a block of junk, inside a marker — are kept somewhere: `audit` finds nothing."""

from __future__ import annotations

import pytest

import speechparse
from speechparse.audit import audit

BODY = (
    "在全区工作会议上的讲话\n同志们：\n今天召开会议，加强党的领导，推进改革发展。\n"
    "一、加强领导\n我们要加强领导，推进改革，提高质量。\n"
    "二、推进改革\n我们要推进改革，服务民生，建设队伍。\n"
)


def test_pinyin_in_a_trailing_list_of_related_links_is_kept() -> None:
    doc = speechparse.parse_text(
        BODY + "1.在全区工作会议上的讲(qū)话\n2.在区会议闭幕会上的讲话\n"
    )
    assert [(d.reason, d.text) for d in doc.dropped if d.reason == "pinyin"] == [("pinyin", "(qū)")]
    assert audit(doc) == []


MARKERS = [
    ("二&nbsp;、推进改革\n我们要推进改革。\n", "二、"),
    ("（一）推进改革\n我们要推进改革。\n（二<br>）服务民生\n我们要服务民生。\n", "（二）"),
    ("二(èr)是推进改革。我们要推进改革，服务民生。\n三是服务民生。我们要服务民生。\n", "二是"),
]


@pytest.mark.parametrize(("text", "marker"), MARKERS, ids=[m for _, m in MARKERS])
def test_markup_or_pinyin_inside_a_marker_is_read_through(text: str, marker: str) -> None:
    """The marker is read as if nothing stood inside it, its section's span starts at it, and
    what stood inside it is in `dropped`: no alarm from `audit`."""
    head = "在全区工作会议上的讲话\n同志们：\n今天召开会议。\n一、加强领导\n我们要加强领导。\n"
    doc = speechparse.parse_text(head + text)
    assert marker in [s.marker for s in doc.speeches[0].walk()]
    assert audit(doc) == []


def test_audit_still_sees_a_span_that_misses_its_marker() -> None:
    head = "在全区工作会议上的讲话\n同志们：\n今天召开会议。\n一、加强领导\n我们要加强领导。\n"
    doc = speechparse.parse_text(head + MARKERS[0][0])
    section = doc.speeches[0].sections[1]
    section.span = (section.span[0] + 1, section.span[1])  # `&nbsp;、…`: past the `二`
    assert "二、推进改革: span does not start with its marker" in audit(doc)
