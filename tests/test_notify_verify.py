"""One-time secrets over HTTP: expired and reused email tokens; the phone flow with its SMS code
through a local gateway sink (wrong, expired, exhausted and reused codes)."""

from __future__ import annotations

import re
from pathlib import Path

from leaktrace.store import data_classes as dc
from tests.test_notify_stacks import api_stack
from tests.test_notify_support import (
    EMAIL,
    PHONE,
    Clock,
    add_breach,
    home_key,
    http_sink,
    link_token,
    smtp_sink,
    wait_until,
)

CODE = re.compile(r"\b([0-9]{6})\b")
CLASSES = dc.to_mask([dc.PHONE, dc.MEDICAL_RECORDS])


def test_expired_and_reused_email_tokens(tmp_path: Path) -> None:
    home = tmp_path / "home"
    clock = Clock()
    with smtp_sink() as smtp, api_stack(home, clock, smtp) as stack:
        http = stack.http
        assert http.post("/v1/subscriptions", json={"email": EMAIL}).status_code == 202
        wait_until(lambda: len(smtp.to(EMAIL)) == 1)
        stale = link_token(smtp.body(smtp.to(EMAIL)[0]))
        clock.advance(24 * 3600 + 1)
        expired = http.get("/v1/subscriptions/verify", params={"token": stale})
        assert expired.status_code == 400
        assert expired.json() == {"error": "invalid or expired token"}
        # Asking again sends a new link; the old one stays dead, the new one works once.
        assert http.post("/v1/subscriptions", json={"email": EMAIL}).status_code == 202
        wait_until(lambda: len(smtp.to(EMAIL)) == 2)
        fresh = link_token(smtp.body(smtp.to(EMAIL)[1]))
        assert fresh != stale
        assert http.get("/v1/subscriptions/verify", params={"token": stale}).status_code == 400
        assert http.get("/v1/subscriptions/verify", params={"token": fresh}).status_code == 200
        reused = http.get("/v1/subscriptions/verify", params={"token": fresh})
        assert reused.status_code == 400
        assert reused.json() == {"error": "invalid or expired token"}
        wait_until(lambda: len(smtp.to(EMAIL)) == 3)  # the report, once
        assert "0 breach" in smtp.to(EMAIL)[2]["Subject"]


def test_phone_flow_with_sms_gateway(tmp_path: Path) -> None:
    home = tmp_path / "home"
    add_breach(home, home_key(home), "Labo2021", [("phone", PHONE)], CLASSES, sensitive=True)
    clock = Clock()
    with http_sink() as gateway, api_stack(home, clock, None, gateway) as stack:
        http = stack.http

        def code_sent(count: int) -> str:
            wait_until(lambda: len(gateway.received) == count)
            match = CODE.search(gateway.received[-1]["text"])
            assert match
            return match.group(1)

        assert http.post("/v1/subscriptions", json={"phone": "06 12 34 56 78"}).status_code == 202
        code = code_sent(1)
        assert gateway.received[0]["to"] == PHONE
        assert "/v1/subscriptions/unsubscribe?token=" in gateway.received[0]["text"]
        wrong = f"{(int(code) + 1) % 1_000_000:06d}"
        bad = http.post("/v1/subscriptions/verify-code", json={"phone": PHONE, "code": wrong})
        assert bad.status_code == 400
        assert bad.json() == {"error": "invalid or expired code"}
        body = {"phone": "+33 6 12 34 56 78", "code": code}
        assert http.post("/v1/subscriptions/verify-code", json=body).status_code == 200
        wait_until(lambda: len(gateway.received) == 2)
        report = gateway.received[1]["text"]
        assert "Labo2021" in report  # the sensitive breach, to the proven phone
        assert "33700" in report  # phone advice
        reused = http.post("/v1/subscriptions/verify-code", json=body)
        assert reused.status_code == 400

        # Another phone: its code expires in minutes...
        other = "+33698765432"
        http.post("/v1/subscriptions", json={"phone": other})
        late = code_sent(3)
        clock.advance(10 * 60 + 1)
        body = {"phone": other, "code": late}
        assert http.post("/v1/subscriptions/verify-code", json=body).status_code == 400
        # ...and dies after five wrong tries, even if the right one comes next.
        http.post("/v1/subscriptions", json={"phone": other})
        right = code_sent(4)
        wrong = f"{(int(right) + 1) % 1_000_000:06d}"
        for _ in range(5):
            body = {"phone": other, "code": wrong}
            assert http.post("/v1/subscriptions/verify-code", json=body).status_code == 400
        body = {"phone": other, "code": right}
        assert http.post("/v1/subscriptions/verify-code", json=body).status_code == 400
        assert len(gateway.received) == 4  # no report for the unproven phone
