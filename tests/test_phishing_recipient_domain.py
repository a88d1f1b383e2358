"""``email.recipient_domain_service``: the reader's own domain named as a mail service, from
elsewhere. Each case pairs the kit's mail with the ordinary one it imitates."""

from __future__ import annotations

import pytest

from leaktrace.phishing import analyze
from tests.test_phishing_cases_recall import fired

RULE = "email.recipient_domain_service"


def mail(sender: str, to: str, subject: str, body: str) -> str:
    return f"From: {sender}\nTo: {to}\nSubject: {subject}\n\n{body}\n"


@pytest.mark.parametrize(
    ("sender", "subject", "body"),
    [
        ("Mail Admin <x@luxdun.top>", "harbourline.example Webmail: mailbox full", "Upgrade now."),
        ("Postmaster <p@falpraro.co.za>", "[harbourline.example] Password expiry", "Keep it."),
        ("Support <s@casven.top>", "Notice", "Dear harbourline.example user, verify today."),
        ("Harbourline IT Help Desk <a@b-c.top>", "Action required", "Re-validate your mailbox."),
        ('"harbourline.example Admin" <a@marwex.top>', "Storage limit", "Your quota is at 99%."),
    ],
)
def test_the_recipients_domain_as_a_mail_service(sender: str, subject: str, body: str) -> None:
    assert RULE in fired(mail(sender, "<jose@harbourline.example>", subject, body), "email")


@pytest.mark.parametrize(
    ("sender", "to", "subject", "body"),
    [
        # Internal IT mail comes from the organisation's own domain.
        (
            "IT Help Desk <it@harbourline.example>",
            "<jose@harbourline.example>",
            "harbourline.example Webmail maintenance",
            "Webmail is down on Sunday from 2 to 4 am.",
        ),
        # A free mailbox is no organisation: "Dear Gmail user" is the brand rules' business.
        (
            "Support <s@casven.top>",
            "<jose123@gmail.com>",
            "gmail.com account",
            "Dear gmail.com user, verify today.",
        ),
        # A mailing list: members write from everywhere, under the list's [tag].
        (
            "Grace <grace@icloud.com>",
            "<discuss@lists.harbourline.example>",
            "[harbourline] Sunday ride",
            "Meet at 9, harbourline users welcome.",
        ),
        # An outside service names itself, and the reader's address only as an address.
        (
            "Google <no-reply@accounts.google.com>",
            "<jose@harbourline.example>",
            "Security alert",
            "A new sign-in to jose@harbourline.example. Google account support.",
        ),
        # A customer writing to the company about its products.
        (
            "Ann <ann@ridgewater.example>",
            "<sales@harbourline.example>",
            "Quote",
            "Hello, do Harbourline boats come with a trailer?",
        ),
    ],
)
def test_ordinary_mail_naming_the_recipients_domain(
    sender: str, to: str, subject: str, body: str
) -> None:
    assert RULE not in fired(mail(sender, to, subject, body), "email")


def test_the_evidence_never_repeats_the_domain() -> None:
    text = mail(
        "Mail Admin <x@luxdun.top>",
        "<jose@harbourline.example>",
        "harbourline.example Webmail: mailbox full",
        "Dear harbourline.example user, upgrade now.",
    )
    result = analyze(text, "email", lang="en")
    reason = next(r for r in result["reasons"] if r["rule_id"] == RULE)
    assert "webmail" in reason["detail"].lower()
    assert "harbourline" not in reason["detail"].lower()


def test_a_texted_message_has_no_recipient() -> None:
    assert RULE not in fired("harbourline.example Webmail: your mailbox is full", "sms")
