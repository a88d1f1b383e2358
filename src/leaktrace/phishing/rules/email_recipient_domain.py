"""``email.recipient_domain_service``: the mail speaks for the reader's own mail service, from
another domain.

"Dear example.org user", "example.org Webmail: your mailbox is full", "[example.org] password
expiry", "Example IT Help Desk": phishing kits fill in the recipient's domain so that the mail
looks internal, then send it from anywhere. A company's real IT notices come from its own
domain, and outside services (Google, Microsoft, a bank) name themselves, not the reader's
organisation. So the rule fires when the organisation of the To address is named as a mail
service, a help desk or its users, in the sender's name, the subject or the opening, while the
From address is at another domain. Free mailboxes (gmail.com…) are no organisation: "Dear
Gmail user" is left to the brand rules. The evidence is the service word only: a domain
copied from To: could name a small organisation, so it is not repeated.
"""

from __future__ import annotations

import re

from leaktrace.phishing.hosting import FREE_MAIL
from leaktrace.phishing.rules._base import Context, Rule
from leaktrace.phishing.text import fold

__all__ = ["RULE"]

_OPENING_CHARS = 600
# What a mail service, a help desk or an administrator calls itself and its users.
_SERVICE = (
    r"(web ?mail|e-?mail|mail|mailbox|mail ?server|server|account|accounts|admin|administrator|"
    r"administration|it|it (department|services?|support|team)|help ?desk|service ?desk|"
    r"support|technical support|postmaster|webmaster|security|portal|users?|staff|employees?|"
    r"account (holder|owner)|e-?mail (user|account|administrator))"
)

_LIST_HOSTS = frozenset({"lists", "list", "groups", "googlegroups", "mailman", "listserv"})


def _pattern(host: str, label: str) -> re.Pattern[str]:
    names = "|".join(re.escape(name) for name in dict.fromkeys((host, label)))
    return re.compile(
        rf"\b(dear|hello|hi|attention)[ ,:]+(?:{names})\b(?![.@-]\w)[ ,:]*(?P<a>{_SERVICE})\b|"
        rf"(?<![\w.@-])(?:{names})(?![.@-]\w)[ ,:-]*(?P<b>{_SERVICE})\b|"
        rf"\[(?:{names})\](?P<c>)"
    )


def _check(ctx: Context) -> str | None:
    recipient, sender = ctx.recipient, ctx.sender
    if recipient is None or sender is None or recipient.is_ip or not recipient.suffix:
        return None
    domain = recipient.registered
    if domain in FREE_MAIL or sender.registered == domain or len(recipient.label) < 3:
        return None
    if _LIST_HOSTS.intersection(recipient.subdomain.split(".")):
        return None  # a mailing list: members from everywhere, the list's name in [brackets]
    head = f"{fold(ctx.message.from_name)}\n{ctx.opening(_OPENING_CHARS)}"
    if recipient.label not in head:
        return None
    found = _pattern(domain, recipient.label).search(head)
    if found is None:
        return None
    return (found.group("a") or found.group("b") or "[…]").strip()


RULE = Rule(
    rule_id="email.recipient_domain_service",
    weight=20,
    explanation={
        "fr": "Le courriel parle au nom du service de messagerie ou d'assistance de votre propre "
        "organisation, mais vient d'un autre domaine",
        "en": "The e-mail speaks for your own organisation's mail service or help desk, but "
        "comes from another domain",
    },
    check=_check,
)
