"""The command line: a thin layer over the library (parse, check, eval, schema)."""

from __future__ import annotations

import json
import math
import os
import signal
import sys
import threading
from collections.abc import Iterable, Iterator
from contextlib import closing, contextmanager
from dataclasses import asdict
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from . import __version__, colour
from .batch import Options, Result, run
from .command import HELP_OPTIONS, Command, Group, error
from .errors import OutputError, SpeechparseError
from .limits import MAX_BYTES, read_file, read_stream
from .names import shown
from .output import Layout, identities, write_folder, write_single
from .pipeline import parse_bytes, parse_file
from .render import BY_EXTENSION, Format, format_for
from .scan import DEFAULT_GLOB, STDIN, collect

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID

    from .model import Document

# What only some commands use is imported in them (rich's progress bar, the check, the
# evaluation): a one-file parse starts without them.
EPILOG = """\b
Examples:
  speechparse parse speech.txt                      JSON of one speech
  speechparse parse speech.txt -f outline           the outline at a glance
  speechparse parse corpus/ -o corpus.jsonl --jobs 4  the format from the extension
  speechparse parse corpus/ -o sections.csv --bom   one row per section and item, for Excel
  speechparse parse speech.txt -o speech.html
  speechparse check draft.txt                       numbering problems, exit 1 if any
  speechparse eval gold/ texts/                     score against annotated outlines
"""

app = typer.Typer(
    cls=Group,
    no_args_is_help=True,
    help="Parse Chinese official speeches and outline-structured texts into a section tree.",
    epilog=EPILOG,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,  # an internal error is a plain traceback, never coloured
    context_settings={"help_option_names": HELP_OPTIONS},
)
err = typer.echo
QUIET = typer.Option("--quiet", "-q", help="Print errors only: no progress bar, no summary.")


class InputFormat(str, Enum):
    auto = "auto"
    text = "text"
    docx = "docx"
    html = "html"
    pdf = "pdf"


class CheckFormat(str, Enum):
    text = "text"
    json = "json"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"speechparse {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool,
        typer.Option(
            "--version", "-V", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """Parse Chinese official speeches and outline-structured texts into a section tree."""


def _progress(total: int) -> tuple[Progress, TaskID]:
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
    )

    bar = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(file=sys.stderr, no_color=not colour.wanted(sys.stderr)),
    )
    return bar, bar.add_task("parsing", total=total)


