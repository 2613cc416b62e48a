"""The line record: what the speech stage needs to know about a paragraph, computed once.

`facts(block)` reads a paragraph's shape a single time (title-like, dateline, byline,
salutation, subtitle, document number, address, label) and keeps the answer on the block, so
the stages that split speeches and read their heads ask a record instead of testing the text
again. `title_score` turns the facts into a score from named features with named weights
(`TITLE_FEATURES`): a decision that can be explained (`speechparse explain`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import regex

from . import lexicon
from .dates import Dateline, dateline
from .junk import probe
from .markers import lead_marker
from .meta import TITLE_PARTS
from .paragraphs import Block
from .roles import (
    is_byline,
    is_paren_subtitle,
    is_salutation,
    is_subtitle,
    is_title_like,
    salutation_prefix,
    vocative_prefix,
)

# `某府办发〔2024〕12号`, `（某政办秘〔2020〕7号）`, `台內團字第1080080865號函`
DOC_NUMBER = regex.compile(
    r"[〔\[［【(（]\s*(?:19|20)\d\d\s*[〕\]］】)）]\s*(?:第\s*)?\d{1,5}\s*[号號]"
    r"|字第\s*[0-9０-９]{3,}\s*[号號]"
)
URL = regex.compile(r"(?:https?://|www\.)\S+", regex.IGNORECASE)
URL_LINE = regex.compile(
    r"^(?:(?:原文|原始|来源|來源|本文|文章)?(?:链接|鏈接|网址|網址|地址|出处|出處)\s*[:：]\s*)?"
    r"(?:https?://|www\.)\S+$",
    regex.IGNORECASE,
)
# A column or site label before a title: `要闻 | `, `时政 >`, `专题：`.
COLUMN_TAG = regex.compile(lexicon.COLUMN_TAG)
NAMES_DOCUMENT = regex.compile(lexicon.DOCUMENT_WORD)
# A line naming the issuing bodies and nothing else: `万载县统计局　国家统计局万载调查队`.
ORGANISATION = rf"\p{{Han}}{{1,20}}?{lexicon.ORGANISATION_END}"
ISSUER = regex.compile(
    rf"^{ORGANISATION}(?:[\s\u2002\u3000、]+{ORGANISATION}){{1,3}}$"
    # one body alone when a place or the state names it: `万载县统计局` (not `论联合政府`),
    # or a bare one, a site's column: `统计局`
    rf"|^\p{{Han}}{{0,8}}?(?:省|市|县|縣|区|區|州|旗|镇|鎮|乡|鄉|国家|國家){ORGANISATION}$"
    rf"|^\p{{Han}}{{1,2}}{lexicon.ORGANISATION_END}$"
)
PUBLICATION = regex.compile(lexicon.PUBLICATION_VERB + r"$")
FULL_TEXT = regex.compile(lexicon.FULL_TEXT_FOLLOWS + r"\s*[:：]$")
BRACKET_NOTE = regex.compile(r"^[（(〔【\[][^（）()〔〕【】\[\]]{1,28}[）)〕】\]]$")
BRACKET_NOTE_MAX = 30
SECTION_WORD = regex.compile(rf"^{lexicon.SECTION_TITLE_WORD}$")
SECTION_WORD_MAX = 12
FIELD_LINE = regex.compile(r"^(?P<key>\p{Han}{2,6})\s*[：:]\s*(?=\S)")  # `摘自：…`, `發稿單位：…`
FIELD_LINE_MAX = 80
DATELINE_REST_MAX = 40  # a dateline's tail: a name, a place, an occasion, a publishing body


@dataclass(slots=True)
class Facts:
    """What one paragraph is, by its shape (computed once, read by every later decision)."""

    seen: str  # the text as tested: pinyin annotations out
    marker: bool  # opens with an outline marker
    title_like: bool  # short, no sentence punctuation
    dateline: Dateline | None  # a line that is a date (with a name, place or occasion at most)
    byline: bool  # `市长　张三`, a name alone
    salutation: bool  # `同志们：`
    salutation_prefix: int  # a salutation opening a longer paragraph: its length
    vocative_prefix: int  # `同志们！` / `同志们，` opening a paragraph: its length
    subtitle: bool  # `——在…上的讲话`
    paren_subtitle: bool  # `（在…上的讲话）`
    doc_number: bool  # `某府办发〔2024〕12号`
    url: bool  # a source address line
    issuer: bool  # the issuing bodies' names, under a communiqué's title
    bracket_note: bool  # `（根据录音整理）`, `（摘要）`: an editor's short note in brackets
    table_row: bool  # cells of a table row, tab-separated (never a title)
    field_line: bool  # `發稿單位：文化局`, `摘自：…`: a record's field, not a title
    section_word: bool  # `引　　言`, `结论`: the name of a part of a work, perhaps letter-spaced
    names_document: bool  # 讲话 / 报告 / 规划 / 通知 …
    full_text_follows: bool  # `…致詞全文如下：`: the full text of what it reports comes next

    @property
    def head(self) -> bool:
        """A line that stands between a title and the body: subtitle, byline, dateline,
        document number, source address."""
        return (
            self.subtitle
            or self.paren_subtitle
            or self.byline
            or self.dateline is not None
            or self.doc_number
            or self.url
            or self.issuer
            or self.bracket_note
        )

    @property
    def never_title(self) -> bool:
        return (
            self.dateline is not None
            or self.doc_number
            or self.url
            or self.marker
            or self.issuer
            or self.bracket_note
            or self.seen[:1] in lexicon.BULLETS
            or self.table_row
            or self.field_line
        )


def facts(block: Block) -> Facts:
    """The block's record (made on first use, then kept on the block)."""
    found = block.facts
    if found is None:
        found = block.facts = _read(block.text.text)
    assert isinstance(found, Facts)
    return found


