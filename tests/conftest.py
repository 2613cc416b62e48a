"""Shared paths of the fixture sets, and the hypothesis profiles."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

# CI draws the same examples every run (a red CI must be reproducible); the long profile explores.
settings.register_profile(
    "ci",
    max_examples=60,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "dev", max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "long", max_examples=10_000, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SAMPLES = sorted((FIXTURES / "samples").glob("*.txt"))
CASES = sorted((FIXTURES / "cases").glob("*.txt"))
MARKDOWN_CASES = sorted((FIXTURES / "cases").glob("*.md"))  # plain text only (front matter)
CORPUS_GOLD = FIXTURES / "corpus"  # real documents with speech-level gold outlines
NEGATIVE = sorted((FIXTURES / "negative").glob("*.txt"))


@pytest.fixture
def fifo(tmp_path: Path) -> Iterator[Path]:
    """A FIFO, `speech.fifo`, in the test's folder."""
    if not hasattr(os, "mkfifo"):  # pragma: no cover
        pytest.skip("POSIX FIFOs")
    path = tmp_path / "speech.fifo"
    os.mkfifo(path)
    yield path
    with contextlib.suppress(OSError):  # a reader still waiting (the test failed): let it go
        os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))
