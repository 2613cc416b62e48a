"""Shared paths of the fixture sets."""

from __future__ import annotations

from pathlib import Path

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SAMPLES = sorted((FIXTURES / "samples").glob("*.txt"))
CASES = sorted((FIXTURES / "cases").glob("*.txt"))
NEGATIVE = sorted((FIXTURES / "negative").glob("*.txt"))
