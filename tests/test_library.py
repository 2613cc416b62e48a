"""The library as the README writes it: imports, extras and the errors of a wrong call."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SAMPLES
from typer.testing import CliRunner

import speechparse
from speechparse.cli import app
from speechparse.views import rows

ROOT = Path(__file__).resolve().parent.parent


def test_audit_needs_no_import_of_its_own() -> None:
    code = "import speechparse as s; print(s.audit.audit(s.parse_text('标题\\n一、甲')))"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert (result.returncode, result.stdout, result.stderr) == (0, "[]\n", "")


def test_parse_bytes_of_a_str_points_to_parse_text() -> None:
    with pytest.raises(TypeError, match=r"parse_bytes takes bytes, not str: .*use parse_text"):
        speechparse.parse_bytes("同志们：")  # type: ignore[arg-type]


def test_parse_text_of_bytes_points_to_parse_bytes() -> None:
    with pytest.raises(TypeError, match=r"parse_text takes a str, not bytes: .*use parse_bytes"):
        speechparse.parse_text(b"\xe4\xb8\x80\xe3\x80\x81")  # type: ignore[arg-type]


def test_the_analysis_extra_holds_what_the_researcher_example_needs() -> None:
    tomllib = pytest.importorskip("tomllib")  # Python 3.11
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"][
        "optional-dependencies"
    ]
    assert {name.split(">")[0] for name in extras["analysis"]} == {"duckdb", "pyarrow"}


def test_the_researcher_example_counts_sections(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    duckdb = pytest.importorskip("duckdb")
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "corpus"
    folder.mkdir()
    for sample in SAMPLES[:3]:
        (folder / sample.name).write_bytes(sample.read_bytes())
    result = CliRunner().invoke(app, ["parse", "corpus/", "-o", "sections.parquet", "--jobs", "2"])
    assert result.exit_code == 0, result.output
    query = "select kind, level, count(*) from 'sections.parquet' group by all order by 3 desc"
    counts = duckdb.sql(query).fetchall()
    docs = [speechparse.parse_file(p) for p in SAMPLES[:3]]
    assert sum(n for _, _, n in counts) == sum(len(list(rows(doc))) for doc in docs)
