"""Group monitoring over HTTP: an organisation confirmed by mail, member uploads, aggregate counts
(never a member), and per-member notices to the exposed address only."""

from __future__ import annotations

from pathlib import Path

from leaktrace.store import data_classes as dc
from tests.test_notify_stacks import api_stack
from tests.test_notify_support import (
    Clock,
    add_breach,
    grep_home,
    home_key,
    http_sink,
    link_token,
    run_cli,
    smtp_sink,
    unsubscribe_link,
    wait_until,
)

M = [f"member{i}@asso.example" for i in range(7)]
PHONE4 = "+33611223344"
NIR1 = "185057800608491"
NIR5 = "269054958815780"
LABO = dc.to_mask([dc.EMAIL, dc.MEDICAL_RECORDS])
SECRET = dc.to_mask([dc.NIR, dc.MEDICAL_CONDITIONS])
DPO = "dpo@asso.example"


def _home(tmp_path: Path) -> Path:
    home = tmp_path / "home"
    key = home_key(home)
    labo = [("email", M[1]), ("email", M[2]), ("email", M[3]), ("phone", PHONE4)]
    add_breach(home, key, "Labo2021", labo, LABO, masks={PHONE4: dc.to_mask([dc.PHONE])})
    secret = [("email", M[1]), ("email", M[2]), ("nir", NIR5), ("nir", NIR1)]
    add_breach(home, key, "SecretLab", secret, SECRET, sensitive=True)
    add_breach(home, key, "Tiny", [("email", M[6])], dc.to_mask([dc.EMAIL]))
    return home


def test_group_monitoring(tmp_path: Path) -> None:
    home = _home(tmp_path)
    with (
        smtp_sink() as smtp,
        http_sink() as gateway,
        api_stack(home, Clock(), smtp, gateway) as stack,
    ):
        http = stack.http
        created = http.post("/v1/orgs", json={"name": "Association Victimes", "email": DPO})
        assert created.status_code == 202
        wait_until(lambda: len(smtp.to(DPO)) == 1)
        assert "Association Victimes" in smtp.to(DPO)[0]["Subject"]
        token = link_token(smtp.body(smtp.to(DPO)[0]))
        confirmed = http.get("/v1/orgs/verify", params={"token": token}).json()
        assert confirmed["status"] == "active"
        api_key = confirmed["api_key"]
        assert api_key.startswith("lto_")
        assert http.get("/v1/orgs/verify", params={"token": token}).status_code == 400
        auth = {"Authorization": f"Bearer {api_key}"}

        for headers in ({}, {"Authorization": "Bearer lto_" + "x" * 43}, {"Authorization": "x"}):
            refused = http.get("/v1/orgs/report", headers=headers)
            assert refused.status_code == 401
            assert list(refused.json()) == ["error"]

        members = [
            {"email": M[1], "nir": NIR1},
            {"email": M[2]},
            {"email": M[3].upper()},
            {"phone": "06 11 22 33 44"},
            {"email": M[5], "nir": "2 69 05 49 588 157 80"},
            {"email": M[6]},
            {"nir": "1 85 05 78 006 084 91"},  # no contact: counted, never written to
        ]
        uploaded = http.post("/v1/orgs/members", json={"members": members}, headers=auth)
        assert uploaded.json() == {"received": 7, "members": 7}

        report = http.get("/v1/orgs/report", headers=auth).json()
        assert report["members"] == 7
        assert report["threshold"] == 2
        by_name = {b["Name"]: b for b in report["breaches"]}
        assert set(by_name) == {"Labo2021", "SecretLab"}  # Tiny: one member, not shown
        assert by_name["Labo2021"]["members"] == 4
        assert by_name["Labo2021"]["DataClasses"] == {
            "Email addresses": 3,
            "Phone numbers": None,  # one member: below the threshold
            "Medical records": 3,
        }
        # Members 1 and 7 share a NIR: the member list counts them once each anyway.
        assert by_name["SecretLab"]["members"] == 4
        assert by_name["SecretLab"]["IsSensitive"] is True

        assert http.post("/v1/orgs/notify", headers=auth).status_code == 202
        wait_until(lambda: len(smtp.to(M[1])) == 1 and len(gateway.received) == 1)
        wait_until(lambda: len(smtp.to(M[6])) == 1)
        first = smtp.body(smtp.to(M[1])[0])
        assert "Association Victimes" in first
        assert "Labo2021" in first
        assert "SecretLab" in first
        assert "Labo2021" in gateway.received[0]["text"]
        assert gateway.received[0]["to"] == PHONE4
        assert "SecretLab" not in smtp.body(smtp.to(M[3])[0])
        # Member 5 is in SecretLab through a NIR the organisation stated, not its address: silent.
        assert smtp.to(M[5]) == []

        # Uploading again changes nothing and sends nothing.
        again = http.post("/v1/orgs/members", json={"members": members}, headers=auth).json()
        assert again == {"received": 7, "members": 7}

        # Member 3 opts out; a later breach reaches member 2 only, once.
        assert http.get(unsubscribe_link(smtp.body(smtp.to(M[3])[0]))).status_code == 200
        add_breach(home, stack.key, "Later", [("email", M[2]), ("email", M[3])], LABO)
        env = {"LEAKTRACE_SMTP_URL": smtp.url, "LEAKTRACE_BASE_URL": "http://lt.test"}
        # The API's courier (kicked by the re-upload) may race this CLI pass: once either way.
        assert run_cli(home, "notify", "deliver", env=env).returncode == 0

        def later(address: str) -> int:
            return sum(m["Subject"].endswith("Later title") for m in smtp.to(address))

        wait_until(lambda: later(M[2]) == 1)
        total = len(smtp.messages)
        run_cli(home, "notify", "deliver", env=env)
        assert len(smtp.messages) == total
        assert later(M[2]) == 1
        assert later(M[3]) == 0

        assert http.delete("/v1/orgs/members", headers=auth).json() == {"members": 0}
        assert http.get("/v1/orgs/report", headers=auth).json()["breaches"] == []
        answers = "".join(stack.responses)
    for address in (*M, DPO, "611223344", NIR1, NIR5):
        assert address not in answers
    assert grep_home(home, (*M, DPO, "asso.example", "611223344", NIR1, NIR5)) == []
