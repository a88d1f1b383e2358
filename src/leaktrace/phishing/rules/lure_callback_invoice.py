"""``lure.callback_invoice``: a charge or renewal you did not order, and a number to undo it.

Callback phishing ("telephone-oriented attack delivery"): an invoice for an antivirus, a
streaming or an Office renewal, a few hundred dollars "charged", and a phone number for refunds
or cancellation. It carries no link for a filter to judge; the victim calls, and the "agent"
walks them into remote access or a bank transfer. Genuine renewal notices send you to your
account on the company's site.
"""

from __future__ import annotations

from leaktrace.phishing.rules._base import Context, Rule
from leaktrace.phishing.rules._requests import first_unnegated
from leaktrace.phishing.text import rx

__all__ = ["RULE"]

_CHARGE = rx(
    r"\b(has been|was|will be|have been) (successfully )?(renewed|charged|debited|processed|"
    r"deducted|billed)\b|\bset to (auto-?)?renew\b|\b(auto-?)?renew(s|al)? (on|for)\b|"
    r"\b(order|purchase|payment) (confirmed|received|processed)\b|"
    r"\b(payment|purchase|charge) of (\$|£|€)?\d[\d,.]*( usd)? (to|at|for)\b[^\n]{0,40}?"
    r"\b(completed|processed|approved|confirmed)\b|\bstatus: ?(charged|paid)\b|"
    r"\breceipt (for|of) your (order|purchase|subscription|payment)\b|"
    r"\border\b[^.\n]{0,40}\bwill (ship|be shipped|be delivered) (today|tomorrow)\b"
)
# Undo it by phone: cancel, refund, dispute, "questions about this charge", then the number.
_CALL_TO_UNDO = rx(
    r"\b(cancel\w*|refund\w*|disputes?|not authori[sz]e|didn'?t (make|authori[sz]e|place) this|"
    r"if (this was |it was |it's )?not you|"
    r"questions? about (this|the) (charge|order|"
    r"payment|invoice)|change your plan|stop (the|this) (renewal|payment))\b[^\n]{0,120}?"
    r"\+? ?1?[ .-]?\(?\d{3}\)?[ .-]?\d{3}[ .-]?\d{4}\b"
)


def _check(ctx: Context) -> str | None:
    if ctx.foreign_urls:
        return None  # a link to judge: the link rules do it
    return first_unnegated(ctx, _CALL_TO_UNDO, _CHARGE, window=4)


RULE = Rule(
    rule_id="lure.callback_invoice",
    weight=25,
    explanation={
        "fr": "Une facture ou un renouvellement que vous n'avez pas commandé, avec un numéro à "
        "appeler pour l'annuler : l'appel est le piège",
        "en": "An invoice or renewal you did not order, with a number to call to cancel it: the "
        "call is the trap",
    },
    check=_check,
)
