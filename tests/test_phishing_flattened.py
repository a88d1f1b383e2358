"""E-mails flattened to text (pasted, or exported by archive tools): the links are gone,
the buttons' words stay. A button with no link left to read is an unknown destination."""

from __future__ import annotations

from tests.test_phishing_cases_recall import fired

_FLATTENED = (
    "From: TD Bank <tdbank@tdbank.com>\n"
    "Subject: TD Bank: Online Banking Security Check\n\n"
    "TD Bank\n\n    Security Check Required\n\nDear TD Bank customer,\n\n"
    "    As part of our security process, please complete a security check to continue.\n\n"
    "           Start Security Check\n\n"
    "TD Bank, N.A. | Member FDIC | Privacy | Security\n"
)
_PLAIN_NOTE = (
    "From: Dan Kowal <dan@kowal-legal.example>\n"
    "Subject: Thursday\n\n"
    "Hi Pat,\n\nThursday at 10 works for me. I'll bring the settlement papers.\n\nDan\n"
)


def test_a_button_without_its_link_is_an_unknown_channel() -> None:
    reasons = fired(_FLATTENED, "email")
    assert "contact.unknown_channel" in reasons
    assert "allow.no_data_request" not in reasons


def test_a_plain_note_still_asks_for_nothing() -> None:
    reasons = fired(_PLAIN_NOTE, "email")
    assert "contact.unknown_channel" not in reasons
    assert "allow.no_data_request" in reasons


def test_a_button_with_its_link_is_judged_by_the_link() -> None:
    html = (
        "From: TD Bank <alerts@td.com>\nSubject: Statement ready\n"
        "Content-Type: text/html; charset=utf-8\n\n"
        '<p>Your statement is ready.</p><p><a href="https://www.td.com/statements">'
        "View statement</a></p>"
    )
    assert "contact.unknown_channel" not in fired(html, "email")
