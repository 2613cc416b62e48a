"""The pipeline: decode -> clean -> junk -> paragraphs -> speeches -> markers/outline -> model.

Each stage is a module of its own with a typed hand-off; this module only wires them.
"""

from __future__ import annotations

import gc
import hashlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from . import assemble, frontmatter, junk, lexicon, markers, outline, paragraphs, roles, speeches
from .clean import Cleaned, split_lines
from .dates import find_date
from .decode import decode
from .errors import InputError
from .facts import facts
from .issue import Issue
from .junk import probe
from .lazy import lazy_regex
from .limits import MAX_BYTES, Exceeded, marker_budget, read_file
from .meta import TITLE_PARTS, labelled, page_title, published, publisher, source_url
from .names import shown
from .paragraphs import Block
from .readers import FORMATS, Extracted, sniff
from .records import SCHEMA_VERSION, DocumentRecord, Parsed
from .textmap import Mapped

if TYPE_CHECKING:
    from .model import Document

MARKDOWN_TITLES_MAX = 3
HEADLINE_MAX = 90
HEADLINE_SKIP = frozenset(("publish-line", "page-control", "share-bar", "breadcrumb"))
DOCUMENT_WORD = lazy_regex(lexicon.DOCUMENT_WORD)


def _forget_lines() -> None:
    """Empty the per-line caches: they serve the stages of one parse, and a benchmark that
    parses the same texts again must not be served from them."""
    for cached in (*markers.CACHED, probe, *roles.CACHED):
        cached.cache_clear()


def read_blocks(
    text: str, hints: Extracted
) -> tuple[Cleaned, list[Block], frontmatter.FrontMatter | None]:
    """The stages up to the paragraphs: cleaned lines, paragraph blocks (junk marked), and the
    front matter if the text opens with one (its lines are junk of reason `front-matter`)."""
    cleaned = split_lines(text, unfold=hints.format == "text")  # a reader's lines are real
    reasons = junk.classify(cleaned.lines)
    front = frontmatter.find(line.text.text for line in cleaned.lines)  # (read as far as needed)
    if front is not None:
        for n in range(front.first, front.last + 1):
            reasons[n] = "front-matter"  # metadata, not text: read into `meta`
    if hints.carried is not None:  # the reader read the pages: it found their running heads
        reasons = [None if r == "page-header" else r for r in reasons]
    for line, reason in hints.junk.items():
        if line < len(reasons) and cleaned.lines[line].text.text:
            reasons[line] = reason  # the reader knows its page headers and chrome
    if hints.junk:
        _restore_headline(cleaned, reasons)
    titles = frozenset(hints.title_lines) | _markdown_titles(cleaned) | cleaned.headlines
    blocks = paragraphs.build(
        cleaned.lines, reasons, joins=hints.joins, titles=titles, carried=hints.carried
    )
    return cleaned, blocks, front


def _restore_headline(cleaned: Cleaned, reasons: list[str | None]) -> None:
    """A page's headline that the reader left out of the article (it stands in the page's
    header): the chrome line right above the text, past its publish lines, when it names a
    speech or document (`时间与未来——在…开学典礼上的讲话`), is text again."""
    lines = cleaned.lines
    first = next((n for n, r in enumerate(reasons) if r is None and lines[n].text.text), None)
    n = (first or 0) - 1
    while n >= 0 and (reasons[n] in HEADLINE_SKIP or not lines[n].text.text):
        n -= 1
    if n < 0 or first is None or reasons[n] != "html-chrome":
        return
    text = lines[n].text.text
    if (
        len(text) <= HEADLINE_MAX
        and roles.is_title_like(text.replace("——", "", 1))
        and (TITLE_PARTS.search(text) or DOCUMENT_WORD.search(text))
    ):
        reasons[n] = None


