"""The store suite, run against every backend: SQLite and PostgreSQL.

Schema, atomic ingest, ranges, exposures, memberships, lineage, no plaintext column. Each test
gets an empty store: a fresh SQLite file, or a fresh PostgreSQL schema (see ``pg_url``).
"""

from __future__ import annotations

import dataclasses
import sqlite3
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from leaktrace.errors import ConflictError, KeyFileError, NotFoundError, StoreError
from leaktrace.store import Lineage, Parent, SQLiteStore, Store
from leaktrace.store._schema import SCHEMA_VERSION
from leaktrace.store.data_classes import DATA_CLASSES, from_mask, to_mask
from tests.conftest import make_breach


def key(prefix: int, rest: int = 0) -> bytes:
    return ((prefix << 108) | rest).to_bytes(16, "big")


@dataclass
class Backend:
    """One backend under test: opens stores on one database and runs raw SQL on it."""

    name: str
    open: Callable[[], Store]
    sql: Callable[[str], list[tuple[Any, ...]]]
    corrupt: Callable[[], None]  # make the database unusable before any store opens it
    integrity_error: type[Exception]


def _sqlite(home: Path) -> Backend:
    path = home / "leaktrace.db"

    def sql(query: str) -> list[tuple[Any, ...]]:
        conn = sqlite3.connect(path)
        try:
            rows = conn.execute(query).fetchall()
            conn.commit()
            return rows
        finally:
            conn.close()

    return Backend(
        "sqlite",
        lambda: SQLiteStore(path),
        sql,
        lambda: path.write_bytes(b"this is not sqlite" * 100),
        sqlite3.IntegrityError,
    )


def _postgres(url: str) -> Backend:
    import psycopg

    from leaktrace.store.postgres import PostgresStore

    def sql(query: str) -> list[tuple[Any, ...]]:
        with psycopg.connect(url, autocommit=True) as conn:
            cursor = conn.execute(query.encode())
            return cursor.fetchall() if cursor.description else []

    def corrupt() -> None:
        # A table of that name but not leaktrace's: the first migration cannot apply.
        sql("CREATE TABLE breaches (x INTEGER)")

    return Backend("postgres", lambda: PostgresStore(url), sql, corrupt, psycopg.IntegrityError)


@pytest.fixture(params=["sqlite", "postgres"])
def backend(request: pytest.FixtureRequest, home: Path) -> Backend:
    if request.param == "sqlite":
        return _sqlite(home)
    return _postgres(request.getfixturevalue("pg_url"))


@pytest.fixture
def store(backend: Backend) -> Iterator[Store]:
    s = backend.open()
    yield s
    s.close()


def test_schema_version(backend: Backend, store: Store) -> None:
    assert backend.sql("SELECT value FROM meta WHERE key = 'schema_version'") == [
        (str(SCHEMA_VERSION),)
    ]
    if backend.name == "sqlite":
        assert backend.sql("PRAGMA journal_mode") == [("wal",)]


def test_reopening_keeps_data_and_version(backend: Backend, store: Store) -> None:
    store.bind_key("aaaa")
    again = backend.open()
    try:
        assert again.key_id() == "aaaa"
    finally:
        again.close()


