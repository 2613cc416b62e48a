"""Every output format and subcommand, run in-process."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyarrow.parquet as pq
from conftest import CASES, CORPUS_GOLD, FIXTURES, SAMPLES
from typer.testing import CliRunner

import speechparse
from speechparse.cli import app
from speechparse.pipeline import parsed_file

runner = CliRunner()
SAMPLE_DIR = FIXTURES / "samples"
SAMPLE = SAMPLES[4]  # subtitle, items under 1. sections


def invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_jsonl_over_a_folder_is_one_document_per_line_in_order() -> None:
    code, out, _ = invoke("parse", str(SAMPLE_DIR), "-f", "jsonl")
    assert code == 0
    docs = [json.loads(line) for line in out.splitlines()]
    assert [d["input"]["path"] for d in docs] == [str(p) for p in SAMPLES]


def test_the_json_rendered_from_the_records_is_the_models_json_byte_for_byte() -> None:
    """The command renders JSON straight from the parse's records, the API gives models: the
    same bytes, compact and pretty, for every fixture (and through the command)."""
    for path in [*SAMPLES, *CASES, *sorted(CORPUS_GOLD.glob("*.txt"))]:
        parsed = parsed_file(path)
        compact, pretty = parsed.json(), parsed.json(pretty=True)
        doc = speechparse.parse_file(path)
        assert compact == doc.model_dump_json().encode(), path
        assert pretty == doc.model_dump_json(indent=2).encode(), path
        assert parsed.document().model_dump_json().encode() == compact  # made from the record
        assert parsed.json() == compact  # and rendered from the model once it is made
    code, out, _ = invoke("parse", str(SAMPLE), "-f", "json", "--include-text")
    doc = speechparse.parse_file(SAMPLE)
    doc.input.text = doc.source_text
    assert code == 0 and out == doc.model_dump_json(indent=2) + "\n"


def test_a_folder_of_markdown_files_is_read(tmp_path: Path) -> None:
    text = SAMPLE.read_text(encoding="utf-8").split("\n")
    (tmp_path / "speech.md").write_text(
        "\n\n".join(f"## {line}" if len(line) < 16 else line for line in text if line),
        encoding="utf-8",
    )
    code, out, _ = invoke("parse", str(tmp_path), "-f", "outline")
    assert code == 0
    assert out == speechparse.parse_file(SAMPLE).to_outline()


def test_parallel_jobs_give_the_same_output() -> None:
    one = invoke("parse", str(SAMPLE_DIR), "-f", "jsonl")
    two = invoke("parse", str(SAMPLE_DIR), "-f", "jsonl", "--jobs", "2")
    assert one == two


def test_markdown_has_headings_by_level() -> None:
    code, out, _ = invoke("parse", str(SAMPLE), "-f", "markdown")
    assert code == 0
    assert out.startswith("# 奋力书写加强和改进政协工作的荆州答卷\n")
    assert "\n## 一、强化人民政协理论武装,不断推进新时代市县政协工作提质增效\n" in out
    assert "\n### 1.从“四个深刻认识”明确新时代人民政协“是什么”\n" in out


def test_tree_draws_the_outline() -> None:
    code, out, _ = invoke("parse", str(SAMPLE), "-f", "tree")
    assert code == 0
    assert "奋力书写加强和改进政协工作的荆州答卷" in out
    assert "├── 一、 强化人民政协理论武装" in out
    assert "> 一要 深刻认识人民政协是协商平台" in out


def test_csv_has_a_row_per_section_and_item() -> None:
    code, out, _ = invoke("parse", str(SAMPLE), "-f", "csv")
    assert code == 0
    table = list(csv.DictReader(io.StringIO(out)))
    doc = speechparse.parse_file(SAMPLE)
    sections = list(doc.iter_sections())
    assert sum(r["row"] == "section" for r in table) == len(sections)
    assert sum(r["row"] == "item" for r in table) == 12
    first_item = next(r for r in table if r["row"] == "item")
    assert (first_item["path"], first_item["kind"], first_item["heading"]) == (
        "一、/1./一要",
        "yao",
        "深刻认识人民政协是协商平台",
    )


def test_parquet_table_and_folder_output(tmp_path: Path) -> None:
    target = tmp_path / "sections.parquet"
    code, _, _ = invoke("parse", str(SAMPLE_DIR), "-f", "parquet", "-o", str(target))
    assert code == 0
    table = pq.read_table(target)
    assert set(table.column("file").to_pylist()) == {str(p) for p in SAMPLES}
    assert (
        table.num_rows
        == sum(len(list(speechparse.parse_file(p).iter_sections())) for p in SAMPLES) + 28
    )
    folder = tmp_path / "out"
    code, _, _ = invoke("parse", str(SAMPLE_DIR), "-f", "outline", "-o", f"{folder}/")
    assert code == 0
    assert sorted(p.name for p in folder.iterdir()) == sorted(f"{p.stem}.outline" for p in SAMPLES)


def test_html_page_is_self_contained(tmp_path: Path) -> None:
    target = tmp_path / "speech.html"
    code, _, _ = invoke("parse", str(SAMPLE), "-f", "html", "-o", str(target))
    assert code == 0
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert '<pre id="src">' in page and "data-s=" in page
    assert "<script src" not in page and "<link" not in page


def test_check_reports_problems_with_lines(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text(
        "讲话\n同志们：\n一、甲方面\n正文。\n三、乙方面\n（一）丙。\n(二)丁。\n", encoding="utf-8"
    )
    code, out, _ = invoke("check", str(draft))
    assert code == 1
    assert out.splitlines() == [
        f"{draft}:5:1: numbering-gap: 三、 follows 一、",
        f"{draft}:7:1: mixed-width: (二) is written in another width than （一）",
    ]
    clean = tmp_path / "clean.txt"
    clean.write_text("讲话\n同志们：\n一、甲方面\n正文。\n二、乙方面\n正文。\n", encoding="utf-8")
    assert invoke("check", str(clean))[0] == 0


def test_check_points_out_a_skipped_level(tmp_path: Path) -> None:
    code, out, _ = invoke("check", str(SAMPLE))
    assert code == 1
    assert f"{SAMPLE}:16:1: skipped-level: 1. sits under 一、 with no （一） level between" in out


def test_eval_scores_the_samples() -> None:
    code, out, _ = invoke("eval", str(SAMPLE_DIR), str(SAMPLE_DIR), "--json")
    assert code == 0
    figures = json.loads(out)["figures"]
    assert figures == {k: 1.0 for k in figures}


def test_schema_describes_the_contract() -> None:
    code, out, _ = invoke("schema")
    assert code == 0
    schema = json.loads(out)
    assert {"schema_version", "input", "meta", "speeches", "dropped", "warnings"} <= set(
        schema["properties"]
    )
    assert "Section" in schema["$defs"]


def test_help_shows_examples_and_progress_counts() -> None:
    code, out, _ = invoke("--help")
    assert code == 0 and "Examples:" in out and "speechparse check" in out
    code, _, err = invoke("parse", str(SAMPLE_DIR), "-f", "jsonl", "--progress")
    assert code == 0
    assert "parsed 5 failed 0" in err


def test_several_documents_as_text_are_headed_by_their_names() -> None:
    first, second = str(SAMPLES[0]), str(SAMPLES[1])
    for fmt, heading in (
        ("outline", "# ==> {} <=="),  # a comment of the outline format
        ("tree", "==> {} <=="),
        ("markdown", "<!-- ==> {} <== -->"),
    ):
        code, out, _ = invoke("parse", first, second, "-f", fmt)
        assert code == 0
        assert out.startswith(heading.format(first) + "\n")
        assert f"\n\n{heading.format(second)}\n" in out
        assert out.count("==>") == 2
    code, out, _ = invoke("parse", first, "-f", "outline")
    assert code == 0 and "==>" not in out


def test_csv_for_excel_starts_with_a_byte_order_mark(tmp_path: Path) -> None:
    bom = b"\xef\xbb\xbf"
    target = tmp_path / "sections.csv"
    code, _, _ = invoke("parse", str(SAMPLE_DIR), "-o", str(target), "--bom")
    assert code == 0
    data = target.read_bytes()
    assert data.startswith(bom + b"file,speech,") and data.count(bom) == 1
    first = next(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert first["file"] == str(SAMPLES[0])
    folder = tmp_path / "out"
    code, _, _ = invoke("parse", str(SAMPLE_DIR), "-f", "csv", "-o", f"{folder}/", "--bom")
    assert code == 0
    assert all(p.read_bytes().startswith(bom + b"file,") for p in folder.iterdir())
    code, out, _ = invoke("parse", str(SAMPLE), "-f", "csv", "--bom")
    assert code == 0 and out.startswith("\ufefffile,")
    code, out, _ = invoke("parse", str(SAMPLE), "-f", "csv")
    assert code == 0 and out.startswith("file,")


def test_html_page_folds_with_arrows_on_branches_only_and_names_cjk_fonts(tmp_path: Path) -> None:
    target = tmp_path / "speech.html"
    code, _, _ = invoke("parse", str(SAMPLE), "-o", str(target))
    assert code == 0
    page = target.read_text(encoding="utf-8")
    sections = list(speechparse.parse_file(SAMPLE).iter_sections())
    branches = [
        v for v in sections if v.section.children or any(p.items for p in v.section.paragraphs)
    ]
    assert page.count('<span class="fold"') == page.count("<details") == len(branches) > 0
    assert page.count('<div class="leaf"') == len(sections) - len(branches) > 0
    assert (
        'pre#src{white-space:pre-wrap;word-break:break-all;margin:0;font-family:"Noto Sans CJK SC"'
        in page
    )
