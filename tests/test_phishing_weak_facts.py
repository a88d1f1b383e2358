"""Small rules that state a fact (a reply asked for, a free mailbox) and the precision fixes
of the fifth session: each fires where it should and stays quiet on its look-alike."""

from __future__ import annotations

import pytest

from leaktrace.phishing import analyze
from tests.test_phishing_cases_recall import fired


def test_a_free_mailbox_keeps_the_no_request_allowance_quiet() -> None:
    stranger = (
        "From: Carol Moore <carolmoore.office37@gmail.com>\nSubject: Thursday\n\n"
        "Hope your week is going well. Let me know when you are back in the office.\n"
    )
    colleague = stranger.replace("carolmoore.office37@gmail.com", "carol.moore@ridgewater.example")
    assert "email.free_mail_sender" in fired(stranger, "email")
    assert "allow.no_data_request" not in fired(stranger, "email")
    assert fired(colleague, "email") == {"allow.no_data_request"}


@pytest.mark.parametrize(
    ("text", "fires"),
    [
        ("Hello, is this Linda? It's Grace from pilates, we never properly swapped numbers", True),
        ("Hello, are you Mrs. Chambers? I'm Olivia, the designer.", True),
        ("Hi, I'm looking for Rachel. She said this was her number. Sorry if wrong!", True),
        ("Never answer a text that starts 'is this Jessica?': it is how scams begin.", False),
        ("3390 - use this to verify your number on Hinge", False),
        ("Got this e-mail from the bank, is this genuine? I didn't click", False),
    ],
)
def test_wrong_number_openers(text: str, fires: bool) -> None:
    assert ("lure.wrong_number" in fired(text, "sms")) is fires


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("X: 772614 is your login code. Don't reply to this message with your code.", None),
        ("Uber: Tell your driver the 4-digit PIN 4471 when you get in.", None),
        ("Warehouse shift tomorrow 6a-2:30p at the Midway facility. Reply YES to accept.", None),
        (
            "PayPal: Payment of $649.99 to Coinbase Inc. completed. Didn't make this payment? "
            "Our disputes line: 1-888-555-0155.",
            "lure.callback_invoice",
        ),
        (
            "Officer Reyes, county traffic division: there is a bench warrant for unpaid tickets "
            "in your name, call me back at 555-0163 to clear it up today",
            "lure.fake_summons",
        ),
        (
            "Mum please ring me on WhatsApp on this number, my old sim is dead x",
            "lure.family_emergency",
        ),
    ],
)
def test_fifth_session_precision_and_reach(text: str, rule: str | None) -> None:
    found = fired(text, "sms")
    if rule is None:
        assert not {"request.code_relay", "sms.premium_service"} & found
        assert analyze(text, "sms", lang="en")["verdict"] == "legitimate"
    else:
        assert rule in found


def test_a_reply_request_alone_is_not_a_verdict() -> None:
    """Five points: the model and other rules must add up before anything is flagged."""
    result = analyze(
        "Hi Sarah, Bright Smile Dental: cleaning tomorrow at 2pm. Reply YES to confirm.",
        "sms",
        lang="en",
        use_model=False,
    )
    assert [r["rule_id"] for r in result["reasons"]] == ["sms.reply_request"]
    assert result["verdict"] == "legitimate"


@pytest.mark.parametrize(
    "text",
    [
        "Thanks to all who took part in last month's phishing exercise. 12% clicked the link.",
        "We are aware of a phishing campaign asking you to verify your account. Report it.",
        "Yes, that's phishing, delete it. The real site is the one you type yourself.",
        "Use the Report Phishing button in Outlook for any suspicious email.",
    ],
)
def test_security_teams_own_mail_is_a_warning(text: str) -> None:
    mail = f"From: IT Security <security@northwind.example>\nSubject: Notice\n\n{text}\n"
    assert "allow.prevention_message" in fired(mail, "email")


def test_an_impersonators_report_button_earns_nothing() -> None:
    mail = (
        "From: PayPal <service@paypa1-secure.example>\nSubject: Notice\n\n"
        "Verify your account at http://paypa1-secure.example/login or report phishing to us.\n"
    )
    assert "allow.prevention_message" not in fired(mail, "email")


def test_a_lure_quoted_is_not_asked() -> None:
    warning = (
        "From: IT Security <security@harbourline.example>\nSubject: Phishing alert\n\n"
        'Some of you received mails asking you to "verify your mailbox within 24 hours". '
        "Delete them and tell us."
    )
    lure = (
        "From: Mail Admin <admin@luxdun.top>\nSubject: Mailbox\n\n"
        "Please verify your mailbox within 24 hours. Then your mailbox keeps working."
    )
    for rule in ("lure.verify_account", "lure.deadline"):
        assert rule not in fired(warning, "email")
        assert rule in fired(lure, "email")


def test_a_message_pasted_between_quotes_is_still_read() -> None:
    # Whoever pastes what they received, in quotes, is asking about it: a long quote is a
    # message, not a phrase discussed.
    pasted = (
        'just got this and I ordered nothing: "UPS: Your package is on hold at our local '
        'facility, please confirm your delivery details at ups-redelivery.top"'
    )
    assert "lure.verify_account" in fired(pasted, "sms")
