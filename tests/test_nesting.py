"""Which run holds which: spoken points at the top and the bracketed points between them."""

from __future__ import annotations

import pytest

import speechparse

HEAD = "在全市会议上的讲话\n同志们：\n"

CASES = [
    (  # the bracketed run sits inside 再次: the spoken run goes on after it (最后)
        "首先，要认清形势。\n其次，要压实责任。\n再次，要突出重点\n（一）抓好安全。\n"
        "（二）抓好稳定。\n最后，要加强领导。\n",
        [("首先，", 1), ("其次，", 1), ("再次，", 1), ("（一）", 2), ("（二）", 2), ("最后，", 1)],
    ),
    (  # a spoken heading line with nothing under it yet holds the bracketed points after it
        "第一，认清形势\n形势严峻。\n第二，压实责任\n（一）落实属地责任。\n（二）落实部门责任。\n",
        [("第一，", 1), ("第二，", 1), ("（一）", 2), ("（二）", 2)],
    ),
    (  # but 一、 stays at the top, whatever spoken point comes before it
        "首先，我代表市委向大家表示感谢。\n一、认清形势\n形势严峻。\n二、压实责任\n"
        "（一）落实属地责任。\n最后，我再强调一下纪律问题。各级干部要严守纪律。\n",
        [("首先，", 1), ("一、", 1), ("二、", 1), ("（一）", 2)],
    ),
]


@pytest.mark.parametrize(("body", "expected"), CASES, ids=["goes-on", "bare", "top-rank"])
def test_nesting(body: str, expected: list[tuple[str, int]]) -> None:
    speech = speechparse.parse_text(HEAD + body).speeches[0]
    found = [(s.marker, s.level) for s in speech.walk()]
    assert found[: len(expected)] == expected
