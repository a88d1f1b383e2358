"""The :class:`Notifier`: what every notification operation works with, and its entry points.

The clock, token and code factories are injectable, so tests drive expiry and backoff without
sleeping. ``Notifier`` objects are built by :func:`open_notifier` at an entry point (API app,
CLI command) and closed there.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from leaktrace.crypto import ServerKey, index_key, oprf
from leaktrace.errors import InvalidIdentifierError
from leaktrace.identifiers import encode, normalize
from leaktrace.notify import tokens
from leaktrace.notify.config import NotifySettings
from leaktrace.notify.db import NOTIFY_DB_FILE, NotifyDB
from leaktrace.notify.delivery import DeliveryReport, deliver_due
from leaktrace.notify.sealing import Sealer, load_or_create_sealer
from leaktrace.notify.senders import Sender, SmtpSender, WebhookSender
from leaktrace.store import Store

__all__ = ["Notifier", "default_senders", "deliver", "open_notifier"]

_INVALID = {
    "email": "not a valid email address",
    "phone": "not a valid phone number",
    "nir": "not a valid social security number (NIR)",
}


@dataclass(slots=True)
class Notifier:
    db: NotifyDB
    sealer: Sealer
    store: Store
    key: ServerKey
    settings: NotifySettings
    region: str = "FR"
    clock: Callable[[], float] = time.time
    new_token: tokens.TokenFactory = field(default=tokens.new_token)
    new_code: tokens.CodeFactory = field(default=tokens.new_code)

    def canonical(self, kind: str, raw: object, where: str | None = None) -> str:
        """The normalized identifier, or an InputError naming the field (never the value)."""
        value = normalize(kind, raw, region=self.region) if isinstance(raw, str) else None
        if value is None:
            raise InvalidIdentifierError(f"{where or kind}: {_INVALID.get(kind, 'invalid')}")
        return value

    def index_keys(self, pairs: list[tuple[str, str]]) -> list[bytes]:
        """The exposure index's keys for these normalized (kind, value) pairs."""
        inputs = [encode(kind, value) for kind, value in pairs]
        return [index_key(out) for out in oprf.evaluate_batch(self.key.secret, inputs)]

    def link(self, path: str, token: str) -> str:
        return f"{self.settings.base_url}/v1/{path}?token={token}"

    def unsubscribe_url(self, lookup: bytes) -> str:
        return self.link("subscriptions/unsubscribe", self.sealer.unsubscribe_token(lookup))

    def seal_address(self, kind: str, value: str, lookup: bytes) -> bytes:
        return self.sealer.seal(value.encode(), b"address:" + kind.encode() + b":" + lookup)

    def open_address(self, kind: str, blob: bytes, lookup: bytes) -> str:
        return self.sealer.open(blob, b"address:" + kind.encode() + b":" + lookup).decode()

    def close(self) -> None:
        self.db.close()


def open_notifier(
    home: Path,
    store: Store,
    key: ServerKey,
    settings: NotifySettings,
    *,
    region: str = "FR",
    clock: Callable[[], float] = time.time,
) -> Notifier:
    """The home's ``notify.db`` and ``notify.key`` (both created on first use)."""
    sealer = load_or_create_sealer(home)
    db = NotifyDB(home / NOTIFY_DB_FILE)
    try:
        db.bind_key(key.key_id)
    except BaseException:
        db.close()
        raise
    return Notifier(db, sealer, store, key, settings, region, clock)


def default_senders(settings: NotifySettings) -> dict[str, Sender]:
    """A sender for each configured channel; a channel without one keeps its messages queued."""
    senders: dict[str, Sender] = {}
    if settings.smtp is not None:
        senders["email"] = SmtpSender(settings.smtp, settings.sender)
    if settings.sms_webhook is not None:
        senders["sms"] = WebhookSender(settings.sms_webhook, settings.sms_token)
    return senders


def deliver(
    notifier: Notifier,
    senders: Mapping[str, Sender] | None = None,
    *,
    jitter: Callable[[], float] = random.random,
) -> tuple[int, DeliveryReport]:
    """Queue notices for breaches not matched yet (a crash after an ingest, an ingest by another
    tool), then flush the outbox. Returns (notices queued, delivery report)."""
    from leaktrace.notify.matching import match_new_breaches

    queued = match_new_breaches(notifier)
    owned = senders is None
    senders = default_senders(notifier.settings) if senders is None else senders
    try:
        report = deliver_due(
            notifier.db,
            notifier.sealer,
            senders,
            notifier.settings,
            clock=notifier.clock,
            jitter=jitter,
        )
    finally:
        if owned:
            for sender in senders.values():
                sender.close()
    return queued, report
