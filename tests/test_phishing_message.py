"""Parsing messages: SMS text, .eml with HTML, attachments and headers; links; domains."""

from __future__ import annotations

import contextlib
import socket
from typing import NoReturn

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from leaktrace.errors import InputError
from leaktrace.phishing import domains
from leaktrace.phishing.message import MAX_TEXT_CHARS, looks_like_eml, parse_message
from leaktrace.phishing.urls import find_urls

EML = (
    b"Return-Path: <bounce@mailer-x.net>\r\n"
    b"Authentication-Results: mx.example.fr; spf=softfail smtp.mailfrom=ameli.fr;"
    b" dkim=none; dmarc=fail header.from=ameli.fr\r\n"
    b"Authentication-Results: spoofed.example; dmarc=pass\r\n"
    b"From: =?utf-8?q?Assurance_Maladie?= <service@ameli.fr>\r\n"
    b"Reply-To: remboursement@assure-gestion.com\r\n"
    b"To: claire@example.fr\r\n"
    b"Subject: =?utf-8?b?Vm90cmUgcmVtYm91cnNlbWVudA==?=\r\n"
    b"MIME-Version: 1.0\r\n"
    b'Content-Type: multipart/mixed; boundary="XX"\r\n\r\n'
    b"--XX\r\n"
    b"Content-Type: text/html; charset=windows-1252\r\n"
    b"Content-Transfer-Encoding: quoted-printable\r\n\r\n"
    b"<html><head><style>p{}</style></head><body><p>Un remboursement de 48,60 =80 est en"
    b' attente.</p><a href=3D"http://assure-gestion.com/rib">https://www.ameli.fr/assure</a>'
    b"<script>var x = 'hidden';</script></body></html>\r\n"
    b"--XX\r\n"
    b'Content-Type: application/zip; name="formulaire.zip"\r\n'
    b'Content-Disposition: attachment; filename="formulaire.zip"\r\n'
    b"Content-Transfer-Encoding: base64\r\n\r\n"
    b"UEsDBAo=\r\n"
    b"--XX--\r\n"
)


def test_eml_headers_html_and_attachments() -> None:
    message = parse_message(EML)
    assert message.channel == "email"
    assert message.is_eml
    assert message.subject == "Votre remboursement"
    assert message.from_name == "Assurance Maladie"
    assert message.from_addr == "service@ameli.fr"
    assert message.reply_to == "remboursement@assure-gestion.com"
    assert message.return_path == "bounce@mailer-x.net"
    # Only the first Authentication-Results (the receiver's own) counts.
    assert message.auth == {"spf": "softfail", "dkim": "none", "dmarc": "fail"}
    assert "48,60 €" in message.body  # windows-1252 quoted-printable =80 is €
    assert "hidden" not in message.body  # script text is not visible text
    assert message.links == (("http://assure-gestion.com/rib", "https://www.ameli.fr/assure"),)
    assert [(a.filename, a.content_type) for a in message.attachments] == [
        ("formulaire.zip", "application/zip")
    ]


def test_sms_and_plain_email_text() -> None:
    sms = parse_message("Votre colis est en attente")
    assert (sms.channel, sms.is_eml, sms.subject) == ("sms", False, "")
    mail = parse_message("Objet : Avis de remboursement\n\nBonjour,\nVoici.", "email")
    assert mail.subject == "Avis de remboursement"
    assert mail.body.startswith("Bonjour")
    # A header-looking first line alone does not make an .eml.
    assert not looks_like_eml(b"Subject: hello\n\nbody")
    assert looks_like_eml(b"From: a@b.fr\nSubject: x\n\nbody")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("", "empty"),
        ("   \n\t ", "empty"),
        ("x" * (MAX_TEXT_CHARS + 1), "too large"),
        (b"\x00\x01\x02binary\x00" * 20, "not text"),
        (b"From: a@b.fr\nTo: c@d.fr\nSubject: x\n", "truncated"),
        (
            b"From: a@b.fr\nSubject: x\nMIME-Version: 1.0\nContent-Type: multipart/mixed; "
            b'boundary="B"\n\n--B\nContent-Type: text/plain\n\nhello\n',
            "truncated",
        ),
    ],
    ids=["empty", "blank", "huge", "binary", "headers-only", "no-closing-boundary"],
)
def test_bad_input_is_one_clear_error(data: str | bytes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        parse_message(data)


def test_bad_channel() -> None:
    with pytest.raises(InputError, match="channel"):
        parse_message("hello", "fax")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "hosts"),
    [
        ("Voir mon-doctolib.com/remboursement.", ["mon-doctolib.com"]),
        ("https://ameli.fr@evil.example.com/login", ["evil.example.com"]),
        (
            "Lien : http://91.215.85.12/ameli/ et 45.153.34.201:8080/x",
            ["91.215.85.12", "45.153.34.201"],
        ),
        ("écrivez à jean@ameli.fr ou allez sur ameli.fr", ["ameli.fr"]),
        ("Pensées.Je suis là. I am home.Love you", []),
        ("Le 12.03.2024 à 10 h, version 1.2.3", []),
        ("https://\u0430meli.fr/doc", ["xn--meli-43d.fr"]),
        # New gTLDs without a scheme: a lure TLD, or a made-up name with a hyphen or a digit.
        ("Confirm address: chemistwarehouse-au.delivery", ["chemistwarehouse-au.delivery"]),
        ("Claim via airdrop.claims today", ["airdrop.claims"]),
        ("Go to usps-parcel.management now", ["usps-parcel.management"]),
        ("Your prize: claim4u.gift", ["claim4u.gift"]),
        ("See the follow-up.Management will call", []),
        ("Ready at 10.30.ok?", []),
        ("Write to victor.claims@mail.example or john.info@x.fr", []),
    ],
)
def test_find_urls(text: str, hosts: list[str]) -> None:
    assert [url.host.host for url in find_urls(text)] == hosts


