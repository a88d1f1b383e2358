"""``request.credentials``: the message asks for a password, login or one-time code.

A one-time code read out to a "conseiller" is how an account is taken over while the victim
watches. Real one-time-code SMS *give* a code and say not to share it: no request verb, or a
negated one, so they stay quiet.
"""

from __future__ import annotations

import re

from leaktrace.phishing.rules._base import Context, Rule
from leaktrace.phishing.rules._requests import HAND_OVER_VERBS, first_unnegated
from leaktrace.phishing.text import rx

__all__ = ["RULE"]

_SECRET = rx(
    r"mot de passe|\bmdp\b|identifiants?\b|\bcodes? (de )?(verification|securite|confidentiel|"
    r"provisoire|recu|sms|d'acces|d'activation|de validation|otp|secret)|codes? (recus? )?par sms|"
    r"le code (que vous "
    r"allez recevoir|recu)|password|passcode|\bpin\b|one[- ]time (password|code)|"
    r"verification code|security code|credentials|login (details|information)|user ?id|"
    r"username"
)
# Asking to change a password, or to sign in, is what every IT notice does; a lure that sends
# you to a fake sign-in page is caught by its link and its pretext. This rule is about the
# secret handed over: typed into a form, sent, read out, "confirmed".
_ASK = rx(HAND_OVER_VERBS)
# "Your code is 8812. Reply STOP to opt out": a code delivered, with an opt-out, asks nothing.
_DELIVERED = rx(r"\b(code|pin|passcode|password|otp)( is|:) ?[a-z0-9-]*\d|\b\d{4,8} is your\b")


# A code on a line of its own ("482 913") is a code delivered: the mail's "enter this
# verification code" is about it, and asks for nothing the sender does not already have.
_CODE_LINE = re.compile(r"^[ \t]*\d{3}[ -]?\d{3}[ \t]*$|^[ \t]*\d{4,8}[ \t]*$", re.MULTILINE)
_ABOUT_A_CODE = rx(r"\b(code|codes|otp|passcode|pin)\b|" + _DELIVERED.pattern)


# A crypto wallet's keys: "connect your wallet to claim", "enter your 12-word recovery phrase".
# Whoever holds the phrase, or the signature a "connected" drainer site asks for, empties it.
_WALLET_KEYS = rx(
    r"\bconnect (your )?(crypto |web3 |metamask |trust |ledger )?wallets?\b|"
    r"\b(enter|type|provide|share|import|validate|verify|sync|submit)\b[^.\n]{0,30}\b(seed|"
    r"recovery|secret|mnemonic|backup) (phrase|words)\b|\b(12|24)[- ]word (seed|recovery|"
    r"secret|backup)? ?phrase\b"
)


def _check(ctx: Context) -> str | None:
    found = first_unnegated(ctx, _SECRET, _ASK, window=2, unless=_DELIVERED)
    if found is not None and _CODE_LINE.search(ctx.message.body[:4000]):
        found = first_unnegated(ctx, _SECRET, _ASK, window=2, unless=_ABOUT_A_CODE)
    return found if found is not None else first_unnegated(ctx, _WALLET_KEYS)


RULE = Rule(
    rule_id="request.credentials",
    weight=25,
    explanation={
        "fr": "Le message demande un mot de passe, un identifiant ou un code reçu par SMS",
        "en": "The message asks for a password, a login or a code received by SMS",
    },
    check=_check,
)
