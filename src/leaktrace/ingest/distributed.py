"""The OPRF of an ingest on a Dask cluster: ``ingest --dask SCHEDULER|local``.

The driver reads and parses the files (in order, one after the other) and ships chunks of rows
to the workers, which normalize identifiers, evaluate the OPRF and return index keys; the driver
links people and writes the store. Results come back in submission order, so people, keys and
data classes are identical to the single-machine path.

Splitting happens at record boundaries found by the real parser, not at raw byte offsets: leaks
have multi-line quoted comments and broken quoting that only a sequential parse recovers from
(docs/operations.md). Parsing runs at ~300k rows/s, some fifteen times the OPRF rate of one
core, so one driver keeps about fifteen worker cores busy per input file being read.

The OPRF key is sent to the workers once (scattered): run Dask clusters on a trusted network with
TLS between nodes, like the key file itself.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from leaktrace.errors import InputError
from leaktrace.ingest._records import ChunkResult, Plan, process_rows

__all__ = ["dask_chunks"]


def _client(scheduler: str) -> tuple[Any, Any]:
    try:
        from distributed import Client, LocalCluster
    except ImportError:  # pragma: no cover - distributed is a dependency
        raise InputError("--dask needs the 'distributed' package") from None
    if scheduler == "local":
        cluster = LocalCluster(
            n_workers=None, threads_per_worker=1, processes=True, dashboard_address=None
        )
        return Client(cluster), cluster
    try:
        return Client(scheduler, timeout=30), None
    except OSError:
        raise InputError(f"cannot reach the Dask scheduler at {scheduler}") from None


def dask_chunks(
    chunks: Iterable[tuple[Plan, Sequence[Sequence[str]]]],
    secret: bytes,
    region: str,
    scheduler: str,
) -> Iterator[ChunkResult]:
    """Results of ``chunks`` computed on Dask workers, in order."""
    client, cluster = _client(scheduler)
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        key = client.scatter(secret, broadcast=True)
        in_flight: deque[Any] = deque()
        for plan, rows in chunks:
            in_flight.append(client.submit(process_rows, key, region, plan, rows, pure=False))
            if len(in_flight) > 4 * workers:
                yield in_flight.popleft().result()
        while in_flight:
            yield in_flight.popleft().result()
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
