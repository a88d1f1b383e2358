"""``leaktrace notify deliver`` and ``leaktrace notify status``.

``deliver`` queues notices for breaches not matched yet, then flushes the outbox through the
relay of ``LEAKTRACE_SMTP_URL`` and the gateway of ``LEAKTRACE_SMS_WEBHOOK``; with ``--loop`` it
keeps doing so (a cron job or a systemd service). Messages of a channel without a relay or
gateway stay queued.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated, Any

import typer

from leaktrace.commands._common import JsonOpt, emit_json, guard, open_settings_store, settings_of
from leaktrace.config import Settings
from leaktrace.crypto import load_or_create_key
from leaktrace.notify import NOTIFY_DB_FILE, NotifySettings

__all__ = ["app"]

app = typer.Typer(
    name="notify",
    help="Notifications: deliver queued messages, show the outbox.",
    no_args_is_help=True,
)

if TYPE_CHECKING:  # imported on use: the CLI starts without loading cryptography
    from leaktrace.notify.service import Notifier


@contextmanager
def _notifier(settings: Settings, notify_settings: NotifySettings) -> Iterator[Notifier]:
    from leaktrace.notify.service import open_notifier

    key = load_or_create_key(settings.home)
    with open_settings_store(settings) as store:
        store.bind_key(key.key_id)
        notifier = open_notifier(settings.home, store, key, notify_settings, region=settings.region)
        try:
            yield notifier
        finally:
            notifier.close()


@app.command("deliver")
def deliver_command(
    ctx: typer.Context,
    loop: Annotated[
        bool, typer.Option("--loop", help="Keep delivering until interrupted.")
    ] = False,
    interval: Annotated[
        float, typer.Option(min=1, help="Seconds between passes with --loop.")
    ] = 30.0,
    as_json: JsonOpt = False,
) -> None:
    """Queue notices for new breaches, then send what is due (with retries and backoff)."""
    settings = settings_of(ctx)

    def run() -> None:
        from leaktrace.notify.service import default_senders, deliver

        notify_settings = NotifySettings.from_env(os.environ, base_url=settings.base_url)
        if not (settings.home / NOTIFY_DB_FILE).exists():
            document: dict[str, Any] = {"queued": 0, "sent": 0, "failed": 0, "rejected": 0}
            _show(document, as_json)
            return
        with _notifier(settings, notify_settings) as notifier:
            while True:
                senders = default_senders(notify_settings)
                queued, report = deliver(notifier, senders)
                for sender in senders.values():
                    sender.close()
                document = {"queued": queued, **report.to_json(), "channels": sorted(senders)}
                _show(document, as_json)
                if not loop:
                    return
                time.sleep(interval)

    guard(settings.debug, run)


@app.command("status")
def status_command(ctx: typer.Context, as_json: JsonOpt = False) -> None:
    """Subscribers per status, organisations, and the outbox (waiting, sent, refused)."""
    settings = settings_of(ctx)

    def run() -> None:
        from leaktrace.notify.outbox import summary
        from leaktrace.notify.subscriptions import counts

        if not (settings.home / NOTIFY_DB_FILE).exists():
            _show({"subscribers": None, "outbox": None}, as_json)
            return
        with _notifier(settings, NotifySettings(base_url=settings.base_url)) as notifier:
            with notifier.db.tx() as conn:
                outbox = summary(conn, notifier.clock())
            _show({"subscribers": counts(notifier), "outbox": outbox}, as_json)

    guard(settings.debug, run)


def _show(document: dict[str, Any], as_json: bool) -> None:
    if as_json:
        emit_json(document)
        return
    for name, value in document.items():
        if isinstance(value, dict):
            value = ", ".join(f"{k} {v}" for k, v in value.items())
        typer.echo(f"{name}: {value}")
