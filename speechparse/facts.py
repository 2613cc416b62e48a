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
from typing import Any, Generic, TypeVar

import regex

from . import lexicon
from .dates import Dateline, dateline
from .junk import probe
from .lazy import lazy_re, lazy_regex
from .lexicon import COLONS
from .markers import lead_marker
from .meta import TITLE_PARTS
from .paragraphs import Block
from .roles import (
    GREETING_LINE_MAX,
    GREETING_WORD,
    is_byline,
    is_paren_subtitle,
    is_salutation,
    is_subtitle,
    is_title_like,
    labelled_salutation,
    salutation_prefix,
    speaker_label,
    vocative_prefix,
)
from .transitions import ADDRESS, possible, transition

# `某府办发〔2024〕12号`, `（某政办秘〔2020〕7号）`, `台內團字第1080080865號函`
DOC_NUMBER = lazy_regex(
    r"[〔\[［【(（]\s*(?:19|20)\d\d\s*[〕\]］】)）]\s*(?:第\s*)?\d{1,5}\s*[号號]"
    r"|字第\s*[0-9０-９]{3,}\s*[号號]"
)
URL = lazy_regex(r"(?:https?://|www\.)\S+", regex.IGNORECASE)
URL_WHOSE = ("原文", "原始", "来源", "來源", "本文", "文章")
URL_LABEL = ("链接", "鏈接", "网址", "網址", "地址", "出处", "出處")
URL_LINE = lazy_regex(
    rf"^(?:(?:{'|'.join(URL_WHOSE)})?(?:{'|'.join(URL_LABEL)})\s*[:：]\s*)?"
    r"(?:https?://|www\.)\S+$",
    regex.IGNORECASE,
)
# what a source address line opens with: its label, or the address (a test before the rest)
URL_FIRST = frozenset("hHwW" + "".join(word[0] for word in URL_WHOSE + URL_LABEL))
# A column or site label before a title: `要闻 | `, `时政 >`, `专题：`.
COLUMN_TAG = lazy_regex(lexicon.COLUMN_TAG)
# (words alone: the standard engine searches a line for them ~4x faster than `regex`)
NAMES_DOCUMENT = lazy_re(lexicon.DOCUMENT_WORD)
# A line naming the issuing bodies and nothing else: `万载县统计局　国家统计局万载调查队`.
ORGANISATION = rf"\p{{Han}}{{1,20}}?{lexicon.ORGANISATION_END}"
# what every name of ORGANISATION_END ends in (a test before the pattern)
ISSUER_LAST = frozenset(name[-1] for name in lexicon.ORGANISATION_END[3:-1].split("|"))
ISSUER = lazy_regex(
    rf"^{ORGANISATION}(?:[\s\u2002\u3000、]+{ORGANISATION}){{1,3}}$"
    # one body alone when a place or the state names it: `万载县统计局` (not `论联合政府`),
    # or a bare one, a site's column: `统计局`
    rf"|^\p{{Han}}{{0,8}}?(?:省|市|县|縣|区|區|州|旗|镇|鎮|乡|鄉|国家|國家){ORGANISATION}$"
    rf"|^\p{{Han}}{{1,2}}{lexicon.ORGANISATION_END}$"
)
PUBLICATION = lazy_regex(lexicon.PUBLICATION_VERB + r"$")
# `附件1`, `附件二：` alone on a line: the label of the appended document under it
APPENDED_LABEL = lazy_regex(
    rf"^{lexicon.APPENDED_WORD}[ \t\u3000]*(?:[0-9０-９]{{1,2}}|[一二三四五六七八九十]{{1,3}})?"
    r"[ \t\u3000]*[:：]?$"
)
SIGNED = lazy_regex(rf"^(?P<who>.+?)[\s\u3000]*{lexicon.SIGN_OFF}$")
FULL_TEXT = lazy_regex(lexicon.FULL_TEXT_FOLLOWS + r"\s*[:：]$")
BRACKET_NOTE = lazy_regex(r"^[（(〔【\[][^（）()〔〕【】\[\]]{1,28}[）)〕】\]]$")
BRACKET_NOTE_MAX = 30
SECTION_WORD = lazy_regex(rf"^{lexicon.SECTION_TITLE_WORD}$")
SECTION_WORD_MAX = 12
FIELD_LINE = lazy_regex(r"^(?P<key>\p{Han}{2,6})\s*[：:]\s*(?=\S)")  # `摘自：…`, `發稿單位：…`
FIELD_LINE_MAX = 80
APPENDED_LABEL_MAX = 8
SOURCE_FIELD = lazy_regex(lexicon.SOURCE_KEY + "$")
SPEECH_FIELD = lazy_regex(
    "^(?:" + "|".join(f"(?P<{k}>{v})" for k, v in lexicon.SPEECH_FIELD_KEYS.items()) + ")$"
)
FIELD_KEY_END = 8  # where a field's colon stands at the latest
DOC_NUMBER_LINE_MAX = 60
URL_LINE_MAX = 300
ISSUER_MAX = 60
PROSE_MIN = 100  # characters: longer than any title, dateline, byline, salutation or subtitle
SALUTATION_LAST = frozenset("：:！!。.")  # what a salutation line ends in
SALUTATION_PREFIX_END = 31  # where a salutation opening a paragraph ends at the latest
SUBTITLE_FIRST = frozenset(lexicon.DASHES)
DATELINE_REST_MAX = 40  # a dateline's tail: a name, a place, an occasion, a publishing body
ASIDE_MAX = 200  # characters of a stage direction (`（秘書及保安人員協助…離開會議廳）`)
ASIDE_OPEN, ASIDE_CLOSE = "（(", "）)"


