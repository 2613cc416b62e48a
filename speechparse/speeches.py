"""Stage: paragraphs -> speeches (pieces); `heads.py` reads each piece's head.

A file splits at `第一篇：`-style piece headers; elsewhere where a title line (with an optional
`——` subtitle) followed by a salutation opens a new speech after the current one has a body, a
speech's title follows `谢谢大家！`, a report announces the full text that follows (`全文如下：`),
a part of a work has its own dateline, a notice's issued document begins under its title, or a
report's title stands over its author's name line.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import latin, lexicon
from .dates import dateline, find_date, month_day
from .facts import SIGNED, Facts, facts
from .grammar import BY_NAME, TOP_FAMILIES
from .heads import (
    Piece,
    broken_title,
    dated_head,
    head_line,
    key,
    open_latin_piece,
    open_piece,
    title_like,
)
from .junk import PAGE_BREAK
from .lazy import lazy_re, lazy_regex
from .markers import lead_marker
from .meta import TITLE_PARTS
from .paragraphs import Block
from .roles import PIECE_HEADER, is_title_like, presiding
from .textmap import Mapped, Removed

THANKS = lazy_regex(rf"^{lexicon.THANKS}[!！。.]?$")  # how a speech ends
THANKED = lazy_regex(rf"{lexicon.THANKS}[!！。.]?$")  # a speech's last paragraph
NEWS_LEAD = lazy_regex(rf"^{lexicon.NEWS_DAY}[，,]")  # a news item's lead, under its headline
SIGNED_DATE_MAX = 16  # characters of the date line under a signature
THANKS_FIRST = frozenset(lexicon.THANKS_FIRST)
ISSUES = lazy_re(lexicon.ISSUING_VERB)  # (words alone: the standard engine, ~4x faster)
QUOTED = lazy_regex(r"《([^《》]{2,60})》")
HAN = lazy_regex(r"\p{Han}")
HEAD_DATE_WITHIN = 6  # text blocks (title, subtitle, bylines) a speech's head takes
LEAD_PARAGRAPHS = 3  # a report's first paragraphs, which name the speaker of its full text
HEAD_LINES_MAX = 4  # subtitle, bylines and datelines between a title and its salutation
PIECE_HEADER_MAX = 80
TALK_HEADER_MAX = 40
TALK_NAME_WORD = "的"  # what a talk's name holds (`TALK_NAME`): a test before the marker's
TALK_NAME = lazy_regex(rf"{TALK_NAME_WORD}{lexicon.SPEECH_WORD}$")
PIECE_FIRST = frozenset("第【[篇范範例模材讲講精优優")  # what a piece header opens with
RECORD_TURNS_MIN = 3  # speakers' turns in a verbatim record, at the least
RECORD_SPEAKERS_MIN = 2
TURN_SPEECH_MIN = 20  # characters of a turn that opens an agenda item, at the least


@dataclass(slots=True)
class Split:
    pieces: list[Piece]
    dropped: list[tuple[Mapped, str]]
    pinyin: list[Removed]  # annotations taken out of the text blocks


def _anchor(blocks: list[Block], s: int) -> int | None:
    """Index of the title of a speech whose salutation (or subtitle) is at `s`."""
    text = blocks[s].text.text
    f = facts(blocks[s])
    if f.salutation or f.salutation_prefix:
        t = s - 1
        while t >= 0 and s - t <= HEAD_LINES_MAX and head_line(blocks[t]):
            t -= 1
        if f.salutation and f.salutation_label:
            # `行政長官：主席、各位議員：` in a record: the agenda heading above it, past the
            # turns and stage directions between them (`主席：行政長官，請發表施政報告。`)
            while t >= 0 and (facts(blocks[t]).transcript or head_line(blocks[t])):
                t -= 1
    elif (
        f.subtitle
        and not (s + 1 < len(blocks) and facts(blocks[s + 1]).salutation)
        and (TITLE_PARTS.search(text.lstrip(lexicon.DASHES)) or find_date(text))
    ):  # `——在…上的讲话`, `——2024年1月8日在…上`: a subtitle that names a speech
        t = s - 1
    elif (
        0 < s < len(blocks) - 1
        and blocks[s - 1].text.text[:1] in THANKS_FIRST
        and THANKS.match(blocks[s - 1].text.text)
        and TITLE_PARTS.search(text)
        and not title_like(blocks[s + 1])
    ):
        return s  # `谢谢大家！` then `在…上的总结讲话` and its body: the next speech, no salutation
    else:
        return None
    if t >= 0 and title_like(blocks[t]) and not facts(blocks[t]).byline:
        above = blocks[t - 1] if t > 0 else None
        if (
            above is not None
            and title_like(above)
            and not blocks[t].after_junk
            and broken_title(above.text.text, blocks[t].text.text)
        ):
            return t - 1  # the title's first line
        return t
    return None


def _may_anchor(blocks: list[Block], records: list[Facts]) -> list[int]:
    """The blocks `_anchor` may find a title for (what each of its cases asks first): a
    salutation, a subtitle, or a line after one opening as the thanks do."""
    found = []
    last = ""  # the first character of the block before
    for s, f in enumerate(records):
        if f.salutation or f.salutation_prefix or f.subtitle or last in THANKS_FIRST:
            found.append(s)
        last = f.text[:1]
    return found


def _record(records: list[Facts]) -> bool:
    """Is the run a verbatim record of a sitting: turns opened by speakers' labels, several
    speakers, one of them the chair (`主席：…`, `陳偉業議員：…`)?"""
    labels: set[str] = set()
    turns = 0
    for f in records:
        if f.speaker_label:
            turns += 1
            labels.add(_label(f))
    return (
        turns >= RECORD_TURNS_MIN
        and len(labels) >= RECORD_SPEAKERS_MIN
        and any(presiding(label) for label in labels)
    )


def _agenda(blocks: list[Block], records: list[Facts]) -> set[int]:
    """Where the items of a record begin: an agenda heading on a line of its own whose first
    turn (past stage directions) is a speaker's speech (a sentence or more), not the chair's or
    the clerk's, nor the last speaker's going on (`…第 49E(2)條動議的議案` / `梁君彥議員：主席，
    我謹…`; not `下次會議` / `主席：我現在宣布休會。`)."""
    if not _record(records):
        return set()
    found: set[int] = set()
    last = ""  # the label of the last turn read
    for t in range(len(blocks) - 1):
        f = records[t]
        if f.speaker_label:
            last = _label(f)
        if f.transcript or (f.prose and not blocks[t].styled_title):
            continue  # a turn, or a paragraph of prose: no heading (asked first)
        k = t + 1
        while k < len(blocks) and records[k].aside:
            k += 1
        turn = records[k] if k < len(blocks) else None
        if (
            turn is None
            or not turn.speaker_label
            or not (turn.prose or len(turn.seen) - turn.speaker_label >= TURN_SPEECH_MIN)
        ):
            continue  # no speech under it, but a cell or a cry
        if not title_like(blocks[t]) or f.head or len(HAN.findall(f.seen)) < 4:
            continue  # (`(65.79%) 23`: a table's cell, no heading)
        label = _label(turn)
        if not presiding(label) and label != last:  # (not the same speaker going on)
            found.add(t)
    return found


def _label(record: Facts) -> str:
    """The speaker's label opening a record's turn, without its colon."""
    return record.text[: record.speaker_label].rstrip(lexicon.SPACES + lexicon.COLONS)


def _proceedings(records: list[Facts], first: int) -> bool:
    """Are the blocks before a record's first item its proceedings (the chair's turns, the
    papers laid on the table), no speech of their own: opened by a turn, no prose but turns?"""
    opening = next((f for f in records[:first] if not f.table_row), None)
    return (
        opening is not None  # (a Word file's table above the text is page furniture)
        and bool(opening.speaker_label)
        and all(not f.prose or f.transcript for f in records[:first])
    )


def _issued(blocks: list[Block]) -> set[int]:
    """Where a document that a notice issues begins: a title line naming what an earlier
    paragraph issues (`现将《2024年重点工作任务》印发给你们` … `2024年重点工作任务`)."""
    names: set[str] = set()
    found: set[int] = set()
    for t, b in enumerate(blocks):
        text = b.text.text
        if (
            names
            and (b.styled_title or not facts(b).prose)  # (a title's shape, asked first)
            and key(text) in names
            and title_like(b)
            and not facts(b).marker
        ):
            found.add(t)
            names.discard(key(text))
        elif "《" in text and ISSUES.search(text):
            names.update(k for m in QUOTED.finditer(text) if (k := key(m.group(1))))
    return found


def _bare_day(block: Block) -> bool:
    """A line that is a whole date and nothing else (`中華民國八十二年九月十八日`)."""
    dated = facts(block).dateline
    return dated is not None and not dated.rest and dated.iso.count("-") == 2


def _dated_items(blocks: list[Block]) -> set[int]:
    """Where the items of a dated record begin: a file that opens with a bare dateline is a
    record of days (a news office's releases, a diary); each later bare dateline with text
    under it opens the next item."""
    if len(blocks) < 3 or not _bare_day(blocks[0]):
        return set()
    return {
        t
        for t in range(1, len(blocks) - 1)
        if _bare_day(blocks[t]) and not _bare_day(blocks[t + 1])
    }


def _body(block: Block) -> bool:
    """A block of a piece's body: not its title, a head line (subtitle, byline …) or a table's
    row."""
    return not title_like(block) and not head_line(block) and not facts(block).table_row


def _split_run(
    blocks: list[Block],
    records: list[Facts],
    title: Mapped | None,
    dropped: list[tuple[Mapped, str]],
    collect: bool = True,
) -> list[Piece]:
    """Speeches in a run of text blocks (a whole file, or one piece under a header), with
    their records (`records[n]` is `facts(blocks[n])`)."""
    anchors = [t for s in _may_anchor(blocks, records) if (t := _anchor(blocks, s)) is not None]
    if (
        anchors
        and title is None
        and all(title_like(b) or facts(b).table_row for b in blocks[: anchors[0]])
    ):
        first = anchors[0]
        for b in blocks[:first]:
            dropped.append((b.text, "front-matter"))
        blocks = blocks[first:]
        records = records[first:]
        anchors = [t - first for t in anchors]
    # `…致詞全文如下：`: a report is followed by the full text of the speech it reports
    reported = {s for s in range(1, len(blocks)) if records[s - 1].full_text_follows}
    # a title with its own dateline opens a piece of a collection (the pieces of a file with
    # piece headers are the headers' own)
    # (a paragraph of prose under it is neither a dateline nor a bracketed subtitle, and one
    # of prose is no title unless its source marks it so: not asked; nor is a title over any
    # other line, `dated_head`'s first question)
    dated = (
        {
            t
            for t in range(1, len(blocks) - 1)
            if not (below := records[t + 1]).prose
            and (not records[t].prose or blocks[t].styled_title)
            and (below.dateline is not None or below.paren_subtitle)
            and dated_head(blocks, t)
        }
        if collect
        else set()
    )
    issued = _issued(blocks) if collect else set()
    # a record of dated items, each under its bare dateline (`中華民國八十二年九月十八日`)
    days = _dated_items(blocks) if collect else set()
    # a report's title with its author's name line under it (`述职报告` / `科长　李强`); not a
    # table's caption over its cells, one a line (`分年度投资计划` / `年度` / `合 计` / …)
    signed = {
        t
        for t in range(1, len(blocks) - 1)
        if not records[t + 1].prose  # (a byline is no paragraph of prose: asked first)
        and records[t].names_document  # (one search of a short line)
        and records[t + 1].byline
        and records[t + 1].dateline is None
        and title_like(blocks[t])
        and not (t + 2 < len(blocks) and records[t + 2].byline)
    }
    # a line the source marks as a title (a Word `Title`, a Markdown `# ` heading, a news
    # item's headline cut from its lead) opens the text it heads
    marked = (
        {t for t in range(1, len(blocks)) if blocks[t].styled_title and _heads_a_text(blocks, t)}
        if collect
        else set()
    )
    # a signed release after a speech: past the speech's thanks, a text that ends in its
    # issuer's signature
    appended = {released} if collect and (released := _released(blocks)) is not None else set()
    # a translation appended to the text: a run of prose in another script (`latin.py`)
    switched = latin.switches(blocks) if collect else set()
    # a record's agenda items, each opened by a speaker's turn under its heading
    items = _agenda(blocks, records) if collect else set()
    starts = [0]
    found = {*anchors, *reported, *dated, *issued, *signed, *days, *switched, *marked, *appended}
    for t in sorted(found | items):
        if t > starts[-1] and any(_body(blocks[n]) for n in range(starts[-1], t)):
            starts.append(t)  # a piece begins where a body stands between it and the last
    for n in range(1, len(starts)):  # `附件1` over an appended document's title opens it
        if starts[n] - 1 > starts[n - 1] and facts(blocks[starts[n] - 1]).appended_label:
            starts[n] -= 1
    if (
        len(starts) > 1
        and title is None
        and starts[1] in {*items, *anchors}
        and _proceedings(records, starts[1])
        and _record(records)
    ):
        dropped.extend((b.text, "proceedings") for b in blocks[: starts[1]])
        starts.pop(0)  # the chair's turns and the papers before the first item: no speech
    pieces: list[Piece] = []
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(blocks)
        given = title if n == 0 else None
        if start < end and latin.is_latin(blocks[start].text.text):
            piece = open_latin_piece(blocks[start:end], given)
        else:
            piece = open_piece(blocks[start:end], given, dropped)
        if start in dated and pieces and piece.collection is None:
            piece.collection = pieces[-1].collection  # the parts of one collection
        if start in reported and pieces:
            piece.date = piece.date or pieces[-1].date  # the report's dateline dates the speech
            report = [b.text.text for b in pieces[-1].body if facts(b).dateline is None]
            piece.lead = report[:LEAD_PARAGRAPHS]  # and names who, and where
            piece.announced_by = blocks[start - 1].text.text
        pieces.append(piece)
    return pieces


def _heads_a_text(blocks: list[Block], t: int) -> bool:
    """Does the marked title line at `t` head a text of its own: it names a document (`…的讲话`),
    a head line or a salutation stands under it, or a news lead opening with its day
    (`今(4)日，…`)? A file's later `# ` headings without these (`# 总体要求`) are its sections."""
    f = facts(blocks[t])
    if f.marker:
        return False
    if f.names_document:
        return True
    if t + 1 >= len(blocks):
        return False
    below = facts(blocks[t + 1])
    return below.head or below.salutation or NEWS_LEAD.match(below.seen) is not None


def _released(blocks: list[Block]) -> int | None:
    """Where a signed text after a speech begins: the run ends in a signature (an issuer's
    line, `facts.signature`, and a short date line under it), and paragraphs of prose stand
    between it and a paragraph that ends in the speaker's thanks (`…謝謝各位。`): a release
    the page printed after the speech (`有關…` … `總統府發言人室　提供` / `八二、十二、卅一`).
    The signature hands the text over (`提供`, `謹啟`): a byline or an issuer's name alone at
    the foot signs the speech itself, whose thanks may end its opening paragraph."""
    sign = len(blocks) - 1
    last = blocks[sign].text.text if blocks else ""
    if len(last) > SIGNED_DATE_MAX or any(c in lexicon.FULL_STOPS for c in last):
        return None
    sign -= 1  # the date under the signature
    if sign < 2:
        return None
    signed = facts(blocks[sign])
    if not signed.signature or SIGNED.match(signed.seen) is None:
        return None  # handed over (`…　提供`): a speaker's byline or an office signs a speech
    for n in range(sign - 1, 0, -1):
        if not facts(blocks[n]).prose:
            return None
        if THANKED.search(blocks[n - 1].text.text):
            return n
    return None


def _signing_dates(blocks: list[Block]) -> dict[int, str]:
    """The days texts were signed: a bare date line under the issuing body's name that closes
    a text (a notice's or a letter's signature: `某市人民政府办公室` / `2024年3月1日`), by the
    first line of the name's block. (The date line stays the page's publish line too.)"""
    found: dict[int, str] = {}
    name: Block | None = None  # the last text block read (the issuer's name, perhaps)
    text: Block | None = None  # the text block before it (the text it signs)
    for b in blocks:
        if not b.junk:
            text, name = name, b
            continue
        if b.junk != "publish-line" or "年" not in b.text.text:
            continue
        if name is None or text is None or not facts(name).issuer or not facts(text).prose:
            continue
        dated = dateline(b.text.text)
        if dated is not None and not dated.rest and dated.iso.count("-") == 2:
            found[name.first_line] = dated.iso
    return found


def _date_signed(pieces: list[Piece], signed: dict[int, str]) -> list[Piece]:
    """An undated piece ending in a signature with a date under it is dated by it: a date the
    page rules took for its publish line (`signed`, by the signature's first line), or one
    left in the text (`…发言人室　提供` / `二〇二四年二月二十日`)."""
    for piece in pieces:
        body = piece.body
        if piece.date is not None or not body:
            continue
        if body[-1].first_line in signed:
            piece.date = signed[body[-1].first_line]
        elif len(body) >= 2 and facts(body[-2]).signature:
            foot = facts(body[-1]).dateline
            piece.date = foot.iso if foot is not None and not foot.rest else None
    return pieces


def _head_dates(blocks: list[Block]) -> list[Block]:
    """A bare date line written out (`2026年1月28日`) that page rules took for a publish line
    but that stands in a speech's head is the speech's dateline: it is text again. In a head:
    only a title, subtitle and bylines above it at the top of the file, or a byline above it
    and a salutation under it further down (the next speech's head). (A page's stamp,
    `2024-10-08`, stays a publish line.)"""
    out = list(blocks)
    if not any(b.junk == "publish-line" and "年" in b.text.text for b in blocks):
        return out  # (most files: no date line written out among their publish lines)
    seen = 0  # text blocks before it, all of them head lines so far
    in_body = False
    for n, b in enumerate(out):
        if not b.junk:
            if not in_body and not (title_like(b) or facts(b).head or facts(b).table_row):
                in_body = True  # the body has begun
            seen += 1
            continue
        if b.junk != "publish-line" or "年" not in b.text.text:
            continue
        if in_body and not _between_byline_and_salutation(out, n):
            continue
        if not in_body and not 0 < seen <= HEAD_DATE_WITHIN:
            continue
        dated = dateline(b.text.text)
        if dated is not None and not dated.rest and "-" in dated.iso:
            out[n] = Block(b.text, b.first_line, b.last_line, None, b.pinyin, b.styled_title)
    return out


def _between_byline_and_salutation(blocks: list[Block], n: int) -> bool:
    """Does the line at `n` stand right under a byline and over a salutation?"""
    above = next((blocks[k] for k in range(n - 1, -1, -1) if not blocks[k].junk), None)
    below = next((blocks[k] for k in range(n + 1, len(blocks)) if not blocks[k].junk), None)
    return (
        above is not None
        and below is not None
        and facts(above).byline
        and (facts(below).salutation or bool(facts(below).salutation_prefix))
    )


def _talk(f: Facts) -> int | None:
    """The number of a talk of a collection headed by its number and its name
    (`一　一月十八日的讲话`, `二、在闭幕会上的讲话`), or None; `f` is a short line's record
    opening with a marker (see `_talks`)."""
    found = lead_marker(f.seen)
    if found is None or found.kind not in TOP_FAMILIES or BY_NAME[found.kind].unit is not None:
        return None
    name = f.seen[found.end :].strip(lexicon.SPACES + "、，,.．")
    return found.ordinal if TALK_NAME.search(name) and is_title_like(name) else None


def _talks(records: list[Facts]) -> list[int]:
    """Where the talks of a collection begin: two or more headers numbered from one (short
    lines naming a talk, `…的讲话`, that open with a marker, each asked by `_talk`)."""
    found = [
        (i, n)
        for i, f in enumerate(records)
        if not f.prose
        and len(f.seen) <= TALK_HEADER_MAX
        and TALK_NAME_WORD in f.seen
        and f.marker
        and (n := _talk(f)) is not None
    ]
    if len(found) < 2 or [n for _, n in found] != list(range(1, len(found) + 1)):
        return []
    return [i for i, _ in found]


def _split_talks(text: list[Block], talks: list[int], dropped: list[tuple[Mapped, str]]) -> Split:
    """A collection of talks under one title and dateline (`在…会议上的讲话` / `（一九五七年一月）`
    / `一　一月十八日的讲话` … `二　一月二十七日的讲话` …): each talk a piece named by its header,
    the whole's title its occasion, its dateline's year the year of each talk's day."""
    head = text[: talks[0]]
    whole = next((b.text.text for b in head if title_like(b) and not facts(b).head), None)
    year = next((d.iso for b in head if (d := facts(b).dateline) is not None), None)
    for b in head:
        dropped.append((b.text, "collection-head"))
    pieces: list[Piece] = []
    for n, h in enumerate(talks):
        end = talks[n + 1] if n + 1 < len(talks) else len(text)
        header = text[h].text
        found = lead_marker(header.text)
        assert found is not None
        dropped.append((header.slice(0, found.end), "talk-number"))
        name = header.slice(found.end, len(header.text)).strip()
        piece = open_piece(text[h + 1 : end], name, dropped)
        piece.collection = whole
        piece.date = piece.date or month_day(name.text, year) or year
        pieces.append(piece)
    return Split(pieces, dropped, [])


def _text(blocks: list[Block]) -> list[Block]:
    """The text blocks, each told whether page junk (not a page break) stands right above it."""
    out: list[Block] = []
    junk_above = False
    for b in blocks:
        if b.junk:
            junk_above = junk_above or b.junk not in PAGE_BREAK
            continue
        b.after_junk = junk_above
        junk_above = False
        out.append(b)
    return out


def split(blocks: list[Block]) -> Split:
    """Split a file's blocks into speeches; junk blocks go to `dropped` with their reason."""
    blocks = _head_dates(blocks)
    signed = _signing_dates(blocks)
    dropped: list[tuple[Mapped, str]] = [(b.text, b.junk) for b in blocks if b.junk]
    pinyin = [p for b in blocks if b.pinyin for p in b.pinyin]
    text = _text(blocks)
    records = [facts(b) for b in text]  # (asked of each block by the split's tests)
    headers = [
        i
        for i, b in enumerate(text)
        if b.text.text[:1] in PIECE_FIRST
        and len(b.text.text) <= PIECE_HEADER_MAX
        and not any(c in b.text.text for c in lexicon.FULL_STOPS)  # `第三篇，是从…选出的。`
        and PIECE_HEADER.match(b.text.text)
    ]
    if not headers:
        talks = _talks(records)
        if talks:
            done = _split_talks(text, talks, dropped)
            return Split(done.pieces, dropped, pinyin)
        run = _split_run(text, records, None, dropped)
        return Split(_date_signed(run, signed), dropped, pinyin)
    for b in text[: headers[0]]:
        dropped.append((b.text, "front-matter"))
    pieces: list[Piece] = []
    for n, h in enumerate(headers):
        end = headers[n + 1] if n + 1 < len(headers) else len(text)
        head = text[h].text
        m = PIECE_HEADER.match(head.text)
        assert m is not None
        dropped.append((head.slice(0, m.end()).strip(), "piece-header"))
        rest = head.slice(m.end(), len(head.text)).strip()
        title = rest if rest.text else None  # `【篇一】` alone: the title is on the next line
        run = _split_run(text[h + 1 : end], records[h + 1 : end], title, dropped, collect=False)
        pieces.extend(run)
    return Split(_date_signed(pieces, signed), dropped, pinyin)
