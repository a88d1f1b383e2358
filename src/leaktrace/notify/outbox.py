"""The outbox: every message is written here, in the transaction that decides to send it.

A row is keyed by an idempotency key (``breach:<recipient>:<breach>``, ``report:…``,
``verify:…``), so deciding twice to send the same thing queues it once. Its payload (address,
subject, body) is one AES-GCM blob bound to that key, and is wiped once the message is sent,
refused for good, or cancelled by an unsubscribe. Delivery (``delivery.py``) only ever reads
from here, so nothing is lost when the SMTP relay or the SMS gateway is down.

The ``ledger`` remembers which recipient (by lookup hash) was told of which breach, whatever
the channel or the reason (a subscriber's report, an organisation's member mail, a new-breach
notice): it is what makes "exactly one notification per person and breach" hold across
subscriptions, organisations and re-uploads.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Literal

from leaktrace.notify.sealing import Sealer

__all__ = ["Channel", "Envelope", "cancel_for", "enqueue", "open_payload", "record", "summary"]

Channel = Literal["email", "sms"]
_WIPED = b""


@dataclass(frozen=True, slots=True, repr=False)
class Envelope:
    """A message ready to hand over. ``repr`` hides everything: it holds an address."""

    channel: Channel
    to: str
    subject: str
    body: str
    unsubscribe_url: str

    def __repr__(self) -> str:
        return f"Envelope(channel={self.channel!r})"


def _context(idem: str) -> bytes:
    return b"outbox:" + idem.encode()


def enqueue(
    conn: sqlite3.Connection,
    sealer: Sealer,
    *,
    idem: str,
    recipient: bytes,
    envelope: Envelope,
    now: float,
) -> bool:
    """Queue ``envelope`` unless a message with this key already exists; True if queued."""
    document = {
        "to": envelope.to,
        "subject": envelope.subject,
        "body": envelope.body,
        "unsubscribe": envelope.unsubscribe_url,
    }
    payload = sealer.seal(json.dumps(document).encode(), _context(idem))
    cursor = conn.execute(
        "INSERT OR IGNORE INTO outbox (idem, recipient, channel, payload, status, next_attempt, "
        "created) VALUES (?, ?, ?, ?, 'pending', ?, ?)",
        (idem, recipient, envelope.channel, payload, now, now),
    )
    return cursor.rowcount == 1


def open_payload(sealer: Sealer, idem: str, channel: Channel, payload: bytes) -> Envelope:
    document = json.loads(sealer.open(payload, _context(idem)))
    return Envelope(
        channel, document["to"], document["subject"], document["body"], document["unsubscribe"]
    )


def record(conn: sqlite3.Connection, recipient: bytes, breach: str) -> bool:
    """Note that ``recipient`` is being told of ``breach``; False if it already was."""
    cursor = conn.execute(
        "INSERT OR IGNORE INTO ledger (recipient, breach) VALUES (?, ?)", (recipient, breach)
    )
    return cursor.rowcount == 1


def cancel_for(conn: sqlite3.Connection, recipient: bytes) -> int:
    """Cancel and wipe every message still waiting for ``recipient`` (an unsubscribe)."""
    cursor = conn.execute(
        "UPDATE outbox SET status = 'cancelled', payload = ?, lease_until = NULL "
        "WHERE recipient = ? AND status = 'pending'",
        (_WIPED, recipient),
    )
    return cursor.rowcount


def summary(conn: sqlite3.Connection, now: float) -> dict[str, object]:
    """Message counts per status and the age of the oldest waiting one (for monitoring)."""
    counts = dict.fromkeys(("pending", "sent", "rejected", "cancelled"), 0)
    for status, count in conn.execute("SELECT status, count(*) FROM outbox GROUP BY status"):
        counts[str(status)] = int(count)
    oldest = conn.execute(
        "SELECT min(created), max(attempts) FROM outbox WHERE status = 'pending'"
    ).fetchone()
    return {
        **counts,
        "oldest_pending_seconds": None if oldest[0] is None else round(now - oldest[0], 1),
        "max_attempts": int(oldest[1] or 0),
    }
