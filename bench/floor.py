"""The floor: how fast could any parse on this machine be that returns the output models?

A skeleton that does only what every parse must do — split the text into lines, strip them,
test each line once against the combined lead-marker pattern, make the record of one paragraph
a line and of one section a marker line, the speech, input and meta records around them, hash
the text, and turn the records into the `Document` as `parse_text` does (`documents.py`) — and
none of the parsing (no cleaning map, junk rules, joining, speeches, runs, items, tree,
metadata). It is timed like `bench/run.py` times `parse_text` (CPU seconds of the best pass,
texts decoded beforehand, best of `--repeat`; and the median file's best wall time), beside the
scan alone (lines split and stripped, one marker test each, no objects) and `parse_text`
itself, with the number of models each builds a file (the parser builds more than the
skeleton: items and dropped entries), and both again rendered to JSON as the command renders
them (from the records).

    python3 bench/floor.py bench/corpus
    python3 bench/floor.py ../shared/corpus   # the real texts (.txt)

Its output is no outline; it shows how much of a throughput target is left for the parsing.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # this checkout's package

from pydantic import BaseModel
from run import load

import speechparse
from speechparse.documents import document
from speechparse.grammar import FAMILIES, combined
from speechparse.pipeline import _parsed
from speechparse.records import (
    DocumentRecord,
    ParagraphRecord,
    SectionRecord,
    SpeechRecord,
    json_bytes,
)

LINE = re.compile(r"[^\n]+")
LEAD_ANY = combined(FAMILIES)  # every family of the marker grammar, in one pattern


def skeleton(text: str) -> DocumentRecord:
    paragraphs: list[ParagraphRecord] = []
    sections: list[SectionRecord] = []
    for line in LINE.finditer(text):
        stripped = line.group().strip()
        if not stripped:
            continue
        span = line.span()
        para: ParagraphRecord = {"text": stripped, "span": span, "items": []}
        marker = LEAD_ANY.match(stripped)
        if marker is None:
            paragraphs.append(para)
            continue
        sections.append(
            {
                "kind": marker.lastgroup or "",
                "marker": marker.group(),
                "ordinal": 1,
                "level": 1,
                "heading": stripped[marker.end() :],
                "span": span,
                "paragraphs": [para],
                "children": [],
            }
        )
    speech: SpeechRecord = {
        "title": None,
        "subtitle": None,
        "speaker": {"name": None, "role": None},
        "occasion": None,
        "salutation": None,
        "date": None,
        "span": (0, len(text)),
        "preamble": paragraphs,
        "sections": sections,
        "closing": [],
        "title_span": None,
        "subtitle_span": None,
        "salutation_span": None,
    }
    return {
        "schema_version": "1",
        "input": {
            "path": None,
            "encoding": "utf-8",
            "chars": len(text),
            "sha256": hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest(),
            "format": "text",
            "text": None,
        },
        "meta": {"published": None, "publisher": None, "url": None},
        "speeches": [speech],
        "dropped": [],
        "warnings": [],
    }


def models(text: str) -> object:
    return document(skeleton(text), text)


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


def best(parse: Callable[[str], object], texts: list[str], repeat: int) -> tuple[float, float]:
    """CPU seconds of the best pass over the texts, and the median file's best wall time."""
    passes = []
    each = [float("inf")] * len(texts)
    for _ in range(repeat):
        start = time.process_time()
        for k, text in enumerate(texts):
            began = time.perf_counter()
            parse(text)
            each[k] = min(each[k], time.perf_counter() - began)
        passes.append(time.process_time() - start)
    return min(passes), statistics.median(each)


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
        ("skeleton, as JSON", lambda text: json_bytes(skeleton(text))),
        ("parse_text, as JSON", lambda text: _parsed(text, None, "utf-8", None, (), None).json()),
    ):
        seconds, median = best(parse, texts, a.repeat)
        built = sum(count(parse(text)) for text in sample) / len(sample)
        print(
            f"{name:21} {size / seconds / 1e6:6.1f} MB/s  "
            f"{seconds / len(texts) * 1e3:.3f} ms/file, median {median * 1e3:.3f}  "
            f"({seconds:.2f} s CPU)"
            + (f"  {built:.0f} models/file" if built else "")
        )


if __name__ == "__main__":
    main()
