"""Limits on what one input may cost: bytes read (`--max-size`, for every kind of input), lines and
numbering markers (so that memory stays bounded: an input within the size limit cannot take a
machine's memory)."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import SAMPLES
from ordinary_user import cli
from typer.testing import CliRunner

import speechparse
from speechparse.cli import app
from speechparse.errors import InputError

runner = CliRunner()
GB = 1 << 30


def test_standard_input_is_held_to_the_size_limit() -> None:
    text = SAMPLES[0].read_bytes()
    big = text * (1_500_000 // len(text) + 1)
    result = runner.invoke(app, ["parse", "-", "--max-size", "1"], input=big)
    assert result.exit_code == 2
    assert result.stderr == (
        "speechparse: error: <stdin>: is over the 1 MB limit "
        "(raise it with --max-size, or split the file)\n"
    )
    assert runner.invoke(app, ["parse", "-", "--max-size", "2"], input=big).exit_code == 0


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_a_device_is_read_up_to_the_limit_and_refused_past_it() -> None:
    """/dev/zero has no size (st_size 0): it is read up to the limit, not until memory ends."""
    for args in (["parse", "/dev/zero", "--max-size", "1"], ["explain", "/dev/zero"]):
        run = cli(*args, timeout=60, memory=2 * GB)
        assert run.returncode == 2, run.stderr
        assert run.stderr.startswith("speechparse: error: /dev/zero: is over the ")
        assert run.stderr.endswith(" MB limit (raise it with --max-size, or split the file)\n")


@pytest.fixture
def fifo(tmp_path: Path) -> Iterator[Path]:
    if not hasattr(os, "mkfifo"):  # pragma: no cover
        pytest.skip("POSIX FIFOs")
    path = tmp_path / "speech.fifo"
    os.mkfifo(path)
    yield path


def _write_to(fifo: Path, data: bytes) -> threading.Thread:
    def write() -> None:
        try:
            with open(fifo, "wb") as fh:
                fh.write(data)
        except BrokenPipeError:  # the reader stopped at the limit
            pass

    writer = threading.Thread(target=write, daemon=True)
    writer.start()
    return writer


def test_a_fifo_named_as_an_input_is_read_like_standard_input(fifo: Path) -> None:
    data = SAMPLES[0].read_bytes()
    writer = _write_to(fifo, data)
    doc = speechparse.parse_file(fifo)
    writer.join(10)
    assert doc.to_outline() == speechparse.parse_bytes(data).to_outline()
    writer = _write_to(fifo, data * 10)
    with pytest.raises(InputError, match=r"speech\.fifo: is over the 0 MB limit"):
        speechparse.parse_file(fifo, max_bytes=len(data))
    writer.join(10)
