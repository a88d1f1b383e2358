"""``lure.prize``: you have won, been selected, have a gift or a reward to collect.

The oldest lure of SMS spam, in English and in French ("vous avez gagné", "carte cadeau").
Ordinary words that merely *can* mean a prize ("free", "lot") are left out: "are you free
tonight" is not a lure.
"""

from __future__ import annotations

from leaktrace.phishing.rules._base import Context, Rule, first_unnegated
from leaktrace.phishing.text import rx

__all__ = ["RULE"]

_PRIZE = rx(
    r"vous avez (ete )?(gagne|selectionne)|gagnant|felicitations|carte cadeau|bon d'achat|"
    r"tirage au sort|cadeau (vous attend|offert)|\bwon\b(?!')|\bwinner|\bprize|congratulation|"
    r"gift ?card|\breward|you have been (selected|chosen)|\bselected (to|for)\b|free entry|"
    r"\bjackpot|lottery|voucher|cash (prize|award|bonus)|\bbonus\b|claim (your|now|it)|"
    r"free (gift|prize|ticket|iphone|phone|entry|trial)|guaranteed|\bwin\b"
)


def _check(ctx: Context) -> str | None:
    return first_unnegated(ctx, _PRIZE)


RULE = Rule(
    rule_id="lure.prize",
    weight=20,
    explanation={
        "fr": "Le message annonce un gain, un cadeau ou une sélection à réclamer",
        "en": "The message announces a win, a gift or a selection to claim",
    },
    check=_check,
)
