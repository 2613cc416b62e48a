"""The command line: a thin layer over the library.

speechparse parse speech.txt --format json
speechparse parse a.txt b.txt --format outline
cat speech.txt | speechparse parse - --format outline
"""

from __future__ import annotations

import json
import sys
from enum import Enum
from typing import Annotated

import typer

from . import __version__
from .errors import SpeechparseError
from .model import Document
from .pipeline import parse_bytes, parse_file

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Parse Chinese official speeches into a typed section tree.",
)


class Format(str, Enum):
    json = "json"
    outline = "outline"


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
    """Parse Chinese official speeches into a typed section tree."""


def _read(path: str, encoding: str | None) -> Document:
    if path == "-":
        data = sys.stdin.buffer.read()
        if not data.strip():
            raise SpeechparseError("<stdin>: is empty")
        return parse_bytes(data, path=None, encoding=encoding)
    return parse_file(path, encoding=encoding)


@app.command()
def parse(
    paths: Annotated[
        list[str], typer.Argument(help="Text files to parse; - reads standard input.")
    ],
    fmt: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.json,
    encoding: Annotated[
        str | None, typer.Option("--encoding", help="Input encoding (detected when not given).")
    ] = None,
) -> None:
    """Parse speeches and print their section tree.

    One file prints one JSON object; several print a JSON array. A file that cannot be read is
    reported on standard error and skipped; the exit code is then 2.
    """
    docs: list[Document] = []
    failed: list[str] = []
    for path in paths:
        try:
            docs.append(_read(path, encoding))
        except SpeechparseError as exc:
            failed.append(str(exc))
            typer.echo(f"speechparse: error: {exc}", err=True)
    if fmt is Format.json:
        if len(paths) == 1 and docs:
            typer.echo(docs[0].model_dump_json(indent=2))
        elif docs:
            typer.echo(
                json.dumps([d.model_dump(mode="json") for d in docs], ensure_ascii=False, indent=2)
            )
    else:
        for doc in docs:
            if len(paths) > 1:
                typer.echo(f"# {doc.input.path or '<stdin>'}")
            typer.echo(doc.to_outline(), nl=False)
    if failed:
        if len(paths) > 1:
            typer.echo(f"speechparse: {len(failed)} of {len(paths)} inputs failed", err=True)
        raise typer.Exit(2)
