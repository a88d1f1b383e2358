"""``sms.unknown_link``: an SMS whose link leads to a site nobody official owns.

Banks, carriers, parcel services and public bodies that text their customers link to their
own domains (``ameli.fr``, ``laposte.fr``, ``usps.com``…), and people texting each other rarely
send links at all. An SMS that sends you to any *other* site — a freshly registered
``parcel-redelivery-help.com``, a shortener, an IP address — is what smishing looks like: the
link is the whole point of the message.

Only links written as links count here: a scheme (``http://``), ``www.``, a path
(``site.com/x``), a generic or phishing-favoured top-level domain, or a made-up name with
a hyphen or a digit. "message.it" or
"liking.be", words glued by a missing space, are not links anyone would tap. Shorteners, IP
hosts and unusual TLDs have their own, heavier rules; this one adds the baseline weight of
"an SMS with an unknown link". A link to the sender's own name on an ordinary TLD ("Chewy:
… chewy.com") is the sender's site, not an unknown one; a lookalike of a protected brand is
still caught by the domain rules.
"""

from __future__ import annotations

import re

from leaktrace.phishing.rules._base import Context, Rule
from leaktrace.phishing.rules.url_unusual_tld import UNUSUAL_TLDS
from leaktrace.phishing.text import fold
from leaktrace.phishing.urls import LURE_GTLDS, Url, looks_made_up

__all__ = ["RULE"]

_GENERIC_TLDS = frozenset({"com", "net", "org", "co", "io", "ly", "me", "us", "app", "page"})


def _written_as_link(url: Url) -> bool:
    written = url.written.lower()
    if written.startswith(("http://", "https://", "hxxp", "www.")) or url.host.is_ip:
        return True
    if "/" in written.split("//", 1)[-1]:
        return True
    tld = url.host.suffix.rsplit(".", 1)[-1]
    if tld in _GENERIC_TLDS or tld in UNUSUAL_TLDS or tld in LURE_GTLDS:
        return True
    # A made-up name ("cancun-getaways.travel", "claim4u.gift") is a site, whatever its TLD.
    return looks_made_up(url.host.label)


# "Chewy: your order has shipped, track it at chewy.com": the sender signs the SMS first.
_SIGNED = re.compile(r"^\s*([^\W\d_][\w&' .-]{1,30}?)\s*:")


def _sender_names(text: str) -> frozenset[str]:
    """The squashed sender name an SMS opens with ("oldnavy", "pge") and its initials ("kp")."""
    match = _SIGNED.match(fold(text[:40]))
    if match is None:
        return frozenset()
    words = re.findall(r"[a-z0-9]+", match.group(1))
    names = {"".join(words)}
    if len(words) >= 2:
        names.add("".join(word[0] for word in words))
    return frozenset(name for name in names if len(name) >= 2)


def _own_site(url: Url, names: frozenset[str]) -> bool:
    """The link's domain *is* the sender's name on an ordinary TLD: its own site."""
    tld = url.host.suffix.rsplit(".", 1)[-1]
    return url.host.label.replace("-", "") in names and tld not in UNUSUAL_TLDS


def _check(ctx: Context) -> str | None:
    if ctx.message.channel != "sms":
        return None
    names = _sender_names(ctx.message.text)
    for url in ctx.foreign_urls:
        if _written_as_link(url) and not _own_site(url, names):
            return url.host.registered
    return None


RULE = Rule(
    rule_id="sms.unknown_link",
    weight=15,
    explanation={
        "fr": "Le SMS contient un lien vers un site qui n'appartient à aucun organisme connu",
        "en": "The SMS holds a link to a site that no known organisation owns",
    },
    check=_check,
)
