"""``request.bank_details``: the message asks for a RIB, IBAN or card number.

Neither the insurer, nor a laboratory, nor a mutuelle asks for bank details by SMS or e-mail;
a RIB is changed by the holder in the ameli account. Naming the card without asking for it
("your new bank card is at your branch") does not fire: the sentence needs a request verb.
"""

from __future__ import annotations

from leaktrace.phishing.rules._base import Context, Rule
from leaktrace.phishing.rules._requests import REQUEST_VERBS, first_unnegated
from leaktrace.phishing.text import rx

__all__ = ["RULE"]

_BANK = rx(
    r"coordonnees bancaires|\brib\b|\biban\b|carte bancaire|carte de credit|numero de (votre )?"
    r"carte|cryptogramme|\bcvv\b|\bcvc\b|bank (details|account|information|info)|card "
    r"(number|details)|credit card|debit card|routing number|account number|banking details"
)
_ASK = rx(REQUEST_VERBS)


def _check(ctx: Context) -> str | None:
    return first_unnegated(ctx, _BANK, _ASK, window=2)


RULE = Rule(
    rule_id="request.bank_details",
    weight=25,
    explanation={
        "fr": "Le message demande vos coordonnées bancaires (RIB, IBAN, carte)",
        "en": "The message asks for your bank details (account, IBAN, card)",
    },
    check=_check,
)
