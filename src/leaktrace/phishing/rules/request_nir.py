"""``request.nir``: the message asks for the social security number (NIR).

With a NIR and a date of birth a fraudster can open or take over an ameli account; the insurer
already knows it and never asks for it by message.
"""

from __future__ import annotations

from leaktrace.phishing.rules._base import Context, Rule
from leaktrace.phishing.rules._requests import REQUEST_VERBS, first_unnegated
from leaktrace.phishing.text import rx

__all__ = ["RULE"]

_NIR = rx(
    r"numero de (securite sociale|secu)|\bnir\b|numero d'assure|numero fiscal|"
    r"social security number|\bssn\b|national insurance number"
)
_ASK = rx(REQUEST_VERBS)


def _check(ctx: Context) -> str | None:
    return first_unnegated(ctx, _NIR, _ASK, window=2)


RULE = Rule(
    rule_id="request.nir",
    weight=25,
    explanation={
        "fr": "Le message demande votre numéro de sécurité sociale",
        "en": "The message asks for your social security number",
    },
    check=_check,
)
