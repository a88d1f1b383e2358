"""``lure.call_to_action``: an e-mail pretext with its button: "unusual sign-in… [Secure account]".

Credential phishing is a pretext (the mailbox is full, the account is limited, a parcel is
held) and one action to take on someone else's page. Either alone is ordinary mail; together,
in an e-mail that links off the known sites and off the sender's own domain, or shows a button
for it ("Verify now", "Fix sync error", "Review recent activity"), they are the shape of the
attack. Buttons count even when the link behind them is lost, as in mail converted to text.
"""

from __future__ import annotations

from leaktrace.phishing.rules._base import Context, Rule

__all__ = ["RULE"]

_PRETEXTS = frozenset(
    {
        "lure.verify_account",
        "lure.account_suspended",
        "lure.security_alert",
        "lure.mailbox_document",
        "lure.delivery_problem",
        "lure.reimbursement",
        "lure.fine_penalty",
        "lure.small_payment",
    }
)


def _check(ctx: Context) -> str | None:
    if ctx.message.channel != "email" or not ctx.fired & _PRETEXTS:
        return None
    # A link to the sender's own domain is its own page (a spoofed sender links elsewhere).
    if ctx.foreign_urls:
        return ctx.foreign_host_beyond(sender_only_if_authenticated=False)
    return ctx.button


RULE = Rule(
    rule_id="lure.call_to_action",
    weight=10,
    explanation={
        "fr": "Le prétexte s'accompagne d'un bouton ou d'un lien vers un site inconnu pour agir",
        "en": "The pretext comes with a button or a link to an unknown site to act on it",
    },
    check=_check,
)
