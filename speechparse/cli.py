"""The command line: a thin layer over the library (parse, check, eval, schema)."""

from __future__ import annotations

import json
import signal
import sys
import threading
from collections.abc import Iterable, Iterator
from contextlib import closing, contextmanager
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)

from . import __version__
from .batch import Options, Result, run
from .check import problems
from .errors import OutputError, SpeechparseError
from .evaluate import evaluate_dirs
from .limits import MAX_BYTES, read_file, read_stream
from .model import Document
from .names import shown
from .output import write_folder, write_single
from .pipeline import parse_bytes, parse_file
from .render import Format
from .scan import DEFAULT_GLOB, STDIN, collect

EPILOG = """\b
Examples:
  speechparse parse speech.txt                      JSON of one speech
  speechparse parse speech.txt -f outline           the outline at a glance
  speechparse parse corpus/ -f jsonl -o corpus.jsonl --jobs 4
  speechparse parse corpus/ -f csv -o sections.csv  one row per section and item
  speechparse parse speech.txt -f html -o speech.html
  speechparse check draft.txt                       numbering problems, exit 1 if any
  speechparse eval gold/ texts/                     score against annotated outlines
"""

app = typer.Typer(
    no_args_is_help=True,
    help="Parse Chinese official speeches and outline-structured texts into a section tree.",
    epilog=EPILOG,
    rich_markup_mode=None,
)
err = typer.echo


