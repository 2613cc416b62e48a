"""Stage: paragraphs -> speeches (pieces), each with its title, subtitle and salutation.

A file splits at `第一篇：`-style piece headers, and where a title line (with an optional `——`
subtitle) followed by a salutation opens a new speech after the current one has a body. The
title of a speech is the last title-like line before its body; the lines above it (page
headlines, collection titles) and repeats of it are page junk, kept in `dropped`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from .markers import lead_marker
from .paragraphs import Block
from .roles import PIECE_HEADER, is_salutation, is_subtitle, is_title_like
from .textmap import Mapped

HAN = regex.compile(r"[\p{Han}0-9]")


@dataclass(slots=True)
class Piece:
    title: Mapped | None = None
    subtitle: Mapped | None = None
    salutation: Mapped | None = None
    body: list[Block] = field(default_factory=list)


@dataclass(slots=True)
class Split:
    pieces: list[Piece]
    dropped: list[tuple[Mapped, str]]


def _key(text: str) -> str:
    return "".join(HAN.findall(text))


def _repeats(text: str, title: Mapped | None) -> bool:
    """Does a line repeat the title (as `文章标题：…` or `…范文`, say)?"""
    if title is None:
        return False
    a, b = _key(text), _key(title.text)
    return bool(a and b) and (b in a or a in b)


def _title_like(block: Block) -> bool:
    return is_title_like(block.text.text) and lead_marker(block.text.text) is None


def _anchor(blocks: list[Block], s: int) -> tuple[int, int | None, int | None] | None:
    """(title, subtitle, salutation) indices of a speech opening at a salutation or subtitle."""
    text = blocks[s].text.text
    if is_salutation(text):
        t, sub = s - 1, None
        if t >= 0 and is_subtitle(blocks[t].text.text):
            t, sub = t - 1, t
        if t >= 0 and _title_like(blocks[t]):
            return (t, sub, s)
        return None
    if is_subtitle(text) and s >= 1 and _title_like(blocks[s - 1]):
        nxt = s + 1 < len(blocks) and is_salutation(blocks[s + 1].text.text)
        return None if nxt else (s - 1, s, None)
    return None


def _open_piece(
    blocks: list[Block], title: Mapped | None, dropped: list[tuple[Mapped, str]], lead_reason: str
) -> Piece:
    """A speech over `blocks`: take its title, subtitle and salutation from the top."""
    piece = Piece(title=title)
    i = 0
    # Leading title-like lines: the last one before the body is the title, unless a header gave it.
    lead: list[Block] = []
    while i < len(blocks) and _title_like(blocks[i]) and not is_salutation(blocks[i].text.text):
        lead.append(blocks[i])
        i += 1
    if title is None and lead:
        piece.title = lead.pop().text
        for b in lead:
            dropped.append((b.text, lead_reason))
    else:
        for b in lead:
            if _repeats(b.text.text, title):
                dropped.append((b.text, "title-repeat"))
            else:
                piece.body.append(b)
    if i < len(blocks) and is_subtitle(blocks[i].text.text):
        piece.subtitle = blocks[i].text
        i += 1
    if i < len(blocks) and is_salutation(blocks[i].text.text):
        piece.salutation = blocks[i].text
        i += 1
    piece.body.extend(blocks[i:])
    return piece


def _split_run(
    blocks: list[Block], title: Mapped | None, dropped: list[tuple[Mapped, str]]
) -> list[Piece]:
    """Speeches in a run of text blocks (a whole file, or one piece under a header)."""
    anchors = [a for s in range(len(blocks)) if (a := _anchor(blocks, s)) is not None]
    starts: list[int] = []
    if anchors and title is None:
        first = anchors[0][0]
        if all(_title_like(b) for b in blocks[:first]):
            for b in blocks[:first]:
                dropped.append((b.text, "front-matter"))
            blocks = blocks[first:]
            anchors = [
                (
                    t - first,
                    sub if sub is None else sub - first,
                    sal if sal is None else sal - first,
                )
                for t, sub, sal in anchors
            ]
    starts = [0]
    for t, _sub, _sal in anchors:
        if t <= starts[-1]:
            continue
        has_body = any(
            not _title_like(b) and not is_salutation(b.text.text) and not is_subtitle(b.text.text)
            for b in blocks[starts[-1] : t]
        )
        if has_body:
            starts.append(t)
    pieces: list[Piece] = []
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(blocks)
        given = title if n == 0 else None
        pieces.append(_open_piece(blocks[start:end], given, dropped, "front-matter"))
    return pieces


def split(blocks: list[Block]) -> Split:
    """Split a file's blocks into speeches; junk blocks go to `dropped` with their reason."""
    dropped: list[tuple[Mapped, str]] = [(b.text, b.junk) for b in blocks if b.junk]
    text = [b for b in blocks if not b.junk]
    headers = [
        i
        for i, b in enumerate(text)
        if (m := PIECE_HEADER.match(b.text.text))
        and m.end() < len(b.text.text)
        and len(b.text.text) <= 80
    ]
    if not headers:
        return Split(_split_run(text, None, dropped), dropped)
    for b in text[: headers[0]]:
        dropped.append((b.text, "front-matter"))
    pieces: list[Piece] = []
    for n, h in enumerate(headers):
        end = headers[n + 1] if n + 1 < len(headers) else len(text)
        head = text[h].text
        m = PIECE_HEADER.match(head.text)
        assert m is not None
        dropped.append((head.slice(0, m.end()).strip(), "piece-header"))
        title = head.slice(m.end(), len(head.text)).strip()
        pieces.extend(_split_run(text[h + 1 : end], title, dropped))
    return Split(pieces, dropped)
