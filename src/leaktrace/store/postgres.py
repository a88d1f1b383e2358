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
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from typing import Any

import psycopg
from psycopg_pool import ConnectionPool

from leaktrace.errors import ConflictError, KeyFileError, NotFoundError, StoreError
from leaktrace.store import _pg_schema as sql
from leaktrace.store._protocol import RangeEntry
from leaktrace.store._ranges import group_by_key, key_bounds
from leaktrace.store.models import Breach, Lineage, Parent

__all__ = ["PostgresStore"]

Conn = psycopg.Connection[Any]
_BATCH = 10_000  # keys per ANY(%s) array: bounded messages, few round trips


class _Writer:
    """The :class:`~leaktrace.store.IngestWriter` of one open ingest transaction."""

    def __init__(self, conn: Conn, breach_id: int) -> None:
        self._conn, self._id = conn, breach_id
        self._staged = self.finished = False
        self.loaded: dict[str, int] = {}  # rows merged per table

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
        self._copy(sql.COPY_EXPOSURES, ["bytea", "int8"], exposures)

    def add_links(self, keys: Iterable[bytes]) -> None:
        self._copy(sql.COPY_LINKS, ["bytea"], ((key,) for key in keys))

    def merge(self) -> None:
        """Move staged keys into the real tables; before any read and before commit."""
        if self._staged:
            first, self._staged = not self.loaded, False
            for table, insert, merge in sql.MERGES:
                cursor = self._conn.execute(insert if first else merge, {"breach": self._id})
                self.loaded[table] = self.loaded.get(table, 0) + max(cursor.rowcount, 0)
            self._conn.execute("TRUNCATE stage_exposures, stage_links")

    def add_source(self, sha256: str, size: int) -> None:
        self._conn.execute(sql.INSERT_SOURCE, (sha256, self._id, size, dt.datetime.now(dt.UTC)))

    def set_lineage(self, lineage: Lineage) -> None:
        self._conn.execute("DELETE FROM parents WHERE child_id = %s", (self._id,))
        row = (self._id, lineage.verdict, lineage.people, lineage.new_share)
        self._conn.execute(sql.UPSERT_LINEAGE, row)
        parents = [(self._id, p.share, p.coverage, p.name) for p in lineage.parents]
        self._conn.cursor().executemany(sql.INSERT_PARENT, parents)

    def set_sketch(self, keys: int, minhash: bytes) -> None:
        self._conn.execute(sql.UPSERT_SKETCH, (self._id, keys, minhash))

    def finish(self, pwn_count: int, data_classes_mask: int) -> None:
        self.merge()
        self._conn.execute(sql.FINISH_BREACH, (pwn_count, data_classes_mask, self._id))
        self.finished = True


def _line(exc: Exception) -> str:
    # libpq's messages span lines and name host and port at most, never the password; errors
    # are shown as one line.
    return " ".join(str(exc).split())


def _configure(conn: Conn) -> None:
    # Timestamps come back in UTC whatever the server's or the role's default time zone.
    conn.execute("SET TIME ZONE 'UTC'")


