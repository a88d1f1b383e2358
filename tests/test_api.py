"""The /v1 API over real HTTP: ``leaktrace serve`` on loopback, the CLI and the Client on it."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest

from leaktrace.api import create_app
from leaktrace.config import Settings
from leaktrace.crypto import ServerKey, index_key, load_or_create_key, oprf
from leaktrace.errors import InputError, LeaktraceError, NotFoundError, StoreError
from leaktrace.identifiers import encode
from leaktrace.lookup import Client
from leaktrace.lookup.http import HttpTransport
from leaktrace.store import SQLiteStore
from leaktrace.store import data_classes as dc
from tests._servers import free_port, serve_in_thread
from tests.conftest import make_breach

ENV = {k: v for k, v in os.environ.items() if not k.startswith("LEAKTRACE_")}
PHONE = ("phone", "+33612345678")
NIR = ("nir", "185057800608491")
EMAIL = ("email", "jean.dupont@orange.fr")
SECRET = ("phone", "+33698765432")  # only in a sensitive breach
ABSENT = ("phone", "+33611111111")
FORMS = ("612345678", "185057800608491", "jean.dupont", "698765432", "611111111")
HEX64 = re.compile(r"[0-9a-f]{64}")


def key_hex(key: ServerKey, identifier: tuple[str, str]) -> str:
    return index_key(oprf.evaluate(key.secret, encode(*identifier))).hex()


def blinded(count: int, start: int = 0) -> list[str]:
    return [
        oprf.blind(f"phone:+336{i:08d}".encode()).blinded_element.hex()
        for i in range(start, start + count)
    ]


def make_home(home: Path) -> ServerKey:
    """A home with Labo2021 (phone, NIR, email) and the sensitive Secret (another phone)."""
    key = load_or_create_key(home)
    store = SQLiteStore(home / "leaktrace.db")
    store.bind_key(key.key_id)
    classes = dc.to_mask([dc.PHONE, dc.NIR, dc.EMAIL, dc.MEDICAL_RECORDS])
    for name, ids, sensitive in (
        ("Labo2021", [PHONE, NIR, EMAIL], False),
        ("Secret", [SECRET], True),
    ):
        with store.ingest(make_breach(name, sensitive=sensitive)) as writer:
            writer.add([(bytes.fromhex(key_hex(key, i)), classes) for i in ids])
            writer.finish(len(ids), classes)
    store.close()
    return key


@dataclass
class Served:
    url: str
    log: Path

    def log_text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


def _wait_ready(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"server exited: {log.read_text(errors='replace')}")
        try:
            if httpx.get(url + "/openapi.json", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.1)
    pytest.fail("server did not start in 30 s")


@contextmanager
def serve(home: Path, log: Path, *args: str) -> Iterator[Served]:
    """``leaktrace --home HOME serve`` in a subprocess on a free port, output into ``log``."""
    port = free_port()
    command = [sys.executable, "-m", "leaktrace", "--home", str(home), "serve"]
    with open(log, "wb") as sink:
        process = subprocess.Popen(
            [*command, "--port", str(port), *args], stdout=sink, stderr=subprocess.STDOUT, env=ENV
        )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_ready(url, process, log)
        yield Served(url, log)
    finally:
        process.terminate()
        try:
            process.wait(15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def run_cli(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "leaktrace", "--home", str(home), *args],
        capture_output=True,
        text=True,
        env=ENV,
        timeout=60,
    )


@dataclass
class Seen:
    """Every request body sent and response body received by the recording client."""

    sent: list[str] = field(default_factory=list)
    received: list[str] = field(default_factory=list)


@dataclass
class World:
    home: Path
    key: ServerKey
    server: Served
    http: httpx.Client
    seen: Seen


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    home = tmp_path_factory.mktemp("api-home")
    key = make_home(home)
    seen = Seen()

    def on_response(response: httpx.Response) -> None:
        response.read()
        seen.received.append(response.text)

    hooks = {
        "request": [lambda request: seen.sent.append(request.content.decode(errors="replace"))],
        "response": [on_response],
    }
    log = tmp_path_factory.mktemp("api-log") / "server.log"
    with (
        serve(home, log, "--rate-limit", "600000/1000") as server,
        httpx.Client(base_url=server.url, event_hooks=hooks) as http,  # type: ignore[arg-type]
    ):
        yield World(home, key, server, http, seen)


def test_openapi(world: World) -> None:
    doc = world.http.get("/openapi.json").json()
    assert set(doc["paths"]) >= {
        "/v1/oprf/evaluate",
        "/v1/range/{prefix}",
        "/v1/breaches",
        "/v1/breaches/{name}",
        "/v1/phish",
    }
    schemas = doc["components"]["schemas"]
    for name in ("EvaluateRequest", "EvaluateResponse", "RangeResponse", "BreachModel"):
        assert name in schemas
    assert schemas["EvaluateRequest"]["properties"]["blinded"]["maxItems"] == 64
    post = doc["paths"]["/v1/oprf/evaluate"]["post"]
    assert "429" in post["responses"]
    assert post["requestBody"]["content"]["application/json"]["schema"]["$ref"].endswith(
        "EvaluateRequest"
    )


def test_client_over_http(world: World) -> None:
    with HttpTransport(world.server.url, client=world.http) as transport:
        results = Client(transport).check([PHONE, NIR, EMAIL, SECRET, ABSENT])
    assert [[b["Name"] for b in r.breaches] for r in results] == [["Labo2021"]] * 3 + [[], []]
    assert results[0].breaches[0]["IsSensitive"] is False


def test_cli_check_server(world: World, tmp_path: Path) -> None:
    empty_home = tmp_path / "client-home"
    args = ("check", "--server", world.server.url, "--phone", "06 12 34 56 78", "--nir")
    result = run_cli(empty_home, *args, NIR[1], "--json", "--lang", "fr")
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["exposed"] is True
    assert [b["Name"] for r in doc["results"] for b in r["breaches"]] == ["Labo2021"] * 2
    ids = [a["id"] for a in doc["advice"]]
    assert {"nir-insurer-lures", "phone-smishing", "phone-report-33700"} <= set(ids)
    assert "Assurance Maladie" in doc["advice"][0]["text"]
    assert not empty_home.exists()  # a remote check needs no key and no store
    server = ("check", "--lang", "en", "--server", world.server.url)
    human = run_cli(empty_home, *server, "--phone", PHONE[1])
    assert "found in 1 breach" in human.stdout
    assert "33700" in human.stdout
    absent = run_cli(empty_home, *server, "--phone", ABSENT[1])
    assert "not found" in absent.stdout


def test_range_padding_and_sensitive_breach(world: World) -> None:
    real = key_hex(world.key, PHONE)
    doc = world.http.get(f"/v1/range/{real[:5]}").json()
    assert doc["prefix"] == real[:5]
    assert len(doc["entries"]) >= 64
    assert {"suffix": real[5:], "breaches": ["Labo2021"]} in doc["entries"]
    assert all(re.fullmatch(r"[0-9a-f]{27}", e["suffix"]) for e in doc["entries"])
    secret = key_hex(world.key, SECRET)
    body = world.http.get(f"/v1/range/{secret[:5].upper()}").text
    assert "Secret" not in body
    assert secret[5:] not in body
    assert len(json.loads(body)["entries"]) == 64


def test_etag_and_304(world: World) -> None:
    first = world.http.get("/v1/range/00000")
    etag = first.headers["etag"]
    assert etag.startswith('"')
    assert first.headers["cache-control"].startswith("public, max-age=")
    again = world.http.get("/v1/range/00000", headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.content == b""
    assert again.headers["etag"] == etag
    weak = world.http.get("/v1/range/00000", headers={"If-None-Match": f'"x", W/{etag}'})
    assert weak.status_code == 304
    other = world.http.get("/v1/range/00000", headers={"If-None-Match": '"other"'})
    assert other.status_code == 200
    assert other.content == first.content
    catalogue = world.http.get("/v1/breaches")
    tag = catalogue.headers["etag"]
    assert world.http.get("/v1/breaches", headers={"If-None-Match": tag}).status_code == 304
    assert [b["Name"] for b in catalogue.json()] == ["Labo2021", "Secret"]
    assert world.http.get("/v1/breaches/Labo2021").json()["Name"] == "Labo2021"


MARK = "0699887766"  # looks like a phone number: must never come back
_GOOD = blinded(65)
BAD_REQUESTS: list[tuple[str, str, Any, dict[str, str], int]] = [
    ("POST", "/v1/oprf/evaluate", b"\x00\xff" + MARK.encode(), {}, 400),
    ("POST", "/v1/oprf/evaluate", b'{"blinded": ["' + MARK.encode(), {}, 400),
    ("POST", "/v1/oprf/evaluate", b"", {}, 400),
    ("POST", "/v1/oprf/evaluate", b"[]", {}, 400),
    ("POST", "/v1/oprf/evaluate", json.dumps(MARK), {}, 400),
    ("POST", "/v1/oprf/evaluate", {"blinded": MARK}, {}, 400),
    ("POST", "/v1/oprf/evaluate", {"blinded": None}, {}, 400),
    ("POST", "/v1/oprf/evaluate", {"blinded": [int(MARK)]}, {}, 400),
    ("POST", "/v1/oprf/evaluate", {"blinded": []}, {}, 400),
    ("POST", "/v1/oprf/evaluate", {"blinded": _GOOD}, {}, 400),  # 65 elements
    ("POST", "/v1/oprf/evaluate", {"blinded": [MARK * 6 + "zzzz"]}, {}, 400),  # 64, not hex
    ("POST", "/v1/oprf/evaluate", {"blinded": ["zz" * 32]}, {}, 400),
    ("POST", "/v1/oprf/evaluate", {"blinded": ["00" * 32]}, {}, 400),  # identity
    ("POST", "/v1/oprf/evaluate", {"blinded": [_GOOD[0], "ff" * 32]}, {}, 400),
    ("POST", "/v1/oprf/evaluate", {"blinded": _GOOD[:1], MARK: 1}, {}, 400),
    ("POST", "/v1/oprf/evaluate", b"x" * 100_000, {}, 413),
    ("POST", "/v1/oprf/evaluate", {"blinded": _GOOD[:1]}, {"Authorization": "Bearer " + MARK}, 401),
    ("POST", "/v1/oprf/evaluate", {"blinded": _GOOD[:1]}, {"Authorization": MARK}, 401),
    ("GET", "/v1/oprf/evaluate", None, {}, 405),
    ("GET", "/v1/range/abcd", None, {}, 400),
    ("GET", "/v1/range/abcdef", None, {}, 400),
    ("GET", "/v1/range/zzzzz", None, {}, 400),
    ("GET", f"/v1/range/{MARK}", None, {}, 400),
    ("GET", "/v1/range/..%2F..%2Fetc%2Fpasswd", None, {}, 404),
    ("GET", "/v1/range/", None, {}, 404),
    ("GET", "/v1/breaches/Unknown", None, {}, 404),
    ("GET", f"/v1/breaches/{MARK}", None, {}, 404),
    ("GET", "/v1/breaches/..%2F..%2Fleaktrace.db", None, {}, 404),
    ("GET", "/v1/breaches/.." + MARK, None, {}, 400),
    ("GET", "/v1/breaches/" + "a" * 300, None, {}, 400),
    ("DELETE", "/v1/breaches/Labo2021", None, {}, 405),
    ("GET", f"/{MARK}", None, {}, 404),
]


@pytest.mark.parametrize(("method", "path", "body", "headers", "status"), BAD_REQUESTS)
def test_bad_input(
    world: World, method: str, path: str, body: Any, headers: dict[str, str], status: int
) -> None:
    before = [world.http.get(p).content for p in ("/v1/breaches", "/v1/range/00000")]
    if isinstance(body, bytes | str):
        headers = {"Content-Type": "application/json", **headers}
        response = world.http.request(method, path, content=body, headers=headers)
    else:
        response = world.http.request(method, path, json=body, headers=headers)
    assert response.status_code == status
    doc = response.json()
    assert list(doc) == ["error"]
    assert isinstance(doc["error"], str)
    assert doc["error"]
    assert "\n" not in doc["error"]
    assert MARK not in response.text
    assert not HEX64.search(response.text)  # no element echoed
    assert response.headers["cache-control"] == "no-store"
    after = [world.http.get(p).content for p in ("/v1/breaches", "/v1/range/00000")]
    assert after == before


def test_chunked_huge_body_is_cut(world: World) -> None:
    chunks = (b"x" * 8192 for _ in range(20))
    response = httpx.post(world.server.url + "/v1/oprf/evaluate", content=chunks)
    assert response.status_code == 413
    assert response.json() == {"error": "request body too large (at most 64 KB)"}


def test_evaluate_answers(world: World) -> None:
    response = world.http.post("/v1/oprf/evaluate", json={"blinded": blinded(64, 100)})
    assert response.status_code == 200
    assert response.headers["cache-control"] == "no-store"
    doc = response.json()
    assert len(doc["evaluated"]) == 64
    assert doc["key_id"] == world.key.key_id


def test_no_identifier_or_element_in_logs_or_responses(world: World) -> None:
    sent = {m for body in world.seen.sent for m in HEX64.findall(body)}
    evaluated = {m for body in world.seen.received for m in HEX64.findall(body)}
    assert len(sent) >= 64
    assert len(evaluated) >= 64
    assert not sent & evaluated  # no blinded element ever came back
    received = "\n".join(world.seen.received)
    log = world.server.log_text()
    for form in FORMS:
        assert form not in received
        assert form not in log
    assert not HEX64.search(log)
    access = [line for line in log.splitlines() if "leaktrace.access" in line]
    assert len(access) >= len(BAD_REQUESTS)
    assert all(re.search(r"client=[0-9a-f]{12} method=", line) for line in access)
    assert not any("127.0.0.1" in line or MARK in line for line in access)
    assert any("path=/v1/range/{prefix} status=400" in line for line in access)


class _BrokenStore:
    """A store whose range query fails with a message that must not leave the server."""

    def __init__(self, inner: SQLiteStore, error: Exception) -> None:
        self._inner = inner
        self._error = error

    def range_entries(self, prefix: int, prefix_bits: int = 20) -> Any:
        raise self._error

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


@pytest.mark.parametrize("error", [RuntimeError(MARK), StoreError(f"/secret/path {MARK}")])
def test_unexpected_errors_are_bare_500s(
    home: Path, server_key: ServerKey, error: Exception, caplog: pytest.LogCaptureFixture
) -> None:
    store = SQLiteStore(home / "leaktrace.db")
    broken = _BrokenStore(store, error)
    app = create_app(Settings(home=home), broken, server_key)  # type: ignore[arg-type]
    with caplog.at_level("INFO"), serve_in_thread(app) as url:
        response = httpx.get(url + "/v1/range/00000")
    store.close()
    assert response.status_code == 500
    assert response.json() == {"error": "internal error"}
    assert MARK not in caplog.text
    assert type(error).__name__ in caplog.text


def test_transport_maps_errors(world: World) -> None:
    with HttpTransport(world.server.url) as transport:
        with pytest.raises(NotFoundError):
            transport.breach("Unknown")
        with pytest.raises(InputError, match="invalid OPRF input"):
            transport.evaluate(["00" * 32])
        assert len(transport.breaches()) == 2
    with pytest.raises(InputError):
        HttpTransport("ftp://example.org")
    with pytest.raises(LeaktraceError, match=r"cannot reach the server at http://127\.0\.0\.1:1 "):
        HttpTransport("http://user:pw@127.0.0.1:1").range("00000")
