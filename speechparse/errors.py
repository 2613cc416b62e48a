"""One exception hierarchy: every error names the input and says what is wrong with it."""

from __future__ import annotations


class SpeechparseError(Exception):
    """Base of all errors speechparse raises on purpose."""


class InputError(SpeechparseError):
    """An input that cannot be read as text."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem


class OutputError(SpeechparseError):
    """An output that cannot be written: a batch stops at it."""

    def __init__(self, target: str, problem: str) -> None:
        super().__init__(f"{target}: {problem}")
        self.target = target
        self.problem = problem