def _markdown_titles(cleaned: Cleaned) -> frozenset[int]:
    """Lines that were a Markdown level-one heading (`# 标题`): a document's title, as a Word
    `Title` paragraph is. Only the first few are taken (a file holds one title or a few)."""
    marks = [end for text, (_, end) in cleaned.residue if text.strip() == "#"]
    found: set[int] = set()
    n = 0
    for end in marks[:MARKDOWN_TITLES_MAX]:  # the line a mark stands on: the last one it ends in
        lines = cleaned.lines
        while n + 1 < len(lines) and lines[n + 1].text.span[0] <= end:
            n += 1
        if lines and lines[n].text.text and lines[n].text.span[0] <= end:
            found.add(lines[n].number)
    return frozenset(found)


def parse_text(
    text: str,
    *,
    path: str | None = None,
    encoding: str = "utf-8",
    sha256: str | None = None,
    notes: tuple[str, ...] = (),
    hints: Extracted | None = None,
) -> Document:
    """Parse a decoded text into a `Document` (`notes`: what decoding noticed, as warnings).

    >>> doc = parse_text("标题\\n同志们：\\n一、第一点\\n正文。\\n二、第二点\\n正文。")
    >>> [s.marker for s in doc.speeches[0].sections], doc.speeches[0].title
    (['一、', '二、'], '标题')
    """
    if not isinstance(text, str):  # bytes: their encoding is to be found first
        raise TypeError(
            f"parse_text takes a str, not {type(text).__name__}: for bytes, use parse_bytes "
            "(it finds the encoding) or decode them first"
        )
    with _no_cycle_collection():
        return _parsed(text, path, encoding, sha256, notes, hints).document()


def _parsed(
    text: str,
    path: str | None,
    encoding: str,
    sha256: str | None,
    notes: tuple[str, ...],
    hints: Extracted | None,
) -> Parsed:
    try:
        return _parse(text, path and shown(path), encoding, sha256, notes, hints)
    except Exceeded as exc:  # counted before the objects were made
        raise InputError(shown(path) if path else "<input>", exc.problem) from None


@contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """The cycle collector paused while a text is parsed: a parse makes many objects and no
    cycles, and the collector's passes over them cost ~5 % of a parse (more for long texts,
    whose objects it walks again and again). Left as it was found, even on an error."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_on:
            gc.enable()


def _parse(
    text: str,
    path: str | None,
    encoding: str,
    sha256: str | None,
    notes: tuple[str, ...],
    hints: Extracted | None,
) -> Parsed:
    _forget_lines()
    hints = hints or Extracted(text, "text", encoding)
    cleaned, blocks, front = read_blocks(text, hints)
    split = speeches.split(blocks)
    issues = [Issue("decode", note) for note in notes] + cleaned.issues
    out_speeches = []
    markers_left = marker_budget()
    for piece in split.pieces:
        records = [facts(b) for b in piece.body]
        tree = outline.build([b.text for b in piece.body], markers_left, records)
        markers_left -= tree.markers
        out_speeches.append(assemble.speech(piece, tree))
        issues.extend(tree.issues)
    header_lines = [m.text for m, reason in split.dropped if reason == "publish-line"]
    header_lines += labelled([m.text for m, reason in split.dropped if reason == "html-chrome"])
    addresses = [m.text for m, reason in split.dropped if reason == "source-address"]
    fields = front.fields if front is not None else {}
    digest = sha256 or hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    stated_title = page_title(hints.title) or fields.get("title")
    if stated_title in _menu_labels(split.dropped):
        stated_title = None  # the page's <title> names its column (a label of its menu)
    if stated_title and out_speeches and out_speeches[0]["title"] is None:
        out_speeches[0]["title"] = stated_title  # the page's own <title>, not in the text
    author = fields.get("author")
    if author and len(out_speeches) == 1 and out_speeches[0]["speaker"]["name"] is None:
        out_speeches[0]["speaker"]["name"] = author
    record: DocumentRecord = {
        "schema_version": SCHEMA_VERSION,
        "input": {
            "path": path,
            "encoding": encoding,
            "chars": len(text),
            "sha256": digest,
            "format": hints.format,
            "text": None,
        },
        "meta": {
            "published": published(header_lines)
            or _iso_date(fields.get("date"))
            or hints.published,
            "publisher": publisher(header_lines) or fields.get("source") or hints.publisher,
            "url": fields.get("url") or source_url(addresses) or hints.url,
        },
        "speeches": out_speeches,
        "dropped": assemble.dropped(
            split.dropped,
            {"pinyin": split.pinyin, "markup": cleaned.residue, "lost-character": cleaned.lost},
        ),
        "warnings": assemble.warnings(issues),
    }
    return Parsed(record, text)


MENU = "nav-menu"  # the reason junk gives a menu's labels


def _menu_labels(dropped: list[tuple[Mapped, str]]) -> set[str]:
    return {m.text.strip() for m, reason in dropped if reason == MENU}


def _iso_date(value: str | None) -> str | None:
    """A front matter's date as ISO (`2024-01-08`, `2024-01-08T09:30:00+08:00` → its date)."""
    if not value:
        return None
    found = find_date(value)
    return found.iso if found is not None else None


