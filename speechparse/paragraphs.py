"""Stage: cleaned lines -> paragraphs, with lines broken mid-sentence joined again.

A line joins the paragraph before it when that paragraph ends open (no sentence end) and is not a
standalone line (title, salutation, heading), also across a page number between them. A line
that opens with a marker, a salutation, a subtitle or a speaker's label (`主席：…`) is never
joined. Whether a marker line with
no sentence end is a heading or the first half of a broken line is read from its family: if the
other markers of that family open long paragraphs, the short one was broken; if they stand alone
as headings, it is a heading too.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from itertools import compress, repeat
from operator import is_
from typing import TYPE_CHECKING

from . import lexicon
from .clean import Line, pinyin_spans
from .grammar import is_piece_header
from .junk import PAGE_BREAK, block_reason, seen_reason
from .latin import is_latin
from .lazy import lazy_re
from .markers import Marker, lead_marker
from .roles import (
    SENTENCE_ENDS,
    ends_closed,
    is_salutation,
    is_subtitle,
    is_title_like,
    speaker_label,
)
from .textmap import Mapped, Removed, join

if TYPE_CHECKING:
    from .facts import Facts

HEADING_LINE_MAX = 50
LINK_MAX = 40
DOCUMENT_WORD = lazy_re(
    r"讲话|講話|发言|發言|报告|報告|材料|范文|範文|心得|体会|體會|稿|全文|总结|總結|方案|致辞|致辭|演讲|演講"
)
NAMES_A_TALK = lazy_re(rf"的{lexicon.SPEECH_WORD}$")
# a line that is an opening bracket alone carries on (a tuple: whole lines are tested against
# it, and a set would hash each)
LONE_OPENERS = ("（", "(")
CLOSE_START = "，,、。；;：:！？）)”’」』"  # no paragraph starts with one of these
OPEN_END = "，,、（(“‘《—"  # a line ending in one of these is always carried on
WRAP_MIN = 16  # lines shorter than this say nothing about a wrap width
WRAP_LINES_MIN = 8
WRAP_SHARE = 0.4
LONE_HEADING_MAX = 40
STANDALONE_LINES_MAX = 3  # a title or heading broken by a wrap takes two or three lines
NO_VOTES: Counter[bool] = Counter()  # read only
BARE_TAIL = " \t\u3000、，,.．:："  # what may follow a marker on a line of its own
LATIN_WRAP_MIN = 60  # a line of English this long that ends mid-sentence was wrapped
LATIN_ENDS = ".!?:"  # what ends an English sentence or a salutation
# `SENTENCE_ENDS` as a string: a line's last character is looked for in it without being hashed
SENTENCE_END_CHARS = "".join(sorted(SENTENCE_ENDS))


@dataclass(slots=True)  # not frozen: made per line, and a frozen init costs twice as much
class Block:
    """A paragraph of text, or a line of page chrome (`junk` names why)."""

    text: Mapped
    first_line: int
    last_line: int
    junk: str | None = None
    pinyin: list[Removed] | None = None  # annotations removed from `text`, with their sources
    styled_title: bool = False  # the source marks it as a title (a Word `Title` paragraph)
    facts: Facts | None = None  # its line record, made once when first asked
    # page junk (not a page break) stands right above it: a title broken in two is not joined
    # across it (the title's one span would hold the junk)
    after_junk: bool = False


def _heading_style(text: str, m: Marker | None) -> bool:
    """A marker line that is a standalone heading rather than a paragraph opening (`m`: the
    marker it opens with)."""
    if len(text) > HEADING_LINE_MAX:
        return False
    body = text[m.end if m is not None else 0 :].rstrip("。.")  # (`3。…`: the marker's own 。)
    return "。" not in body and "！" not in body and "？" not in body


def _family_styles(lines: list[Line], junk: list[str | None]) -> dict[str, Counter[bool]]:
    """For each marker family, how many of its text lines are headings (True) and how many
    open paragraphs (False)."""
    styles: dict[str, Counter[bool]] = {}
    for line, reason in zip(lines, junk, strict=True):
        m = line.marker
        if m is not None and reason is None:
            votes = styles.get(m.kind)
            if votes is None:
                votes = styles[m.kind] = Counter()
            votes[_heading_style(line.text.text, m)] += 1
    return styles


class _Styles:
    """`_family_styles` of a text's lines, counted when first asked (most texts never ask)."""

    __slots__ = ("junk", "lines", "styles")

    def __init__(self, lines: list[Line], junk: list[str | None]) -> None:
        self.lines = lines
        self.junk = junk
        self.styles: dict[str, Counter[bool]] | None = None

    def get(self, kind: str) -> Counter[bool] | None:
        """The votes of the family `kind`, if a text line opens with one of its markers."""
        if self.styles is None:
            self.styles = _family_styles(self.lines, self.junk)
        return self.styles.get(kind)


