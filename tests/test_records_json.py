"""The command's JSON, written from the records by the standard library's encoder, is byte for
byte the JSON pydantic writes for the document model."""

from __future__ import annotations

from pathlib import Path

import pydantic_core
import pytest
from conftest import CASES, SAMPLES

from speechparse.pipeline import parsed_bytes
from speechparse.records import json_bytes

HOSTILE = ["\x00\x01\x1f\x7f", "\u2028\u2029", 'a"b\\c/', "\ufeff", "\U00020000", "\t\n\r\b\f"]


@pytest.mark.parametrize("path", SAMPLES + CASES, ids=lambda p: p.stem)
@pytest.mark.parametrize("pretty", [False, True])
def test_record_json_is_the_model_json(path: Path, pretty: bool) -> None:
    record = parsed_bytes(path.read_bytes(), path=path.name)
    model = parsed_bytes(path.read_bytes(), path=path.name).document()
    assert record.json(pretty) == pydantic_core.to_json(model, indent=2 if pretty else None)


@pytest.mark.parametrize("text", HOSTILE, ids=repr)
def test_escapes_are_pydantic_s(text: str) -> None:
    data = {"text": text, "list": [text, None, 1], "empty": [], "none": {}}
    assert json_bytes(data) == pydantic_core.to_json(data)
    assert json_bytes(data, pretty=True) == pydantic_core.to_json(data, indent=2)


def test_a_parse_of_hostile_text_writes_the_same_json() -> None:
    text = "标题\n" + "".join(HOSTILE) + "同志们：今天开会，" * 20 + "\n一、总体要求\n正文。"
    data = text.encode()
    record = parsed_bytes(data, path="hostile.txt")
    assert record.json() == pydantic_core.to_json(parsed_bytes(data, path="hostile.txt").document())
