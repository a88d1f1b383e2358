"""``lure.account_suspended``: your account, rights or access are suspended or blocked.

Fear of losing access (to the ameli account, to reimbursements, to Doctolib appointments) is
what makes people click without checking.
"""

from __future__ import annotations

from leaktrace.phishing.rules._base import Context, Rule, first_unnegated
from leaktrace.phishing.text import rx

__all__ = ["RULE"]

_WHAT = rx(
    r"compte|acces|droits|identite|dossier|profil|carte|abonnement|espace|prestations|"
    r"account|access|identity|card|subscription|membership|service|profile|mailbox"
)
_STATE = rx(
    r"suspendu|bloque|desactive|restreint|ferme|cloture|supprime|verrouille|interrompu|"
    r"suspend|locked|disabled|de-?activat|restricted|limited|on hold|blocked|closed|terminat|"
    r"frozen|revoked"
)


def _check(ctx: Context) -> str | None:
    return first_unnegated(ctx, _STATE, _WHAT)


RULE = Rule(
    rule_id="lure.account_suspended",
    weight=20,
    explanation={
        "fr": "Le message menace de suspendre ou bloquer votre compte ou vos droits",
        "en": "The message threatens to suspend or block your account or rights",
    },
    check=_check,
)
