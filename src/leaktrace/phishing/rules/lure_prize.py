"""``lure.prize``: you have won, been selected, have a gift or a reward to collect.

The oldest lure of SMS spam, in English and in French ("vous avez gagné", "carte cadeau").
Ordinary words that merely *can* mean a prize ("free", "lot") are left out: "are you free
tonight" is not a lure. Marketing words ("rewards", "claim your", "congratulations", "bonus")
count only in pairs: a retailer's newsletter has "rewards", a prize lure has "congratulations,
claim your reward".
"""

from __future__ import annotations

from leaktrace.phishing.rules._base import Context, Rule
from leaktrace.phishing.rules._requests import first_unnegated
from leaktrace.phishing.text import rx

__all__ = ["RULE"]

_PRIZE = rx(
    r"vous avez (ete )?(gagne|selectionne)|gagnant|carte cadeau|bon d'achat|"
    r"tirage au sort|cadeau (vous attend|offert)|\bwon\b(?!')|\bwinner|\bprize|"
    r"gift ?card|you have been (selected|chosen)|\bselected (to|for)\b|free entry|"
    r"\bjackpot|lottery|cash (prize|award|bonus)|"
    r"free (gift|prize|ticket|iphone|phone|entry)|you'?ve been (selected|chosen)|"
    r"\b(accept|claim|collect|redeem) (this|your|a) (free |special )?(gift|reward|prize)\b|"
    r"\bgiving away\b|\b(you are |you )?win (the|a) (gift|prize|reward)\b|"
    r"\blucky (users?|winners?|customers?|people|subscribers?)\b|"
    r"\b(complete|take|answer|finish)\b[^.?!\n]{0,30}\b(survey|questions|questionnaire)\b"
    r"[^.?!\n]{0,40}\b(get|receive|win|earn|claim|free|reward|gift)\b"
)
_MARKETING = rx(
    r"felicitations|congratulation|\breward|voucher|\bbonus\b|claim (your|now|it)|\bredeem|"
    r"free trial|guaranteed|\bwin\b"
)


def _check(ctx: Context) -> str | None:
    found = first_unnegated(ctx, _PRIZE)
    if found is not None:
        return found
    # Two different marketing words within a few sentences, not the same word twice.
    words = {match.group(0) for match in ctx.finditer(_MARKETING)}
    if len(words) < 2:
        return None
    return first_unnegated(ctx, _MARKETING, window=3) if _paired(ctx) else None


def _paired(ctx: Context) -> bool:
    """Two different marketing words in one stretch of three sentences."""
    spans = ctx.spans
    text = ctx.folded
    for first in range(len(spans)):
        stretch = text[spans[first][0] : spans[min(first + 3, len(spans)) - 1][1]]
        if len({match.group(0) for match in _MARKETING.finditer(stretch)}) >= 2:
            return True
    return False


RULE = Rule(
    rule_id="lure.prize",
    weight=20,
    explanation={
        "fr": "Le message annonce un gain, un cadeau ou une sélection à réclamer",
        "en": "The message announces a win, a gift or a selection to claim",
    },
    check=_check,
)
