"""Limits on what one input may cost: bytes read (`--max-size`, for every kind of input), lines and
numbering markers (so that memory stays bounded: an input within the size limit cannot take a
machine's memory)."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from conftest import SAMPLES
from ordinary_user import ROOT, cli
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


LINE_SHAPES = {
    "line breaks": "一、甲\n" * 101,
    "carriage returns": "一、甲\r" * 101,
    "tags": "<br>甲" * 101,
    "indented paragraphs on one line": "标题" + "　　甲乙丙丁戊。" * 101,
    "a whole text on one line": "关于工作的讲话同志们：" + "一、加强学习。要加强学习。" * 101,
}


@pytest.mark.parametrize("text", LINE_SHAPES.values(), ids=LINE_SHAPES.keys())
def test_a_text_of_more_lines_than_the_limit_is_refused(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("speechparse.limits.MAX_LINES", 100)
    with pytest.raises(InputError) as refused:
        speechparse.parse_text(text, path="dump.txt")
    assert str(refused.value) == (
        "dump.txt: has over 100 lines, the most one document may hold (split the file)"
    )
    monkeypatch.setattr("speechparse.limits.MAX_LINES", 1000)
    assert speechparse.parse_text(text).speeches


def _points(n: int) -> str:
    return "".join(f"{i + 1}.第{i + 1}点\n" for i in range(n))


MARKER_SHAPES = {
    "sections in two speeches": (
        f"第一篇：甲的讲话\n同志们：\n{_points(30)}第二篇：乙的讲话\n同志们：\n{_points(30)}"
    ),
    "items in one paragraph": "要求：" + "；".join(f"({i % 9 + 1})甲" for i in range(60)) + "。",
}


@pytest.mark.parametrize("text", MARKER_SHAPES.values(), ids=MARKER_SHAPES.keys())
def test_a_text_of_more_numbering_markers_than_the_limit_is_refused(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("speechparse.limits.MAX_MARKERS", 50)
    with pytest.raises(InputError, match=r"^<input>: has over 50 numbering markers, the most"):
        speechparse.parse_text(text)
    monkeypatch.setattr("speechparse.limits.MAX_MARKERS", 60)
    assert speechparse.parse_text(text).speeches


def test_the_command_line_names_the_file_and_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("speechparse.limits.MAX_LINES", 100)
    dump = tmp_path / "dump.txt"
    dump.write_text(LINE_SHAPES["line breaks"], encoding="utf-8")
    result = runner.invoke(app, ["parse", str(dump)])
    assert result.exit_code == 2
    assert result.stderr == (
        f"speechparse: error: {dump}: has over 100 lines, the most one document may hold "
        "(split the file)\n"
    )


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads VmHWM")
def test_memory_stays_bounded_on_the_costliest_inputs() -> None:
    """bench/hostile_memory.py at 1/64 of full size: 1 MB inputs, limits / 64. Each costliest
    shape is refused, or parsed within the limits, and the peak stays under 3 GB / 64 (a 4 GB
    machine keeps a gigabyte at full size). Before the limits, 1 MB of `一、` lines took 700 MB."""
    run = subprocess.run(
        [sys.executable, "bench/hostile_memory.py", "--scale", "64", "--one-process"],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    rows = [line.split() for line in run.stdout.splitlines()[1:]]
    assert [(row[0], row[1]) for row in rows] == [
        *(
            (name, "has")
            for name in (
                "marker-lines",
                "numbered-lines",
                "tag-lines",
                "folded",
                "collapsed",
                "inline-items",
                "plain-lines",
            )
        ),
        ("within-limits", "parsed,"),
    ]
    assert int(rows[-1][-1]) < 3 * 1024 / 64, run.stdout  # MB