@app.command(cls=Command)
def parse(
    paths: Annotated[
        list[str],
        typer.Argument(
            metavar="PATH",
            help="Files, folders (searched recursively) or - for standard input. A FIFO named "
            "here is read as standard input is (it waits for a writer); in a folder, skipped.",
        ),
    ],
    fmt: Annotated[
        Format | None,
        typer.Option(
            "--format",
            "-f",
            metavar="FORMAT",
            help=f"{', '.join(f.value for f in Format)}. Default: the one the -o file's "
            f"extension names ({' '.join(BY_EXTENSION)}), else json.",
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE|FOLDER/",
            help="Write to this file, or one file per input into this folder "
            "(an existing folder, a path ending in /, or html with several inputs). "
            "Never one of the inputs.",
        ),
    ] = None,
    glob: Annotated[
        str,
        typer.Option(metavar="PATTERNS", help="File patterns inside folders, comma-separated."),
    ] = DEFAULT_GLOB,
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", metavar="N", min=1, help="Parallel processes.")
    ] = 1,
    encoding: Annotated[
        str | None,
        typer.Option(metavar="NAME", help="Input encoding (detected when not given)."),
    ] = None,
    input_format: Annotated[
        InputFormat,
        typer.Option(
            "--input-format",
            metavar="|".join(f.value for f in InputFormat),
            help="What the inputs are (auto: by extension and content).",
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
            metavar="MB",
            help="Refuse inputs larger than this many MB (standard input, FIFOs and devices "
            "are read up to it; inf: no limit).",
        ),
    ] = MAX_BYTES / 1e6,
    bom: Annotated[
        bool,
        typer.Option(
            "--bom",
            help="Start CSV with a UTF-8 byte-order mark, by which Excel (on a Chinese "
            "Windows too) reads it as UTF-8.",
        ),
    ] = False,
    fail_fast: Annotated[
        bool, typer.Option("--fail-fast", help="Stop at the first file that fails.")
    ] = False,
    progress: Annotated[
        bool | None,
        typer.Option(
            "--progress/--no-progress", help="Progress bar (default: on a terminal, for batches)."
        ),
    ] = None,
    quiet: Annotated[bool, QUIET] = False,
) -> None:
    """Parse speeches and write their section trees.

    A file that cannot be read is reported and skipped; the batch goes on, a summary follows,
    and the exit code is 2.
    """
    if output == "":
        raise error("-o needs a file or folder name")
    if not max_size > 0:
        raise error(f"--max-size must be more than 0 (not {max_size:g})")
    found = collect(paths, glob)
    inputs = found.files
    if not inputs:
        _report([], found.skipped, 0, quiet)
        raise error("no input files found")
    folder = output is not None and (os.path.isdir(output) or output.endswith(("/", "\\")))
    fmt = _output_format(fmt, None if folder else output)
    to_folder = output is not None and (folder or (fmt is Format.html and len(inputs) > 1))
    _refuse(fmt, output, len(inputs), bom)
    target = Path(output) if output else None
    terminal = target is None and sys.stdout.isatty()
    opts = Options(
        fmt,
        encoding,
        max_bytes=None if math.isinf(max_size * 1e6) else int(max_size * 1e6),  # inf: none
        input_format=None if input_format is InputFormat.auto else input_format.value,
        include_text=include_text,
        pretty=terminal or len(inputs) == 1,
        color=terminal and colour.wanted(sys.stdout),
    )
    layout = Layout(fmt, bom=bom, inputs=identities(inputs))
    show = progress if progress is not None else (len(inputs) > 1 and sys.stderr.isatty())
    bar, task = _progress(len(inputs)) if show and not quiet else (None, None)
    counts = {"parsed": 0, "failed": 0}

    def tick(result: Result) -> None:
        counts["failed" if result.error else "parsed"] += 1
        if bar is not None and task is not None:
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
                write_folder(results, target, layout, failures)
            else:
                write_single(results, target, layout, len(inputs), failures)
    except OutputError as exc:  # the batch stops: what is left could not be written either
        _report(failures, found.skipped, 0, quiet)
        raise error(str(exc)) from None
    except SpeechparseError as exc:  # any other error of ours: one line too
        raise error(str(exc)) from None
    finally:
        if bar is not None:
            bar.stop()
    if failures or found.skipped:
        unread = len(inputs) - counts["parsed"] - counts["failed"]  # --fail-fast stopped
        _report(failures, found.skipped, counts["parsed"] + counts["failed"], quiet, unread)
        raise typer.Exit(2)


def _output_format(given: Format | None, output: str | None) -> Format:
    """-f, else the format the output file's extension names, else json; a conflict of the two
    is an error (`-f csv -o rows.json`)."""
    named = format_for(output) if output else None
    if given is not None and named is not None and given is not named:
        raise error(
            f"-f {given.value} does not agree with -o {output}, which names {named.value}: "
            "leave out -f, or name the file for its format"
        )
    return given or named or Format.json


def _refuse(fmt: Format, output: str | None, count: int, bom: bool) -> None:
    """What cannot be done, said before anything is parsed."""
    if fmt is Format.html and count > 1 and output is None:
        raise error("html of several inputs needs -o FOLDER")
    if fmt is Format.parquet and output is None and sys.stdout.isatty():
        raise error("parquet is binary; write it with -o FILE")
    if fmt is Format.parquet:
        try:
            import pyarrow.parquet  # noqa: F401
        except ImportError:
            need = "parquet output needs pyarrow: pip install 'speechparse[parquet]'"
            raise error(need) from None
    if bom and fmt is not Format.csv:
        raise error(f"--bom is for csv output, not {fmt.value}")


def _report(
    failures: list[str], skipped: list[str], count: int, quiet: bool, unread: int = 0
) -> None:
    """The files that failed and what a folder held that could not be read, one line each; a
    count of each when there was more than one thing to read (`count`: the files read, and
    `unread` those --fail-fast left), unless quiet."""
    for message in failures + skipped:
        err(f"speechparse: error: {message}", err=True)
    if count + len(skipped) + unread > 1 and not quiet:
        counts = [f"{count - len(failures)} parsed", f"{len(failures)} failed"]
        counts += [f"{len(skipped)} skipped"] * bool(skipped)
        counts += [f"{unread} left by --fail-fast"] * bool(unread)
        err(f"speechparse: {', '.join(counts)}", err=True)


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


