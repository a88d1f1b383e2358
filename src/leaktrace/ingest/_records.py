"""Per-record work, run in worker processes: find identifiers, normalize, PRF, data classes.

The OPRF costs ~50 µs an identifier and dominates ingest, so chunks of rows go to a process pool
(one worker per core). At most a few chunks are in flight: memory stays bounded whatever the
file size, and results come back in file order so record numbers are deterministic.
"""

from __future__ import annotations

import itertools
import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass

from leaktrace.crypto import index_key, oprf
from leaktrace.identifiers import encode, namedob_from_parts, normalize
from leaktrace.ingest.columns import IDENTIFIER_ROLES, NAME_ROLES, ColumnRole
from leaktrace.store.data_classes import to_mask

__all__ = [
    "ChunkResult",
    "Plan",
    "RecordKeys",
    "make_plan",
    "process_chunks",
    "process_rows",
]

# One record's output: its (index key, is a linking key) pairs and its data-class mask.
RecordKeys = tuple[list[tuple[bytes, bool]], int]


@dataclass(frozen=True, slots=True)
class Plan:
    identifiers: tuple[tuple[int, str], ...]  # (column, kind)
    names: tuple[int, ...]
    dob: int | None
    classes: tuple[tuple[int, int], ...]  # (column, data-class bit)

    @property
    def has_identifiers(self) -> bool:
        return bool(self.identifiers) or (bool(self.names) and self.dob is not None)


def make_plan(columns: Sequence[ColumnRole]) -> Plan:
    identifiers, names, classes = [], [], []
    dob = None
    for col in columns:
        if col.role in IDENTIFIER_ROLES:
            identifiers.append((col.index, str(col.role)))
        elif col.role in NAME_ROLES:
            names.append(col.index)
        elif col.role == "dob" and dob is None:
            dob = col.index
        if col.data_class:
            classes.append((col.index, to_mask([col.data_class])))
    return Plan(tuple(identifiers), tuple(names), dob, tuple(classes))


@dataclass(slots=True)
class ChunkResult:
    records: list[RecordKeys]  # records with at least one identifier
    mask: int  # data classes of every row of the chunk, identified or not
    kinds: dict[str, int]


def process_rows(
    secret: bytes, region: str, plan: Plan, rows: Sequence[Sequence[str]]
) -> ChunkResult:
    """Normalize, PRF and classify one chunk of rows (runs in a worker)."""
    records: list[RecordKeys] = []
    kinds: dict[str, int] = {}
    chunk_mask = 0
    for row in rows:
        width = len(row)
        found: list[tuple[str, str]] = []
        for index, kind in plan.identifiers:
            if index < width and row[index]:
                value = normalize(kind, row[index], region=region)
                if value is not None:
                    found.append((kind, value))
        if plan.dob is not None and plan.dob < width and plan.names:
            value = namedob_from_parts([row[i] for i in plan.names if i < width], row[plan.dob])
            if value is not None:
                found.append(("namedob", value))
        mask = 0
        for index, bit in plan.classes:
            if index < width and row[index].strip():
                mask |= bit
        chunk_mask |= mask
        if not found:
            continue
        keys = []
        for kind, value in dict.fromkeys(found):  # a value repeated in two columns counts once
            kinds[kind] = kinds.get(kind, 0) + 1
            keys.append((index_key(oprf.evaluate(secret, encode(kind, value))), kind == "namedob"))
        records.append((keys, mask))
    return ChunkResult(records, chunk_mask, kinds)


_worker_state: tuple[bytes, str] | None = None


def _init(secret: bytes, region: str) -> None:
    # Per-process state, set once by the pool initializer: the only global in the package.
    global _worker_state
    _worker_state = (secret, region)


def _work(plan: Plan, rows: Sequence[Sequence[str]]) -> ChunkResult:
    assert _worker_state is not None
    return process_rows(_worker_state[0], _worker_state[1], plan, rows)


def process_chunks(
    chunks: Iterable[tuple[Plan, Sequence[Sequence[str]]]],
    secret: bytes,
    region: str,
    workers: int,
    dask: str | None = None,
) -> Iterator[ChunkResult]:
    """Results of ``chunks`` in order: on a Dask cluster when ``dask`` names a scheduler (or
    ``local``), else on a local process pool; ``workers <= 1`` or a single chunk runs here."""
    if dask is not None:
        from leaktrace.ingest.distributed import dask_chunks

        yield from dask_chunks(chunks, secret, region, dask)
        return
    iterator = iter(chunks)
    head = list(itertools.islice(iterator, 2))
    if workers <= 1 or len(head) < 2:
        # A small file is done before a pool would have started.
        for plan, rows in itertools.chain(head, iterator):
            yield process_rows(secret, region, plan, rows)
        return
    chunks = itertools.chain(head, iterator)
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    pool = ProcessPoolExecutor(
        workers, mp_context=context, initializer=_init, initargs=(secret, region)
    )
    in_flight: deque[Future[ChunkResult]] = deque()
    try:
        for plan, rows in chunks:
            in_flight.append(pool.submit(_work, plan, rows))
            if len(in_flight) > 2 * workers:
                yield in_flight.popleft().result()
        while in_flight:
            yield in_flight.popleft().result()
    finally:
        for future in in_flight:
            future.cancel()
        pool.shutdown(wait=True, cancel_futures=True)
