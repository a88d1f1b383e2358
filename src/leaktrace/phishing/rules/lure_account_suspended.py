"""``lure.account_suspended``: your account, rights or access are suspended or blocked.

Fear of losing access (to the ameli account, to reimbursements, to Doctolib appointments) is
what makes people click without checking.
"""

from __future__ import annotations

from leaktrace.phishing.rules._base import Context, Rule
from leaktrace.phishing.rules._requests import first_unnegated
from leaktrace.phishing.text import rx

__all__ = ["RULE"]

_WHAT = rx(
    r"compte|acces|droits|identite|dossier|profil|carte|abonnement|espace|prestations|"
    r"account|access|identity|card|subscription|membership|service|profile|mailbox|"
    r"\byour e-?mail\b|\be-?mail (account|address|box)"
)
_STATE = rx(
    r"suspendu|bloque|desactive|restreint|ferme|cloture|supprime|verrouille|interrompu|"
    r"suspend|locked|disabled|de-?activat|restricted|limited|on hold|blocked|closed|terminat|"
    r"frozen|revoked|\bhold (placed|put) on\b|"
    r"\bdelet(e|ed|ing) (all |your )?(unused |inactive )?(e-?mail )?accounts?\b"
)


# "Your power will be shut off today for non-payment": a cut-off threat over an unpaid bill.
_CUT_OFF = rx(r"\b(shut ?off|disconnect(ed|ion)?|cut off|turned off|disconnected)\b")
# "Your Social Security number has been suspended": no such thing exists; the call is the scam.
_SSN = rx(
    r"\b(social security|ssn|ss)( number)?\b[^.\n]{0,30}\b(suspended|blocked|frozen|"
    r"compromised|cancel+ed|deactivated)\b|"
    r"\bsocial security (office|administration)\b[^\n]{0,60}\byour (number|ssn)\b[^.\n]{0,20}"
    r"\b(suspended|blocked|frozen|deactivated)\b"
)
_UNPAID = rx(r"\b(non-?payment|unpaid|past due|overdue|outstanding balance|late payment)\b")


def _check(ctx: Context) -> str | None:
    found = first_unnegated(ctx, _STATE, _WHAT)
    if found is None:
        found = first_unnegated(ctx, _SSN, window=2)
    return found if found is not None else first_unnegated(ctx, _CUT_OFF, _UNPAID, window=2)


RULE = Rule(
    rule_id="lure.account_suspended",
    weight=20,
    explanation={
        "fr": "Le message menace de suspendre ou bloquer votre compte ou vos droits",
        "en": "The message threatens to suspend or block your account or rights",
    },
    check=_check,
)
