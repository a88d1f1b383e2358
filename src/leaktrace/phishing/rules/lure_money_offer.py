"""``lure.money_offer``: easy money — loans, debt relief, investments, crypto, easy jobs.

Advance-fee and investment fraud, "work from home" job scams and loan offers are, with parcel
and bank lures, the bulk of the SMS scams people report.
"""

from __future__ import annotations

from leaktrace.phishing.rules._base import Context, Rule
from leaktrace.phishing.rules._requests import first_unnegated
from leaktrace.phishing.text import rx

__all__ = ["RULE"]

_MONEY = rx(
    r"\bloans?\b|bad credit|debt (relief|consolidation)|credit (score|repair)|cash advance|"
    r"earn (up to |over )?(\$|£|\d)|make money|work(ing)? from home|\binvest(ment|ing)?\b|"
    r"\bcrypto|bitcoin|\bforex\b|\btrading (platform|account|signals)|part[- ]time (job|work)|"
    r"remote (job|position)|job offer|we are hiring|daily (pay|salary)|"
    r"pret personnel|credit rapide|rachat de credit|offre d'emploi|travail a domicile|"
    r"gagnez (jusqu'a )?\d|revenus? complementaires?|gained the sum|inheritance|beneficiary|"
    r"unclaimed (funds|money)|next of kin|\d ?(million|milion)\b|transfer (to|into) your|"
    r"compensation fund"
)


def _check(ctx: Context) -> str | None:
    return first_unnegated(ctx, _MONEY)


RULE = Rule(
    rule_id="lure.money_offer",
    weight=12,
    explanation={
        "fr": "Le message promet de l'argent facile (prêt, investissement, emploi)",
        "en": "The message promises easy money (loan, investment, job)",
    },
    check=_check,
)
