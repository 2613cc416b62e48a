"""The command line's conventions, through the command: -h, -V, -q, usage errors in one line,
help that names what to give, NO_COLOR, JSON coloured on a terminal, `check --format json`."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from conftest import SAMPLES
from typer.testing import CliRunner

from speechparse import __version__
from speechparse.cli import app

runner = CliRunner()
SAMPLE = str(SAMPLES[0])
COMMANDS = ("parse", "check", "eval", "explain", "schema")
posix = pytest.mark.skipif(sys.platform == "win32", reason="a pseudo-terminal")


def test_short_options_for_help_and_version() -> None:
    for args in (["-h"], ["parse", "-h"], ["check", "-h"]):
        result = runner.invoke(app, args)
        assert result.exit_code == 0 and result.stdout.startswith("Usage: "), args
    result = runner.invoke(app, ["-V"])
    assert (result.exit_code, result.stdout) == (0, f"speechparse {__version__}\n")


@pytest.mark.parametrize("command", COMMANDS)
def test_help_names_what_to_give_not_python_types(command: str) -> None:
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    for python in ("<list", "<str>", "<int", "<float>", "{path", "{gold", "<path>"):
        assert python not in result.stdout, (command, python)
    usage = result.stdout.splitlines()[0]
    expected = {
        "parse": "PATH...",
        "check": "PATH...",
        "eval": "GOLD_DIR TEXT_DIR",
        "explain": "PATH",
        "schema": "[OPTIONS]",
    }[command]
    assert usage.endswith(expected), usage


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["parse", "--bogus", SAMPLE], "No such option: --bogus"),
        (["parse"], "Missing argument 'PATH'"),
        (["parse", SAMPLE, "-f", "pdf"], "Invalid value for '--format'"),
        (["parse", SAMPLE, "-j", "0"], "Invalid value for '--jobs'"),
        (["nonsense"], "No such command 'nonsense'"),
    ],
)
def test_a_usage_error_is_one_line(args: list[str], message: str) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert result.stderr.startswith(f"speechparse: error: {message}")
    assert "-h'" in result.stderr


def test_quiet_prints_the_errors_only(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02\x03" * 100)
    result = runner.invoke(app, ["parse", SAMPLE, str(bad), "-f", "jsonl", "-q"])
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"speechparse: error: {bad}: looks binary (100 NUL bytes), not text"
    ]
    draft = tmp_path / "draft.txt"
    draft.write_text("讲话\n同志们：\n一、甲\n正文。\n三、乙\n正文。\n", encoding="utf-8")
    result = runner.invoke(app, ["check", str(draft), "-q"])
    assert (result.exit_code, result.stderr) == (1, "")
    assert result.stdout.splitlines() == [f"{draft}:5:1: numbering-gap: 三、 follows 一、"]


def test_check_writes_json_for_editors_and_ci(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text("讲话\n同志们：\n一、甲\n正文。\n三、乙\n正文。\n", encoding="utf-8")
    clean = tmp_path / "clean.txt"
    clean.write_text("讲话\n同志们：\n一、甲\n正文。\n二、乙\n正文。\n", encoding="utf-8")
    result = runner.invoke(app, ["check", str(draft), str(clean), "--format", "json"])
    assert result.exit_code == 1
    assert json.loads(result.stdout) == [
        {
            "file": str(draft),
            "line": 5,
            "column": 1,
            "code": "numbering-gap",
            "message": "三、 follows 一、",
        }
    ]
    result = runner.invoke(app, ["check", str(clean), "-f", "json"])
    assert (result.exit_code, json.loads(result.stdout)) == (0, [])


@posix
def test_json_on_a_terminal_is_coloured_as_jq_colours_it() -> None:
    from terminal import on_terminal

    code, shown = on_terminal("parse", SAMPLE)
    assert code == 0
    assert b'\x1b[34;1m"schema_version"\x1b[0m: \x1b[0;32m"1"\x1b[0m' in shown
    code, shown = on_terminal("schema")
    assert code == 0 and b"\x1b[34;1m" in shown


@posix
@pytest.mark.parametrize("args", [["parse", SAMPLE], ["parse", SAMPLE, "-f", "tree"], ["schema"]])
def test_no_color_is_honoured(args: list[str]) -> None:
    from terminal import on_terminal

    code, coloured = on_terminal(*args)
    assert code == 0 and b"\x1b[" in coloured
    code, plain = on_terminal(*args, env={"NO_COLOR": "1"})
    assert code == 0 and b"\x1b[" not in plain


def test_piped_json_has_no_colour() -> None:
    result = runner.invoke(app, ["parse", SAMPLE])
    assert result.exit_code == 0 and "\x1b[" not in result.stdout