class InputFormat(str, Enum):
    auto = "auto"
    text = "text"
    docx = "docx"
    html = "html"
    pdf = "pdf"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"speechparse {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """Parse Chinese official speeches and outline-structured texts into a section tree."""


def _progress(total: int) -> tuple[Progress, TaskID]:
    bar = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(file=sys.stderr),
    )
    return bar, bar.add_task("parsing", total=total)


@app.command()
def parse(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Files, folders (searched recursively) or - for standard input. A FIFO named "
            "here is read as standard input is (it waits for a writer); in a folder, skipped."
        ),
    ],
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.json,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            help="Write to this file, or one file per input into this folder "
            "(an existing folder, a path ending in /, or html with several inputs).",
        ),
    ] = None,
    glob: Annotated[
        str, typer.Option(help="File patterns inside folders, comma-separated.")
    ] = DEFAULT_GLOB,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Parallel processes.")] = 1,
    encoding: Annotated[
        str | None, typer.Option(help="Input encoding (detected when not given).")
    ] = None,
    input_format: Annotated[
        InputFormat,
        typer.Option(
            "--input-format", help="What the inputs are (auto: by extension and content)."
        ),
    ] = InputFormat.auto,
    include_text: Annotated[
        bool,
        typer.Option(
            "--include-text", help="Put the text the spans point into in the output (input.text)."
        ),
    ] = False,
    max_size: Annotated[
        float,
        typer.Option(
            "--max-size",
            help="Refuse inputs larger than this many MB (standard input, FIFOs and devices "
            "are read up to it).",
        ),
    ] = MAX_BYTES / 1e6,
    fail_fast: Annotated[
        bool, typer.Option("--fail-fast", help="Stop at the first file that fails.")
    ] = False,
    progress: Annotated[
        bool | None,
        typer.Option(
            "--progress/--no-progress", help="Progress bar (default: on a terminal, for batches)."
        ),
    ] = None,
) -> None:
    """Parse speeches and write their section trees.

    A file that cannot be read is reported and skipped; the batch goes on, a summary follows,
    and the exit code is 2.
    """
    found = collect(paths, glob)
    inputs = found.files
    if not inputs:
        _report([], found.skipped, 0)
        err("speechparse: error: no input files found", err=True)
        raise typer.Exit(2)
    target = Path(output) if output else None
    to_folder = (
        output is not None
        and target is not None
        and (
            target.is_dir()
            or output.endswith(("/", "\\"))
            or (fmt is Format.html and len(inputs) > 1)
        )
    )
    if fmt is Format.html and len(inputs) > 1 and output is None:
        err("speechparse: error: html of several inputs needs -o FOLDER", err=True)
        raise typer.Exit(2)
    if fmt is Format.parquet and output is None and sys.stdout.isatty():
        err("speechparse: error: parquet is binary; write it with -o FILE", err=True)
        raise typer.Exit(2)
    terminal = target is None and sys.stdout.isatty()
    opts = Options(
        fmt,
        encoding,
        max_bytes=int(max_size * 1e6),
        input_format=None if input_format is InputFormat.auto else input_format.value,
        include_text=include_text,
        pretty=terminal or len(inputs) == 1,
        color=terminal,
    )
    show = progress if progress is not None else (len(inputs) > 1 and sys.stderr.isatty())
    bar, task = _progress(len(inputs)) if show else (None, TaskID(0))
    counts = {"parsed": 0, "failed": 0}

    def tick(result: Result) -> None:
        counts["failed" if result.error else "parsed"] += 1
        if bar is not None:
            bar.update(
                task, advance=1, description=f"parsed {counts['parsed']} failed {counts['failed']}"
            )

    failures: list[str] = []
    if bar is not None:
        bar.start()
    try:
        with _terminate_cleanly(), closing(run(inputs, opts, jobs, tick)) as parsed:
            results = _until_failure(parsed) if fail_fast else parsed
            if target is not None and to_folder:
                write_folder(results, target, fmt, failures)
            else:
                write_single(results, target, fmt, len(inputs), failures)
    except OutputError as exc:  # the batch stops: what is left could not be written either
        _report(failures, found.skipped, 0)
        err(f"speechparse: error: {exc}", err=True)
        raise typer.Exit(2) from None
    finally:
        if bar is not None:
            bar.stop()
    if failures or found.skipped:
        _report(failures, found.skipped, len(inputs))
        raise typer.Exit(2)


def _report(failures: list[str], skipped: list[str], count: int) -> None:
    """The files that failed and what a folder held that could not be read, one line each; a
    count of each when there was more than one thing to read."""
    for message in failures + skipped:
        err(f"speechparse: error: {message}", err=True)
    if count + len(skipped) > 1:
        counts = f"{count - len(failures)} parsed, {len(failures)} failed"
        err(f"speechparse: {counts}{f', {len(skipped)} skipped' if skipped else ''}", err=True)


@contextmanager
def _terminate_cleanly() -> Iterator[None]:
    """SIGTERM ends the command as an interrupt does, through the clean-ups (a temporary output
    file removed, the workers stopped), with the status a shell gives it (143)."""
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may set a handler
        return

    def stop(number: int, _: object) -> None:
        raise SystemExit(128 + number)

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _until_failure(results: Iterable[Result]) -> Iterator[Result]:
    """Results up to and including the first failure (for --fail-fast)."""
    for result in results:
        yield result
        if result.error:
            return


def _load(path: str, encoding: str | None) -> Document:
    if path == STDIN:
        return parse_bytes(read_stream(sys.stdin.buffer, MAX_BYTES, "<stdin>"), encoding=encoding)
    return parse_file(path, encoding=encoding)


@app.command()
def check(
    paths: Annotated[list[str], typer.Argument(help="Files or folders to check; - for stdin.")],
    glob: Annotated[
        str, typer.Option(help="File patterns inside folders, comma-separated.")
    ] = DEFAULT_GLOB,
    encoding: Annotated[str | None, typer.Option(help="Input encoding.")] = None,
) -> None:
    """Check the numbering: gaps and repeats, a skipped level, mixed full/half-width markers,
    a comma written for 、, empty headings. Prints FILE:LINE:COLUMN: problem; exits 1 when any
    is found (for pre-commit hooks), 2 when a file cannot be read.
    """
    inputs = collect(paths, glob)
    for message in inputs.skipped:
        err(f"speechparse: error: {message}", err=True)
    found, unreadable = 0, len(inputs.skipped)
    for path in inputs.files:
        try:
            doc = _load(path, encoding)
        except SpeechparseError as exc:
            err(f"speechparse: error: {exc}", err=True)
            unreadable += 1
            continue
        for problem in problems(doc):
            typer.echo(problem.format("<stdin>" if path == STDIN else shown(path)))
            found += 1
    if unreadable:
        raise typer.Exit(2)
    if found:
        err(f"{found} problem{'s' if found > 1 else ''} found", err=True)
        raise typer.Exit(1)


@app.command("eval")
def evaluate(
    gold_dir: Annotated[
        Path,
        typer.Argument(
            help="Folder of NAME.outline annotated outlines.", exists=True, file_okay=False
        ),
    ],
    text_dir: Annotated[
        Path,
        typer.Argument(help="Folder of the texts, NAME.* for each.", exists=True, file_okay=False),
    ],
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="List every difference.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
) -> None:
    """Compare parses with annotated outlines: section F1, parent accuracy, item F1, speeches,
    titles, metadata."""
    result = evaluate_dirs(gold_dir, text_dir)
    figures = result.score.figures()
    if as_json:
        typer.echo(
            json.dumps(
                {
                    "figures": figures,
                    "documents": dict(result.rows),
                    "differences": result.score.differences,
                },
                ensure_ascii=False,
                indent=1,
            )
        )
        return
    for name, row in result.rows:
        typer.echo(f"{name:36} " + " ".join(f"{k}={v}" for k, v in row.items()))
    for line in result.missing:
        typer.echo(f"  ! {line}")
    if verbose:
        for line in result.score.differences:
            typer.echo(f"  - {line}")
    typer.echo(" ".join(f"{k}={v}" for k, v in figures.items()))


@app.command()
def explain(
    path: Annotated[str, typer.Argument(help="A file, or - for standard input.")],
    encoding: Annotated[
        str | None, typer.Option("--encoding", help="Read the input in this encoding.")
    ] = None,
) -> None:
    """Show how each paragraph was read: its role (title, dateline, salutation, page junk …),
    its title score and the named features behind it."""
    from .errors import InputError
    from .explain import explain_bytes, render

    source = "<stdin>" if path == "-" else shown(path)
    try:
        if path == STDIN:
            data = read_stream(sys.stdin.buffer, MAX_BYTES, source)
        else:
            data = read_file(path, MAX_BYTES, source)
        rows = explain_bytes(data, source, encoding)
    except InputError as exc:
        typer.echo(f"speechparse: error: {exc}", err=True)
        raise typer.Exit(2) from None
    typer.echo(render(rows), nl=False)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the output."""
    typer.echo(json.dumps(Document.model_json_schema(), ensure_ascii=False, indent=2))
