"""The marker grammar's rows and what is derived from them: each row's examples are found,
numbered and matched by exactly that row; every column is stated; the fast paths (first-character
prefilters, the combined patterns, the number table) agree with the rows."""

from __future__ import annotations

import dataclasses
import inspect

import pytest

from speechparse import grammar
from speechparse.grammar import FAMILIES, INLINE_FAMILIES, LEAD_FIRST, NUMBERS, Family, _family
from speechparse.markers import inline_markers, lead_marker

EXAMPLES = [(f.name, text, n) for f in FAMILIES for text, n in f.examples]

# (family, two consecutive markers as written) for every written form the grammar knows inline
INLINE_FORMS = [
    ("article", "第一条 ", "第二条 "),
    ("cn_dun", "一、", "二、"),
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
    ("stem", "（甲）", "（乙）"),
    ("stem", "甲、", "乙、"),
]


@pytest.mark.parametrize(("family", "first", "second"), INLINE_FORMS)
def test_every_inline_form_is_found_inside_a_paragraph(
    family: str, first: str, second: str
) -> None:
    text = f"主要做法：{first}加强领导；{second}健全机制。"
    found = [(m.kind, m.marker) for m in inline_markers(text)]
    assert found == [(family, first.rstrip()), (family, second.rstrip())]


def test_every_inline_family_has_a_form_here() -> None:
    assert {f.name for f in INLINE_FAMILIES} == {form[0] for form in INLINE_FORMS}


@pytest.mark.parametrize(("family", "first", "second"), INLINE_FORMS)
def test_every_form_opens_a_paragraph_as_its_family(family: str, first: str, second: str) -> None:
    m = lead_marker(f"{first}加强领导，健全机制。")
    assert m is not None and m.kind == family


@pytest.mark.parametrize(("family", "text", "number"), EXAMPLES)
def test_each_example_is_found_numbered_and_matched_by_its_row_alone(
    family: str, text: str, number: int
) -> None:
    m = lead_marker(text + "加强领导")
    assert m is not None and (m.kind, m.ordinal, m.marker) == (family, number, text.rstrip())
    rows = [f.name for f in FAMILIES if f.pattern.match(text + "加强领导")]
    assert rows[0] == family  # no row above it takes it (table order decides)
    assert text[0] in grammar.BY_NAME[family].first_chars


@pytest.mark.parametrize("family", FAMILIES, ids=lambda f: f.name)
def test_each_form_a_row_opens_with_has_an_example(family: Family) -> None:
    """A row's `first` is one string per form; a form no example opens with is unchecked."""
    assert family.examples
    for form in family.first:
        assert any(text[0] in form for text, _ in family.examples), form
    assert set(family.anywhere) <= set(family.first_chars)
    assert family.inline or not family.anywhere


def test_every_column_must_be_stated() -> None:
    """`_family` has no defaults: a row that forgets a column fails when the table is built."""
    params = inspect.signature(_family).parameters.values()
    assert all(p.default is inspect.Parameter.empty for p in params)
    built = {f.name for f in dataclasses.fields(Family)} - {
        "source",
        "pattern",
        "num_groups",
        "space_groups",
        "slip_groups",
        "renum_groups",
    }
    assert built <= {p.name for p in params}
    with pytest.raises(TypeError):
        _family("x", 1, r"(?P<num>x)", numerals=(), first=("x",))  # type: ignore[call-arg]


def test_the_prefilter_is_the_rows_first_characters() -> None:
    """A line opening with a character outside `LEAD_FIRST` is never asked; every row's
    first characters are in it, and none else."""
    assert frozenset("".join(f.first_chars for f in FAMILIES)) == LEAD_FIRST
    for f in FAMILIES:
        for text, _ in f.examples:
            assert text[0] in LEAD_FIRST


def test_the_number_table_agrees_with_reading_each_number() -> None:
    assert len(NUMBERS) > 300
    for f in FAMILIES:
        for system in f.numerals:
            for written, value in NUMBERS.items():
                read = system.read(written)
                assert read is None or read == value, (system.name, written)
