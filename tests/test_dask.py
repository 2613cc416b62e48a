"""The Dask integration on a LocalCluster: a bag of files parsed and written as partitions."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import dask.bag as db
import pyarrow.parquet as pq
import pytest
from conftest import SAMPLES
from dask.distributed import Client, LocalCluster

import speechparse
from speechparse.batch import Options, parse_one
from speechparse.integrations.dask import parse_paths, parse_texts, write_jsonl, write_parquet
from speechparse.render import Format


@pytest.fixture(scope="module")
def client() -> Iterator[Client]:
    with (
        LocalCluster(
            # a free port: another LocalCluster on the machine (a second test run) has 8787
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",
        ) as cluster,
        Client(cluster) as c,
    ):
        yield c


def test_files_to_jsonl_partitions(client: Client, tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02" * 50)
    paths = [str(p) for p in SAMPLES] + [str(bad)]
    parts = write_jsonl(parse_paths(paths, partition_size=2), tmp_path / "jsonl")
    assert [Path(p).name for p in parts] == ["0.jsonl", "1.jsonl", "2.jsonl"]
    records = [json.loads(line) for p in parts for line in Path(p).read_text().splitlines()]
    assert [r["input"]["path"] for r in records] == paths
    assert records[-1]["error"].startswith(f"{bad}: looks binary")
    expected = speechparse.parse_file(SAMPLES[0]).model_dump(mode="json")
    assert records[0]["speeches"] == expected["speeches"]


def test_parsed_once_written_twice_and_the_lines_are_the_commands(
    client: Client, tmp_path: Path
) -> None:
    """A persisted bag feeds both writers (the README's example); each JSONL line is the same
    bytes as `speechparse parse FILE -f jsonl` writes for the file."""
    paths = [str(p) for p in SAMPLES]
    docs = parse_paths(paths, partition_size=2).persist()
    lines = [
        line
        for part in write_jsonl(docs, tmp_path / "jsonl")
        for line in Path(part).read_bytes().splitlines()
    ]
    command = [parse_one(p, Options(Format.jsonl)).data for p in paths]
    assert lines == command
    parts = write_parquet(docs, tmp_path / "parquet")
    sections = sum(len(list(speechparse.parse_file(p).iter_sections())) for p in SAMPLES)
    assert pq.ParquetDataset(parts).read().num_rows == sections + 28


def test_text_partitions_to_parquet(client: Client, tmp_path: Path) -> None:
    texts = db.from_sequence(
        [(p.name, p.read_text(encoding="utf-8")) for p in SAMPLES], npartitions=2
    )
    parts = write_parquet(parse_texts(texts), tmp_path / "parquet")
    assert len(parts) == 2
    table = pq.ParquetDataset(parts).read()
    sections = sum(len(list(speechparse.parse_file(p).iter_sections())) for p in SAMPLES)
    assert table.num_rows == sections + 28
    assert set(table.column("file").to_pylist()) == {p.name for p in SAMPLES}
