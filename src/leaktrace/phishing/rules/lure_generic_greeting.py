"""``lure.generic_greeting``: "Dear customer", "Dear valued member", "Cher client".

A service that holds your account knows your name and uses it; a mass mailing in its name
does not, so phishing greets a role: "Dear Customer", "Dear PayPal member", "Dear account
holder", "Cher client", "Cher utilisateur". Shops and newsletters do it too, so the weight is
small: it qualifies the other signals rather than deciding anything, and it only reads the
first lines, where a greeting is.
"""

from __future__ import annotations

from leaktrace.phishing.rules._base import Context, Rule
from leaktrace.phishing.text import rx

__all__ = ["RULE"]

_GREETING = rx(
    r"\bdear (valued |valuable |sir/madam |sir or madam )?([\w&.'-]+ ){0,3}?"
    r"(customer|client|member|user|account ?holder|card ?holder|subscriber|beneficiary|"
    r"cardmember|online banking user|webmail user|e-?mail user)s?\b|"
    r"\bdear (sir/madam|sir or madam)\b|"
    r"\bch(er|ere|er\(e\)|er ou chere) (client|utilisateur|abonne|adherent|membre|assure|"
    r"beneficiaire|titulaire)\w*"
)
_HEAD_CHARS = 600


def _check(ctx: Context) -> str | None:
    match = _GREETING.search(ctx.opening(_HEAD_CHARS)) if ctx.may_match(_GREETING) else None
    return match.group(0).strip() if match else None


RULE = Rule(
    rule_id="lure.generic_greeting",
    weight=8,
    explanation={
        "fr": "Le message s'adresse à « cher client » sans vous nommer, comme un envoi de masse",
        "en": 'The message greets a role ("Dear customer") instead of your name, like a mass '
        "mailing",
    },
    check=_check,
)
