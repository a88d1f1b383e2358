"""Garbage on every notification endpoint: one JSON error (400, or 401 without an organisation
key), never echoing what was sent, and nothing changed in either database."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.test_notify_stacks import Stack, api_stack
from tests.test_notify_support import (
    EMAIL,
    PHONE,
    Clock,
    link_token,
    smtp_sink,
    wait_until,
)

MARK = "zq9mark"
DPO = "dpo@asso.example"
GOOD_TOKEN = "A" * 43
TAMPERED = "A" * 64


def _snapshot(home: Path) -> dict[str, list[Any]]:
    state: dict[str, list[Any]] = {}
    for name in ("notify.db", "leaktrace.db"):
        conn = sqlite3.connect(home / name)
        try:
            tables = [
                r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            ]
            for table in tables:
                state[f"{name}:{table}"] = sorted(conn.execute(f"SELECT * FROM {table}").fetchall())
        finally:
            conn.close()
    return state


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Stack, dict[str, str]]]:
    home = tmp_path_factory.mktemp("garbage") / "home"
    with smtp_sink() as smtp, api_stack(home, Clock(), smtp) as stack:
        stack.http.post("/v1/orgs", json={"name": "Asso", "email": DPO})
        wait_until(lambda: len(smtp.to(DPO)) == 1)
        token = link_token(smtp.body(smtp.to(DPO)[0]))
        api_key = stack.http.get("/v1/orgs/verify", params={"token": token}).json()["api_key"]
        stack.http.post("/v1/subscriptions", json={"email": EMAIL})
        wait_until(lambda: len(smtp.to(EMAIL)) == 1)

        def settled() -> bool:
            rows = _snapshot(home)["notify.db:outbox"]
            return all(row[5] == "sent" for row in rows)

        wait_until(settled)
        yield stack, {"Authorization": f"Bearer {api_key}"}


AUTH = "auth"  # stands for the organisation's real key in the table below
S, V, C, U = (
    "/v1/subscriptions",
    "/v1/subscriptions/verify",
    "/v1/subscriptions/verify-code",
    "/v1/subscriptions/unsubscribe",
)
BAD: list[tuple[str, str, Any, str | None, int]] = [
    ("POST", S, b"", None, 400),
    ("POST", S, b"{not json", None, 400),
    ("POST", S, b"\xff\xfe", None, 400),
    ("POST", S, [], None, 400),
    ("POST", S, {}, None, 400),
    ("POST", S, {"email": EMAIL, "phone": PHONE}, None, 400),
    ("POST", S, {"email": 5}, None, 400),
    ("POST", S, {"email": None}, None, 400),
    ("POST", S, {"email": MARK}, None, 400),
    ("POST", S, {"email": "a" * 5000 + "@" + MARK + ".org"}, None, 400),
    ("POST", S, {"phone": "12" + MARK}, None, 400),
    ("POST", S, {"phone": "0012"}, None, 400),
    ("POST", S, {"email": EMAIL, "lang": MARK}, None, 400),
    ("POST", S, {"email": EMAIL, MARK: 1}, None, 400),
    ("GET", V, None, None, 400),
    ("GET", V + "?token=", None, None, 400),
    ("GET", V + f"?token={MARK}", None, None, 400),
    ("GET", V + f"?token={GOOD_TOKEN}", None, None, 400),
    ("POST", C, {}, None, 400),
    ("POST", C, {"phone": PHONE}, None, 400),
    ("POST", C, {"phone": MARK, "code": "123456"}, None, 400),
    ("POST", C, {"phone": PHONE, "code": "12"}, None, 400),
    ("POST", C, {"phone": PHONE, "code": 123456}, None, 400),
    ("POST", C, {"phone": PHONE, "code": "123456", MARK: 1}, None, 400),
    ("GET", U, None, None, 400),
    ("GET", U + f"?token={MARK}", None, None, 400),
    ("GET", U + f"?token={TAMPERED}", None, None, 400),
    ("POST", U + f"?token={TAMPERED}", None, None, 400),
    ("POST", "/v1/orgs", {}, None, 400),
    ("POST", "/v1/orgs", {"name": "", "email": DPO}, None, 400),
    ("POST", "/v1/orgs", {"name": "a\nb", "email": DPO}, None, 400),
    ("POST", "/v1/orgs", {"name": "x" * 101, "email": DPO}, None, 400),
    ("POST", "/v1/orgs", {"name": "Asso", "email": MARK}, None, 400),
    ("POST", "/v1/orgs", {"name": ["Asso"], "email": DPO}, None, 400),
    ("GET", "/v1/orgs/verify", None, None, 400),
    ("GET", f"/v1/orgs/verify?token=lto_{GOOD_TOKEN}", None, None, 400),
    ("POST", "/v1/orgs/members", {"members": [{"email": EMAIL}]}, None, 401),
    ("POST", "/v1/orgs/members", {"members": [{"email": EMAIL}]}, MARK, 401),
    ("GET", "/v1/orgs/report", None, None, 401),
    ("POST", "/v1/orgs/notify", None, "lto_" + GOOD_TOKEN, 401),
    ("DELETE", "/v1/orgs/members", None, None, 401),
    ("POST", "/v1/orgs/members", b"[", AUTH, 400),
    ("POST", "/v1/orgs/members", {}, AUTH, 400),
    ("POST", "/v1/orgs/members", {"members": []}, AUTH, 400),
    ("POST", "/v1/orgs/members", {"members": MARK}, AUTH, 400),
    ("POST", "/v1/orgs/members", {"members": [1]}, AUTH, 400),
    ("POST", "/v1/orgs/members", {"members": [{}]}, AUTH, 400),
    ("POST", "/v1/orgs/members", {"members": [{MARK: EMAIL}]}, AUTH, 400),
    ("POST", "/v1/orgs/members", {"members": [{"email": EMAIL}, {"nir": MARK}]}, AUTH, 400),
    ("POST", "/v1/orgs/members", {"members": [{"email": EMAIL}, {"phone": 1}]}, AUTH, 400),
    ("POST", "/v1/orgs/members", {"members": [{"nir": "185057800608491"}] * 1001}, AUTH, 400),
    ("POST", "/v1/orgs/members", {"members": [{"email": EMAIL}], "x": 1}, AUTH, 400),
]


@pytest.mark.parametrize(("method", "path", "body", "auth", "status"), BAD)
def test_garbage_is_refused_and_changes_nothing(
    stack: tuple[Stack, dict[str, str]],
    method: str,
    path: str,
    body: Any,
    auth: str | None,
    status: int,
) -> None:
    api, org_headers = stack
    headers = dict(org_headers) if auth == AUTH else {}
    if auth not in (None, AUTH):
        headers["Authorization"] = f"Bearer {auth}"
    before = _snapshot(api.home)
    if isinstance(body, bytes):
        headers["Content-Type"] = "application/json"
        response = api.http.request(method, path, content=body, headers=headers)
    elif body is None:
        response = api.http.request(method, path, headers=headers)
    else:
        response = api.http.request(method, path, json=body, headers=headers)
    assert response.status_code == status
    document = response.json()
    assert list(document) == ["error"]
    assert document["error"]
    assert "\n" not in document["error"]
    assert MARK not in response.text
    assert EMAIL not in response.text
    assert response.headers["cache-control"] == "no-store"
    assert _snapshot(api.home) == before
