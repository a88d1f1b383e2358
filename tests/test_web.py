"""The web pages in Chromium (Playwright driving Debian's ``/usr/bin/chromium``).

A real uvicorn server on loopback serves ``create_app`` plus the pages router over a synthetic
store; each page's main flow is clicked through, the check page's requests are recorded and
searched for the typed identifiers, and screenshots of every page (desktop and phone) are
written to ``test-artifacts/web/``. Without Chromium or Playwright the tests are skipped with
the reason, except under CI (``CI`` set), where they fail.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import os
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI

from leaktrace.api import create_app
from leaktrace.config import RateLimit, Settings
from leaktrace.crypto import ServerKey, index_key, oprf
from leaktrace.identifiers import encode
from leaktrace.lookup.advice import advice_for
from leaktrace.store import Breach, Lineage, Parent, SQLiteStore, Store
from leaktrace.store import data_classes as dc
from tests._servers import serve_in_thread, unavailable

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts" / "web"
CHROMIUM = Path(os.environ.get("LEAKTRACE_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}

# ------------------------------------------------------------------------- synthetic store

# What a person types, and the canonical value the store holds.
PHILIPPE_PHONE = ("06 12 34 56 78", "phone", "+33612345678")
PHILIPPE_NIR = ("1 85 05 78 006 084 91", "nir", "185057800608491")
PHILIPPE_EMAIL = ("Philippe.Martin@Orange.fr", "email", "philippe.martin@orange.fr")
ABSENT_EMAIL = ("claire.durand@exemple.fr", "email", "claire.durand@exemple.fr")
SECRET_PHONE = ("07 98 76 54 32", "phone", "+33798765432")  # only in the sensitive breach


@dataclass(frozen=True)
class SynthBreach:
    name: str
    title: str
    date: dt.date
    people: int
    classes: tuple[str, ...]
    description: str
    domain: str = ""
    sensitive: bool = False
    verified: bool = False
    spam: bool = False
    lineage: Lineage | None = None
    members: tuple[tuple[str, str], ...] = field(default_factory=tuple)


BREACHES = (
    SynthBreach(
        "BioSante2021",
        "BioSanté Laboratoires",
        dt.date(2021, 2, 23),
        512_340,
        (
            dc.NAMES,
            dc.DOB,
            dc.PHONE,
            dc.EMAIL,
            dc.NIR,
            dc.ADDRESS,
            dc.MEDICAL_RECORDS,
            dc.INSURANCE,
        ),
        "Base patients d'un éditeur de logiciels pour laboratoires d'analyses médicales : "
        "identité, coordonnées, numéros de sécurité sociale, dates d'examen et commentaires "
        "médicaux.",
        domain="biosante-labo.example",
        verified=True,
        lineage=Lineage("new", 512_340, 1.0, ()),
        members=(PHILIPPE_PHONE[1:], PHILIPPE_NIR[1:]),
    ),
    SynthBreach(
        "MutuelleDirect2022",
        "Mutuelle Direct",
        dt.date(2022, 6, 14),
        87_412,
        (dc.NAMES, dc.EMAIL, dc.PHONE, dc.INSURANCE, dc.BANK),
        "Espace adhérents d'une mutuelle en ligne : coordonnées, contrats et RIB.",
        domain="mutuelle-direct.example",
        verified=True,
        lineage=Lineage("new", 87_412, 1.0, ()),
        members=(PHILIPPE_EMAIL[1:],),
    ),
    SynthBreach(
        "CliniqueSecret2022",
        "Centre de soins spécialisés",
        dt.date(2022, 9, 1),
        3_120,
        (dc.NAMES, dc.PHONE, dc.MEDICAL_CONDITIONS),
        "Dossiers d'un centre de soins spécialisés.",
        domain="clinique.example",
        sensitive=True,
        members=(SECRET_PHONE[1:],),
    ),
    SynthBreach(
        "SanteFR2023",
        "Liste « Santé FR »",
        dt.date(2023, 3, 2),
        298_000,
        (dc.NAMES, dc.DOB, dc.PHONE, dc.EMAIL, dc.NIR),
        "Liste revendue sur un forum : deux fuites antérieures fusionnées et remises en forme.",
        lineage=Lineage(
            "aggregate",
            298_000,
            0.12,
            (Parent("BioSante2021", 0.57, 0.33), Parent("MutuelleDirect2022", 0.31, 0.9)),
        ),
        members=(PHILIPPE_PHONE[1:], PHILIPPE_NIR[1:]),
    ),
    SynthBreach(
        "SmsLeads2024",
        "Fichier de prospection SMS",
        dt.date(2024, 1, 10),
        1_204_000,
        (dc.NAMES, dc.PHONE),
        "Fichier de numéros dérivé de la liste « Santé FR », utilisé pour des SMS "
        "frauduleux à la carte Vitale.",
        spam=True,
        lineage=Lineage("repackaged", 1_204_000, 0.08, (Parent("SanteFR2023", 0.92, 0.95),)),
        members=(PHILIPPE_PHONE[1:],),
    ),
)


def breach_classes(name: str) -> list[str]:
    return [c for c in dc.DATA_CLASSES if c in next(b for b in BREACHES if b.name == name).classes]


def fill_store(store: Store, key: ServerKey) -> None:
    """The synthetic breaches, their members' exposures and their lineage."""
    store.bind_key(key.key_id)
    for synth in BREACHES:
        breach = Breach(
            name=synth.name,
            title=synth.title,
            breach_date=synth.date,
            added_date=dt.datetime.combine(
                synth.date + dt.timedelta(days=40), dt.time(9), tzinfo=dt.UTC
            ),
            domain=synth.domain,
            description=synth.description,
            is_verified=synth.verified,
            is_sensitive=synth.sensitive,
            is_spam_list=synth.spam,
        )
        mask = dc.to_mask(synth.classes)
        with store.ingest(breach) as writer:
            writer.add(
                (index_key(oprf.evaluate(key.secret, encode(kind, value))), mask)
                for kind, value in synth.members
            )
            if synth.lineage is not None:
                writer.set_lineage(synth.lineage)
            writer.finish(synth.people, mask)


