"""The English lures and their hard negatives: verdict policy, sender sites, opt-outs, codes.

The English SMS and e-mail sets (``tests/data/phishing_en_*.jsonl``) were written for these
tests by hand, in ``dev`` and ``holdout`` halves: rules were developed against ``dev`` only.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from leaktrace.phishing import analyze
from leaktrace.phishing.analyze import MODEL_POINTS, MODEL_RULE_ID, SUSPICIOUS_AT
from leaktrace.phishing.domains import split_host
from leaktrace.phishing.message import parse_message
from leaktrace.phishing.model import TextModel
from tests.test_phishing_cases_recall import fired

DATA = Path(__file__).parent / "data"


@pytest.mark.parametrize(
    ("name", "minimum"),
    [("phishing_en_sms", 400), ("phishing_en_email_phish", 200), ("phishing_en_email_legit", 200)],
)
def test_english_sets_are_large_and_split(name: str, minimum: int) -> None:
    rows = [json.loads(line) for line in (DATA / f"{name}.jsonl").read_text("utf-8").splitlines()]
    assert len(rows) >= minimum
    assert {tuple(sorted(r)) for r in rows} == {("channel", "kind", "label", "split", "text")}
    splits = Counter(r["split"] for r in rows)
    assert set(splits) == {"dev", "holdout"}
    assert abs(splits["dev"] - splits["holdout"]) <= len(rows) // 10
    for row in rows:
        parse_message(row["text"], row["channel"])  # every message parses


def test_model_never_clears_what_the_rules_flag() -> None:
    """Rules alone at the suspicious band stay at least suspicious, whatever the model says."""
    text = "Hi, I'm selling my car. I'm sending you a Google Voice code, please read it back to me."
    ordinary = TextModel({}, -5.0, {})  # finds every text ordinary: p = 0.007
    result = analyze(text, "sms", lang="en", model=ordinary)
    rule_points = sum(r["weight"] for r in result["reasons"] if r["rule_id"] != MODEL_RULE_ID)
    model = [r["weight"] for r in result["reasons"] if r["rule_id"] == MODEL_RULE_ID]
    assert rule_points >= SUSPICIOUS_AT
    assert model == [-MODEL_POINTS]  # the model finds the wording ordinary...
    assert result["verdict"] != "legitimate"  # ...and does not clear it


def test_stop_opt_out_alone_is_not_a_premium_service() -> None:
    assert "sms.premium_service" not in fired(
        "Wells Fargo: direct deposit of $2,431.18 posted to account ending 0917. Reply HELP for "
        "help, STOP to cancel.",
        "sms",
    )
    assert "sms.premium_service" in fired("Txt WIN to 80082 for your free ringtone", "sms")


def test_a_delivered_code_is_not_a_request_for_it() -> None:
    delivered = "Your DoorDash verification code is 8812. Reply STOP to unsubscribe."
    assert "request.credentials" not in fired(delivered, "sms")
    asked = "Amazon: to cancel order #113-44, reply with the OTP code you just received."
    assert "request.code_relay" in fired(asked, "sms")


def test_link_to_the_senders_own_name_is_not_unknown() -> None:
    own = "Harbor Pets: your order has shipped. Track it at harborpets.com/orders"
    assert "sms.unknown_link" not in fired(own, "sms")
    other = "Harbor Pets: your order is on hold. Pay the fee at harborpets-fees.com/pay"
    assert "sms.unknown_link" in fired(other, "sms")
    # The sender's name on an unusual TLD is no proof of anything.
    assert "sms.unknown_link" in fired("USPS: pay the redelivery fee at usps.top/fee", "sms")


def test_a_phone_number_or_address_is_a_way_to_reach_the_sender() -> None:
    assert "allow.no_data_request" in fired("See you at the match on Saturday!", "sms")
    for text in (
        "Pvt finance arranged for business people. Cnt-9840139557",
        "Unclaimed bequest payment, write to infogfreeman@gmail.com",
        "Interested? Telegram @jobs_hr_emma",
    ):
        assert "allow.no_data_request" not in fired(text, "sms")
    # A date is not a phone number.
    assert "allow.no_data_request" in fired("Rendez-vous le 12/03/2024 au cabinet.", "sms")


def test_a_warning_from_an_impersonator_earns_nothing() -> None:
    fake = (
        "From: Santander <alerts@santander-uk-secure.net>\nSubject: Payment on hold\n\n"
        "Cancel the payment at https://santander-uk-secure.net/cancel. Santander will never "
        "ask for your full PIN.\n"
    )
    assert "allow.prevention_message" not in fired(fake, "email")
    assert analyze(fake, "email", lang="en")["verdict"] != "legitimate"


def test_reserved_documentation_tlds_read_as_tlds() -> None:
    host = split_host("mail.instagram-copyright.example")
    assert (host.label, host.suffix, host.registered) == (
        "instagram-copyright",
        "example",
        "instagram-copyright.example",
    )
    assert split_host("www.ameli.fr").registered == "ameli.fr"
    assert split_host("localhost").suffix == ""


def test_signal_spam_is_not_the_signal_messenger() -> None:
    reported = fired("Signalez ce message sur Signal Spam ou au 33700.", "sms")
    assert "contact.messaging_app" not in reported
    assert "contact.messaging_app" in fired("Download Signal and message our HR", "sms")


def test_ceo_fraud_opener_and_gift_cards() -> None:
    opener = (
        "From: David Mercer <david.mercer.ceo@gmail.com>\nSubject: Are you at your desk?\n\n"
        "Are you available? I need you to handle something for me discreetly, I'm in a meeting "
        "and can't talk on the phone.\n"
    )
    assert analyze(opener, "email", lang="en")["verdict"] != "legitimate"
    colleague = (
        "From: Anna <anna@example.com>\nSubject: Friday\n\n"
        "Are you available on Friday afternoon? I'd like to go over the slides together.\n"
    )
    assert "lure.urgent_favor" not in fired(colleague, "email")


def test_short_brand_tokens_are_not_country_codes() -> None:
    assert "domain.brand_in_foreign" not in fired("Menu: https://pizzeria-tallinn.ee/menu", "sms")
    assert "domain.brand_in_foreign" in fired("Pay at https://ee.billing-help.com/pay", "sms")


@pytest.mark.parametrize(
    ("text", "channel", "words"),
    [
        ("I'm sending you a Google Voice code, please read it back to me.", "sms", "code"),
        ("Hi, is this Megan? I found your number in my contacts", "sms", "stranger"),
        (
            "Please buy 5 Google Play gift cards and send me photos of the codes, I'm in a "
            "meeting.",
            "sms",
            "call the person",
        ),
        (
            "I recorded you through your webcam. Pay $900 in bitcoin to my wallet.",
            "sms",
            "blackmail",
        ),
        (
            "Hi Dad, this is my new number, my phone broke. Can you pay a bill for me?",
            "sms",
            "number you already have",
        ),
        (
            "Your car's factory warranty is about to expire. Reply YES to renew.",
            "sms",
            "not even with STOP",
        ),
    ],
)
def test_advice_names_what_to_do_about_each_scam(text: str, channel: str, words: str) -> None:
    result = analyze(text, channel, lang="en")
    assert result["verdict"] != "legitimate"
    assert any(words in line for line in result["advice"])
    french = analyze(text, channel, lang="fr")["advice"]
    assert len(french) == len(result["advice"])


def test_sender_name_as_a_fake_domain_prefix() -> None:
    def sender(address: str) -> str:
        return f"From: eBay <{address}>\nSubject: Question\n\nA member asked about your item.\n"

    assert "email.sender_lookalike" in fired(sender("member@ebay.com.ws-isapi.net"), "email")
    assert "email.sender_lookalike" in fired(sender("member@x.ebay.co.uk-help.net"), "email")
    # The name as a label but not followed by a TLD-like label, or a TLD-like label alone.
    assert "email.sender_lookalike" not in fired(sender("member@ebay.mail.relay.net"), "email")
    assert "email.sender_lookalike" not in fired(sender("member@com.ebayz.relay.net"), "email")


def test_marketing_words_count_only_in_pairs() -> None:
    newsletter = "This week: the best travel rewards cards, ranked. Read more on our site."
    assert "lure.prize" not in fired(newsletter, "email")
    lure = "Congratulations! Claim your reward today, it expires tonight."
    assert "lure.prize" in fired(lure, "sms")
    assert "lure.prize" in fired("You are the winner of our weekly draw!", "sms")


def test_a_job_offer_needs_real_pay() -> None:
    volunteers = "Volunteer drivers wanted this winter, no experience needed, training provided."
    assert "lure.job_offer" not in fired(volunteers, "email")
    mule = "We need payment processing agents in your country. You keep 10% commission."
    assert "lure.job_offer" in fired(mule, "email")
