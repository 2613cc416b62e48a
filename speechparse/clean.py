"""Stage: decoded text -> source lines, each cleaned of noise and mapped to the source.

Cleaning never changes what a reader of the speech sees: indentation (ASCII, full-width and
no-break spaces), zero-width and private-use characters, and stray control characters are
removed; markup left by a page or a Markdown conversion (tags, space entities, `##`, `**`) is
removed and kept as residue for `dropped`, its tags read as line breaks (not one inside a
marker, `（<br>2）`: the page broke the marker, not the text); a long line holding
indented paragraphs run together, or a whole text on one line (see `collapsed`), is split
again; all else is kept as written (no script conversion). Mojibake is flagged, not repaired.
Pinyin annotations are removed later, from whole paragraphs (a wrap may break one in two).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from itertools import accumulate

import regex

from . import collapsed, headlines, lexicon, limits
from .grammar import LEAD_FIRST
from .issue import Issue
from .lazy import lazy_re, lazy_regex
from .markers import Marker, lead_marker
from .textmap import Mapped, Removed

# Tags left in text copied out of a page: line breaks as they were on the page (the line end
# after one is part of the break).
HTML_BREAK = r"<(?:br|BR|Br)\s*/?>|</?(?:p|P|div|DIV)(?:\s[^<>\n]{0,200})?>"
LINE_BREAK = lazy_regex(
    rf"(?P<tag>{HTML_BREAK})(?:\r\n|\n)?|\r\n|[\n\r\u2028\u2029\x0b\x0c\x85]"
)
OTHER_BREAKS = ("\r", "\u2028", "\u2029", "\x0b", "\x0c", "\x85")
HTML_TAG = lazy_re(HTML_BREAK)
# A tag inside a marker (`（<br>2）`, `2<br>.`, `第<br>二部分`) is no line break: the page broke
# the marker, not the text. What a line holds before such a tag (indentation and markup
# included), and how far past it the rest of the marker is looked for.
MARKER_CUT_WINDOW = 40
MARKER_CUT_MAX = 6  # the marker's characters before the tag: `第二部` of `第二部分`
MARKER_OPENERS = "（(第"  # what a marker may open with before its number: `（<br>2）`
LINE_END = lazy_re("[\n\r\u2028\u2029\x0b\x0c\x85]")
# Indentation inside a line (after anything but a Latin letter): two spaces or more with an
# ideographic or no-break one among them (ASCII spaces alone letter-space `目  录`). Where
# paragraphs that were run together begin (see `_unfold`). Runs of spaces are found by a plain
# scan and judged one by one: a look-behind in the pattern would be tried at every character.
WIDE = "\u3000\u00a0"
EDGE = f"{WIDE} \t"  # indentation: what a printable line may hold at its edges
SPACE_RUN = lazy_re(f"[{WIDE} \t]{{2,}}")
UNFOLD_MIN = 200  # characters: a line this long may hold several paragraphs
UNFOLD_RUNS = 3
# Space entities left in such text: `&nbsp;&nbsp;一、…` is indentation.
SPACE_ENTITY = r"&(?:nbsp|ensp|emsp|thinsp|NBSP);|&#(?:160|12288|8194|8195|[xX](?:a0|A0|3000));"
SPACE_ENTITY_RE = lazy_re(SPACE_ENTITY)
# Characters that carry nothing a reader sees (the private-use planes spelled out, as `\p{Co}`
# is: the standard library's engine has no `\p{…}`). None of them is printable: a line that
# `str.isprintable` accepts holds none.
INVISIBLE_CHARS = (
    r"\u200b-\u200f\u2060-\u2064\ufeff\ue000-\uf8ff\U000f0000-\U000ffffd\U00100000-\U0010fffd"
    r"\x00-\x08\x0e-\x1f\x7f\ud800-\udfff"
)
INVISIBLE = lazy_regex(rf"[{INVISIBLE_CHARS}]+")
# …found by the standard library's engine (its scan is several times faster): a line that is
# not printable for its indentation, tabs or wide spaces alone needs no cleaning.
HAS_INVISIBLE = lazy_re(f"[{INVISIBLE_CHARS}]")
SURROGATE = lazy_regex(r"[\ud800-\udfff]+")
TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ"
# The CJK ideograph blocks (radicals, 々〇, extension A, unified, compatibility, planes 2-3):
# for the standard library's engine, which has no \p{Han}.
HAN = (
    "\u2e80-\u2fdf\u3005\u3007\u3021-\u3029\u3038-\u303b\u3400-\u4dbf\u4e00-\u9fff"
    "\uf900-\ufaff\U00020000-\U0003ffff"
)
# A pinyin syllable in brackets right after a Han character: 區(qū), 協(xié), 领（lǐng）.
# The bracket first, then look back: scanning for it is fast (and ~2x faster again with `re`).
PINYIN = lazy_re(
    rf"[（(](?<=[{HAN}][（(])(?=[a-z{TONED}]*[aeiouv{TONED}])[a-z{TONED}]{{1,7}}[1-5]?[)）]"
)
PINYIN_OPENERS = "(（"  # what every `PINYIN` match opens with (and holds no other of)


def pinyin_spans(text: str) -> list[tuple[int, int]]:
    """The spans of `PINYIN.finditer(text)`, the pattern tried only where `str.find` finds an
    opening bracket (a scan for two characters is far cheaper than the pattern's scan of a long
    paragraph). The same matches: each opens with a bracket and holds no other, so they stand
    apart and none hides a bracket where another could start.

    >>> pinyin_spans("區(qū)委（一）協（xié）")
    [(1, 5), (10, 15)]
    """
    found: list[tuple[int, int]] = []
    for bracket in PINYIN_OPENERS:
        at = text.find(bracket)
        while at >= 0:
            annotation = PINYIN.match(text, at)
            if annotation is not None:
                found.append(annotation.span())
            at = text.find(bracket, at + 1)
    found.sort()
    return found


def without_pinyin(text: str) -> str:
    """`PINYIN.sub("", text)`, the annotations found by `pinyin_spans`.

    >>> without_pinyin("區(qū)委政協(xié)")
    '區委政協'
    """
    spans = pinyin_spans(text)
    if not spans:
        return text
    parts: list[str] = []
    pos = 0
    for start, end in spans:
        parts.append(text[pos:start])
        pos = end
    parts.append(text[pos:])
    return "".join(parts)


MOJIBAKE = rf"\ufffd+|锟斤拷|烫烫烫|屯屯屯|[ÃÂâ][\x80-\xbf€™œ]|\?[a-z{TONED}]{{1,7}}\)"
# Marks left by a conversion to Markdown: a heading's `#`s at the start of a line, bold `**`.
# A Markdown quote's `> ` (an editor's note in a converted book) likewise.
MARKDOWN = r"^[ \t\u3000]*(?:\#{1,6}|>)[ \t]+|\*\*"
# A character lost in a change of encoding (`?` in its place) after a line's closing colon,
# where nothing is ever written (`各位代表：?`): it stood for a space.
LOST = rf"(?<=[：:])[{lexicon.LOST}]+(?=[ \t\u3000]*$)"
# Every MOJIBAKE, SPACE_ENTITY, MARKDOWN or LOST match holds one of these characters, and
# starts with it but for a Markdown heading's (its indentation first).
NOISE_CUES = "\ufffd锟烫屯ÃÂâ?？&#*>"
NOISE_CUE = lazy_re(f"[{re.escape(NOISE_CUES)}]")
CUE_FIND_MIN = 500  # characters: a text this long is searched for each cue, not for the class
# One scan a line finds them all: what to remove (and keep in `dropped`) and what to flag.
NOISE = lazy_regex(
    rf"(?P<invisible>{INVISIBLE.pattern})|(?P<markup>(?:{SPACE_ENTITY})+|{MARKDOWN})"
    rf"|(?P<lost>{LOST})|(?P<mojibake>{MOJIBAKE})",
    regex.MULTILINE,
)


class Line:
    """One source line: its cleaned text (mapped), its number (0-based) and the marker it opens
    with (`markers.lead_marker` of its text, read by the stages after this one: asked once)."""

    __slots__ = ("marker", "number", "text")

    def __init__(self, text: Mapped, number: int) -> None:
        self.text = text
        self.number = number
        first = text.text[:1]  # (most lines open with no marker's first character: no call)
        self.marker: Marker | None = lead_marker(text.text) if first in LEAD_FIRST else None

    def __repr__(self) -> str:
        return f"Line(text={self.text!r}, number={self.number!r})"

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, Line) and (self.text, self.number) == (other.text, other.number)
        )

    __hash__ = None  # type: ignore[assignment]  # mutable, as a dataclass's


@dataclass(slots=True)
class Cleaned:
    lines: list[Line]
    issues: list[Issue] = field(default_factory=list)
    residue: list[Removed] = field(default_factory=list)  # markup removed: tags, entities, `**`
    headlines: frozenset[int] = frozenset()  # lines that are a headline cut from its lead
    lost: list[Removed] = field(default_factory=list)  # `?` standing for a lost character


def _clean_line(
    source: str, start: int, end: int, out: Cleaned, tags: list[tuple[int, int]] | None = None
) -> Mapped:
    """A line cleaned of noise, and of the `tags` inside it (kept as residue already)."""
    found = _noise(source, start, end)
    if tags:  # what stands inside a tag is the tag's
        found = [m for m in found if not any(a <= m.start() < b for a, b in tags)]
    elif not found:
        return _plain(source[start:end], start)
    drops: list[tuple[int, int]] = list(tags or ())
    for m in found:
        if m.lastgroup == "markup":
            drops.append(m.span())
            out.residue.append((m.group(), m.span()))
        elif m.lastgroup == "lost":
            drops.append(m.span())
            out.lost.append((m.group(), m.span()))
        elif m.lastgroup == "invisible":
            drops.append(m.span())
            if SURROGATE.search(m.group()):
                out.issues.append(
                    Issue(
                        "lone-surrogate", "a lone surrogate (not a character) is ignored", m.span()
                    )
                )
        else:
            out.issues.append(Issue("mojibake", f"garbled characters {m.group()!r}", m.span()))
    drops.sort()
    piece = (
        Mapped.keep(source, start, end, drops).strip()
        if drops
        else Mapped.verbatim(source[start:end], start).strip()
    )
    return piece if piece.text else Mapped("", ((0, start),))


def _noise(source: str, start: int, end: int) -> list[regex.Match[str]]:
    """`NOISE.finditer(source, start, end)`. In a line with no invisible character and no line
    end, each match begins at a `NOISE_CUE` or at the line's start (a Markdown heading's
    indentation), and the pattern is tried only there: its scan of a whole line costs ~40 ns a
    character.

    >>> [m.group() for m in _noise("## 标题：?", 0, 7)]
    ['## ', '?']
    """
    line = source[start:end]
    if "\n" in line or (
        not line.isprintable()
        and not line.strip(EDGE).isprintable()
        and HAS_INVISIBLE.search(line) is not None
    ):
        return list(NOISE.finditer(source, start, end))
    found: list[regex.Match[str]] = []
    done = start  # where the next match may begin
    for at in (start, *(cue.start() for cue in NOISE_CUE.finditer(source, start, end))):
        if at < done:
            continue
        match = NOISE.match(source, at, end)
        if match is None:
            done = at + 1
        else:
            found.append(match)
            done = match.end()
    return found


def _inside_marker(text: str, line_start: int, tag_start: int, tag_end: int) -> bool:
    """Does the tag at `tag_start:tag_end` break a marker that opens its line (`（<br>2）加强`,
    `2<br>.加强`: together the pieces are one marker, the first alone none)? Not a tag after
    a whole marker, nor one between a number and a line with a marker of its own (`1<br>2.`).

    >>> text = "（<br>2）加强领导<br>推进改革"
    >>> _inside_marker(text, 0, 1, 5), _inside_marker(text, 0, 11, 15)
    (True, False)
    """
    if tag_start - line_start > MARKER_CUT_WINDOW:
        return False
    before = _bare(text[line_start:tag_start])
    if not before or len(before) > MARKER_CUT_MAX or before[0] not in LEAD_FIRST:
        return False
    stop = LINE_END.search(text, tag_end, tag_end + MARKER_CUT_WINDOW)
    after = _bare(text[tag_end : stop.start() if stop else tag_end + MARKER_CUT_WINDOW])
    if not after or lead_marker(before) is not None:
        return False
    if before.strip(MARKER_OPENERS) and lead_marker(after) is not None:
        return False  # a number before a marker (`1<br>2.`): not one marker
    found = lead_marker(before + after)
    return found is not None and found.end > len(before)


def _bare(text: str) -> str:
    """Text without its tags, space entities and edge white space."""
    return SPACE_ENTITY_RE.sub("", HTML_TAG.sub("", text)).strip()


def _plain(line: str, start: int) -> Mapped:
    """A line (starting at source offset `start`) with nothing to remove but the white space at
    its edges."""
    text = line.strip()
    if not text:
        return Mapped("", ((0, start),))
    return Mapped(text, ((0, start + len(line) - len(line.lstrip())),))


def _may_have_noise(text: str) -> bool:
    """Could `MOJIBAKE`, `SPACE_ENTITY` or `MARKDOWN` match anywhere in `text`? (A scan for
    their cues is far faster; in a long text, `str.find` of each cue, ~2.5x faster a character
    again than the cue pattern's scan, though it is one call a cue.)"""
    if len(text) < CUE_FIND_MIN:
        return NOISE_CUE.search(text) is not None
    return any(cue in text for cue in NOISE_CUES)


def _unfold(text: str, pieces: list[str], starts: list[int]) -> list[tuple[int, int]] | None:
    """Lines that hold whole paragraphs run together (a page's text copied with its paragraph
    breaks lost, each paragraph still indented) split at the indentation: only long lines
    with several such runs, so a byline `县长　　李明` or a menu keeps its spaces. The bounds
    of every line then, or None if no line held paragraphs run together.

    >>> text = "标题　　同志们：" + "今天开会。" * 100 + "　　一、甲。" + "　　二、乙。"
    >>> [text[a:b][:5] for a, b in _unfold(text, [text], [0]) or []]
    ['标题', '同志们：今', '一、甲。', '二、乙。']
    """
    shortest = min(UNFOLD_MIN, len(text) // 2)  # a long line, or most of the text
    whole = max(shortest, len(text) // 2)
    found: dict[int, list[tuple[int, int]]] = {}
    if max(map(len, pieces), default=0) >= shortest:
        for n, piece in enumerate(pieces):
            if len(piece) >= shortest:
                start = starts[n]
                runs = _runs_within(text, start, start + len(piece), whole)
                if len(runs) >= UNFOLD_RUNS:
                    found[n] = runs
    if not found:
        return None
    out: list[tuple[int, int]] = []
    for n, (piece, start) in enumerate(zip(pieces, starts, strict=True)):
        end = start + len(piece)
        cut = found.get(n)
        if cut is None:
            out.append((start, end))
            continue
        limits.check_lines(len(out) + len(cut) + 1)  # before the lines are made
        for run_start, run_end in cut:
            out.append((start, run_start))
            start = run_end
        out.append((start, end))
    return out


def _glued_headlines(
    text: str, pieces: list[str], starts: list[int]
) -> tuple[list[tuple[int, int]], frozenset[int]] | None:
    """The bounds of every line once each news item's headline is cut from its lead (see
    `headlines`), and which lines are the headlines; None if no line holds one. An item opens
    the text or follows another long line (news items one a line)."""
    found: dict[int, int] = {}
    shortest = headlines.LINE_MIN
    for n, (piece, start) in enumerate(zip(pieces, starts, strict=True)):
        if (
            len(piece) >= shortest
            and ((above := _above(pieces, n)) == 0 or above >= shortest)
            and (at := headlines.headline_end(text, start, start + len(piece))) is not None
        ):
            found[n] = at
    if not found:
        return None
    limits.check_lines(len(pieces) + len(found))
    bounds: list[tuple[int, int]] = []
    heads: set[int] = set()
    for n, (piece, start) in enumerate(zip(pieces, starts, strict=True)):
        end = start + len(piece)
        at = found.get(n)
        if at is not None:
            heads.add(len(bounds))
            bounds.append((start, at))
            start = at
        bounds.append((start, end))
    return bounds, frozenset(heads)


def _above(pieces: list[str], n: int) -> int:
    """The length of the last line with text above line `n`, 0 if none (news items stand one a
    line). Read back from a long line only, not kept for every line: each read stops at the
    first line with text, so the blank lines above a long line are read once at most.

    >>> _above(["甲乙 ", "", "  "], 3), _above(["", "丙"], 1)
    (2, 0)
    """
    for k in range(n - 1, -1, -1):
        kept = pieces[k].strip()
        if kept:
            return len(kept)
    return 0


def _runs_within(text: str, start: int, end: int, whole: int) -> list[tuple[int, int]]:
    """Where the paragraphs run together in the long line `text[start:end]` begin (the spans
    between them); `whole`: the length of a line that is most of the text."""
    runs = _folds(text, start, end)
    if len(runs) < UNFOLD_RUNS and end - start >= whole:
        return collapsed.cuts(text, start, end)  # all line breaks lost: no indentation left
    if runs:
        return collapsed.set_apart(text, start, end, runs)
    return runs


def _starts(pieces: list[str]) -> list[int]:
    """Where each of the lines of a text split at `\\n` starts."""
    return [0, *accumulate(len(piece) + 1 for piece in pieces[:-1])]


def _noisy(line: str, careful: bool) -> bool:
    """Does `line` need the full scan: a mojibake cue in it (if the text has any), or a
    character a reader does not see (see `split_lines`)?"""
    return (careful and _may_have_noise(line)) or (
        not line.isprintable()
        and not line.strip(EDGE).isprintable()
        and HAS_INVISIBLE.search(line) is not None
    )


def _cued(text: str, pieces: list[str], starts: list[int]) -> frozenset[int]:
    """The lines that hold one of the `NOISE_CUES` (looked for in the whole text, not line by
    line: `str.find` of each cue, past the rest of a line once it holds one).

    >>> sorted(_cued("甲\\n乙？？\\n&丙？", ["甲", "乙？？", "&丙？"], [0, 2, 6]))
    [1, 2]
    """
    found: set[int] = set()
    for cue in NOISE_CUES:
        at = text.find(cue)
        while at >= 0:
            n = bisect_right(starts, at) - 1
            end = starts[n] + len(pieces[n]) if n >= 0 else 0
            if at < end:  # (not in a line break)
                found.add(n)
            at = text.find(cue, max(at + 1, end))
    return frozenset(found)


def _folds(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The runs of indentation inside `text[start:end]` (see `SPACE_RUN`): each read where
    `str.find` finds one of its wide spaces past the line's own indentation (the pattern's scan
    of a long line of Chinese costs ~30 times more).

    >>> _folds("\u3000\u3000甲  乙\u3000 丙\u3000", 0, 11)
    [(6, 8)]
    """
    k = start
    while k < end and text[k] in EDGE:  # the line's own indentation holds no fold
        k += 1
    wide = [at for ch in WIDE for at in _all(text, ch, k, end)]
    if not wide:
        return []
    wide.sort()
    found: list[tuple[int, int]] = []
    done = k
    for at in wide:
        if at < done:
            continue
        a = at
        while text[a - 1] in EDGE:  # (text[k] is none of them)
            a -= 1
        run = SPACE_RUN.match(text, a, end)
        if run is None:  # a wide space alone
            done = at + 1
            continue
        b = done = run.end()
        before = text[a - 1]
        if b < end and not before.isspace() and not ("A" <= before <= "Z" or "a" <= before <= "z"):
            found.append((a, b))
    return found


def _all(text: str, ch: str, start: int, end: int) -> list[int]:
    """Where `ch` stands in `text[start:end]`."""
    found: list[int] = []
    at = text.find(ch, start, end)
    while at >= 0:
        found.append(at)
        at = text.find(ch, at + 1, end)
    return found


def split_lines(text: str, unfold: bool = True) -> Cleaned:
    """The lines of `text`, cleaned, with their source spans (line ends excluded); with `unfold`,
    paragraphs run together on one line are lines again (see `_unfold`).

    >>> [(ln.text.text, ln.text.span) for ln in split_lines("甲\\r\\n  乙\\n").lines]
    [('甲', (0, 1)), ('乙', (5, 6)), ('', (7, 7))]
    """
    out = Cleaned([])
    inner: list[tuple[int, int]] = []  # tags inside a marker (see `_inside_marker`)
    other = any(brk in text for brk in OTHER_BREAKS)  # (with none, `\r` is counted 0 times)
    limits.check_lines(max(text.count("\n"), text.count("\r") if other else 0) + 1)  # (no line yet)
    if other or ("<" in text and HTML_TAG.search(text)):
        bounds = [(0, 0)]
        for brk in LINE_BREAK.finditer(text):
            if len(bounds) > limits.MAX_LINES:
                raise limits.Exceeded("lines")
            if brk.lastgroup == "tag":
                out.residue.append((brk.group("tag"), brk.span("tag")))
                if _inside_marker(text, bounds[-1][0], brk.start(), brk.end()):
                    inner.append(brk.span())  # removed from its line, not a break
                    continue
            bounds[-1] = (bounds[-1][0], brk.start())
            bounds.append((brk.end(), 0))
        bounds[-1] = (bounds[-1][0], len(text))
        pieces = [text[a:b] for a, b in bounds]
    else:  # the common case: lines end in \n alone
        pieces = text.split("\n")
        bounds = []
    starts = [a for a, _ in bounds] if bounds else _starts(pieces)
    unfolded = _unfold(text, pieces, starts) if unfold else None
    if unfolded is not None:  # some line held paragraphs run together
        bounds = unfolded
        pieces = [text[a:b] for a, b in bounds]
        starts = [a for a, _ in bounds]
    news = unfold and headlines.may_hold(text)
    glued = _glued_headlines(text, pieces, starts) if news else None
    if glued is not None:  # news items, each headline glued to its lead
        bounds, out.headlines = glued
        pieces = [text[a:b] for a, b in bounds]
        starts = [a for a, _ in bounds]
    # A line holds something to remove only if it holds a character a reader does not see
    # (`str.isprintable` says no to it, still says no once the indentation at its edges is off,
    # and `HAS_INVISIBLE` finds one: not a tab or a wide space inside it), and something to flag
    # only if it holds a mojibake cue: the rest take the plain path, the others the full scan.
    # (The cues found in the whole text tell which lines hold one: a text with none is spared the
    # test of each line.)
    lines = out.lines
    if inner:
        careful = _may_have_noise(text)
        k = 0
        for number, (line, pos) in enumerate(zip(pieces, starts, strict=True)):
            end = pos + len(line)
            tags = []
            while k < len(inner) and inner[k][0] < end:
                tags.append(inner[k])
                k += 1
            if tags or _noisy(line, careful):
                lines.append(Line(_clean_line(text, pos, end, out, tags), number))
            else:
                lines.append(Line(_plain(line, pos), number))
        return out
    cued = _cued(text, pieces, starts)  # (none in a text without a cue: no test of its own)
    invisible = HAS_INVISIBLE.search
    for number, (line, pos) in enumerate(zip(pieces, starts, strict=True)):
        # `_noisy`, inline (asked of every line)
        if number in cued or (
            not line.isprintable()
            and not line.strip(EDGE).isprintable()
            and invisible(line) is not None
        ):
            lines.append(Line(_clean_line(text, pos, pos + len(line), out), number))
            continue
        kept = line.strip()  # the plain path, inline: most lines take it
        if len(kept) == len(line):
            lines.append(Line(Mapped(line, ((0, pos),)), number))
        elif kept:
            lines.append(Line(Mapped(kept, ((0, pos + len(line) - len(line.lstrip())),)), number))
        else:
            lines.append(Line(Mapped("", ((0, pos),)), number))
    return out
