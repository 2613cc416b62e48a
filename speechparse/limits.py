"""What one input may cost, and reading within it.

Bytes: a file over `max_bytes` is refused before it is read; an input whose size is not known
beforehand (standard input, a FIFO, a device such as /dev/zero) is read up to `max_bytes + 1`
bytes and refused past them, so no input is read without bound.

Lines and numbering markers: a parse holds a few objects for each line and each marker (about
2 KB a line, 3.5 KB a numbered one), so a text of tiny lines would cost hundreds of times its
size (16 MB of one `一、` a line took 6.9 GB). A document holds at most `MAX_LINES` lines and
`MAX_MARKERS` numbering markers (candidates for a section's or an item's number); each is
counted before the objects for it are made, and a text past either is refused. Within them, and
within 64 MB, a parse stays under about 2 GB (`bench/hostile_memory.py`). The stages read the
limits when they run: a program may set them (`speechparse.limits.MAX_LINES = …`).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO

from .errors import InputError

MAX_BYTES = 64_000_000
MAX_LINES = 500_000  # a 64 MB file of the corpus has ~230,000
MAX_MARKERS = 200_000  # a 64 MB file of the corpus has ~55,000
RAISE_SIZE = "raise it with --max-size, or split the file"


class Exceeded(Exception):
    """A stage met more lines or markers than a document may hold; the pipeline turns it into
    an `InputError` naming the input (`problem`)."""

    def __init__(self, what: str) -> None:
        limit = MAX_LINES if what == "lines" else MAX_MARKERS
        super().__init__(f"{what}, over {limit:,}")
        self.problem = f"has over {limit:,} {what}, the most one document may hold (split the file)"


def marker_budget() -> int:
    """The numbering markers a document may hold (as set when the parse starts)."""
    return MAX_MARKERS


def check_lines(count: int) -> None:
    if count > MAX_LINES:
        raise Exceeded("lines")


def read_stream(stream: BinaryIO, max_bytes: int | None, source: str) -> bytes:
    """All of `stream`, refused past `max_bytes` (None: no limit) of which at most one more
    byte is read."""
    if max_bytes is None:
        return stream.read()
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(source, f"is over the {max_bytes / 1e6:.0f} MB limit ({RAISE_SIZE})")
    return data


def read_file(path: str | Path, max_bytes: int | None, source: str) -> bytes:
    """The bytes of the file at `path`; `InputError` naming `source` when it cannot be read or
    is over the limit. A FIFO is read like standard input (its opening waits for a writer)."""
    try:
        with open(path, "rb") as fh:
            info = os.fstat(fh.fileno())
            if stat.S_ISREG(info.st_mode) and max_bytes is not None and info.st_size > max_bytes:
                raise InputError(
                    source,
                    f"is {info.st_size / 1e6:.1f} MB, over the {max_bytes / 1e6:.0f} MB limit "
                    f"({RAISE_SIZE})",
                )
            return read_stream(fh, max_bytes, source)
    except OSError as exc:
        raise InputError(source, exc.strerror or str(exc)) from None
