"""Speech-level reading of real documents (fixtures/corpus: texts from public sources with
outlines annotated by hand for their pieces, titles, speakers, roles, occasions, salutations
and dates; no sections). The floors are the figures reached so far: a change that reads the
document around the speeches worse fails here, and a better one raises them."""

from __future__ import annotations

import pytest
from conftest import CORPUS_GOLD

from speechparse.evaluate import evaluate_dirs

FLOORS = {"speeches": 0.986, "titles": 0.974, "meta": 0.963}


@pytest.fixture(scope="module")
def figures() -> dict[str, float]:
    result = evaluate_dirs(CORPUS_GOLD, CORPUS_GOLD)
    assert not result.missing, result.missing
    assert len(result.rows) >= 60
    return result.score.figures()


@pytest.mark.parametrize("figure", sorted(FLOORS))
def test_speech_level_figures_hold(figures: dict[str, float], figure: str) -> None:
    assert figures[figure] >= FLOORS[figure], figures


def test_no_title_is_a_dateline_number_or_address() -> None:
    """Across the corpus gold texts, a title is never a dateline, a document number or a URL."""
    import speechparse
    from speechparse.dates import dateline
    from speechparse.facts import DOC_NUMBER, URL

    bad = []
    for path in sorted(CORPUS_GOLD.glob("*.txt")) + sorted(CORPUS_GOLD.glob("*.html")):
        for speech in speechparse.parse_file(path).speeches:
            title = speech.title or ""
            if title and (dateline(title) or DOC_NUMBER.search(title) or URL.search(title)):
                bad.append(f"{path.name}: {title}")
    assert bad == []
