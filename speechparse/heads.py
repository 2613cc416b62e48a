"""Stage part: the head of one piece — its title, subtitle, bylines, date and salutation.

A piece's title is the last title-like line before its body (the lines above it — page
headlines, a collection's title — and repeats of it are page junk, kept in `dropped`); under it
stand the subtitle, bylines and datelines (`facts.Facts.head`), then the salutation. A work in
parts gives each part its own title and dateline; a title may carry its dateline, a label, a
column tag or a footnote mark, which are taken off it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import latin, lexicon
from .dates import dateline, find_date
from .facts import COLUMN_TAG, facts, is_title
from .lazy import lazy_regex
from .meta import TITLE_PARTS
from .numerals import CHINESE, DIGITS
from .paragraphs import Block
from .roles import is_byline, is_salutation
from .textmap import Mapped

HAN = lazy_regex(r"[\p{Han}0-9]")
LABEL_PREFIX = lazy_regex(r"^\s*[【\[][^】\]]{1,8}[】\]]\s*")  # 【讲话稿】, [范文]
LABEL_WORD = lazy_regex(lexicon.LABEL_WORD)
NAME_PREFIX = lazy_regex(r"^(?P<who>\p{Han}{2,12}?)\s*[：:]\s*(?=在|于|於)")
DASH = "——"
# a title naming a document, then spaces and its speaker's byline (`在…上的讲话　张三`)
NAME_SUFFIX = lazy_regex(
    rf"^(?P<title>.{{4,80}}?{lexicon.DOCUMENT_WORD})[ \t\u3000]+(?P<who>[^ \t\u3000].{{1,20}})$"
)
# A title ending in its dateline, perhaps with the speaker's name after it.
DATED_TITLE = lazy_regex(
    r"^(?P<title>[^（(]{4,80}?)\s*(?P<date>[（(][^（）()]{6,24}[）)])\s*(?P<who>\p{Han}{2,3})?$"
)
GLUED_TITLE_MIN, GLUED_TITLE_MAX = 4, 80  # characters of a title glued to its dateline
GLUED_HEAD = lazy_regex(
    rf"^(?P<title>[^。！？（(]{{{GLUED_TITLE_MIN},{GLUED_TITLE_MAX}}}?)"
    r"(?P<date>[（(][^（）()]{6,24}[）)])"
)
NAME_AFTER = lazy_regex(
    rf"\s*(?P<role>\p{{Han}}{{0,12}}?{lexicon.ROLE_WORD}\s*)?(?P<name>\p{{Han}}{{3}})"
)
SALUTATION_START = lazy_regex(r"同志|各位|女士|尊敬|朋友|大家|老师|同学")
NOTE_MARK = lazy_regex(r"\s*(?:\[\d{1,2}\]|〔\d{1,2}〕|[⑴-⒇①-⑳※]|\*{1,2})$")  # a footnote's mark
LETTER_SPACED = lazy_regex(r"^\p{Han}(?:[ \t\u3000]+\p{Han}){1,15}$")
SPACE_RUN = lazy_regex(r"[ \t\u3000]+")
# `第二 我省…的要求`: an ordinal and a space before a title of at least a phrase
SERIES_ORDINAL = lazy_regex(rf"^第{CHINESE.pattern}[ \t\u3000]+(?=[^ \t\u3000]{{4}})")
APPENDIX_LABEL = lazy_regex(
    rf"^(?:附录|附錄)\s*(?:{CHINESE.pattern}|{DIGITS.pattern})?\s*[:：、]\s*"
)
PUBLICATION_END = lazy_regex(lexicon.PUBLICATION_VERB + "$")
RECORD_SPEAKER_SHARE = 0.9  # of an item's words, the share its one speaker says
LATE_SALUTATION_MAX = 3  # notes between the head and a salutation
SALUTATION_CARRIES = frozenset("，,、")  # a salutation's line ending in one goes on
HEAD_LINES_MAX = 3  # issuer, dateline, document number above a title
# an office doing something at an event (`總統主持…`, `市长出席…`): its object is on the next line
ATTENDS = lazy_regex(
    rf"^\p{{Han}}{{0,8}}?{lexicon.ROLE_WORD}\p{{Han}}{{0,3}}?"
    r"(?:主持|出席|参加|參加|蒞臨|莅临|接見|接见|会见|會見|视察|視察)"
)
DOCUMENT_END = lazy_regex(rf"(?:{lexicon.SPEECH_WORD}|資料|资料|材料|稿)$")
# A slogan in parts set as a title's first line (`凝心聚力　真抓实干`): phrases of four or more
# characters (a byline's name has two or three)
SLOGAN_PARTS = lazy_regex(r"^\p{Han}{4,8}(?:[ \t\u3000]+\p{Han}{4,8}){1,3}$")
TITLE_OPEN_END = frozenset(lexicon.TITLE_OPEN_END)  # a title line ending in one of these goes on
TITLE_OPEN_START = frozenset(lexicon.TITLE_OPEN_START)  # a line opening with one carries on


@dataclass(slots=True)
class Piece:
    title: Mapped | None = None
    subtitle: Mapped | None = None
    salutation: Mapped | None = None
    body: list[Block] = field(default_factory=list)
    bylines: list[str] = field(default_factory=list)
    date: str | None = None  # ISO, from a dateline under the title
    lead: list[str] = field(default_factory=list)  # the report a speech's full text follows
    announced_by: str | None = None  # the report's line announcing it (`郭部長專題報告全文為：`)
    collection: str | None = None  # the title of the whole this piece belongs to
    speaker_label: str | None = None  # a record's label before the salutation (`行政長官`)
    record: bool = False  # a record's item: its speakers are named by the labels of their turns
    occasion: str | None = None  # as the speech's record states it (`会议：…`)


def key(text: str) -> str:
    return "".join(HAN.findall(text))


def _repeats(text: str, title: Mapped | None) -> bool:
    """Does a line repeat the title (as `文章标题：…` or `…范文`, say)?"""
    if title is None:
        return False
    a, b = key(text), key(title.text)
    return bool(a and b) and (b in a or a in b)


def title_like(block: Block) -> bool:
    return is_title(block)


def head_line(block: Block) -> bool:
    """A line that may stand between a title and the body: subtitle, byline, dateline."""
    return facts(block).head


def _name_prefix(title: Mapped, piece: Piece, dropped: list[tuple[Mapped, str]]) -> Mapped:
    """`张三：在…上的讲话`: the speaker's name goes to the bylines; the title is what follows.
    A site's label before it (`【讲话稿】在…上的讲话`) is page junk."""
    label = LABEL_PREFIX.match(title.text)
    if label is not None and label.end() < len(title.text):
        dropped.append((title.slice(0, label.end()).strip(), "title-label"))
        title = title.slice(label.end(), len(title.text)).strip()
    column = COLUMN_TAG.match(title.text)  # `要闻 | 标题`: the site's column
    if column is not None and column.end() < len(title.text):
        dropped.append((title.slice(0, column.end()).strip(), "column-tag"))
        title = title.slice(column.end(), len(title.text)).strip()
    found = NAME_PREFIX.match(title.text)
    if found is None:
        return title
    if LABEL_WORD.search(found["who"]):  # `参考范文：在…上的讲话`: a site's label, no speaker
        dropped.append((title.slice(0, found.end()), "title-label"))
    else:
        piece.bylines.append(found["who"])
        dropped.append((title.slice(0, found.end()), "speaker-prefix"))
    return title.slice(found.end(), len(title.text)).strip()


