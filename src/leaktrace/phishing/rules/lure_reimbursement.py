"""``lure.reimbursement``: money is waiting for you, if you click or confirm something.

"Vous avez droit à un remboursement de 187,40 €", "remboursement en attente", "refund
pending". The insurer's real notices say a reimbursement *was made* and point to the ameli
account; they do not announce money to claim.
"""

from __future__ import annotations

from leaktrace.phishing.rules._base import Context, Rule
from leaktrace.phishing.rules._requests import first_unnegated
from leaktrace.phishing.text import rx

__all__ = ["RULE"]

_MONEY = rx(
    r"rembours|trop[- ]percu|indemnit|versement|refund|reimburs|tax return|compensation|"
    r"\bpending (deposit|transfer|payment) of (\$|£)"
)
_PENDING = rx(
    r"en attente|vous avez droit|droit a un|eligible|admissible|beneficiez|bloque|n'a pas pu|"
    r"recevoir|percevoir|valider|validation|reclam|vous attend|a ete approuve|pending|"
    r"\bclaim|receive|awaiting|on hold|not been|unable to|approved|entitled|outstanding|"
    r"process (your|the)"
)


def _check(ctx: Context) -> str | None:
    return first_unnegated(ctx, _PENDING, _MONEY)


RULE = Rule(
    rule_id="lure.reimbursement",
    weight=15,
    explanation={
        "fr": "Le message annonce un remboursement à réclamer : les vrais remboursements sont "
        "versés sans démarche",
        "en": "The message announces a refund to claim: real refunds are paid without any action",
    },
    check=_check,
)
