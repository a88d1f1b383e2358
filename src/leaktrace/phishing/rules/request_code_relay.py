"""``request.code_relay``: send back, read out or forward a code you just received.

A one-time code sent to your phone is the key to your account: whoever asks you to relay it
("reply with the OTP you just received", "I'm sending you a Google Voice code, read it back to
me", "send me the code, you're my trusted contact") is taking the account over. Genuine code
messages say the opposite — never share it — and are negated sentences here.
"""

from __future__ import annotations

from leaktrace.phishing.rules._base import Context, Rule
from leaktrace.phishing.rules._requests import first_unnegated
from leaktrace.phishing.text import rx

__all__ = ["RULE"]

_RELAY = rx(
    r"\b(send|sending|forward|reply|respond|read|text|tell|give|share|type)\b[^.?!\n]{0,25}"
    r"\b(the|that|this|your|it|them|ce|le)\b[^.?!\n]{0,25}"
    r"\b(code|codes|otp|pin|passcode|verification)\b|"
    r"\bread (it|them|the (code|digits|numbers)) (back|out)\b|"
    r"\b(code|otp|digits) (back )?to me\b|"
    # "I sent you a code by mistake", "the code went to your phone": the relay's set-up.
    r"\b(code|otp)\b[^.?!\n]{0,40}\b(by mistake|by accident|accidentally|to your (phone|number))\b|"
    r"\b(by mistake|by accident|accidentally)\b[^.?!\n]{0,40}\b(code|otp)\b|"
    r"\b(code|otp)\b[^.?!\n]{0,30}\b(went|was sent|got sent|came|sent) to (you|your (phone|"
    r"number))\b|"
    # "I'm sending you a code to check you're a real seller": the Google Voice take-over.
    r"\bi'?m (going to )?(send|sending|texting) you a\b[^.?!\n]{0,20}\bcode\b|"
    r"\bverify (you'?re|you are|that you'?re|that you are) (a )?real\b|"
    r"\b(verify|confirm) (with|using) the code\b|"
    r"\b(transmett|communiqu|envoy|donn|renvoy|repond|dict)\w*\b[^.?!\n]{0,25}"
    r"\b(le|ce|ces|les|du) (code|codes|chiffres)\b"
)


# "My phone won't get codes, I used your number. Did you get one from Google?"
_USED_NUMBER = rx(
    r"\b(used|put|entered|typed|gave) (in )?your (phone |mobile |cell )?number\b|"
    r"\bput your (phone |mobile |cell )?number in\b"
)
# A code that is sent to log in, not a door code.
_CODE = rx(
    r"\b(verification|login|log-in|security|one[- ]time|confirmation|google|whats ?app|facebook|"
    r"telegram|instagram|apple|microsoft) codes?\b|\b(otp|passcode)\b|"
    r"\b(get|gets|got|getting|receive|received|sent|send|forward) (a |the |any |my |your )?"
    r"([a-z]+ )?codes?\b"
)


# "Tell your driver the PIN": a ride's or a delivery's hand-over code is meant to be said.
_HAND_OVER = rx(r"\b(your|the) (driver|courier|delivery (driver|person|partner))\b")


def _check(ctx: Context) -> str | None:
    found = first_unnegated(ctx, _RELAY, unless=_HAND_OVER)
    return found if found is not None else first_unnegated(ctx, _USED_NUMBER, _CODE, window=2)


RULE = Rule(
    rule_id="request.code_relay",
    weight=30,
    explanation={
        "fr": "Le message demande de renvoyer ou de lire un code reçu : c'est la clé de votre "
        "compte, personne ne doit l'avoir",
        "en": "The message asks you to send back or read out a code you received: it is the key "
        "to your account and nobody should get it",
    },
    check=_check,
)