def _name_suffix(title: Mapped, piece: Piece, dropped: list[tuple[Mapped, str]]) -> Mapped:
    """`在…上的讲话　张三`: the speaker's byline set after the title on its line goes to the
    bylines (kept in `dropped` as `speaker-suffix`); the title is what comes before it.

    >>> piece, dropped = Piece(), []
    >>> _name_suffix(Mapped.verbatim("在全县会议上的讲话  县长 张建华", 0), piece, dropped).text
    '在全县会议上的讲话'
    >>> piece.bylines, _name_suffix(Mapped.verbatim("坚定信心 真抓实干", 0), piece, []).text
    (['县长 张建华'], '坚定信心 真抓实干')
    """
    found = NAME_SUFFIX.match(title.text)
    if found is None or not is_byline(found["who"]):
        return title
    piece.bylines.append(found["who"])
    dropped.append((title.slice(found.start("who"), len(title.text)), "speaker-suffix"))
    return title.slice(0, found.end("title")).strip()


def _inline_subtitle(title: Mapped) -> tuple[Mapped, Mapped | None]:
    """`凝心聚力开创新局面——在全市经济工作会议上的讲话` on one line: the title, and the subtitle
    that names the speech (a dash inside a title that names none stays in it)."""
    cut = title.text.find(DASH, 1)
    if cut < 0 or not TITLE_PARTS.search(title.text[cut:].lstrip("—")):
        return title, None
    return title.slice(0, cut).strip(), title.slice(cut, len(title.text)).strip()


