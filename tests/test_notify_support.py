"""Shared pieces of the notification tests (no test here): a real SMTP server (aiosmtpd) and an
HTTP sink on loopback, an injectable clock, homes with breaches, the app on uvicorn."""

from __future__ import annotations

import email
import email.policy
import json
import os
import re
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.message import EmailMessage
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from leaktrace.config import RateLimit, Settings
from leaktrace.crypto import ServerKey, index_key, load_or_create_key, oprf
from leaktrace.identifiers import encode
from leaktrace.notify import NotifySettings, SmtpConfig
from leaktrace.store import SQLiteStore
from tests._servers import free_port
from tests.conftest import make_breach

try:
    from aiosmtpd.controller import Controller
    from aiosmtpd.smtp import SMTP, Envelope, Session
except ImportError:  # pragma: no cover - depends on the machine
    if os.environ.get("CI"):
        raise
    pytest.skip("aiosmtpd is not installed (pip install -e '.[dev]')", allow_module_level=True)

ENV = {k: v for k, v in os.environ.items() if not k.startswith("LEAKTRACE_")}
EMAIL = "jean.dupont@orange.fr"
PHONE = "+33612345678"
# Every written form of the identifiers above that must never reach disk, a log or an answer.
FORMS = ("jean.dupont", "orange.fr", "612345678", "06 12 34 56 78")
TOKEN = re.compile(r"token=([A-Za-z0-9_-]+)")


def wait_until(condition: Callable[[], bool], timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail("condition not reached in time")
        time.sleep(0.02)


class Clock:
    """An injectable clock: starts now, moves only when told."""

    def __init__(self) -> None:
        self.now = time.time()

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


class _Collect:
    """aiosmtpd handler: keeps every accepted message; refuses recipients in ``refuse``."""

    def __init__(self, sink: SmtpSink) -> None:
        self.sink = sink

    async def handle_RCPT(
        self, server: SMTP, session: Session, envelope: Envelope, address: str, options: Any
    ) -> str:
        if address in self.sink.refuse:
            return "550 5.1.1 no such mailbox"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        raw = envelope.original_content or b""
        message = email.message_from_bytes(raw, policy=email.policy.default)
        assert isinstance(message, EmailMessage)
        with self.sink.lock:
            self.sink.messages.append(message)
        return "250 Message accepted"


@dataclass
class SmtpSink:
    """A real SMTP server on loopback (``start``/``stop`` to simulate an outage)."""

    port: int = field(default_factory=free_port)
    messages: list[EmailMessage] = field(default_factory=list)
    refuse: set[str] = field(default_factory=set)
    lock: threading.Lock = field(default_factory=threading.Lock)
    controller: Any = None

    @property
    def url(self) -> str:
        return f"smtp://127.0.0.1:{self.port}"

    def start(self) -> None:
        self.controller = Controller(_Collect(self), hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None

    def to(self, address: str) -> list[EmailMessage]:
        with self.lock:
            return [m for m in self.messages if m["To"] == address]

    def body(self, message: EmailMessage) -> str:
        part = message.get_body(("plain",))
        assert part is not None
        return str(part.get_content())


@contextmanager
def smtp_sink() -> Iterator[SmtpSink]:
    sink = SmtpSink()
    sink.start()
    try:
        yield sink
    finally:
        sink.stop()


@dataclass
class HttpSink:
    """An SMS gateway stand-in: records JSON POST bodies, answers ``status``."""

    status: int = 200
    received: list[dict[str, Any]] = field(default_factory=list)
    url: str = ""


@contextmanager
def http_sink() -> Iterator[HttpSink]:
    sink = HttpSink()

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("content-length", "0")))
            if sink.status == 200:
                sink.received.append(json.loads(body))
            self.send_response(sink.status)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, format: str, *args: Any) -> None:
            pass  # the default prints client addresses to stderr

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    sink.url = f"http://127.0.0.1:{server.server_address[1]}/sms"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield sink
    finally:
        server.shutdown()
        server.server_close()


def key_of(key: ServerKey, kind: str, value: str) -> bytes:
    return index_key(oprf.evaluate(key.secret, encode(kind, value)))


def add_breach(
    home: Path,
    key: ServerKey,
    name: str,
    people: list[tuple[str, str]],
    classes: int,
    *,
    sensitive: bool = False,
    masks: dict[str, int] | None = None,
) -> None:
    """A breach written straight into the home's store (the CLI path has its own test);
    ``masks`` gives some identifiers other data classes than ``classes``."""
    masks = masks or {}
    store = SQLiteStore(home / "leaktrace.db")
    try:
        store.bind_key(key.key_id)
        with store.ingest(make_breach(name, sensitive=sensitive)) as writer:
            writer.add(
                [(key_of(key, k, v), masks.get(v, classes)) for k, v in people],
            )
            writer.finish(len(people), classes | _union(masks.values()))
    finally:
        store.close()


def _union(masks: Any) -> int:
    result = 0
    for mask in masks:
        result |= mask
    return result


def settings_for(home: Path) -> Settings:
    return Settings(home=home, rate_limit=RateLimit(600_000, 1000), base_url="http://lt.test")


def notify_settings(smtp: SmtpSink | None, sms: HttpSink | None = None) -> NotifySettings:
    return NotifySettings(
        base_url="http://lt.test",
        smtp=SmtpConfig("127.0.0.1", smtp.port, timeout=5) if smtp else None,
        sender="alerts@lt.test",
        sms_webhook=sms.url if sms else None,
        deliver_interval=0,
        org_threshold=2,
    )


def home_key(home: Path) -> ServerKey:
    return load_or_create_key(home)


def run_cli(home: Path, *args: str, env: dict[str, str] | None = None) -> Any:
    result = subprocess.run(
        [sys.executable, "-m", "leaktrace", "--home", str(home), *args],
        capture_output=True,
        text=True,
        env={**ENV, **(env or {})},
        timeout=120,
    )
    return result


def grep_home(home: Path, forms: tuple[str, ...] = FORMS) -> list[str]:
    hits = []
    for path in home.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            hits += [f"{path.name}: {f}" for f in forms if f.encode() in data]
    return hits


def link_token(body: str) -> str:
    match = TOKEN.search(body)
    assert match, "no link in the message"
    return match.group(1)


def unsubscribe_link(body: str) -> str:
    match = re.search(r"http://lt\.test(/v1/subscriptions/unsubscribe\?token=[A-Za-z0-9_-]+)", body)
    assert match, "no unsubscribe link in the message"
    return match.group(1)
