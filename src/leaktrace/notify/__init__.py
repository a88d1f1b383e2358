"""Notify the people concerned: verified subscriptions, new-breach notices, group monitoring.

* ``subscriptions``: subscribe by email (link) or phone (code), verify, unsubscribe;
* ``orgs`` / ``members``: organisation accounts, member uploads, aggregate reports, notices;
* ``matching``: who is in a new breach (index keys against ``store.exposures``);
* ``outbox`` / ``delivery`` / ``senders`` / ``courier``: queued messages, SMTP and SMS webhook,
  backoff;
* ``sealing``: AES-GCM of every kept address, HMAC lookups, key file ``notify.key``;
* ``db`` / ``_schema``: ``notify.db`` (SQLite, next to the key), its migrations.

Entry points build a :class:`NotifySettings` (``from_env``) and a :class:`Notifier`
(``open_notifier``); ``leaktrace ingest`` calls :func:`after_ingest`. See docs/notify.md.

Names are loaded on first use: ``leaktrace ingest`` imports this package on every run, and
should not pay for (or depend on) ``cryptography`` in a home where nobody ever subscribed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from leaktrace.notify.config import NotifySettings, SmtpConfig
from leaktrace.notify.db import NOTIFY_DB_FILE
from leaktrace.notify.hook import after_ingest

if TYPE_CHECKING:
    from leaktrace.notify.delivery import DeliveryReport
    from leaktrace.notify.service import (
        Notifier,
        default_senders,
        deliver,
        open_notifier,
    )

__all__ = [
    "NOTIFY_DB_FILE",
    "DeliveryReport",
    "Notifier",
    "NotifySettings",
    "SmtpConfig",
    "after_ingest",
    "default_senders",
    "deliver",
    "open_notifier",
]

_LAZY = {
    "DeliveryReport": "leaktrace.notify.delivery",
    "Notifier": "leaktrace.notify.service",
    "default_senders": "leaktrace.notify.service",
    "deliver": "leaktrace.notify.service",
    "open_notifier": "leaktrace.notify.service",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)