def broken_title(first: str, second: str) -> bool:
    """Are two title lines one title broken in two (a long title set on two lines)? Yes when
    only together they name a speech's occasion, or when the break falls after an open word.

    >>> broken_title("在2024中国国际数字经济博览会", "开幕式上的致辞")
    True
    >>> broken_title("关于全面推进乡村振兴", "的实施方案")
    True
    >>> broken_title("讲话稿范文", "在全市会议上的讲话")
    False
    >>> broken_title("總統主持三軍五校", "八十二年班畢業典禮餐會講話參考資料")
    True
    >>> broken_title("凝心聚力　真抓实干", "奋力开创高质量发展新局面")
    True
    """
    if first[-1] in TITLE_OPEN_END or second[0] in TITLE_OPEN_START:
        return True
    if ATTENDS.match(first) and DOCUMENT_END.search(second) and not DOCUMENT_END.search(first):
        return True  # `總統主持三軍五校` / `八十二年班畢業典禮餐會講話參考資料`
    if SLOGAN_PARTS.match(first) and TITLE_PARTS.search(second) is None:
        return True  # `凝心聚力　真抓实干` / `奋力开创…新局面`
    return (
        TITLE_PARTS.search(first + second) is not None
        and TITLE_PARTS.search(second) is None
        and TITLE_PARTS.search(first) is None
    )


def _title_candidate(block: Block, under_a_title: bool) -> bool:
    """A line that may be the title (or a page headline above it); under a title, bylines and
    subtitles are not."""
    f = facts(block)
    if not title_like(block) or f.salutation:
        return False
    return not (f.head if under_a_title else f.paren_subtitle)


def _without_note_mark(title: Mapped, dropped: list[tuple[Mapped, str]]) -> Mapped:
    """A title without the footnote mark after it (`…统计公报[1]`, `…的讲话⑴`), kept in
    `dropped` as `note-mark`."""
    found = NOTE_MARK.search(title.text)
    if found is None or found.start() == 0:
        return title
    dropped.append((title.slice(found.start(), len(title.text)), "note-mark"))
    return title.slice(0, found.start()).strip()


def _above_title(blocks: list[Block], i: int) -> list[Block]:
    """The head lines standing above a title (an issuer, a dateline, a document number, the
    fields of the speech's record: `讲话人：王五`; not a byline: `第三` over a title is a series'
    ordinal), when a title follows them."""
    k = i
    while k < len(blocks) and k - i < HEAD_LINES_MAX:
        f = facts(blocks[k])
        if not (f.issuer or f.doc_number or f.dateline is not None or f.speech_field) or (
            f.subtitle
        ):
            break
        k += 1
    if k == i or k >= len(blocks) - 1 or not _title_candidate(blocks[k], False):
        return []
    return blocks[i:k]


def _record_salutation(blocks: list[Block], i: int) -> int | None:
    """Where a record's labelled salutation (`行政長官：主席、各位議員：`) stands after the turns
    and stage directions from `i` on (`主席：行政長官，請發表施政報告。`), or None."""
    for k in range(i, len(blocks)):
        f = facts(blocks[k])
        if f.salutation and f.salutation_label:
            return k
        if not f.transcript:
            return None
    return None


def _read_head(blocks: list[Block], i: int, piece: Piece) -> int:
    """Read the subtitle, bylines and datelines from `i` on; where the body begins (a record's
    stage direction is no head line when the speech's labelled salutation follows it)."""
    while (
        i < len(blocks)
        and head_line(blocks[i])
        and not (facts(blocks[i]).transcript and _record_salutation(blocks, i) is not None)
    ):
        text, f = blocks[i].text.text, facts(blocks[i])
        if piece.subtitle is None and (f.subtitle or f.paren_subtitle):
            piece.subtitle = blocks[i].text
            dated = find_date(text)  # `——2024年1月8日在…上`
            if dated is not None and piece.date is None and "-" in dated.iso:
                piece.date = dated.iso
        elif f.speech_field is not None:
            _record_field(f.speech_field, piece)
            piece.body.append(blocks[i])
        elif f.dateline is not None:
            piece.date = piece.date or f.dateline.iso
            rest = f.dateline.rest
            if rest and is_byline(rest) and not PUBLICATION_END.search(rest):
                piece.bylines.append(rest)  # `（二〇〇五年五月四日）李四`, not `… 施行`
            piece.body.append(blocks[i])
        else:
            piece.bylines.append(text)
            piece.body.append(blocks[i])
        i += 1
    return i


