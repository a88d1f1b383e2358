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


def _tokens() -> frozenset[str]:
    # Two- and three-letter names ("ee", "td", "ups") are words in paths.
    return frozenset(
        token
        for brand in BRANDS
        for token in (*brand.tokens, *brand.exact_tokens)
        if len(token) >= 4 and "-" not in token
    )


_TOKENS = _tokens()
_DOMAINS = frozenset(domain for brand in BRANDS for domain in brand.domains if len(domain) >= 7)
# Host names written in a path: "www.wellsfargo.com", "paypal.com.cgi".
_HOSTLIKE = re.compile(r"[a-z0-9-]+(?:\.[a-z0-9-]+)+")


def _names_a_brand(path: str) -> bool:
    if "." in path:
        for written in _HOSTLIKE.findall(path):
            labels = written.split(".")[:8]
            # Any run of two labels or more: "www.paypal.com", "paypal.com.cgi".
            for start in range(len(labels) - 1):
                for end in range(start + 2, len(labels) + 1):
                    if ".".join(labels[start:end]) in _DOMAINS:
                        return True
    return any(segment in _TOKENS for segment in _SEGMENTS.split(path))


def _check(ctx: Context) -> str | None:
    for url in ctx.foreign_urls:
        path = url.path.lower()
        if len(path) >= 4 and _names_a_brand(path):
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
