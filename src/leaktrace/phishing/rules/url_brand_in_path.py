"""``url.brand_in_path``: a brand's name or domain in the path of a link to someone else's site.

Phishing kits are dropped on hacked sites and free hosts, so their address names the brand
in the path: ``http://shop-of-someone.example/images/.paypal/login.php``,
``http://203.0.113.7/www.wellsfargo.com/signon/``, ``http://host.example/ebay/ws/eBayISAPI``.
The brand's own sites and known services never fire; on other sites a brand token counts as
a whole path segment, and a brand domain anywhere in the path.
"""

from __future__ import annotations

import re

from leaktrace.phishing.brands import BRANDS
from leaktrace.phishing.rules._base import Context, Rule

__all__ = ["RULE"]

_SEGMENTS = re.compile(r"[/._~\-]+")


def _names() -> tuple[dict[str, str], re.Pattern[str]]:
    segments: dict[str, str] = {}
    for brand in BRANDS:
        for token in (*brand.tokens, *brand.exact_tokens):
            # Two- and three-letter names ("ee", "td", "ups") are words in paths.
            if len(token) >= 4 and "-" not in token:
                segments.setdefault(token, brand.name)
    domains = sorted({domain for brand in BRANDS for domain in brand.domains if len(domain) >= 7})
    pattern = re.compile("|".join(re.escape(domain) for domain in domains))
    return segments, pattern


_TOKENS, _DOMAINS = _names()


def _check(ctx: Context) -> str | None:
    for url in ctx.foreign_urls:
        path = url.path.lower()
        if len(path) < 4:
            continue
        found = _DOMAINS.search(path)
        if found is not None:
            return f"{url.host.host}{url.path}"[:80]
        for segment in _SEGMENTS.split(path):
            if segment in _TOKENS:
                return f"{url.host.host}{url.path}"[:80]
    return None


RULE = Rule(
    rule_id="url.brand_in_path",
    weight=20,
    explanation={
        "fr": "Le lien mène à un site inconnu dont l'adresse reprend le nom d'un organisme "
        "connu dans son chemin",
        "en": "The link leads to an unknown site whose address names a well-known organisation "
        "in its path",
    },
    check=_check,
)
