"""``email.free_mail_sender``: the e-mail comes from a free mailbox (Gmail, Outlook.com, AOL…).

Anyone can open such a mailbox under any name in a minute, and the provider's signature then
vouches for the mailbox, not for the person: the "CEO" asking for gift cards, the "HR
manager", the "barrister" with an inheritance all write from one. Friends and family write
from them too, so the weight is small: like ``contact.unknown_channel`` it records a fact that
the model and the other rules qualify.
"""

from __future__ import annotations

from leaktrace.phishing.hosting import FREE_MAIL
from leaktrace.phishing.rules._base import Context, Rule

__all__ = ["RULE"]


def _check(ctx: Context) -> str | None:
    sender = ctx.sender
    if sender is None or sender.registered not in FREE_MAIL:
        return None
    return sender.registered


RULE = Rule(
    rule_id="email.free_mail_sender",
    weight=5,
    explanation={
        "fr": "Le courriel vient d'une messagerie gratuite, que n'importe qui peut ouvrir sous "
        "n'importe quel nom",
        "en": "The e-mail comes from a free mailbox, which anyone can open under any name",
    },
    check=_check,
)
