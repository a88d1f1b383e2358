"""``url.unusual_tld``: a link on a top-level domain that phishing favours.

Cheap, loosely policed TLDs (``.xyz``, ``.top``, ``.info``…) carry a large share of phishing
sites in public abuse reports, and none of the protected brands uses them. The list is about
TLDs, not about any message set.
"""

from __future__ import annotations

from leaktrace.phishing.rules._base import Context, Rule

__all__ = ["RULE", "UNUSUAL_TLDS"]

UNUSUAL_TLDS = frozenset(
    [
        "xyz",
        "top",
        "club",
        "online",
        "site",
        "live",
        "shop",
        "icu",
        "buzz",
        "cfd",
        "sbs",
        "bond",
        "cyou",
        "rest",
        "click",
        "link",
        "work",
        "fit",
        "gq",
        "ml",
        "ga",
        "cf",
        "tk",
        "pw",
        "su",
        "ru",
        "cn",
        "info",
        "biz",
        "mobi",
        "support",
        "help",
        "win",
        "bid",
        "loan",
        "vip",
        "lol",
        "monster",
        "quest",
        "today",
        "store",
        "website",
        "space",
        "tech",
        "fun",
        "ws",
        "cam",
        "casa",
        "country",
        "date",
        "download",
        "men",
        "party",
        "racing",
        "review",
        "science",
        "stream",
        "trade",
        "webcam",
        "zip",
        "mov",
        "life",
        "world",
        "best",
        "ink",
        "uno",
        "cloud",
        "digital",
        "email",
        "services",
    ]
)


def _check(ctx: Context) -> str | None:
    for url in ctx.foreign_urls:
        tld = url.host.suffix.rsplit(".", 1)[-1]
        if tld in UNUSUAL_TLDS:
            return url.host.registered
    return None


RULE = Rule(
    rule_id="url.unusual_tld",
    weight=15,
    explanation={
        "fr": "Le lien utilise une extension de domaine très prisée des sites frauduleux",
        "en": "The link uses a top-level domain that fraudulent sites favour",
    },
    check=_check,
)
