"""Writing a batch's output: one file (or standard output) for all, or a file for each input.

A file is written atomically: a temporary file next to it, renamed into place on success and
removed otherwise, so a file is never left half written. Through a symbolic link, the link's
target is written (the link stays). A new file gets the mode the umask gives (0666 & ~umask), a
file written again keeps its mode (and, where allowed, its owner). What is not a regular file —
standard output named as `/dev/stdout`, a FIFO, a device — is opened and written to as it is,
never replaced. A target that cannot be written raises `OutputError` naming it and the problem,
and so does one that is one of the inputs (it would be lost).

Several documents in one output of a text format (outline, markdown, tree) are each headed by
the name of their input; a CSV may start with a byte-order mark (Excel reads UTF-8 by it).
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from .batch import Result
from .errors import OutputError
from .names import shown
from .render import EXTENSIONS, Format, to_csv
from .scan import STDIN

BOM = "\ufeff".encode()
HEADED = {  # a document's heading in an output of several, by format
    Format.outline: "# ==> {} <==",  # a comment of the outline format
    Format.markdown: "<!-- ==> {} <== -->",
    Format.tree: "==> {} <==",  # as head(1) heads files
}


@dataclass(frozen=True, slots=True)
class Layout:
    """How a batch's output is written."""

    fmt: Format
    bom: bool = False  # a CSV starts with a UTF-8 byte-order mark
    inputs: frozenset[tuple[int, int]] = frozenset()  # (device, inode) of the inputs: kept


def identities(paths: Iterable[str]) -> frozenset[tuple[int, int]]:
    """What names the files among `paths` on this system (links followed)."""
    found = set()
    for path in paths:
        if path != STDIN:
            with contextlib.suppress(OSError, ValueError):
                info = os.stat(path)
                found.add((info.st_dev, info.st_ino))
    return frozenset(found)


class Sink:
    """Where a batch's output goes, written as results arrive (memory stays flat). A file is
    created only once something is written; never over one of `inputs`."""

    def __init__(
        self, target: Path | None, inputs: frozenset[tuple[int, int]] = frozenset()
    ) -> None:
        self.target = target
        self.inputs = inputs
        self.fh: BinaryIO | None = None
        self.own = False  # a stream this sink opened (and closes)
        self.tmp: Path | None = None  # the temporary file, renamed to `final` on success
        self.final: Path | None = None
        self.parquet: Any = None  # pyarrow.parquet.ParquetWriter once rows arrive

    def stream(self) -> BinaryIO:
        if self.fh is None:
            self.fh = sys.stdout.buffer if self.target is None else self._open(self.target)
        return self.fh

    def write(self, data: bytes) -> None:
        try:
            self.stream().write(data)
        except OSError as exc:
            raise self._failed(f"cannot write ({exc.strerror or exc})") from None

    def write_rows(self, rows: list[dict[str, object]]) -> None:
        from .render import parquet_writer

        try:
            if self.parquet is None:
                self.parquet = parquet_writer(self.stream())
            self.parquet.write_rows(rows)
        except OSError as exc:  # pyarrow's errors of the file system are OSErrors
            raise self._failed(f"cannot write ({exc.strerror or exc})") from None

    def close(self, ok: bool) -> None:
        """Finish the output: renamed into place when `ok`, else removed (a temporary file)."""
        try:
            self._finish(ok)
        except OSError as exc:
            if ok:  # else an error is on its way already
                raise self._failed(f"cannot write ({exc.strerror or exc})") from None
        finally:
            if self.tmp is not None:
                self.tmp.unlink(missing_ok=True)

    def __enter__(self) -> Sink:
        return self

    def __exit__(self, kind: object, *_: object) -> None:
        self.close(ok=kind is None)

    def _finish(self, ok: bool) -> None:
        try:
            if self.parquet is not None:
                self.parquet.close()
            if self.fh is None:
                return
            self.fh.flush()
            if self.own:
                self.fh.close()
        except OSError:
            if self.own and self.fh is not None:
                with contextlib.suppress(OSError):  # what was not written fails again
                    self.fh.close()
            raise
        if ok and self.tmp is not None and self.final is not None:
            os.replace(self.tmp, self.final)

    def _failed(self, problem: str) -> OutputError:
        return OutputError(shown(str(self.target or "<stdout>")), problem)

    def _open(self, target: Path) -> BinaryIO:
        try:
            info: os.stat_result | None = os.stat(target)  # through links
        except FileNotFoundError:
            info = None
        except OSError as exc:
            raise self._failed(_folder_problem(target.parent, exc)) from None
        if info is not None and (info.st_dev, info.st_ino) in self.inputs:
            raise self._failed("is one of the inputs; not written over")
        if info is not None and _is_stdout(info):
            return sys.stdout.buffer  # `-o /dev/stdout`: written like standard output
        if info is not None and stat.S_ISDIR(info.st_mode):
            raise self._failed("is a folder")
        self.own = True
        if info is not None and not stat.S_ISREG(info.st_mode):
            try:  # a FIFO, a device: written to as it is (a FIFO waits for its reader)
                return open(target, "wb")
            except OSError as exc:
                raise self._failed(f"cannot open ({exc.strerror or exc})") from None
        self.final = Path(os.path.realpath(target))
        folder = self.final.parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise self._failed(_folder_problem(folder, exc)) from None
        try:
            fd, name = tempfile.mkstemp(prefix=f".{self.final.name}.", dir=folder)
        except OSError as exc:
            raise self._failed(f"cannot write in {shown(str(folder))} ({exc.strerror})") from None
        self.tmp = Path(name)
        _take_mode(fd, info)
        return os.fdopen(fd, "wb")


