"""Parse corpora larger than one machine with Dask (needs the `dask` extra).

    from dask.distributed import Client
    from speechparse.integrations.dask import parse_paths, write_jsonl, write_parquet

    client = Client("scheduler:8786")            # or a LocalCluster
    paths = sorted(glob.glob("corpus/**/*.txt", recursive=True))
    docs = parse_paths(paths, partition_size=200).persist()  # parsed once, kept by the workers
    write_jsonl(docs, "out/jsonl")               # out/jsonl/0.jsonl, 1.jsonl, …
    write_parquet(docs, "out/parquet")           # one Parquet file of section rows a partition

A bag is lazy: without `persist()`, each writer parses every file again.

A bag element is a parsed document as a JSON-ready dict (the output contract), or, for a file
that could not be read, `{"input": {"path": …}, "error": "…"}` — one bad file never fails a
partition. Each partition is parsed where it runs; nothing but file names travels to workers.
The JSONL is written by the command's own JSON function: a document's line is the same bytes as
in `speechparse parse … -f jsonl`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import dask
import dask.bag as db

from ..errors import SpeechparseError
from ..model import Document
from ..pipeline import parse_file, parse_text
from ..render import parquet_writer, to_json_bytes
from ..views import rows

Record = dict[str, Any]


def _parse_path(path: str, encoding: str | None = None) -> Record:
    try:
        return parse_file(path, encoding=encoding).model_dump(mode="json")
    except SpeechparseError as exc:
        return {"input": {"path": path}, "error": str(exc)}


def _parse_named_text(item: tuple[str, str]) -> Record:
    name, text = item
    return parse_text(text, path=name).model_dump(mode="json")


def parse_paths(
    paths: Sequence[str] | db.Bag, partition_size: int = 100, encoding: str | None = None
) -> db.Bag:
    """A bag of parsed documents from a bag (or list) of file paths."""
    bag = (
        paths
        if isinstance(paths, db.Bag)
        else db.from_sequence(list(paths), partition_size=partition_size)
    )
    return bag.map(_parse_path, encoding=encoding)


def parse_texts(texts: db.Bag) -> db.Bag:
    """A bag of parsed documents from a bag of `(name, text)` pairs (text partitions)."""
    return texts.map(_parse_named_text)


def _write_jsonl_part(records: Iterable[Record], folder: str, index: int) -> list[str]:
    target = Path(folder) / f"{index}.jsonl"
    with target.open("wb") as fh:
        for record in records:
            fh.write(to_json_bytes(record) + b"\n")
    return [str(target)]


def _write_parquet_part(records: Iterable[Record], folder: str, index: int) -> list[str]:
    target = Path(folder) / f"{index}.parquet"
    with target.open("wb") as fh:
        writer = parquet_writer(fh)
        for record in records:
            if "error" not in record:
                writer.write_rows(list(rows(Document.model_validate(record))))
        writer.close()
    return [str(target)]


def _write(docs: db.Bag, folder: str | Path, part: Any) -> list[str]:
    Path(folder).mkdir(parents=True, exist_ok=True)
    tasks = [
        dask.delayed(part)(partition, str(folder), i)
        for i, partition in enumerate(docs.to_delayed())
    ]
    return sorted(path for written in dask.compute(*tasks) for path in written)


def write_jsonl(docs: db.Bag, folder: str | Path) -> list[str]:
    """One JSONL file per partition in `folder`; returns their paths."""
    return _write(docs, folder, _write_jsonl_part)


def write_parquet(docs: db.Bag, folder: str | Path) -> list[str]:
    """One Parquet file of section and item rows per partition in `folder`."""
    return _write(docs, folder, _write_parquet_part)
