"""Trace throughput: exact containment through the index, next to a plain SQL join baseline.

A store of ``--breaches`` breaches holding ``--keys`` random index keys in all, and a file of
``--people`` people (two keys each: half drawn from the first breach, a tenth from the second,
the rest new). Both methods count, per breach, the distinct people found in it; the baseline
attaches the scratch pairs to the store and runs one GROUP BY join. Defaults are the issue's
sizes (1M people, 100 breaches, 20M keys); ``--scale 0.05`` runs a quick version.
Run: ``.venv/bin/python benchmarks/trace.py [--scale S]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sqlite3
import tempfile
import time
from pathlib import Path

from leaktrace.ingest import People
from leaktrace.provenance.containment import containment
from leaktrace.store import Breach, SQLiteStore


def build_store(path: Path, breaches: int, keys: int, rng: random.Random) -> list[list[bytes]]:
    store = SQLiteStore(path)
    per = keys // breaches
    samples: list[list[bytes]] = []
    for b in range(breaches):
        batch = sorted(rng.randbytes(16) for _ in range(per))
        samples.append(batch[:200_000])
        breach = Breach(f"B{b:03d}", f"B{b:03d}", dt.date(2020, 1, 1), dt.datetime.now(dt.UTC))
        with store.ingest(breach) as writer:
            for start in range(0, per, 100_000):
                writer.add((k, 1) for k in batch[start : start + 100_000])
            writer.finish(per, 1)
    store.close()
    return samples


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=float, default=1.0)
    args = parser.parse_args()
    people_n = int(1_000_000 * args.scale)
    breaches = 100
    keys = int(20_000_000 * args.scale)
    rng = random.Random(1)
    with tempfile.TemporaryDirectory() as tmp:
        scratch = Path(tmp)
        started = time.perf_counter()
        samples = build_store(scratch / "store.db", breaches, keys, rng)
        print(
            f"store: {breaches} breaches, {keys:,} keys built in "
            f"{time.perf_counter() - started:.0f} s"
        )
        people = People(scratch)
        for i in range(people_n):
            first = rng.choice(samples[0]) if i % 2 == 0 else rng.randbytes(16)
            second = rng.choice(samples[1]) if i % 10 == 1 else rng.randbytes(16)
            people.add_record([(first, False), (second, False)], 1)
        count = people.count()
        store = SQLiteStore(scratch / "store.db")

        started = time.perf_counter()
        result = containment(people, count, store, scratch)
        ours = time.perf_counter() - started

        started = time.perf_counter()
        conn = sqlite3.connect(scratch / "people.db")
        conn.execute("ATTACH DATABASE ? AS store", (str(scratch / "store.db"),))
        rows = conn.execute(
            "SELECT b.name, COUNT(DISTINCT p.record) FROM pairs p "
            "JOIN store.exposures e ON e.key = p.key "
            "JOIN store.breaches b ON b.id = e.breach_id GROUP BY b.name"
        ).fetchall()
        baseline = time.perf_counter() - started
        conn.close()
        store.close()
        people.close()
    shares = {p.name: round(p.share, 3) for p in result.parents}
    print(f"file: {people_n:,} people, {2 * people_n:,} keys; verdict {result.verdict}, {shares}")
    print(f"baseline SQL join (records, no person linking): {baseline:8.2f} s  1.00x  {rows[:2]}")
    print(
        f"leaktrace containment (people):                 {ours:8.2f} s  "
        f"{ours / baseline:.2f}x the baseline's time"
    )
    _ = os


if __name__ == "__main__":
    main()
