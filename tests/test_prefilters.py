"""A cheap test in front of a pattern must never reject what the pattern accepts."""

from __future__ import annotations

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

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


@pytest.mark.parametrize(
    "lead",
    [
        "蔡英文總統今（27）日出席國家統一委員會第十次會議，並發表談話。",
        # digits `regex` reads as `\d` and the standard library's engine does not (outlined
        # digits, Unicode 16): a prefilter on the other engine would refuse the lead
        "蔡英文總統今（\U0001ccf2\U0001ccf7）日出席國家統一委員會第十次會議，並發表談話。",
        "李總統登輝先生今天強調：教育是根本。",
    ],
)
def test_news_lead_prefilter_passes_what_the_pattern_reads(lead: str) -> None:
    from speechparse.meta import MAY_NEWS_LEAD, NEWS_LEAD, lead_in

    assert NEWS_LEAD.match(lead) is not None
    assert MAY_NEWS_LEAD.search(lead) is not None
    assert lead_in([lead]).name is not None


# The metadata prefilters that look only at a reach of a paragraph: whatever NEWS_LEAD or
# NOTE_WHO reads, built from their own parts at every length they allow, passes the prefilter.
_LEAD_CHARS = "蔡英文總統李登輝市長議員先生夫婦與和及暨在，。,、今天日（）(27)０１５下午晚上近前昨"


@given(st.text(alphabet=_LEAD_CHARS, min_size=2, max_size=70))
@settings(max_examples=3000)
def test_news_lead_reach_holds_every_day_the_pattern_sees(seen: str) -> None:
    from speechparse.meta import MAY_NEWS_LEAD, NEWS_LEAD, NEWS_LEAD_REACH, first_clause

    clause = first_clause(seen)
    if NEWS_LEAD.match(seen) is not None:
        assert MAY_NEWS_LEAD.search(clause[2:NEWS_LEAD_REACH]) is not None


@pytest.mark.parametrize("title", ["", "先生", "夫婦"])
@pytest.mark.parametrize("day", ["今（27）日", "15日下午在", "今天"])
def test_news_lead_reach_holds_the_longest_lead(title: str, day: str) -> None:
    from speechparse.meta import MAY_NEWS_LEAD, NEWS_LEAD, NEWS_LEAD_REACH

    longest = regex.findall(r"\{\d+,(\d+)\}", NEWS_LEAD.pattern)  # the name's, the companion's
    name, companion = (int(n) for n in longest[:2])
    seen = "市" * name + title + "與" + "議" * companion + day + "出席會議，並致詞。"
    assert NEWS_LEAD.match(seen) is not None
    assert MAY_NEWS_LEAD.search(seen[2:NEWS_LEAD_REACH]) is not None


@given(st.text(alphabet="这這是毛泽东同志此文篇本的讲话，。", min_size=2, max_size=12))
@settings(max_examples=3000)
def test_note_prefilter_passes_every_note_the_pattern_reads(seen: str) -> None:
    from speechparse.meta import NOTE_WHO, may_be_note

    if NOTE_WHO.match(seen) is not None:
        assert may_be_note(seen)
