"""``spam.marketing``: unsolicited commercial offers — phones, ringtones, deals, discounts.

Not phishing, but spam: the public SMS sets the analyzer is measured on label it as such, and
people forwarding a message want to know it is junk. The weight is small: a shop's newsletter
is not fraud.
"""

from __future__ import annotations

from leaktrace.phishing.rules._base import Context, Rule
from leaktrace.phishing.text import rx

__all__ = ["RULE"]

_OFFER = rx(
    r"line rental|ringtones?|\b(poly|mono|polyphonic) (tones?|ringtones?)|camcorder|"
    r"latest (nokia|mobile|colour|camera|phone|video)|video (handset|phone)|"
    r"(special|limited|exclusive|great|new) offers?|\d+ ?% (off|disc)|\bdiscount|\bpromo\b|"
    r"half price|\bupto \d+|best price|anytime any ?network|\bmins\b|\bwallpapers?\b|"
    r"offre speciale|offre exclusive|soldes|remise de \d+|-\d+ ?%|"
    # Telemarketing by text: warranties, refinancing, insurance and house-buying leads.
    r"free quote|(extended|auto|car|vehicle) warranty|refinanc\w*|pre-?approved|"
    r"insurance quote|lower your (monthly )?(payment|rate|bill)s?|we buy houses|"
    r"cash for (your )?(house|home|car)|any condition|debt relief|(see if|whether) you qualify|"
    r"no medical exam|final expense|life insurance (quote|plan|coverage)"
)


def _check(ctx: Context) -> str | None:
    match = ctx.search(_OFFER)
    return match.group(0).strip() if match else None


RULE = Rule(
    rule_id="spam.marketing",
    weight=10,
    explanation={
        "fr": "Le message ressemble à de la publicité non sollicitée",
        "en": "The message looks like unsolicited advertising",
    },
    check=_check,
)
