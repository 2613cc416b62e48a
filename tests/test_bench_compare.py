"""bench/compare.py's arithmetic and report (no timing here: the figures are made up)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

PATH = Path(__file__).resolve().parent.parent / "bench" / "compare.py"
spec = importlib.util.spec_from_file_location("bench_compare", PATH)
assert spec is not None and spec.loader is not None
compare = importlib.util.module_from_spec(spec)
sys.modules["bench_compare"] = compare  # dataclasses look their module up
spec.loader.exec_module(compare)


def test_a_file_keeps_its_best_round_and_a_failure_anywhere_fails_it() -> None:
    rounds = [[0.003, 0.002, None], [0.001, 0.004, 0.005], [0.002, 0.003, 0.001]]
    assert compare.best_of(rounds) == [0.001, 0.002, None]


def test_median_of_the_files_and_mb_per_second_of_their_sum() -> None:
    found = compare.stats([0.001, 0.003, 0.010], [1_000_000, 500_000, 500_000])
    assert found.files == 3
    assert found.mb == 2.0
    assert found.median_ms == pytest.approx(3.0)
    assert found.mb_per_s == pytest.approx(2.0 / 0.014)


def test_the_speed_up_is_the_ref_median_over_ours() -> None:
    ours = compare.Stats(files=10, mb=1.5, median_ms=2.0, mb_per_s=3.0)
    ref = compare.Stats(files=10, mb=1.5, median_ms=3.0, mb_per_s=2.0)
    arbor = compare.Stats(files=10, mb=1.5, median_ms=0.05, mb_per_s=120.0)
    text = compare.report({"corpus": {"ours": ours, "ref": ref}}, "7bb2e23b4478", {"corpus": arbor})
    lines = text.splitlines()
    assert lines[0].split()[:4] == ["group", "files", "MB", "ours"]
    assert "7bb2e23b44 ms" in lines[0]
    assert lines[1].split() == ["corpus", "10", "1.50", "2.00", "3.00", "3.00", "2.00", "1.50x"]
    assert "median 0.050 ms, 120.0 MB/s" in lines[-1]
    assert lines[-1].endswith("speechparse's median is 40.0x its")


def test_an_unknown_ref_is_refused_with_its_name() -> None:
    with pytest.raises(SystemExit) as stopped:
        compare.checkout("no-such-ref-anywhere")
    assert "unknown ref 'no-such-ref-anywhere'" in str(stopped.value.code)
