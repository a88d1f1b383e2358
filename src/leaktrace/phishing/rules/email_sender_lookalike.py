"""``email.sender_lookalike``: the sender's name, dressed up in a domain of lure words.

"Instagram <security@instagram-copyright.example>", "Santander <alerts@santander-uk-secure.net>",
"eBay <member@ebay.com.ws-isapi.example>": the display name is a company, and the sending
domain is that name glued to words like *secure*, *verify*, *billing*, *support* — or the name
written as a fake ``name.com.`` prefix of someone else's domain. Companies send from their own
plain domain; this shape is what phishers register. It works for any company, not only the
protected brands (``email.sender_brand_mismatch`` covers those with their real domains).
"""

from __future__ import annotations

import itertools
import re

from leaktrace.phishing.domains import is_official
from leaktrace.phishing.rules._base import Context, Rule
from leaktrace.phishing.text import fold

__all__ = ["RULE"]

_LURE_WORDS = frozenset(
    [
        "secure",
        "security",
        "verify",
        "verification",
        "account",
        "accounts",
        "alert",
        "alerts",
        "support",
        "service",
        "services",
        "login",
        "signin",
        "update",
        "updates",
        "billing",
        "notify",
        "notice",
        "notification",
        "notifications",
        "docs",
        "document",
        "documents",
        "invoice",
        "invoices",
        "renew",
        "renewal",
        "parcel",
        "messages",
        "message",
        "help",
        "helpdesk",
        "center",
        "centre",
        "team",
        "online",
        "portal",
        "auth",
        "id",
        "customer",
        "customers",
        "care",
        "delivery",
        "tracking",
        "track",
        "refund",
        "refunds",
        "claim",
        "claims",
        "payment",
        "payments",
        "pay",
        "wallet",
        "copyright",
        "resolution",
        "confirm",
        "confirmation",
        "unlock",
        "recovery",
        "restore",
        "review",
        "protect",
        "protection",
        "safe",
        "safety",
        "check",
        "info",
        "mail",
        "email",
        "access",
    ]
)
_FAKE_TLDS = frozenset({"com", "net", "org", "co", "us", "uk"})
_WORD = re.compile(r"[a-z0-9]+")


def _names(display: str) -> set[str]:
    words = [w for w in _WORD.findall(fold(display)) if len(w) >= 3]
    names = {w for w in words if len(w) >= 4 and w not in _LURE_WORDS}
    if len(words) >= 2:
        names.add("".join(words[:2]))
        names.add("".join(words))
    return names


def _check(ctx: Context) -> str | None:
    host = ctx.sender
    if host is None or not ctx.message.from_name or host.is_ip or is_official(host):
        return None
    names = _names(ctx.message.from_name)
    if not names:
        return None
    parts = [p for p in re.split(r"[-_]", host.label) if p]
    baited = any(p in _LURE_WORDS for p in parts if p not in names)
    if len(parts) >= 2 and baited and any(p in names for p in parts):
        return host.registered
    # "ebay.com.ws-isapi.example": the name as a fake domain in front of the real one.
    labels = host.subdomain.split(".")
    if any(a in names and b in _FAKE_TLDS for a, b in itertools.pairwise(labels)):
        return host.registered
    return None


RULE = Rule(
    rule_id="email.sender_lookalike",
    weight=25,
    explanation={
        "fr": "L'adresse d'envoi colle le nom de l'expéditeur à des mots d'appât (sécurité, "
        "compte, facturation) : une imitation de domaine",
        "en": "The sending address glues the sender's name to bait words (secure, account, "
        "billing): an imitation domain",
    },
    check=_check,
)
