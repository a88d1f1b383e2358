"""``sms.sender_personal_number``: a text in an organisation's name, from a personal number.

The Assurance Maladie, banks, carriers and delivery firms text from short codes (five digits
in France) or a registered sender name; a text that speaks in their name from an ordinary mobile
or landline number ("+33 6…", "(202) 555-…") comes from a SIM card, which is what smishing
campaigns buy by the hundred. It fires when the text names a protected brand or carries one
of the lures that pose as an organisation (a parcel held, a fine, a suspended account, a
reimbursement…), and the caller gave a sender that is a personal number: toll-free and
premium lines, which companies rent, do not count, and a number no numbering plan knows
does (a spoofed or invented one).

North American firms may also text from ordinary ten-digit numbers they registered (10DLC):
the weight is therefore small, a fact that adds to the lure rather than a verdict on its own.
"""

from __future__ import annotations

from leaktrace.phishing.rules._base import Context, Rule

__all__ = ["RULE"]

# The lures that speak as an organisation would (not as a stranger or a friend would).
_AS_ORGANISATION = frozenset(
    {
        "lure.account_suspended",
        "lure.callback_invoice",
        "lure.carte_vitale",
        "lure.delivery_problem",
        "lure.fake_summons",
        "lure.fine_penalty",
        "lure.reimbursement",
        "lure.security_alert",
        "lure.small_payment",
        "lure.utility_cutoff",
        "lure.verify_account",
    }
)


def _check(ctx: Context) -> str | None:
    sender = ctx.texted_by
    if sender is None or sender.kind != "number":
        return None
    if ctx.fired & _AS_ORGANISATION:
        evidence = "-"
    else:
        brand = next(iter(ctx.claimed), None)
        if brand is None:
            return None
        evidence = brand.name
    return evidence if sender.personal else None


RULE = Rule(
    rule_id="sms.sender_personal_number",
    weight=15,
    explanation={
        "fr": "Le SMS parle au nom d'un organisme mais vient d'un numéro de particulier : "
        "les organismes écrivent depuis un numéro court ou un nom d'expéditeur",
        "en": "The text speaks for an organisation but comes from a personal phone number: "
        "organisations text from a short code or a sender name",
    },
    check=_check,
)