T = TypeVar("T")


class _once(Generic[T]):
    """A fact computed on first reading and then kept in the instance (like
    `functools.cached_property`, without its lock: a record belongs to one parse)."""

    def __init__(self, compute: Callable[[Any], T]) -> None:
        self.compute = compute
        self.name = compute.__name__

    def __get__(self, record: object, owner: type | None = None) -> T:
        value = self.compute(record)
        record.__dict__[self.name] = value  # read from the instance from now on
        return value


class Facts:
    """What one paragraph is, by its shape: each fact is computed once, when first asked, and
    kept (a long paragraph of prose is never asked most of them). Every later decision reads
    this record instead of testing the text again. The facts every split asks of every
    paragraph are slots, set when the record is made; the others are kept in the instance's
    dict when first asked (`_once`); a record of prose is a `_Prose`, which knows most of them
    without a test."""

    __slots__ = (
        "__dict__",
        "full_text_follows",
        "prose",
        "salutation",
        "salutation_prefix",
        "seen",
        "speaker_label",
        "subtitle",
        "table_row",
        "text",
        "url",
    )
    # (declared for the type checker)
    text: str
    seen: str
    prose: bool
    salutation: bool
    speaker_label: int
    salutation_prefix: int
    subtitle: bool
    table_row: bool
    full_text_follows: bool
    url: bool

    def __init__(self, text: str) -> None:
        # the text as tested: pinyin annotations out (a text with no bracket has none: told
        # without the cache's look-up)
        seen = (probe(text) if "(" in text or "（" in text else text).strip()
        # long, or a sentence: none of the shapes of a short line (title, dateline, byline …)
        prose = len(seen) > PROSE_MIN or "。" in seen
        if prose:
            self.__class__ = _Prose
        self.text = text
        self.seen = seen
        self.prose = prose
        # the facts every split asks of every paragraph, each behind a test of a character
        first, last = seen[:1], seen[-1:]
        end = last if seen is text else text[-1:]  # (the text's own last character)
        colon = "：" in text or ":" in text
        # `同志们：`, `同志们！`, `…全體國人同胞，大家好。`: asked of a line ending in a colon,
        # or of a short one ending in `！`, or in `。` after a greeting (`is_salutation`'s cases)
        salutation = (
            last in SALUTATION_LAST
            and (
                end in COLONS
                or (len(text) <= GREETING_LINE_MAX and (end != "。" or GREETING_WORD in text))
            )
            and is_salutation(text)
        )
        if colon:
            # a record's line opening with who speaks (`陳偉業議員：…`, `行政長官：主席、…：`):
            # the label's length with its colon
            label = self.speaker_label = speaker_label(text)
            if label and not salutation and last in COLONS:
                salutation = labelled_salutation(text) > 0
            # a salutation with a colon opening a longer paragraph: its length
            opening = text[:SALUTATION_PREFIX_END]
            self.salutation_prefix = (
                salutation_prefix(text) if "：" in opening or ":" in opening else 0
            )
        else:  # (no colon: neither a label nor a salutation opening the paragraph)
            self.speaker_label = self.salutation_prefix = 0
        self.salutation = salutation
        self.subtitle = first in SUBTITLE_FIRST and is_subtitle(text)  # `——在…上的讲话`
        self.table_row = "\t" in seen  # cells of a table row, tab-separated (never a title)
        # `…致詞全文如下：`: the full text of what it reports comes next
        self.full_text_follows = last in COLONS and FULL_TEXT.search(seen) is not None
        self.url = (  # a source address line
            first in URL_FIRST
            and ("http" in seen or "www." in seen)
            and len(seen) <= URL_LINE_MAX
            and URL_LINE.match(seen) is not None
        )

    @_once
    def marker(self) -> bool:
        """Opens with an outline marker."""
        return lead_marker(self.text) is not None

    @_once
    def title_like(self) -> bool:
        """Short, no sentence punctuation, no marker."""
        return not self.prose and is_title_like(self.text) and not self.marker

    @_once
    def dateline(self) -> Dateline | None:
        """A line that is a date (with a name, a place or an occasion at most)."""
        return None if self.prose else _dateline(self.seen)

    @_once
    def byline(self) -> bool:
        """`市长　张三`, a name alone (never a table's row: `保\t證` is two cells)."""
        return not self.prose and not self.table_row and is_byline(self.text)



    @_once
    def salutation_label(self) -> int:
        """`行政長官：主席、各位議員、各位香港市民：`: a salutation after its speaker's label on
        one line; the label's length (with its colon), else 0."""
        if not self.speaker_label or self.seen[-1:] not in lexicon.COLONS:
            return 0
        return labelled_salutation(self.text)

    @_once
    def aside(self) -> bool:
        """`（陳偉業議員高舉標語牌離席）`, `（掌声）`: a stage direction of a record, a line wholly
        in brackets (not a dateline, not a subtitle naming the speech)."""
        seen = self.seen
        if (
            len(seen) > ASIDE_MAX
            or seen[:1] not in ASIDE_OPEN
            or seen[-1:] not in ASIDE_CLOSE
            or self.marker
            or TITLE_PARTS.search(seen) is not None
        ):
            return False
        depth = 0
        for n, c in enumerate(seen):
            depth += (c in ASIDE_OPEN) - (c in ASIDE_CLOSE)
            if depth == 0 and n < len(seen) - 1:
                return False  # `（一）…（二）`: brackets closed before the end
        return depth == 0 and _dateline(seen) is None

    @property
    def transcript(self) -> bool:
        """A line of a verbatim record: what a labelled speaker said, or a stage direction."""
        return bool(self.speaker_label) or self.aside

    @_once
    def vocative_prefix(self) -> int:
        """`同志们！` / `同志们，` opening a paragraph: its length."""
        return vocative_prefix(self.text)

    @_once
    def transition(self) -> str | None:
        """A passage between runs of points (`同志们，…我再强调三点：`, `以上…`): its kind
        (`transitions.py`)."""
        if self.salutation:
            return ADDRESS  # `同志们！` on a line of its own
        seen = self.seen
        if not possible(seen):  # most paragraphs: no count of points, no summing-up word
            return None
        vocative = self.vocative_prefix if seen == self.text else vocative_prefix(seen)
        return transition(seen, vocative)

    @_once
    def paren_subtitle(self) -> bool:
        """`（在…上的讲话）`."""
        return not self.prose and is_paren_subtitle(self.text)

    @_once
    def doc_number(self) -> bool:
        """`某府办发〔2024〕12号`."""
        seen = self.seen
        return (
            len(seen) <= DOC_NUMBER_LINE_MAX
            and ("号" in seen or "號" in seen)
            and DOC_NUMBER.search(seen) is not None
        )


    @_once
    def issuer(self) -> bool:
        """The issuing bodies' names, under a communiqué's title."""
        seen = self.seen
        return len(seen) <= ISSUER_MAX and seen[-1:] in ISSUER_LAST and bool(ISSUER.match(seen))

    @_once
    def appended_label(self) -> bool:
        """`附件1`, `附件：` alone on a line: the label of the document appended under it."""
        return len(self.seen) <= APPENDED_LABEL_MAX and bool(APPENDED_LABEL.match(self.seen))

    @_once
    def signature(self) -> bool:
        """A text's signature: a byline, its issuer's name, or the name with the word it hands
        the text over with (`总统府发言人室　提供`, `…謹啟`)."""
        if self.byline or self.issuer:
            return True
        found = SIGNED.match(self.seen)
        if found is None:
            return False
        who = found["who"]
        return len(who) <= ISSUER_MAX and who[-1:] in ISSUER_LAST and bool(ISSUER.match(who))

    @_once
    def speech_field(self) -> tuple[str, str] | None:
        """A field of the speech's record (`讲话人：王五`, `时间：2023年3月2日`): what its value
        tells (`speaker`, `date`, `occasion`, `place`) and the value."""
        if not self.field_line:
            return None
        field = FIELD_LINE.match(self.seen)
        known = SPEECH_FIELD.match(field["key"]) if field is not None else None
        if field is None or known is None or known.lastgroup is None:
            return None
        return known.lastgroup, self.seen[field.end() :].strip()

    @_once
    def bracket_note(self) -> bool:
        """`（根据录音整理）`, `（摘要）`: an editor's short note in brackets."""
        seen = self.seen
        return (
            len(seen) <= BRACKET_NOTE_MAX
            and seen[:1] in lexicon.OPEN_BRACKETS
            and BRACKET_NOTE.match(seen) is not None
            and self.dateline is None
            and not self.paren_subtitle
        )


    @_once
    def field_line(self) -> bool:
        """`發稿單位：文化局`, `摘自：…`: a record's field, not a title (`附录：…` is one)."""
        seen = self.seen
        if len(seen) > FIELD_LINE_MAX or (
            "：" not in seen[:FIELD_KEY_END] and ":" not in seen[:FIELD_KEY_END]
        ):
            return False
        field = FIELD_LINE.match(seen)
        if field is not None and SOURCE_FIELD.match(field["key"]):
            return True  # `摘自：…在…上的讲话`: where the text was taken from
        return (
            field is not None
            and TITLE_PARTS.search(seen[field.end() :]) is None
            and SECTION_WORD.match(field["key"]) is None
        )

    @_once
    def section_word(self) -> bool:
        """`引　　言`, `结论`: the name of a part of a work, perhaps letter-spaced."""
        seen = self.seen
        return len(seen) <= SECTION_WORD_MAX and bool(SECTION_WORD.match("".join(seen.split())))

    @_once
    def names_document(self) -> bool:
        """讲话 / 报告 / 规划 / 通知 … in a short line."""
        return not self.prose and NAMES_DOCUMENT.search(self.seen) is not None


    @_once
    def titled(self) -> bool:
        """May it be a title: title-like, never excluded, a positive title score."""
        return self.title_like and not self.never_title and title_score(self)[0] > 0

    @property
    def head(self) -> bool:
        """A line that stands between a title and the body: subtitle, byline, dateline,
        document number, source address, issuer, bracketed note."""
        if self.prose:
            return self.url or self.subtitle
        return (
            self.subtitle
            or self.paren_subtitle
            or self.byline
            or self.dateline is not None
            or self.doc_number
            or self.url
            or self.issuer
            or self.bracket_note
            or self.speech_field is not None
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


# What a paragraph of prose never is (the tests would say so, one by one).
PROSE_FACTS: dict[str, object] = dict.fromkeys(
    (
        "title_like",
        "byline",
        "paren_subtitle",
        "doc_number",
        "issuer",
        "appended_label",
        "signature",
        "bracket_note",
        "field_line",
        "section_word",
        "names_document",
        "titled",
    ),
    False,
) | {"dateline": None, "speech_field": None}


class _Prose(Facts):
    """The record of a paragraph of prose: the facts of `PROSE_FACTS` are its class's."""

    __slots__ = ()


for _name, _value in PROSE_FACTS.items():
    setattr(_Prose, _name, _value)


def facts(block: Block) -> Facts:
    """The block's record (made on first use, then kept on the block)."""
    found = block.facts
    if found is None:
        found = block.facts = Facts(block.text.text)
    return found


def _dateline(seen: str) -> Dateline | None:
    if len(seen) > DATELINE_REST_MAX + 20:
        return None
    found = dateline(seen)
    if found is None or len(found.rest) > DATELINE_REST_MAX:
        return None
    return found


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
    return not f.prose and f.titled
