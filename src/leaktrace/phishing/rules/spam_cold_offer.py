"""``spam.cold_offer``: an unsolicited offer to buy your house, extend a warranty, fund a loan.

Cold texts and mails make the same few offers to strangers: cash for your property, the car's
"expiring factory warranty", business funding "approved for $80K", debt consolidation, tax
credits or compensation you "may be owed", a licensed agent who will call. None of them comes
from a company you deal with, and answering marks the number as live for the next scam.
"""

from __future__ import annotations

from leaktrace.phishing.rules._base import Context, Rule
from leaktrace.phishing.rules._requests import first_unnegated
from leaktrace.phishing.text import rx

__all__ = ["RULE"]

_OFFER = rx(
    # property
    r"\b(cash )?offer (on|for) your (house|home|property|land|lot|rental)|"
    r"\bwe buy (houses|homes|properties|land|any house)\b|"
    r"\b(sell|selling) your (house|home|property|land|rental)\b|"
    r"\b(take|accept) \$?\d[\d,.]*k? for your (house|home|property|land)\b|"
    r"\bany chance you'?d sell\b|\b(interested in|open to) (selling|a cash offer)\b|"
    r"\bwould you sell (it|your|the)\b|\bsaw your (land|house|home|property|lot)\b|"
    r"\b(paying|pay|offer) (top dollar|cash|all cash) for (land|lots?|houses|homes|"
    r"propert(y|ies))\b|"
    # vehicle warranty
    r"\bvehicle service contract\b|\bauto protection (notice|plan|program)\b|"
    # home improvement leads: nobody asked for the free system
    r"\bfree (home )?(security|alarm) system\b|\bno (upfront|up-front|out-of-pocket) "
    r"(cost|costs|payment)\b|\b\$0 down\b[^.\n]{0,30}\b(solar|roof|windows|hvac|system)\b|"
    r"\b(factory|extended|vehicle'?s?|car'?s?|auto) (warranty|coverage)\b|"
    r"\bwarranty (is about to|will|has) expire|\bcoverage for your (vehicle|car)\b|"
    # funding and debt
    r"\b(approved|pre-?approved|qualif\w+) for (up to |a |an )?(\$|£)?\d|\bworking capital\b|"
    r"\bgrants?\b[^.\n]{0,40}\b(no repayment|never (has|have) to be repaid|free money)\b|"
    r"\bbusiness (loan|funding|line of credit)\b|\bpre-?approval (of|for) (\$|£)?\d|"
    r"\bone low (monthly )?payment\b|\bhigh interest\b[^.\n]{0,20}\?|\bcash buyer\b|"
    r"\bfree government (phone|cell ?phone|tablet|grant|money)\b|"
    r"\bdebt (resolution|reduction|forgiveness) (program|plan)\b|"
    r"\bbusiness (loan|funding|line of credit)\b|\bconsolidate\b[^.\n]{0,30}\b(debt|bills|"
    r"loans|credit cards?)\b|\bdebt (relief|settlement|collectors?)\b|\bcredit repair\b|"
    # money you "may be owed"
    r"\b(could|may|might) be (owed|missing|eligible for|entitled to)\b|\bmis-?sold\b|"
    r"\b(tax credits?|subsid(y|ies)|flex card|grocery allowance|otc allowance)\b|"
    r"\b(licensed|insurance) (agent|specialist) will call\b|"
    r"\bspeak (with|to) a (licensed )?(agent|specialist|advisor)\b|"
    # health plans nobody asked for, money chased, search-ranking offers
    r"\bnew medicare card\b|(\$0|\bzero|\bno) (cost )?premium (plan|health)|"
    r"\b(tried|trying) (to reach|reaching|to contact|contacting) you about your (\$|£)\d|"
    r"\bget (you|your business|your site|your website) (to|on) (#1|number one|the first page|"
    r"page one)\b|\bfirst page of google\b|\b(business|listing) (is )?listed correctly\b|"
    r"\b(give out|grant|offer) loans to (individuals|private individuals|companies)\b|"
    r"\bloans? (to|for) (private )?individuals and (companies|firms|businesses)\b"
)


def _check(ctx: Context) -> str | None:
    return first_unnegated(ctx, _OFFER)


RULE = Rule(
    rule_id="spam.cold_offer",
    weight=25,
    explanation={
        "fr": "Offre commerciale non sollicitée (rachat de bien, garantie, crédit, "
        "indemnisation) : répondre confirme que le numéro est actif",
        "en": "An unsolicited offer (buying your house, a warranty, a loan, money you are "
        "owed): answering confirms your number is live",
    },
    check=_check,
)
