"""The command line, run in-process."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import SAMPLES
from typer.testing import CliRunner

from speechparse import __version__
from speechparse.cli import app

runner = CliRunner()
SAMPLE = SAMPLES[0]


def test_parse_json_follows_the_contract() -> None:
    result = runner.invoke(app, ["parse", str(SAMPLE), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["schema_version"] == "1"
    assert data["input"]["path"] == str(SAMPLE)
    assert data["input"]["encoding"] == "utf-8"
    speech = data["speeches"][0]
    assert set(speech) >= {
        "title",
        "subtitle",
        "speaker",
        "occasion",
        "salutation",
        "span",
        "preamble",
        "sections",
        "closing",
    }
    section = speech["sections"][0]
    assert set(section) >= {
        "kind",
        "marker",
        "ordinal",
        "level",
        "heading",
        "span",
        "paragraphs",
        "children",
    }
    assert (section["kind"], section["marker"], section["ordinal"], section["level"]) == (
        "cn_dun",
        "一、",
        1,
        1,
    )


def test_parse_outline_and_stdin_agree() -> None:
    by_path = runner.invoke(app, ["parse", str(SAMPLE), "-f", "outline"])
    by_stdin = runner.invoke(app, ["parse", "-", "-f", "outline"], input=SAMPLE.read_bytes())
    assert by_path.exit_code == by_stdin.exit_code == 0
    assert by_path.stdout == by_stdin.stdout
    assert by_path.stdout.startswith("= 区长在区委政协工作会议上的讲话\n")
    assert "\n  (一) 把服务发展、助推发展作为政协履职的第一要务\n" in by_path.stdout


def test_several_files_make_a_json_array() -> None:
    result = runner.invoke(app, ["parse", str(SAMPLES[0]), str(SAMPLES[1])])
    assert result.exit_code == 0
    assert [d["input"]["path"] for d in json.loads(result.stdout)] == [
        str(SAMPLES[0]),
        str(SAMPLES[1]),
    ]


def test_bad_files_are_reported_and_the_batch_goes_on(tmp_path: Path) -> None:
    binary = tmp_path / "image.bin"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    missing = tmp_path / "missing.txt"
    result = runner.invoke(app, ["parse", str(binary), str(SAMPLE), str(missing)])
    assert result.exit_code == 2
    assert [d["input"]["path"] for d in json.loads(result.stdout)] == [str(SAMPLE)]
    assert f"{binary}: looks binary" in result.stderr
    assert f"{missing}: No such file" in result.stderr
    assert "1 parsed, 2 failed" in result.stderr
    assert "Traceback" not in result.stderr


def test_empty_input_is_an_error(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    result = runner.invoke(app, ["parse", str(empty)])
    assert result.exit_code == 2
    assert f"{empty}: is empty" in result.stderr


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.strip() == f"speechparse {__version__}"


def test_fail_fast_stops_at_the_first_bad_file(tmp_path: Path) -> None:
    bad = tmp_path / "a_bad.txt"
    bad.write_bytes(b"\x00\x01\x02\x03" * 100)
    good = tmp_path / "b_good.txt"
    good.write_bytes(SAMPLE.read_bytes())
    out = tmp_path / "out"
    result = runner.invoke(
        app, ["parse", str(tmp_path), "-f", "jsonl", "-o", f"{out}/", "--fail-fast"]
    )
    assert result.exit_code == 2
    assert not out.exists() or not any(out.iterdir())
    result = runner.invoke(app, ["parse", str(tmp_path), "-f", "jsonl", "-o", f"{out}/"])
    assert result.exit_code == 2
    assert [p.name for p in out.iterdir()] == ["b_good.jsonl"]
    assert json.loads((out / "b_good.jsonl").read_text(encoding="utf-8"))["speeches"]


def test_output_files_are_never_half_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out.json"
    target.write_text("previous", encoding="utf-8")

    def interrupted(src: str, dst: str) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("speechparse.output.os.replace", interrupted)
    result = runner.invoke(app, ["parse", str(SAMPLE), "-o", str(target)])
    assert result.exit_code != 0  # the interrupt ends the run (click calls it an abort)
    assert target.read_text(encoding="utf-8") == "previous"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_explain_names_each_paragraph_role(tmp_path: Path) -> None:
    page = tmp_path / "speech.txt"
    text = "在全市工作会议上的讲话\n（2024年1月8日）\n同志们：\n一、总体要求\n正文。\n"
    page.write_text(text, "utf-8")
    result = runner.invoke(app, ["explain", str(page)])
    assert result.exit_code == 0, result.output
    roles = [line.split()[1] for line in result.stdout.splitlines()]
    assert roles == ["title", "dateline", "salutation", "heading", "body"]
    assert "2024-01-08" in result.stdout
    missing = runner.invoke(app, ["explain", str(tmp_path / "none.txt")])
    assert missing.exit_code == 2 and "none.txt" in missing.output