def test_registered_domain_basis() -> None:
    host = domains.split_host("ameli.fr-espace.com")
    assert host.registered == "fr-espace.com"
    assert domains.is_official(domains.split_host("assure.ameli.fr"))
    assert domains.is_official(domains.split_host("www.impots.gouv.fr"))
    assert not domains.is_official(host)
    brand = domains.brand_token_in(host)
    assert brand is not None
    assert brand.key == "ameli"
    typo = domains.typosquat_of(domains.split_host("arneli.fr"))
    assert typo is not None
    assert typo.key == "ameli"
    assert domains.typosquat_of(domains.split_host("cafe.fr")) is None


def test_tldextract_never_touches_the_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> NoReturn:
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    domains._extractor.cache_clear()
    domains.split_host.cache_clear()
    assert domains.split_host("www.example.co.uk").registered == "example.co.uk"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=3000))
def test_fuzz_eml_parser_bytes(data: bytes) -> None:
    try:
        parse_message(b"From: a@b.fr\nSubject: x\nContent-Type: text/plain\n\n" + data, "email")
        parse_message(data)
    except InputError:
        pass


_HEADER_PIECES = st.sampled_from(
    [
        "From: ", "Reply-To: ", "Return-Path: ", "Subject: ", "Content-Type: ",
        "Content-Disposition: ", "Authentication-Results: ", "MIME-Version: 1.0",
        "multipart/mixed; boundary=", '"', "=?utf-8?b?", "?=", "--", "\n", "\r\n", ";",
        "filename*=", "charset=", "text/html", "<a href=", ">", "</a>", "base64", "@",
    ]
)  # fmt: skip


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(_HEADER_PIECES, st.text(max_size=20)), max_size=60))
def test_fuzz_eml_parser_structured(pieces: list[str]) -> None:
    raw = "From: a@b.fr\nTo: c@d.fr\n" + "".join(pieces)
    with contextlib.suppress(InputError):
        parse_message(raw.encode("utf-8", "surrogatepass"), "email")


def test_an_empty_body_after_the_headers_still_reads_the_subject() -> None:
    message = parse_message(b"From: a@b.example\nSubject: Verify your account now\n\n\n", "email")
    assert message.body == ""
    assert message.subject == "Verify your account now"
    with pytest.raises(InputError, match="truncated"):
        parse_message(b"From: a@b.example\nSubject: x\n", "email")
    with pytest.raises(InputError, match="truncated"):
        parse_message(b"From: a@b.example\nTo: c@d.example\n\n\n", "email")


@pytest.mark.parametrize("encoding", ["utf-8", "cp1252"])
def test_raw_8bit_headers_are_read_as_written(encoding: str) -> None:
    raw = (
        'From: "Sécurité Sociale" <contact@secu-remboursement.example>\n'
        "Subject: Remboursement de vos frais médicaux en attente\n"
        "Content-Type: text/plain; charset=utf-8\n\nBonjour.\n"
    ).encode(encoding)
    message = parse_message(raw, "email")
    assert message.subject == "Remboursement de vos frais médicaux en attente"
    assert message.from_name == "Sécurité Sociale"
    assert "\ufffd" not in message.subject + message.from_name


@pytest.mark.parametrize(
    ("headers", "expected"),
    [
        ("To: Jose <Jose@Harbourline.example>, ann@ridgewater.example", "jose@harbourline.example"),
        (
            "To: undisclosed-recipients:;\nDelivered-To: box@harbourline.example",
            "box@harbourline.example",
        ),
        ("Delivered-To: box@harbourline.example", "box@harbourline.example"),
        ("To: not an address", ""),
        ("To: " + "x" * 5000 + "@example.org", ""),
    ],
)
def test_first_recipient_address(headers: str, expected: str) -> None:
    raw = f"From: a@b.example\n{headers}\nSubject: s\n\nbody\n"
    assert parse_message(raw, "email").to_addr == expected
