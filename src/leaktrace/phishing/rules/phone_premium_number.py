"""``phone.premium_number``: the message gives a premium-rate phone number.

Premium-rate numbers bill the caller by the minute (or the text) and pay the number's owner:
they are how "you have won, call now", dating bait and fake customer-service messages make
money, with or without the word "call" next to them ("Chat NOW 0909…", "Claim: 0871…").
:mod:`phone_callback` already flags a premium number that the message asks you to call; this
rule flags one written anywhere, so a lure phrased without a call verb is still explained.

Numbering plans, not any message set, decide what counts: British 09xx (11 digits) and
0871/0872/0873, French 089x (10 digits: 08 9x, "service à valeur ajoutée"), North-American
1-900. French 09 numbers (10 digits, ordinary VoIP lines), free 0800 and shared-cost 081x/082x
numbers are left out.
"""

from __future__ import annotations

import re

from leaktrace.phishing.rules._base import Context, Rule
from leaktrace.phishing.text import rx

__all__ = ["RULE"]

# A run of digits, spaces, dots and dashes that starts with a premium prefix.
_CANDIDATE = rx(r"(?<![\d+])(?:0 ?[89]|1[ .-]?900)[\d .\-]{7,14}\d")
_PREMIUM = re.compile(r"^(09\d{9}|087[123]\d{7}|089\d{7}|1900\d{7})$")


def _check(ctx: Context) -> str | None:
    for match in ctx.finditer(_CANDIDATE):
        digits = re.sub(r"\D", "", match.group(0))
        if _PREMIUM.match(digits):
            return f"{digits[:4]}…"
    return None


RULE = Rule(
    rule_id="phone.premium_number",
    weight=20,
    explanation={
        "fr": "Le message donne un numéro surtaxé (facturé à la minute à l'appelant)",
        "en": "The message gives a premium-rate number (the caller pays by the minute)",
    },
    check=_check,
)
