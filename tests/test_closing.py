"""Where the closing of a speech begins: the paragraphs after the last section that address the
audience again, not an exhortation in the middle of the last section."""

from __future__ import annotations

import pytest

import speechparse

HEAD = (
    "在全县工作推进会上的讲话\n同志们：\n今天开会。\n"
    "一、认清形势\n形势严峻。\n二、压实责任\n要压实责任。\n"
)


@pytest.mark.parametrize(
    ("tail", "closing"),
    [
        # an exhortation with the section's points after it, then the closing
        (
            "同志们，责任重于泰山。\n各乡镇要建立台账，逐项销号。\n各部门要主动对接，形成合力。\n"
            "同志们，让我们坚决打赢这场硬仗！\n",
            ["同志们，让我们坚决打赢这场硬仗！"],
        ),
        # a closing of two cues
        (
            "同志们，任务艰巨。让我们团结奋斗！\n谢谢大家！\n",
            ["同志们，任务艰巨。让我们团结奋斗！", "谢谢大家！"],
        ),
        # a summing-up and one more paragraph of prose
        (
            "总之，要抓好落实。\n新的一年，我们要再接再厉，奋力开创新局面。\n",
            ["总之，要抓好落实。", "新的一年，我们要再接再厉，奋力开创新局面。"],
        ),
    ],
    ids=["exhortation-inside-the-last-section", "two-cues", "summing-up-and-one-more"],
)
def test_closing(tail: str, closing: list[str]) -> None:
    speech = speechparse.parse_text(HEAD + tail).speeches[0]
    assert [p.text for p in speech.closing] == closing
    last = speech.sections[-1]
    body = "".join(p.text for p in last.paragraphs)
    assert not any(text in body for text in closing)


@pytest.mark.parametrize(
    ("last", "points", "closing"),
    [
        ("最后，祝大家新年快乐！", ["第一", "第二"], ["最后，祝大家新年快乐！"]),
        ("最后，让我们再创佳绩！", ["第一", "第二"], ["最后，让我们再创佳绩！"]),
        ("最后，要加强组织领导。", ["第一", "第二", "最后"], []),
    ],
    ids=["wish", "exhortation", "a-last-point"],
)
def test_last_word_that_closes(last: str, points: list[str], closing: list[str]) -> None:
    """`最后，祝…` ending a run of points is the closing's wish; `最后，要…` is the last point."""
    text = "年终总结会上的讲话\n各位同事：\n今天开会。\n第一，回顾成绩。\n第二，查找不足。\n"
    speech = speechparse.parse_text(text + last + "\n").speeches[0]
    assert [s.marker.rstrip("，") for s in speech.sections] == points
    assert [p.text for p in speech.closing] == closing


def test_a_speech_with_no_sections_closes_too() -> None:
    """A welcome address has no numbered points: its closing follows its opening paragraphs."""
    text = (
        "在茶博会开幕式上的致辞\n尊敬的各位来宾，女士们、先生们：\n"
        "金秋送爽，茶香四溢。在此，我谨代表市委、市政府表示热烈欢迎！\n"
        "近年来，我们坚持以茶兴业，全市茶园面积达到52万亩。\n"
        "最后，预祝本届茶博会圆满成功！\n谢谢大家！\n"
    )
    speech = speechparse.parse_text(text).speeches[0]
    assert speech.sections == []
    assert [p.text for p in speech.closing] == ["最后，预祝本届茶博会圆满成功！", "谢谢大家！"]
    assert len(speech.preamble) == 2
