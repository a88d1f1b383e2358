"""``notify.db``: one SQLite file in the home folder, WAL mode, migrated on open.

Notification state is SQLite only, also when the exposure index lives in PostgreSQL: it is
small (one row per subscriber and per message) and must sit next to the key that decrypts it.
Several processes (API workers, ``notify deliver``) share the file; every write is a short
``BEGIN IMMEDIATE`` transaction, so they serialize instead of failing.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from leaktrace.errors import KeyFileError, StoreError
from leaktrace.notify._schema import MIGRATIONS, SCHEMA_VERSION
from leaktrace.store._connect import connect_durable

__all__ = ["NOTIFY_DB_FILE", "NotifyDB"]

NOTIFY_DB_FILE = "notify.db"


class NotifyDB:
    """The connection to ``notify.db`` and its transactions."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        # One connection guarded by a lock: the API calls from a thread pool.
        self._lock = threading.RLock()
        try:
            # secure_delete: deleted rows (a replaced member list) must not linger in free pages.
            self._conn = connect_durable(path, "secure_delete=ON")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{path.name}: not a usable notification database ({exc})") from None
        path.chmod(0o600)

    def _migrate(self) -> None:
        with self.tx() as conn:
            conn.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
            row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
            version = int(row[0]) if row else 0
            if version > SCHEMA_VERSION:
                raise StoreError(
                    f"{self.path.name}: schema version {version} is newer than this leaktrace "
                    f"({SCHEMA_VERSION}); upgrade leaktrace"
                )
            for script in MIGRATIONS[version:]:
                for statement in script.split(";"):
                    if statement.strip():
                        conn.execute(statement)
            conn.execute(
                "INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', ?)",
                (str(SCHEMA_VERSION),),
            )

    @contextmanager
    def tx(self) -> Iterator[sqlite3.Connection]:
        """One write transaction: committed on clean exit, rolled back on any exception."""
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
                self._conn.execute("COMMIT")
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise

    def read(self, sql: str, params: tuple[object, ...] = ()) -> list[tuple[Any, ...]]:
        """Rows of one read-only statement."""
        with self._lock:
            return list(self._conn.execute(sql, params).fetchall())

    def bind_key(self, key_id: str) -> None:
        """Stored index keys are PRFs under one OPRF key: refuse to mix in another."""
        with self.tx() as conn:
            row = conn.execute("SELECT value FROM meta WHERE key = 'key_id'").fetchone()
            if row is None:
                conn.execute("INSERT INTO meta (key, value) VALUES ('key_id', ?)", (key_id,))
            elif row[0] != key_id:
                raise KeyFileError(
                    f"{self.path.name} was built with OPRF key {row[0]}, "
                    f"but the key file holds {key_id}"
                )

    @property
    def schema_version(self) -> int:
        return int(self.read("SELECT value FROM meta WHERE key = 'schema_version'")[0][0])

    def close(self) -> None:
        with self._lock:
            self._conn.close()
