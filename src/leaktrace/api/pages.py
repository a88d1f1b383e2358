"""The web pages: check, scam triage, breach catalogue, lineage; their static assets; two JSON
documents they need (``/v1/advice``, ``/v1/lineage/{Name}``).

The pages are server-rendered HTML shells in French or English (``?lang=`` sets a cookie;
otherwise the cookie, otherwise the browser's ``Accept-Language``); the work is done by the
bundled scripts in ``leaktrace/web/static/`` (built from ``web/`` by ``make web``). Every page
and asset is served with a strict Content-Security-Policy: scripts, styles and requests to this
origin only, no inline script or style, no frames. Nothing is loaded from another origin.

The check page never sends the identifier: it normalizes and blinds it in the browser (see
``web/src/oprf.js``) and talks to ``/v1/oprf/evaluate`` and ``/v1/range/{prefix}`` like the
Python client.
"""

from __future__ import annotations

import hashlib
import html
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Annotated, Any

from fastapi import APIRouter, Path, Request, Response

from leaktrace.errors import InputError, NotFoundError
from leaktrace.lookup.advice import ADVICE, ADVICE_VERSION, LANGS, label
from leaktrace.provenance.lineage import lineage_graph
from leaktrace.store import BREACH_NAME_PATTERN, Store, validate_breach_name
from leaktrace.store.data_classes import DATA_CLASSES

__all__ = [
    "CONTENT_SECURITY_POLICY",
    "LANG_COOKIE",
    "advice_document",
    "choose_lang",
    "pages_router",
]

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
}
LANG_COOKIE = "lang"
_MEDIA = {
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".svg": "image/svg+xml",
    ".txt": "text/plain; charset=utf-8",
}
_STATIC_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,99}")
_PLACEHOLDER = re.compile(r"\{\{(t|v|raw)\.([a-z0-9_]+)\}\}")
_PAGES = {  # page → (template, script, title key, nav key)
    "check": ("check.html", "check", "check_title", "nav_check"),
    "phish": ("phish.html", "phish", "phish_title", "nav_phish"),
    "breaches": ("breaches.html", "breaches", "breaches_title", "nav_breaches"),
    "lineage": ("lineage.html", "lineage", "lineage_title", "nav_breaches"),
    "missing": ("missing.html", "common", "missing_title", ""),
}
_NAV = (("/", "nav_check"), ("/phish", "nav_phish"), ("/breaches", "nav_breaches"))


# ----------------------------------------------------------------------------------- assets


def _web() -> Any:
    return resources.files("leaktrace").joinpath("web")


@dataclass(frozen=True, slots=True)
class _Asset:
    body: bytes
    media_type: str
    etag: str


@cache
def _assets() -> dict[str, _Asset]:
    """Every file of ``web/static``, read once: the names a request may ask for."""
    folder = _web().joinpath("static")
    found: dict[str, _Asset] = {}
    if not folder.is_dir():
        return found
    for entry in folder.iterdir():
        suffix = "." + entry.name.rpartition(".")[2]
        if entry.is_file() and _STATIC_NAME.fullmatch(entry.name) and suffix in _MEDIA:
            body = entry.read_bytes()
            etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
            found[entry.name] = _Asset(body, _MEDIA[suffix], etag)
    return found


@cache
def _strings() -> dict[str, dict[str, str]]:
    document: dict[str, dict[str, str]] = json.loads(
        _web().joinpath("i18n.json").read_text(encoding="utf-8")
    )
    return document


@cache
def _template(name: str) -> str:
    return str(_web().joinpath("templates", name).read_text(encoding="utf-8"))


def advice_document() -> dict[str, Any]:
    """The advice table of :mod:`leaktrace.lookup.advice` and the data-class labels, as JSON:
    the one source the check page and the CLI share."""
    return {
        "version": ADVICE_VERSION,
        "items": [
            {"id": a.id, "data_classes": list(a.data_classes), "fr": a.fr, "en": a.en}
            for a in ADVICE
        ],
        "labels": {lang: {c: label(c, lang) for c in DATA_CLASSES} for lang in LANGS},
    }


# ---------------------------------------------------------------------------------- language


def _accept_language(header: str) -> str | None:
    """The first of our languages by preference in an ``Accept-Language`` header."""
    ranked: list[tuple[float, int, str]] = []
    for position, part in enumerate(header.split(",")[:20]):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        for param in params.split(";"):
            key, _, value = param.strip().partition("=")
            if key == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        primary = tag.strip().lower().split("-")[0]
        if primary in LANGS and quality > 0:
            ranked.append((-quality, position, primary))
    return min(ranked)[2] if ranked else None


def choose_lang(request: Request) -> tuple[str, bool]:
    """(language, whether it was chosen explicitly by ``?lang=`` and must be remembered)."""
    asked = request.query_params.get("lang")
    if asked in LANGS:
        return str(asked), True
    cookie = request.cookies.get(LANG_COOKIE)
    if cookie in LANGS:
        return str(cookie), False
    return _accept_language(request.headers.get("accept-language", "")) or "fr", False


# ---------------------------------------------------------------------------------- rendering