def parse_bytes(
    data: bytes,
    *,
    path: str | None = None,
    encoding: str | None = None,
    input_format: str | None = None,
) -> Document:
    """Read (a text in any encoding, a .docx, a web page, a PDF: `input_format`, or found from
    the name and the bytes) and parse. The spans point into the text read from it."""
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError(
            f"parse_bytes takes bytes, not {type(data).__name__}: for a str, use parse_text"
        )
    parsed = parsed_bytes(data, path=path, encoding=encoding, input_format=input_format)
    with _no_cycle_collection():
        return parsed.document()


def parsed_bytes(
    data: bytes,
    *,
    path: str | None = None,
    encoding: str | None = None,
    input_format: str | None = None,
) -> Parsed:
    """`parse_bytes`, its output as records (`records.Parsed`: what the command renders)."""
    path = path and shown(path)
    source = path or "<input>"
    fmt = input_format or sniff(data, path)
    if fmt not in FORMATS:
        raise InputError(source, f"unknown input format {fmt!r} (one of {', '.join(FORMATS)})")
    if fmt != "text":
        if not data.strip():
            raise InputError(source, "is empty")
        if fmt == "docx":
            from .readers import docx

            extracted = docx.extract(data, source)
        elif fmt == "pdf":
            from .readers import pdf

            extracted = pdf.extract(data, source)
        else:
            from .readers import web

            extracted = web.extract(data, source, encoding)
        with _no_cycle_collection():
            return _parsed(
                extracted.text,
                path,
                extracted.encoding,
                hashlib.sha256(data).hexdigest(),
                extracted.warnings,
                extracted,
            )
    decoded = decode(data, source, encoding)
    with _no_cycle_collection():
        return _parsed(
            decoded.text,
            path,
            decoded.encoding,
            hashlib.sha256(data).hexdigest(),
            decoded.warnings,
            None,
        )


def parse_file(
    path: str | Path,
    *,
    encoding: str | None = None,
    max_bytes: int | None = MAX_BYTES,
    input_format: str | None = None,
) -> Document:
    """Read and parse one file; unreadable files raise `InputError` naming the file.

    Files over `max_bytes` (default 64 MB; None for no limit) are refused: a speech is tens of
    kilobytes, and a file hundreds of megabytes long is a dump to split first. A FIFO or a
    device is read up to the limit and refused past it.
    """
    parsed = parsed_file(path, encoding=encoding, max_bytes=max_bytes, input_format=input_format)
    with _no_cycle_collection():
        return parsed.document()


def parsed_file(
    path: str | Path,
    *,
    encoding: str | None = None,
    max_bytes: int | None = MAX_BYTES,
    input_format: str | None = None,
) -> Parsed:
    """`parse_file`, its output as records (`records.Parsed`: what the command renders)."""
    name = shown(str(path))
    data = read_file(path, max_bytes, name)
    return parsed_bytes(data, path=name, encoding=encoding, input_format=input_format)