def _record_field(field: tuple[str, str], piece: Piece) -> None:
    """What a field of the speech's record says: its speaker (a byline), date or occasion."""
    kind, value = field
    if kind == "speaker":
        piece.bylines.append(value)
    elif kind == "date":
        dated = find_date(value)
        piece.date = piece.date or (dated.iso if dated is not None else None)
    elif kind == "occasion":
        piece.occasion = piece.occasion or value


def dated_head(blocks: list[Block], t: int) -> bool:
    """A title line with its own dateline under it (`引　　言` / `（一九四二年五月二日）`,
    `附录：关于…的决议` / `（…通过）`): where a piece of a collection begins."""
    if t + 1 >= len(blocks):
        return False
    below = facts(blocks[t + 1])
    if below.dateline is None and not below.paren_subtitle:
        return False  # (most lines: asked first)
    if not (title_like(blocks[t]) or facts(blocks[t]).section_word):
        return False
    f = facts(blocks[t])
    if f.dateline is not None or (f.head and not f.section_word) or f.signature:
        return False  # (a signature over its date closes a text, it heads none)
    if below.dateline is not None:
        if "-" not in below.dateline.iso and below.seen[:1] not in lexicon.OPEN_BRACKETS:
            return False  # `2016年` alone: a table's cell, not a part's dateline
        return not below.dateline.rest or PUBLICATION_END.search(below.dateline.rest) is not None
    return below.paren_subtitle and find_date(below.seen) is not None


def _unspaced(title: Mapped) -> Mapped:
    """A letter-spaced title (`引　　言`, `政 府 工 作 报 告`) without its spaces.

    >>> _unspaced(Mapped.verbatim("政 府 工 作 报 告", 0)).text
    '政府工作报告'
    """
    if not LETTER_SPACED.match(title.text):
        return title
    return title.cut([m.span() for m in SPACE_RUN.finditer(title.text)])[0]


def _without_label(title: Mapped, dropped: list[tuple[Mapped, str]]) -> Mapped:
    """A title without the label of an appended piece (`附录：`), kept in `dropped`."""
    found = APPENDIX_LABEL.match(title.text)
    if found is None or found.end() >= len(title.text):
        return title
    dropped.append((title.slice(0, found.end()), "appendix-label"))
    return title.slice(found.end(), len(title.text)).strip()


def _without_ordinal(title: Mapped, dropped: list[tuple[Mapped, str]]) -> Mapped:
    """A title without the ordinal that numbers it in a series of pages (`第二 我省…的要求`),
    kept in `dropped`."""
    found = SERIES_ORDINAL.match(title.text)
    if found is None:
        return title
    dropped.append((title.slice(0, found.end()), "series-ordinal"))
    return title.slice(found.end(), len(title.text)).strip()


def _salutation_head(block: Block) -> bool:
    """The first line of a salutation set on two (`尊敬的各位来宾，` / `女士们、先生们：`)."""
    text = facts(block).seen
    return text[-1:] in SALUTATION_CARRIES and is_salutation(text[:-1] + "：")


def _late_salutation(blocks: list[Block], i: int) -> int | None:
    """Where a salutation line stands a few paragraphs below the head (after notes such as
    `录入者注：…` or `〔…〕`, with no heading or salutation before it), or None."""
    for k in range(i + 1, min(len(blocks), i + 1 + LATE_SALUTATION_MAX)):
        above = facts(blocks[k - 1])
        if above.salutation or above.speaker_label:
            return None  # (a record's turn: the speech has begun)
        if facts(blocks[k]).salutation:  # (a heading before it, or at it: no salutation)
            return None if any(facts(b).marker for b in blocks[i + 1 : k + 1]) else k
    return None


def _dated_title(title: Mapped, piece: Piece) -> tuple[Mapped, Mapped | None]:
    """A title that ends in its dateline (and the speaker's name): the date and name taken out.

    The dateline stays in the text: the title's span ends before it, and it is read again as
    the speech's date; the title keeps only what names the speech.
    """
    found = DATED_TITLE.match(title.text)
    if found is None:
        return title, None
    dated = dateline(found["date"])
    if dated is None or dated.rest:
        return title, None
    piece.date = piece.date or dated.iso
    if found["who"]:
        piece.bylines.append(found["who"])
    cut = title.slice(found.start("date"), len(title.text)).strip()
    return title.slice(0, found.end("title")).strip(), cut


