"""``sms.sender_email``: a text sent from an e-mail address.

A text from an e-mail address came through iMessage or an operator's e-mail-to-SMS gateway:
the one way to reach a phone that the operators' spam filters (and the 33700 reports they
feed) do not see, and a free, disposable sender for bulk scams. Banks, carriers, delivery
firms, public services and doctors text from short codes or a sender name, never from an
e-mail address. A friend's iMessage can come from an address too, and the reader knows their
friends: that is why the weight reaches ``suspicious`` (25), not ``phishing``, on its own.

Read only when the caller gave the sender (``--sender``, ``"sender"``): a text alone has none.
"""

from __future__ import annotations

from leaktrace.phishing.rules._base import Context, Rule

__all__ = ["RULE"]


def _check(ctx: Context) -> str | None:
    sender = ctx.texted_by
    return "-" if sender is not None and sender.kind == "email" else None


RULE = Rule(
    rule_id="sms.sender_email",
    weight=25,
    explanation={
        "fr": "Le SMS vient d'une adresse e-mail (iMessage ou passerelle e-mail vers SMS) : "
        "banques, opérateurs, transporteurs et services publics écrivent depuis un numéro "
        "court ou un nom d'expéditeur, jamais depuis une adresse e-mail",
        "en": "The text comes from an e-mail address (iMessage or an e-mail-to-SMS gateway): "
        "banks, carriers, delivery firms and public services text from a short code or a "
        "sender name, never from an e-mail address",
    },
    check=_check,
)
