"""Pinyin annotations (`區(qū)`) and markup residue (`&nbsp;`, `<br>`) wherever they stand — in
page chrome, in a block of junk, inside a marker — are kept somewhere: `audit` finds nothing."""

from __future__ import annotations

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