# ---------------------------------------------------------------------------------- server


def build_app(home: Path, store: Store, key: ServerKey) -> FastAPI:
    """The app exactly as ``leaktrace serve`` builds it (notices delivered at once)."""
    from leaktrace.notify import NotifySettings

    settings = Settings(home=home, rate_limit=RateLimit(per_minute=600, burst=60))
    notify = {"notify_settings": NotifySettings(deliver_interval=0)}
    return create_app(settings, store=store, key=key, notify_options=notify)


@dataclass
class Site:
    url: str
    endpoints: set[str]
    store: Store


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    home = tmp_path_factory.mktemp("web-home")
    key = ServerKey.from_seed(bytes(range(32)))
    store = SQLiteStore(home / "leaktrace.db")
    fill_store(store, key)
    app = build_app(home, store, key)
    with serve_in_thread(app) as url:
        import httpx

        endpoints = set(httpx.get(url + "/openapi.json", timeout=5).json()["paths"])
        yield Site(url, endpoints, store)
    store.close()


def needs(site: Site, endpoint: str) -> None:
    # Every page's endpoint is served: one missing from /openapi.json is a regression.
    assert endpoint in site.endpoints, f"{endpoint} is absent from /openapi.json"


# --------------------------------------------------------------------------------- browser


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("browser", "the playwright package is missing (pip install -e '.[dev]')")
    if not CHROMIUM.exists():
        unavailable("browser", f"{CHROMIUM} is missing (apt-get install chromium)")
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@dataclass
class Tab:
    page: Any
    requests: list[Any]
    console_errors: list[str]

    def shoot(self, name: str) -> Path:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTIFACTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path


