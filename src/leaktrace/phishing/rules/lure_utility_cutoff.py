"""``lure.utility_cutoff``: "your power will be disconnected in 30 minutes unless you pay".

Utility scammers threaten a shut-off today, by a technician already on the way, unless an
overdue balance is paid at once, by phone, gift card or a link. A real supplier sends written
notices over weeks and never cuts a home off within the hour; its outage messages ("power
cut in your area, back by 5pm") ask for nothing. So the threat must come with a payment or
a call in the same stretch.
"""

from __future__ import annotations

from leaktrace.phishing.rules._base import Context, Rule
from leaktrace.phishing.rules._requests import first_unnegated
from leaktrace.phishing.text import rx

__all__ = ["RULE"]

_CUTOFF = rx(
    r"\b(power|electricity|electric|gas|water|service|utilities|utility|account|meter)\b"
    r"[^.?!\n]{0,40}\b(will be|is scheduled to be|is going to be|to be) (disconnected|shut off|"
    r"cut off|turned off|terminated)\b|"
    r"\b(disconnect(ion)?|shut-?off|cut-?off|termination) (order|notice|request)\b[^.?!\n]{0,30}"
    r"\b(issued|scheduled|placed|pending|final)\b|\bfinal (disconnect(ion)?|shut-?off) notice\b|"
    r"\b(technician|crew|team)\b[^.?!\n]{0,40}\b(on (the|their|its) way|dispatched|arrives?|"
    r"coming)\b[^.?!\n]{0,40}\b(disconnect|shut off|cut off)\b|"
    r"\bcoupure (d'electricite|de (gaz|courant|l'eau|votre (compteur|electricite|gaz)))\b"
    r"[^.?!\n]{0,40}\b(prevue|programmee|imminente|aujourd'hui|sous \d+)"
)
_PAY_NOW = rx(
    r"\b(unless|until|avoid|prevent|stop)\b|\b(pay|paid|payment|balance|overdue|past due|"
    r"call|contact|settle|gift card|payer|reglez|regler|solde|impaye)\b"
)


def _check(ctx: Context) -> str | None:
    return first_unnegated(ctx, _CUTOFF, _PAY_NOW, window=2)


RULE = Rule(
    rule_id="lure.utility_cutoff",
    weight=20,
    explanation={
        "fr": "Menace de coupure immédiate (électricité, gaz, eau) sauf paiement ou appel : "
        "un fournisseur ne coupe jamais un foyer dans l'heure",
        "en": "A threat to cut off power, gas or water at once unless you pay or call: a real "
        "supplier never cuts a home off within the hour",
    },
    check=_check,
)
