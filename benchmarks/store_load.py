"""Bulk load and lookups: the PostgreSQL store against the SQLite store, in the same run.

Loads N random 16-byte index keys (default 1,000,000) through each store's ingest writer, in
batches of 10,000 as the ingest pipeline sends them, then times range queries (20-bit prefixes)
and exposure lookups (batches of 2,000 keys, as provenance sends them). Every PostgreSQL figure
is printed next to SQLite's and as a ratio to it (> 1: PostgreSQL is faster).

Run: ``.venv/bin/python benchmarks/store_load.py [--keys N] [--database-url URL]``. The
PostgreSQL tables go to a schema created for the run in that database and dropped after it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import secrets
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import psycopg

from leaktrace.store import Breach, SQLiteStore, Store
from leaktrace.store.postgres import PostgresStore

BATCH = 10_000


def measure(store: Store, keys: list[bytes]) -> dict[str, float]:
    breach = Breach("Bench", "Bench", dt.date(2021, 1, 1), dt.datetime.now(dt.UTC))
    start = time.perf_counter()
    with store.ingest(breach) as writer:
        for i in range(0, len(keys), BATCH):
            writer.add((key, 1 << (i % 12)) for key in keys[i : i + BATCH])
        writer.finish(len(keys), 0xFFF)
    load = time.perf_counter() - start
    rng = random.Random(1)
    ranges = []
    for _ in range(500):
        start = time.perf_counter()
        store.range_entries(rng.randrange(1 << 20))
        ranges.append(time.perf_counter() - start)
    probes = rng.sample(keys, 20_000) + [os.urandom(16) for _ in range(20_000)]
    start = time.perf_counter()
    for i in range(0, len(probes), 2_000):
        store.exposures(probes[i : i + 2_000])
    lookup = time.perf_counter() - start
    return {
        "load keys/s": len(keys) / load,
        "range queries/s": len(ranges) / sum(ranges),
        "range p50 ms": statistics.median(ranges) * 1e3,
        "exposure lookups keys/s": len(probes) / lookup,
    }


def with_schema(url: str, run: Callable[[str], dict[str, float]]) -> dict[str, float]:
    schema = f"bench_{secrets.token_hex(4)}"
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {schema}".encode())
    try:
        sep = "&" if "?" in url else "?"
        return run(f"{url}{sep}options=-csearch_path%3D{schema}")
    finally:
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(f"DROP SCHEMA {schema} CASCADE".encode())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys", type=int, default=1_000_000)
    parser.add_argument("--database-url", default="postgresql://postgres@127.0.0.1:5432/test")
    args = parser.parse_args()
    keys = [os.urandom(16) for _ in range(args.keys)]

    with tempfile.TemporaryDirectory() as folder:
        lite = SQLiteStore(Path(folder) / "bench.db")
        try:
            base = measure(lite, keys)
        finally:
            lite.close()

    def run_pg(url: str) -> dict[str, float]:
        store = PostgresStore(url)
        try:
            return measure(store, keys)
        finally:
            store.close()

    pg = with_schema(args.database_url, run_pg)
    print(f"{args.keys:,} random 16-byte keys, writer batches of {BATCH:,}")
    print(f"{'':26}{'SQLite':>14}{'PostgreSQL':>14}{'ratio':>9}")
    for name, value in base.items():
        # For the latency row, lower is better: its ratio is SQLite's over PostgreSQL's too.
        ratio = value / pg[name] if name.endswith("ms") else pg[name] / value
        print(f"{name:26}{value:14,.1f}{pg[name]:14,.1f}{ratio:9.2f}")


if __name__ == "__main__":
    main()
