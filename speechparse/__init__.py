"""speechparse: Chinese official speeches and outline-structured texts -> a typed section tree.

The models and `audit` are imported when first asked for (`speechparse.Document`): the command
line parsing a file to JSON never needs pydantic, and starts faster without it.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from .errors import InputError, SpeechparseError
from .pipeline import parse_bytes, parse_file, parse_text

if TYPE_CHECKING:
    from . import audit
    from .model import Document, Dropped, Item, Paragraph, ParseWarning, Section, Speaker, Speech

__version__ = "0.1.0"

_MODELS = frozenset(
    ("Document", "Dropped", "Item", "Paragraph", "ParseWarning", "Section", "Speaker", "Speech")
)


def __getattr__(name: str) -> Any:
    if name in _MODELS:
        return getattr(importlib.import_module(".model", __name__), name)
    if name == "audit":
        return importlib.import_module(".audit", __name__)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "Document",
    "Dropped",
    "InputError",
    "Item",
    "Paragraph",
    "ParseWarning",
    "Section",
    "Speaker",
    "Speech",
    "SpeechparseError",
    "__version__",
    "audit",
    "parse_bytes",
    "parse_file",
    "parse_text",
]
