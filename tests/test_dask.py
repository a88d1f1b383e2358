"""Ingest on a Dask LocalCluster gives the same people, keys and data classes as one machine."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from leaktrace import synth
from leaktrace.crypto import ServerKey
from leaktrace.ingest import Options, ingest_file
from leaktrace.store import SQLiteStore
from tests.conftest import make_breach

pytest.importorskip("distributed")


def _content(db: Path) -> tuple[list[tuple[bytes, int]], list[bytes]]:
    conn = sqlite3.connect(db)
    try:
        exposures = conn.execute("SELECT key, classes FROM exposures ORDER BY key").fetchall()
        links = [r[0] for r in conn.execute("SELECT key FROM link_keys ORDER BY key")]
    finally:
        conn.close()
    return exposures, links


def test_dask_local_cluster_matches_single_machine(tmp_path: Path, server_key: ServerKey) -> None:
    files = []
    for i, fmt in enumerate(("csv", "jsonl.gz")):
        path = tmp_path / f"part{i}.{fmt}"
        synth.write(path, synth.patients(1500, 20 + i), fmt=fmt, seed=i)
        files.append(path)
    reports = {}
    for mode, opts in (("single", Options(workers=1)), ("dask", Options(dask="local"))):
        store = SQLiteStore(tmp_path / f"{mode}.db")
        try:
            reports[mode] = ingest_file(files, store, server_key, make_breach(), opts=opts)
            assert store.breach("Labo2021").pwn_count == reports[mode].people
        finally:
            store.close()
    single, dask = reports["single"], reports["dask"]
    assert (dask.people, dask.rows, dask.records) == (single.people, single.rows, single.records)
    assert dask.identifiers == single.identifiers
    assert dask.data_classes == single.data_classes
    assert _content(tmp_path / "dask.db") == _content(tmp_path / "single.db")
