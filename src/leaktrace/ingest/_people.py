"""Counting people: records that share an identifier are one person.

Memory must not grow with the number of distinct identifiers (a 3-billion-row list has billions),
so (index key, record number) pairs go to a scratch SQLite file on disk. At the end the pairs are
read back sorted by key, and records that share a key are merged in a union-find over record
numbers, held in two compact arrays (8 bytes per record each).
"""

from __future__ import annotations

import sqlite3
from array import array
from collections.abc import Iterator, Sequence
from pathlib import Path

__all__ = ["People"]

_BATCH = 20_000


class People:
    """Collects records' index keys and data classes; yields people and per-key classes."""

    def __init__(self, scratch: Path) -> None:
        self._db = sqlite3.connect(scratch / "people.db", isolation_level=None)
        # A scratch file: durability would only cost time.
        self._db.execute("PRAGMA journal_mode=OFF")
        self._db.execute("PRAGMA synchronous=OFF")
        self._db.execute("PRAGMA temp_store=FILE")
        self._db.execute(
            "CREATE TABLE pairs (key BLOB NOT NULL, record INTEGER NOT NULL, link INT)"
        )
        self._db.execute("BEGIN")
        self._masks = array("q")
        self._pending: list[tuple[bytes, int, int]] = []
        self._parent = array("q")
        self.people = 0

    @property
    def records(self) -> int:
        return len(self._masks)

    def add_record(self, keys: Sequence[tuple[bytes, bool]], mask: int) -> None:
        """One record: its (index key, is a linking key) pairs, at least one, and data classes."""
        record = len(self._masks)
        self._masks.append(mask)
        self._pending.extend((key, record, int(link)) for key, link in keys)
        if len(self._pending) >= _BATCH:
            self._flush()

    def _flush(self) -> None:
        self._db.executemany("INSERT INTO pairs VALUES (?, ?, ?)", self._pending)
        self._pending = []

    def _find(self, record: int) -> int:
        parent = self._parent
        root = record
        while parent[root] != root:
            root = parent[root]
        while parent[record] != root:
            parent[record], record = root, parent[record]
        return root

    def _sorted_pairs(self) -> Iterator[tuple[bytes, int, int]]:
        cursor = self._db.execute("SELECT key, record, link FROM pairs ORDER BY key")
        while rows := cursor.fetchmany(_BATCH):
            yield from rows

    def count(self) -> int:
        """Merge records sharing a key; returns the number of people."""
        self._flush()
        self._db.execute("COMMIT")
        self._parent = array("q", range(len(self._masks)))
        previous_key, first = b"", -1
        for key, record, _ in self._sorted_pairs():
            if key != previous_key:
                previous_key, first = key, record
                continue
            a, b = self._find(first), self._find(record)
            if a != b:
                self._parent[max(a, b)] = min(a, b)
        people = 0
        for record in range(len(self._masks)):
            root = self._find(record)
            if root == record:
                people += 1
            else:
                self._masks[root] |= self._masks[record]
        self.people = people
        return people

    def key_masks(self) -> Iterator[tuple[bytes, int, bool]]:
        """After :meth:`count`: each distinct key, in key order, with its person's data classes."""
        previous = b""
        for key, record, link in self._sorted_pairs():
            if key != previous:
                previous = key
                yield key, self._masks[self._find(record)], bool(link)

    def key_people(self) -> Iterator[tuple[bytes, int]]:
        """After :meth:`count`: each distinct key, in key order, with its person's number."""
        previous = b""
        for key, record, _ in self._sorted_pairs():
            if key != previous:
                previous = key
                yield key, self._find(record)

    def close(self) -> None:
        self._db.close()