def test_newer_schema_is_refused(backend: Backend) -> None:
    backend.open().close()
    backend.sql("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    with pytest.raises(StoreError, match="newer"):
        backend.open()


def test_unusable_database_is_refused(backend: Backend) -> None:
    backend.corrupt()
    with pytest.raises(StoreError):
        backend.open()


def test_ingest_commit_and_read_back(store: Store) -> None:
    with store.ingest(make_breach()) as writer:
        writer.add([(key(1, 1), 0b01), (key(1, 1), 0b10), (key(2), 0b100)])
        writer.finish(2, 0b111)
    (breach,) = store.breaches()
    assert breach == dataclasses.replace(make_breach(), pwn_count=2, data_classes_mask=0b111)
    assert breach.data_classes == list(DATA_CLASSES[:3])
    found = store.exposures([key(1, 1), key(3)])
    assert found == {key(1, 1): [("Labo2021", 0b11)]}  # masks of a repeated key are OR-ed


def test_masks_are_ored_across_add_calls(store: Store) -> None:
    with store.ingest(make_breach()) as writer:
        writer.add([(key(1), 0b001)])
        writer.add([(key(1), 0b100)])
        writer.add_links([key(2), key(2)])
        writer.add_links([key(2)])
        writer.finish(1, 0b101)
    assert store.exposures([key(1)]) == {key(1): [("Labo2021", 0b101)]}
    assert store.memberships([key(2)]) == {key(2): {"Labo2021"}}


def test_ingest_rolls_back_on_error(store: Store) -> None:
    with pytest.raises(RuntimeError), store.ingest(make_breach()) as writer:
        writer.add([(key(1), 1)])
        writer.add_source("ab" * 32, 10)
        writer.finish(1, 1)
        raise RuntimeError("boom")
    assert store.breaches() == []
    assert store.exposures([key(1)]) == {}
    assert store.source_breaches("ab" * 32) == []


def test_ingest_without_finish_stores_nothing(store: Store) -> None:
    with pytest.raises(StoreError), store.ingest(make_breach()) as writer:
        writer.add([(key(1), 1)])
    assert store.breaches() == []


def test_duplicate_name_conflicts_unless_replace(store: Store) -> None:
    for n in range(2):
        with store.ingest(make_breach(), replace=True) as writer:
            writer.add([(key(5 + n), 1)])
            writer.finish(1, 1)
    with pytest.raises(ConflictError), store.ingest(make_breach()) as writer:
        writer.finish(0, 0)
    assert len(store.breaches()) == 1
    assert store.exposures([key(5), key(6)]) == {key(6): [("Labo2021", 1)]}


def test_reads_inside_an_ingest_see_its_changes(store: Store) -> None:
    with store.ingest(make_breach()) as writer:
        writer.add([(key(1), 1)])
        writer.finish(1, 1)
    with store.ingest(make_breach(), replace=True) as writer:
        assert store.memberships([key(1)]) == {}  # the replaced breach is gone already
        writer.add([(key(2), 1)])
        assert store.memberships([key(2)]) == {key(2): {"Labo2021"}}
        writer.finish(1, 1)


def test_concurrent_ingests_of_one_name_conflict(store: Store) -> None:
    entered, errors = threading.Event(), []

    def second() -> None:
        entered.wait()
        try:
            with store.ingest(make_breach()) as writer:
                writer.finish(0, 0)
        except ConflictError as exc:
            errors.append(exc)

    thread = threading.Thread(target=second)
    thread.start()
    with store.ingest(make_breach()) as writer:
        entered.set()
        thread.join(0.3)  # the second ingest waits for this one
        writer.add([(key(1), 1)])
        writer.finish(1, 1)
    thread.join()
    assert len(errors) == 1
    assert store.exposures([key(1)]) == {key(1): [("Labo2021", 1)]}


def test_range_entries_respect_prefix_and_sensitivity(store: Store) -> None:
    with store.ingest(make_breach("Public")) as writer:
        writer.add([(key(7, 1), 1), (key(7, 2), 1), (key(8, 0), 1), (key(6, (1 << 108) - 1), 1)])
        writer.finish(4, 1)
    with store.ingest(make_breach("Secret", sensitive=True)) as writer:
        writer.add([(key(7, 1), 1), (key(7, 3), 1)])
        writer.finish(2, 1)
    entries = store.range_entries(7)
    assert entries == [(key(7, 1), ["Public"]), (key(7, 2), ["Public"])]
    assert store.range_entries((1 << 20) - 1) == []
    assert store.exposures([key(7, 3)]) == {key(7, 3): [("Secret", 1)]}
    with pytest.raises(ValueError):
        store.range_entries(1 << 20)


def test_names_sort_bytewise_everywhere(store: Store) -> None:
    # "B" < "a" < "b" in byte order; a locale collation would say a < B < b.
    for name in ("b", "B", "a"):
        with store.ingest(make_breach(name)) as writer:
            writer.add([(key(9), 1)])
            writer.finish(1, 1)
    assert [b.name for b in store.breaches()] == ["B", "a", "b"]
    assert store.range_entries(9) == [(key(9), ["B", "a", "b"])]
    assert [name for name, _ in store.exposures([key(9)])[key(9)]] == ["B", "a", "b"]


def test_last_prefix_range(store: Store) -> None:
    top = b"\xff" * 16
    with store.ingest(make_breach()) as writer:
        writer.add([(top, 1), (b"\xff" * 15 + b"\x00", 1)])
        writer.finish(1, 1)
    assert store.range_entries((1 << 20) - 1) == [
        (b"\xff" * 15 + b"\x00", ["Labo2021"]),
        (top, ["Labo2021"]),
    ]
    assert store.range_entries((1 << 128) - 1, 128) == [(top, ["Labo2021"])]


def test_key_binding(store: Store) -> None:
    assert store.key_id() is None
    store.bind_key("aaaa")
    store.bind_key("aaaa")
    with pytest.raises(KeyFileError):
        store.bind_key("bbbb")
    assert store.key_id() == "aaaa"


def test_unknown_breach(store: Store) -> None:
    with pytest.raises(NotFoundError):
        store.breach("Nope")
    with pytest.raises(NotFoundError):
        store.delete_breach("Nope")
    with pytest.raises(NotFoundError):
        store.lineage("Nope")


def test_sources_lineage_and_parents(store: Store) -> None:
    for name in ("Old1", "Old2"):
        with store.ingest(make_breach(name)) as writer:
            writer.finish(10, 1)
    with store.ingest(make_breach("New")) as writer:
        writer.add_source("cd" * 32, 1234)
        writer.set_lineage(
            Lineage("aggregate", 20, 0.1, (Parent("Old1", 0.3, 0.6), Parent("Old2", 0.6, 1.0)))
        )
        writer.finish(20, 1)
    assert store.source_breaches("cd" * 32) == ["New"]
    assert store.lineage("Old1") is None
    lineage = store.lineage("New")
    assert lineage == Lineage(
        "aggregate", 20, 0.1, (Parent("Old2", 0.6, 1.0), Parent("Old1", 0.3, 0.6))
    )
    assert store.breach("New").parents == lineage.parents
    assert store.breach("New").to_hibp()["Parents"] == [
        {"Name": "Old2", "Share": 0.6},
        {"Name": "Old1", "Share": 0.3},
    ]
    assert store.lineage_edges() == [("New", "Old2", 0.6, 1.0), ("New", "Old1", 0.3, 0.6)]
    store.delete_breach("Old2")
    assert store.lineage_edges() == [("New", "Old1", 0.3, 0.6)]
    store.delete_breach("New")
    assert store.lineage_edges() == []
    assert store.source_breaches("cd" * 32) == []


def test_delete_cascades(backend: Backend, store: Store) -> None:
    with store.ingest(make_breach()) as writer:
        writer.add([(key(1), 1)])
        writer.add_links([key(2)])
        writer.add_source("ef" * 32, 1)
        writer.set_lineage(Lineage("new", 1, 1.0, ()))
        writer.set_sketch(1, b"\x01" * 8)
        writer.finish(1, 1)
    store.delete_breach("Labo2021")
    for table in ("exposures", "link_keys", "sources", "lineage", "sketches", "breaches"):
        assert backend.sql(f"SELECT count(*) FROM {table}") == [(0,)], table


@pytest.mark.parametrize("bad", [b"short", "0123456789abcdef", b"x" * 17])
def test_exposure_key_column_rejects_anything_but_16_bytes(
    backend: Backend, store: Store, bad: object
) -> None:
    with pytest.raises(backend.integrity_error), store.ingest(make_breach()) as writer:
        writer.add([(bad, 1)])  # type: ignore[list-item]
        writer.finish(1, 1)
    assert store.breaches() == []


def test_data_class_mask_round_trip() -> None:
    assert from_mask(to_mask(["medical records", "Email addresses"])) == [
        "Email addresses",
        "Medical records",
    ]
    # Bit positions are persisted: these must never move.
    assert to_mask(["Email addresses"]) == 1
    assert to_mask(["Social security numbers"]) == 1 << 5
    assert to_mask(["Medical conditions"]) == 1 << 9
    with pytest.raises(ValueError):
        to_mask(["Shoe sizes"])


def test_memberships_cover_links_and_restrict(store: Store) -> None:
    for name in ("A", "B"):
        with store.ingest(make_breach(name, sensitive=name == "B")) as writer:
            writer.add([(key(1), 1)])
            writer.add_links([key(2)])
            writer.set_sketch(2, b"\x00" * 8)
            writer.finish(1, 1)
    assert store.memberships([key(1), key(2), key(3)]) == {key(1): {"A", "B"}, key(2): {"A", "B"}}
    assert store.memberships([key(1)], only={"B"}) == {key(1): {"B"}}
    assert store.memberships([key(1)], only=set()) == {}
    assert [(n, k) for n, k, _ in store.sketches()] == [("A", 2), ("B", 2)]


def test_sketch_is_replaced_and_returned_whole(store: Store) -> None:
    with store.ingest(make_breach()) as writer:
        writer.set_sketch(3, b"\x00" * 8)
        writer.set_sketch(4, bytes(range(256)))
        writer.finish(1, 1)
    assert store.sketches() == [("Labo2021", 4, bytes(range(256)))]


def test_lookups_in_large_batches(store: Store) -> None:
    keys = [key(i % 4096, i) for i in range(25_000)]
    with store.ingest(make_breach()) as writer:
        writer.add((k, 1) for k in keys[::2])
        writer.finish(len(keys) // 2, 1)
    assert len(store.exposures(keys)) == len(keys) // 2
    assert len(store.memberships(keys)) == len(keys) // 2