def _is_stdout(info: os.stat_result) -> bool:
    try:
        return os.path.samestat(info, os.fstat(sys.stdout.fileno()))
    except (OSError, ValueError, AttributeError):  # none, or not a file's (a test's)
        return False


def _take_mode(fd: int, info: os.stat_result | None) -> None:
    """Give a temporary file (made 0600) the mode a new file gets, or the one the file it
    replaces had, and that file's owner and group where we may."""
    if info is None:
        mask = os.umask(0o077)
        os.umask(mask)
        os.fchmod(fd, 0o666 & ~mask)
        return
    os.fchmod(fd, stat.S_IMODE(info.st_mode))
    mine = os.fstat(fd)
    if (mine.st_uid, mine.st_gid) != (info.st_uid, info.st_gid):
        with contextlib.suppress(OSError):
            os.fchown(fd, info.st_uid, info.st_gid)


def _folder_problem(folder: Path, exc: OSError) -> str:
    """Why a file cannot be made in `folder`: the first of its parents that is a file, else the
    system's word."""
    for above in (folder, *folder.parents):
        if os.path.lexists(above):
            if not above.is_dir():
                return f"{shown(str(above))} is a file, not a folder"
            if above == folder:  # there: the name is what is wrong (too long, …)
                return exc.strerror or str(exc)
            break
    return f"cannot make the folder {shown(str(folder))} ({exc.strerror or exc})"


def output_name(path: str, fmt: Format, taken: set[str]) -> str:
    """A file name for the output of one input, unique within the output folder."""
    stem = "stdin" if path == STDIN else Path(path).stem
    name = f"{stem}.{EXTENSIONS[fmt]}"
    n = 2
    while name in taken:
        name = f"{stem}-{n}.{EXTENSIONS[fmt]}"
        n += 1
    taken.add(name)
    return name


def write_folder(
    results: Iterable[Result], folder: Path, layout: Layout, failures: list[str]
) -> None:
    """One output file per input, each written atomically."""
    fmt = layout.fmt
    taken: set[str] = set()
    for result in results:
        if result.error:
            failures.append(result.error)
            continue
        with Sink(folder / output_name(result.path, fmt, taken), layout.inputs) as sink:
            if fmt is Format.parquet:
                sink.write_rows(result.rows)
            elif fmt is Format.csv:
                sink.write(BOM * layout.bom + to_csv(result.rows).encode("utf-8"))
            else:
                sink.write(_line_ended(result.data))


def write_single(
    results: Iterable[Result], output: Path | None, layout: Layout, count: int, failures: list[str]
) -> None:
    """All results into one output (a file or standard output), written as they arrive."""
    fmt = layout.fmt
    array = fmt is Format.json and count > 1
    heading = HEADED.get(fmt) if count > 1 else None
    written = 0
    with Sink(output, layout.inputs) as sink:
        for result in results:
            if result.error:
                failures.append(result.error)
                continue
            if fmt is Format.parquet:
                sink.write_rows(result.rows)
            elif fmt is Format.csv:
                first = written == 0
                sink.write(BOM * (layout.bom and first) + to_csv(result.rows, first).encode())
            elif array:
                sink.write((b"[\n" if written == 0 else b",\n") + result.data)
            elif fmt is Format.jsonl:
                sink.write(result.data + b"\n")
            elif heading is not None:
                name = "<stdin>" if result.path == STDIN else shown(result.path)
                head = ("\n" if written else "") + heading.format(name) + "\n"
                sink.write(head.encode() + _line_ended(result.data))
            else:
                sink.write(_line_ended(result.data))
            written += 1
        if array and written:
            sink.write(b"\n]\n")


def _line_ended(data: bytes) -> bytes:
    return data if data.endswith(b"\n") else data + b"\n"
