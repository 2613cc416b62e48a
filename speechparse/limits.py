"""What one input may cost, and reading within it.

Bytes: a file over `max_bytes` is refused before it is read; an input whose size is not known
beforehand (standard input, a FIFO, a device such as /dev/zero) is read up to `max_bytes + 1`
bytes and refused past them, so no input is read without bound.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import BinaryIO

from .errors import InputError

MAX_BYTES = 64_000_000
RAISE_SIZE = "raise it with --max-size, or split the file"


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
