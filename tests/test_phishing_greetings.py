"""Greetings that give a scam away: a text that is nothing but a greeting
(``lure.bare_greeting``; one that goes on to say who writes, or why, is not), and an e-mail
that greets its reader by address (``lure.address_as_name``)."""

from __future__ import annotations

import pytest

from leaktrace.phishing import analyze
from tests.test_phishing_cases_recall import fired


@pytest.mark.parametrize(
    "text",
    [
        "Hi",
        "hey",
        "Hello dear",
        "Hi, are you there?",
        "Good evening 😊",
        "hi 👋",
        "Hi how are you doing today?",
        "Good afternoon, how are you?",
        "hey, how have you been? long time no talk",
        "Hello my friend, do you have a minute?",
        "Bonjour, vous êtes là ?",
        "Coucou ça va ?",
    ],
)
def test_a_bare_greeting_is_flagged_on_its_own(text: str) -> None:
    result = analyze(text, "sms", lang="en")
    assert "lure.bare_greeting" in {r["rule_id"] for r in result["reasons"]}
    # The rule alone reaches the suspicious band; the no-request allowance does not cancel it.
    assert result["verdict"] != "legitimate"
    assert "allow.no_data_request" not in {r["rule_id"] for r in result["reasons"]}


@pytest.mark.parametrize(
    "text",
    [
        "Hi David, are we still on for dinner?",
        "Hello, your parcel is waiting at the front desk",
        "Good morning! Meeting moved to 10",
        "Hey it's Sam, new number",
        "??",
        "Hi " * 40,  # longer than any opener: a stuck key or a paste, not a greeting
        "Bonjour, votre rendez-vous est confirmé demain à 9 h.",
    ],
)
def test_anything_more_than_a_greeting_is_left_to_the_other_rules(text: str) -> None:
    assert "lure.bare_greeting" not in fired(text, "sms")


def test_e_mails_are_not_read() -> None:
    mail = "From: a@example.net\nSubject: Hi\n\nHello dear\n"
    assert "lure.bare_greeting" not in fired(mail, "email")


def test_a_greeting_by_address_names_the_greeting_not_the_address() -> None:
    mail = (
        "From: IT <it@helpdesk-notice.example>\nSubject: Notice\n\n"
        "Hello jane.doe@example.org,\n\nYour password expires today.\n"
    )
    result = analyze(mail, "email", lang="en")
    reason = next(r for r in result["reasons"] if r["rule_id"] == "lure.address_as_name")
    assert "jane.doe" not in reason["detail"]
    assert reason["detail"].endswith("(hello)")
