"""Whose site a link leads to: government suffixes, pages anyone can publish, brands in paths."""

from __future__ import annotations

import base64

import pytest

from leaktrace.phishing import analyze
from leaktrace.phishing.domains import brand_token_in, is_official, split_host
from leaktrace.phishing.hosting import is_user_content
from leaktrace.phishing.message import parse_message
from leaktrace.phishing.rules import Context
from leaktrace.phishing.urls import embedded_urls, parse_url
from tests.test_phishing_cases_recall import fired


@pytest.mark.parametrize(
    ("host", "official"),
    [
        ("www.irs.gov", True),
        ("www.uhb.nhs.uk", True),
        ("www.tax.service.gov.uk", True),
        ("www.canada.ca", True),
        ("www.cra-arc.gc.ca", True),
        ("my.ato.gov.au", True),
        ("irs.gov.refund-status.example", False),
        ("irs-gov.com", False),
        ("gov.example", False),
    ],
)
def test_government_suffixes_are_official(host: str, official: bool) -> None:
    assert is_official(split_host(host)) is official


@pytest.mark.parametrize(
    ("url", "hosted"),
    [
        ("https://sites.google.com/view/wamu1919/", True),
        ("https://docs.google.com/forms/d/e/1FAIpQL/viewform", True),
        ("https://docs.google.com/document/d/1AbC/edit", False),
        ("https://drive.google.com/file/d/1AbC/view", False),
        ("https://secure-login-3f1.web.app/", True),
        ("https://bafybeigd.ipfs.dweb.link/index.html", True),
        ("https://contoso-my.sharepoint.com/:b:/g/personal/x", True),
        ("https://storage.googleapis.com/bucket-x/index.html", True),
        ("https://www.google.com/search?q=x", False),
        ("https://www.paypal.com/signin", False),
    ],
)
def test_pages_anyone_can_publish(url: str, hosted: bool) -> None:
    parsed = parse_url(url)
    assert parsed is not None
    assert is_user_content(parsed) is hosted


def test_a_google_site_is_no_official_link() -> None:
    text = (
        "Dear Customer, your parcel is held by customs. Australia Post.\n"
        "Pay the fee here: https://sites.google.com/view/vlpi3zsx4k/"
    )
    found = fired(text, "email")
    assert {"url.free_hosting", "brand.link_mismatch"} <= found
    assert "allow.official_links_only" not in found
    assert analyze(text, "email", lang="en")["verdict"] != "legitimate"


def test_an_authenticated_platform_does_not_vouch_for_its_users_pages() -> None:
    mail = (
        "From: Google Forms <forms-receipts-noreply@google.com>\nTo: a@example.com\n"
        "Subject: Verify your mailbox\n"
        "Authentication-Results: mx.example.com; spf=pass; dkim=pass; dmarc=pass\n\n"
        "Your mailbox is full. Verify it here: https://docs.google.com/forms/d/e/1FAIpQL/viewform\n"
    )
    assert "allow.sender_own_links" not in fired(mail, "email")


def test_steam_guard_lookalike() -> None:
    text = (
        "Your Steam Guard code is 3F8K2. If you didn't log in, report it: steamcommunity-guard.cc"
    )
    assert "domain.brand_in_foreign" in fired(text, "sms")
    real = "Steam Support: your ticket was answered, see https://help.steampowered.com/en/"
    assert "domain.brand_in_foreign" not in fired(real, "sms")


def test_a_free_mailbox_does_not_speak_for_a_brand() -> None:
    mail = "From: Wells Fargo Online <wf.secure@outlook.com>\nSubject: Statement\n\nHello.\n"
    assert "email.sender_brand_mismatch" in fired(mail, "email")
    own = "From: Outlook Team <no-reply@outlook.com>\nSubject: Welcome\n\nHello.\n"
    assert "email.sender_brand_mismatch" not in fired(own, "email")
    partner = "From: Medicare <medicare@subscriptions.cms.hhs.gov>\nSubject: News\n\nHello.\n"
    assert "email.sender_brand_mismatch" not in fired(partner, "email")


