"""``lure.security_alert``: a fake security alert (unusual activity, fraudulent use).

"Une connexion suspecte a été détectée", "your card was used fraudulently": the alarm is the
pretext for asking you to "secure" the account on the fraudster's page or by phone.
"""

from __future__ import annotations

from leaktrace.phishing.rules._base import Context, Rule
from leaktrace.phishing.rules._requests import first_unnegated
from leaktrace.phishing.text import rx

__all__ = ["RULE"]

_ALERT = rx(
    r"activite (inhabituelle|suspecte)|connexion (suspecte|inhabituelle)|tentatives? de "
    r"connexion|utilisee? frauduleusement|operation suspecte|unusual (activity|sign-?in|login)|"
    r"suspicious (activity|login|sign-?in|transaction)|unauthori[sz]ed|compromis|compromised|"
    r"fraudulent (use|activity|charge|transaction)|security (alert|breach)|alerte de securite|"
    r"\b(multiple|several|failed|repeated) (login|log-?in|sign-?in|access) attempts?|"
    r"\battempt(s|ed)? to (log ?in|sign ?in|access) (to )?your|\b(foreign|unrecognized|unknown|"
    r"different) (ip|ip address|device|location|computer)\b|\birregular activit|"
    r"\b(has|have) been (accessed|used) (by|from)|"
    r"\bif you (did not|didn'?t) (authori[sz]e|make|place|recogni[sz]e)\b[^\n]{0,80}"
    r"\b(click|link|cancel|dispute|refund|log ?in|sign ?in)\b"
)


def _check(ctx: Context) -> str | None:
    return first_unnegated(ctx, _ALERT)


RULE = Rule(
    rule_id="lure.security_alert",
    weight=10,
    explanation={
        "fr": "Le message donne une fausse alerte de sécurité pour vous faire agir vite",
        "en": "The message raises a security alarm to make you act quickly",
    },
    check=_check,
)
