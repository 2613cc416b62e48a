"""File names that are not valid UTF-8 (GBK names unpacked from a Windows archive): reported with
their undecodable bytes escaped (`\\xd6`), never an error of their own."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from conftest import SAMPLES
from typer.testing import CliRunner

import speechparse
from speechparse.cli import app

GBK_NAME = "中文.txt".encode("gbk")  # b"\xd6\xd0\xce\xc4.txt": not UTF-8
SHOWN = "\\xd6\\xd0\\xce\\xc4.txt"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    if sys.platform != "linux":
        pytest.skip("only Linux keeps a file name's bytes as they are")
    os.makedirs(tmp_path / "in")
    (tmp_path / "in" / "a.txt").write_bytes(SAMPLES[0].read_bytes())
    with open(os.path.join(os.fsencode(tmp_path / "in"), GBK_NAME), "wb") as fh:
        fh.write(SAMPLES[1].read_bytes())
    return tmp_path


def test_the_library_reports_an_undecodable_name_escaped(folder: Path) -> None:
    path = os.fsdecode(os.path.join(os.fsencode(folder / "in"), GBK_NAME))
    doc = speechparse.parse_file(path)
    assert doc.input.path == f"{folder / 'in'}/{SHOWN}"
    assert json.loads(doc.model_dump_json())["input"]["path"] == doc.input.path


@pytest.mark.parametrize("fmt", ["json", "jsonl", "html", "csv", "parquet"])
def test_every_output_format_takes_an_undecodable_name(folder: Path, fmt: str) -> None:
    out = folder / f"out.{fmt}"
    result = CliRunner().invoke(app, ["parse", str(folder / "in"), "-f", fmt, "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    if fmt == "parquet":
        files = set(pq.read_table(out).column("file").to_pylist())
        assert files == {str(folder / "in" / "a.txt"), f"{folder / 'in'}/{SHOWN}"}
    elif fmt == "html":
        pages = sorted(os.listdir(os.fsencode(out)))
        assert pages == [b"a.html", "中文.html".encode("gbk")]
        assert SHOWN in (out / os.fsdecode(pages[1])).read_text(encoding="utf-8")
    else:
        assert SHOWN.replace("\\", "\\\\" if fmt != "csv" else "\\") in out.read_text("utf-8")


def test_check_prints_an_undecodable_name_escaped(folder: Path) -> None:
    path = os.path.join(os.fsencode(folder / "in"), GBK_NAME)
    with open(path, "wb") as fh:
        fh.write("标题\n一、甲\n正文。\n三、丙\n正文。\n".encode())
    result = CliRunner().invoke(app, ["check", os.fsdecode(path)])
    assert result.exit_code == 1, result.output
    assert f"{SHOWN}:4:1:" in result.stdout