class PostgresStore:
    """A :class:`~leaktrace.store.Store` on PostgreSQL (``postgresql://…`` URL, libpq syntax)."""

    def __init__(self, url: str, *, max_connections: int = 8, timeout: float = 30.0) -> None:
        try:
            with psycopg.connect(url, autocommit=True, connect_timeout=int(timeout)) as conn:
                self.schema_version = sql.migrate(conn)
        except psycopg.Error as exc:
            raise StoreError(
                f"PostgreSQL: not a usable leaktrace database ({_line(exc)})"
            ) from None
        self._pool: ConnectionPool[Conn] = ConnectionPool(
            url,
            min_size=1,
            max_size=max_connections,
            kwargs={"autocommit": True},
            configure=_configure,
            # A round trip per checkout, so a connection the server or a proxy dropped while idle
            # (restart, failover, idle timeout) is replaced instead of failing one request.
            check=ConnectionPool.check_connection,
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
            raise StoreError(f"PostgreSQL store unavailable ({_line(exc)})") from None

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
        with self._conn() as conn:
            with conn.transaction():
                # Two ingests of one name queue here, so the second sees the first's outcome.
                conn.execute(sql.LOCK_BREACH, (breach.name,))
                if replace:
                    conn.execute("DELETE FROM breaches WHERE name = %s", (breach.name,))
                elif conn.execute(
                    "SELECT 1 FROM breaches WHERE name = %s", (breach.name,)
                ).fetchone():
                    raise ConflictError(f"breach {breach.name!r} already exists")
                values = tuple(getattr(breach, name) for name in sql.BREACH_FIELDS)
                row = conn.execute(sql.INSERT_BREACH, values).fetchone()
                conn.execute(sql.STAGING)
                writer = self._local.writer = _Writer(conn, int(row[0]))  # type: ignore[index]
                self._local.conn = conn
                try:
                    yield writer
                finally:
                    self._local.conn = self._local.writer = None
                if not writer.finished:
                    raise StoreError("ingest ended without finish(); nothing was stored")
                writer.merge()  # keys added after finish() are stored too, as in SQLite
            with suppress(psycopg.Error):  # committed: fresher statistics are only a bonus
                sql.analyze_grown(conn, writer.loaded)

    def _breaches(self, name: str | None) -> list[Breach]:
        parents: defaultdict[int, list[Parent]] = defaultdict(list)
        with self._conn() as conn, conn.transaction():  # one snapshot: breaches and parents
            rows = conn.execute(sql.SELECT_BREACHES, {"name": name}).fetchall()
            ids = [row[0] for row in rows]
            for child, parent, share, coverage in conn.execute(sql.SELECT_PARENTS, (ids,)):
                parents[child].append(Parent(parent, share, coverage))
        return [
            Breach(
                **dict(zip(sql.BREACH_FIELDS, row[1:], strict=True)), parents=tuple(parents[row[0]])
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
        low, high = key_bounds(prefix, prefix + 1, prefix_bits)
        # The last prefix has no upper bound: every 16-byte key at or above ``low`` is in it.
        upper = "AND e.key < %b " if high is not None else ""
        params = (low, high) if high is not None else (low,)
        with self._conn() as conn:
            return group_by_key(
                conn.execute(
                    "SELECT e.key, b.name FROM exposures e JOIN breaches b ON b.id = e.breach_id "  # noqa: S608
                    f"WHERE e.key >= %b {upper}AND NOT b.is_sensitive "
                    'ORDER BY e.key, b.name COLLATE "C"',
                    params,
                    binary=True,  # keys travel as raw bytes, not hex text
                )
            )

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

    def _by_key(
        self, query: bytes, keys: Sequence[bytes], only: list[str] | None = None
    ) -> Iterator[tuple[Any, ...]]:
        with self._conn() as conn:
            for start in range(0, len(keys), _BATCH):
                chunk = list(keys[start : start + _BATCH])
                yield from conn.execute(query, {"k": chunk, "only": only}, binary=True)

    def sketches(self) -> list[tuple[str, int, bytes]]:
        with self._conn() as conn:
            rows = conn.execute(sql.SELECT_SKETCHES).fetchall()
        return [(str(n), int(k), bytes(m)) for n, k, m in rows]

    def memberships(
        self, keys: Sequence[bytes], only: Collection[str] | None = None
    ) -> dict[bytes, set[str]]:
        found: dict[bytes, set[str]] = {}
        # None: every breach; an empty collection matches none (ANY('{}') is false).
        names = None if only is None else sorted(only)
        for key, name in self._by_key(sql.SELECT_MEMBERSHIPS, keys, names):
            found.setdefault(bytes(key), set()).add(name)
        return found

    def exposures(self, keys: Sequence[bytes]) -> dict[bytes, list[tuple[str, int]]]:
        found: dict[bytes, list[tuple[str, int]]] = {}
        for key, name, classes in self._by_key(sql.SELECT_EXPOSURES, keys):
            found.setdefault(bytes(key), []).append((name, int(classes)))
        return found
