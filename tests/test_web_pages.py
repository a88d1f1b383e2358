"""The pages router without a browser: headers, languages, assets, the JSON it adds."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from starlette.requests import Request

from leaktrace.api import create_app
from leaktrace.api.pages import (
    CONTENT_SECURITY_POLICY,
    _assets,
    _strings,
    advice_document,
    choose_lang,
)
from leaktrace.config import Settings
from leaktrace.crypto import ServerKey
from leaktrace.lookup.advice import ADVICE, label
from leaktrace.provenance.lineage import lineage_graph
from leaktrace.store import SQLiteStore
from tests.test_web import BREACHES, fill_store

WEB = Path(__file__).resolve().parent.parent / "src" / "leaktrace" / "web"


@pytest.fixture
def web_store(tmp_path: Path) -> Iterator[tuple[SQLiteStore, ServerKey]]:
    key = ServerKey.from_seed(bytes(range(32)))
    store = SQLiteStore(tmp_path / "leaktrace.db")
    fill_store(store, key)
    yield store, key
    store.close()


def _app(tmp_path: Path, store: SQLiteStore, key: ServerKey) -> FastAPI:
    return create_app(Settings(home=tmp_path), store=store, key=key)


@pytest.fixture
def client(tmp_path: Path, web_store: tuple[SQLiteStore, ServerKey]) -> Iterator[TestClient]:
    with TestClient(_app(tmp_path, *web_store)) as test_client:
        yield test_client


@pytest.mark.parametrize("path", ["/", "/phish", "/breaches", "/lineage/SanteFR2023"])
def test_pages_are_html_with_a_strict_policy(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    policy = response.headers["content-security-policy"]
    assert policy == CONTENT_SECURITY_POLICY
    assert "default-src 'self'" in policy
    assert "unsafe" not in policy
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "no-referrer"
    html = response.text
    # No inline script (only the JSON data block), no inline style, nothing from elsewhere.
    scripts = re.findall(r"<script\b([^>]*)>", html)
    assert all('src="/static/' in s or 'type="application/json"' in s for s in scripts)
    assert " style=" not in html
    assert "<style" not in html
    assert not re.search(r"""(?:src|href)=["'](?:https?:)?//""", html)
    assert "{{" not in html
    data = json.loads(re.search(r'id="page-data">(.*?)</script>', html, re.S)[1])  # type: ignore[index]
    assert data["lang"] == "fr"


def test_language_from_query_cookie_and_browser(client: TestClient) -> None:
    english = client.get("/", headers={"Accept-Language": "en-GB,en;q=0.9,fr;q=0.5"})
    assert '<html lang="en">' in english.text
    assert "Has your health data leaked?" in english.text
    assert english.headers["content-language"] == "en"
    assert "accept-language" in english.headers["vary"].lower()
    french = client.get("/", headers={"Accept-Language": "de-DE,fr;q=0.8,en;q=0.7"})
    assert '<html lang="fr">' in french.text
    chosen = client.get("/breaches?lang=en", headers={"Accept-Language": "fr"})
    assert "Known breaches" in chosen.text
    assert "lang=en" in chosen.headers["set-cookie"]
    # The cookie (kept by the client) now wins over the browser's language.
    again = client.get("/phish", headers={"Accept-Language": "fr"})
    assert '<html lang="en">' in again.text
    bad = client.get("/?lang=xx", headers={"Accept-Language": "fr"})
    assert "set-cookie" not in bad.headers


@pytest.mark.parametrize(
    ("header", "lang"),
    [
        ("", "fr"),
        ("en", "en"),
        ("fr-CA,en;q=0.2", "fr"),
        ("en;q=0.3,fr;q=0.9", "fr"),
        ("de,en-US;q=0.5", "en"),
        ("en;q=0,fr;q=0.1", "fr"),
        ("en;q=nonsense", "fr"),
        ("zz", "fr"),
    ],
)
def test_accept_language(header: str, lang: str) -> None:
    scope = {
        "type": "http",
        "query_string": b"",
        "headers": [(b"accept-language", header.encode())],
    }
    assert choose_lang(Request(scope)) == (lang, False)


def test_both_languages_have_every_string() -> None:
    strings = _strings()
    assert set(strings["fr"]) == set(strings["en"])
    used = set()
    for template in (WEB / "templates").glob("*.html"):
        used |= set(re.findall(r"\{\{t\.([a-z0-9_]+)\}\}", template.read_text()))
    for script in (Path(__file__).resolve().parent.parent / "web" / "src").rglob("*.js"):
        used |= set(re.findall(r"\bt\('([a-z0-9_]+)'", script.read_text()))
    assert used - set(strings["fr"]) == set()


def test_static_assets(client: TestClient) -> None:
    assert {"app.css", "check.js", "phish.js", "breaches.js", "lineage.js"} <= set(_assets())
    response = client.get("/static/check.js")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/javascript")
    assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    etag = response.headers["etag"]
    assert client.get("/static/check.js", headers={"If-None-Match": etag}).status_code == 304
    assert client.get("/static/app.css").headers["content-type"].startswith("text/css")
    for missing in ("/static/nope.js", "/static/..%2Fi18n.json", "/static/.built"):
        answer = client.get(missing)
        assert answer.status_code == 404
        assert set(answer.json()) == {"error"}
    # The bundle carries no address of another origin to load anything from.
    for name, asset in _assets().items():
        if name.endswith((".js", ".css")):
            # (the SVG namespace, and a URL the e-mail normalizer parses, never fetches)
            assert not re.search(rb"https?://(?!www\.w3\.org/|\$\{)", asset.body), name


def test_advice_endpoint_is_the_cli_table(client: TestClient) -> None:
    document = client.get("/v1/advice").json()
    assert document == advice_document()
    assert [item["id"] for item in document["items"]] == [a.id for a in ADVICE]
    assert document["labels"]["fr"]["Phone numbers"] == label("Phone numbers", "fr")


def test_lineage_endpoint(client: TestClient, web_store: tuple[SQLiteStore, ServerKey]) -> None:
    store, _ = web_store
    document = client.get("/v1/lineage/SanteFR2023").json()
    assert document == json.loads(json.dumps(lineage_graph(store, "SanteFR2023").to_json()))
    assert {n["Name"] for n in document["nodes"]} == {
        "BioSante2021",
        "MutuelleDirect2022",
        "SanteFR2023",
        "SmsLeads2024",
    }
    assert client.get("/v1/lineage/Nope").status_code == 404
    assert client.get("/v1/lineage/Nope").json() == {"error": "no breach of that name"}
    assert client.get("/v1/lineage/bad%20name").status_code == 400
    assert "/v1/lineage/{name}" in client.get("/openapi.json").json()["paths"]


def test_unknown_lineage_page_is_a_404_page(client: TestClient) -> None:
    for path in ("/lineage/Nope", "/lineage/bad%20name"):
        response = client.get(path)
        assert response.status_code == 404
        assert "Fuite introuvable" in response.text
        assert "Nope" not in response.text
        assert "bad name" not in response.text


def test_catalogue_matches_the_synthetic_store(client: TestClient) -> None:
    names = {b["Name"] for b in client.get("/v1/breaches").json()}
    assert names == {b.name for b in BREACHES}