def test_a_button_without_its_link_still_calls_to_action() -> None:
    mail = (
        "From: Account Security <security@account-center.example>\nSubject: Sign-in\n\n"
        "We detected unusual sign-in activity on your account.\n\nReview recent activity\n"
    )
    assert "lure.call_to_action" in fired(mail, "email")
    assert "lure.call_to_action" not in fired(mail.replace("Review recent activity", ""), "email")


@pytest.mark.parametrize(
    ("outer", "inner_host"),
    [
        (
            "http://www.google.com/url?sa=t&url=http%3A%2F%2F66.90.221.236%3A7301%2Fbank%2Fsignon",
            "66.90.221.236",
        ),
        (
            "http://rds.yahoo.com/_ylt=A03/SIG=zq8/EXP=1164/*-http://211.230.50.233:3128/o.cgi",
            "211.230.50.233",
        ),
        (
            "https://eur01.safelinks.protection.outlook.com/?url=https%3A%2F%2Fpay-fee.example%2Fx&data=1",
            "pay-fee.example",
        ),
    ],
)
def test_links_inside_redirects_are_links(outer: str, inner_host: str) -> None:
    parsed = parse_url(outer)
    assert parsed is not None
    assert [url.host.host for url in embedded_urls(parsed)] == [inner_host]
    found = fired(f"Dear customer, sign in to restore your account: {outer}", "email")
    assert "allow.official_links_only" not in found


def test_a_plain_link_embeds_nothing() -> None:
    parsed = parse_url("https://www.paypal.com/signin?country=us&locale=en_US")
    assert parsed is not None
    assert embedded_urls(parsed) == []


def test_an_image_only_mail_reads_as_its_alt_text() -> None:
    mail = (
        "From: PayPal <service@paypal.com>\nSubject: Action required\n"
        "MIME-Version: 1.0\nContent-Type: text/html\n\n"
        '<html><body><a href="http://paypa1.example/webscr.html"><img src="x.png" '
        'alt="https://www.paypal.com/cgi-bin/webscr?cmd=_login"></a></body></html>\n'
    )
    result = analyze(mail, "email", lang="en")
    assert "email.link_text_mismatch" in {reason["rule_id"] for reason in result["reasons"]}
    assert result["verdict"] == "phishing"


def test_footer_icons_do_not_speak_for_brands() -> None:
    mail = (
        "From: Events <events@conference.example>\nSubject: See you in May\n"
        "MIME-Version: 1.0\nContent-Type: text/html\n\n"
        "<html><body><p>Registration is open.</p>"
        '<a href="https://conference.example/in"><img alt="LinkedIn" src="in.png"></a>'
        "</body></html>\n"
    )
    assert "brand.link_mismatch" not in fired(mail, "email")


def test_a_qr_code_to_renew_sign_in() -> None:
    scam = (
        "Your multi-factor authentication must be renewed. Scan the QR code below with your phone."
    )
    assert "lure.qr_code" in fired(scam, "email")
    ticket = "Your ticket for Saturday: scan the QR code at the entrance. Enjoy the show!"
    assert "lure.qr_code" not in fired(ticket, "email")


def test_a_link_to_the_senders_own_site_is_no_unknown_site() -> None:
    mail = (
        "From: IT Security <it@northwind.example>\nSubject: Password policy\n\n"
        "Your password will expire under the new policy. Details: "
        "https://intranet.northwind.example/security/policy\n"
    )
    assert "lure.call_to_action" not in fired(mail, "email")
    spoofed = mail.replace("https://intranet.northwind.example", "https://northwind-it.example")
    assert "lure.call_to_action" in fired(spoofed, "email")


