"""``lure.delivery_problem``: a parcel is held, undeliverable, or owes fees.

Real carriers say when a parcel *will* arrive; lures say it *cannot* arrive until you click,
confirm an address or pay customs. The sentence must name a parcel and a problem.
"""

from __future__ import annotations

from leaktrace.phishing.rules._base import Context, Rule
from leaktrace.phishing.rules._requests import first_unnegated
from leaktrace.phishing.text import rx

__all__ = ["RULE"]

_PARCEL = rx(r"colis|livraison|livrer|livre\b|package|parcel|delivery|shipment|envoi")
_PROBLEM = rx(
    r"en attente|n'a (pas )?pu|n'avons pas pu|impossible|echec|adresse (incomplete|incorrecte|"
    r"erronee)|reprogramm|frais|douane|customs|failed|unable|could not|couldn't|pending|"
    r"on hold|\bheld\b|suspended|redeliver|reschedule|confirm (your )?(address|details)|"
    r"incomplete address|unpaid|returned to sender|retourne a l'expediteur|bloque"
)


def _check(ctx: Context) -> str | None:
    return first_unnegated(ctx, _PROBLEM, _PARCEL)


RULE = Rule(
    rule_id="lure.delivery_problem",
    weight=15,
    explanation={
        "fr": "Le message invente un problème de livraison de colis",
        "en": "The message makes up a parcel delivery problem",
    },
    check=_check,
)
