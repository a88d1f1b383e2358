"""``lure.extortion``: "I recorded you through your webcam; pay in bitcoin or I send the video."

Sextortion and hacking threats are bluffs sent by the million, sometimes quoting an old
leaked password to sound real. A threat plus a crypto-currency payment makes the rule.
"""

from __future__ import annotations

from leaktrace.phishing.rules._base import Context, Rule
from leaktrace.phishing.rules._requests import first_unnegated
from leaktrace.phishing.text import rx

__all__ = ["RULE"]

_THREAT = rx(
    r"\b(recorded|filmed|video of) you\b|\b(through|via|using|from) your (webcam|camera)\b|"
    r"\b(intimate|embarrassing|"
    r"compromising|explicit) (video|videos|photos|pictures|material|footage)|"
    r"\badult (website|site|videos?)\b|\b(hacked|infected|compromised|accessed) your "
    r"(device|computer|phone|account|email|system)|\b(i|we) (have|got|gained) (full )?access "
    r"to your|\bmalware on your\b|\bspyware\b|\bi know your password\b|"
    r"\b(send|forward|share|leak|publish)\w*\b[^.\n]{0,40}\b(to )?(all )?your (contacts|"
    r"friends|family|colleagues)|\bvotre webcam\b|\bvideo (intime|compromettante)|"
    r"\b(video|photos?|recording|footage)\b[^.\n]{0,30}\b(goes|go|will go|will be sent|gets sent) "
    r"to (every|all|each) (contact|contacts|of your)"
)
# The price of silence: in crypto as a rule, or just "the payment".
_CRYPTO = rx(
    r"\bbitcoins?\b|\bbtc\b|\bcrypto ?(currency|wallet)?\b|\bwallet\b|\bmonero\b|"
    r"\b(see|receive|get|make) (the|a|my) payment\b|\bpay (me|up)\b"
)


def _check(ctx: Context) -> str | None:
    return first_unnegated(ctx, _THREAT, _CRYPTO, window=6)


RULE = Rule(
    rule_id="lure.extortion",
    weight=35,
    explanation={
        "fr": "Le message menace de diffuser des images ou des données et exige des "
        "crypto-monnaies : un chantage envoyé en masse, n'y répondez pas",
        "en": "The message threatens to release images or data and demands crypto-currency: "
        "mass-mailed blackmail, do not answer it",
    },
    check=_check,
)
