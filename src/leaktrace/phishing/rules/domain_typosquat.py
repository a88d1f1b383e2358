"""``domain.typosquat``: a link to a typo or homoglyph permutation of a protected domain.

Candidates come from the ``dnstwist`` fuzzer run on every protected domain (omission,
insertion, transposition, repetition, bit flips, ASCII homoglyphs such as ``rn``→``m`` or
``l``→``i``, …). The label is compared whatever the TLD, so ``arneli.com`` imitates
``ameli.fr`` too.
"""

from __future__ import annotations

from leaktrace.phishing.domains import typosquat_of
from leaktrace.phishing.rules._base import Context, Rule

__all__ = ["RULE"]


def _check(ctx: Context) -> str | None:
    for url in ctx.foreign_urls:
        brand = typosquat_of(url.host)
        if brand is not None:
            return f"{url.host.registered} ≈ {brand.name}"
    return None


RULE = Rule(
    rule_id="domain.typosquat",
    weight=40,
    explanation={
        "fr": "Le lien imite l'adresse d'un site officiel à une faute de frappe près",
        "en": "The link imitates an official site's address with a one-typo difference",
    },
    check=_check,
)
