"""``spam.adult_dating``: dating, "secret admirer" and adult-chat bait.

These messages lure people to premium-rate chat lines and subscription traps, or open the
"romance" scams that end in requests for money.
"""

from __future__ import annotations

from leaktrace.phishing.rules._base import Context, Rule
from leaktrace.phishing.text import rx

__all__ = ["RULE"]

_BAIT = rx(
    r"secret admirer|\bdating\b|chat (now|line)|rude (chat|time)|\bhorny|\bxxx\b|\bflirt|"
    r"naughty|\bsex\b|\bsexy\b|hot (girls|singles)|singles in your area|meet (local )?(girls|"
    r"singles)|inviting you to be (her|his) friend|dream partner|rencontres? (coquines?|"
    r"discretes?)|celibataires|\bprivate (photos|pics|pictures|videos)\b|\bcasual (fun|sex|"
    r"encounters?|hookups?)\b|\bno strings\b|\b(ladies|girls|women|milfs?|singles) near you\b|"
    r"\bsend me a pic\b|\bi get lonely\b|\blonely (at night|tonight)\b|"
    r"\b(girls|women|ladies|singles|moms?) in your (area|city|town)\b|\bgenerous (gentleman|"
    r"gentlemen|man|men|sugar daddy)\b|\bsugar (daddy|baby|mommy)\b|\b(adult ?)?friendfinder\b|"
    r"\b(reply|text)\b[^.?!\n]{0,20}\bfor (my )?(pics|photos|nudes)\b"
)


def _check(ctx: Context) -> str | None:
    match = ctx.search(_BAIT)
    return match.group(0).strip() if match else None


RULE = Rule(
    rule_id="spam.adult_dating",
    weight=10,
    explanation={
        "fr": "Le message est un appât de rencontre ou de messagerie pour adultes",
        "en": "The message is dating or adult-chat bait",
    },
    check=_check,
)
