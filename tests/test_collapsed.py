"""Texts whose line breaks were all lost: the whole speech on one line (see `collapsed`)."""

from __future__ import annotations

import speechparse

LINES = [
    "在全市文明城市创建工作推进会上的讲话",
    "同志们：",
    "今天召开全市文明城市创建工作推进会，主要任务是总结前一阶段工作，安排部署下一阶段任务。",
    "一、充分肯定前一阶段创建工作成效。",
    "半年来，全市上下围绕创建目标，扎实推进各项工作，城市面貌焕然一新。",
    "二、精准发力补齐短板。",
    "（一）抓好背街小巷整治。要逐条建立台账。",
    "（二）抓好农贸市场管理。",
    "三、强化保障形成合力。",
    "各级各部门要切实履行职责，确保各项任务落到实处。",
]


def _outline(doc: speechparse.Document) -> list[tuple[str, int]]:
    return [(s.marker, s.level) for sp in doc.speeches for s in sp.walk()]


def test_run_together_with_nothing_between_the_lines() -> None:
    doc = speechparse.parse_text("".join(LINES))
    speech = doc.speeches[0]
    assert speech.title == LINES[0]
    assert speech.salutation == "同志们："
    assert _outline(doc) == [("一、", 1), ("二、", 1), ("（一）", 2), ("（二）", 2), ("三、", 1)]


def test_run_together_with_a_space_for_each_line_break() -> None:
    """Every line is found again: the same tree and the same paragraphs as the lines give."""
    spaced = speechparse.parse_text(" ".join(LINES)).speeches[0]
    lined = speechparse.parse_text("\n".join(LINES)).speeches[0]
    assert _outline_of(spaced) == _outline_of(lined)
    assert [p.text for s in spaced.walk() for p in s.paragraphs] == [
        p.text for s in lined.walk() for p in s.paragraphs
    ]


def _outline_of(speech: speechparse.Speech) -> list[tuple[str, str, int]]:
    return [(s.marker, s.heading, s.level) for s in speech.walk()]


def test_a_long_paragraph_with_points_after_full_stops_is_not_cut() -> None:
    """Inline points after full stops (`。（一）…。（二）…`) in the one long paragraph of a short
    text stay items of it: no marker that never stands inside a paragraph (`一、`) is there."""
    body = "今年的工作重点有以下几个方面。" + "".join(
        f"（{n}）抓好第{n}项重点工作，确保按期完成各项目标任务，切实把工作做细做实。"
        for n in "一二三四"
    )
    doc = speechparse.parse_text("在全市会议上的讲话\n同志们：\n" + body + "\n")
    speech = doc.speeches[0]
    assert speech.sections == []
    items = [i.marker for p in speech.preamble for i in p.items]
    assert items == ["（一）", "（二）", "（三）", "（四）"]
