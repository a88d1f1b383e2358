"""From a file to the store: read rows, find identifiers, PRF them, count people, commit once.

The whole file is one store transaction: it is ingested wholly or not at all. Nothing here
prints; progress goes to an optional callback.
"""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from leaktrace.crypto import ServerKey, index_key, oprf
from leaktrace.errors import UnreadableFileError
from leaktrace.identifiers import encode, namedob_from_parts, normalize
from leaktrace.ingest._people import People
from leaktrace.ingest.columns import IDENTIFIER_ROLES, ColumnRole, map_columns
from leaktrace.ingest.formats import read_delimited
from leaktrace.store import Breach, Store
from leaktrace.store.data_classes import to_mask

__all__ = ["IngestReport", "Progress", "ingest_file", "plan_columns"]

Progress = Callable[[int, int], None]  # (bytes read, rows read)
_WRITE_BATCH = 10_000


@dataclass(slots=True)
class IngestReport:
    breach: dict[str, Any]
    rows: int = 0
    records: int = 0
    people: int = 0
    malformed_rows: int = 0
    identifiers: dict[str, int] = field(default_factory=dict)
    columns: list[ColumnRole] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "breach": self.breach,
            "rows": self.rows,
            "records": self.records,
            "people": self.people,
            "malformed_rows": self.malformed_rows,
            "identifiers": self.identifiers,
            "columns": [c.to_json() for c in self.columns],
        }


class _CountingReader(io.RawIOBase):
    def __init__(self, raw: BinaryIO) -> None:
        self._raw = raw
        self.count = 0

    def readable(self) -> bool:
        return True

    def close(self) -> None:
        self._raw.close()
        super().close()

    def readinto(self, buffer: Any) -> int:
        data = self._raw.read(len(buffer))
        buffer[: len(data)] = data
        self.count += len(data)
        return len(data)


@dataclass(frozen=True, slots=True)
class _Plan:
    identifiers: tuple[tuple[int, str], ...]  # (column, kind)
    names: tuple[int, ...]
    dob: int | None
    classes: tuple[tuple[int, int], ...]  # (column, data-class bit)


def _plan(columns: Sequence[ColumnRole]) -> _Plan:
    identifiers, names, classes = [], [], []
    dob = None
    for col in columns:
        if col.role in IDENTIFIER_ROLES:
            identifiers.append((col.index, str(col.role)))
        elif col.role in ("last_name", "first_name", "full_name"):
            names.append(col.index)
        elif col.role == "dob" and dob is None:
            dob = col.index
        if col.data_class:
            classes.append((col.index, to_mask([col.data_class])))
    return _Plan(tuple(identifiers), tuple(names), dob, tuple(classes))


def _extract(row: Sequence[str], plan: _Plan, region: str) -> tuple[list[tuple[str, str]], int]:
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
    return found, mask


def plan_columns(path: Path, overrides: Mapping[str, str] | None = None) -> list[ColumnRole]:
    """The column mapping ``ingest`` would use (``--dry-run``)."""
    text, _ = _open_text(path)
    with text:
        header, _rows = read_delimited(text)
    return map_columns(header, overrides)


def _open_text(path: Path) -> tuple[io.TextIOWrapper, _CountingReader]:
    try:
        raw = path.open("rb")
    except OSError as exc:
        raise UnreadableFileError(f"{path}: {exc.strerror}") from None
    counter = _CountingReader(raw)
    text = io.TextIOWrapper(
        io.BufferedReader(counter), encoding="utf-8-sig", errors="strict", newline=""
    )
    return text, counter


def ingest_file(
    path: Path,
    store: Store,
    key: ServerKey,
    breach: Breach,
    *,
    overrides: Mapping[str, str] | None = None,
    region: str = "FR",
    replace: bool = False,
    progress: Progress | None = None,
) -> IngestReport:
    """Ingest one file as ``breach``; all or nothing."""
    text, counter = _open_text(path)
    with text:
        try:
            return _ingest(text, counter, store, key, breach, overrides, region, replace, progress)
        except UnicodeDecodeError as exc:
            raise UnreadableFileError(
                f"{path}: not UTF-8 near byte {counter.count - len(exc.object) + exc.start}"
            ) from None


def _ingest(
    text: io.TextIOWrapper,
    counter: _CountingReader,
    store: Store,
    key: ServerKey,
    breach: Breach,
    overrides: Mapping[str, str] | None,
    region: str,
    replace: bool,
    progress: Progress | None,
) -> IngestReport:
    header, rows = read_delimited(text)
    columns = map_columns(header, overrides)
    plan = _plan(columns)
    people = People()
    kinds: Counter[str] = Counter()
    report = IngestReport(breach={}, columns=columns)
    breach_mask = 0
    store.bind_key(key.key_id)
    with store.ingest(breach, replace=replace) as writer:
        links: list[bytes] = []
        for row in rows:
            report.rows += 1
            if len(row) != len(header):
                report.malformed_rows += 1
            found, mask = _extract(row, plan, region)
            breach_mask |= mask
            if found:
                report.records += 1
                keys = []
                for kind, value in found:
                    kinds[kind] += 1
                    k = index_key(oprf.evaluate(key.secret, encode(kind, value)))
                    keys.append(k)
                    if kind == "namedob":
                        links.append(k)
                people.add_record(keys, mask)
            if progress is not None and report.rows % 1000 == 0:
                progress(counter.count, report.rows)
        link_set = set(links)
        batch: list[tuple[bytes, int]] = []
        for k, mask in people.key_masks():
            if k in link_set:
                continue
            batch.append((k, mask))
            if len(batch) >= _WRITE_BATCH:
                writer.add(batch)
                batch = []
        writer.add(batch)
        writer.add_links(sorted(link_set))
        report.people = len(people)
        writer.finish(report.people, breach_mask)
    if progress is not None:
        progress(counter.count, report.rows)
    report.identifiers = dict(sorted(kinds.items()))
    report.breach = store.breach(breach.name).to_hibp()
    return report
