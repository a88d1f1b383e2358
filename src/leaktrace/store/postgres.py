"""The shared store: PostgreSQL through psycopg 3, with the semantics of ``SQLiteStore``.

- A connection pool, not a lock around one connection: an ingest can hold its transaction for
  minutes, and lookups from the API's threads keep being answered from committed data meanwhile.
- One transaction per ingest, on one connection: an exception rolls it back, and the server rolls
  back a killed process's. Calls from the ingesting thread while it is open (the provenance
  hook's ``memberships``) reuse that connection, so they see its changes, as in SQLite.
- COPY for bulk loads, into staging tables merged with ``INSERT … ON CONFLICT`` (COPY can't OR).
- BYTEA compares bytewise and names sort ``COLLATE "C"``: listings come in SQLite's order.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import fields
from typing import Any

import psycopg
from psycopg_pool import ConnectionPool

from leaktrace.errors import ConflictError, KeyFileError, NotFoundError, StoreError
from leaktrace.store._pg_schema import (
    BREACH_LOCK,
    COPY_EXPOSURES,
    COPY_LINKS,
    MERGE_EXPOSURES,
    MERGE_LINKS,
    STAGING,
    migrate,
)
from leaktrace.store._protocol import RangeEntry
from leaktrace.store.models import Breach, Lineage, Parent

__all__ = ["PostgresStore"]

Conn = psycopg.Connection[Any]
# The breaches columns in the order of Breach's fields: a row maps to Breach(*row) and back.
_FIELDS = [field.name for field in fields(Breach) if field.name != "parents"]
_COLUMNS = ", ".join(_FIELDS).replace("data_classes_mask", "data_classes")
_MARKS = ", ".join(["%s"] * len(_FIELDS))
_INSERT_BREACH = f"INSERT INTO breaches ({_COLUMNS}) VALUES ({_MARKS}) RETURNING id".encode()  # noqa: S608
_SELECT_BREACHES = (  # all of them (name NULL), or the one named
    f"SELECT id, {_COLUMNS} FROM breaches WHERE %(name)s::text IS NULL OR name = %(name)s "  # noqa: S608
    'ORDER BY added_date, name COLLATE "C"'
).encode()
_BATCH = 10_000  # keys per ANY(%s) array: bounded messages, few round trips


class _Writer:
    def __init__(self, conn: Conn, breach_id: int) -> None:
        self._conn = conn
        self._breach_id = breach_id
        self._staged = False
        self.finished = False

    def _copy(self, statement: bytes, types: list[str], rows: Iterable[tuple[Any, ...]]) -> None:
        try:
            with self._conn.cursor().copy(statement) as copy:
                copy.set_types(types)
                for row in rows:
                    copy.write_row(row)
        except TypeError:
            # Not bytes: SQLite's CHECK rejects it as an integrity error; say the same.
            raise psycopg.IntegrityError("index keys must be 16-byte strings") from None
        self._staged = True

    def add(self, exposures: Iterable[tuple[bytes, int]]) -> None:
        self._copy(COPY_EXPOSURES, ["bytea", "int8"], exposures)

    def add_links(self, keys: Iterable[bytes]) -> None:
        self._copy(COPY_LINKS, ["bytea"], ((key,) for key in keys))

    def merge(self) -> None:
        """Move staged keys into the real tables; before any read and before commit."""
        if self._staged:
            for statement in (MERGE_EXPOSURES, MERGE_LINKS):
                self._conn.execute(statement, {"breach": self._breach_id})
            self._conn.execute("TRUNCATE stage_exposures, stage_links")
            self._staged = False

    def add_source(self, sha256: str, size: int) -> None:
        self._conn.execute(
            "INSERT INTO sources (sha256, breach_id, bytes, added_date) "
            "VALUES (%s, %s, %s, %s) ON CONFLICT DO NOTHING",
            (sha256, self._breach_id, size, dt.datetime.now(dt.UTC)),
        )

    def set_lineage(self, lineage: Lineage) -> None:
        conn = self._conn
        conn.execute("DELETE FROM parents WHERE child_id = %s", (self._breach_id,))
        conn.execute(
            "INSERT INTO lineage (breach_id, verdict, people, new_share) VALUES (%s, %s, %s, %s) "
            "ON CONFLICT (breach_id) DO UPDATE SET verdict = excluded.verdict, "
            "people = excluded.people, new_share = excluded.new_share",
            (self._breach_id, lineage.verdict, lineage.people, lineage.new_share),
        )
        conn.cursor().executemany(
            "INSERT INTO parents (child_id, parent_id, share, coverage) "
            "SELECT %s, id, %s, %s FROM breaches WHERE name = %s",
            [(self._breach_id, p.share, p.coverage, p.name) for p in lineage.parents],
        )

    def finish(self, pwn_count: int, data_classes_mask: int) -> None:
        self.merge()
        self._conn.execute(
            "UPDATE breaches SET pwn_count = %s, data_classes = %s WHERE id = %s",
            (pwn_count, data_classes_mask, self._breach_id),
        )
        self.finished = True


def _configure(conn: Conn) -> None:
    # Timestamps come back in UTC whatever the server's or the role's default time zone.
    conn.execute("SET TIME ZONE 'UTC'")


class PostgresStore:
    """A :class:`~leaktrace.store.Store` on PostgreSQL (``postgresql://…`` URL, libpq syntax)."""

    def __init__(self, url: str, *, max_connections: int = 8, timeout: float = 30.0) -> None:
        try:
            with psycopg.connect(url, autocommit=True, connect_timeout=int(timeout)) as conn:
                self.schema_version = migrate(conn)
        except psycopg.Error as exc:
            # libpq's message names host and port at most, never the password.
            raise StoreError(f"PostgreSQL: not a usable leaktrace database ({exc})") from None
        self._pool: ConnectionPool[Conn] = ConnectionPool(
            url,
            min_size=1,
            max_size=max_connections,
            kwargs={"autocommit": True},
            configure=_configure,
            timeout=timeout,
            open=True,
            name="leaktrace",
        )
        # The connection and writer of the ingest running on this thread, if any.
        self._local = threading.local()

    def close(self) -> None:
        self._pool.close()

    @contextmanager
    def _conn(self) -> Iterator[Conn]:
        writer: _Writer | None = getattr(self._local, "writer", None)
        try:
            if writer is not None:  # inside this thread's ingest: its transaction, its view
                writer.merge()
                yield self._local.conn
                return
            with self._pool.connection() as conn:
                yield conn
        except psycopg.OperationalError as exc:  # server gone, pool exhausted: one clean line
            raise StoreError(f"PostgreSQL store unavailable ({exc})") from None

    def key_id(self) -> str | None:
        with self._conn() as conn:
            row = conn.execute("SELECT value FROM meta WHERE key = 'key_id'").fetchone()
        return None if row is None else str(row[0])

    def bind_key(self, key_id: str) -> None:
        with self._conn() as conn:
            # Atomic first-use binding: of two processes binding at once, one key wins.
            conn.execute(
                "INSERT INTO meta (key, value) VALUES ('key_id', %s) ON CONFLICT DO NOTHING",
                (key_id,),
            )
        current = self.key_id()
        if current != key_id:
            raise KeyFileError(
                f"the index was built with key {current}, but the key file holds {key_id}"
            )

    @contextmanager
    def ingest(self, breach: Breach, *, replace: bool = False) -> Iterator[_Writer]:
        if getattr(self._local, "writer", None) is not None:
            raise StoreError("an ingest is already open on this thread")
        with self._conn() as conn, conn.transaction():
            # Two ingests of one name queue here, so the second sees the first's outcome.
            conn.execute(
                "SELECT pg_advisory_xact_lock(%s, hashtext(%s))", (BREACH_LOCK, breach.name)
            )
            if replace:
                conn.execute("DELETE FROM breaches WHERE name = %s", (breach.name,))
            elif conn.execute("SELECT 1 FROM breaches WHERE name = %s", (breach.name,)).fetchone():
                raise ConflictError(f"breach {breach.name!r} already exists")
            values = tuple(getattr(breach, name) for name in _FIELDS)
            row = conn.execute(_INSERT_BREACH, values).fetchone()
            assert row is not None
            conn.execute(STAGING.encode())
            writer = _Writer(conn, int(row[0]))
            self._local.conn, self._local.writer = conn, writer
            try:
                yield writer
            finally:
                self._local.conn = self._local.writer = None
            if not writer.finished:
                raise StoreError("ingest ended without finish(); nothing was stored")
            writer.merge()  # keys added after finish() are stored too, as in SQLite

    def _breaches(self, name: str | None) -> list[Breach]:
        parents: dict[int, list[Parent]] = {}
        with self._conn() as conn, conn.transaction():  # one snapshot: breaches and parents
            rows = conn.execute(_SELECT_BREACHES, {"name": name}).fetchall()
            for child, parent, share, coverage in conn.execute(
                "SELECT p.child_id, b.name, p.share, p.coverage FROM parents p "
                "JOIN breaches b ON b.id = p.parent_id WHERE p.child_id = ANY(%s) "
                'ORDER BY p.share DESC, b.name COLLATE "C"',
                ([row[0] for row in rows],),
            ):
                parents.setdefault(child, []).append(Parent(parent, share, coverage))
        return [
            Breach(
                **dict(zip(_FIELDS, row[1:], strict=True)), parents=tuple(parents.get(row[0], ()))
            )
            for row in rows
        ]

    def breaches(self) -> list[Breach]:
        return self._breaches(None)

    def breach(self, name: str) -> Breach:
        found = self._breaches(name)
        if not found:
            raise NotFoundError(f"no breach named {name!r}")
        return found[0]

    def source_breaches(self, sha256: str) -> list[str]:
        with self._conn() as conn:
            rows = conn.execute(
                "SELECT b.name FROM sources s JOIN breaches b ON b.id = s.breach_id "
                'WHERE s.sha256 = %s ORDER BY b.name COLLATE "C"',
                (sha256,),
            ).fetchall()
        return [str(row[0]) for row in rows]

    def delete_breach(self, name: str) -> None:
        with self._conn() as conn:
            cursor = conn.execute("DELETE FROM breaches WHERE name = %s", (name,))
        if cursor.rowcount == 0:
            raise NotFoundError(f"no breach named {name!r}")

    def range_entries(self, prefix: int, prefix_bits: int = 20) -> list[RangeEntry]:
        if not 0 < prefix_bits <= 128 or not 0 <= prefix < 1 << prefix_bits:
            raise ValueError("prefix out of range")
        shift = 128 - prefix_bits
        low = (prefix << shift).to_bytes(16, "big")
        high = (prefix + 1) << shift
        # The last prefix has no upper bound: every 16-byte key at or above ``low`` is in it.
        upper = "AND e.key < %s " if high < 1 << 128 else ""
        params = (low, high.to_bytes(16, "big")) if upper else (low,)
        entries: list[RangeEntry] = []
        with self._conn() as conn:
            cursor = conn.execute(
                "SELECT e.key, b.name FROM exposures e JOIN breaches b ON b.id = e.breach_id "  # noqa: S608
                f"WHERE e.key >= %s {upper}AND NOT b.is_sensitive "
                'ORDER BY e.key, b.name COLLATE "C"',
                params,
            )
            for key, name in cursor:
                if entries and entries[-1][0] == key:
                    entries[-1][1].append(name)
                else:
                    entries.append((bytes(key), [name]))
        return entries

    def lineage(self, name: str) -> Lineage | None:
        breach = self.breach(name)
        with self._conn() as conn:
            row = conn.execute(
                "SELECT l.verdict, l.people, l.new_share FROM lineage l "
                "JOIN breaches b ON b.id = l.breach_id WHERE b.name = %s",
                (name,),
            ).fetchone()
        if row is None:
            return None
        return Lineage(str(row[0]), int(row[1]), float(row[2]), breach.parents)

    def lineage_edges(self) -> list[tuple[str, str, float, float]]:
        with self._conn() as conn:
            rows = conn.execute(
                "SELECT c.name, p.name, e.share, e.coverage FROM parents e "
                "JOIN breaches c ON c.id = e.child_id JOIN breaches p ON p.id = e.parent_id "
                'ORDER BY c.name COLLATE "C", e.share DESC'
            ).fetchall()
        return [(str(c), str(p), float(s), float(v)) for c, p, s, v in rows]

    def _by_key(self, query: bytes, keys: Sequence[bytes]) -> Iterator[tuple[Any, ...]]:
        with self._conn() as conn:
            for start in range(0, len(keys), _BATCH):
                yield from conn.execute(query, {"k": list(keys[start : start + _BATCH])})

    def memberships(self, keys: Sequence[bytes]) -> dict[bytes, set[str]]:
        found: dict[bytes, set[str]] = {}
        for key, name in self._by_key(
            b"SELECT e.key, b.name FROM exposures e JOIN breaches b ON b.id = e.breach_id "
            b"WHERE e.key = ANY(%(k)s) UNION "
            b"SELECT l.key, b.name FROM link_keys l JOIN breaches b ON b.id = l.breach_id "
            b"WHERE l.key = ANY(%(k)s)",
            keys,
        ):
            found.setdefault(bytes(key), set()).add(name)
        return found

    def exposures(self, keys: Sequence[bytes]) -> dict[bytes, list[tuple[str, int]]]:
        found: dict[bytes, list[tuple[str, int]]] = {}
        for key, name, classes in self._by_key(
            b"SELECT e.key, b.name, e.classes FROM exposures e "
            b"JOIN breaches b ON b.id = e.breach_id WHERE e.key = ANY(%(k)s) "
            b'ORDER BY b.breach_date, b.name COLLATE "C"',
            keys,
        ):
            found.setdefault(bytes(key), []).append((name, int(classes)))
        return found