def _standalone(lines: list[Line], styles: _Styles) -> bool:
    """Is the paragraph made of these lines complete in itself, whatever follows it?

    A title, salutation, subtitle or heading is, even when a wrap broke it over two lines.
    """
    if len(lines) > STANDALONE_LINES_MAX:
        return False
    first = lines[0].text.text
    if len(lines) == 1:
        text, m = first, lines[0].marker
    else:
        text = join([ln.text for ln in lines]).text
        m = lead_marker(text)
    if is_salutation(text) or is_subtitle(text):
        return True
    if m is None:
        return is_title_like(text) and is_title_like(first)
    if not _heading_style(text, m):
        return False
    votes = styles.get(m.kind) or NO_VOTES
    first_heading = _heading_style(first, lines[0].marker)
    others_heading = votes[True] - first_heading
    others_paragraph = votes[False] - (not first_heading)
    if others_heading + others_paragraph == 0:
        return len(text) <= LONE_HEADING_MAX
    return others_heading >= others_paragraph


def _opens(line: Line) -> bool:
    """A line that always starts a paragraph of its own (not a weak marker form, `一，…`: a
    wrap may leave `一，` at the start of a line in the middle of a sentence); in a record, a
    line opening with its speaker's label (`主席：…`) is a new turn."""
    m = line.marker
    text = line.text.text
    return (
        (m is not None and not m.weak)
        or is_salutation(text)
        or is_subtitle(text)
        or speaker_label(text) > 0
    )


def _strip_pinyin(text: Mapped) -> tuple[Mapped, list[Removed] | None]:
    """The paragraph without pinyin annotations, and the annotations (mapped to the source).

    >>> text, gone = _strip_pinyin(Mapped.verbatim("區(qū)委政協(xié)", 0))
    >>> text.text, gone
    ('區委政協', [('(qū)', (1, 5)), ('(xié)', (8, 13))])
    """
    if "(" not in text.text and "（" not in text.text:
        return text, None
    spans = pinyin_spans(text.text)  # (`PINYIN.finditer`'s, tried only at the brackets)
    if not spans:
        return text, None
    return text.cut(spans)


def _paragraph(lines: list[Line], titles: frozenset[int]) -> Block:
    first = lines[0]
    whole = first.text if len(lines) == 1 else join([ln.text for ln in lines])
    pinyin = None
    # blurbs and spam lines are recognised once their broken lines are whole again
    if "(" in whole.text or "（" in whole.text:
        whole, pinyin = _strip_pinyin(whole)
        reason = block_reason(whole.text)
    else:  # (no bracket: no annotation, the text as the rules see it)
        reason = seen_reason(whole.text)
    return Block(whole, first.number, lines[-1].number, reason, pinyin, first.number in titles)


def wrap_width(lines: list[Line], junk: list[str | None]) -> int | None:
    """The width text was hard-wrapped at, if most long lines have one length (PDF, fixed pages).

    >>> from .clean import split_lines
    >>> lines = split_lines("\\n".join(["甲" * 30] * 9 + ["乙" * 12])).lines
    >>> wrap_width(lines, [None] * len(lines))
    30
    """
    return _wrap_width([ln.text.text for ln in lines], junk)


def _wrap_width(texts: list[str], junk: list[str | None]) -> int | None:
    """`wrap_width` of lines with these texts."""
    if len(texts) < WRAP_LINES_MIN:
        return None  # (fewer long lines still)
    # the lengths of the text lines (a blank line's 0 is counted too: short lines are not read)
    lengths = Counter(compress(map(len, texts), map(is_, junk, repeat(None))))
    long = {length: n for length, n in lengths.items() if length >= WRAP_MIN}  # the long lines
    lines = sum(long.values())
    if lines < WRAP_LINES_MIN:
        return None
    # the commonest length (the longer of two as common)
    count, width = max(zip(long.values(), long, strict=True))
    return width if count >= WRAP_SHARE * lines else None


def _broken_marker(lines: list[Line], nonblank: list[int], pos: int) -> bool:
    """An opening bracket alone on its line, the rest of its marker opening the next one
    (`（` / `三）加强…`): the marker's first half, not a stray mark."""
    if lines[nonblank[pos]].text.text not in LONE_OPENERS or pos + 1 >= len(nonblank):
        return False
    m = lines[nonblank[pos + 1]].marker
    return m is not None and m.style.endswith("/half")


