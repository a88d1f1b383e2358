"""``spam.gambling``: "$500 free bonus at Lucky Spins, claim now", casino and betting bait.

Online casinos, sweepstakes "fish table" apps and betting sites text bought lists with free
spins and deposit matches; many are unlicensed and keep the deposit. The rule wants a
gambling word together with bait (a bonus, free credit, winnings) in the same stretch: a
friend's "poker night at mine?" holds no bonus.
"""

from __future__ import annotations

from leaktrace.phishing.rules._base import Context, Rule
from leaktrace.phishing.rules._requests import first_unnegated
from leaktrace.phishing.text import rx

__all__ = ["RULE"]

_GAMBLING = rx(
    r"\b(casino|slots?|sportsbook|sports ?betting|bet(ting)? (site|app)|jackpots?|free spins?|"
    r"fish (table|game)s?|sweepstakes (casino|games?)|roulette|blackjack|bingo|poker room|"
    r"online poker|pokies|free bets?|bonus bets?|parlay|casino en ligne|machines? a sous|"
    r"paris sportifs?|tours? gratuits?)\b"
)
_BAIT = rx(
    r"\b(bonus|free|claim|win|won|winnings|cash ?out|deposit|match|credits?|instant|"
    r"real (cash|money)|jackpot|gagnez|gratuits?|offerts?|depot)\b|(\$|£|€)\s?\d"
)


def _check(ctx: Context) -> str | None:
    return first_unnegated(ctx, _GAMBLING, _BAIT, window=2)


RULE = Rule(
    rule_id="spam.gambling",
    weight=20,
    explanation={
        "fr": "Publicité de casino ou de paris en ligne (bonus, tours gratuits) envoyée à une "
        "liste achetée",
        "en": "Casino or betting bait (bonuses, free spins) sent to a bought list",
    },
    check=_check,
)