def test_a_code_on_its_own_line_is_delivered_not_asked() -> None:
    mail = (
        "From: Okta <noreply@okta.example>\nSubject: Your verification code\n\n"
        "Enter this verification code to sign in:\n\n482 913\n\nIt expires in 10 minutes.\n"
    )
    assert "request.credentials" not in fired(mail, "email")
    ask = (
        "From: Support <help@desk.example>\nSubject: Verify\n\n"
        "Reply with the verification code we sent to your phone to keep your account.\n"
    )
    assert "request.credentials" in fired(ask, "email")


_AUTH = "Authentication-Results: mx.example.net; spf=pass; dkim=pass; dmarc=pass\n"


def test_the_senders_own_sharepoint_is_its_own_site() -> None:
    mail = (
        f"From: Dana <dana@halvorsen.example>\nSubject: Q3 plan\n{_AUTH}\n"
        "Dana shared a file with you on SharePoint: "
        "https://halvorsen.sharepoint.com/:w:/s/plans/EaB1\n"
    )
    found = fired(mail, "email")
    assert "url.free_hosting" not in found
    assert "brand.link_mismatch" not in found
    other = mail.replace("halvorsen.sharepoint.com", "secure-docs44.sharepoint.com")
    assert "url.free_hosting" in fired(other, "email")


def test_an_authenticated_warning_linking_home_speaks_for_its_sender() -> None:
    mail = (
        f"From: IT Security <it@halvorsen.example>\nSubject: Fake Microsoft mails\n{_AUTH}\n"
        "Fake Microsoft 365 mails are going around. Read more: "
        "https://intranet.halvorsen.example/security\n"
    )
    assert "brand.link_mismatch" not in fired(mail, "email")
    unauthenticated = mail.replace(_AUTH, "")
    assert "brand.link_mismatch" in fired(unauthenticated, "email")
    elsewhere = mail.replace("https://intranet.halvorsen.example", "https://ms365-login.example")
    assert "brand.link_mismatch" in fired(elsewhere, "email")


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        (
            "There is a new secure message waiting for you. Please log on to read it.",
            "lure.mailbox_document",
        ),
        ("4 new messages are held in quarantine for you.", "lure.mailbox_document"),
        ("Kindly find attached the SWIFT copy MT103 of today's payment.", "lure.mailbox_document"),
        (
            "Your email will be blocked after multiple failed login attempts.",
            "lure.account_suspended",
        ),
        ("Your organization requires you to re-register your MFA methods.", "lure.verify_account"),
        (
            "If you did not authorize this charge, click the link below to cancel it.",
            "lure.security_alert",
        ),
        ("Play the attached audio message (VM_0804.htm) to listen.", "email.risky_attachment"),
        ("Hi, I need a favour. Do you have your phone with you?", "lure.urgent_favor"),
        (
            "We are private investors willing to fund viable projects at 2% yearly.",
            "lure.advance_fee",
        ),
    ],
)
def test_classic_mail_lures_written_as_text(text: str, rule: str) -> None:
    assert rule in fired(f"From: x <x@sender.example>\nSubject: Notice\n\n{text}\n", "email")


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        (
            "My dearest, the company holds my pay until I settle customs of $3,850. Can you help?",
            "lure.romance",
        ),
        (
            "Hello dear, I came across your email looking for a genuine friend. I am single.",
            "lure.romance",
        ),
        (
            "An unclaimed allocation of £500,000.00 from the International Email Draw awaits you.",
            "lure.advance_fee",
        ),
        (
            "A diplomatic consignment in your name arrived; the box contains funds.",
            "lure.advance_fee",
        ),
        (
            "Kindly make this month's payment to our alternate account: IBAN GB00 0000",
            "request.payment_transfer",
        ),
        (
            "I work with a trading mentor who only takes a few people. Want an intro?",
            "lure.investment",
        ),
        (
            "We are deleting all unused accounts to free space on the mail server.",
            "lure.account_suspended",
        ),
        (
            "Your Microsoft 365 plan renews on June 10 for $252.44. To cancel, speak to our team "
            "on +1-833-717-8776.",
            "phone.unofficial_callback",
        ),
    ],
)
def test_export_shaped_lures(text: str, rule: str) -> None:
    assert rule in fired(f"From: x <x@sender.example>\nSubject: Hello\n\n{text}\n", "email")


