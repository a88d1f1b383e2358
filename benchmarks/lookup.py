"""The lookup service over HTTP: evaluation throughput and range latency.

Run: ``.venv/bin/python benchmarks/lookup.py [--sizes 1000000,10000000]``. Not part of
``make test``. Machines are shared and noisy, so the HTTP evaluation rates are printed next to
the bare ``oprf.blind_evaluate_batch`` loop measured in the same run, as ratios.

Targets (issue 4): HTTP throughput with batches of 64 >= 0.5x the bare loop; range p99 < 10 ms
at 10M index keys.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import rbcl

from leaktrace.crypto import load_or_create_key, oprf
from leaktrace.lookup import LookupService
from leaktrace.store import Breach, SQLiteStore


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def server(home: Path) -> Iterator[str]:
    """``leaktrace serve`` with the rate limit out of the way, its log discarded."""
    port = free_port()
    command = [sys.executable, "-m", "leaktrace", "--home", str(home), "serve"]
    process = subprocess.Popen(
        [*command, "--port", str(port), "--rate-limit", "1000000000/100000"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                httpx.get(url + "/openapi.json", timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        process.wait(15)


def bare_rate(secret: bytes, elements: list[bytes]) -> float:
    start = time.perf_counter()
    for i in range(0, len(elements), 64):
        oprf.blind_evaluate_batch(secret, elements[i : i + 64])
    return len(elements) / (time.perf_counter() - start)


def http_rate(url: str, elements: list[str], batch: int) -> float:
    with httpx.Client(base_url=url) as http:
        http.post("/v1/oprf/evaluate", json={"blinded": elements[:batch]})  # warm up
        start = time.perf_counter()
        for i in range(0, len(elements), batch):
            answer = http.post("/v1/oprf/evaluate", json={"blinded": elements[i : i + batch]})
            answer.raise_for_status()
    return len(elements) / (time.perf_counter() - start)


def evaluations(n: int, singles: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        key = load_or_create_key(Path(tmp))
        points = [rbcl.crypto_core_ristretto255_random() for _ in range(n)]
        hexes = [p.hex() for p in points]
        before = bare_rate(key.secret, points)
        with server(Path(tmp)) as url:
            rates = {
                "HTTP, batches of 64": http_rate(url, hexes, 64),
                "HTTP, batches of 1": http_rate(url, hexes[:singles], 1),
            }
        after = bare_rate(key.secret, points)
    bare = (before + after) / 2
    print(f"{'bare blind_evaluate_batch loop':<36} {bare:>10,.0f} evaluations/s")
    for label, rate in rates.items():
        print(f"{label:<36} {rate:>10,.0f} evaluations/s   {rate / bare:.2f}x bare")


def build_store(home: Path, size: int) -> None:
    """``size`` random index keys, inserted in key order (fast), in one breach."""
    key = load_or_create_key(home)
    store = SQLiteStore(home / "leaktrace.db")
    store.bind_key(key.key_id)
    breach = Breach("Bench", "Bench", dt.date(2021, 1, 1), dt.datetime.now(dt.UTC))
    rng = random.Random(1)
    with store.ingest(breach) as writer:
        for top in range(256):
            count = size // 256 + (1 if top < size % 256 else 0)
            keys = sorted(bytes([top]) + rng.randbytes(15) for _ in range(count))
            writer.add((k, 3) for k in keys)
        writer.finish(size, 3)
    store.close()


def percentiles(samples: list[float]) -> str:
    cuts = statistics.quantiles(samples, n=100)
    return f"p50 {cuts[49] * 1000:6.2f} ms   p99 {cuts[98] * 1000:6.2f} ms"


def ranges(size: int, requests: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        start = time.perf_counter()
        build_store(home, size)
        print(f"\n{size:,} index keys (store built in {time.perf_counter() - start:.0f} s)")
        prefixes = [f"{random.getrandbits(20):05x}" for _ in range(requests)]
        store = SQLiteStore(home / "leaktrace.db")
        service = LookupService(store, load_or_create_key(home))
        local = []
        for prefix in prefixes:
            t = time.perf_counter()
            service.range(prefix)
            local.append(time.perf_counter() - t)
        store.close()
        print(f"  {'LookupService.range (in-process)':<34} {percentiles(local)}")
        with server(home) as url, httpx.Client(base_url=url) as http:
            http.get("/v1/range/00000")
            remote = []
            for prefix in prefixes:
                t = time.perf_counter()
                http.get(f"/v1/range/{prefix}").raise_for_status()
                remote.append(time.perf_counter() - t)
        print(f"  {'GET /v1/range/{prefix} (HTTP)':<34} {percentiles(remote)}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=12_800, help="elements for the rates")
    parser.add_argument("--singles", type=int, default=2_000, help="batch-of-1 requests")
    parser.add_argument("--sizes", default="1000000,10000000", help="index sizes for ranges")
    parser.add_argument("--requests", type=int, default=2_000, help="range requests per size")
    args = parser.parse_args()
    print(f"machine: {os.cpu_count()} cores; lower is better for latencies\n")
    evaluations(args.n, args.singles)
    for size in (int(s) for s in args.sizes.split(",") if s):
        ranges(size, args.requests)


if __name__ == "__main__":
    main()
