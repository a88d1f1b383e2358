"""The SQLite store's ingest writer: everything one ingest transaction writes."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable

from leaktrace.store.models import Lineage

__all__ = ["SQLiteWriter"]


class SQLiteWriter:
    def __init__(self, conn: sqlite3.Connection, breach_id: int) -> None:
        self._conn = conn
        self._breach_id = breach_id
        self.finished = False

    def add(self, exposures: Iterable[tuple[bytes, int]]) -> None:
        self._conn.executemany(
            "INSERT INTO exposures (key, breach_id, classes) VALUES (?, ?, ?) "
            "ON CONFLICT (key, breach_id) DO UPDATE SET classes = classes | excluded.classes",
            ((key, self._breach_id, mask) for key, mask in exposures),
        )

    def add_links(self, keys: Iterable[bytes]) -> None:
        self._conn.executemany(
            # ON CONFLICT, not OR IGNORE: OR IGNORE would also swallow the CHECK on the key length.
            "INSERT INTO link_keys (key, breach_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
            ((key, self._breach_id) for key in keys),
        )

    def add_source(self, sha256: str, size: int) -> None:
        self._conn.execute(
            "INSERT INTO sources (sha256, breach_id, bytes, added_date) "
            "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
            (sha256, self._breach_id, size, dt.datetime.now(dt.UTC).isoformat()),
        )

    def set_lineage(self, lineage: Lineage) -> None:
        conn = self._conn
        conn.execute("DELETE FROM parents WHERE child_id = ?", (self._breach_id,))
        conn.execute(
            "INSERT OR REPLACE INTO lineage (breach_id, verdict, people, new_share) "
            "VALUES (?, ?, ?, ?)",
            (self._breach_id, lineage.verdict, lineage.people, lineage.new_share),
        )
        for parent in lineage.parents:
            conn.execute(
                "INSERT INTO parents (child_id, parent_id, share, coverage) "
                "SELECT ?, id, ?, ? FROM breaches WHERE name = ?",
                (self._breach_id, parent.share, parent.coverage, parent.name),
            )

    def set_sketch(self, keys: int, minhash: bytes) -> None:
        self._conn.execute(
            "INSERT OR REPLACE INTO sketches (breach_id, keys, minhash) VALUES (?, ?, ?)",
            (self._breach_id, keys, minhash),
        )

    def finish(self, pwn_count: int, data_classes_mask: int) -> None:
        self._conn.execute(
            "UPDATE breaches SET pwn_count = ?, data_classes = ? WHERE id = ?",
            (pwn_count, data_classes_mask, self._breach_id),
        )
        self.finished = True
