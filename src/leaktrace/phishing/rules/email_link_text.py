"""``email.link_text_mismatch``: an HTML link shows one address and opens another.

``<a href="http://evil.example/">https://www.ameli.fr</a>``: the words of the link are an
address, and its target is on a different registered domain. Plain words ("Se connecter") are
not compared; only link texts that are themselves addresses.
"""

from __future__ import annotations

from leaktrace.phishing.rules._base import Context, Rule
from leaktrace.phishing.urls import find_urls, parse_url

__all__ = ["RULE"]


def _check(ctx: Context) -> str | None:
    for href, text in ctx.message.links:
        shown = find_urls(text, limit=1)
        if not shown or not href.lower().startswith(("http", "www.")):
            continue
        target = parse_url(href)
        if target is None:
            continue
        if shown[0].host.registered != target.host.registered:
            return f"{shown[0].host.registered} → {target.host.registered}"
    return None


RULE = Rule(
    rule_id="email.link_text_mismatch",
    weight=30,
    explanation={
        "fr": "Un lien affiche une adresse mais ouvre un autre site",
        "en": "A link displays one address but opens another site",
    },
    check=_check,
)
