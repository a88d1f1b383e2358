"""The notification stacks the tests drive (no test here): the app with the notify router on
uvicorn, and a Notifier used directly, each on a home with an injected clock."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from leaktrace.api import create_app
from leaktrace.crypto import ServerKey
from leaktrace.notify import open_notifier
from leaktrace.notify.tokens import new_code, new_token
from leaktrace.store import SQLiteStore
from tests._servers import serve_in_thread
from tests.test_notify_support import (
    Clock,
    HttpSink,
    SmtpSink,
    home_key,
    notify_settings,
    settings_for,
)


@dataclass
class Stack:
    """The app (create_app + the notify router) on uvicorn, with what it was built from."""

    home: Path
    key: ServerKey
    store: SQLiteStore
    clock: Clock
    http: Any
    responses: list[str] = field(default_factory=list)


@contextmanager
def api_stack(
    home: Path,
    clock: Clock,
    smtp: SmtpSink | None,
    sms: HttpSink | None = None,
    **overrides: Any,
) -> Iterator[Stack]:
    key = home_key(home)
    store = SQLiteStore(home / "leaktrace.db")
    settings = settings_for(home)
    chosen = dataclasses.replace(notify_settings(smtp, sms), **overrides)
    app = create_app(
        settings, store, key, notify_options={"notify_settings": chosen, "clock": clock}
    )
    responses: list[str] = []

    def keep(response: httpx.Response) -> None:
        response.read()
        responses.append(response.text)

    try:
        with (
            serve_in_thread(app) as url,
            httpx.Client(base_url=url, event_hooks={"response": [keep]}) as http,
        ):
            yield Stack(home, key, store, clock, http, responses)
    finally:
        store.close()


@dataclass
class Direct:
    """A Notifier on a home, with the secrets it handed out (tokens, codes) kept for the test."""

    notifier: Any
    store: SQLiteStore
    key: ServerKey
    tokens: list[str] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)


@contextmanager
def direct(home: Path, clock: Clock, smtp: SmtpSink | None, **overrides: Any) -> Iterator[Direct]:
    key = home_key(home)
    store = SQLiteStore(home / "leaktrace.db")
    store.bind_key(key.key_id)
    chosen = dataclasses.replace(notify_settings(smtp), **overrides)
    notifier = open_notifier(home, store, key, chosen, clock=clock)
    kept = Direct(notifier, store, key)

    def token() -> str:
        kept.tokens.append(new_token())
        return kept.tokens[-1]

    def code() -> str:
        kept.codes.append(new_code())
        return kept.codes[-1]

    notifier.new_token = token
    notifier.new_code = code
    try:
        yield kept
    finally:
        notifier.close()
        store.close()


def outbox_rows(notifier: Any) -> list[tuple[Any, ...]]:
    return list(
        notifier.db.read(
            "SELECT idem, status, attempts, next_attempt, length(payload) FROM outbox ORDER BY id"
        )
    )
