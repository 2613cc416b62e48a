"""`speechparse check`: the numbering problems a writer wants pointed out, through the command."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from speechparse.cli import app

runner = CliRunner()


@pytest.mark.parametrize(
    ("body", "line", "message"),
    [
        ("一、甲方面\n正文。\n一、乙方面\n正文。\n二、丙方面\n正文。\n", 5, "一、 repeats 一、"),
        (
            "一、总\n（一）甲方面\n正文。\n（一）乙方面\n正文。\n（二）丙方面\n正文。\n",
            6,
            "（一） repeats （一）",
        ),
    ],
)
def test_a_repeated_first_number_is_caught(
    tmp_path: Path, body: str, line: int, message: str
) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(f"讲话\n同志们：\n{body}", encoding="utf-8")
    result = runner.invoke(app, ["check", str(draft)])
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [f"{draft}:{line}:1: numbering-repeat: {message}"]


def test_a_run_numbered_anew_after_its_end_is_no_repeat(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(
        "讲话\n同志们：\n一、甲\n（一）子。\n（二）丑。\n二、乙\n（一）寅。\n（二）卯。\n",
        encoding="utf-8",
    )
    assert runner.invoke(app, ["check", str(draft)]).exit_code == 0