def _glued_head(block: Block, piece: Piece) -> list[Block]:
    """`在…上的讲话（2020年2月3日）习近平同志们：…`: a title, its dateline and the speaker's
    name glued to the first sentence (a page that lost its line breaks). Returns the block with
    dateline and name as a block of their own, and the rest; empty if there is no such head.
    """
    text = block.text.text
    opening = text[GLUED_TITLE_MIN : GLUED_TITLE_MAX + 1]  # where the dateline's bracket stands
    if "（" not in opening and "(" not in opening:
        return []  # (most paragraphs: asked before the pattern)
    found = GLUED_HEAD.match(text)
    if found is None or TITLE_PARTS.search(found["title"]) is None:
        return []
    dated = dateline(found["date"])
    if dated is None:
        return []
    end = found.end("date")
    who = NAME_AFTER.match(text, end)
    if who is not None:
        name = who["name"]
        if len(name) == 3 and SALUTATION_START.match(text, who.start("name") + 2):
            name = name[:2]  # `李鹏同志们：`
        piece.bylines.append((who["role"] or "") + name)
        end = who.start("name") + len(name)
    piece.title = block.text.slice(0, found.end("title")).strip()
    piece.date = dated.iso
    head = block.text.slice(found.end("title"), end).strip()
    rest = block.text.slice(end, len(text)).strip()
    parts = [Block(head, block.first_line, block.first_line)]
    if rest.text:  # the name may end the line (`…的讲话（2020年9月8日）习近平`)
        parts.append(Block(rest, block.first_line, block.last_line))
    return parts


def open_piece(
    blocks: list[Block], title: Mapped | None, dropped: list[tuple[Mapped, str]]
) -> Piece:
    """A speech over `blocks`: take its title, subtitle and salutation from the top."""
    piece = Piece(title=title)
    i = 0
    # A table above the title (a Word file's furniture): page junk when a title follows it.
    while i < len(blocks) and facts(blocks[i]).table_row:
        i += 1
    # An issuer, a dateline or a document number above the title (`区委办公室` / title): read
    # as the head lines under a title are, once the title is found.
    above = _above_title(blocks, i) if title is None else []
    if i and i + len(above) < len(blocks) and _title_candidate(blocks[i + len(above)], False):
        dropped.extend((b.text, "front-matter") for b in blocks[:i])
    else:
        i, above = 0, _above_title(blocks, 0) if title is None else []
    i += len(above)
    # Leading title-like lines: the last one before the body is the title, unless a header gave it.
    lead: list[Block] = []
    while i < len(blocks) and _title_candidate(blocks[i], bool(lead)):
        lead.append(blocks[i])
        i += 1
    if title is None and lead:
        below = lead.pop()
        last = below.text
        if lead and not below.after_junk and broken_title(lead[-1].text.text, last.text):
            last = lead.pop().text + last
        piece.title = _name_suffix(_name_prefix(last, piece, dropped), piece, dropped)
        piece.title, piece.subtitle = _inline_subtitle(piece.title)
        for b in lead:
            reason = "appendix-label" if facts(b).appended_label else "front-matter"
            dropped.append((b.text, reason))
    else:
        for b in lead:
            if _repeats(b.text.text, title):
                dropped.append((b.text, "title-repeat"))
            else:
                piece.body.append(b)
    date_above = None
    if above and piece.title is None:  # no title under them after all: they open the body
        i -= len(above)
    elif above:
        _read_head(above, 0, piece)
        date_above, piece.date = piece.date, None  # a dateline under the title says more
    if piece.title is not None:
        piece.title = _without_label(_without_note_mark(piece.title, dropped), dropped)
        piece.title = _without_ordinal(piece.title, dropped)
        piece.title = _unspaced(piece.title)
    if piece.title is not None and title is None:
        piece.title, date_cut = _dated_title(piece.title, piece)  # `在…上的讲话（2024年1月8日）`
        if date_cut is not None and date_cut.text:
            line = blocks[i - 1].last_line if i else 0
            piece.body.append(Block(date_cut, line, line))  # the dateline, as written
    elif i < len(blocks) and (glued := _glued_head(blocks[i], piece)):
        blocks = [*blocks[:i], *glued, *blocks[i + 1 :]]  # `标题（日期）姓名正文…` on one line
        if piece.title is not None:
            piece.title, piece.subtitle = _inline_subtitle(piece.title)
    # Subtitle, bylines and datelines between the title and the body.
    i = _read_head(blocks, i, piece)
    piece.date = piece.date or date_above
    if i < len(blocks) - 1 and dated_head(blocks, i):
        # `在延安文艺座谈会上的讲话` / dateline / `引言` / its own dateline: the first title names
        # the whole, the second this piece (its dateline the more precise)
        if piece.title is not None:
            piece.collection = piece.title.text
            piece.body.append(Block(piece.title, blocks[0].first_line, blocks[0].last_line))
        piece.title = _unspaced(_without_label(blocks[i].text, dropped))
        piece.subtitle, piece.date = None, None
        i = _read_head(blocks, i + 1, piece)
    late = _late_salutation(blocks, i)
    if late is None and i < len(blocks) and facts(blocks[i]).transcript:
        late = _record_salutation(blocks, i)  # the turns between the heading and the speech
    if late is not None:  # after a note or two left by an editor, a typist or a page
        if late - 1 >= i and _salutation_head(blocks[late - 1]):
            late -= 1
        piece.body.extend(blocks[i:late])
        i = late
    if i + 1 < len(blocks) and _salutation_head(blocks[i]) and facts(blocks[i + 1]).salutation:
        piece.salutation = blocks[i].text + blocks[i + 1].text  # over two lines
        i += 2
    elif i < len(blocks) and facts(blocks[i]).salutation:
        piece.salutation = blocks[i].text
        label = facts(blocks[i]).salutation_label
        if label:  # `行政長官：主席、…：`: who speaks, then whom the speech addresses
            said = piece.salutation
            dropped.append((said.slice(0, label).strip(), "speaker-label"))
            piece.speaker_label = said.text[:label].rstrip(lexicon.SPACES + lexicon.COLONS)
            piece.salutation = said.slice(label, len(said.text)).strip()
        i += 1
    elif (
        i < len(blocks)
        and (cut := facts(blocks[i]).salutation_prefix or facts(blocks[i]).vocative_prefix)
        and not _turn(blocks, i, cut)
    ):
        b = blocks[i]
        piece.salutation = b.text.slice(0, cut)
        piece.body.append(
            Block(b.text.slice(cut, len(b.text.text)).strip(), b.first_line, b.last_line)
        )
        i += 1
    piece.body.extend(blocks[i:])
    if piece.speaker_label is not None or (i < len(blocks) and facts(blocks[i]).speaker_label):
        piece.record = True
        piece.speaker_label = piece.speaker_label or _record_speaker(piece.body)
    return piece


