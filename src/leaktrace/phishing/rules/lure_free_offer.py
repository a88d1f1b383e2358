"""``lure.free_offer``: something valuable "for free" — a phone, minutes, a trial, a gift.

"Free" is an ordinary word ("are you free tonight?"), so only free *things* and the set phrases
of offers count.
"""

from __future__ import annotations

from leaktrace.phishing.rules._base import Context, Rule
from leaktrace.phishing.rules._requests import first_unnegated
from leaktrace.phishing.text import rx

__all__ = ["RULE"]

_FREE = rx(
    r"\bfree (ringtones?|tones?|phones?|mobiles?|camera|camcorder|minutes|mins|texts|txts|"
    r"entry|gifts?|trial|access|msgs?|selection|link|tracks|samples?|delivery|nokia|ipod|"
    r"holiday|tickets?|membership|credit|upgrade|shipping|bonus|spins?|games?)|\bfor free\b|"
    r"\bfree\b ?!|totally free|absolutely free|100 ?% (free|gratuit)|offert(e)? gratuitement|"
    r"cadeau gratuit|essai gratuit"
)


def _check(ctx: Context) -> str | None:
    return first_unnegated(ctx, _FREE)


RULE = Rule(
    rule_id="lure.free_offer",
    weight=10,
    explanation={
        "fr": "Le message promet quelque chose de gratuit pour appâter",
        "en": "The message promises something for free as bait",
    },
    check=_check,
)
