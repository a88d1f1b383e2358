"""Flushing the outbox: claim a due message, hand it over, record the outcome.

**Guarantees.** A message leaves the outbox as *sent* only after the relay or gateway accepted it
(SMTP: the 250 answer to the end of DATA; webhook: a 2xx). A failed attempt keeps it *pending*
with an exponential backoff (``backoff_base × 2^(attempts-1)``, capped at ``backoff_max``, plus up
to 25 % jitter so that a fleet of messages does not retry in lockstep); there is no attempt limit,
so a long SMTP outage delays mail but never drops it. Only a permanent refusal of the recipient
(SMTP 5xx) ends in *rejected*.

**Several workers.** A message is claimed with a lease (``lease_until``) in its own transaction
before it is sent, so two delivery passes (API workers, ``leaktrace notify deliver``) never send
the same message at the same time.

**The crash window.** Between the relay's acceptance and the commit that marks the row *sent*
(a few milliseconds), a crash leaves the row pending: its lease runs out and it is sent again.
Exactly-once across a crash is impossible with SMTP; leaktrace chooses at-least-once (never lost)
and makes the duplicate recognisable: both copies carry the same ``Message-ID`` (and the webhook
the same ``id``), derived from the idempotency key, which mail stores and gateways use to drop
duplicates. Without a crash, a message is sent once.
"""

from __future__ import annotations

import hashlib
import logging
import random
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from leaktrace.errors import StoreError
from leaktrace.notify.config import NotifySettings
from leaktrace.notify.db import NotifyDB
from leaktrace.notify.outbox import open_payload
from leaktrace.notify.sealing import Sealer
from leaktrace.notify.senders import DeliveryFailure, Sender

__all__ = ["DeliveryReport", "backoff", "deliver_due", "message_id"]

LOG = logging.getLogger("leaktrace.notify")
# Consecutive failures after which a channel is left alone for the rest of a pass: when the
# relay is down, trying its 10,000 queued messages one by one only burns their backoff.
_TRIP = 3


@dataclass(slots=True)
class DeliveryReport:
    sent: int = 0
    failed: int = 0
    rejected: int = 0
    paused: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, object]:
        return {
            "sent": self.sent,
            "failed": self.failed,
            "rejected": self.rejected,
            "paused": self.paused,
        }


def message_id(idem: str) -> str:
    return hashlib.sha256(b"leaktrace message id:" + idem.encode()).hexdigest()[:32]


def backoff(attempts: int, settings: NotifySettings, jitter: float) -> float:
    """Seconds to wait after the ``attempts``-th failure; ``jitter`` is in [0, 1)."""
    delay = min(settings.backoff_max, settings.backoff_base * 2.0 ** min(attempts - 1, 40))
    return float(delay * (1 + 0.25 * jitter))


def _claim(
    db: NotifyDB, channels: list[str], now: float, lease: float
) -> tuple[int, str, str, bytes, int] | None:
    marks = ",".join("?" * len(channels))
    with db.tx() as conn:
        row = conn.execute(
            "SELECT id, idem, channel, payload, attempts FROM outbox "  # noqa: S608
            "WHERE status = 'pending' AND next_attempt <= ? "
            "AND (lease_until IS NULL OR lease_until <= ?) "
            f"AND channel IN ({marks}) ORDER BY next_attempt, id LIMIT 1",
            (now, now, *channels),
        ).fetchone()
        if row is None:
            return None
        conn.execute("UPDATE outbox SET lease_until = ? WHERE id = ?", (now + lease, row[0]))
    return int(row[0]), str(row[1]), str(row[2]), bytes(row[3]), int(row[4])


def deliver_due(
    db: NotifyDB,
    sealer: Sealer,
    senders: Mapping[str, Sender],
    settings: NotifySettings,
    *,
    clock: Callable[[], float],
    jitter: Callable[[], float] = random.random,
    limit: int = 10_000,
) -> DeliveryReport:
    """One pass over the due messages of the channels that have a sender."""
    report = DeliveryReport()
    failures = dict.fromkeys(senders, 0)
    channels = list(senders)
    handled = 0
    while channels and handled < limit:
        now = clock()
        claimed = _claim(db, channels, now, settings.lease)
        if claimed is None:
            break
        handled += 1
        row_id, idem, channel, payload, attempts = claimed
        try:
            envelope = open_payload(sealer, idem, channel, payload)  # type: ignore[arg-type]
            senders[channel].send(envelope, message_id(idem), now)
        except DeliveryFailure as exc:
            failures[channel] += 1
            _failed(db, row_id, attempts + 1, exc, settings, clock(), jitter())
            if exc.permanent:
                report.rejected += 1
            else:
                report.failed += 1
            if failures[channel] >= _TRIP:
                channels.remove(channel)
                report.paused.append(channel)
            continue
        except StoreError:
            # A payload that does not open will never open: park it, keep the others moving.
            _failed(db, row_id, attempts + 1, DeliveryFailure("sealed"), settings, now, 1.0)
            report.failed += 1
            continue
        failures[channel] = 0
        with db.tx() as conn:
            conn.execute(
                "UPDATE outbox SET status = 'sent', payload = x'', sent = ?, lease_until = NULL, "
                "attempts = attempts + 1, last_error = NULL WHERE id = ?",
                (clock(), row_id),
            )
        report.sent += 1
        LOG.info("message %d sent (%s)", row_id, channel)
    return report


def _failed(
    db: NotifyDB,
    row_id: int,
    attempts: int,
    exc: DeliveryFailure,
    settings: NotifySettings,
    now: float,
    jitter: float,
) -> None:
    with db.tx() as conn:
        if exc.permanent:
            conn.execute(
                "UPDATE outbox SET status = 'rejected', payload = x'', lease_until = NULL, "
                "attempts = ?, last_error = ? WHERE id = ?",
                (attempts, exc.reason, row_id),
            )
            LOG.warning("message %d refused for good (%s)", row_id, exc.reason)
            return
        delay = backoff(attempts, settings, jitter)
        conn.execute(
            "UPDATE outbox SET next_attempt = ?, lease_until = NULL, attempts = ?, "
            "last_error = ? WHERE id = ?",
            (now + delay, attempts, exc.reason, row_id),
        )
    LOG.warning("message %d not sent (%s); retry in %.0f s", row_id, exc.reason, delay)
