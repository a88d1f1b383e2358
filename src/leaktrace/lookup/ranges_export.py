"""``export-ranges``: every 20-bit range as a static file, byte-identical to the API's answer.

Layout of an export folder (ready for object storage behind a CDN)::

    index.json              {"format": 1, "key_id": "...", "prefix_hex": 5, "min_entries": 64}
    range/{prefix}          the body of GET /v1/range/{prefix}, for all 2^20 prefixes
    breaches.json           the body of GET /v1/breaches
    breaches/{Name}.json    the body of GET /v1/breaches/{Name}

Bodies are produced by :class:`LookupService` and serialized by :func:`document_bytes`, the
function the API serves with, so both agree byte for byte. Instead of 2^20 queries, the
exposures are read once, ordered by key, in chunks that worker processes share; this needs a
narrow SQL query on a :class:`SQLiteStore` (other stores fall back to one query per range).
"""

from __future__ import annotations

import hashlib
import json
import multiprocessing
import os
import secrets
import shutil
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from leaktrace.crypto import ServerKey
from leaktrace.errors import ConflictError, InputError
from leaktrace.lookup.service import MIN_RANGE_ENTRIES, PREFIX_HEX, LookupService
from leaktrace.store import RangeEntry, SQLiteStore, Store
from leaktrace.store._ranges import AFTER_EVERY_KEY, key_bounds

__all__ = [
    "FORMAT_VERSION",
    "INDEX_FILE",
    "RANGE_COUNT",
    "ExportReport",
    "default_jobs",
    "document_bytes",
    "etag_of",
    "export_ranges",
    "index_document",
]

RANGE_COUNT = 1 << (PREFIX_HEX * 4)
INDEX_FILE = "index.json"
FORMAT_VERSION = 1
_CHUNK = 4096  # prefixes per unit of work: 256 units for a full export
ExportProgress = Callable[[int, int], None]  # (ranges done, ranges in all)


def document_bytes(document: Any) -> bytes:
    """The one serialization of every JSON document the API serves and the export writes."""
    return json.dumps(document, separators=(",", ":"), ensure_ascii=False).encode()


def etag_of(body: bytes) -> str:
    """A strong ETag: a hash of the exact bytes served."""
    return '"' + hashlib.sha256(body).hexdigest()[:32] + '"'


def index_document(key_id: str) -> dict[str, Any]:
    return {
        "format": FORMAT_VERSION,
        "key_id": key_id,
        "prefix_hex": PREFIX_HEX,
        "min_entries": MIN_RANGE_ENTRIES,
    }


@dataclass(frozen=True, slots=True)
class ExportReport:
    ranges: int
    real_entries: int
    bytes: int
    breaches: int
    seconds: float

    def to_json(self) -> dict[str, Any]:
        return {
            "ranges": self.ranges,
            "real_entries": self.real_entries,
            "bytes": self.bytes,
            "breaches": self.breaches,
            "seconds": round(self.seconds, 3),
        }


def _write(path: Path, body: bytes) -> None:
    with open(path, "wb") as handle:
        handle.write(body)


def _write_ranges(service: LookupService, prefixes: Iterable[int], folder: Path) -> tuple[int, int]:
    size = real = 0
    for prefix in prefixes:
        name = f"{prefix:0{PREFIX_HEX}x}"
        document = service.range(name)
        real += sum(1 for entry in document["entries"] if entry["breaches"])
        body = document_bytes(document)
        _write(folder / name, body)
        size += len(body)
    return size, real


class _KeyOrdered:
    """Answers ``range_entries`` for increasing prefixes from one key-ordered row stream."""

    def __init__(self, rows: Iterator[tuple[bytes, str]]) -> None:
        self._rows = rows
        self._pending = next(rows, None)

    def range_entries(self, prefix: int, prefix_bits: int = 20) -> list[RangeEntry]:
        shift = 128 - prefix_bits
        entries: list[RangeEntry] = []
        while self._pending is not None:
            key, name = self._pending
            key_prefix = int.from_bytes(key, "big") >> shift
            if key_prefix > prefix:
                break
            if key_prefix == prefix:
                if entries and entries[-1][0] == key:
                    entries[-1][1].append(name)
                else:
                    entries.append((bytes(key), [name]))
            self._pending = next(self._rows, None)
        for _, names in entries:
            names.sort()  # as the store does: ORDER BY key, name
        return entries


def _public_rows(conn: sqlite3.Connection, start: int, stop: int) -> Iterator[tuple[bytes, str]]:
    """(key, breach name) of non-sensitive exposures under prefixes [start, stop), by key."""
    low, high = key_bounds(start, stop, PREFIX_HEX * 4)
    # CROSS JOIN keeps exposures as the outer loop (key order).
    yield from conn.execute(
        "SELECT e.key, b.name FROM exposures e CROSS JOIN breaches b ON b.id = e.breach_id "
        "WHERE e.key >= ? AND e.key < ? AND b.is_sensitive = 0 ORDER BY e.key",
        (low, high or AFTER_EVERY_KEY),
    )


@contextmanager
def _chunk_service(db_path: Path, key: ServerKey, start: int, stop: int) -> Iterator[LookupService]:
    conn = sqlite3.connect(db_path)
    try:
        conn.execute("PRAGMA query_only=1")
        yield LookupService(cast(Store, _KeyOrdered(_public_rows(conn, start, stop))), key)
    finally:
        conn.close()


