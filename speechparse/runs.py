"""Stage: numbering runs across a speech's paragraphs, decided before the tree is built.

- an inline first point whose run continues at paragraph starts is promoted (its paragraph is
  split there: `…我有三点认识。首先，…` followed by paragraphs `第二，…`, `第三，…`);
- a paragraph-start marker of a family that needs a run (spoken points, arabic numbers,
  circled digits), or written in a weak form (`一 …` with a space, `一，…` with a comma for 、),
  is a section only if another marker of its run opens a paragraph too;
- a paragraph-start marker whose run goes on inside the same paragraph is an inline item;
- `二、三…` opens a paragraph as point 二 when the numbering around it is 一 … 三;
- inline runs of two or more points (1, 2, 3 … in order) become typed items.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .grammar import BY_NAME, INLINE_START, LEAD_FIRST, NUMERAL_CHARS, is_piece_header
from .limits import Exceeded
from .markers import ITEM_STOP, Marker, inline_from, opening_marker, pair_lead
from .textmap import Mapped

if TYPE_CHECKING:
    from .facts import Facts

Item = tuple[Marker, tuple[int, int], int]  # (marker, heading span, end of the item's text)
SENTENCE_START = "。！？!?：:；;"


@dataclass(slots=True)
class Para:
    """A body paragraph with its marker candidates, and its line record if one was made (a
    paragraph split by `promote` has none)."""

    text: Mapped
    lead: Marker | None
    inline: list[Marker] = field(default_factory=list)
    # the inline items, set by `attach_items` (most paragraphs have none: no list made for them)
    items: Sequence[Item] = ()
    record: Facts | None = None


def follows(a: Marker, b: Marker) -> bool:
    """Does `b` continue a run ending in `a` (same family, next number, or 最后)?"""
    return a.style == b.style and (
        b.ordinal == a.ordinal + 1 or (b.is_last_word and a.ordinal >= 1)
    )


Neighbours = dict[int, tuple[Marker | None, Marker | None]]


def style_neighbours(leads: Sequence[Marker | None]) -> Neighbours:
    """For each marker (by id): the markers of its style just before and just after it."""
    found: Neighbours = {}
    last: dict[str, Marker] = {}
    for m in leads:
        if m is None:
            continue
        before = last.get(m.style)
        if before is not None:
            found[id(before)] = (found[id(before)][0], m)
        found[id(m)] = (before, None)
        last[m.style] = m
    return found


def scan(
    texts: list[Mapped], most: int | None = None, records: Sequence[Facts] = ()
) -> list[Para]:
    """Lead and inline candidates for each paragraph (`limits.Exceeded` past `most`), each
    carrying its line record from `records` (the records of the first paragraphs, if fewer)."""
    paras: list[Para] = []
    pairs: list[tuple[int, Marker]] = []
    left = most
    if left is not None and left < 0 and texts:
        raise Exceeded("numbering markers")  # (what the first paragraph's count would raise)
    # the records of the first paragraphs (all of them, from the pipeline), None after them
    padded = [*records[: len(texts)], *[None] * (len(texts) - len(records))]
    search = INLINE_START.search
    new = object.__new__
    for text, record in zip(texts, padded, strict=True):
        t = text.text
        first = t[:1]
        # (`markers.lead_marker`, its test of the first character made here: no call for most)
        lead = opening_marker(t) if first in LEAD_FIRST else None
        if lead is not None and is_piece_header(lead.kind, lead.marker):
            lead = None
        elif lead is None and first in NUMERAL_CHARS:
            pair = pair_lead(t)
            if pair is not None:
                pairs.append((len(paras), pair))
        # the search for the first inline candidate made here: most paragraphs have none
        hit = search(t, lead.end if lead else 0)
        inline = inline_from(t, hit, left) if hit is not None else []
        # (a paragraph with no candidate leaves the count as it was: it stays at 0 or above)
        if left is not None and (inline or lead is not None):
            left -= len(inline) + (lead is not None)
            if left < 0:
                raise Exceeded("numbering markers")
        # `Para(text, lead, inline, (), record)` with its fields set here: no call of its init
        # (a Python call from C) for each paragraph
        para = new(Para)
        para.text = text
        para.lead = lead
        para.inline = inline
        para.items = ()
        para.record = record
        paras.append(para)
    if pairs:
        _take_pairs(paras, pairs)
    return paras


def _take_pairs(paras: list[Para], pairs: list[tuple[int, Marker]]) -> None:
    """A paragraph opening `二、三个着力点` is point 二 when its neighbours of that style are 一
    and 三 (a first point 一、二… when the next is 二): the numbering settles what the two
    numerals alone leave open (`二、三产业` is "the second and third industries")."""
    found = dict(pairs)
    around = style_neighbours([p.lead or found.get(i) for i, p in enumerate(paras)])
    for i, m in pairs:
        previous, following = around[id(m)]
        before = previous.ordinal if previous is not None else None
        after = following.ordinal if following is not None else None
        n = m.ordinal
        if after == n + 1 and (before == n - 1 or (n == 1 and before is None)):
            para = paras[i]
            para.lead = m
            para.inline = [c for c in para.inline if c.start >= m.end]


def promote(paras: list[Para]) -> list[Para]:
    """Split paragraphs at an inline first point that continues at the next paragraph starts
    (`paras` itself when none does: most speeches)."""
    cuts: dict[int, Marker] = {}  # paragraph -> the point it is split at
    nxt: Marker | None = None  # the next lead after the paragraph looked at (from the end)
    for i in range(len(paras) - 1, -1, -1):
        para = paras[i]
        if para.lead is not None:
            nxt = para.lead
        elif para.inline and nxt is not None:  # (no inline point: nothing to split at)
            cut = _first_point(para, nxt)
            if cut is not None:
                cuts[i] = cut
    if not cuts:
        return paras
    out: list[Para] = []
    for i, para in enumerate(paras):
        cut = cuts.get(i)
        if cut is None:
            out.append(para)
            continue
        head = para.text.slice(0, cut.start)
        tail = para.text.slice(cut.start, len(para.text.text))
        out.append(Para(head, None, [m for m in para.inline if m.end <= cut.start]))
        shift = cut.start
        moved = [_shifted(m, -shift) for m in para.inline if m.start > cut.start]
        out.append(Para(tail, _shifted(cut, -shift), moved))
    return out


def _first_point(para: Para, nxt: Marker) -> Marker | None:
    """The inline first point after a sentence end whose run goes on at `nxt` (the next lead),
    with no point of its kind after it in the paragraph, if any."""
    for n, c in enumerate(para.inline):
        later_same = any(d.kind == c.kind for d in para.inline[n + 1 :])
        if (
            c.ordinal == 1
            and c.start > 0
            and para.text.text[c.start - 1] in SENTENCE_START
            and not later_same
            and follows(c, nxt)
        ):
            return c
    return None


def _shifted(m: Marker, by: int) -> Marker:
    return Marker(
        m.kind, m.rank, m.marker, m.number, m.ordinal, m.start + by, m.end + by, m.style, m.weak
    )


def validate(paras: list[Para]) -> None:
    """Drop lead markers that make no run; demote leads whose run goes on inline."""
    # the paragraphs with a lead (each loses at most its own below: read from this list)
    led = [(p, m) for p in paras if (m := p.lead) is not None]
    ordinals: dict[str, Counter[int]] = {}  # style -> ordinals of the leads of that style
    for _, m in led:
        seen = ordinals.get(m.style)
        if seen is None:
            seen = ordinals[m.style] = Counter()
        seen[m.ordinal] += 1
    around = style_neighbours([m for _, m in led])
    for para, lead in led:
        if para.inline and any(follows(lead, m) for m in para.inline):
            para.inline.insert(0, lead)
            para.lead = None
            continue
        if lead.weak:
            # a weak form is a point only next to its own run: the lead of its style just before
            # it is the point before, or the one just after it is the point after
            before, after = around[id(lead)]
            if not (
                (before is not None and follows(before, lead))
                or (after is not None and follows(lead, after))
            ):
                para.lead = None
            continue
        if BY_NAME[lead.kind].lone_ok:
            continue
        seen = ordinals[lead.style]
        n = lead.ordinal
        if lead.is_last_word:  # 最后 closes a run that has other points
            partners = any(k >= 1 and count for k, count in seen.items())
        else:
            partners = seen[n - 1] > 0 or seen[n + 1] > 0 or seen[0] > 0
        if not partners:
            para.inline.insert(0, lead)  # it may still carry on a run of the paragraph before
            para.lead = None


def runs_in(markers: list[Marker], seed: Marker | None = None) -> list[list[Marker]]:
    """Runs of two or more points in text order: 1, 2, 3 … of one family. A `seed` (the last
    point of a run in the paragraph before) lets a run carry on; it is not in the result.

    >>> from .markers import inline_markers
    >>> [[m.marker for m in r] for r in runs_in(inline_markers("：一是甲；二是乙；三是丙。"))]
    [['一是', '二是', '三是']]
    """
    runs: list[list[Marker]] = []
    open_runs: dict[str, list[Marker]] = {seed.kind: [seed]} if seed is not None else {}
    for m in markers:
        current = open_runs.get(m.kind)
        if current is not None and follows(current[-1], m):
            current.append(m)
        elif m.ordinal == 1:
            if current is not None and len(current) >= 2:
                runs.append(current)
            open_runs[m.kind] = [m]
    runs.extend(r for r in open_runs.values() if len(r) >= 2)
    runs = [[m for m in r if m is not seed] for r in runs]
    runs.sort(key=lambda r: r[0].start)
    return runs


def attach_items(para: Para, carry: Marker | None = None) -> Marker | None:
    """Turn the inline runs of a paragraph into items (heading span, text end).

    `carry` is the last point of a run that ended the paragraph before: a point at the very start
    of this paragraph may continue it. Returns the point this paragraph ends on, if any.
    """
    if not para.inline:
        return None  # most paragraphs: no point inside them
    text = para.text.text
    seed = carry if para.inline[0].start == 0 else None
    runs = runs_in(para.inline, seed)
    members = sorted((m for r in runs for m in r), key=lambda m: m.start)
    items: list[Item] = []
    for n, m in enumerate(members):
        end = members[n + 1].start if n + 1 < len(members) else len(text)
        h_start = m.end
        while h_start < end and text[h_start] in " \t\u3000":
            h_start += 1
        stop = ITEM_STOP.search(text, h_start, end)
        items.append((m, (h_start, stop.start() if stop else end), end))
    if items:
        para.items = items
    if members and members[-1] is para.inline[-1]:
        return members[-1]
    return None
