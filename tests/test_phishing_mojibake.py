"""Text that reached us damaged is read as written: mojibake ("havenâ€™t") and HTML entities.

Mailbox exports and CSV dumps of messages often hold UTF-8 that was once read as Windows-1252.
Messages written for these tests; the damage is made with the codecs, as it happens.
"""

from __future__ import annotations

import ftfy.bad_codecs  # noqa: F401 - registers "sloppy-windows-1252", the damage as it happens
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from leaktrace.phishing import analyze
from leaktrace.phishing.text import repair_mojibake, unescape_entities
from tests.test_phishing_cases_recall import fired


def _damaged(text: str) -> str:
    """UTF-8 read as Windows-1252, its five unassigned bytes kept as control characters."""
    return text.encode("utf-8").decode("sloppy-windows-1252")


@pytest.mark.parametrize(
    "text",
    [
        "You haven’t verified your account: click “Verify” below.",
        "Vérifiez votre compte dès maintenant : remboursement de 84,20 € en attente.",
        "Votre carte Vitale expire : réglez 1,49 € de frais d’envoi.",
    ],
)
def test_damaged_text_is_repaired(text: str) -> None:
    assert _damaged(text) != text
    assert repair_mojibake(_damaged(text)) == text


@pytest.mark.parametrize(
    "text",
    [
        "Déjà vu: café, naïve, résumé — all correct.",
        "plain ascii",
        "À bientôt, São Paulo, Île-de-France",
    ],
)
def test_sound_text_is_left_alone(text: str) -> None:
    assert repair_mojibake(text) == text


def test_the_rules_read_a_damaged_lure_as_the_clean_one() -> None:
    lure = "Assurance Maladie : votre carte Vitale expire, réglez 1,49 € sur ameli-vitale.fr"
    clean, damaged = analyze(lure, "sms"), analyze(_damaged(lure), "sms")
    assert damaged["verdict"] == clean["verdict"] == "phishing"
    assert {r["rule_id"] for r in damaged["reasons"]} == {r["rule_id"] for r in clean["reasons"]}
    assert "lure.small_payment" in fired(_damaged(lure), "sms")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=300))
def test_fuzz_repair_never_raises(text: str) -> None:
    for candidate in (text, _damaged(text)):
        repaired = repair_mojibake(candidate)
        assert isinstance(repaired, str)
        if candidate.isascii():
            assert repaired is candidate  # ASCII cannot be mojibake: not even looked at


def test_html_entities_left_in_plain_text_are_read() -> None:
    assert unescape_entities("verify&nbsp;your&nbsp;account") == "verify\u00a0your\u00a0account"
    assert unescape_entities("You haven&#39;t paid &amp; we&#x27;ll") == "You haven't paid & we'll"
    link = "https://x.example/?a=1&notify=2&copy=3"
    assert unescape_entities(link) == link  # no semicolon: not an entity
    text = "Please verify&nbsp;your&nbsp;account&nbsp;now at https://paypa1-secure.top/login"
    assert "lure.verify_account" in fired(text, "sms")
