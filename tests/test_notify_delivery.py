"""The outbox against a real SMTP server that goes down and comes back: no loss, no duplicate,
backoff on an injected clock, permanent refusals, leases, the crash window, the SMS webhook."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path
from typing import Any

import pytest

from leaktrace.notify import NotifySettings, deliver
from leaktrace.notify.delivery import _claim, backoff
from leaktrace.notify.matching import match_new_breaches
from leaktrace.notify.outbox import Envelope, open_payload
from leaktrace.notify.senders import SmtpSender, WebhookSender
from leaktrace.notify.subscriptions import subscribe, unsubscribe, verify
from leaktrace.store import data_classes as dc
from tests.test_notify_stacks import api_stack, direct, outbox_rows
from tests.test_notify_support import (
    EMAIL,
    Clock,
    SmtpSink,
    add_breach,
    home_key,
    http_sink,
    smtp_sink,
    wait_until,
)

ADDRESSES = [EMAIL, "b@example.org", "c@example.org", "d@example.org"]
CLASSES = dc.to_mask([dc.EMAIL, dc.MEDICAL_RECORDS])


def _no_jitter() -> float:
    return 0.0


def test_backoff_doubles_and_is_capped() -> None:
    settings = NotifySettings(backoff_base=30, backoff_max=3600)
    assert [backoff(n, settings, 0.0) for n in (1, 2, 3, 4)] == [30, 60, 120, 240]
    assert backoff(50, settings, 0.0) == 3600
    assert backoff(1, settings, 0.999) < 30 * 1.25


def test_smtp_down_then_up_no_loss_no_duplicate(tmp_path: Path) -> None:
    home = tmp_path / "home"
    clock = Clock()
    sink = SmtpSink()  # not started: the relay is down
    with direct(home, clock, sink) as d:
        n = d.notifier
        for address in ADDRESSES:
            subscribe(n, "email", address)
        assert len(outbox_rows(n)) == 4
        _queued, report = deliver(n, jitter=_no_jitter)
        assert (report.sent, report.failed, report.paused) == (0, 3, ["email"])
        rows = outbox_rows(n)
        assert all(status == "pending" for _, status, *_ in rows)
        assert [attempts for _, _, attempts, *_ in rows] == [1, 1, 1, 0]
        assert rows[0][3] == pytest.approx(clock.now + 30)  # first retry after backoff_base
        # Nothing is due again before the backoff: a pass now tries only the untried one.
        _, report = deliver(n, jitter=_no_jitter)
        assert (report.sent, report.failed) == (0, 1)
        # Second failure: the delay doubles.
        clock.advance(31)
        _, report = deliver(n, jitter=_no_jitter)
        assert report.failed == 3
        assert outbox_rows(n)[0][3] == pytest.approx(clock.now + 60)

        sink.start()
        try:
            clock.advance(61)
            _, report = deliver(n, jitter=_no_jitter)
            assert (report.sent, report.failed) == (4, 0)
            clock.advance(10_000)
            _, report = deliver(n, jitter=_no_jitter)
            assert report.sent == 0
            assert sorted(m["To"] for m in sink.messages) == sorted(ADDRESSES)
            assert len({m["Message-ID"] for m in sink.messages}) == 4
            # Sent messages keep their idempotency key, not their content.
            assert all(status == "sent" and size == 0 for _, status, _, _, size in outbox_rows(n))
        finally:
            sink.stop()


def test_new_breach_notice_once_across_sweeps_and_replace(tmp_path: Path) -> None:
    home = tmp_path / "home"
    clock = Clock()
    with smtp_sink() as sink, direct(home, clock, sink) as d:
        n = d.notifier
        subscribe(n, "email", EMAIL)
        verify(n, d.tokens[-1])
        assert match_new_breaches(n) == 0
        add_breach(home, d.key, "Dump1", [("email", EMAIL), ("email", "z@example.org")], CLASSES)
        # No hook was called (as after a crash right after the ingest): the sweep catches it.
        queued, report = deliver(n)
        assert (queued, report.sent) == (1, 3)
        assert match_new_breaches(n) == 0
        # The same breach re-ingested under its name (--replace) is not news.
        d.store.delete_breach("Dump1")
        add_breach(home, d.key, "Dump1", [("email", EMAIL)], CLASSES)
        assert match_new_breaches(n) == 0
        subjects = [m["Subject"] for m in sink.to(EMAIL)]
        assert len(subjects) == 3
        assert "Dump1" in subjects[2]


def test_permanent_refusal_is_not_retried(tmp_path: Path) -> None:
    with smtp_sink() as sink, direct(tmp_path / "home", Clock(), sink) as d:
        sink.refuse.add("b@example.org")
        subscribe(d.notifier, "email", "b@example.org")
        subscribe(d.notifier, "email", "c@example.org")
        _, report = deliver(d.notifier)
        assert (report.sent, report.rejected) == (1, 1)
        statuses = [status for _, status, *_ in outbox_rows(d.notifier)]
        assert statuses == ["rejected", "sent"]


def test_lease_and_crash_window(tmp_path: Path) -> None:
    clock = Clock()
    with smtp_sink() as sink, direct(tmp_path / "home", clock, sink) as d:
        n = d.notifier
        subscribe(n, "email", EMAIL)
        # Another worker holds the message: this pass leaves it alone until the lease ends.
        assert _claim(n.db, ["email"], clock.now, n.settings.lease) is not None
        assert deliver(n)[1].sent == 0
        clock.advance(n.settings.lease + 1)

        # A crash after the relay accepted, before the row is marked sent...
        class Crashing(SmtpSender):
            def send(self, envelope: Envelope, message_id: str, date: float) -> None:
                super().send(envelope, message_id, date)
                raise SystemExit("killed")

        crashing = Crashing(n.settings.smtp, n.settings.sender)
        with pytest.raises(SystemExit):
            deliver(n, {"email": crashing})
        crashing.close()
        # ...sends again once the lease is over, with the same Message-ID.
        assert deliver(n)[1].sent == 0
        clock.advance(n.settings.lease + 1)
        assert deliver(n)[1].sent == 1
        ids = [m["Message-ID"] for m in sink.messages]
        assert len(ids) == 2
        assert ids[0] == ids[1]


def test_unsubscribe_cancels_waiting_messages(tmp_path: Path) -> None:
    with direct(tmp_path / "home", Clock(), None) as d:
        subscribe(d.notifier, "email", EMAIL)
        link = d.notifier.unsubscribe_url(d.notifier.sealer.lookup("email", EMAIL))
        unsubscribe(d.notifier, link.rpartition("=")[2])
        assert [(s, size) for _, s, _, _, size in outbox_rows(d.notifier)] == [("cancelled", 0)]
        assert d.notifier.db.read("SELECT length(address) FROM subscribers") == [(0,)]
        # Subscribing again later works: the address is sealed anew, the report reaches it.
        d.notifier.clock.advance(120)
        subscribe(d.notifier, "email", EMAIL)
        verify(d.notifier, d.tokens[-1])
        idem, channel, payload = d.notifier.db.read(
            "SELECT idem, channel, payload FROM outbox WHERE idem LIKE 'report:%'"
        )[0]
        assert open_payload(d.notifier.sealer, idem, channel, payload).to == EMAIL


def test_webhook_down_then_up(tmp_path: Path) -> None:
    clock = Clock()
    with http_sink() as gateway, direct(tmp_path / "home", clock, None) as d:
        n = d.notifier
        subscribe(n, "phone", "06 12 34 56 78")
        gateway.status = 503
        senders: dict[str, Any] = {"sms": WebhookSender(gateway.url)}
        assert deliver(n, senders, jitter=_no_jitter)[1].failed == 1
        gateway.status = 200
        clock.advance(31)
        assert deliver(n, senders, jitter=_no_jitter)[1].sent == 1
        assert deliver(n, senders)[1].sent == 0
        senders["sms"].close()
        [sms] = gateway.received
        assert sms["to"] == "+33612345678"
        assert d.codes[-1] in sms["text"]
        assert len(sms["id"]) == 32


def test_email_waits_without_relay(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home_key(home)
    with direct(home, Clock(), None) as d:
        subscribe(d.notifier, "email", EMAIL)
        _, report = deliver(d.notifier)
        assert (report.sent, report.failed) == (0, 0)
        assert [s for _, s, *_ in outbox_rows(d.notifier)] == ["pending"]


def test_api_retries_on_its_own(tmp_path: Path) -> None:
    """The API's courier: a failed first try, then its periodic loop once the relay is back."""
    clock = Clock()
    sink = SmtpSink()  # down
    with api_stack(tmp_path / "home", clock, sink, deliver_interval=0.05) as stack:
        assert stack.http.post("/v1/subscriptions", json={"email": EMAIL}).status_code == 202

        def attempts() -> int:
            with sqlite3.connect(stack.home / "notify.db") as conn:
                return int(conn.execute("SELECT max(attempts) FROM outbox").fetchone()[0])

        wait_until(lambda: attempts() == 1)  # the first try failed...
        time.sleep(0.2)  # ...and the loop does not retry before the backoff
        assert attempts() == 1
        sink.start()
        try:
            clock.advance(40)  # past the first backoff, jitter included
            wait_until(lambda: len(sink.messages) == 1)
            clock.advance(10_000)
            time.sleep(0.3)  # several more loop turns: still one message
            assert len(sink.messages) == 1
        finally:
            sink.stop()
