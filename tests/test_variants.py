"""The same text, however it is wrapped or encoded, gives the same outline as the original."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import opencc
import pytest
from conftest import CASES, SAMPLES

import speechparse
from speechparse.audit import audit
from speechparse.outline_format import write

WRAP = 37


def hard_wrap(text: str, width: int = WRAP) -> str:
    """Break every line longer than `width` characters, as fixed-width pages and PDFs do."""
    out: list[str] = []
    for line in text.split("\n"):
        while len(line) > width:
            out.append(line[:width])
            line = line[width:]
        out.append(line)
    return "\n".join(out)


def paged(text: str, every: int = 23) -> str:
    """Hard-wrapped, with a page number (`— 3 —`, `第3页 共9页`) every `every` lines and the
    title as the next page's running head, as text copied out of a PDF: pages break anywhere,
    in the middle of a sentence too."""
    lines = hard_wrap(text).split("\n")
    head = speechparse.parse_text(text).speeches[0].title or "工作报告"
    out: list[str] = []
    for n, line in enumerate(lines, 1):
        out.append(line)
        if n % every == 0:
            page = n // every
            out.append(f"— {page} —" if page % 2 else f"第{page}页 共{len(lines) // every}页")
            out.append(head)
    return "\n".join(out)


VARIANTS: dict[str, Callable[[str], bytes]] = {
    "gb18030": lambda t: t.encode("gb18030"),
    "utf-16": lambda t: t.encode("utf-16"),
    "utf-8-bom": lambda t: t.encode("utf-8-sig"),
    "crlf": lambda t: t.replace("\n", "\r\n").encode("utf-8"),
    "wrapped-37": lambda t: hard_wrap(t).encode("utf-8"),
    "wrapped-37-crlf-gb18030": lambda t: hard_wrap(t).replace("\n", "\r\n").encode("gb18030"),
    "pdf-pages": lambda t: paged(t).encode("utf-8"),
    # text copied out of a page's source: space entities as indentation, tags as line breaks
    "html-residue": lambda t: "\n".join(
        f"&nbsp;&nbsp;{line}<br/>" if line.strip() else line for line in t.split("\n")
    ).encode("utf-8"),
    "html-residue-one-line": lambda t: "".join(
        f"<p>&#12288;&#12288;{line}</p>" for line in t.split("\n")
    ).encode("utf-8"),
    # paragraph breaks lost, each paragraph still indented: one long line
    "collapsed": lambda t: "\u3000\u3000".join(
        line for line in t.split("\n") if line.strip()
    ).encode("utf-8"),
    # every line break lost (a scraper's text of the page): one line, a space between lines
    "collapsed-spaces": lambda t: " ".join(
        line.strip() for line in t.split("\n") if line.strip()
    ).encode("utf-8"),
    # text converted to Markdown: short lines (titles, headings) as headings or bold
    "markdown": lambda t: "\n\n".join(
        (f"## {line}" if len(line) < 16 else f"**{line}**") if line.strip() else ""
        for line in t.split("\n")
    ).encode("utf-8"),
}


# Variants that rewrite a text's lines (wrap them, page them, mark them up): a text that came as
# one line, every break lost, has no lines of its own to rewrite.
LINE_VARIANTS = frozenset(
    {"wrapped-37", "wrapped-37-crlf-gb18030", "pdf-pages", "html-residue", "html-residue-one-line"}
)


def _one_line(path: Path) -> bool:
    return len(path.read_text(encoding="utf-8").strip().splitlines()) == 1


# A text with a piece in English: run onto one line, its English paragraphs (and its head's
# lines: title, `by`, name, role, date) leave no mark where they end.
LATIN_PIECES = frozenset({"translation_appended"})
COLLAPSED = frozenset({"collapsed", "collapsed-spaces"})
# A title in parts set on two lines: run onto one line with a space for each line break, the
# break between its lines reads as one more space between its parts (the title's text differs
# by that space).
TWO_LINE_TITLES = frozenset({"slogan_title_two_lines"})

CASES_AND_VARIANTS = [
    pytest.param(path, variant, id=f"{path.stem}-{variant}")
    for path in SAMPLES + CASES
    for variant in sorted(VARIANTS)
    if not (variant in LINE_VARIANTS and _one_line(path))
    and not (variant in COLLAPSED and path.stem in LATIN_PIECES)
    and not (variant == "collapsed-spaces" and path.stem in TWO_LINE_TITLES)
]


@pytest.mark.parametrize(("path", "variant"), CASES_AND_VARIANTS)
def test_variant_gives_the_same_outline(path: Path, variant: str) -> None:
    original = path.read_text(encoding="utf-8")
    expected = write(speechparse.parse_text(original))
    got = speechparse.parse_bytes(VARIANTS[variant](original), path=path.name)
    assert write(got) == expected
    assert audit(got) == []


def _shape(doc: speechparse.Document) -> list[object]:
    """What must not depend on the script: speeches, the tree, items and which metadata is found."""
    shape: list[object] = [len(doc.speeches)]
    for speech in doc.speeches:
        shape.append(
            [bool(getattr(speech, f)) for f in ("title", "subtitle", "occasion", "salutation")]
            + [bool(speech.speaker.name), bool(speech.speaker.role)]
        )
        for p in speech.preamble + speech.closing:
            shape += [(i.kind, i.ordinal) for i in p.items]
        for s in speech.walk():
            shape.append((s.kind, s.ordinal, s.level, len(s.paragraphs)))
            shape += [(i.kind, i.ordinal) for p in s.paragraphs for i in p.items]
    return shape


@pytest.mark.parametrize("path", SAMPLES + CASES, ids=lambda p: p.stem)
def test_traditional_script_gives_the_same_tree(path: Path) -> None:
    original = path.read_text(encoding="utf-8")
    traditional = opencc.OpenCC("s2t").convert(original)
    assert _shape(speechparse.parse_text(traditional)) == _shape(speechparse.parse_text(original))
