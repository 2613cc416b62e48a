"""A cheap test in front of a pattern must never reject what the pattern accepts."""

from __future__ import annotations

import pytest
import regex

from speechparse import lexicon
from speechparse.facts import ISSUER_LAST
from speechparse.roles import ADDRESS_LAST, vocative_prefix


def _alternatives(pattern: str) -> list[str]:
    """Every word a `(?:a|b[cd]|…)` alternation of words and one-character classes spells."""
    words = [""]
    for part in regex.findall(r"\[[^\]]+\]|[^\[\]|()?:]", pattern):
        chars = part[1:-1] if part.startswith("[") else part
        words = [w + c for w in words for c in chars]
    return words


def _words(pattern: str) -> list[str]:
    inner = pattern[pattern.index("(?:") + 3 : pattern.rindex(")")]
    return [w for alt in inner.split("|") for w in _alternatives(alt)]


def test_issuer_prefilter_knows_every_body() -> None:
    assert {w[-1] for w in _words(lexicon.ORGANISATION_END)} <= ISSUER_LAST


def test_thanks_prefilter_knows_every_first_character() -> None:
    thanks = lexicon.THANKS
    first = thanks[: thanks.index(")") + 1]  # `(?:谢谢|謝謝)`
    assert {w[0] for w in _words(first)} == set(lexicon.THANKS_FIRST)


def test_vocative_prefilter_knows_every_term_of_address() -> None:
    terms = lexicon.ADDRESS_TERM
    nouns = terms[terms.index("(?:同志") :]
    nouns = nouns[: nouns.index(")") + 1]
    last = {w[-1] for w in _words(nouns)}
    assert last <= ADDRESS_LAST, last - ADDRESS_LAST


@pytest.mark.parametrize(
    "text", ["同志们！今天开会。", "各位代表，同志们，今天开会。", "亲爱的同学们！新学期开始了。"]
)
def test_vocatives_pass_the_prefilter(text: str) -> None:
    assert vocative_prefix(text) > 0
