"""``request.payment_transfer``: buy gift cards, wire money, or pay to new bank details.

Business e-mail compromise and "CEO fraud": the boss (or a supplier, a pastor, a relative)
writes from an address that is not theirs and needs a discreet favour — gift cards whose codes
you photograph, an urgent wire, an invoice to pay to "our new bank account". No link, no
attachment: only the request. Asking a colleague to pay is ordinary, so the rule wants the
tell-tale forms: gift cards with codes, a change of bank details, an urgent transfer.
"""

from __future__ import annotations

from leaktrace.phishing.rules._base import Context, Rule
from leaktrace.phishing.rules._requests import first_unnegated
from leaktrace.phishing.text import rx

__all__ = ["RULE"]

_ASK = rx(
    r"\b(buy|purchase|pick up|grab|get (me |us )?(some|a few|several|\d+))\b[^.?!\n]{0,40}"
    r"\b(gift ?cards?|itunes cards?|google play cards?|steam cards?|apple cards?|amazon cards?)|"
    r"\b(scratch|photos?|pictures?|pics?|snap)\b[^.?!\n]{0,30}\b(back of the cards?|codes?|"
    r"cards?)\b[^.?!\n]{0,30}\b(send|email|text)|\b(send|email|text)\b[^.?!\n]{0,30}"
    r"\b(codes?|pictures?|photos?) (on|of|from) the (back|cards?)|"
    r"\b(new|updated|changed|change of|different) (bank|banking) (details|information|info|"
    r"account)|\bnew (remittance|account) details\b|\b(our|the) bank (details|account) (has|have) "
    r"changed|"
    r"\b(urgent|immediate|quick|same[- ]day)\w*\b[^.?!\n]{0,40}\b(wire|transfer|payment)\b|"
    r"\b(wire|transfer|send|process|remit)\b[^.?!\n]{0,30}\b(funds|money|payment|retainer|"
    r"amount|balance)\b[^.?!\n]{0,60}\b(today|urgent\w*|asap|immediately|now|before \d)\b|"
    # Payroll diversion: "can you change my direct deposit info before next payday?"
    r"\b(update|change|switch|redirect)\b[^.?!\n]{0,20}\bmy (direct deposit|payroll|paycheck|"
    r"salary)( (info|information|details|account|bank))?\b|"
    # The buyer who pays by cashier's check: the overpayment scam's opener.
    r"\b(pay|payment)\b[^.?!\n]{0,30}\b(certified|cashier'?s?) (check|cheque)\b|"
    r"\b(cartes? cadeaux?|cartes? prepayees?|coupons? (pcs|transcash|neosurf))\b|"
    r"\b(accidentally|by mistake|by accident|mistakenly|wrongly)\b[^?!\n]{0,80}"
    r"\b(send|pay|refund|return|transfer|zelle|venmo) (it|the money|the payment|them|me)\b"
    r"[^?!\n]{0,10}\bback\b|"
    r"\bdonat\w*\b[^.?!\n]{0,40}\b(cash ?app|zelle|venmo|bitcoin|gift ?cards?)\b|"
    r"\b(payments?|pay|remit\w*|transfer\w*)\b[^.?!\n]{0,40}\b(to )?(our|the|this|my) (alternate|"
    r"alternative|new|other|secondary|updated) (bank |receiving )?account\b|"
    r"\bchangement de (rib|coordonnees bancaires)|\bnouveau rib\b|\bvirement urgent\b"
)

# The fake-check scam: a check lands in your account, you send "the funds" on before the bank
# finds it bounced. Two patterns in two sentences, not one long one: bounded gaps of a hundred
# characters and more cost the Hyperscan prefilter seconds to build.
_SEND_ON = rx(
    r"\b(send|transfer|wire|zelle|forward)\b[^.?!\n]{0,40}\b(the |remaining |excess |their )?"
    r"(funds|money|balance|difference|rest|overpayment|share|remainder|excess)\b"
)
_CHECK_IN = rx(
    r"\b(deposit\w*|cash(ed)?)\b[^.?!\n]{0,60}\b(check|cheque)\b|"
    r"\b(check|cheque)\b[^\n]{0,120}\b(deposit|cash) (it|the check|the cheque)\b"
)


def _check(ctx: Context) -> str | None:
    found = first_unnegated(ctx, _ASK, window=2)
    return found if found is not None else first_unnegated(ctx, _SEND_ON, _CHECK_IN, window=3)


RULE = Rule(
    rule_id="request.payment_transfer",
    weight=25,
    explanation={
        "fr": "Le message demande d'acheter des cartes cadeaux, de faire un virement urgent ou "
        "de payer sur un nouveau RIB : la fraude au président",
        "en": "The message asks you to buy gift cards, wire money urgently or pay to new bank "
        "details: CEO and invoice fraud",
    },
    check=_check,
)
