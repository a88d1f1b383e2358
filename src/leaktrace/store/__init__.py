"""Where breaches and exposures live: the ``Store`` protocol and its backends.

An exposure is (16-byte index key, breach, data-class bitmask). Index keys are PRF outputs, so
a stolen store reveals breach metadata and counts but no identifier (see docs/threat-model.md).
"""

from __future__ import annotations

from pathlib import Path

from leaktrace.store._protocol import IngestWriter, RangeEntry, Store
from leaktrace.store.models import Breach, Lineage, Parent, validate_breach_name
from leaktrace.store.sqlite import SQLiteStore

__all__ = [
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
    """The store for these settings: SQLite in ``home`` unless a database URL is given."""
    if database_url:
        from leaktrace.errors import InputError

        raise InputError("only the embedded SQLite store is available in this version")
    return SQLiteStore(home / DB_FILE_NAME)
