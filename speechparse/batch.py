"""Batches: inputs from files, folders and standard input, parsed in parallel and rendered.

A bad file never stops a batch: its error is collected and reported at the end. Rendering
happens where the parsing happened (in the worker), so only strings and rows move between
processes. Output files are written atomically (a temporary file renamed into place).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Generator
from dataclasses import dataclass, field
from functools import partial

from . import colour
from .errors import SpeechparseError
from .limits import read_stream
from .names import shown
from .pipeline import parsed_bytes, parsed_file
from .records import Parsed
from .render import Format, table_rows, to_markdown, to_tree
from .scan import STDIN

# The html page and the worker processes (multiprocessing, concurrent.futures) are imported
# where they are used: a one-file parse to JSON needs neither.


@dataclass(frozen=True, slots=True)
class Options:
    fmt: Format
    encoding: str | None = None
    max_bytes: int | None = None
    input_format: str | None = None
    include_text: bool = False
    pretty: bool = False
    color: bool = False  # json and tree in colour (for a terminal)


@dataclass(slots=True)
class Result:
    path: str
    data: bytes = b""  # the rendered document, UTF-8 (text formats): bytes move between
    # processes and to the output as they are, with no decoding and encoding on the way
    rows: list[dict[str, object]] = field(default_factory=list)  # table formats
    error: str | None = None


def render(parsed: Parsed, opts: Options, path: str) -> Result:
    """Render one parsed document in the chosen format (`path`: the input, as named): JSON
    straight from its records, the other formats from its `Document`."""
    fmt = opts.fmt
    if fmt in (Format.json, Format.jsonl):
        data = parsed.json(pretty=opts.pretty and fmt is Format.json)
        return Result(path, data=colour.json(data) if opts.color else data)
    doc = parsed.document()
    if fmt in (Format.csv, Format.parquet):
        return Result(path, rows=table_rows(doc))
    if fmt is Format.outline:
        text = doc.to_outline()
    elif fmt is Format.markdown:
        text = to_markdown(doc)
    elif fmt is Format.tree:
        text = to_tree(doc, color=opts.color)
    else:
        from .html import to_html

        text = to_html(doc, parsed.source)
    return Result(path, data=text.encode("utf-8"))


def parse_one(path: str, opts: Options) -> Result:
    """Parse and render one input; an error becomes the result's `error`, never an exception."""
    try:
        if path == STDIN:
            parsed = parsed_bytes(
                read_stream(sys.stdin.buffer, opts.max_bytes, "<stdin>"),
                path=None,
                encoding=opts.encoding,
                input_format=opts.input_format,
            )
        else:
            parsed = parsed_file(
                path,
                encoding=opts.encoding,
                max_bytes=opts.max_bytes,
                input_format=opts.input_format,
            )
        if opts.include_text:
            parsed.record["input"]["text"] = parsed.source
        return render(parsed, opts, path)
    except SpeechparseError as exc:
        return Result(path, error=str(exc))
    except Exception as exc:
        return _failed(path, f"internal error ({type(exc).__name__}: {exc})")


def run(
    paths: list[str], opts: Options, jobs: int = 1, progress: Callable[[Result], None] | None = None
) -> Generator[Result, None, None]:
    """Results in input order, parsed by `jobs` processes (see `workers`)."""
    if jobs <= 1 or len(paths) <= 1 or STDIN in paths:
        results: Generator[Result, None, None] = (parse_one(p, opts) for p in paths)
    else:
        from .workers import parallel

        results = parallel(partial(parse_one, opts=opts), paths, jobs, _failed)
    try:
        for result in results:
            if progress:
                progress(result)
            yield result
    finally:
        results.close()  # the workers stop now when the batch stops early


def _failed(path: str, problem: str) -> Result:
    return Result(path, error=f"{shown(path)}: {problem}")
