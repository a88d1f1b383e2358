"""SQLite store: schema, atomic ingest, ranges, exposures, no plaintext column."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from leaktrace.errors import ConflictError, KeyFileError, NotFoundError, StoreError
from leaktrace.store import SQLiteStore
from leaktrace.store._schema import SCHEMA_VERSION
from leaktrace.store.data_classes import DATA_CLASSES, from_mask, to_mask
from tests.conftest import make_breach


def key(prefix: int, rest: int = 0) -> bytes:
    return ((prefix << 108) | rest).to_bytes(16, "big")


def test_schema_version_and_wal(store: SQLiteStore) -> None:
    assert store.schema_version == SCHEMA_VERSION
    mode = sqlite3.connect(store.path).execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "db"
    SQLiteStore(path).close()
    conn = sqlite3.connect(path)
    conn.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="newer"):
        SQLiteStore(path)


def test_garbage_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError):
        SQLiteStore(path)


def test_ingest_commit_and_read_back(store: SQLiteStore) -> None:
    with store.ingest(make_breach()) as writer:
        writer.add([(key(1, 1), 0b01), (key(1, 1), 0b10), (key(2), 0b100)])
        writer.finish(2, 0b111)
    (breach,) = store.breaches()
    assert breach.pwn_count == 2
    assert breach.data_classes == list(DATA_CLASSES[:3])
    found = store.exposures([key(1, 1), key(3)])
    assert found == {key(1, 1): [("Labo2021", 0b11)]}  # masks of a repeated key are OR-ed


def test_ingest_rolls_back_on_error(store: SQLiteStore) -> None:
    with pytest.raises(RuntimeError), store.ingest(make_breach()) as writer:
        writer.add([(key(1), 1)])
        raise RuntimeError("boom")
    assert store.breaches() == []
    assert store.exposures([key(1)]) == {}


def test_ingest_without_finish_stores_nothing(store: SQLiteStore) -> None:
    with pytest.raises(StoreError), store.ingest(make_breach()) as writer:
        writer.add([(key(1), 1)])
    assert store.breaches() == []


def test_duplicate_name_conflicts_unless_replace(store: SQLiteStore) -> None:
    for _ in range(2):
        with store.ingest(make_breach(), replace=True) as writer:
            writer.add([(key(5), 1)])
            writer.finish(1, 1)
    with pytest.raises(ConflictError), store.ingest(make_breach()) as writer:
        writer.finish(0, 0)
    assert len(store.breaches()) == 1


def test_range_entries_respect_prefix_and_sensitivity(store: SQLiteStore) -> None:
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


def test_last_prefix_range(store: SQLiteStore) -> None:
    top = b"\xff" * 16
    with store.ingest(make_breach()) as writer:
        writer.add([(top, 1)])
        writer.finish(1, 1)
    assert store.range_entries((1 << 20) - 1) == [(top, ["Labo2021"])]


def test_key_binding(store: SQLiteStore) -> None:
    assert store.key_id() is None
    store.bind_key("aaaa")
    store.bind_key("aaaa")
    with pytest.raises(KeyFileError):
        store.bind_key("bbbb")


def test_unknown_breach(store: SQLiteStore) -> None:
    with pytest.raises(NotFoundError):
        store.breach("Nope")
    with pytest.raises(NotFoundError):
        store.delete_breach("Nope")


def test_delete_cascades(store: SQLiteStore) -> None:
    with store.ingest(make_breach()) as writer:
        writer.add([(key(1), 1)])
        writer.add_links([key(2)])
        writer.finish(1, 1)
    store.delete_breach("Labo2021")
    conn = sqlite3.connect(store.path)
    assert conn.execute("SELECT count(*) FROM exposures").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM link_keys").fetchone()[0] == 0


@pytest.mark.parametrize("bad", [b"short", "0123456789abcdef", b"x" * 17])
def test_exposure_key_column_rejects_anything_but_16_bytes(store: SQLiteStore, bad: object) -> None:
    with pytest.raises(sqlite3.IntegrityError), store.ingest(make_breach()) as writer:
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
