"""``sms.unknown_link``: an SMS whose link leads to a site nobody official owns.

Banks, carriers, parcel services and public bodies that text their customers link to their
own domains (``ameli.fr``, ``laposte.fr``, ``usps.com``…), and people texting each other rarely
send links at all. An SMS that sends you to any *other* site — a freshly registered
``parcel-redelivery-help.com``, a shortener, an IP address — is what smishing looks like: the
link is the whole point of the message.

Only links written as links count here: a scheme (``http://``), ``www.``, a path
(``site.com/x``) or a generic or phishing-favoured top-level domain. "message.it" or
"liking.be", words glued by a missing space, are not links anyone would tap. Shorteners, IP
hosts and unusual TLDs have their own, heavier rules; this one adds the baseline weight of
"an SMS with an unknown link".
"""

from __future__ import annotations

from leaktrace.phishing.rules._base import Context, Rule
from leaktrace.phishing.rules.url_unusual_tld import UNUSUAL_TLDS
from leaktrace.phishing.urls import Url

__all__ = ["RULE"]

_GENERIC_TLDS = frozenset({"com", "net", "org", "co", "io", "ly", "me", "us", "app", "page"})


def _written_as_link(url: Url) -> bool:
    written = url.written.lower()
    if written.startswith(("http://", "https://", "hxxp", "www.")) or url.host.is_ip:
        return True
    if "/" in written.split("//", 1)[-1]:
        return True
    tld = url.host.suffix.rsplit(".", 1)[-1]
    return tld in _GENERIC_TLDS or tld in UNUSUAL_TLDS


def _check(ctx: Context) -> str | None:
    if ctx.message.channel != "sms":
        return None
    for url in ctx.foreign_urls:
        if _written_as_link(url):
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
