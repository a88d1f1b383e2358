"""From a file to the store: read tables, map columns, PRF identifiers, count people, commit once.

The whole file is one store transaction: it is ingested wholly or not at all (an exception,
Ctrl-C, or a killed process leaves no partial breach). Nothing here prints; progress goes to an
optional callback.
"""

from __future__ import annotations

import hashlib
import itertools
import os
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from leaktrace.crypto import ServerKey
from leaktrace.errors import ConflictError, InputError, UnreadableFileError
from leaktrace.ingest._people import People
from leaktrace.ingest._records import Plan, make_plan, process_chunks
from leaktrace.ingest.columns import ColumnRole, map_columns
from leaktrace.ingest.formats import Limits, Table, read_tables
from leaktrace.store import Breach, IngestWriter, Store
from leaktrace.store.data_classes import from_mask

__all__ = [
    "BeforeCommit",
    "IngestReport",
    "Options",
    "Progress",
    "TableMapping",
    "collect",
    "file_sha256",
    "ingest_file",
    "plan_columns",
]

Progress = Callable[[int, int], None]  # (bytes of the file read, rows read)
SAMPLE_ROWS = 500
CHUNK_ROWS = 1000
_WRITE_BATCH = 10_000


@dataclass(slots=True)
class TableMapping:
    name: str
    format: str
    encoding: str
    columns: list[ColumnRole]

    def to_json(self) -> dict[str, Any]:
        return {
            "table": self.name,
            "format": self.format,
            "encoding": self.encoding,
            "columns": [c.to_json() for c in self.columns],
        }


@dataclass(slots=True)
class IngestReport:
    breach: str
    rows: int = 0
    records: int = 0
    people: int = 0
    data_classes: list[str] = field(default_factory=list)
    identifiers: dict[str, int] = field(default_factory=dict)
    rejected: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    tables: list[TableMapping] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "breach": self.breach,
            "rows": self.rows,
            "records": self.records,
            "people": self.people,
            "data_classes": self.data_classes,
            "identifiers": self.identifiers,
            "rejected": self.rejected,
            "seconds": round(self.seconds, 3),
            "tables": [t.to_json() for t in self.tables],
        }


def file_sha256(path: Path) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    try:
        with path.open("rb") as handle:
            while block := handle.read(1 << 20):
                digest.update(block)
                size += len(block)
    except OSError as exc:
        raise UnreadableFileError(f"{path}: {exc.strerror or 'cannot be read'}") from None
    return digest.hexdigest(), size


def _mapped(
    table: Table, overrides: Mapping[str, str] | None
) -> tuple[TableMapping, Iterator[Sequence[str]]]:
    """Map a table's columns from its header and a sample of rows; the rows, sample included."""
    sample = list(itertools.islice(table.rows, SAMPLE_ROWS))
    width = len(table.header) if table.header else max((len(r) for r in sample), default=0)
    columns = map_columns(table.header, overrides, sample, width=width)
    mapping = TableMapping(table.name, table.format, table.encoding, columns)
    return mapping, itertools.chain(sample, table.rows)


def plan_columns(path: Path, opts: Options | None = None) -> list[TableMapping]:
    """The column mapping ``ingest`` would use (``--dry-run``); reads only the first rows."""
    opts = opts or Options()
    rejects: Counter[str] = Counter()
    tables = read_tables(path, rejects, limits=opts.limits)
    return [_mapped(t, opts.overrides)[0] for t in tables]


@dataclass(frozen=True, slots=True)
class Options:
    """How to read a file: shared by ``ingest`` and ``trace``."""

    overrides: Mapping[str, str] | None = None
    region: str = "FR"
    workers: int | None = None
    limits: Limits = field(default_factory=Limits)
    progress: Progress | None = None
    dask: str | None = None  # a Dask scheduler address, or "local" for a LocalCluster


# Called inside the ingest transaction, after people are counted and before keys are written:
# provenance uses it to trace the file against the breaches already known.
BeforeCommit = Callable[[People, IngestWriter], None]


