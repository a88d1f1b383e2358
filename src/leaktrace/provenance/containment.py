"""Exact containment of a file's people in the known breaches, through the index.

Every distinct index key of the file (identifiers and name + date of birth linking keys) is
looked up in the store in batches; each (person, breach) match goes to a scratch table on disk,
so memory stays flat for files of millions of people. Counting distinct people per breach is
then one SQL aggregate.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Collection
from pathlib import Path

from leaktrace.ingest import People
from leaktrace.provenance.verdict import TraceResult, decide
from leaktrace.store import Store

__all__ = ["containment"]

_BATCH = 2000


def containment(
    people: People,
    people_count: int,
    store: Store,
    scratch: Path,
    only: Collection[str] | None = None,
) -> TraceResult:
    """Trace counted ``people`` against the breaches in ``store`` (those in ``only`` if given)."""
    db = sqlite3.connect(scratch / "matches.db", isolation_level=None)
    try:
        db.execute("PRAGMA journal_mode=OFF")
        db.execute("PRAGMA synchronous=OFF")
        db.execute("CREATE TABLE matches (person INTEGER NOT NULL, breach TEXT NOT NULL)")
        db.execute("BEGIN")
        batch: list[tuple[bytes, int]] = []

        def flush() -> None:
            found = store.memberships([key for key, _ in batch], only)
            db.executemany(
                "INSERT INTO matches VALUES (?, ?)",
                ((person, name) for key, person in batch for name in found.get(key, ())),
            )
            batch.clear()

        for pair in people.key_people():
            batch.append(pair)
            if len(batch) >= _BATCH:
                flush()
        flush()
        db.execute("COMMIT")
        per_parent = {
            str(name): int(count)
            for name, count in db.execute(
                "SELECT breach, COUNT(DISTINCT person) FROM matches GROUP BY breach"
            )
        }
        (matched,) = db.execute("SELECT COUNT(DISTINCT person) FROM matches").fetchone()
    finally:
        db.close()
    sizes = {name: store.breach(name).pwn_count for name in per_parent}
    return decide(people_count, int(matched), per_parent, sizes)
