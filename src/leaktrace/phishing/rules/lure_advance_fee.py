"""``lure.advance_fee``: an inheritance, a fund or a fortune waiting for you ("419" fraud).

The dying widow, the barrister of a late client with your surname, the unclaimed bequest, the
compensation fund, the box of cash held by a diplomat: all end with fees to release the money,
or with the victim's bank details and passport. The story needs two parts — a pretext and a
large sum or a transfer — so a will or a bank mentioned in passing does not fire.
"""

from __future__ import annotations

from leaktrace.phishing.rules._base import Context, Rule
from leaktrace.phishing.rules._requests import first_unnegated
from leaktrace.phishing.text import rx

__all__ = ["RULE"]

_STORY = rx(
    r"\binheritance\b|\bnext of kin\b|\bbeneficiary\b|\bbequest\b|\bunclaimed\b|\bdeceased\b|"
    r"\blate (client|husband|wife|father|mother|customer|mr|mrs|dr)\b|\bbarrister\b|"
    r"\battorney at law\b|\bconsignment\b|\bdiplomat\w*|\bcompensation (fund|payment|program)|"
    r"\bconfidential (business )?(proposal|transaction|matter|deal)|"
    r"\bbu(s+i?|i?s+)ne?s+ (proposal|transaction|deal|partner)\b|"
    r"\b(former|late) (top )?(government|military|bank|oil) (official|minister|director)\b|"
    r"\btrusted (partner|person|foreigner|individual)\b|\bforeign (partner|business partner)\b|"
    r"\bpolitical (situation|asylum|crisis|unrest)\b|\bprivate investors?\b|"
    r"\bfund (viable|your|lucrative) (projects?|business(es)?)\b|\bdebt financ\w*\b|"
    r"\bi (am|have been) (diagnosed|terminally ill|dying|suffering)|\bgod[- ]fearing\b|"
    r"\bi( am|'m| have been)\b[^.\n]{0,30}\b(suffering from|diagnosed with) (a |an )?"
    r"[a-z -]{0,30}\b(illness|cancer|disease)\b|\b(months|weeks) to live\b|"
    r"\bwidow\b|\bestate of (the )?late\b|\bdormant (account|fund)|"
    r"\batm (card|visa card)\b|\bwinning (number|notification|email)|\blottery\b|"
    r"\b(e-?mail|online|international) (draw|lottery|sweepstakes?)\b|"
    r"\b(united nations|imf|world bank|fbi|western union)\b[^.\n]{0,40}\b(fund|payment|"
    r"compensation)|\bhoirie\b|"
    r"\b(husband|wife) (passed away|died)\b|\bgod has (led|directed|chosen)\b|"
    r"\b(clearance|delivery|release|diplomatic) (fee|charge|cost)s?\b|"
    r"\bdeliver (your|the) (box|consignment|package|trunk)\b|\bwaiting at the airport\b"
)
_SUM = rx(
    r"\b\d[\d,.]* ?(million|milion|m\b|billion)|(us ?\$|usd|gbp|\$|£|eur|€) ?\d{1,3}(,\d{3}){2,}|"
    r"(us ?\$|usd|gbp|\$|£|eur|€) ?\d{3},\d{3}\b|\b(box|package|consignment|trunk) "
    r"(contains|containing|with) (funds|money|cash)\b|\bbalance of\b[^.\n]{0,20}"
    r"(\bbtc\b|bitcoin|\beth\b|usdt|\$|£|€)|"
    r"\b(transfer|wire|release|remit)\w*\b[^.\n]{0,40}\b(fund|money|sum|amount|payment)s?\b|"
    r"\b(funds?|sum|money) (to|into) your\b|\bsum of\b|\bshare (of|in) (the )?(fund|money|sum)|"
    r"\bdonate\b|\bcharity\b|\bvirement\b|\bsomme de\b|"
    r"\b\d+(\.\d+)? ?% (yearly|annual|per annum|interest)\b|\bgrace period\b|\blucrative\b|"
    r"\b(fee|charge|cost|clearance)s? (is|of) (only |just )?(us ?\$|usd|\$|£|€|eur)"
)


def _check(ctx: Context) -> str | None:
    return first_unnegated(ctx, _STORY, _SUM, window=4)


RULE = Rule(
    rule_id="lure.advance_fee",
    weight=25,
    explanation={
        "fr": "Le message raconte un héritage, un fonds ou une fortune à vous transférer : "
        "l'escroquerie « 419 », qui finit par des frais à payer",
        "en": "The message tells of an inheritance, a fund or a fortune to transfer to you: the "
        '"419" advance-fee fraud, which ends with fees to pay',
    },
    check=_check,
)
