"""Check that a parse lost no text: every visible character of the input lies in exactly one
place of the output (a title, subtitle or salutation, a paragraph, or `dropped`), each place's
text is its span's source, and the tree's spans nest, each section's opening with its marker
(read past what is nested in it: `二&nbsp;、`, `（四<br>）`, `一(yī)是`).

`audit(doc)` returns what is wrong, in words (an empty list when all holds). The tests run it on
every fixture and on generated speeches; users can run it on their own corpora.
"""

from __future__ import annotations

from collections.abc import Iterator

from .clean import INVISIBLE
from .junk import PAGE_BREAK
from .model import Document, Paragraph, Section

# pieces removed from inside a paragraph
NESTED = tuple(
    f"dropped {reason}" for reason in ("pinyin", "markup", "lost-character", *PAGE_BREAK)
)


def _visible(text: str) -> str:
    return "".join(INVISIBLE.sub("", text).split())


def _owners(doc: Document) -> Iterator[tuple[str, str, tuple[int, int]]]:
    """(what, text, span) for every place text is kept."""
    for n, speech in enumerate(doc.speeches):
        for what, text, span in (
            ("title", speech.title, speech.title_span),
            ("subtitle", speech.subtitle, speech.subtitle_span),
            ("salutation", speech.salutation, speech.salutation_span),
        ):
            if text is not None and span is not None:
                yield f"speech {n} {what}", text, span
        paragraphs = speech.preamble + speech.closing
        paragraphs += [p for s in speech.walk() for p in s.paragraphs]
        for p in paragraphs:
            yield f"speech {n} paragraph at {p.span}", p.text, p.span
    for d in doc.dropped:
        yield f"dropped {d.reason} at {d.span}", d.text, d.span


def audit(doc: Document, text: str | None = None) -> list[str]:
    """What the parse of `text` (default: the document's own source) got wrong."""
    source = text if text is not None else doc.source_text
    if source is None:
        return ["no source text to audit against"]
    problems: list[str] = []
    owners = list(_owners(doc))
    # Places nested in others (pinyin, a space entity inside a paragraph) own their characters
    # first, the innermost first: a page number can stand inside a pinyin annotation (`(jī`,
    # the page's number, `ng)`), and each owns its own characters.
    owned = [0] * len(source)
    claimed = bytearray(len(source))
    nested = sorted((o for o in owners if o[0].startswith(NESTED)), key=lambda o: o[2][1] - o[2][0])
    others = [o for o in owners if not o[0].startswith(NESTED)]
    for what, kept, (s, e) in nested + others:
        if not 0 <= s <= e <= len(source):
            problems.append(f"{what}: span outside the text")
            continue
        expected = "".join(ch for i, ch in enumerate(source[s:e], s) if not claimed[i])
        inner = what.startswith(NESTED)
        for i in range(s, e):
            if not claimed[i]:
                owned[i] += 1
                if inner:
                    claimed[i] = 1  # an outer place reads past what is nested in it
        if _visible(kept) != _visible(expected):
            problems.append(f"{what}: text {kept[:30]!r} is not its source {expected[:30]!r}")
    for i, ch in enumerate(source):
        if owned[i] != 1 and _visible(ch):
            where = "nowhere" if owned[i] == 0 else f"in {owned[i]} places"
            problems.append(f"character {ch!r} at {i} is kept {where}")
            if len(problems) > 20:
                break
    for speech in doc.speeches:
        for section in speech.sections:
            problems += _nesting(section, source, claimed, speech.span)
    return problems


def _opening(source: str, claimed: bytearray, start: int, end: int, n: int) -> str:
    """The first `n` visible characters of `source[start:end]`, past what is nested in it (a
    space entity or a tag inside a marker, `二&nbsp;、`, `（四<br>）`; pinyin, `一(yī)是`)."""
    out: list[str] = []
    for i in range(start, end):
        if len(out) == n:
            break
        if not claimed[i] and _visible(source[i]):
            out.append(source[i])
    return "".join(out)


def _nesting(s: Section, source: str, claimed: bytearray, outer: tuple[int, int]) -> list[str]:
    problems: list[str] = []
    start, end = s.span
    if not (outer[0] <= start < end <= outer[1]):
        problems.append(f"{s.marker}{s.heading[:10]}: span {s.span} outside its parent {outer}")
    marker = _visible(s.marker)
    if _opening(source, claimed, start, end, len(marker)) != marker:
        problems.append(f"{s.marker}{s.heading[:10]}: span does not start with its marker")
    last = start
    for p in s.paragraphs:
        problems += _paragraph(p, s.span)
    for child in s.children:
        if child.span[0] < last:
            problems.append(f"{child.marker}{child.heading[:10]}: out of order")
        last = child.span[1]
        problems += _nesting(child, source, claimed, s.span)
    return problems


def _paragraph(p: Paragraph, outer: tuple[int, int]) -> list[str]:
    problems = []
    if not (outer[0] <= p.span[0] <= p.span[1] <= outer[1]):
        problems.append(f"paragraph at {p.span} outside its section {outer}")
    for item in p.items:
        if not (p.span[0] <= item.span[0] < item.span[1] <= p.span[1]):
            problems.append(f"item {item.marker} at {item.span} outside its paragraph {p.span}")
    return problems
