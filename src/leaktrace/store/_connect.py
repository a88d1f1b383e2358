"""The SQLite connection every durable leaktrace database opens (the index, ``notify.db``).

Autocommit mode, so that transactions are explicit (``BEGIN IMMEDIATE``); WAL, so that readers
do not wait for the writer; ``synchronous=FULL``, so that a committed ingest, a message marked
sent or a token consumed survives a power loss; foreign keys on; and a 30 s wait on a locked
database rather than an immediate error. Scratch databases (ingest, trace) want the opposite
and open their own.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

__all__ = ["connect_durable"]


def connect_durable(path: Path, *pragmas: str) -> sqlite3.Connection:
    """Open ``path`` with the settings above, then ``PRAGMA`` each of ``pragmas``.

    Raises :class:`sqlite3.DatabaseError` when the file is not a usable database: the caller
    names its own error.
    """
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    for pragma in ("journal_mode=WAL", "synchronous=FULL", "foreign_keys=ON", "busy_timeout=30000"):
        conn.execute(f"PRAGMA {pragma}")
    for pragma in pragmas:
        conn.execute(f"PRAGMA {pragma}")
    return conn
