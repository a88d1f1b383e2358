"""Verdicts on typical messages, the output contract, the model artefact, fuzzing ``analyze``."""

from __future__ import annotations

import contextlib
import json
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from leaktrace.errors import InputError
from leaktrace.phishing import analyze
from leaktrace.phishing.analyze import MODEL_RULE_ID
from leaktrace.phishing.model import default_model, features

FRENCH_SET = Path(__file__).parent / "data" / "phishing_fr.jsonl"

TYPICAL = [
    (
        "Bonjour Mme Roux, suite à votre prise de sang du 14/03 au laboratoire Cerballiance de "
        "Nantes, un défaut a été détecté sur votre carte Vitale. Régularisez : "
        "https://ameli-regularisation.com",
        "sms",
        "phishing",
    ),
    (
        "Votre nouvelle carte Vitale est prête. Frais d'envoi 1,49 € à régler sur "
        "vitale-envoi.info",
        "sms",
        "phishing",
    ),
    (
        "Assurance Maladie : merci de rappeler d'urgence le 09 71 55 22 10 au sujet de vos "
        "remboursements.",
        "sms",
        "phishing|suspicious",
    ),
    (
        "Assurance Maladie : un remboursement de 31,50 € a été effectué le 02/04. Détail dans "
        "votre compte ameli.",
        "sms",
        "legitimate",
    ),
    (
        "Rappel : RDV demain 14:10 avec Dr Morel, 3 rue Victor Hugo, 44000 Nantes. Gérer le RDV :"
        " https://www.doctolib.fr/account/appointments",
        "sms",
        "legitimate",
    ),
    (
        "Biogroup : vos résultats du 02/05 sont disponibles sur https://www.biogroup.fr",
        "sms",
        "legitimate",
    ),
    (
        "L'Assurance Maladie ne vous demandera jamais vos coordonnées bancaires par SMS. "
        "Signalez les SMS frauduleux au 33700.",
        "sms",
        "legitimate",
    ),
]


@pytest.mark.parametrize(("text", "channel", "verdict"), TYPICAL)
def test_typical_verdicts(text: str, channel: str, verdict: str) -> None:
    result = analyze(text, channel, lang="fr")  # type: ignore[arg-type]
    assert result["verdict"] in verdict.split("|"), result["reasons"]


def test_output_contract_and_score_is_the_sum_of_weights() -> None:
    result = analyze(TYPICAL[0][0], "sms", lang="en")
    assert set(result) == {"verdict", "score", "reasons", "advice"}
    assert 0 <= result["score"] <= 100
    assert result["score"] == max(0, min(100, sum(r["weight"] for r in result["reasons"])))
    for reason in result["reasons"]:
        assert set(reason) == {"rule_id", "detail", "weight"}
    ids = {r["rule_id"] for r in result["reasons"]}
    assert "personal.details_quoted" in ids
    advice = " ".join(result["advice"])
    assert "33700" in advice
    assert "3646" in advice
    assert "Phishing Initiative" in advice
    assert "leaked" in " ".join(r["detail"] for r in result["reasons"])
    # The explanation never repeats the personal details it found.
    assert "14/03" not in json.dumps(result)


def test_email_advice_names_signal_spam() -> None:
    result = analyze(
        "Objet : Compte suspendu\n\nVotre compte est suspendu : "
        + "https://ameli-compte.net/login",
        "email",
        lang="fr",
    )
    assert result["verdict"] != "legitimate"
    assert any("Signal Spam" in line for line in result["advice"])


def test_rules_alone_explain_every_verdict() -> None:
    """The model adjusts the score; a non-legitimate verdict always has a firing rule."""
    for text, channel, _ in TYPICAL:
        for use_model in (True, False):
            result = analyze(text, channel, use_model=use_model)  # type: ignore[arg-type]
            positive = [r for r in result["reasons"] if r["weight"] > 0]
            if result["verdict"] != "legitimate":
                assert any(r["rule_id"] != MODEL_RULE_ID for r in positive)
    reasons = analyze(TYPICAL[1][0], "sms", use_model=False)["reasons"]
    assert all(r["rule_id"] != MODEL_RULE_ID for r in reasons)


def test_shipped_model_loads_and_scores() -> None:
    model = default_model()
    assert model is not None
    assert len(model.terms) > 1000
    spam = model.probability("WINNER!! You have won a £1000 prize. Call 09061701461 to claim")
    ham = model.probability("Ok see you at home tonight, I'll bring the pizza")
    assert spam > 0.5 > ham
    assert "urltok" in features("go to https://x.example/a now")


def test_bad_language() -> None:
    with pytest.raises(InputError):
        analyze("bonjour", "sms", lang="de")


def test_french_set_is_large_and_covers_every_kind() -> None:
    rows = [json.loads(line) for line in FRENCH_SET.read_text("utf-8").splitlines()]
    assert len(rows) >= 150
    # A text may come with its sender, as the phone shows it (eighth session).
    assert {tuple(sorted(set(r) - {"sender"})) for r in rows} == {
        ("channel", "kind", "label", "text")
    }
    senders = [r for r in rows if "sender" in r]
    assert all(r["channel"] == "sms" and r["sender"] for r in senders)
    assert Counter(r["label"] for r in senders)["legitimate"] >= 4
    labels = Counter(r["label"] for r in rows)
    assert labels["phishing"] >= 60
    assert labels["legitimate"] >= 60
    kinds = {r["kind"] for r in rows}
    for kind in (
        "vitale_renewal",
        "vitale_fees",
        "reimbursement",
        "account_suspended",
        "deadline_threat",
        "small_payment",
        "bank_details",
        "nir_request",
        "credentials",
        "callback",
        "personal_details",
        "lookalike",
        "ameli_notice",
        "doctolib_reminder",
        "lab_results",
        "prevention",
        "delivery_real",
        "bank_real",
    ):
        assert kind in kinds


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=400), st.sampled_from(["sms", "email", None]))
def test_fuzz_analyze_text(text: str, channel: str | None) -> None:
    try:
        result = analyze(text, channel)  # type: ignore[arg-type]
    except InputError:
        return
    assert result["verdict"] in ("phishing", "suspicious", "legitimate")


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=600))
def test_fuzz_analyze_bytes(data: bytes) -> None:
    with contextlib.suppress(InputError):
        analyze(data)
