"""``domain.brand_in_foreign``: a protected brand's name inside a domain it does not own.

``ameli-vitale.fr``, ``mon-doctolib.com``, ``ameli.fr-espace.com`` (whose registered domain is
``fr-espace.com``): the brand's token is there to be read, the domain belongs to someone else.
Compared on the registered domain, so ``www.ameli.fr`` or ``assure.ameli.fr`` never fire.
"""

from __future__ import annotations

from leaktrace.phishing.domains import brand_token_in
from leaktrace.phishing.rules._base import Context, Rule

__all__ = ["RULE"]


def _check(ctx: Context) -> str | None:
    for url in ctx.foreign_urls:
        brand = brand_token_in(url.host)
        if brand is not None:
            return f"{url.host.host} ≠ {brand.name}"
    return None


RULE = Rule(
    rule_id="domain.brand_in_foreign",
    weight=35,
    explanation={
        "fr": "Le lien reprend le nom d'un organisme connu dans un domaine qui ne lui "
        "appartient pas",
        "en": "The link borrows a well-known organisation's name in a domain it does not own",
    },
    check=_check,
)
