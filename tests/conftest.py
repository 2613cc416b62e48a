"""Shared paths of the fixture sets, and the hypothesis profiles."""

from __future__ import annotations

import os
from pathlib import Path

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
