"""The embedded store: one SQLite file in the home folder, in WAL mode.

WAL lets the API read while an ingest writes; ``synchronous=FULL`` makes a committed ingest
survive power loss (one fsync per ingest commit, since an ingest is one transaction).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
from collections.abc import Collection, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from leaktrace.errors import ConflictError, KeyFileError, NotFoundError, StoreError
from leaktrace.store._connect import connect_durable
from leaktrace.store._ranges import AFTER_EVERY_KEY, RangeEntry, group_by_key, key_bounds
from leaktrace.store._schema import MIGRATIONS, SCHEMA_VERSION
from leaktrace.store._sqlite_writer import SQLiteWriter
from leaktrace.store.models import Breach, Lineage, Parent

__all__ = ["SQLiteStore"]

_BREACH_COLUMNS = (
    "id, name, title, domain, breach_date, added_date, pwn_count, data_classes, description, "
    "is_verified, is_fabricated, is_sensitive, is_spam_list"
)


class SQLiteStore:
    """A :class:`~leaktrace.store.Store` on SQLite."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        # One connection guarded by a lock: the API calls from a thread pool.
        self._lock = threading.RLock()
        try:
            self._conn = connect_durable(path)
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{path}: not a usable leaktrace database ({exc})") from None

    def _migrate(self) -> None:
        with self._lock:
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                self._conn.execute(
                    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"
                )
                row = self._conn.execute(
                    "SELECT value FROM meta WHERE key = 'schema_version'"
                ).fetchone()
                version = int(row[0]) if row else 0
                if version > SCHEMA_VERSION:
                    raise StoreError(
                        f"{self.path}: schema version {version} is newer than this leaktrace "
                        f"({SCHEMA_VERSION}); upgrade leaktrace"
                    )
                for script in MIGRATIONS[version:]:
                    for statement in script.split(";"):
                        if statement.strip():
                            self._conn.execute(statement)
                self._conn.execute(
                    "INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', ?)",
                    (str(SCHEMA_VERSION),),
                )
                self._conn.execute("COMMIT")
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    @property
    def schema_version(self) -> int:
        row = self._conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        return int(row[0])

    def key_id(self) -> str | None:
        with self._lock:
            row = self._conn.execute("SELECT value FROM meta WHERE key = 'key_id'").fetchone()
        return None if row is None else str(row[0])

    def bind_key(self, key_id: str) -> None:
        with self._lock:
            current = self.key_id()
            if current is None:
                self._conn.execute("INSERT INTO meta (key, value) VALUES ('key_id', ?)", (key_id,))
            elif current != key_id:
                raise KeyFileError(
                    f"the index was built with key {current}, but the key file holds {key_id}"
                )

    @contextmanager
    def ingest(self, breach: Breach, *, replace: bool = False) -> Iterator[SQLiteWriter]:
        with self._lock:
            conn = self._conn
            conn.execute("BEGIN IMMEDIATE")
            try:
                if replace:
                    conn.execute("DELETE FROM breaches WHERE name = ?", (breach.name,))
                elif conn.execute(
                    "SELECT 1 FROM breaches WHERE name = ?", (breach.name,)
                ).fetchone():
                    raise ConflictError(f"breach {breach.name!r} already exists")
                cursor = conn.execute(
                    "INSERT INTO breaches (name, title, domain, breach_date, added_date, "
                    "description, is_verified, is_fabricated, is_sensitive, is_spam_list) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        breach.name,
                        breach.title,
                        breach.domain,
                        breach.breach_date.isoformat(),
                        breach.added_date.isoformat(),
                        breach.description,
                        breach.is_verified,
                        breach.is_fabricated,
                        breach.is_sensitive,
                        breach.is_spam_list,
                    ),
                )
                assert cursor.lastrowid is not None
                writer = SQLiteWriter(conn, cursor.lastrowid)
                yield writer
                if not writer.finished:
                    raise StoreError("ingest ended without finish(); nothing was stored")
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise

    def _breach_from_row(self, row: Sequence[object]) -> Breach:
        parents = self._conn.execute(
            "SELECT b.name, p.share, p.coverage FROM parents p "
            "JOIN breaches b ON b.id = p.parent_id "
            "WHERE p.child_id = ? ORDER BY p.share DESC, b.name",
            (row[0],),
        ).fetchall()
        return Breach(
            name=str(row[1]),
            title=str(row[2]),
            domain=str(row[3]),
            breach_date=dt.date.fromisoformat(str(row[4])),
            added_date=dt.datetime.fromisoformat(str(row[5])),
            pwn_count=int(str(row[6])),
            data_classes_mask=int(str(row[7])),
            description=str(row[8]),
            is_verified=bool(row[9]),
            is_fabricated=bool(row[10]),
            is_sensitive=bool(row[11]),
            is_spam_list=bool(row[12]),
            parents=tuple(Parent(str(n), float(s), float(c)) for n, s, c in parents),
        )

    def breaches(self) -> list[Breach]:
        with self._lock:
            rows = self._conn.execute(
                f"SELECT {_BREACH_COLUMNS} FROM breaches ORDER BY added_date, name"  # noqa: S608
            ).fetchall()
            return [self._breach_from_row(row) for row in rows]

    def breach(self, name: str) -> Breach:
        with self._lock:
            row = self._conn.execute(
                f"SELECT {_BREACH_COLUMNS} FROM breaches WHERE name = ?",  # noqa: S608
                (name,),
            ).fetchone()
            if row is None:
                raise NotFoundError(f"no breach named {name!r}")
            return self._breach_from_row(row)

    def source_breaches(self, sha256: str) -> list[str]:
        with self._lock:
            rows = self._conn.execute(
                "SELECT b.name FROM sources s JOIN breaches b ON b.id = s.breach_id "
                "WHERE s.sha256 = ? ORDER BY b.name",
                (sha256,),
            ).fetchall()
        return [str(row[0]) for row in rows]

    def delete_breach(self, name: str) -> None:
        with self._lock:
            cursor = self._conn.execute("DELETE FROM breaches WHERE name = ?", (name,))
            if cursor.rowcount == 0:
                raise NotFoundError(f"no breach named {name!r}")

    def range_entries(self, prefix: int, prefix_bits: int = 20) -> list[RangeEntry]:
        low, high = key_bounds(prefix, prefix + 1, prefix_bits)
        with self._lock:
            return group_by_key(
                self._conn.execute(
                    "SELECT e.key, b.name FROM exposures e JOIN breaches b ON b.id = e.breach_id "
                    "WHERE e.key >= ? AND e.key < ? AND b.is_sensitive = 0 "
                    "ORDER BY e.key, b.name",
                    (low, high or AFTER_EVERY_KEY),
                )
            )

    def lineage(self, name: str) -> Lineage | None:
        breach = self.breach(name)
        with self._lock:
            row = self._conn.execute(
                "SELECT l.verdict, l.people, l.new_share FROM lineage l "
                "JOIN breaches b ON b.id = l.breach_id WHERE b.name = ?",
                (name,),
            ).fetchone()
        if row is None:
            return None
        return Lineage(str(row[0]), int(row[1]), float(row[2]), breach.parents)

    def lineage_edges(self) -> list[tuple[str, str, float, float]]:
        with self._lock:
            rows = self._conn.execute(
                "SELECT c.name, p.name, e.share, e.coverage FROM parents e "
                "JOIN breaches c ON c.id = e.child_id JOIN breaches p ON p.id = e.parent_id "
                "ORDER BY c.name, e.share DESC"
            ).fetchall()
        return [(str(c), str(p), float(s), float(v)) for c, p, s, v in rows]

    def sketches(self) -> list[tuple[str, int, bytes]]:
        with self._lock:
            rows = self._conn.execute(
                "SELECT b.name, s.keys, s.minhash FROM sketches s "
                "JOIN breaches b ON b.id = s.breach_id ORDER BY b.name"
            ).fetchall()
        return [(str(n), int(k), bytes(m)) for n, k, m in rows]

    def memberships(
        self, keys: Sequence[bytes], only: Collection[str] | None = None
    ) -> dict[bytes, set[str]]:
        found: dict[bytes, set[str]] = {}
        names = sorted(only) if only is not None else []
        # An empty "only" must match nothing: IN () is not valid SQL, IN (NULL) matches nothing.
        restrict = (
            f" AND b.name IN ({','.join('?' * len(names)) or 'NULL'})" if only is not None else ""
        )
        with self._lock:
            for start in range(0, len(keys), 500):
                chunk = list(keys[start : start + 500])
                marks = ",".join("?" * len(chunk))
                rows = self._conn.execute(
                    "SELECT e.key, b.name FROM exposures e JOIN breaches b ON b.id = e.breach_id "  # noqa: S608
                    f"WHERE e.key IN ({marks}){restrict} UNION "
                    "SELECT l.key, b.name FROM link_keys l JOIN breaches b ON b.id = l.breach_id "
                    f"WHERE l.key IN ({marks}){restrict}",
                    [*chunk, *names, *chunk, *names],
                ).fetchall()
                for key, name in rows:
                    found.setdefault(bytes(key), set()).add(str(name))
        return found

    def exposures(self, keys: Sequence[bytes]) -> dict[bytes, list[tuple[str, int]]]:
        found: dict[bytes, list[tuple[str, int]]] = {}
        with self._lock:
            for start in range(0, len(keys), 500):
                chunk = list(keys[start : start + 500])
                marks = ",".join("?" * len(chunk))
                rows = self._conn.execute(
                    "SELECT e.key, b.name, e.classes FROM exposures e "  # noqa: S608
                    f"JOIN breaches b ON b.id = e.breach_id WHERE e.key IN ({marks}) "
                    "ORDER BY b.breach_date, b.name",
                    chunk,
                ).fetchall()
                for key, name, classes in rows:
                    found.setdefault(bytes(key), []).append((str(name), int(classes)))
        return found