def collect(
    paths: Path | Sequence[Path],
    key: ServerKey,
    people: People,
    report: IngestReport,
    opts: Options,
) -> int:
    """Read ``paths`` into ``people``; fill the counts of ``report``; return the data-class mask."""
    files = [paths] if isinstance(paths, Path) else list(paths)
    rejects: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    done = [0, 0]  # bytes of the files finished, bytes of the current file

    def on_bytes(n: int) -> None:
        done[1] = n

    def chunks() -> Iterator[tuple[Plan, list[Sequence[str]]]]:
        for path in files:
            for table in read_tables(path, rejects, limits=opts.limits, on_bytes=on_bytes):
                mapping, rows = _mapped(table, opts.overrides)
                report.tables.append(mapping)
                plan = make_plan(mapping.columns)
                if not plan.has_identifiers:
                    rejects["table_without_identifier"] += 1
                    continue
                while batch := list(itertools.islice(rows, CHUNK_ROWS)):
                    report.rows += len(batch)
                    yield plan, batch
            done[0] += done[1]
            done[1] = 0

    mask = 0
    workers = opts.workers or _cores()
    for result in process_chunks(chunks(), key.secret, opts.region, workers, opts.dask):
        mask |= result.mask
        kinds.update(result.kinds)
        for keys, record_mask in result.records:
            people.add_record(keys, record_mask)
        if opts.progress is not None:
            opts.progress(done[0] + done[1], report.rows)
    if people.records == 0:
        raise InputError(
            "no identifier (email, phone, NIR, name + date of birth) found in the file; "
            "see ingest --dry-run, and --map COLUMN=ROLE"
        )
    report.people = people.count()
    report.records = people.records
    report.identifiers = dict(sorted(kinds.items()))
    report.rejected = dict(sorted(rejects.items()))
    report.data_classes = from_mask(mask)
    return mask


def ingest_file(
    paths: Path | Sequence[Path],
    store: Store,
    key: ServerKey,
    breach: Breach,
    *,
    opts: Options | None = None,
    replace: bool = False,
    force: bool = False,
    before_commit: BeforeCommit | None = None,
    clock: Callable[[], float] = time.monotonic,
) -> IngestReport:
    """Ingest one or several files as ``breach``: all of them or nothing."""
    files = [paths] if isinstance(paths, Path) else list(paths)
    opts = opts or Options()
    started = clock()
    hashes = [file_sha256(path) for path in files]
    for path, (sha256, _) in zip(files, hashes, strict=True):
        already = store.source_breaches(sha256)
        if already and not force:
            raise ConflictError(
                f"{path.name} was already ingested as {', '.join(already)}; "
                "use --force to ingest it again"
            )
    store.bind_key(key.key_id)
    report = IngestReport(breach=breach.name)
    with tempfile.TemporaryDirectory(prefix="leaktrace-ingest-") as scratch:
        people = People(Path(scratch))
        try:
            with store.ingest(breach, replace=replace) as writer:
                mask = collect(files, key, people, report, opts)
                if before_commit is not None:
                    before_commit(people, writer)
                _write_keys(writer, people)
                for sha256, size in hashes:
                    writer.add_source(sha256, size)
                writer.finish(report.people, mask)
        finally:
            people.close()
    if opts.progress is not None:
        opts.progress(sum(size for _, size in hashes), report.rows)
    report.seconds = clock() - started
    return report


def _write_keys(writer: IngestWriter, people: People) -> None:
    exposures: list[tuple[bytes, int]] = []
    links: list[bytes] = []
    for index_key, mask, link in people.key_masks():
        if link:
            links.append(index_key)
        else:
            exposures.append((index_key, mask))
        if len(exposures) >= _WRITE_BATCH:
            writer.add(exposures)
            exposures = []
        if len(links) >= _WRITE_BATCH:
            writer.add_links(links)
            links = []
    writer.add(exposures)
    writer.add_links(links)


def _cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