@contextmanager
def open_tab(
    browser: Any, *, locale: str = "fr-FR", viewport: dict[str, int] = DESKTOP
) -> Iterator[Tab]:
    context = browser.new_context(
        locale=locale, viewport=viewport, device_scale_factor=1, service_workers="block"
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    tab = Tab(page, [], [])
    page.on("request", lambda request: tab.requests.append(request))
    page.on("console", lambda m: tab.console_errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: tab.console_errors.append(str(e)))
    try:
        yield tab
    finally:
        context.close()


def check(page: Any, raw: str) -> str:
    """Type ``raw`` in the check form, submit, and return the outcome (exposed/clear/error)."""
    page.fill("#identifier", raw)
    page.click("#check-submit")
    page.wait_for_selector("#check-result[data-outcome]:not([aria-busy])")
    return str(page.get_attribute("#check-result", "data-outcome"))


def shown_advice(page: Any) -> list[str]:
    return [
        str(x)
        for x in page.locator("[data-advice-id]").evaluate_all(
            "nodes => nodes.map(n => n.dataset.adviceId)"
        )
    ]


# ----------------------------------------------------------------------------------- check


def test_check_phone_exposed_french(site: Site, browser: Any) -> None:
    with open_tab(browser) as tab:
        page = tab.page
        page.goto(site.url + "/")
        assert page.get_attribute("html", "lang") == "fr"
        page.fill("#identifier", PHILIPPE_PHONE[0])
        assert "téléphone" in page.inner_text("#identifier-kind")
        assert check(page, PHILIPPE_PHONE[0]) == "exposed"
        names = page.locator(".found-breach").evaluate_all("n => n.map(x => x.dataset.breach)")
        # SmsLeads2024, SanteFR2023 and BioSante2021 hold the phone; order is the range's.
        assert sorted(names) == ["BioSante2021", "SanteFR2023", "SmsLeads2024"]
        assert "3 fuites" in page.inner_text("#check-result h2")
        assert "23 février 2021" in page.inner_text("#check-result")
        classes = [c for n in names for c in breach_classes(n)]
        assert shown_advice(page) == [a["id"] for a in advice_for(classes, "fr")]
        assert "Numéros de sécurité sociale" in page.inner_text("#check-result")
        ms = float(page.get_attribute("#check-result", "data-oprf-ms") or "nan")
        assert 0 < ms < 2000
        (ARTIFACTS).mkdir(parents=True, exist_ok=True)
        (ARTIFACTS / "oprf-ms.txt").write_text(f"{ms:.2f}\n")
        tab.shoot("check-exposed-desktop")
        assert tab.console_errors == []


def test_check_email_and_nir_english(site: Site, browser: Any) -> None:
    with open_tab(browser, locale="en-GB", viewport=PHONE) as tab:
        page = tab.page
        page.goto(site.url + "/")
        assert page.get_attribute("html", "lang") == "en"
        assert check(page, ABSENT_EMAIL[0]) == "clear"
        assert "not found in any known breach" in page.inner_text("#check-result")
        tab.shoot("check-clear-phone")
        assert check(page, PHILIPPE_EMAIL[0]) == "exposed"
        assert page.locator(".found-breach").evaluate_all("n => n.map(x => x.dataset.breach)") == [
            "MutuelleDirect2022"
        ]
        assert shown_advice(page) == [
            a["id"] for a in advice_for(breach_classes("MutuelleDirect2022"), "en")
        ]
        page.select_option("#kind", "nir")
        assert check(page, PHILIPPE_NIR[0]) == "exposed"
        assert "2 breaches" in page.inner_text("#check-result h2")
        tab.shoot("check-exposed-phone")
        assert tab.console_errors == []


def test_check_sensitive_breach_is_never_shown(site: Site, browser: Any) -> None:
    with open_tab(browser) as tab:
        tab.page.goto(site.url + "/")
        assert check(tab.page, SECRET_PHONE[0]) == "clear"


def _forms(raw: str, canonical: str, kind: str) -> set[str]:
    """Every form of an identifier that must never appear in a request."""
    digits = "".join(c for c in raw if c.isdigit())
    values = {raw, raw.strip(), canonical, f"{kind}:{canonical}", raw.lower(), canonical.upper()}
    if kind in ("phone", "nir"):
        values |= {digits, canonical.lstrip("+"), digits.lstrip("0")}
        if kind == "phone":
            values |= {"0" + canonical[3:], canonical[3:], " ".join(canonical[3:])}
    if kind == "email":
        values |= {canonical.split("@")[0]}
    encoded = set()
    for value in values:
        encoded |= {
            urllib.parse.quote(value),
            urllib.parse.quote(value, safe=""),
            urllib.parse.quote_plus(value),
            base64.b64encode(value.encode()).decode(),
            value.encode().hex(),
            json.dumps(value)[1:-1],
        }
    return {v for v in values | encoded if len(v) >= 5}


def test_check_requests_never_carry_the_identifier(site: Site, browser: Any) -> None:
    typed = [PHILIPPE_PHONE, PHILIPPE_EMAIL, PHILIPPE_NIR, ABSENT_EMAIL]
    with open_tab(browser) as tab:
        page = tab.page
        page.goto(site.url + "/")
        timings = []
        for raw, _, _ in typed:
            check(page, raw)
            timings.append(float(page.get_attribute("#check-result", "data-oprf-ms") or "nan"))
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        (ARTIFACTS / "oprf-ms-sequence.txt").write_text(" ".join(f"{t:.2f}" for t in timings))
        page.reload()  # whatever the page keeps would go out again now
        page.wait_for_load_state("networkidle")
        records = []
        for request in tab.requests:
            body = request.post_data_buffer or b""
            headers = request.all_headers()
            records.append((request.method, request.url, headers, body))
        assert len(records) > 10
        for method, url, headers, body in records:
            assert url.startswith(site.url + "/"), url  # nothing to another origin
            path = urllib.parse.urlsplit(url).path
            assert path in {"/", "/favicon.ico"} or path.startswith(
                ("/static/", "/v1/oprf/evaluate", "/v1/range/", "/v1/breaches/")
            ), path
            if path == "/v1/oprf/evaluate":
                document = json.loads(body)
                assert set(document) == {"blinded"}
                assert len(document["blinded"]) == 1
                assert len(document["blinded"][0]) == 64
            else:
                assert method == "GET"
                assert not body
            text = (url + "\n" + json.dumps(headers) + "\n").lower().encode() + body.lower()
            unquoted = urllib.parse.unquote_plus(url).lower()
            for raw, kind, canonical in typed:
                for form in _forms(raw, canonical, kind):
                    assert form.lower().encode() not in text, (form, url)
                    assert form.lower() not in unquoted, (form, url)


def test_check_refuses_what_it_cannot_read_without_sending_anything(
    site: Site, browser: Any
) -> None:
    with open_tab(browser) as tab:
        page = tab.page
        page.goto(site.url + "/")
        page.wait_for_load_state("networkidle")
        before = len(tab.requests)
        for raw, message in (
            ("+44 20 7946 0958", "Seuls les numéros français"),
            ("1 85 05 78 006 084 00", "n'est pas valide"),
            ("jean@", "ne semble pas valide"),
            ("", "Saisissez"),
        ):
            page.fill("#identifier", raw)
            page.click("#check-submit")
            assert message in page.inner_text("#identifier-error")
            assert page.get_attribute("#identifier", "aria-invalid") == "true"
        page.keyboard.press("Tab")
        assert len(tab.requests) == before
        tab.shoot("check-error-desktop")


def test_subscribe_form(site: Site, browser: Any) -> None:
    needs(site, "/v1/subscriptions")
    with open_tab(browser) as tab:
        page = tab.page
        page.goto(site.url + "/")
        page.fill("#subscribe-email", "pas-une-adresse")
        page.click("#subscribe-form button")
        assert "valide" in page.inner_text("#subscribe-status")
        with page.expect_response("**/v1/subscriptions") as answer:
            page.fill("#subscribe-email", "philippe.martin@orange.fr")
            page.click("#subscribe-form button")
        assert answer.value.status == 202
        page.wait_for_selector("#subscribe-status.ok")
        assert "confirmation" in page.inner_text("#subscribe-status")


# ----------------------------------------------------------------------------------- phish

LURE = (
    "Assurance Maladie : votre carte Vitale expire. Mettez-la a jour avant le 12/03 sur "
    "https://ameli-renouvellement.com/vitale sinon vos remboursements seront suspendus."
)
EML = (
    "From: Assurance Maladie <service@ameli-remboursement.com>\r\n"
    "To: philippe@example.org\r\n"
    "Subject: =?utf-8?Q?Remboursement_en_attente?=\r\n"
    "MIME-Version: 1.0\r\n"
    "Content-Type: text/plain; charset=utf-8\r\n"
    "Content-Transfer-Encoding: quoted-printable\r\n"
    "\r\n"
    "Bonjour,\r\n\r\nUn remboursement de 148,50 =E2=82=AC est en attente. Confirmez vos "
    "coordonn=C3=A9es bancaires sous 24h : https://ameli-remboursement.com/login\r\n"
)


def test_phish_sms_verdict_with_highlights(site: Site, browser: Any) -> None:
    needs(site, "/v1/phish")
    with open_tab(browser) as tab:
        page = tab.page
        page.goto(site.url + "/phish")
        page.fill("#message", LURE)
        page.click("#phish-submit")
        page.wait_for_selector("[data-verdict]")
        assert page.get_attribute("[data-verdict]", "data-verdict") == "phishing"
        assert page.inner_text("#verdict") == "Arnaque probable"
        marks = page.locator("#phish-result mark").all_inner_texts()
        assert any("ameli-renouvellement.com" in m for m in marks)
        assert page.locator(".reason").count() >= 3
        assert "33700" in page.inner_text("#phish-result .advice")
        tab.shoot("phish-desktop")
        assert tab.console_errors == []


def test_phish_eml_file(site: Site, browser: Any, tmp_path: Path) -> None:
    needs(site, "/v1/phish")
    eml = tmp_path / "message.eml"
    eml.write_bytes(EML.encode())
    with open_tab(browser, locale="en-US", viewport=PHONE) as tab:
        page = tab.page
        page.goto(site.url + "/phish")
        page.set_input_files("#eml-file", str(eml))
        page.locator("#file-name", has_text="message.eml").wait_for()
        assert page.is_checked("#channel-email")
        with page.expect_request("**/v1/phish*") as sent:
            page.click("#phish-submit")
        assert sent.value.headers["content-type"] == "message/rfc822"
        page.wait_for_selector("[data-verdict]")
        assert page.get_attribute("[data-verdict]", "data-verdict") in ("phishing", "suspicious")
        view = page.inner_text(".message-view")
        assert "148,50 €" in view
        assert "Remboursement en attente" in view
        tab.shoot("phish-phone")


def test_phish_sender_field(site: Site, browser: Any) -> None:
    """The optional sender goes with a text, and is hidden (and not sent) for an e-mail."""
    needs(site, "/v1/phish")
    stranger = "Hi David, it's Jenny from the gym. Are we still on for dinner tonight?"
    with open_tab(browser, locale="en-US") as tab:
        page = tab.page
        page.goto(site.url + "/phish")
        assert page.is_visible("#sender")
        page.fill("#message", stranger)
        page.fill("#sender", "  jenny.k1987@example.com ")
        with page.expect_request("**/v1/phish*") as sent:
            page.click("#phish-submit")
        assert json.loads(sent.value.post_data or "{}")["sender"] == "jenny.k1987@example.com"
        page.wait_for_selector("[data-verdict]")
        assert page.get_attribute("[data-verdict]", "data-verdict") == "suspicious"
        assert page.locator(".reason[data-rule-id='sms.sender_email']").count() == 1
        assert "jenny.k1987" not in page.inner_text("#phish-result")
        page.check("#channel-email")
        assert not page.is_visible("#sender")
        with page.expect_request("**/v1/phish*") as sent:
            page.click("#phish-submit")
        assert "sender" not in json.loads(sent.value.post_data or "{}")
        page.wait_for_selector("[data-verdict]")
        assert page.locator(".reason[data-rule-id='sms.sender_email']").count() == 0
        assert tab.console_errors == []


# -------------------------------------------------------------------------------- breaches


def test_breach_catalogue(site: Site, browser: Any) -> None:
    with open_tab(browser) as tab:
        page = tab.page
        page.goto(site.url + "/breaches")
        page.wait_for_selector(".breach-card")
        cards = page.locator(".breach-card")
        assert cards.count() == len(BREACHES)
        # Newest first.
        assert cards.first.get_attribute("data-breach") == "SmsLeads2024"
        secret = page.locator('[data-breach="CliniqueSecret2022"]')
        assert "Sensible" in secret.locator(".badge").all_text_contents()
        assert "512 340" in page.locator('[data-breach="BioSante2021"]').inner_text().replace(
            "\u202f", " "
        )
        tab.shoot("breaches-desktop")
        page.fill("#breach-filter", "mutuelle")
        assert cards.count() == 1
        page.fill("#breach-filter", "")
        page.select_option("#breach-sort", "count")
        assert cards.first.get_attribute("data-breach") == "SmsLeads2024"
        page.select_option("#breach-sort", "name")
        assert cards.first.get_attribute("data-breach") == "BioSante2021"
        page.locator('[data-breach="SanteFR2023"] .breach-foot a').click()
        page.wait_for_url("**/lineage/SanteFR2023")
        assert tab.console_errors == []
    with open_tab(browser, locale="en-GB", viewport=PHONE) as tab:
        tab.page.goto(site.url + "/breaches")
        tab.page.wait_for_selector(".breach-card")
        tab.shoot("breaches-phone")


# --------------------------------------------------------------------------------- lineage


def test_lineage_graph(site: Site, browser: Any) -> None:
    with open_tab(browser) as tab:
        page = tab.page
        page.goto(site.url + "/lineage/SanteFR2023")
        page.wait_for_selector("#graph svg .node")
        nodes = page.locator("#graph .node")
        assert sorted(nodes.evaluate_all("n => n.map(x => x.dataset.name)")) == [
            "BioSante2021",
            "MutuelleDirect2022",
            "SanteFR2023",
            "SmsLeads2024",
        ]
        assert page.locator("#graph .edge").count() == 3
        assert "57" in page.inner_text("#graph")
        assert page.locator("#edge-table tbody tr").count() == 3
        assert "Liste « Santé FR »" in page.inner_text("#node-details h2")
        # Keyboard: focus a node, Enter selects it and shows its details.
        page.locator('#graph .node[data-name="BioSante2021"]').focus()
        page.keyboard.press("Enter")
        assert page.inner_text("#node-details h2") == "BioSanté Laboratoires"
        assert page.get_attribute('.node[data-name="BioSante2021"]', "aria-pressed") == "true"
        page.keyboard.press("ArrowRight")  # to its child
        page.keyboard.press("Enter")
        assert "Santé FR" in page.inner_text("#node-details h2")
        page.locator('#graph .node[data-name="SmsLeads2024"]').click()
        assert "Fichier de prospection SMS" in page.inner_text("#node-details h2")
        tab.shoot("lineage-desktop")
        page.click("#node-details a.button")
        page.wait_for_url("**/lineage/SmsLeads2024")
        page.wait_for_selector("#graph svg .node")
        assert tab.console_errors == []
    with open_tab(browser, locale="en-GB", viewport=PHONE) as tab:
        tab.page.goto(site.url + "/lineage/SanteFR2023")
        tab.page.wait_for_selector("#graph svg .node")
        tab.shoot("lineage-phone")


def test_unknown_lineage_is_a_page(site: Site, browser: Any) -> None:
    with open_tab(browser) as tab:
        response = tab.page.goto(site.url + "/lineage/NoSuchBreach")
        assert response is not None
        assert response.status == 404
        assert "Fuite introuvable" in tab.page.inner_text("h1")


# -------------------------------------------------------------------------- language, a11y


def test_language_switch_is_remembered(site: Site, browser: Any) -> None:
    with open_tab(browser, locale="en-US") as tab:
        page = tab.page
        page.goto(site.url + "/breaches")
        assert page.inner_text("h1") == "Known breaches"
        page.click(".lang-switch a[hreflang=fr]")
        page.wait_for_url("**/breaches?lang=fr")
        assert page.inner_text("h1") == "Fuites répertoriées"
        page.click(".site-nav a[href='/phish']")
        assert page.inner_text("h1") == "Est-ce une arnaque\u00a0?"
        assert page.get_attribute("html", "lang") == "fr"


def test_pages_are_usable_with_the_keyboard(site: Site, browser: Any) -> None:
    with open_tab(browser) as tab:
        page = tab.page
        page.goto(site.url + "/")
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.className") == "skip-link"
        page.keyboard.press("Enter")
        # Every form control has a label; the identifier is reached and submitted by keyboard.
        unlabelled = page.evaluate(
            """() => [...document.querySelectorAll('input, select, textarea')]
                 .filter(e => e.type !== 'file' && !(e.labels && e.labels.length))
                 .map(e => e.id)"""
        )
        assert unlabelled == []
        page.focus("#identifier")
        page.keyboard.type(PHILIPPE_EMAIL[0])
        page.keyboard.press("Enter")
        page.wait_for_selector("#check-result[data-outcome]:not([aria-busy])")
        assert page.evaluate("document.activeElement.id") == "check-result"


def test_screenshots_of_every_page(site: Site, browser: Any) -> None:
    shots = []
    for viewport, suffix in ((DESKTOP, "desktop"), (PHONE, "phone")):
        with open_tab(browser, viewport=viewport) as tab:
            page = tab.page
            for path, name in (("/", "check"), ("/phish", "phish-form"), ("/breaches", "")):
                if not name:
                    continue
                page.goto(site.url + path)
                page.wait_for_load_state("networkidle")
                shots.append(tab.shoot(f"{name}-{suffix}"))
            # Nothing wider than the screen on a phone: no horizontal scrolling of the page.
            if viewport is PHONE:
                for path in ("/", "/phish", "/breaches", "/lineage/SanteFR2023"):
                    page.goto(site.url + path)
                    page.wait_for_load_state("networkidle")
                    overflow = page.evaluate(
                        "document.documentElement.scrollWidth - window.innerWidth"
                    )
                    assert overflow <= 0, path
            assert tab.console_errors == []
    assert all(shot.stat().st_size > 10_000 for shot in shots)
