"""``lure.carte_vitale``: the carte Vitale is expiring, defective, to renew, to activate, to pay.

The carte Vitale has no expiry date, its renewal is free and is never started by SMS; every
one of these stories is a lure. Naming the card alone (the pharmacy's "bring your carte
Vitale") does not fire: the sentence must also tell a story about the card.
"""

from __future__ import annotations

from leaktrace.phishing.rules._base import Context, Rule
from leaktrace.phishing.rules._requests import first_unnegated
from leaktrace.phishing.text import rx

__all__ = ["RULE"]

_CARD = rx(r"carte ?vitale|health (insurance )?card|\bvitale\b")
_STORY = rx(
    r"renouvel|expir|mise a jour|mettre a jour|mettez a jour|nouvelle|commande|defaut|activ|"
    r"plus valide|frais|livraison|expedi|envoi|prete|fin de validite|frauduleu|bloque|"
    r"dematerialis|obligatoire|remplac|renew|expire|update|new card|replace|fee|deliver"
)


def _check(ctx: Context) -> str | None:
    return first_unnegated(ctx, _STORY, _CARD)


RULE = Rule(
    rule_id="lure.carte_vitale",
    weight=20,
    explanation={
        "fr": "Le message raconte une histoire de carte Vitale (expiration, renouvellement, "
        "frais) : la carte n'expire pas et son renouvellement est gratuit",
        "en": "The message tells a carte Vitale story (expiry, renewal, fees): the card does "
        "not expire and its renewal is free",
    },
    check=_check,
)