def _fill(template: str, strings: Mapping[str, str], values: Mapping[str, str]) -> str:
    def replace(match: re.Match[str]) -> str:
        kind, key = match[1], match[2]
        if kind == "t":
            return html.escape(strings[key])
        if kind == "v":
            return html.escape(values[key])
        return values[key]  # raw: built here, already escaped

    return _PLACEHOLDER.sub(replace, template)


def _json_in_html(document: Any) -> str:
    """JSON safe inside a <script type="application/json"> element."""
    text = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _nav(strings: Mapping[str, str], current: str) -> str:
    items = []
    for href, key in _NAV:
        here = ' aria-current="page"' if key == current else ""
        items.append(f'<li><a href="{href}"{here}>{html.escape(strings[key])}</a></li>')
    return "".join(items)


def _lang_switch(lang: str) -> str:
    # A query-only reference: the same page in the other language, without echoing the path.
    links = []
    for other, name in (("fr", "Français"), ("en", "English")):
        here = ' aria-current="true"' if other == lang else ""
        href = f"?lang={other}"
        links.append(
            f'<a href="{href}" hreflang="{other}" lang="{other}"{here}>{other.upper()}'
            f'<span class="sr-only"> — {name}</span></a>'
        )
    return "".join(links)


def _page(
    request: Request,
    page: str,
    *,
    values: Mapping[str, str] | None = None,
    data: Mapping[str, Any] | None = None,
    status: int = 200,
) -> Response:
    lang, remember = choose_lang(request)
    strings = _strings()[lang]
    template, script, title_key, nav_key = _PAGES[page]
    content = _fill(_template(template), strings, values or {})
    title = strings[title_key].format(**(values or {}))
    document = {"lang": lang, "page": page, "strings": strings, **(data or {})}
    body = _fill(
        _template("base.html"),
        strings,
        {
            "lang": lang,
            "title": title,
            "script": script,
            "page": page,
            "nav": _nav(strings, nav_key),
            "switch": _lang_switch(lang),
            "content": content,
            "data": _json_in_html(document),
        },
    )
    headers = {
        **SECURITY_HEADERS,
        "Cache-Control": "no-cache",
        "Vary": "Accept-Language, Cookie",
        "Content-Language": lang,
    }
    response = Response(body, status, headers=headers, media_type="text/html; charset=utf-8")
    if remember:
        response.set_cookie(LANG_COOKIE, lang, max_age=365 * 86400, samesite="lax")
    return response


# ------------------------------------------------------------------------------------ routes


def pages_router(store: Store) -> APIRouter:
    """The pages, ``/static/…``, ``/v1/advice`` and ``/v1/lineage/{Name}`` over the app's store."""
    router = APIRouter()

    @router.get("/", include_in_schema=False)
    def check_page(request: Request) -> Response:
        return _page(request, "check", data={"advice": advice_document()})

    @router.get("/phish", include_in_schema=False)
    def phish_page(request: Request) -> Response:
        return _page(request, "phish")

    @router.get("/breaches", include_in_schema=False)
    def breaches_page(request: Request) -> Response:
        return _page(request, "breaches", data={"labels": advice_document()["labels"]})

    @router.get("/lineage/{name}", include_in_schema=False)
    def lineage_page(request: Request, name: str) -> Response:
        try:
            title = store.breach(validate_breach_name(name)).title
        except (InputError, NotFoundError):
            return _page(request, "missing", status=404)
        return _page(
            request,
            "lineage",
            values={"name": name, "breach_title": title},
            data={"name": name, "labels": advice_document()["labels"]},
        )

    @router.get("/static/{name}", include_in_schema=False)
    def static(request: Request, name: str) -> Response:
        asset = _assets().get(name)
        if asset is None:
            raise NotFoundError("no such file")
        headers = {**SECURITY_HEADERS, "ETag": asset.etag, "Cache-Control": "no-cache"}
        if request.headers.get("if-none-match") == asset.etag:
            return Response(status_code=304, headers=headers)
        return Response(asset.body, media_type=asset.media_type, headers=headers)

    @router.get("/v1/advice", summary="The advice table and data-class labels (fr, en)")
    def advice() -> Response:
        body = json.dumps(advice_document(), ensure_ascii=False, separators=(",", ":"))
        headers = {"Cache-Control": "public, max-age=600"}
        return Response(body.encode(), media_type="application/json", headers=headers)

    @router.get(
        "/v1/lineage/{name}",
        summary="The lineage graph around one breach: its ancestors and descendants",
        responses={400: {"description": "bad name"}, 404: {"description": "no such breach"}},
    )
    def lineage(
        request: Request, name: Annotated[str, Path(pattern=BREACH_NAME_PATTERN)]
    ) -> Response:
        validate_breach_name(name)
        try:
            graph = lineage_graph(store, name).to_json()
        except NotFoundError:
            raise NotFoundError("no breach of that name") from None  # never echo the name
        body = json.dumps(graph, ensure_ascii=False, separators=(",", ":"))
        headers = {"Cache-Control": "public, max-age=600"}
        return Response(body.encode(), media_type="application/json", headers=headers)

    return router
