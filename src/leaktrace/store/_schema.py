"""SQL schema and its migrations, shared by the SQLite and (later) PostgreSQL stores.

Each migration moves the schema from version N to N+1 and is never edited once released.
No column can hold an identifier: index keys are 16-byte BLOBs (checked), the rest is breach
metadata. ``link_keys`` holds the PRFs of name + date of birth: they link records across files
(provenance) but are kept out of ``exposures`` so that no public lookup can answer for them.
"""

from __future__ import annotations

__all__ = ["MIGRATIONS", "SCHEMA_VERSION"]

MIGRATIONS: tuple[str, ...] = (
    # 0 -> 1
    """
    CREATE TABLE IF NOT EXISTS meta (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    CREATE TABLE breaches (
        id             INTEGER PRIMARY KEY,
        name           TEXT NOT NULL UNIQUE,
        title          TEXT NOT NULL,
        domain         TEXT NOT NULL DEFAULT '',
        breach_date    TEXT NOT NULL,
        added_date     TEXT NOT NULL,
        pwn_count      INTEGER NOT NULL DEFAULT 0,
        data_classes   INTEGER NOT NULL DEFAULT 0,
        description    TEXT NOT NULL DEFAULT '',
        is_verified    INTEGER NOT NULL DEFAULT 0,
        is_fabricated  INTEGER NOT NULL DEFAULT 0,
        is_sensitive   INTEGER NOT NULL DEFAULT 0,
        is_spam_list   INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE exposures (
        key        BLOB NOT NULL CHECK (typeof(key) = 'blob' AND length(key) = 16),
        breach_id  INTEGER NOT NULL REFERENCES breaches(id) ON DELETE CASCADE,
        classes    INTEGER NOT NULL,
        PRIMARY KEY (key, breach_id)
    ) WITHOUT ROWID;
    CREATE INDEX exposures_by_breach ON exposures (breach_id);
    CREATE TABLE link_keys (
        key        BLOB NOT NULL CHECK (typeof(key) = 'blob' AND length(key) = 16),
        breach_id  INTEGER NOT NULL REFERENCES breaches(id) ON DELETE CASCADE,
        PRIMARY KEY (key, breach_id)
    ) WITHOUT ROWID;
    CREATE TABLE parents (
        child_id   INTEGER NOT NULL REFERENCES breaches(id) ON DELETE CASCADE,
        parent_id  INTEGER NOT NULL REFERENCES breaches(id) ON DELETE CASCADE,
        share      REAL NOT NULL,
        PRIMARY KEY (child_id, parent_id)
    );
    """,
    # 1 -> 2: the files each breach was ingested from, by content hash, to refuse re-ingesting one.
    """
    CREATE TABLE sources (
        sha256     TEXT NOT NULL,
        breach_id  INTEGER NOT NULL REFERENCES breaches(id) ON DELETE CASCADE,
        bytes      INTEGER NOT NULL,
        added_date TEXT NOT NULL,
        PRIMARY KEY (sha256, breach_id)
    );
    CREATE INDEX sources_by_hash ON sources (sha256);
    """,
    # 2 -> 3: the traced lineage of each breach (provenance).
    """
    ALTER TABLE parents ADD COLUMN coverage REAL NOT NULL DEFAULT 0;
    CREATE TABLE lineage (
        breach_id  INTEGER PRIMARY KEY REFERENCES breaches(id) ON DELETE CASCADE,
        verdict    TEXT NOT NULL CHECK (verdict IN ('new', 'repackaged', 'aggregate')),
        people     INTEGER NOT NULL,
        new_share  REAL NOT NULL
    );
    """,
    # 3 -> 4: a MinHash sketch of each breach's keys, to shortlist parents among many breaches.
    """
    CREATE TABLE sketches (
        breach_id  INTEGER PRIMARY KEY REFERENCES breaches(id) ON DELETE CASCADE,
        keys       INTEGER NOT NULL,
        minhash    BLOB NOT NULL
    );
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)
