"""Numbering slips stay in the tree as written and are reported, with where they are."""

from __future__ import annotations

import speechparse

TEXT = """关于做好防汛工作的讲话
同志们：
一、提高认识
要充分认识防汛工作的重要性。
三、压实责任
（一）落实属地责任。各乡镇要守土有责。
(二)落实部门责任。各部门要各司其职。
（二）落实岗位责任。每个岗位都要明确到人。
四、强化保障
物资储备要充足。
"""


def test_slips_are_kept_and_reported() -> None:
    doc = speechparse.parse_text(TEXT)
    speech = doc.speeches[0]
    assert [s.marker for s in speech.sections] == ["一、", "三、", "四、"]
    assert [c.marker for c in speech.sections[1].children] == ["（一）", "(二)", "（二）"]
    found = {(w.code, TEXT[w.span[0] : w.span[1]]) for w in doc.warnings if w.span}
    assert found == {
        ("numbering-gap", "三、"),
        ("mixed-width", "(二)"),
        ("numbering-repeat", "（二）"),
    }


def test_clean_numbering_has_no_warnings() -> None:
    doc = speechparse.parse_text(
        TEXT.replace("三、", "二、")
        .replace("四、", "三、")
        .replace("(二)", "（二）")
        .replace("（二）落实岗位", "（三）落实岗位")
    )
    assert doc.warnings == []


def test_a_comma_for_the_dun_mark_is_read_and_reported() -> None:
    text = TEXT.replace("一、提高认识", "一，提高认识").replace("三、压实", "二、压实")
    doc = speechparse.parse_text(text)
    assert [s.marker for s in doc.speeches[0].sections] == ["一，", "二、", "四、"]
    found = {(w.code, text[w.span[0] : w.span[1]]) for w in doc.warnings if w.span}
    assert ("marker-form", "一，") in found
