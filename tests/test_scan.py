"""Folder scans: what a folder holds that cannot be read (a broken or looping symbolic link, a
FIFO, a folder not open to us) is reported at the end with the batch's failures, one line each,
and counted in the summary; nothing is skipped in silence, and no FIFO is opened."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import SAMPLES
from ordinary_user import cli

from speechparse.scan import collect


@pytest.fixture
def tree(tmp_path: Path) -> Iterator[Path]:
    if not hasattr(os, "mkfifo"):  # pragma: no cover
        pytest.skip("POSIX files")
    corpus = tmp_path / "corpus"
    (corpus / "sub").mkdir(parents=True)
    (corpus / "a.txt").write_bytes(SAMPLES[0].read_bytes())
    (corpus / "sub" / "c.txt").write_bytes(SAMPLES[1].read_bytes())
    (corpus / "broken.txt").symlink_to("nowhere.txt")
    (corpus / "loop.txt").symlink_to("loop.txt")
    (corpus / "linked.txt").symlink_to("a.txt")
    (corpus / "notes.doc").symlink_to("nowhere.doc")  # not a pattern's: not looked at
    os.mkfifo(corpus / "pipe.txt")
    (corpus / "locked").mkdir()
    (corpus / "locked" / "b.txt").write_bytes(SAMPLES[2].read_bytes())
    (corpus / "locked").chmod(0o000)
    yield corpus
    (corpus / "locked").chmod(0o755)


def test_a_scan_lists_what_it_cannot_read(tree: Path) -> None:
    found = collect([str(tree)])
    readable = [f for f in found.files if "/locked/" not in f]  # root reads a locked folder too
    assert readable == [str(tree / n) for n in ("a.txt", "linked.txt", "sub/c.txt")]
    assert [s for s in found.skipped if "/locked:" not in s] == [
        f"{tree}/broken.txt: a broken symbolic link (to nowhere.txt), skipped",
        f"{tree}/loop.txt: a symbolic link that loops, skipped",
        f"{tree}/pipe.txt: not a regular file (a FIFO), skipped",
    ]


def test_the_batch_reports_and_counts_what_it_skipped(tree: Path) -> None:
    run = cli("parse", str(tree), "-f", "jsonl", timeout=60)
    assert run.returncode == 2, run.stderr
    assert [json.loads(line)["input"]["path"] for line in run.stdout.splitlines()] == [
        str(tree / n) for n in ("a.txt", "linked.txt", "sub/c.txt")
    ]
    errors = [line for line in run.stderr.splitlines() if line.startswith("speechparse: error:")]
    assert errors == [
        f"speechparse: error: {tree}/broken.txt: a broken symbolic link (to nowhere.txt), skipped",
        f"speechparse: error: {tree}/locked: a folder that cannot be read "
        "(Permission denied), skipped",
        f"speechparse: error: {tree}/loop.txt: a symbolic link that loops, skipped",
        f"speechparse: error: {tree}/pipe.txt: not a regular file (a FIFO), skipped",
    ]
    assert run.stderr.splitlines()[-1] == "speechparse: 3 parsed, 0 failed, 4 skipped"
    assert "Traceback" not in run.stderr


def test_check_reports_what_it_skipped(tree: Path) -> None:
    run = cli("check", str(tree), timeout=60)
    assert run.returncode == 2
    assert f"{tree}/pipe.txt: not a regular file (a FIFO), skipped" in run.stderr