@app.command(cls=Command)
def check(
    paths: Annotated[
        list[str],
        typer.Argument(metavar="PATH", help="Files or folders to check; - for stdin."),
    ],
    glob: Annotated[
        str,
        typer.Option(metavar="PATTERNS", help="File patterns inside folders, comma-separated."),
    ] = DEFAULT_GLOB,
    encoding: Annotated[str | None, typer.Option(metavar="NAME", help="Input encoding.")] = None,
    fmt: Annotated[
        CheckFormat,
        typer.Option(
            "--format",
            "-f",
            metavar="|".join(f.value for f in CheckFormat),
            help="text: FILE:LINE:COLUMN: code: message, a line each; json: an array of "
            "{file, line, column, code, message} (for editors and CI).",
        ),
    ] = CheckFormat.text,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="The problems and errors only, not their count.")
    ] = False,
) -> None:
    """Check the numbering: gaps and repeats, a skipped level, mixed full/half-width markers,
    a comma written for 、, empty headings. Prints FILE:LINE:COLUMN: problem; exits 1 when any
    is found (for pre-commit hooks), 2 when a file cannot be read.
    """
    from .check import problems

    inputs = collect(paths, glob)
    for message in inputs.skipped:
        err(f"speechparse: error: {message}", err=True)
    found: list[dict[str, object]] = []
    unreadable = len(inputs.skipped)
    for path in inputs.files:
        try:
            doc = _load(path, encoding)
        except SpeechparseError as exc:
            err(f"speechparse: error: {exc}", err=True)
            unreadable += 1
            continue
        name = "<stdin>" if path == STDIN else shown(path)
        for problem in problems(doc):
            if fmt is CheckFormat.text:
                typer.echo(problem.format(name))
            found.append({"file": name, **asdict(problem)})
    if fmt is CheckFormat.json:
        _print_json(found, indent=1)
    if unreadable:
        raise typer.Exit(2)
    if found:
        if not quiet:
            err(f"{len(found)} problem{'s' if len(found) > 1 else ''} found", err=True)
        raise typer.Exit(1)


@app.command("eval", cls=Command)
def evaluate(
    gold_dir: Annotated[
        Path,
        typer.Argument(
            metavar="GOLD_DIR",
            help="Folder of NAME.outline annotated outlines.",
            exists=True,
            file_okay=False,
        ),
    ],
    text_dir: Annotated[
        Path,
        typer.Argument(
            metavar="TEXT_DIR",
            help="Folder of the texts, NAME.* for each.",
            exists=True,
            file_okay=False,
        ),
    ],
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="List every difference.")
    ] = False,
    as_json: Annotated[bool, typer.Option("--json", help="Print the figures as JSON.")] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="Print the overall figures only.")
    ] = False,
) -> None:
    """Compare parses with annotated outlines: section F1, parent accuracy, item F1, speeches,
    titles, metadata."""
    from .evaluate import evaluate_dirs

    try:
        result = evaluate_dirs(gold_dir, text_dir)
    except SpeechparseError as exc:  # an annotated outline that cannot be read
        raise error(str(exc)) from None
    if not result.rows:
        what = "; ".join(result.missing) or f"no annotated outlines (NAME.outline) in {gold_dir}"
        raise error(f"nothing to compare: {what}")
    figures = result.score.figures()
    if as_json:
        documents = dict(result.rows)
        _print_json(
            {"figures": figures, "documents": documents, "differences": result.score.differences},
            indent=1,
        )
        return
    for name, row in [] if quiet else result.rows:
        typer.echo(f"{name:36} " + " ".join(f"{k}={v}" for k, v in row.items()))
    for line in result.missing:
        typer.echo(f"  ! {line}")
    if verbose and not quiet:
        for line in result.score.differences:
            typer.echo(f"  - {line}")
    typer.echo(" ".join(f"{k}={v}" for k, v in figures.items()))


@app.command(cls=Command)
def explain(
    path: Annotated[str, typer.Argument(metavar="PATH", help="A file, or - for standard input.")],
    encoding: Annotated[
        str | None,
        typer.Option("--encoding", metavar="NAME", help="Read the input in this encoding."),
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
        raise error(str(exc)) from None
    typer.echo(render(rows), nl=False)


@app.command(cls=Command)
def schema() -> None:
    """Print the JSON Schema of the output."""
    from .model import Document

    _print_json(Document.model_json_schema(), indent=2)


def _print_json(value: object, indent: int) -> None:
    """`value` as JSON on standard output, coloured on a terminal."""
    text = json.dumps(value, ensure_ascii=False, indent=indent)
    if colour.wanted(sys.stdout):
        text = colour.json(text.encode()).decode()
    typer.echo(text)
