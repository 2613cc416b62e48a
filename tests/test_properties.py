"""Properties over generated speeches (hypothesis).

Profiles: `ci` (default, quick, the same examples every run), `dev` (500 fresh examples) and
`long` (10,000 examples):
    HYPOTHESIS_PROFILE=long python3 -m pytest tests/test_properties.py -p no:cacheprovider
"""

from __future__ import annotations

import pytest
from hypothesis import given
from strategies import Built, Damaged, framed, noisy, speeches, stray_utf8

import speechparse
from speechparse.audit import audit
from speechparse.decode import decode
from speechparse.errors import InputError
from speechparse.evaluate import compare_document


def _parses_to_its_outline(built: Built) -> None:
    doc = speechparse.parse_text(built.text)
    score = compare_document(built.outline, doc)
    assert score.figures() == {k: 1.0 for k in score.figures()}, built.text + "\n".join(
        score.differences
    )
    assert audit(doc) == []


@given(speeches())
def test_a_clean_speech_parses_to_the_outline_it_was_built_from(built: Built) -> None:
    """Markup or pinyin inside a marker included (`二&nbsp;、`, `（四<br>）`, `一(yī)是`)."""
    _parses_to_its_outline(built)


@given(noisy())
def test_whatever_the_input_no_text_is_lost_and_nothing_crashes(data: bytes) -> None:
    try:
        doc = speechparse.parse_bytes(data, path="generated.txt")
    except InputError as exc:
        assert str(exc).startswith("generated.txt: ")
        return
    assert audit(doc) == []
    assert doc.model_dump_json()


@given(stray_utf8())
def test_utf8_with_stray_bytes_is_utf8_with_nothing_lost(damaged: Damaged) -> None:
    """Whatever its line ends, never a code page: each stray byte one U+FFFD, named in a warning."""
    decoded = decode(damaged.data, "stray.txt")
    assert decoded.encoding == "utf-8"
    assert decoded.text.replace("\ufffd", "") == damaged.text
    assert decoded.text.count("\ufffd") == len(damaged.data) - len(damaged.text.encode())
    assert "not valid UTF-8" in decoded.warnings[-1]
    doc = speechparse.parse_bytes(damaged.data, path="stray.txt")
    assert audit(doc) == []


@pytest.mark.parametrize("seed", range(3))
def test_audit_sees_a_lost_or_doubled_paragraph(seed: int) -> None:
    doc = speechparse.parse_file("fixtures/samples/000_8767edf5a6fd688c.txt")
    section = doc.speeches[0].sections[seed]
    if seed == 0:
        section.paragraphs.pop()
    elif seed == 1:
        section.paragraphs.append(section.paragraphs[0])
    else:
        doc.dropped.pop()
    assert audit(doc)


@given(framed())
def test_page_junk_with_annotations_inside_is_dropped_with_them(built: Built) -> None:
    _parses_to_its_outline(built)
