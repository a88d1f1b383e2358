"""``phone.unofficial_callback``: call this number, which is not the official one.

Lures in the name of the health insurer or a laboratory increasingly ask for a call instead
of a click (a "conseiller" then asks for the codes). The Assurance Maladie is 3646; any other
number given in its name, or a laboratory's "urgent result, call 07…", is not to be called.
Premium-rate numbers (French 089x/081x/082x, British 09xx/087x) are flagged for everyone.
So is the refund call-back ("you paid $499.99 to X; if this was not you, call 1-808-…"): the
alarm about a charge you did not make is the pretext, the number is the scammer's "support".
Only a North American number that is not toll-free counts there: companies give 1-800-style
lines, and French banks rightly write "si ce n'est pas vous, appelez le 09…".
"""

from __future__ import annotations

import re

from leaktrace.phishing.rules._base import Context, Rule
from leaktrace.phishing.text import rx

__all__ = ["OFFICIAL_NUMBERS", "RULE"]

# Emergency and public-interest short numbers are never suspicious.
OFFICIAL_NUMBERS = frozenset(
    {
        "15",
        "17",
        "18",
        "112",
        "114",
        "115",
        "119",
        "3237",
        "3939",
        "33700",
        "3646",
        "3422",
        "3919",
        "3114",
    }
)
_CALL = rx(
    r"(rappel\w*|appel\w*|contact\w*|joindre|compos\w*|telephon\w*|\bcall\b|\bphone\b|\bdial\b|"
    r"\bring\b|\bspeak (to|with)\b|\btalk to\b|\breach (us|our|me)\b)\D{0,60}?"
    r"(?P<number>(?:\+|00)?\d[\d .\-()]{1,16}\d)"
)
# "If this was not you", "to cancel this order": the charge the victim will call to dispute.
_DISPUTE = rx(
    r"\bif (this|it|that) (was|wasn'?t|is|isn'?t) (not )?(you|yours|authori[sz]ed)\b|"
    r"\bif you (did not|didn'?t|do not|don'?t) (make|authori[sz]e|place|request|recogni[sz]e|"
    r"initiate)\b|\b(cancel|dispute|stop) (this|the) (order|payment|transaction|charge|"
    r"subscription|renewal|transfer)\b"
)
_TOLL_FREE = frozenset({"800", "833", "844", "855", "866", "877", "888"})


def _nanp_not_toll_free(digits: str) -> bool:
    """A 10-digit North American number (1 prefix optional) off the toll-free area codes."""
    if len(digits) == 11 and digits.startswith("1"):
        digits = digits[1:]
    return len(digits) == 10 and digits[0] in "23456789" and digits[:3] not in _TOLL_FREE


# French 089x/081x/082x, British 09xx (11 digits; French 09 numbers have 10) and 087x, US 1-900.
_PREMIUM = rx(r"^(089|08[12]|09\d{9}$|087|1900)")


def _digits(number: str) -> str:
    digits = re.sub(r"\D", "", number)
    if digits.startswith("0033"):
        digits = "0" + digits[4:]
    elif digits.startswith("33") and len(digits) == 11:
        digits = "0" + digits[2:]
    return digits


def _check(ctx: Context) -> str | None:
    speaks_for = [brand for brand in ctx.claimed if brand.health or brand.phones]
    for match in ctx.finditer(_CALL):
        digits = _digits(match.group("number"))
        if len(digits) < 4 or digits in OFFICIAL_NUMBERS:
            continue
        if any(digits in brand.phones for brand in ctx.claimed):
            continue
        if _PREMIUM.match(digits) and len(digits) >= 10:
            return f"{digits[:4]}… (premium rate)"
        if speaks_for and len(digits) >= 9:
            return f"{digits[:4]}… ≠ {speaks_for[0].name}"
        # Searched only for a number that could be the call-back's: most messages have none.
        if _nanp_not_toll_free(digits) and ctx.search(_DISPUTE) is not None:
            return f"{digits[:4]}… (call to dispute a charge)"
    return None


RULE = Rule(
    rule_id="phone.unofficial_callback",
    weight=25,
    explanation={
        "fr": "Le message demande d'appeler un numéro qui n'est pas le numéro officiel "
        "(l'Assurance Maladie, c'est le 3646)",
        "en": "The message asks you to call a number that is not the official one (the French "
        "health insurer is 3646)",
    },
    check=_check,
)
