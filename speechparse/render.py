"""Output formats of one document: json, jsonl, outline, markdown, tree, csv rows, html.

Every renderer takes a `Document` and returns text (or rows for the table formats), so a batch
can render in worker processes and only move strings; the command's JSON is rendered straight
from the parse's records (`records.Parsed.json`: the same bytes, no models made).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from enum import Enum
from typing import TYPE_CHECKING, Any, BinaryIO

from .records import json_bytes
from .views import ROW_FIELDS, rows

if TYPE_CHECKING:
    from rich.tree import Tree

    from .model import Document, Paragraph, Section, Speech


class Format(str, Enum):
    json = "json"
    jsonl = "jsonl"
    outline = "outline"
    markdown = "markdown"
    tree = "tree"
    csv = "csv"
    parquet = "parquet"
    html = "html"


EXTENSIONS = {
    Format.json: "json",
    Format.jsonl: "jsonl",
    Format.outline: "outline",
    Format.markdown: "md",
    Format.tree: "txt",
    Format.csv: "csv",
    Format.parquet: "parquet",
    Format.html: "html",
}
# the format an output file's extension names (`.txt` names none: outline and tree are text)
BY_EXTENSION = {
    **{f".{ext}": fmt for fmt, ext in EXTENSIONS.items() if ext != "txt"},
    ".ndjson": Format.jsonl,
    ".markdown": Format.markdown,
    ".htm": Format.html,
}


def format_for(path: str) -> Format | None:
    """The format an output file's name asks for, as pandoc reads it from the extension.

    >>> format_for("sections.parquet"), format_for("out/rows.CSV"), format_for("tree.txt")
    (<Format.parquet: 'parquet'>, <Format.csv: 'csv'>, None)
    """
    dot = path.rfind(".")
    return BY_EXTENSION.get(path[dot:].lower()) if dot > path.rfind("/") else None


def to_json(doc: Document, pretty: bool = True) -> str:
    return doc.model_dump_json(indent=2 if pretty else None)


def to_json_bytes(doc: Document | dict[str, Any], pretty: bool = False) -> bytes:
    """The JSON as UTF-8 bytes (no str on the way): a document's by pydantic's serializer, its
    JSON-ready dict (`model_dump(mode="json")`, as the Dask bags hold) by `records.json_bytes`,
    which writes the same bytes."""
    if isinstance(doc, dict):
        return json_bytes(doc, pretty)
    import pydantic_core

    return pydantic_core.to_json(doc, indent=2 if pretty else None)


def to_markdown(doc: Document) -> str:
    """Headings by level (`#` the speech, `##` the top sections), paragraphs as written.

    >>> from speechparse import parse_text
    >>> print(to_markdown(parse_text("标题\\n一、总体要求\\n正文。")), end="")
    # 标题
    <BLANKLINE>
    ## 一、总体要求
    <BLANKLINE>
    正文。
    """
    out: list[str] = []

    def paras(ps: list[Paragraph], skip_lead: bool = False) -> None:
        for p in ps[1:] if skip_lead else ps:
            out.extend([p.text, ""])

    def section(s: Section) -> None:
        out.extend([f"{'#' * min(6, s.level + 1)} {s.marker}{s.heading}", ""])
        lead = s.paragraphs[0].text if s.paragraphs else ""
        rest = lead[len(s.marker) :].strip()
        tail = rest[len(s.heading) :].lstrip("。.：:；; \u3000")
        if tail:
            out.extend([tail, ""])
        paras(s.paragraphs, skip_lead=True)
        for child in s.children:
            section(child)

    for speech in doc.speeches:
        out.extend([f"# {speech.title or '(untitled)'}", ""])
        facts = _facts(speech)
        if facts:
            out.extend([*(f"- {k}: {v}" for k, v in facts), ""])
        if speech.salutation:
            out.extend([speech.salutation, ""])
        paras(speech.preamble)
        for s in speech.sections:
            section(s)
        paras(speech.closing)
    return "\n".join(out).rstrip("\n") + "\n"


def _facts(speech: Speech) -> list[tuple[str, str]]:
    pairs = [
        ("subtitle", speech.subtitle),
        ("speaker", speech.speaker.name),
        ("role", speech.speaker.role),
        ("occasion", speech.occasion),
        ("date", speech.date),
    ]
    return [(k, v) for k, v in pairs if v]


def to_tree(doc: Document, color: bool = False, width: int = 100) -> str:
    """The outline as a tree drawn for the terminal (rich, imported here: no other format
    needs it)."""
    from rich.console import Console
    from rich.tree import Tree

    console = Console(file=io.StringIO(), force_terminal=color, width=width, no_color=not color)
    for speech in doc.speeches:
        root = Tree(f"[bold]{_escape(speech.title or '(untitled)')}[/bold]")
        for k, v in _facts(speech):
            root.add(f"[dim]{k}: {_escape(v)}[/dim]")

        def add(branch: Tree, s: Section) -> None:
            node = branch.add(f"[cyan]{_escape(s.marker)}[/cyan] {_escape(s.heading)}")
            for p in s.paragraphs:
                for item in p.items:
                    node.add(f"[green]> {_escape(item.marker)}[/green] {_escape(item.heading)}")
            for child in s.children:
                add(node, child)

        for p in speech.preamble:
            for item in p.items:
                root.add(f"[green]> {_escape(item.marker)}[/green] {_escape(item.heading)}")
        for s in speech.sections:
            add(root, s)
        console.print(root)
    out = console.file
    assert isinstance(out, io.StringIO)
    return out.getvalue()


def _escape(text: str) -> str:
    return text.replace("[", "\\[")


def table_rows(doc: Document) -> list[dict[str, object]]:
    return list(rows(doc))


def to_csv(batch: Iterable[dict[str, object]], header: bool = True) -> str:
    """Rows as CSV (RFC 4180 quoting), with a header line first unless told not to."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=ROW_FIELDS, lineterminator="\n")
    if header:
        writer.writeheader()
    writer.writerows(batch)
    return buf.getvalue()


PARQUET_FIELDS = (
    ("file", "string"),
    ("speech", "int32"),
    ("title", "string"),
    ("row", "string"),
    ("path", "string"),
    ("level", "int32"),
    ("kind", "string"),
    ("marker", "string"),
    ("ordinal", "int32"),
    ("heading", "string"),
    ("text", "string"),
    ("start", "int64"),
    ("end", "int64"),
)


class ParquetRows:
    """Rows appended to a Parquet file as they come (needs the `parquet` extra: pyarrow)."""

    def __init__(self, sink: BinaryIO) -> None:
        try:
            import pyarrow as pa
            import pyarrow.parquet as pq
        except ImportError:  # pragma: no cover - depends on the installation
            from .errors import SpeechparseError

            raise SpeechparseError(
                "parquet output needs pyarrow: pip install 'speechparse[parquet]'"
            ) from None
        self.pa = pa
        self.schema = pa.schema([(name, getattr(pa, kind)()) for name, kind in PARQUET_FIELDS])
        self.writer = pq.ParquetWriter(sink, self.schema)

    def write_rows(self, rows: list[dict[str, object]]) -> None:
        if rows:
            self.writer.write_table(self.pa.Table.from_pylist(rows, schema=self.schema))

    def close(self) -> None:
        self.writer.close()


def parquet_writer(sink: BinaryIO) -> ParquetRows:
    return ParquetRows(sink)