def _dateline(seen: str) -> Dateline | None:
    if len(seen) > DATELINE_REST_MAX + 20:
        return None
    found = dateline(seen)
    if found is None or len(found.rest) > DATELINE_REST_MAX:
        return None
    return found


def _read(text: str) -> Facts:
    seen = probe(text).strip()
    marker = lead_marker(text) is not None
    dated = _dateline(seen)
    paren_subtitle = is_paren_subtitle(text)
    return Facts(
        seen=seen,
        marker=marker,
        title_like=is_title_like(text) and not marker,
        dateline=dated,
        byline=is_byline(text),
        salutation=is_salutation(text),
        salutation_prefix=salutation_prefix(text),
        vocative_prefix=vocative_prefix(text),
        subtitle=is_subtitle(text),
        paren_subtitle=paren_subtitle,
        doc_number=len(seen) <= 60 and DOC_NUMBER.search(seen) is not None,
        url=len(seen) <= 300 and URL_LINE.match(seen) is not None,
        issuer=len(seen) <= 60 and ISSUER.match(seen) is not None,
        table_row="\t" in seen.strip(),
        field_line=len(seen) <= FIELD_LINE_MAX
        and (field := FIELD_LINE.match(seen)) is not None
        and TITLE_PARTS.search(seen[field.end() :]) is None
        and SECTION_WORD.match(field["key"]) is None,  # `附录：关于…的决议` is a title
        section_word=len(seen) <= SECTION_WORD_MAX
        and SECTION_WORD.match("".join(seen.split())) is not None,
        bracket_note=len(seen) <= BRACKET_NOTE_MAX
        and BRACKET_NOTE.match(seen) is not None
        and dated is None
        and not paren_subtitle,
        names_document=NAMES_DOCUMENT.search(seen) is not None,
        full_text_follows=seen[-1:] in lexicon.COLONS and FULL_TEXT.search(seen) is not None,
    )


@dataclass(frozen=True, slots=True)
class Feature:
    name: str
    weight: float
    test: Callable[[Facts], bool]


# Named features of a title line and their weights: a line is a title candidate when its score
# is positive; among candidates above a body, the best (the last of equals) is the title.
TITLE_FEATURES: tuple[Feature, ...] = (
    Feature("title-shape", 1.0, lambda f: f.title_like),
    Feature("names-a-document", 0.5, lambda f: f.names_document),
    Feature("dateline", -10.0, lambda f: f.dateline is not None),
    Feature("document-number", -10.0, lambda f: f.doc_number),
    Feature("source-address", -10.0, lambda f: f.url),
    Feature("issuing-body", -10.0, lambda f: f.issuer),
    Feature("bracketed-note", -10.0, lambda f: f.bracket_note),
    Feature("list-bullet", -10.0, lambda f: f.seen[:1] in lexicon.BULLETS),
    Feature("table-row", -10.0, lambda f: f.table_row),
    Feature("field-line", -10.0, lambda f: f.field_line),
    Feature("publication-line", -10.0, lambda f: PUBLICATION.search(f.seen) is not None),
    Feature("salutation", -10.0, lambda f: f.salutation),
    Feature("outline-marker", -10.0, lambda f: f.marker),
)


def title_score(f: Facts) -> tuple[float, list[str]]:
    """The score of a line as a title, and the names of the features that gave it.

    >>> from .textmap import Mapped
    >>> title_score(facts(Block(Mapped.verbatim("在全市工作会议上的讲话", 0), 0, 0)))
    (1.5, ['title-shape', 'names-a-document'])
    >>> title_score(facts(Block(Mapped.verbatim("（一九二七年三月）", 0), 0, 0)))[0] < 0
    True
    """
    score, named = 0.0, []
    for feature in TITLE_FEATURES:
        if feature.test(f):
            score += feature.weight
            named.append(feature.name)
    return score, named


def is_title(block: Block) -> bool:
    """A line that may be a title: a positive title score (a Word `Title` paragraph always)."""
    if block.styled_title:
        return True
    f = facts(block)
    return f.title_like and not f.never_title and title_score(f)[0] > 0
