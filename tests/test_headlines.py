"""News items one a line, each headline glued to its report's lead: the headline is cut off
and is the item's title; a sentence that opens with its subject and the day is not cut."""

from __future__ import annotations

from pathlib import Path

import pytest

import speechparse
from speechparse.audit import audit
from speechparse.outline_format import read

CASES = sorted((Path(__file__).parent.parent / "fixtures" / "headlines").glob("*.txt"))


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.stem)
def test_headlines_glued_to_their_leads(path: Path) -> None:
    gold = read(path.with_suffix(".outline").read_text(encoding="utf-8"))
    doc = speechparse.parse_file(path)
    assert [s.title or "" for s in doc.speeches] == [s.title or "" for s in gold.speeches]
    assert audit(doc) == []
