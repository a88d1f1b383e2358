"""``lure.investment``: tips, signals and returns too good to be true, or a fee to withdraw.

Investment fraud sells certainty: an "insider tip", a "VIP signals group", "members made
260%", "guaranteed daily returns", and at the end a balance that can only be withdrawn after
paying a "tax" or "release fee". Genuine brokers do not write that way.
"""

from __future__ import annotations

from leaktrace.phishing.rules._base import Context, Rule
from leaktrace.phishing.rules._requests import first_unnegated
from leaktrace.phishing.text import rx

__all__ = ["RULE"]

_PITCH = rx(
    r"\binsider (tip|info|information)|\b(buy|trading|trade|stock|crypto) signals?\b|"
    r"\b(stock|investment|trading|crypto|vip) (research |discussion )?(group|club|channel|"
    r"community)\b|\b(members|clients|investors|students) (have )?(made|earned|gained|profited)|"
    r"\bguaranteed (returns?|profits?|income|gains?)\b|"
    r"\b\d+(\.\d+)? ?% (daily|weekly|monthly|per day|a day|per week|returns?|profit|gains?)\b|"
    r"\b\d+(\.\d+)? ?% [a-z ]{0,20}\b(returns|profits?|yield|roi)\b|\binvestment opportunit|"
    r"\b(made|earned|gained|profit of|returns? of) \d+(\.\d+)? ?%|\bsignals? to follow\b|"
    r"\bcontract trading\b|"
    r"\b(double|triple) your (money|investment|bitcoin|crypto|capital)\b|"
    r"\b(mining|staking|arbitrage) (pool|plan|platform|rewards?)\b|"
    r"\bto withdraw\b[^.\n]{0,80}\b(must|first|need to|required to)\b[^.\n]{0,40}"
    r"\b(pay|deposit|fee|tax)|"
    r"\b(tax|release|unlock|withdrawal|clearance) (fee|deposit|tax)\b|"
    r"\b(financial|trading|investment) (mentor|expert|advisor|analyst) (here|to help)\b|"
    r"\b(next|explosive|hot) (stock )?pick\b|\b(biggest|top) gainer\b|"
    r"\b(stock|shares?|price|it)( is)? (about|set|going|ready) to (ex+pl+ode|skyrocket|soar|"
    r"go parabolic|moon|take off|double|triple)\b|\bgo(ing)? parabolic\b|"
    r"\bget in (now|before|early|while)\b[^.\n]{0,40}\b(price|stock|shares?|\$)|"
    r"\bstrong[- ]buy\b|\bfree (stock|crypto) picks?\b|"
    r"\b\d+ ?% win(ning)? rate\b|\b(trading|investment|crypto|forex) (mentor|coach)\b|"
    r"\b(options|day|crypto|forex) trading (group|class|room)\b|"
    r"\b(my|a|our) (mentor|coach|teacher|analyst)\b[^.\n]{0,60}\b(made|make|earn|earned|"
    r"profit|helped me)\b|\bhelped me (make|earn)\b[^.\n]{0,40}\b(trading|crypto|bitcoin|"
    r"stocks?|forex|gold)\b|\b(sharing|share) my\b[^.\n]{0,20}\b(trading|investment|crypto|"
    r"stock) (strategy|strategies|secrets?|tips)\b|"
    r"\brendement (garanti|de \d+)|\bplacement (garanti|sans risque)|\bsignaux de trading\b"
)


def _check(ctx: Context) -> str | None:
    return first_unnegated(ctx, _PITCH)


RULE = Rule(
    rule_id="lure.investment",
    weight=25,
    explanation={
        "fr": "Le message promet des gains d'investissement trop beaux pour être vrais, ou des "
        "frais à payer pour retirer ses gains",
        "en": "The message promises investment gains too good to be true, or a fee to withdraw "
        "them",
    },
    check=_check,
)
