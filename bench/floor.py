"""The floor: how fast could any parse on this machine be that returns the output models?

A skeleton that does only what every parse must do — split the text into lines, strip them,
test each line once against the combined lead-marker pattern, build one `Paragraph` per line
and one `Section` per marker line, the `Speech`, `InputInfo`, `Meta` and `Document` around them,
and hash the text — and none of the parsing (no cleaning map, junk rules, joining, speeches,
runs, items, tree, metadata). It is timed like `bench/run.py` times `parse_text` (CPU seconds,
texts decoded beforehand, best of `--repeat`), beside the scan alone (lines split and stripped,
one marker test each, no objects) and `parse_text` itself, with the number of models each builds
a file (the parser builds more than the skeleton: items and dropped entries), and both again
rendered to JSON as the CLI renders them.

    python3 bench/floor.py bench/corpus

Its output is no outline; it shows how much of a throughput target is left for the parsing.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from run import load

import speechparse
from speechparse.assemble import build, document
from speechparse.grammar import LEAD_ANY
from speechparse.model import Document, InputInfo, Meta, Paragraph, Section, Speaker, Speech
from speechparse.render import to_json_bytes

LINE = re.compile(r"[^\n]+")
Make = Callable[..., Any]


def skeleton(text: str, make: Make, make_document: Make) -> object:
    paragraphs: list[object] = []
    sections: list[object] = []
    for line in LINE.finditer(text):
        stripped = line.group().strip()
        if not stripped:
            continue
        span = line.span()
        para = make(Paragraph, text=stripped, span=span, items=[])
        marker = LEAD_ANY.match(stripped)
        if marker is None:
            paragraphs.append(para)
            continue
        sections.append(
            make(
                Section,
                kind=marker.lastgroup,
                marker=marker.group(),
                ordinal=1,
                level=1,
                heading=stripped[marker.end() :],
                span=span,
                paragraphs=[para],
                children=[],
            )
        )
    speech = make(
        Speech,
        title=None,
        subtitle=None,
        speaker=make(Speaker, name=None, role=None),
        occasion=None,
        salutation=None,
        span=(0, len(text)),
        title_span=None,
        subtitle_span=None,
        salutation_span=None,
        preamble=paragraphs,
        sections=sections,
        closing=[],
    )
    info = make(
        InputInfo,
        path=None,
        encoding="utf-8",
        chars=len(text),
        sha256=hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest(),
        format="text",
        text=None,
    )
    return make_document(
        text,
        schema_version="1",
        input=info,
        meta=make(Meta, published=None, publisher=None),
        speeches=[speech],
        dropped=[],
        warnings=[],
    )


def models(text: str) -> object:
    doc = skeleton(text, build, document)
    assert isinstance(doc, Document)
    return doc


def scan(text: str) -> object:
    found = 0
    for line in LINE.finditer(text):
        stripped = line.group().strip()
        if stripped and LEAD_ANY.match(stripped):
            found += 1
    return found


def count(node: object) -> int:
    """The models in a document."""
    if isinstance(node, BaseModel):
        return 1 + sum(count(getattr(node, name)) for name in type(node).model_fields)
    if isinstance(node, list):
        return sum(count(x) for x in node)
    return 0


def best(parse: Callable[[str], object], texts: list[str], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.process_time()
        for text in texts:
            parse(text)
        times.append(time.process_time() - start)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("folder", type=Path)
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args()
    texts, size = load(a.folder)
    print(f"{len(texts)} files, {size / 1e6:.1f} MB")
    sample = texts[::10]
    for name, parse in (
        ("scan alone", scan),
        ("skeleton with models", models),
        ("parse_text", speechparse.parse_text),
        # what the CLI adds but for reading, decoding and writing: the JSON of each document
        ("skeleton, as JSON", lambda text: to_json_bytes(models(text))),
        ("parse_text, as JSON", lambda text: to_json_bytes(speechparse.parse_text(text))),
    ):
        seconds = best(parse, texts, a.repeat)
        built = sum(count(parse(text)) for text in sample) / len(sample)
        print(
            f"{name:21} {size / seconds / 1e6:6.1f} MB/s  "
            f"{seconds / len(texts) * 1e3:.3f} ms/file  ({seconds:.2f} s CPU)"
            + (f"  {built:.0f} models/file" if built else "")
        )


if __name__ == "__main__":
    main()