def _chunk_job(job: tuple[Path, ServerKey, int, int, Path]) -> tuple[int, int, int]:
    """One worker's unit: ranges [start, stop) from one streamed query. Module-level: pickled."""
    db_path, key, start, stop, folder = job
    with _chunk_service(db_path, key, start, stop) as service:
        size, real = _write_ranges(service, range(start, stop), folder)
    return stop - start, size, real


def _write_breaches(service: LookupService, folder: Path) -> tuple[int, int]:
    listing = service.breaches()
    body = document_bytes(listing)
    _write(folder / "breaches.json", body)
    (folder / "breaches").mkdir(exist_ok=True)
    size = len(body)
    for breach in listing:
        one = document_bytes(service.breach(breach["Name"]))
        _write(folder / "breaches" / f"{breach['Name']}.json", one)
        size += len(one)
    return len(listing), size


def _chunks(count: int) -> Iterator[tuple[int, int]]:
    for start in range(0, count, _CHUNK):
        yield start, min(count, start + _CHUNK)


def _all_ranges(
    store: Store, key: ServerKey, folder: Path, jobs: int, progress: ExportProgress
) -> tuple[int, int]:
    size = real = done = 0
    if not isinstance(store, SQLiteStore):  # no streaming query: one range query per prefix
        service = LookupService(store, key)
        for start, stop in _chunks(RANGE_COUNT):
            s, r = _write_ranges(service, range(start, stop), folder)
            size, real, done = size + s, real + r, done + stop - start
            progress(done, RANGE_COUNT)
        return size, real
    work = [(store.path, key, a, b, folder) for a, b in _chunks(RANGE_COUNT)]
    if jobs <= 1:
        results: Iterable[tuple[int, int, int]] = map(_chunk_job, work)
        for count, s, r in results:
            size, real, done = size + s, real + r, done + count
            progress(done, RANGE_COUNT)
        return size, real
    # spawn, not fork: the caller may run threads (a progress bar) that fork would copy.
    with multiprocessing.get_context("spawn").Pool(jobs) as pool:
        for count, s, r in pool.imap_unordered(_chunk_job, work):
            size, real, done = size + s, real + r, done + count
            progress(done, RANGE_COUNT)
    return size, real


def _swap_in(staging: Path, out: Path) -> None:
    """Move a finished export into ``out``, replacing a previous one, then drop the old one."""
    names = ("range", "breaches", "breaches.json", INDEX_FILE)
    for name in names:
        if (out / name).exists():
            (out / name).rename(staging / f"old-{name}")
        (staging / name).rename(out / name)
    shutil.rmtree(staging)


def _check_folder(out: Path, key_id: str) -> None:
    if out.exists() and not out.is_dir():
        raise InputError(f"{out} is not a folder")
    index = out / INDEX_FILE
    if index.exists():
        try:
            previous = json.loads(index.read_text(encoding="utf-8")).get("key_id")
        except (OSError, ValueError, AttributeError):
            raise InputError(f"{index} is not a leaktrace index file") from None
        if previous != key_id:
            raise ConflictError(f"{out} holds an export made with another key; use a new folder")
    elif out.exists() and any(p for p in out.iterdir() if not p.name.startswith(".staging-")):
        raise InputError(f"{out} is not empty and holds no previous export")


def export_ranges(
    store: Store,
    key: ServerKey,
    out: Path,
    *,
    prefixes: Iterable[str] | None = None,
    jobs: int = 1,
    progress: ExportProgress | None = None,
) -> ExportReport:
    """Export all ranges (or only ``prefixes``, in place) and the breach documents to ``out``.

    A full export is staged inside ``out`` and swapped in at the end, so a failure or an
    interruption leaves the previous export untouched. ``jobs`` > 1 starts worker processes
    with ``spawn``: a script calling this needs the ``if __name__ == "__main__":`` guard.
    """
    started = time.perf_counter()
    report = progress or (lambda done, total: None)
    service = LookupService(store, key)
    _check_folder(out, key.key_id)
    out.mkdir(parents=True, exist_ok=True)
    index = document_bytes(index_document(key.key_id))
    if prefixes is not None:
        wanted = sorted({int(service.range(p)["prefix"], 16) for p in prefixes})
        (out / "range").mkdir(exist_ok=True)
        size, real = _write_ranges(service, wanted, out / "range")
        count, breach_bytes = _write_breaches(service, out)
        _write(out / INDEX_FILE, index)
        report(len(wanted), len(wanted))
        elapsed = time.perf_counter() - started
        return ExportReport(len(wanted), real, size + breach_bytes, count, elapsed)
    staging = out / f".staging-{secrets.token_hex(4)}"
    try:
        (staging / "range").mkdir(parents=True)
        count, breach_bytes = _write_breaches(service, staging)
        size, real = _all_ranges(store, key, staging / "range", max(1, jobs), report)
        _write(staging / INDEX_FILE, index)
        _swap_in(staging, out)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    elapsed = time.perf_counter() - started
    return ExportReport(RANGE_COUNT, real, size + breach_bytes, count, elapsed)


def default_jobs() -> int:
    return max(1, min(8, os.cpu_count() or 1))
