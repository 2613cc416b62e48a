"""speechparse: Chinese official speeches and outline-structured texts -> a typed section tree."""

from __future__ import annotations

from . import audit
from .errors import InputError, SpeechparseError
from .model import Document, Dropped, Item, Paragraph, ParseWarning, Section, Speaker, Speech
from .pipeline import parse_bytes, parse_file, parse_text

__version__ = "0.1.0"

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
