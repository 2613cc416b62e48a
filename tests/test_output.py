"""Where the output goes: a file written atomically (through a symbolic link, to its target; with
the mode a new file gets, or the one the file had), an open file such as standard output, a FIFO
or a device written to as it is; a target that cannot be written is a one-line error, exit 2."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from conftest import SAMPLES
from ordinary_user import ROOT, cli
from typer.testing import CliRunner

from speechparse.cli import app

runner = CliRunner()
SAMPLE = str(SAMPLES[0])
posix = pytest.mark.skipif(sys.platform == "win32", reason="POSIX files")


@posix
def test_a_read_only_folder_is_a_one_line_error(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    run = cli("parse", SAMPLE, "-o", str(folder / "out.json"))
    folder.chmod(0o755)
    assert run.returncode == 2, run.stderr
    assert run.stderr == (
        f"speechparse: error: {folder}/out.json: cannot write in {folder} (Permission denied)\n"
    )
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize(
    "target", ["notes.txt/out.json", "notes.txt/deeper/out.json", "notes.txt/"]
)
def test_a_parent_that_is_a_file_is_a_one_line_error(tmp_path: Path, target: str) -> None:
    (tmp_path / "notes.txt").write_text("notes", encoding="utf-8")
    result = runner.invoke(app, ["parse", SAMPLE, "-o", f"{tmp_path}/{target}"])
    assert result.exit_code == 2
    named = tmp_path / (target if target.endswith(".json") else f"{target}{SAMPLES[0].stem}.json")
    assert result.stderr == (
        f"speechparse: error: {named}: {tmp_path / 'notes.txt'} is a file, not a folder\n"
    )


@posix
def test_a_link_to_standard_output_is_written_to_not_replaced(tmp_path: Path) -> None:
    """`-o /dev/stdout` (tried through a link of our own: /dev is not ours to change)."""
    link = tmp_path / "stdout"
    link.symlink_to("/dev/stdout")
    piped = cli("parse", SAMPLE, "-f", "jsonl", "-o", str(link))
    assert piped.returncode == 0, piped.stderr
    assert json.loads(piped.stdout)["input"]["path"] == SAMPLE
    redirected = tmp_path / "redirected.jsonl"
    with open(redirected, "wb") as out:
        code = subprocess.run(
            [sys.executable, "-m", "speechparse", "parse", SAMPLE, "-f", "jsonl", "-o", str(link)],
            cwd=ROOT,
            stdout=out,
            check=False,
        ).returncode
    assert code == 0
    assert json.loads(redirected.read_bytes())["input"]["path"] == SAMPLE
    assert link.is_symlink() and os.readlink(link) == "/dev/stdout"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["redirected.jsonl", "stdout"]


def test_a_fifo_and_a_device_are_written_to_not_replaced(tmp_path: Path, fifo: Path) -> None:
    received: list[bytes] = []

    def read() -> None:
        with open(fifo, "rb") as fh:
            received.append(fh.read())

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    result = runner.invoke(app, ["parse", SAMPLE, "-f", "jsonl", "-o", str(fifo)])
    assert result.exit_code == 0, result.output
    reader.join(10)
    assert received and json.loads(received[0])["input"]["path"] == SAMPLE
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    null = tmp_path / "null"
    null.symlink_to(os.devnull)
    assert runner.invoke(app, ["parse", SAMPLE, "-o", str(null)]).exit_code == 0
    assert null.is_symlink()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["null", "speech.fifo"]


@posix
def test_a_link_is_written_through_to_its_target(tmp_path: Path) -> None:
    (tmp_path / "real.json").write_text("old", encoding="utf-8")
    (tmp_path / "link.json").symlink_to("real.json")
    (tmp_path / "dangling.json").symlink_to("made.json")
    for link in ("link.json", "dangling.json"):
        result = runner.invoke(app, ["parse", SAMPLE, "-o", str(tmp_path / link)])
        assert result.exit_code == 0, result.output
        assert (tmp_path / link).is_symlink()
    assert json.loads((tmp_path / "real.json").read_bytes())["input"]["path"] == SAMPLE
    assert json.loads((tmp_path / "made.json").read_bytes())["input"]["path"] == SAMPLE


@posix
def test_a_new_file_gets_the_umask_mode_and_an_old_one_keeps_its_own(tmp_path: Path) -> None:
    old = tmp_path / "old.json"
    old.write_text("old", encoding="utf-8")
    old.chmod(0o640)
    mask = os.umask(0o022)
    try:
        for name in ("new.json", "old.json"):
            assert runner.invoke(app, ["parse", SAMPLE, "-o", str(tmp_path / name)]).exit_code == 0
        assert runner.invoke(app, ["parse", SAMPLE, "-o", f"{tmp_path}/folder/"]).exit_code == 0
    finally:
        os.umask(mask)
    assert stat.S_IMODE((tmp_path / "new.json").stat().st_mode) == 0o644
    assert stat.S_IMODE(old.stat().st_mode) == 0o640
    made = tmp_path / "folder" / f"{SAMPLES[0].stem}.json"
    assert stat.S_IMODE(made.stat().st_mode) == 0o644
