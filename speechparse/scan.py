"""The inputs named on the command line: files, folders searched recursively, `-` (standard
input). What a folder holds that cannot be read — a broken or looping symbolic link, a FIFO or a
device, a folder not open to us — is listed, to be reported with the batch's failures: nothing is
left out in silence, and nothing is opened while searching (a FIFO would wait for a writer).
Symbolic links to folders are not followed (a link may lead back up the tree)."""

from __future__ import annotations

import errno
import fnmatch
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path, PurePath

from .names import shown

STDIN = "-"
DEFAULT_GLOB = "*.txt,*.md,*.docx,*.html,*.htm,*.pdf"
KINDS = (
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


@dataclass(slots=True)
class Inputs:
    files: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # `path: why, skipped`, one a thing


def collect(paths: list[str], glob: str = DEFAULT_GLOB) -> Inputs:
    """Files named, files found below folders (matching any of the comma-separated patterns in
    `glob`), and `-`; what a folder holds that matches but cannot be read, in `skipped`."""
    patterns = [g.strip() for g in glob.split(",") if g.strip()]
    found = Inputs()
    for p in paths:
        if p != STDIN and os.path.isdir(p):
            _scan(Path(p), patterns, found)
        else:
            found.files.append(p)
    return found


def _scan(top: Path, patterns: list[str], found: Inputs) -> None:
    files: list[Path] = []
    skipped: list[tuple[Path, str]] = []
    folders = [top]
    while folders:
        folder = folders.pop()
        try:
            with os.scandir(folder) as listing:
                entries = list(listing)
        except OSError as exc:
            skipped.append((folder, f"a folder that cannot be read ({exc.strerror})"))
            continue
        for entry in entries:
            path = folder / entry.name
            if entry.is_dir(follow_symlinks=False):
                folders.append(path)
            elif _matches(path.relative_to(top), patterns):
                problem = _problem(entry)
                if problem is None:
                    files.append(path)
                elif problem:
                    skipped.append((path, problem))
    found.files.extend(str(f) for f in sorted(files))
    found.skipped.extend(f"{shown(str(p))}: {why}, skipped" for p, why in sorted(skipped))


def _matches(relative: PurePath, patterns: list[str]) -> bool:
    name = relative.name
    return any(
        relative.match(pattern) if "/" in pattern else fnmatch.fnmatch(name, pattern)
        for pattern in patterns
    )


def _problem(entry: os.DirEntry[str]) -> str | None:
    """None for a file to read; why not, else ("" for a link to a folder: not followed)."""
    try:
        if entry.is_file():
            return None
        mode = os.stat(entry.path).st_mode
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "a symbolic link that loops"
        if exc.errno == errno.ENOENT and entry.is_symlink():
            return f"a broken symbolic link (to {shown(os.readlink(entry.path))})"
        return exc.strerror or str(exc)
    if stat.S_ISDIR(mode):
        return ""
    kind = next((name for test, name in KINDS if test(mode)), "of an unknown kind")
    return f"not a regular file ({kind})"
