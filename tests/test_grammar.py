"""The marker grammar's fast paths agree with the slow ones: every inline form is found through
the scan's first-character look-ahead and the combined pattern, and the numeral table agrees
with reading the numeral."""

from __future__ import annotations

import pytest

from speechparse.grammar import INLINE_FAMILIES
from speechparse.markers import inline_markers, lead_marker
from speechparse.numerals import _TABLE, _to_int

# (family, two consecutive markers as written) for every written form the grammar knows inline
INLINE_FORMS = [
    ("cn_paren", "（一）", "（二）"),
    ("cn_paren", "(一)", "(二)"),
    ("cn_paren", "㈠", "㈡"),
    ("cn_paren", "一）", "二）"),
    ("shi", "一是", "二是"),
    ("yao", "一要", "二要"),
    ("zhua", "一抓", "二抓"),
    ("di", "第一，", "第二，"),
    ("di", "第一点，", "第二点，"),
    ("di", "第一个方面，", "第二个方面，"),
    ("di", "第一个问题：", "第二个问题："),
    ("di", "首先，", "其次，"),
    ("di", "其一，", "其二，"),
    ("ar_dot", "1.", "2."),
    ("ar_dot", "１．", "２．"),
    ("ar_dot", "1、", "2、"),
    ("ar_dot", "⒈", "⒉"),
    ("ar_paren", "（1）", "（2）"),
    ("ar_paren", "(1)", "(2)"),
    ("ar_paren", "1）", "2）"),
    ("ar_paren", "⑴", "⑵"),
    ("circled", "①", "②"),
]


@pytest.mark.parametrize(("family", "first", "second"), INLINE_FORMS)
def test_every_inline_form_is_found_inside_a_paragraph(
    family: str, first: str, second: str
) -> None:
    text = f"主要做法：{first}加强领导；{second}健全机制。"
    found = [(m.kind, m.marker) for m in inline_markers(text)]
    assert found == [(family, first), (family, second)]


def test_every_inline_family_has_a_form_here() -> None:
    assert {f.name for f in INLINE_FAMILIES} == {form[0] for form in INLINE_FORMS}


@pytest.mark.parametrize(("family", "first", "second"), INLINE_FORMS)
def test_every_form_opens_a_paragraph_as_its_family(family: str, first: str, second: str) -> None:
    m = lead_marker(f"{first}加强领导，健全机制。")
    assert m is not None and m.kind == family


def test_the_numeral_table_agrees_with_reading_the_numeral() -> None:
    assert len(_TABLE) > 300
    assert all(_to_int(written) == value for written, value in _TABLE.items())
