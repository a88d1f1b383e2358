"""The whole email flow over real HTTP and real SMTP: subscribe → verify → report → ingest (CLI)
→ one notice → unsubscribe; and nothing about the address anywhere it should not be."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from leaktrace.store import data_classes as dc
from tests.test_notify_stacks import api_stack
from tests.test_notify_support import (
    EMAIL,
    FORMS,
    PHONE,
    Clock,
    add_breach,
    grep_home,
    home_key,
    key_of,
    link_token,
    run_cli,
    smtp_sink,
    unsubscribe_link,
    wait_until,
)

LABO = dc.to_mask([dc.EMAIL, dc.PHONE, dc.NIR, dc.MEDICAL_RECORDS])
SECRET = dc.to_mask([dc.EMAIL, dc.MEDICAL_CONDITIONS])


def _home(tmp_path: Path) -> Path:
    home = tmp_path / "home"
    key = home_key(home)
    add_breach(home, key, "Labo2021", [("email", EMAIL), ("phone", PHONE)], LABO)
    add_breach(home, key, "SecretLab", [("email", EMAIL)], SECRET, sensitive=True)
    return home


def _leak(path: Path, emails: list[str]) -> Path:
    rows = ["email,nom,prenom"] + [f"{e},Nom{i},Prenom{i}" for i, e in enumerate(emails)]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_subscribe_verify_ingest_notify_unsubscribe(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    home = _home(tmp_path)
    outside = tmp_path / "leaks"
    outside.mkdir()
    with smtp_sink() as smtp, api_stack(home, Clock(), smtp) as stack:
        http = stack.http
        cli_env = {
            "LEAKTRACE_SMTP_URL": smtp.url,
            "LEAKTRACE_SMTP_FROM": "alerts@lt.test",
            "LEAKTRACE_BASE_URL": "http://lt.test",
        }
        # Subscribe: the answer says nothing about the address.
        answers = [
            http.post("/v1/subscriptions", json={"email": "  Jean.Dupont@Orange.FR "}),
            http.post("/v1/subscriptions", json={"email": "nobody@example.org"}),
            http.post("/v1/subscriptions", json={"email": EMAIL}),  # again, within a minute
        ]
        assert {a.status_code for a in answers} == {202}
        assert len({a.content for a in answers}) == 1
        assert answers[0].headers["cache-control"] == "no-store"
        wait_until(lambda: len(smtp.to(EMAIL)) == 1 and len(smtp.to("nobody@example.org")) == 1)
        verification = smtp.to(EMAIL)[0]
        body = smtp.body(verification)
        assert "Labo2021" not in body  # nothing about breaches before the address is proven
        assert verification["List-Unsubscribe"].startswith("<http://lt.test/v1/subscriptions/")
        token = link_token(body)

        # The sensitive breach is not in the public range answer...
        key = key_of(stack.key, "email", EMAIL).hex()
        entries = http.get(f"/v1/range/{key[:5]}").json()["entries"]
        assert {"suffix": key[5:], "breaches": ["Labo2021"]} in entries

        # ...but it is in the report sent once the address is proven.
        confirmed = http.get("/v1/subscriptions/verify", params={"token": token})
        assert confirmed.status_code == 200
        assert confirmed.json()["status"] == "confirmed"
        wait_until(lambda: len(smtp.to(EMAIL)) == 2)
        report = smtp.body(smtp.to(EMAIL)[1])
        assert "Labo2021" in report
        assert "SecretLab" in report
        assert "sensitive breach" in report
        assert "Medical conditions" in report
        assert "signal-spam.fr" in report  # advice for exposed email addresses
        assert "exam dates" in report  # advice for medical data
        again = http.get("/v1/subscriptions/verify", params={"token": token})
        assert again.status_code == 400
        assert again.json() == {"error": "invalid or expired token"}

        # A later ingest through the CLI: exactly one notice naming the new breach.
        leak = _leak(outside / "forum.csv", ["someone@example.org", EMAIL, "other@example.org"])
        ingest = run_cli(home, "ingest", str(leak), "--breach", "Forum2023", "--json", env=cli_env)
        assert ingest.returncode == 0, ingest.stderr
        assert json.loads(ingest.stdout)["notifications"] == 1
        first = run_cli(home, "notify", "deliver", "--json", env=cli_env)
        assert first.returncode == 0, first.stderr
        assert json.loads(first.stdout)["sent"] == 1
        second = run_cli(home, "notify", "deliver", "--json", env=cli_env)
        assert json.loads(second.stdout)["sent"] == 0
        mails = smtp.to(EMAIL)
        assert len(mails) == 3
        assert "Forum2023" in mails[2]["Subject"] or "Forum2023" in smtp.body(mails[2])
        assert "Labo2021" not in smtp.body(mails[2])

        # The unsubscribe link of that notice works; the next breach brings nothing.
        stop = http.get(unsubscribe_link(smtp.body(mails[2])))
        assert stop.status_code == 200
        assert stop.json() == {"status": "unsubscribed"}
        leak2 = _leak(outside / "repost.csv", [EMAIL, "x@example.org"])
        ingest2 = run_cli(home, "ingest", str(leak2), "--breach", "Repost", "--json", env=cli_env)
        assert json.loads(ingest2.stdout)["notifications"] == 0
        run_cli(home, "notify", "deliver", env=cli_env)
        assert len(smtp.to(EMAIL)) == 3
        status = json.loads(run_cli(home, "notify", "status", "--json").stdout)
        assert status["subscribers"]["unsubscribed"] == 1
        assert status["outbox"]["pending"] == 0

        outputs = [ingest, first, second, ingest2]
    # No identifier in the home folder, the logs, the answers or the CLI's output.
    assert grep_home(home) == []
    # What leaktrace and uvicorn logged (not the test's SMTP server and HTTP client).
    ours = [r for r in caplog.records if r.name.startswith(("leaktrace", "uvicorn"))]
    seen = "".join(r.getMessage() for r in ours) + "".join(stack.responses)
    seen += "".join(r.stdout + r.stderr for r in outputs)
    for form in FORMS:
        assert form not in seen
    assert (home / "notify.key").stat().st_mode & 0o777 == 0o600


def test_ingest_without_subscribers_creates_nothing(tmp_path: Path) -> None:
    home = tmp_path / "home"
    leak = _leak(tmp_path / "leak.csv", [EMAIL, "a@example.org"])
    result = run_cli(home, "ingest", str(leak), "--breach", "Solo", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["notifications"] == 0
    assert not (home / "notify.db").exists()
    assert not (home / "notify.key").exists()
