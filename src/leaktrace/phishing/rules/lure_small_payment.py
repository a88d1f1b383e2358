"""``lure.small_payment``: pay a few euros ("frais de livraison 1,49 €") to get something.

A small sum lowers the guard and is enough to capture a card number; the card, not the 1,49 €,
is the loot. Only amounts under 10 in a sentence that asks for a payment count: a
reimbursement *of* 1,49 € is not a payment request.
"""

from __future__ import annotations

from leaktrace.phishing.rules._base import Context, Rule
from leaktrace.phishing.rules._requests import first_unnegated, is_negated
from leaktrace.phishing.text import rx

__all__ = ["RULE"]

# Folded text writes "€" as " eur ".
_AMOUNT = rx(
    r"(?<![\d,.])[0-9][,.]\d{2} ?(eur\b|euros?\b|\$|£|usd\b|gbp\b)|(\$|£|eur ?)[0-9][.,]\d{2}\b"
)
_PAY = rx(
    r"frais|regler|reglez|payer|payez|paiement|s'acquitter|acquittez|reste a charge|"
    r"\bfee|\bpay\b|payment|shipping|customs|douane|postage|redelivery|charge"
)
# "Pay the $25 processing fee to release it": the advance fee, whatever the amount's format;
# "pls pay small fee for deliver": a small fee, whatever it is for.
_RELEASE_FEE = rx(
    r"\bpay (a |the )?small (fee|amount|charge|sum)\b|"
    r"\b(pay|send|cover|with)\b[^.?!\n]{0,30}\b(processing|release|clearance|activation|unlock|"
    r"unlocking|transfer|verification|redelivery|handling|registration|withdrawal) (fee|charge|"
    r"tax)"
)
_REFUND = rx(r"rembours|refund|accepte|debite|preleve")


def _check(ctx: Context) -> str | None:
    fee = first_unnegated(ctx, _RELEASE_FEE)
    if fee is not None:
        return fee
    if ctx.search(_AMOUNT) is None or ctx.search(_PAY) is None:
        return None
    for sentence in ctx.sentences:
        # "nous ne vous demanderons jamais de payer 1,49 €" warns; "remboursement de 1,49 €" pays.
        if _REFUND.search(sentence) or is_negated(sentence):
            continue
        amount = _AMOUNT.search(sentence)
        if amount is not None and _PAY.search(sentence) is not None:
            return amount.group(0).strip()
    return None


RULE = Rule(
    rule_id="lure.small_payment",
    weight=25,
    explanation={
        "fr": "Le message demande de payer une petite somme : c'est votre numéro de carte "
        "bancaire qui est visé",
        "en": "The message asks for a small payment: your card number is the real target",
    },
    check=_check,
)
