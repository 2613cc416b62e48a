"""What a stage noticed about its input: becomes a `warnings` entry of the output."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Issue:
    code: str
    message: str
    span: tuple[int, int] | None = None
