"""``make bench``: run every benchmark and write docs/performance.md.

Each benchmark prints its figures next to a baseline measured in the same run (machines are
shared and noisy: compare ratios, not absolute numbers). Sizes here are chosen to finish in
about half an hour on 2 cores; each benchmark takes flags for the full sizes of the issues.
Run: ``.venv/bin/python benchmarks/run_all.py [--quick]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# (title, script and arguments, quick arguments)
BENCHMARKS: list[tuple[str, list[str], list[str]]] = [
    (
        "OPRF and ingest, in-process",
        ["benchmarks/oprf.py", "--n", "20000"],
        ["benchmarks/oprf.py", "--n", "3000", "--people", "1000"],
    ),
    (
        "Ingest end to end: 1 and 2 processes, Dask, peak memory",
        ["benchmarks/ingest.py", "--people", "10000"],
        ["benchmarks/ingest.py", "--people", "1000"],
    ),
    (
        "Trace: containment against a SQL join",
        ["benchmarks/trace.py", "--scale", "0.25"],
        ["benchmarks/trace.py", "--scale", "0.01"],
    ),
    (
        "Lookup over HTTP: evaluations and range latency",
        ["benchmarks/lookup.py", "--sizes", "1000000,10000000"],
        [
            "benchmarks/lookup.py",
            "--sizes",
            "100000",
            "--n",
            "1280",
            "--singles",
            "200",
            "--requests",
            "200",
        ],
    ),
    (
        "Store bulk load: PostgreSQL against SQLite",
        ["benchmarks/store_load.py"],
        ["benchmarks/store_load.py", "--keys", "100000"],
    ),
    (
        "Phishing triage against a TF-IDF baseline",
        ["benchmarks/phishing_eval.py"],
        ["benchmarks/phishing_eval.py"],
    ),
]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="small sizes (minutes)")
    parser.add_argument("--out", default=str(ROOT / "docs" / "performance.md"))
    args = parser.parse_args()
    sections = [
        "# Performance\n",
        f"Written by `make bench` ({'quick sizes' if args.quick else 'default sizes'}) on "
        f"{dt.date.today()}, {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}. Every figure sits next to a baseline measured in the "
        "same run; the machine is shared, so read the ratios.\n",
    ]
    for title, full, quick in BENCHMARKS:
        command = quick if args.quick else full
        if not (ROOT / command[0]).exists():
            sections.append(f"## {title}\n\n(not present: `{command[0]}`)\n")
            continue
        started = time.perf_counter()
        result = subprocess.run(
            [sys.executable, *command], cwd=ROOT, capture_output=True, text=True, check=False
        )
        seconds = time.perf_counter() - started
        output = result.stdout.strip() or "(no output)"
        if result.returncode != 0:
            output += f"\n\nexit code {result.returncode}: {result.stderr.strip()[-800:]}"
        print(f"{title}: {seconds:.0f} s", file=sys.stderr)
        sections.append(
            f"## {title}\n\n`.venv/bin/python {' '.join(command)}` ({seconds:.0f} s)\n\n"
            f"```\n{output}\n```\n"
        )
    Path(args.out).write_text("\n".join(sections), encoding="utf-8")


if __name__ == "__main__":
    main()
