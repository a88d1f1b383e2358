"""Where breaches and exposures live: the ``Store`` protocol and its backends.

An exposure is (16-byte index key, breach, data-class bitmask). Index keys are PRF outputs, so
a stolen store reveals breach metadata and counts but no identifier (see docs/threat-model.md).
"""

from __future__ import annotations

from pathlib import Path

from leaktrace.store._protocol import IngestWriter, RangeEntry, Store
from leaktrace.store.models import (
    BREACH_NAME_PATTERN,
    Breach,
    Lineage,
    Parent,
    validate_breach_name,
)
from leaktrace.store.sqlite import SQLiteStore

__all__ = [
    "BREACH_NAME_PATTERN",
    "Breach",
    "IngestWriter",
    "Lineage",
    "Parent",
    "RangeEntry",
    "SQLiteStore",
    "Store",
    "open_store",
    "validate_breach_name",
]

DB_FILE_NAME = "leaktrace.db"


def open_store(home: Path, database_url: str | None = None) -> Store:
    """The store for these settings: SQLite in ``home`` unless a database URL is given.

    ``postgresql://…`` or ``postgres://…`` (libpq URL syntax) opens a
    :class:`~leaktrace.store.postgres.PostgresStore`; any other scheme is an input error.
    """
    if not database_url:
        return SQLiteStore(home / DB_FILE_NAME)
    from leaktrace.errors import InputError, StoreError

    if not database_url.startswith(("postgresql://", "postgres://")):
        # The URL may carry a password: name the scheme only.
        scheme = database_url.partition(":")[0][:20]
        raise InputError(f"unsupported database URL scheme {scheme!r}; use postgresql://")
    # Imported here so that the SQLite path never loads libpq; psycopg is a dependency of the
    # package, but a hand-made install (or a broken libpq) can still lack it.
    try:
        from leaktrace.store.postgres import PostgresStore
    except ImportError:
        raise StoreError(
            "the PostgreSQL store needs psycopg, which leaktrace depends on: reinstall leaktrace "
            "(pip install -e . or make install)"
        ) from None
    return PostgresStore(database_url)
