"""What only the PostgreSQL store has: URL selection, schema parity with SQLite, concurrent
migrations, a killed ingest, concurrent readers, the range index, dropped connections.

The behaviour both backends share is tested in ``test_store.py``, on both.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from leaktrace.errors import InputError, StoreError
from leaktrace.store import SQLiteStore, open_store
from tests.conftest import make_breach

try:
    import psycopg

    from leaktrace.store.postgres import PostgresStore
except ImportError:  # the same rule as the pg_database fixture: skip here, fail under CI
    if os.environ.get("CI"):
        raise
    pytest.skip("psycopg is not installed", allow_module_level=True)


def key(prefix: int, rest: int = 0) -> bytes:
    return ((prefix << 108) | rest).to_bytes(16, "big")


@pytest.fixture
def pg(pg_url: str) -> Iterator[PostgresStore]:
    store = PostgresStore(pg_url)
    yield store
    store.close()


def sql(url: str, query: str) -> list[tuple[object, ...]]:
    with psycopg.connect(url, autocommit=True) as conn:
        cursor = conn.execute(query.encode())
        return cursor.fetchall() if cursor.description else []


def test_open_store_selects_postgres_by_url(pg_url: str, home: Path) -> None:
    for url in (pg_url, pg_url.replace("postgresql://", "postgres://", 1)):
        store = open_store(home, url)
        try:
            assert isinstance(store, PostgresStore)
        finally:
            store.close()
    with pytest.raises(InputError, match="'mysql'") as info:
        open_store(home, "mysql://user:s3cret@host/db")
    assert "s3cret" not in str(info.value)


def test_unreachable_server_is_one_clean_error() -> None:
    started = time.monotonic()
    with pytest.raises(StoreError, match="not a usable") as info:
        PostgresStore("postgresql://someone:s3cret@127.0.0.1:1/none")
    assert "s3cret" not in str(info.value)
    assert time.monotonic() - started < 10


def test_same_tables_and_columns_as_sqlite(pg: PostgresStore, pg_url: str, home: Path) -> None:
    SQLiteStore(home / "db").close()
    lite = sqlite3.connect(home / "db")
    tables = [r[0] for r in lite.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    expected = {(t, c[1]) for t in tables for c in lite.execute(f"PRAGMA table_info({t})")}
    rows = sql(
        pg_url,
        "SELECT table_name, column_name FROM information_schema.columns "
        "WHERE table_schema = current_schema()",
    )
    assert set(rows) == expected
    assert pg.schema_version == SQLiteStore(home / "db").schema_version
    types = dict(
        sql(
            pg_url,
            "SELECT column_name, data_type FROM information_schema.columns "
            "WHERE table_schema = current_schema() AND table_name = 'exposures'",
        )
    )
    assert types == {"key": "bytea", "breach_id": "bigint", "classes": "bigint"}
    for insert in ("exposures VALUES ('\\x00'::bytea, 1, 1)", "link_keys VALUES ('\\x00', 1)"):
        with pytest.raises(psycopg.errors.CheckViolation):
            sql(pg_url, f"INSERT INTO {insert}")


def test_processes_starting_together_migrate_once(pg_url: str) -> None:
    barrier, stores, errors = threading.Barrier(6), [], []

    def start() -> None:
        barrier.wait()
        try:
            stores.append(PostgresStore(pg_url))
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=start) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for store in stores:
        store.close()
    assert errors == []
    assert sql(pg_url, "SELECT count(*) FROM meta WHERE key = 'schema_version'") == [(1,)]


_KILLED = """
import datetime as dt, os, signal, sys
from leaktrace.store import Breach
from leaktrace.store.postgres import PostgresStore
store = PostgresStore(sys.argv[1])
breach = Breach("Killed", "t", dt.date(2021, 1, 1), dt.datetime.now(dt.UTC))
with store.ingest(breach) as writer:
    writer.add((os.urandom(16), 1) for _ in range(20_000))
    writer.add_links(os.urandom(16) for _ in range(1_000))
    writer.finish(20_000, 1)  # finished, but the transaction is not committed yet
    os.kill(os.getpid(), signal.SIGKILL)
"""


def test_a_killed_ingest_leaves_nothing(pg: PostgresStore, pg_url: str) -> None:
    done = subprocess.run([sys.executable, "-c", _KILLED, pg_url], check=False, timeout=60)
    assert done.returncode == -9
    assert pg.breaches() == []
    assert sql(pg_url, "SELECT count(*) FROM exposures") == [(0,)]
    assert sql(pg_url, "SELECT count(*) FROM link_keys") == [(0,)]
    with pg.ingest(make_breach("Killed")) as writer:  # the name's lock went with the process
        writer.finish(0, 0)


def test_readers_are_not_blocked_by_an_open_ingest(pg: PostgresStore) -> None:
    with pg.ingest(make_breach("Old")) as writer:
        writer.add([(key(0, 1), 1)])
        writer.finish(1, 1)
    seen: list[object] = []
    with pg.ingest(make_breach("Old"), replace=True) as writer:
        writer.add([(key(0, 2), 1)])
        reader = threading.Thread(
            target=lambda: seen.extend([pg.range_entries(0), [b.name for b in pg.breaches()]])
        )
        reader.start()
        reader.join(10)
        assert not reader.is_alive()
        writer.finish(1, 1)
    # The reader saw the committed state: the old keys, not the ingest in progress.
    assert seen == [[(key(0, 1), ["Old"])], ["Old"]]
    assert pg.range_entries(0) == [(key(0, 2), ["Old"])]


def test_many_threads_share_the_pool(pg: PostgresStore) -> None:
    with pg.ingest(make_breach()) as writer:
        writer.add((key(i, i), 1) for i in range(200))
        writer.finish(200, 1)
    failures: list[BaseException] = []

    def work(offset: int) -> None:
        try:
            for i in range(offset, offset + 40):
                assert pg.range_entries(i % 200) == [(key(i % 200, i % 200), ["Labo2021"])]
                assert pg.exposures([key(i % 200, i % 200)]) != {}
        except BaseException as exc:
            failures.append(exc)

    threads = [threading.Thread(target=work, args=(n * 40,)) for n in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []


def test_range_query_uses_the_primary_key(pg: PostgresStore, pg_url: str) -> None:
    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("SET enable_seqscan = off")  # a tiny table would be scanned whole anyway
        plan = conn.execute(
            "EXPLAIN SELECT e.key FROM exposures e WHERE e.key >= %s AND e.key < %s",
            (key(7), key(8)),
        ).fetchall()
    text = "\n".join(str(row[0]) for row in plan)
    assert "exposures_pkey" in text
    assert "Index Cond" in text


def test_a_dropped_connection_is_replaced(pg: PostgresStore, pg_url: str) -> None:
    pg.breaches()
    sql(
        pg_url,
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
        "WHERE datname = current_database() AND pid <> pg_backend_pid()",
    )
    assert pg.breaches() == []


def test_link_keys_are_checked_too(pg: PostgresStore) -> None:
    # Stricter than SQLite, whose INSERT OR IGNORE silently drops a malformed link key.
    with pytest.raises(psycopg.IntegrityError), pg.ingest(make_breach()) as writer:
        writer.add_links([b"short"])
        writer.finish(0, 0)
    assert pg.breaches() == []


def test_nested_ingest_on_one_thread_is_refused(pg: PostgresStore) -> None:
    with pytest.raises(StoreError), pg.ingest(make_breach("A")) as writer:
        with pg.ingest(make_breach("B")):
            pass
        writer.finish(0, 0)
    assert pg.breaches() == []
