"""The notification tables, in their own SQLite file ``notify.db``, and their migrations.

Kept apart from the exposure index on purpose: the index holds PRF outputs only and can be
shared, backed up or moved to PostgreSQL on its own; this file holds the (encrypted) means to
reach people. Each migration moves the schema from version N to N+1 and is never edited once
released.

No column holds a plaintext address: ``address``/``payload`` are AES-GCM blobs (see
``sealing.py``), ``lookup`` is an HMAC of the normalized identifier, ``secret_hash`` a hash of
a verification token or a keyed hash of a code, ``index_key``/``key`` PRF outputs like the
exposure index's.
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
    CREATE TABLE subscribers (
        id              INTEGER PRIMARY KEY AUTOINCREMENT,
        kind            TEXT NOT NULL CHECK (kind IN ('email', 'phone')),
        lookup          BLOB NOT NULL UNIQUE CHECK (length(lookup) = 32),
        address         BLOB NOT NULL,
        index_key       BLOB NOT NULL CHECK (length(index_key) = 16),
        lang            TEXT NOT NULL CHECK (lang IN ('fr', 'en')),
        status          TEXT NOT NULL CHECK (status IN ('pending', 'confirmed', 'unsubscribed')),
        secret_hash     BLOB,
        secret_expires  REAL,
        attempts        INTEGER NOT NULL DEFAULT 0,
        last_sent       REAL,
        generation      INTEGER NOT NULL DEFAULT 0,
        created         REAL NOT NULL,
        confirmed       REAL
    );
    CREATE INDEX subscribers_by_secret ON subscribers (secret_hash);
    CREATE TABLE orgs (
        id              INTEGER PRIMARY KEY AUTOINCREMENT,
        name            TEXT NOT NULL,
        lookup          BLOB NOT NULL UNIQUE CHECK (length(lookup) = 32),
        address         BLOB NOT NULL,
        lang            TEXT NOT NULL CHECK (lang IN ('fr', 'en')),
        status          TEXT NOT NULL CHECK (status IN ('pending', 'active')),
        secret_hash     BLOB,
        secret_expires  REAL,
        last_sent       REAL,
        api_key_hash    BLOB UNIQUE,
        notify_members  INTEGER NOT NULL DEFAULT 0,
        last_upload     REAL,
        created         REAL NOT NULL
    );
    CREATE INDEX orgs_by_secret ON orgs (secret_hash);
    CREATE TABLE members (
        id              INTEGER PRIMARY KEY AUTOINCREMENT,
        org_id          INTEGER NOT NULL REFERENCES orgs(id) ON DELETE CASCADE,
        dedupe          BLOB NOT NULL CHECK (length(dedupe) = 32),
        kind            TEXT CHECK (kind IN ('email', 'phone')),
        lookup          BLOB CHECK (length(lookup) = 32),
        address         BLOB,
        contact_key     BLOB CHECK (length(contact_key) = 16),
        UNIQUE (org_id, dedupe)
    );
    CREATE TABLE member_keys (
        member_id  INTEGER NOT NULL REFERENCES members(id) ON DELETE CASCADE,
        key        BLOB NOT NULL CHECK (length(key) = 16),
        PRIMARY KEY (member_id, key)
    ) WITHOUT ROWID;
    CREATE TABLE optouts (
        lookup  BLOB PRIMARY KEY CHECK (length(lookup) = 32)
    ) WITHOUT ROWID;
    CREATE TABLE outbox (
        id            INTEGER PRIMARY KEY AUTOINCREMENT,
        idem          TEXT NOT NULL UNIQUE,
        recipient     BLOB NOT NULL CHECK (length(recipient) = 32),
        channel       TEXT NOT NULL CHECK (channel IN ('email', 'sms')),
        payload       BLOB NOT NULL,
        status        TEXT NOT NULL
                      CHECK (status IN ('pending', 'sent', 'rejected', 'cancelled')),
        attempts      INTEGER NOT NULL DEFAULT 0,
        next_attempt  REAL NOT NULL,
        lease_until   REAL,
        last_error    TEXT,
        created       REAL NOT NULL,
        sent          REAL
    );
    CREATE INDEX outbox_due ON outbox (status, next_attempt);
    CREATE INDEX outbox_by_recipient ON outbox (recipient, status);
    CREATE TABLE ledger (
        recipient  BLOB NOT NULL CHECK (length(recipient) = 32),
        breach     TEXT NOT NULL,
        PRIMARY KEY (recipient, breach)
    ) WITHOUT ROWID;
    CREATE TABLE matched (
        breach  TEXT NOT NULL,
        added   TEXT NOT NULL,
        PRIMARY KEY (breach, added)
    ) WITHOUT ROWID;
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)
