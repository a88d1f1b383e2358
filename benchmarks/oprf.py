"""OPRF and ingest throughput, as ratios to a bare libsodium scalar multiplication.

Run: ``make bench`` or ``.venv/bin/python benchmarks/oprf.py [--n 20000]``. Machines are shared
and noisy, so every figure is printed next to its ratio to the baseline measured in this run.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import rbcl

from leaktrace import synth
from leaktrace.crypto import ServerKey, oprf
from leaktrace.ingest import ingest_file
from leaktrace.store import Breach, SQLiteStore


def per_second(label: str, n: int, fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    rate = n / (time.perf_counter() - start)
    print(f"{label:<44} {rate:>12,.0f} /s")
    return rate


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=20_000)
    parser.add_argument("--people", type=int, default=5_000)
    args = parser.parse_args()
    n = args.n
    key = ServerKey.from_seed(os.urandom(32))
    point = rbcl.crypto_core_ristretto255_random()
    inputs = [f"phone:+336{i:08d}".encode() for i in range(n)]

    base = per_second(
        "baseline: bare scalar mult (libsodium)",
        n,
        lambda: [rbcl.crypto_scalarmult_ristretto255(key.secret, point) for _ in range(n)],
    )
    rates = {
        "evaluate (ingest path)": per_second(
            "evaluate (ingest path)", n, lambda: [oprf.evaluate(key.secret, x) for x in inputs]
        ),
    }

    def round_trip() -> None:
        for start in range(0, n, 64):
            batch = oprf.blind_batch(inputs[start : start + 64])
            evaluated = oprf.blind_evaluate_batch(key.secret, [b.blinded_element for b in batch])
            oprf.finalize_batch(batch, evaluated)

    rates["blind+evaluate+finalize"] = per_second("blind+evaluate+finalize", n, round_trip)

    with tempfile.TemporaryDirectory() as tmp:
        leak = Path(tmp) / "leak.csv"
        people = synth.patients(args.people, 1)
        synth.write_csv(leak, people, messy=True, seed=1)
        store = SQLiteStore(Path(tmp) / "db")
        breach = Breach("Bench", "Bench", dt.date(2021, 1, 1), dt.datetime.now(dt.UTC))
        start = time.perf_counter()
        report = ingest_file(leak, store, key, breach)
        elapsed = time.perf_counter() - start
        store.close()
    ids = sum(report.identifiers.values())
    rates["ingest (identifiers, 1 process)"] = ids / elapsed
    print(f"{'ingest (identifiers, 1 process)':<44} {ids / elapsed:>12,.0f} /s")

    print("\nratio to the bare scalar multiplication measured in this run:")
    for label, rate in rates.items():
        print(f"  {label:<42} {rate / base:.2f}x")


if __name__ == "__main__":
    main()
