"""Where the lines of a collapsed text begin: a page's text taken with every line break lost
(a scraper's `get_text()`), the whole speech on one line, its lines run together with a single
space between them or with nothing at all.

Used by `clean` on a line that is most of the text and holds no indentation. A line begins:
- at a space in Chinese text (`…的讲话 同志们： 今天…`): a space there was a line break; where
  it broke a sentence, `paragraphs` joins the halves again as it does for any broken line (a
  space after a Latin letter or a digit, `20XX 年`, `2023 年`, or before a Latin letter is kept,
  unless a marker follows it);
  A space between two short words (`县长 李建国`, `大 中 小`), between a role and a name, after
  a page's label (`来源: 工作计划`) or after a lone numeral (`一 加强学习`) is kept too.
- with nothing left between them (a line in which markers that open paragraphs follow sentence
  ends, `。一、`, `。（二）`, one of them a marker that never stands inside a paragraph, `一、`,
  `第一部分`), after every sentence end, and before a salutation (`同志们：`) right after the
  title: each sentence is a paragraph, as nothing tells where the paragraphs ended.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import regex

from . import lexicon
from .grammar import PARAGRAPH_FAMILIES, PARAGRAPH_FIRST, TOP_FAMILIES
from .lazy import lazy_re, lazy_regex
from .markers import lead_marker
from .numerals import CHINESE
from .numerals import DIGITS as ARABIC

COLLAPSED_CUTS_MIN = 3  # fewer places to cut: a long paragraph, not a collapsed text
TITLE_MAX = 80  # characters before a salutation with nothing between them
SENTENCE_END = "。！？!?：:；;"
SPACES = lazy_re(r"[ \t]+")
LATIN = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
DIGITS = frozenset("0123456789")
SHORT_WORD = 3  # a role, a name, a letter-spaced word: `县长 李建国`, `目 录`
NUMERAL_MAX = 2
HAN = lazy_regex(r"\p{Han}")
ROLE_END = frozenset("长長记記席任员員委理")  # the last character of a role: 县长, 书记, 主任 …
NAME_MAX = 3
LABEL_MAX = 4  # `来源:`, `发布时间:` (a page's label and its value)
WORD_LOOK = 8  # no need to measure a word further than this
WORD_OPEN = " \t:：【[（("  # what may stand before a word standing alone (`字体：大 中 小`)
WORD_CLOSE = " \t】]）)"
UNITS = frozenset("年月日时時号號亿億万萬千百元个個名人次家项項条條所座户戶吨噸亩畝岁歲%％")
NUMERALS = frozenset(CHINESE.written(n)[0] for n in range(1, 100))  # `一 加强学习`: a marker
MARKER_NUMERALS = frozenset(CHINESE.first + ARABIC.first)
SALUTATION = lazy_re(r"(?:同志[们們]|各位[^，,。：:\s]{0,16}|尊敬的[^。：:\s]{0,40})[：:]")
# where a marker may open a paragraph though nothing is left before it: after a sentence end
# (or a photo's credit, `新华社记者 鞠鹏/摄一、…`). (The pattern opens with one character class,
# which the engine scans for fast; the two alternatives' first classes would be tried in turn
# at every character.)
MARKER_AFTER_END = lazy_re(
    r"[。！？!?/／](?:(?<=[。！？!?])[”’」』）)]?|(?<=[/／])[摄攝])"
    rf"(?=[{re.escape(PARAGRAPH_FIRST)}])"
)
SENTENCE = lazy_re(r"[。！？!?][”’」』）)]?")
LOOK = 24  # characters of text enough to read a marker
BARE_MARKERS_MIN = 2  # `。一、` … `。二、`: paragraphs that opened with markers
# Where a title run together with what follows ends at the latest: its subtitle's dash, a note
# mark, its dateline's bracket, or any punctuation of a sentence.
TITLE_STOP = lazy_re(r"——|※|[（(]|[。！？!?，,：:；;、]")
TITLE_PART_MIN = 4  # `勠力战疫 共创未来`: each part of a title in parts is a phrase, not a name
# The speaker named again in a note on the speech (`※这是习近平总书记2020年6月2日在…的讲话。`)
NOTE_NAME = lazy_regex(
    rf"(?:这是|這是)(?P<name>\p{{Han}}{{2,3}}?)(?:{lexicon.ROLE_WORD})?(?:同志)?"
    r"(?=在|于|於|[12]\d{3}年|[〇一二三四五六七八九○]{4}年)"
)
NOTE_MARK = "※"  # after a title, it points to the note at the end
NOTE_OPENERS = ("这是", "這是")  # what a NOTE_NAME opens with
CREDIT = lazy_regex(lexicon.PHOTO_CREDIT)  # a photo's caption ends here
CREDIT_MARKS = "摄攝"  # what every credit holds
NOT_CREDIT = lazy_regex(rf"[^{lexicon.PHOTO_CREDIT_CHARS}]")
NOT_CREDIT_BEFORE = lazy_regex(rf"(?r)[^{lexicon.PHOTO_CREDIT_CHARS}]")  # the last one
# how a caption opens: `2020年9月8日，`, `2019年12月26日至27日，`
CAPTION_DATE = lazy_re(r"(?:19|20)\d\d年\d{1,2}月\d{1,2}日(?:至(?:\d{1,2}月)?\d{1,2}日)?[，,]")
CAPTION_MAX = 200
NOTE_AFTER = lazy_re(r"[。！？!?][”’」』）)]?※")  # an editor's note after the text


def _paragraph_kind(text: str, pos: int) -> str | None:
    """The family of the marker at `pos` if it is one that opens paragraphs."""
    m = lead_marker(text[pos : pos + LOOK])
    return m.kind if m is not None and not m.weak and m.kind in PARAGRAPH_FAMILIES else None


def _opens_paragraph(text: str, pos: int) -> bool:
    return _paragraph_kind(text, pos) is not None


def _word_start(text: str, a: int) -> int:
    """Where the word ending at `a` starts (a word: no space, no punctuation)."""
    i = a
    while i > 0 and i > a - WORD_LOOK and not _apart(text[i - 1]):
        i -= 1
    return i


def _word_end(text: str, b: int) -> int:
    j = b
    while j < len(text) and j < b + WORD_LOOK and not _apart(text[j]):
        j += 1
    return j


def _apart(ch: str) -> bool:
    """Does `ch` stand between words? (Brackets do not: pinyin `服務(wù)發(fā)展` is one word.)"""
    return ch.isspace() or not (ch.isalnum() or ch in "()")


def _placeholder(text: str, b: int) -> bool:
    """Do the letters at `b` stand for a name or place left to fill, before Chinese (`XX镇`)?

    >>> _placeholder("报告 XX镇党委书记", 3), _placeholder("Copyright ©", 0)
    (True, False)
    """
    e = b
    while e < len(text) and text[e] in lexicon.PLACEHOLDERS:
        e += 1
    return e > b and HAN.match(text, e) is not None


def _breaks(text: str, a: int, b: int) -> bool:
    """Is the space `text[a:b]` a line break? Always before a marker that opens paragraphs or a
    salutation; never after a Latin letter or a digit (`20XX 年`, `2023 年`) or before a letter
    (`Copyright ©`), between two short words (`县长 李建国`, `目 录`), between a role and a name
    (`副省长 张某`) or after a lone numeral (`一 加强学习`, a heading's marker)."""
    if _opens_paragraph(text, b) or SALUTATION.match(text, b):
        return True
    before, after = text[a - 1], text[b]
    if after in "）)" and before in MARKER_NUMERALS:
        return False  # `（二 ）`: inside a marker's bracket
    if before in LATIN or (before in DIGITS and (after in UNITS or after in DIGITS)):
        return False  # `20XX 年`, `2023 年`, `1.5 亿元`, `2023-05-22 11:15`
    if after in LATIN and text[b + 1 : b + 2] in LATIN and not _placeholder(text, b):
        return False  # `Copyright` (a lone letter before Chinese is a placeholder: `x区委`, `X市`)
    if before in ":：" and a - 1 - _word_start(text, a - 1) <= LABEL_MAX:
        return SALUTATION.match(text, _word_start(text, a - 1)) is not None  # `来源: 工作计划`
    if _apart(before) or _apart(after):
        return True  # `。 一、`, `同志们： 今天`: punctuation on one side
    word_before = a - _word_start(text, a)
    if word_before <= NUMERAL_MAX and text[a - word_before : a] in NUMERALS:
        return False
    word_after = _word_end(text, b) - b
    word_starts = a - word_before == 0 or text[a - word_before - 1] in WORD_OPEN
    name_ends = b + word_after == len(text) or text[b + word_after] in WORD_CLOSE
    if word_before <= SHORT_WORD and word_after <= SHORT_WORD and word_starts and name_ends:
        return False  # two words standing alone: `县长 李建国`, `大 中 小`
    return not (before in ROLE_END and word_after <= NAME_MAX and name_ends)  # `市长 李明 `


def _title_parts(text: str, start: int, end: int, name: int | None) -> set[int]:
    """Where the spaces between the parts of a title stand (`勠力战疫 共创未来——在…讲话`,
    `弘扬“上海精神” 深化团结协作 构建更加紧密的命运共同体——…`): a title that opens the
    text, ends at a dash, a note mark, a bracket or the speaker's name glued to it (at `name`),
    and whose every part is a phrase."""
    found = TITLE_STOP.search(text, start, min(end, start + TITLE_MAX))
    stop = found.start() if found is not None and text[found.start()] in "—※（(" else None
    if name is not None and (stop is None or name < stop):
        stop = name
    if stop is None:
        return set()
    if text[stop] == "—":  # `勠力战疫 共创未来 ——在…`: the spaces before the dash end the title
        while stop > start and text[stop - 1] in lexicon.SPACES:
            stop -= 1
    runs = list(SPACES.finditer(text, start, stop))
    edges = [start] + [x for r in runs for x in r.span()] + [stop]
    parts = [edges[i + 1] - edges[i] for i in range(0, len(edges), 2)]
    if not runs or min(parts) < TITLE_PART_MIN:
        return set()
    return {r.start() for r in runs}


def _glued_name(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The speaker's name glued between the title and the first sentence
    (`…中华文明※习近平我国是…`, `…有力保障习近平2018年1月，…`), cut off on both sides when a
    note on the speech names the speaker again (`※这是习近平总书记…的讲话。`)."""
    stop = TITLE_STOP.search(text, start, min(end, start + TITLE_MAX))
    head_end = stop.start() if stop is not None and text[stop.start()] != NOTE_MARK else end
    head_end = min(head_end, start + TITLE_MAX)
    for note in reversed(_notes_naming(text, start, end)):  # the last note first
        at = text.find(note["name"], start + TITLE_PART_MIN, head_end)
        if at >= 0:
            after = at + len(note["name"])
            return [(at, at), (after, after)]
    return []


def _notes_naming(text: str, start: int, end: int) -> list[regex.Match[str]]:
    """`NOTE_NAME.finditer(text, start, end)`, the pattern tried only where its opening words
    stand (a scan for them is far faster than the pattern's)."""
    found: list[regex.Match[str]] = []
    done = start
    for at in _places(text, NOTE_OPENERS, start, end):
        if at >= done:
            note = NOTE_NAME.match(text, at, end)
            if note is not None:
                found.append(note)
                done = note.end()
    return found


def _captions(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The photo captions in a text run together (`2020年9月8日，…发表重要讲话。 新华社记者
    姚大伟/摄`): each from its date (or its one sentence) to its credit."""
    found: list[tuple[int, int]] = []
    for credit in _credits(text, start, end):
        c = credit.start()
        while c > start and text[c - 1] in " \t\u3000":
            c -= 1
        before = max(start, c - CAPTION_MAX)
        dated = [m.start() for m in CAPTION_DATE.finditer(text, before, c)]
        if dated:
            found.append((dated[-1], credit.end()))
            continue
        ends = [m.end() for m in SENTENCE.finditer(text, before, c - 1)]
        found.append((ends[-1] if ends else c, credit.end()))
    return found


def _credits(text: str, start: int, end: int) -> list[regex.Match[str]]:
    """The photo credits in `text[start:end]`, as `CREDIT.finditer` finds them, but looked for
    only in the runs of a credit's characters that hold its `摄` (the pattern, tried at every
    character of a long line, is slow)."""
    found: list[regex.Match[str]] = []
    done = start  # the runs up to here are read
    for mark in _places(text, CREDIT_MARKS, start, end):
        if mark < done:
            continue
        left = NOT_CREDIT_BEFORE.search(text, done, mark)
        right = NOT_CREDIT.search(text, mark + 1, end)
        done = right.start() if right is not None else end
        found.extend(CREDIT.finditer(text, left.end() if left is not None else start, done))
    return found


def _places(text: str, words: Iterable[str], start: int, end: int) -> list[int]:
    """Where the `words` (or characters) start in `text[start:end]`, in order (`str.find` is
    many times faster than a pattern's scan for a character class).

    >>> _places("摄甲攝乙摄", "摄攝", 1, 5), _places("这是甲这是", ["这是"], 0, 5)
    ([2, 4], [0, 3])
    """
    found: list[int] = []
    for word in words:
        at = text.find(word, start, end)
        while at >= 0:
            found.append(at)
            at = text.find(word, at + 1, end)
    found.sort()
    return found


def _space_runs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The spans of `SPACES.finditer(text, start, end)`, found with `str.find` (the pattern's
    scan of a long line of Chinese costs ~30 times more).

    >>> _space_runs("甲 乙 \\t丙  ", 0, 8)
    [(1, 2), (3, 5), (6, 8)]
    """
    runs: list[tuple[int, int]] = []
    for at in _places(text, " \t", start, end):
        if runs and runs[-1][1] == at:
            runs[-1] = (runs[-1][0], at + 1)
        else:
            runs.append((at, at + 1))
    return runs


def set_apart(
    text: str, start: int, end: int, runs: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """`runs` (where paragraphs run together begin) with the photo captions and an editor's
    closing note among them set apart as lines of their own."""
    captions = _captions(text, start, end)
    kept = [r for r in runs if not any(c < r[0] < e for c, e in captions)]
    edges = [(x, x) for span in captions for x in span if start < x < end]
    return sorted(set(kept + edges + _notes(text, start, end)))


def _notes(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Where an editor's note after the text begins (`…的讲话。※这是…`)."""
    if text.find(NOTE_MARK, start, end) < 0:
        return []  # (the pattern's scan is slower than one for the mark)
    return [(m.end() - 1, m.end() - 1) for m in NOTE_AFTER.finditer(text, start, end)]


def cuts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The places in `text[start:end]` where one paragraph ends and the next begins, as the
    spans between them (empty where nothing stands between), or [] if too few to be sure.

    >>> t = "在全市会议上的讲话 同志们： 今天开会。 一、认清形势 形势严峻。 二、压实责任 要压实。"
    >>> [t[a:b] for a, b in _pieces(t, cuts(t, 0, len(t)))][2:]
    ['今天开会。', '一、认清形势', '形势严峻。', '二、压实责任', '要压实。']
    >>> t = "在全市会议上的讲话同志们：今天开会。一、认清形势。形势严峻。二、压实责任。要压实。"
    >>> [t[a:b] for a, b in _pieces(t, cuts(t, 0, len(t)))]  # doctest: +NORMALIZE_WHITESPACE
    ['在全市会议上的讲话', '同志们：今天开会。', '一、认清形势。', '形势严峻。',
     '二、压实责任。', '要压实。']
    """
    # where the line breaks left their spaces (not between the parts of a title)
    named = _glued_name(text, start, end)
    parts = _title_parts(text, start, end, named[0][0] if named else None)
    captions = _captions(text, start, end)
    spaced = [
        (a, b)
        for a, b in _space_runs(text, start, end)
        if start < a
        and b < end
        and a not in parts
        and not any(c < a < e for c, e in captions)
        and _breaks(text, a, b)
    ]
    edges = [(x, x) for span in captions for x in span if start < x < end]
    spaced = sorted(set(spaced + named + edges + _notes(text, start, end)))
    found: list[tuple[int, int]] = []
    salutation = SALUTATION.search(text, start, min(end, start + TITLE_MAX))
    if (
        salutation is not None
        and salutation.start() > start
        and not any(c in SENTENCE_END for c in text[start : salutation.start()])
    ):
        found.append((salutation.start(), salutation.start()))
    body = found[-1][1] if found else start
    if not _bare_markers(text, body, end):
        # a long paragraph (its inline points `。（一）…。（二）…` are items), not a text run
        # together; or a text whose line breaks left their spaces
        return spaced if len(spaced) >= COLLAPSED_CUTS_MIN else []
    # nothing tells where the paragraphs ended: each sentence is one (a marker after a sentence
    # end opens a paragraph, and a sentence broken over two lines needs no joining)
    found += [
        (at, at)
        for at in (m.end() for m in SENTENCE.finditer(text, body, end))
        if at < end and not (captions and any(c < at < e for c, e in captions))  # a caption is one
    ]
    found = sorted(set(found + spaced))
    return found if len(found) >= COLLAPSED_CUTS_MIN else []


def _bare_markers(text: str, start: int, end: int) -> bool:
    """Do markers that open paragraphs follow sentence ends in `text[start:end]` (`。一、`,
    `。（二）`), `BARE_MARKERS_MIN` of them at least, one of a top family? Read up to where
    they are found (each costs a marker's reading).

    >>> _bare_markers("甲。一、乙。二、丙。", 0, 10), _bare_markers("甲。（一）乙。", 0, 7)
    (True, False)
    """
    found = 0
    top = False
    for m in MARKER_AFTER_END.finditer(text, start, end):
        kind = _paragraph_kind(text, m.end())
        if kind is not None:
            found += 1
            top = top or kind in TOP_FAMILIES
            if found >= BARE_MARKERS_MIN and top:
                return True
    return False


def _pieces(text: str, found: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans between the cuts (for the example above)."""
    out: list[tuple[int, int]] = []
    pos = 0
    for a, b in found:
        out.append((pos, a))
        pos = b
    out.append((pos, len(text)))
    return out
