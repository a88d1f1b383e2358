"""End-to-end ingest throughput and peak memory.

Ingest identifiers/s (1 process and all cores) next to the bare single-core OPRF loop over the
same number of identifiers, measured in the same run (the ceiling of one core); peak RSS of an
ingest process at 1x and 10x the input size. Run: ``.venv/bin/python benchmarks/ingest.py``
(``--people N``, default 10,000).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from leaktrace import synth
from leaktrace.crypto import ServerKey, oprf

_CHILD = """
import datetime as dt, json, resource, sys, time
from pathlib import Path
from leaktrace.crypto import load_or_create_key
from leaktrace.ingest import Options, ingest_file
from leaktrace.store import Breach, SQLiteStore
home, leak, workers, dask = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
store = SQLiteStore(home / "db")
breach = Breach("Bench", "Bench", dt.date(2021, 1, 1), dt.datetime.now(dt.UTC))
start = time.perf_counter()
opts = Options(workers=workers, dask=dask or None)
report = ingest_file(leak, store, load_or_create_key(home), breach, opts=opts)
seconds = time.perf_counter() - start
peak_kb = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
              resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
print(json.dumps({"ids": sum(report.identifiers.values()), "seconds": seconds,
                  "people": report.people, "peak_mb": peak_kb / 1024}))
"""


def ingest(leak: Path, workers: int, dask: str = "") -> dict[str, float]:
    with tempfile.TemporaryDirectory() as home:
        out = subprocess.run(
            [sys.executable, "-c", _CHILD, home, str(leak), str(workers), dask],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    result: dict[str, float] = json.loads(out)
    return result


def bare_oprf(count: int) -> float:
    key = ServerKey.from_seed(os.urandom(32))
    inputs = [f"phone:+336{i:08d}".encode() for i in range(count)]
    start = time.perf_counter()
    for item in inputs:
        oprf.evaluate(key.secret, item)
    return count / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--people", type=int, default=10_000)
    args = parser.parse_args()
    cores = len(os.sched_getaffinity(0))
    with tempfile.TemporaryDirectory() as tmp:
        small, large = Path(tmp) / "x1.csv", Path(tmp) / "x10.csv"
        synth.write_csv(small, synth.patients(args.people, 1), seed=1)
        synth.write_csv(large, synth.patients(args.people * 10, 2), seed=2)
        one = ingest(small, 1)
        many = ingest(small, cores)
        big = ingest(large, cores)
        on_dask = ingest(large, cores, "local")
    ceiling = bare_oprf(int(one["ids"]))
    print(f"people: {args.people:,} (x1), {args.people * 10:,} (x10); cores: {cores}")
    print(f"{'bare OPRF loop, 1 core (baseline)':<46} {ceiling:>10,.0f} ids/s  1.00x")
    for label, run in (
        ("ingest, 1 process", one),
        (f"ingest, {cores} processes", many),
        (f"ingest x10, {cores} processes", big),
        (f"ingest x10, Dask LocalCluster, {cores} workers", on_dask),
    ):
        rate = run["ids"] / run["seconds"]
        print(f"{label:<46} {rate:>10,.0f} ids/s  {rate / ceiling:.2f}x")
    print(
        f"peak RSS x1: {many['peak_mb']:.0f} MB; x10: {big['peak_mb']:.0f} MB "
        f"(ratio {big['peak_mb'] / many['peak_mb']:.2f} for 10x the input)"
    )


if __name__ == "__main__":
    main()
