"""Every failure a user can cause is one line and exit code 2, through the command: a missing
library, an output that cannot be written or would overwrite an input, a format that the -o
name contradicts, --fail-fast's count, eval with nothing to compare."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from conftest import SAMPLES
from typer.testing import CliRunner

from speechparse.cli import app

runner = CliRunner()
SAMPLE = str(SAMPLES[0])


def _one_line_error(args: list[str], message: str) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2, result.output
    assert result.stderr.splitlines() == [f"speechparse: error: {message}"]
    assert result.stdout == ""


def test_parquet_without_pyarrow_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in [m for m in sys.modules if m == "pyarrow" or m.startswith("pyarrow.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # import pyarrow: ImportError
    target = tmp_path / "sections.parquet"
    need = "parquet output needs pyarrow: pip install 'speechparse[parquet]'"
    _one_line_error(["parse", SAMPLE, "-o", str(target)], need)
    assert not target.exists()


@pytest.mark.parametrize(
    ("name", "problem"),
    [("a" * 300, "File name too long"), ("/dev/full", "cannot write (No space left")],
)
@pytest.mark.parametrize("fmt", ["json", "parquet"])
def test_an_output_that_cannot_be_written_is_one_line(
    tmp_path: Path, name: str, problem: str, fmt: str
) -> None:
    if not Path("/dev/full").exists() and name == "/dev/full":
        pytest.skip("no /dev/full here")
    target = name if name.startswith("/") else str(tmp_path / name)
    result = runner.invoke(app, ["parse", SAMPLE, "-f", fmt, "-o", target])
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert result.stderr.startswith("speechparse: error: ") and problem in result.stderr


def test_bad_values_are_one_line() -> None:
    _one_line_error(["parse", SAMPLE, "-o", ""], "-o needs a file or folder name")
    _one_line_error(["parse", SAMPLE, "--max-size", "0"], "--max-size must be more than 0 (not 0)")
    _one_line_error(["parse", SAMPLE, "--bom"], "--bom is for csv output, not json")
    for limit in ("inf", "1e308"):  # no limit (an overflow before)
        assert runner.invoke(app, ["parse", SAMPLE, "--max-size", limit]).exit_code == 0


@pytest.mark.parametrize(
    ("name", "check"),
    [
        ("rows.csv", lambda p: next(csv.reader(io.StringIO(p.read_text("utf-8"))))[0] == "file"),
        ("sections.parquet", lambda p: pq.read_table(p).num_rows > 0),
        ("speech.md", lambda p: p.read_text("utf-8").startswith("# ")),
        ("corpus.jsonl", lambda p: json.loads(p.read_text("utf-8"))["speeches"]),
        ("speech.outline", lambda p: p.read_text("utf-8").startswith("= ")),
        ("speech.html", lambda p: p.read_text("utf-8").startswith("<!DOCTYPE html>")),
        ("speech.JSON", lambda p: json.loads(p.read_text("utf-8"))["speeches"]),
        ("speech.txt", lambda p: json.loads(p.read_text("utf-8"))["speeches"]),  # names none
    ],
)
def test_the_format_is_taken_from_the_output_name(tmp_path: Path, name: str, check: object) -> None:
    target = tmp_path / name
    result = runner.invoke(app, ["parse", SAMPLE, "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert callable(check) and check(target)


def test_an_explicit_format_wins_and_a_conflict_is_an_error(tmp_path: Path) -> None:
    tree = tmp_path / "speech.txt"
    assert runner.invoke(app, ["parse", SAMPLE, "-f", "tree", "-o", str(tree)]).exit_code == 0
    assert "├── " in tree.read_text("utf-8")
    agreeing = tmp_path / "rows.csv"
    assert runner.invoke(app, ["parse", SAMPLE, "-f", "csv", "-o", str(agreeing)]).exit_code == 0
    clash = tmp_path / "rows2.csv"
    _one_line_error(
        ["parse", SAMPLE, "-f", "json", "-o", str(clash)],
        f"-f json does not agree with -o {clash}, which names csv: leave out -f, or name the "
        "file for its format",
    )
    assert not clash.exists()


def test_a_folder_output_takes_its_format_from_f_not_from_its_name(tmp_path: Path) -> None:
    folder = tmp_path / "out.csv"
    result = runner.invoke(app, ["parse", SAMPLE, "-f", "outline", "-o", f"{folder}/"])
    assert result.exit_code == 0, result.output
    assert [p.suffix for p in folder.iterdir()] == [".outline"]


def test_an_output_naming_an_input_is_refused(tmp_path: Path) -> None:
    speech = tmp_path / "speech.md"
    speech.write_bytes(SAMPLES[0].read_bytes())
    before = speech.read_bytes()
    _one_line_error(
        ["parse", str(speech), "-f", "markdown", "-o", str(speech)],
        f"{speech}: is one of the inputs; not written over",
    )
    _one_line_error(  # its folder, one file per input: speech.md again
        ["parse", str(tmp_path), "-f", "markdown", "-o", f"{tmp_path}/"],
        f"{speech}: is one of the inputs; not written over",
    )
    link = tmp_path / "link.json"
    link.symlink_to(speech)
    _one_line_error(
        ["parse", str(speech), "-o", str(link)], f"{link}: is one of the inputs; not written over"
    )
    assert speech.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.json", "speech.md"]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_fail_fast_counts_what_it_parsed_and_left(tmp_path: Path, jobs: str) -> None:
    names = []
    for n in range(10):
        path = tmp_path / f"{n}.txt"
        path.write_bytes(b"\x00\x01\x02\x03" * 100 if n == 2 else SAMPLES[0].read_bytes())
        names.append(str(path))
    result = runner.invoke(app, ["parse", *names, "-f", "jsonl", "--fail-fast", "-j", jobs])
    assert result.exit_code == 2
    assert [json.loads(line)["input"]["path"] for line in result.stdout.splitlines()] == names[:2]
    assert (
        result.stderr.splitlines()[-1] == "speechparse: 2 parsed, 1 failed, 7 left by --fail-fast"
    )


def test_eval_with_nothing_to_compare_says_so(tmp_path: Path) -> None:
    gold = tmp_path / "gold"
    gold.mkdir()
    texts = tmp_path / "texts"
    texts.mkdir()
    _one_line_error(
        ["eval", str(gold), str(texts)],
        f"nothing to compare: no annotated outlines (NAME.outline) in {gold}",
    )
    (gold / "a.outline").write_text("= 标题\n一、 甲\n", encoding="utf-8")
    _one_line_error(
        ["eval", str(gold), str(texts)], f"nothing to compare: a: no text named a.* in {texts}"
    )


def test_eval_with_a_gold_outline_that_cannot_be_read_is_one_line(tmp_path: Path) -> None:
    (tmp_path / "a.outline").write_bytes(b"\xff\xfe= ")
    (tmp_path / "a.txt").write_bytes(SAMPLES[0].read_bytes())
    _one_line_error(
        ["eval", str(tmp_path), str(tmp_path)],
        f"{tmp_path / 'a.outline'}: is not UTF-8 (byte 0xff at 0)",
    )
    (tmp_path / "a.outline").write_text("  一、 甲\n", encoding="utf-8")
    result = runner.invoke(app, ["eval", str(tmp_path), str(tmp_path)])
    assert result.exit_code == 2 and len(result.stderr.splitlines()) == 1
    assert "Traceback" not in result.output
