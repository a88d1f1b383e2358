"""``url.free_hosting``: a link to a page anyone can publish (free site builder, cloud bucket…).

``sites.google.com/view/…``, ``*.web.app``, ``*.weebly.com``, ``storage.googleapis.com/…``,
an IPFS gateway: the page is the work of whoever opened an account, and mail filters trust the
platform's domain, which is why phishing kits are parked there. Companies send you to their own
domain; a bank, a carrier or an insurer does not run its payment page on a free website.
"""

from __future__ import annotations

from leaktrace.phishing.hosting import is_user_content
from leaktrace.phishing.rules._base import Context, Rule

__all__ = ["RULE"]


def _check(ctx: Context) -> str | None:
    for url in ctx.foreign_urls:
        if is_user_content(url):
            return url.host.host
    return None


RULE = Rule(
    rule_id="url.free_hosting",
    weight=15,
    explanation={
        "fr": "Le lien mène à une page que n'importe qui peut publier (hébergement gratuit, "
        "stockage en ligne, formulaire)",
        "en": "The link leads to a page anyone can publish (free hosting, cloud storage, an "
        "online form)",
    },
    check=_check,
)
