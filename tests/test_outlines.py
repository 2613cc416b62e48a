"""Each fixture text parses to the outline annotated beside it (compared on the outline format)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import CASES, MARKDOWN_CASES, NEGATIVE, SAMPLES

import speechparse
from speechparse.evaluate import compare_document


@pytest.mark.parametrize(
    "path", SAMPLES + CASES + MARKDOWN_CASES, ids=lambda p: f"{p.parent.name}/{p.stem}"
)
def test_parse_matches_annotated_outline(path: Path) -> None:
    gold = path.with_suffix(".outline").read_text(encoding="utf-8")
    score = compare_document(gold, speechparse.parse_file(path), name=path.stem)
    figures = score.figures()
    assert score.sec_gold > 0
    assert figures == {k: 1.0 for k in figures}, "\n".join(score.differences)


@pytest.mark.parametrize("path", NEGATIVE, ids=lambda p: p.stem)
def test_lookalikes_make_no_sections_or_items(path: Path) -> None:
    doc = speechparse.parse_file(path)
    assert len(doc.speeches) == 1
    speech = doc.speeches[0]
    found = [s.marker + s.heading for s in speech.walk()]
    items = [i.marker + i.heading for p in speech.preamble + speech.closing for i in p.items]
    assert found == [] and items == []
    assert speech.title and speech.salutation
