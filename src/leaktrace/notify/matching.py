"""Who is in a new breach: index keys of recipients against the exposure index.

A recipient's index key is the PRF of its normalized identifier under the server key, computed
once when it subscribed or was uploaded; matching asks ``store.exposures(keys)`` and keeps the
new breaches. Nothing is decrypted except the addresses of those who must be told.

Matching is a sweep over breaches not yet in the ``matched`` table (by name and added date, so a
``--replace`` is a new breach), not a hook that could be missed: ``leaktrace ingest`` runs it
after its commit, and every delivery pass runs it again, which covers a crash between the two
and breaches ingested by any other path. The ledger makes a repeated sweep queue nothing twice.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass

from leaktrace.notify import messages
from leaktrace.notify.outbox import Channel, Envelope, enqueue, record
from leaktrace.notify.service import Notifier
from leaktrace.store import Breach

__all__ = ["Recipient", "channel_of", "exposures_for", "match_new_breaches", "recipients"]


@dataclass(frozen=True, slots=True, repr=False)
class Recipient:
    """Someone leaktrace may write to: a confirmed subscriber or a notified member."""

    lookup: bytes
    kind: str
    address: bytes  # sealed
    key: bytes  # index key of the very identifier the address is
    lang: str
    org: str | None = None


def channel_of(kind: str) -> Channel:
    return "email" if kind == "email" else "sms"


def recipients(conn: sqlite3.Connection, org_id: int | None = None) -> list[Recipient]:
    """Confirmed subscribers, then members of organisations that asked for member notices
    (only ``org_id``'s members when given), minus anyone who unsubscribed."""
    found: list[Recipient] = []
    if org_id is None:
        rows = conn.execute(
            "SELECT lookup, kind, address, index_key, lang FROM subscribers "
            "WHERE status = 'confirmed' ORDER BY id"
        )
        found += [Recipient(bytes(r[0]), r[1], bytes(r[2]), bytes(r[3]), r[4]) for r in rows]
    rows = conn.execute(
        "SELECT m.lookup, m.kind, m.address, m.contact_key, o.lang, o.name FROM members m "
        "JOIN orgs o ON o.id = m.org_id WHERE o.status = 'active' AND o.notify_members = 1 "
        "AND m.address IS NOT NULL AND (? IS NULL OR o.id = ?) "
        "AND m.lookup NOT IN (SELECT lookup FROM optouts) ORDER BY m.id",
        (org_id, org_id),
    )
    found += [Recipient(bytes(r[0]), r[1], bytes(r[2]), bytes(r[3]), r[4], r[5]) for r in rows]
    return found


def exposures_for(
    notifier: Notifier, keys: Iterable[bytes], only: set[str] | None = None
) -> dict[bytes, list[tuple[Breach, int]]]:
    """For each key found: (breach, data-class mask), sensitive breaches included."""
    unique = list(dict.fromkeys(keys))
    if not unique:
        return {}
    catalogue = {b.name: b for b in notifier.store.breaches()}
    found: dict[bytes, list[tuple[Breach, int]]] = {}
    for key, pairs in notifier.store.exposures(unique).items():
        for name, mask in pairs:
            if name in catalogue and (only is None or name in only):
                found.setdefault(key, []).append((catalogue[name], mask))
    return found


def _notice(notifier: Notifier, recipient: Recipient, breach: Breach, mask: int) -> Envelope:
    channel = channel_of(recipient.kind)
    unsubscribe = notifier.unsubscribe_url(recipient.lookup)
    subject, body = messages.breach_notice(
        recipient.lang,
        recipient.kind,
        breach,
        mask,
        unsubscribe,
        sms=channel == "sms",
        org=recipient.org,
    )
    to = notifier.open_address(recipient.kind, recipient.address, recipient.lookup)
    return Envelope(channel, to, subject, body, unsubscribe)


def match_new_breaches(notifier: Notifier) -> int:
    """Queue one notice per (recipient, new breach) never told before; the count queued."""
    breaches = notifier.store.breaches()
    now = notifier.clock()
    with notifier.db.tx() as conn:
        done = {(str(b), str(a)) for b, a in conn.execute("SELECT breach, added FROM matched")}
        new = [b for b in breaches if (b.name, b.added_date.isoformat()) not in done]
        if not new:
            return 0
        everyone = recipients(conn)
        found = exposures_for(notifier, (r.key for r in everyone), {b.name for b in new})
        queued = 0
        for recipient in everyone:
            for breach, mask in found.get(recipient.key, []):
                if not record(conn, recipient.lookup, breach.name):
                    continue  # already told: a report, another org, an earlier sweep
                envelope = _notice(notifier, recipient, breach, mask)
                idem = f"breach:{recipient.lookup.hex()}:{breach.name}"
                queued += enqueue(
                    conn,
                    notifier.sealer,
                    idem=idem,
                    recipient=recipient.lookup,
                    envelope=envelope,
                    now=now,
                )
        conn.executemany(
            "INSERT OR IGNORE INTO matched (breach, added) VALUES (?, ?)",
            [(b.name, b.added_date.isoformat()) for b in new],
        )
    return queued