def _names_a_text(text: str) -> bool:
    """A title-like line naming a speech or a document (`在…会上的讲话`): a line of its own, not
    the rest of a page line that a wrap broke."""
    return DOCUMENT_WORD.search(text) is not None and is_title_like(text)


def _bare_marker(text: str, m: Marker | None) -> bool:
    """A line that is a marker and nothing else (`m`: the marker it opens with).

    A piece's header (`第二篇`) is not: the next speech's title follows it.

    >>> [_bare_marker(t, lead_marker(t)) for t in ("（一）", "（一）抓落实", "第二篇")]
    [True, False, False]
    """
    return (
        m is not None
        and not is_piece_header(m.kind, m.marker)
        and not text[m.end :].strip(BARE_TAIL)
    )


def _latin_break(last: Line, line: Line, blank: bool) -> bool:
    """Does a paragraph of a text in a Latin script end between these lines? Where a blank line
    stands between them, as English writes it (a Chinese page breaks its paragraphs anywhere);
    else unless a long line was wrapped mid-sentence or the next line opens in lower case (a
    title, a `by` line, a name and a date stand one a line).

    >>> from .clean import split_lines
    >>> a, b, c = split_lines("May 16, 2024\\nDear guests:\\nwelcome").lines
    >>> _latin_break(a, b, False), _latin_break(b, c, False), _latin_break(a, b, True)
    (True, False, True)
    """
    a, b = last.text.text, line.text.text
    if not (a[-1].isascii() and b[0].isascii() and is_latin(a) and is_latin(b)):
        return False
    wrapped = len(a) >= LATIN_WRAP_MIN and a[-1] not in LATIN_ENDS
    return blank or not (wrapped or b[0].islower())


def _open_aside(current: list[Line]) -> bool:
    """A stage direction of a record whose bracket is still open (`（秘書及保安人員協助…離開會`
    / `議廳。三位議員不斷高聲叫喊）`): the next line is its rest.

    >>> from .clean import split_lines
    >>> _open_aside(split_lines("（三位議員離開會").lines)
    True
    >>> _open_aside(split_lines("（掌声）").lines)
    False
    """
    if len(current) > STANDALONE_LINES_MAX or current[0].text.text[:1] not in LONE_OPENERS:
        return False
    text = "".join(ln.text.text for ln in current)
    if "\t" in text:
        return False  # a table's row: its cells, not a direction
    return sum(text.count(c) for c in "（(") > sum(text.count(c) for c in "）)")


def _continues(
    current: list[Line], line: Line, styles: _Styles, wrap: int | None
) -> bool:
    """Does `line` carry on the paragraph made of `current`?"""
    last = current[-1].text.text
    text = line.text.text
    if text[0] in CLOSE_START:
        return True
    if last in LONE_OPENERS:
        return True  # `（` alone, then `三）加强…`: a marker broken over two lines
    single = len(current) == 1
    # (most lines end in a sentence end: closed, told without the call; no closer is one)
    closed = last[-1] in SENTENCE_END_CHARS or ends_closed(last)
    if closed and not (single and current[0].marker is not None):
        return False  # (the common case, answered before the next line is read)
    if _opens(line):
        return False
    if single and _bare_marker(last, current[0].marker):
        return True  # `（一）` on a line of its own, its heading on the next
    if closed:
        return False
    if last[-1] in OPEN_END or _open_aside(current):
        return True
    if single and "\t" not in last and (label := speaker_label(last)) and "，" in last[label:]:
        return True  # a record's turn broken mid-sentence (`廖長江議員：主席，…由於香港醫務委`)
    if wrap is not None and len(last) >= wrap - 1:
        return True  # hard-wrapped text: a full line was broken
    if is_title_like(text):
        return False  # a short line with no punctuation is a title or heading of its own
    if single and current[0].marker is not None and NAMES_A_TALK.search(last):
        return False  # `一　一月十八日的讲话`: a numbered heading naming a talk or a report
    return not _standalone(current, styles)


def _rest_of_chrome(
    chrome: Line, line: Line, wrap: int | None, carried: frozenset[int] | None
) -> bool:
    """Is `line` the rest of the chrome line before it, which a hard wrap broke?"""
    if carried is not None:
        return line.number in carried
    return (
        wrap is not None
        and len(chrome.text.text) >= wrap - 1
        and not _opens(line)
        and not _names_a_text(line.text.text)
    )


