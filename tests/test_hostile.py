"""Hostile input ends in bounded time with a valid document or a clear error.

Deadlines are generous (a slow CI machine must pass); they catch runaway (quadratic or
backtracking) behaviour, not speed — speed is measured in bench/.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from strategies import cn
from typer.testing import CliRunner

import speechparse
from speechparse.audit import audit
from speechparse.cli import app
from speechparse.errors import InputError
from speechparse.outline import MAX_DEPTH

FIXTURES = Path(__file__).parent.parent / "fixtures"

HEAD = "关于做好工作的讲话\n同志们：\n"


def timed(fn: Callable[[], speechparse.Document], limit: float) -> speechparse.Document:
    start = time.perf_counter()
    doc = fn()
    elapsed = time.perf_counter() - start
    assert elapsed < limit, f"took {elapsed:.1f}s, limit {limit}s"
    return doc


def test_a_5_mb_single_line() -> None:
    text = HEAD + "这是一个很长的句子，没有换行" * (5_000_000 // 14) + "。"
    doc = timed(lambda: speechparse.parse_text(text), 60)
    assert len(doc.speeches[0].preamble) == 1
    assert doc.model_dump_json()


@pytest.mark.parametrize("gap", [" ", ""], ids=["spaces-left", "nothing-left"])
def test_a_collapsed_text_of_half_a_megabyte(gap: str) -> None:
    """All line breaks lost (one line): cut again in time linear in the text."""
    unit = f"一、加强学习。{gap}要加强学习，提高本领。{gap}"
    text = f"关于做好工作的讲话{gap}同志们：{gap}" + unit * (500_000 // len(unit))
    doc = timed(lambda: speechparse.parse_text(text), 60)
    assert len(doc.speeches) == 1 and len(doc.speeches[0].sections) > 20_000
    assert audit(doc) == []


def test_100000_markers() -> None:
    lines = [f"{n % 99 + 1}.第{n}条。正文。" for n in range(100_000)]
    text = HEAD + "\n".join(lines)
    doc = timed(lambda: speechparse.parse_text(text), 120)
    assert sum(1 for _ in doc.iter_sections()) == 100_000
    assert not audit(doc)


def test_100000_inline_markers_in_one_paragraph() -> None:
    text = HEAD + "要求：" + "；".join(f"第{cn(n % 99 + 1)}，甲" for n in range(100_000)) + "。"
    doc = timed(lambda: speechparse.parse_text(text), 60)
    items = doc.speeches[0].preamble[0].items
    assert len(items) == 100_000
    assert [i.ordinal for i in items[97:101]] == [98, 99, 1, 2]


def test_100000_closing_cues_in_the_last_section() -> None:
    text = HEAD + "一、甲\n" + "同志们，要抓落实。\n" * 100_000
    doc = timed(lambda: speechparse.parse_text(text), 60)
    assert len(doc.speeches[0].closing) == 100_000


def test_contents_and_run_together_paragraphs_at_scale() -> None:
    entries = [f"{cn(n % 99 + 1)}、第{n}项……{n}" for n in range(20_000)]
    run_together = "\u3000\u3000".join(f"{cn(n % 99 + 1)}、第{n}项。" for n in range(20_000))
    text = HEAD + "目录\n" + "\n".join(entries) + "\n" + run_together
    doc = timed(lambda: speechparse.parse_text(text), 60)
    assert sum(d.reason == "contents" for d in doc.dropped) == 20_001
    assert sum(1 for _ in doc.iter_sections()) == 20_000
    assert not audit(doc)


def test_deep_nesting_is_capped_with_a_warning() -> None:
    chain = [
        "第一部分",
        "一、",
        "（一）",
        "㈠",
        "一是",
        "一要",
        "一抓",
        "第一，",
        "1.",
        "⒈",
        "（1）",
        "1）",
        "⑴",
        "①",
    ]
    second = [
        "第二部分",
        "二、",
        "（二）",
        "㈡",
        "二是",
        "二要",
        "二抓",
        "第二，",
        "2.",
        "⒉",
        "（2）",
        "2）",
        "⑵",
        "②",
    ]
    body = "".join(f"{a}甲乙。丙丁。\n" for a in chain) + "".join(f"{b}戊己。\n" for b in second)
    doc = speechparse.parse_text(HEAD + body * 70)
    assert max(s.level for s in doc.speeches[0].walk()) == MAX_DEPTH
    assert any(w.code == "depth-capped" for w in doc.warnings)
    assert not audit(doc)


def test_nul_bytes_and_lone_surrogates_are_ignored_with_warnings() -> None:
    doc = speechparse.parse_text(HEAD + "一、甲\ud800乙\x00\n正文。\n二、丙\n丁。\n")
    assert [s.heading for s in doc.speeches[0].sections] == ["甲乙", "丙"]
    assert "lone-surrogate" in {w.code for w in doc.warnings}
    assert doc.model_dump_json()
    assert not audit(doc)


def test_mixed_encodings_are_read_line_by_line() -> None:
    data = (
        (HEAD + "一、加强学习。\n").encode()
        + "二、改进作风。\n".encode("gb18030")
        + "三、狠抓落实。\n".encode()
    )
    doc = speechparse.parse_bytes(data * 3, path="mixed.txt")
    assert [s.heading for s in doc.speeches[0].sections][:3] == ["加强学习", "改进作风", "狠抓落实"]
    assert any("mixed encodings" in w.message for w in doc.warnings)


def test_a_file_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "dump.txt"
    big.write_text(HEAD + "正文。\n" * 2000, encoding="utf-8")
    with pytest.raises(InputError, match=r"dump\.txt: is 0\.0 MB, over the 0 MB limit"):
        speechparse.parse_file(big, max_bytes=1000)
    result = CliRunner().invoke(app, ["parse", str(big), "--max-size", "0.001"])
    assert result.exit_code == 2
    assert "over the 0 MB limit (raise it with --max-size" in result.stderr
    assert CliRunner().invoke(app, ["parse", str(big), "--max-size", "1"]).exit_code == 0


def test_time_grows_linearly_with_input() -> None:
    unit = Path("fixtures/samples/002_f9484bd43dfd25d3.txt").read_text(encoding="utf-8")

    def cpu(text: str) -> float:
        # the process's CPU time, not the wall clock: a busy machine's waits are not counted
        start = time.process_time()
        speechparse.parse_text(text)
        return time.process_time() - start

    small, large = unit * 2, unit * 8
    runs = [(cpu(small), cpu(large)) for _ in range(3)]  # alternating: a slow spell hits both
    one, four = min(r[0] for r in runs), min(r[1] for r in runs)
    assert four < 8 * one, f"4x input took {four / one:.1f}x the time"


def test_a_parse_makes_no_reference_cycles_and_leaves_the_collector_as_found() -> None:
    """parse_text pauses the cycle collector; that is safe only while it makes no cycles."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(FIXTURES.glob("*/*.txt"))]
    gc.collect()
    gc.disable()
    try:
        for text in texts:
            speechparse.parse_text(text)
        assert not gc.isenabled()
        assert gc.collect() == 0
    finally:
        gc.enable()
    speechparse.parse_text(texts[0])
    assert gc.isenabled()


def test_a_cr_only_file_with_a_stray_byte_parses_as_its_lf_twin() -> None:
    """Lines ending in CR alone are lines; a stray byte costs one U+FFFD, not the whole file."""
    from speechparse.outline_format import write

    text = (FIXTURES / "samples" / "002_f9484bd43dfd25d3.txt").read_text(encoding="utf-8")
    cut = text.index("\n", 200)  # a stray byte at the end of a line
    lf = speechparse.parse_text(text)
    cr = text.replace("\n", "\r")
    doc = speechparse.parse_bytes(cr[:cut].encode() + b"\xff" + cr[cut:].encode(), path="cr.txt")
    assert doc.input.encoding == "utf-8"
    assert any("not valid UTF-8" in w.message and "line " in w.message for w in doc.warnings)
    assert write(doc).replace("\ufffd", "") == write(lf)
    assert audit(doc) == []
    source = doc.source_text or ""
    for section in doc.speeches[0].walk():
        start, end = section.span
        assert source[start:end].startswith(section.marker)
