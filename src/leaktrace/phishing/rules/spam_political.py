"""``spam.political_fundraising``: "700% MATCH active!", "Reply 1 for Trump, 2 for Harris".

Political texting from lists bought or scraped: fake matching multipliers and deadlines to
raise money, and "polls" whose only aim is a reply that confirms the number. Real election
reminders ("find your polling place at vote.gov") ask for neither money nor an answer.
"""

from __future__ import annotations

from leaktrace.phishing.rules._base import Context, Rule
from leaktrace.phishing.rules._requests import first_unnegated
from leaktrace.phishing.text import rx

__all__ = ["RULE"]

_PARTY = (
    r"(trump|biden|harris|obama|democrats?|republicans?|gop|maga|dems|patriots?|liberals?|"
    r"conservatives?|second amendment|2a|congress|senate|election)"
)
_PITCH = rx(
    rf"\b\d{{3,4}} ?% match\b|\b(double|triple|quadruple|[2-9]x)[- ]match(ed|ing)?\b|"
    rf"\bmatch(ing)? (is )?(active|activated|unlocked|ends|expires)\b|"
    # "Chip in $5": an amount asked of a stranger; colleagues chip in for a leaving gift.
    rf"\bchip in (\$|£)\d|\bchip in (now |today )?(to|and) (help|keep|fight|stop|support|elect|"
    rf"win|defend|protect|save)\b|"
    rf"\b(patriot|official|national) (survey|poll)\b|"
    rf"\b{_PARTY}\b[^.?!\n]{{0,30}}\b(membership|member card|supporter status)\b|"
    rf"\b(reply|text) \w+ (for|to support|if you support) {_PARTY}\b|"
    rf"\b(poll|survey)\b[^.?!\n]{{0,60}}\b{_PARTY}\b|"
    rf"\b{_PARTY}\b[^.?!\n]{{0,60}}\b(donate|give now|chip in|contribute|rush \$|pitch in)\b|"
    rf"\b(donate|give now|chip in|contribute|pitch in)\b[^.?!\n]{{0,60}}\b{_PARTY}\b"
)


def _check(ctx: Context) -> str | None:
    return first_unnegated(ctx, _PITCH)


RULE = Rule(
    rule_id="spam.political_fundraising",
    weight=25,
    explanation={
        "fr": "Sollicitation politique de masse (faux doublement des dons, faux sondage)",
        "en": "Mass political solicitation (fake donation matches, fake polls)",
    },
    check=_check,
)