def build(
    lines: list[Line],
    junk: list[str | None],
    joins: bool = True,
    titles: frozenset[int] = frozenset(),
    carried: frozenset[int] | None = None,
) -> list[Block]:
    """Group lines into blocks: junk lines one each, text lines into paragraphs (broken lines
    joined again unless `joins` is off: a Word file's paragraphs are real). When the reader
    knows which lines were wrapped (a PDF's), `carried` names them: each joins the paragraph
    or the chrome line before it, past page breaks, and no other line is joined."""
    styles = _Styles(lines, junk)
    texts = [ln.text.text for ln in lines]
    wrap = _wrap_width(texts, junk)
    nonblank = list(compress(range(len(texts)), texts))  # (the lines with text)
    blocks: list[Block] = []
    current: list[Line] = []
    page_breaks: list[Block] = []  # page numbers inside the paragraph being read

    def flush() -> None:
        if current:
            blocks.append(_paragraph(current, titles))
            current.clear()
        if page_breaks:
            blocks.extend(page_breaks)
            page_breaks.clear()

    for pos, i in enumerate(nonblank):
        line = lines[i]
        if junk[i] is not None and not _broken_marker(lines, nonblank, pos):
            block = Block(line.text, line.number, line.number, junk[i])
            if junk[i] in PAGE_BREAK and current and (joins or carried is not None):
                page_breaks.append(block)  # a page may end mid-sentence: read on past it
                continue
            flush()
            blocks.append(block)
            continue
        last = blocks[-1] if blocks and not current else None
        if (
            last is not None
            and last.junk is not None
            and _rest_of_chrome(lines[last.last_line], line, wrap, carried)
        ):
            # the rest of a chrome line that was hard-wrapped
            blocks[-1] = Block(
                last.text + line.text, last.first_line, line.number, last.junk, last.pinyin
            )
            continue
        if carried is not None:
            if current and i in carried:
                current.append(line)
                continue
            flush()
            current.append(line)
            continue
        if (
            joins
            and current
            and current[-1].number not in titles  # a marked title is a line of its own
            and _continues(current, line, styles, wrap)
        ):
            # (what carries on the paragraph is asked first: most lines do not)
            nxt = nonblank[pos + 1] if pos + 1 < len(nonblank) else None
            opens_speech = (
                nxt is not None and junk[nxt] is None and is_salutation(lines[nxt].text.text)
            )
            if not opens_speech and not _latin_break(current[-1], line, nonblank[pos - 1] < i - 1):
                current.append(line)
                continue
        flush()
        current.append(line)
    flush()
    _mark_trailing_links(blocks)
    return blocks


def _mark_trailing_links(blocks: list[Block]) -> None:
    """A numbered list of other articles' titles at the foot of the page is page junk."""
    tail: list[int] = []
    for i in range(len(blocks) - 1, -1, -1):
        if blocks[i].junk is not None:
            if tail:
                break
            continue
        text = blocks[i].text.text
        m = lead_marker(text)
        if m is None or len(text) > LINK_MAX or any(c in text for c in "。！？；;"):
            break
        tail.append(i)
    tail.reverse()
    markers = [lead_marker(blocks[i].text.text) for i in tail]
    ordinals = [m.ordinal for m in markers if m is not None]
    if len(tail) < 2 or ordinals != list(range(1, len(tail) + 1)):
        _mark_trailing_titles(blocks)
        return
    if not any(DOCUMENT_WORD.search(blocks[i].text.text) for i in tail):
        return
    for i in tail:
        blocks[i] = _links(blocks[i])


def _mark_trailing_titles(blocks: list[Block]) -> None:
    """Other articles' titles listed without numbers after the text (`在全市…会议上的讲话`,
    `…工作报告范文`, two or more, each a document's title, prose before them) are page junk."""
    tail: list[int] = []
    i = len(blocks) - 1
    while i >= 0:
        b = blocks[i]
        if b.junk is None:
            text = b.text.text
            if not (is_title_like(text) and DOCUMENT_WORD.search(text)) or b.styled_title:
                break
            tail.append(i)
        i -= 1
    if len(tail) < 2 or i < 0 or blocks[i].junk is not None or is_title_like(blocks[i].text.text):
        return
    for k in tail:
        blocks[k] = _links(blocks[k])


def _links(b: Block) -> Block:
    """A paragraph found to be a link to another article: junk, with the pinyin annotations
    taken out of it (they go to `dropped` as the pinyin of any paragraph does)."""
    return Block(b.text, b.first_line, b.last_line, "related-links", b.pinyin)
