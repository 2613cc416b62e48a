"""What kind of transition a paragraph is (`Facts.transition`), Simplified and Traditional."""

from __future__ import annotations

import pytest

from speechparse.facts import Facts

CASES = [
    ("同志们，任务艰巨。为抓好今年的工作，我再强调三点：", "audience"),
    ("各位委員，各位同仁，下面我再補充兩點意見。", "audience"),
    ("同志們！", "address"),
    ("以上是今年的主要任务。为确保落实，我再提几点要求：", "summing-up-list"),
    ("总之，要抓好落实。", "summing-up"),
    ("綜上所述，改革勢在必行。", "summing-up"),
    ("下面，我就做好今年的工作讲几点意见。", "new-list"),
    ("此外，負有領導責任的同志尤其應該注意工作方法，以下扼要說明三點：", "new-list"),
    ("另外，我还要强调两个问题。", "new-list"),
    ("下面，我就这个问题讲三点：", "this-point"),
    ("對這項工作，我再強調三點：", "this-point"),
    ("今天，我主要讲三个问题。", "announcement"),
    # not transitions: no speaker's announcement, or it is not the last sentence
    ("我们要提高三个方面的能力。", None),
    ("要重点抓好以下几项工作：", None),
    ("以上率下是最好的动员。", None),
    ("我讲三点。这三点大家回去要认真传达。", None),
    ("同志们，今年的任务很重。", None),
]


@pytest.mark.parametrize(("text", "kind"), CASES, ids=[c[0][:12] for c in CASES])
def test_transition_kind(text: str, kind: str | None) -> None:
    assert Facts(text).transition == kind


def test_explain_names_what_a_transition_did() -> None:
    from conftest import FIXTURES

    from speechparse.explain import explain_text

    text = (FIXTURES / "cases" / "scope_audience_transition.txt").read_text(encoding="utf-8")
    found = [r.features for r in explain_text(text) if r.text.startswith("同志们，安全")]
    assert found == [("audience: ends the run of 三、",)]