def _turn(blocks: list[Block], i: int, cut: int) -> bool:
    """Is what opens paragraph `i` up to `cut` a record's speaker label (`李四委员：主席，…`, more
    turns after it), not a salutation (`李四委员：您好！` opening a letter)?"""
    return cut == facts(blocks[i]).speaker_label and any(
        facts(b).speaker_label for b in blocks[i + 1 :]
    )


def _record_speaker(body: list[Block]) -> str | None:
    """The speaker of a record's item: the label whose turns hold nearly all its words (the
    Financial Secretary's Budget, interrupted by a member's cry and the chair), or None when
    several speak (a debate, a question and its answer)."""
    said: dict[str, int] = {}
    who = None
    for b in body:
        f = facts(b)
        if f.speaker_label:
            who = b.text.text[: f.speaker_label].rstrip(lexicon.SPACES + lexicon.COLONS)
        if who is not None and not f.aside:
            said[who] = said.get(who, 0) + len(f.seen)
    if not said:
        return None
    most = max(said, key=lambda k: said[k])
    return most if said[most] >= RECORD_SPEAKER_SHARE * sum(said.values()) else None


def open_latin_piece(blocks: list[Block], title: Mapped | None) -> Piece:
    """A piece written in a Latin script: a short first line is its title, then the `by` line,
    name, role and dateline, then a salutation ending in a colon."""
    piece = Piece(title=title)
    i = 0
    first = blocks[0].text.text if blocks else ""
    if (
        title is None
        and latin.head_line(first)
        and not latin.BY_LINE.match(first)
        and latin.english_date(first) is None
    ):
        piece.title = blocks[0].text
        i = 1
    while i < len(blocks) and latin.head_line(blocks[i].text.text):
        text = blocks[i].text.text
        date = latin.english_date(text)
        if date is not None:
            piece.date = piece.date or date
        else:
            piece.bylines.append(text)
        piece.body.append(blocks[i])  # name, role and date lines stay text
        i += 1
    if i < len(blocks) - 1 and latin.salutation(blocks[i].text.text):
        piece.salutation = blocks[i].text
        i += 1
    piece.body.extend(blocks[i:])
    return piece