def test_quickbooks_is_protected() -> None:
    mail = (
        "From: Tidewater via QuickBooks <quickbooks@notification-intuit.example>\n"
        "Subject: Invoice 9671\n\nHere's your invoice! Review and pay "
        "<https://intuit-zorbel.example/pay?inv=9671>\n"
    )
    assert "domain.brand_in_foreign" in fired(mail, "email")


def _ctx(text: str) -> Context:
    return Context(parse_message(text, "sms"))


def _bing(target: bytes) -> str:
    return "https://www.bing.com/ck/a?!&&p=1d79&u=a1" + base64.urlsafe_b64encode(target).decode()


def test_a_bing_click_tracker_leads_where_its_base64_says() -> None:
    ctx = _ctx(f"Secure your account: {_bing(b'https://capone-verify.example/login')}")
    assert "capone-verify.example" in {url.host.registered for url in ctx.foreign_urls}


def test_a_redirect_whose_target_cannot_be_read_is_no_official_link() -> None:
    opaque = "https://www.bing.com/ck/a?!&&p=1d79&u=a1aHR0cHM6Ly9BQ9FfnQDpJ8bR25&ntb=1"
    ctx = _ctx(f"Capital One: if this wasn't you, secure your account: {opaque}")
    assert [url.host.host for url in ctx.foreign_urls] == ["www.bing.com"]
    assert "allow.official_links_only" not in fired(f"Capital One: secure it at {opaque}", "sms")


def test_a_redirect_to_an_official_site_stays_official() -> None:
    wrapped = "https://www.google.com/url?q=https://www.chase.com/statements&sa=D"
    ctx = _ctx(f"Your statement is ready: {wrapped}")
    assert ctx.foreign_urls == []
    assert "allow.official_links_only" in fired(f"Your statement is ready: {wrapped}", "sms")
    search = "https://www.bing.com/search?q=chase+statements"
    assert _ctx(f"See {search}").foreign_urls == []


@pytest.mark.parametrize(
    ("name", "own"),
    [
        ("Booking.com Support", "noreply@booking.com"),
        ("KuCoin", "no-reply@kucoin.com"),
        ("Airbnb", "automated@airbnb.com"),
        ("WeTransfer", "noreply@wetransfer.com"),
        ("Trust Wallet", "support@trustwallet.com"),
    ],
)
def test_travel_transfer_and_wallet_brands_are_protected(name: str, own: str) -> None:
    body = "Subject: Action required\nContent-Type: text/plain\n\nPlease review your account.\n"
    assert "email.sender_brand_mismatch" in fired(
        f"From: {name} <x@blueskydrones.es>\n{body}", "email"
    )
    assert "email.sender_brand_mismatch" not in fired(f"From: {name} <{own}>\n{body}", "email")


@pytest.mark.parametrize(
    ("host", "brand"),
    [
        ("paypa1-secure.top", "paypal"),
        ("amaz0n-billing.net", "amazon"),
        ("micros0ft-login.com", "microsoft"),
    ],
)
def test_digits_for_letters_inside_a_longer_name(host: str, brand: str) -> None:
    found = brand_token_in(split_host(host))
    assert found is not None
    assert found.key == brand


@pytest.mark.parametrize(
    "host", ["purchase2go.com", "office365.com", "1and1.com", "covid19-info.org"]
)
def test_names_with_digits_that_imitate_no_brand(host: str) -> None:
    assert brand_token_in(split_host(host)) is None
