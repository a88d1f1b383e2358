"""``domain.confusable``: an IDN host whose letters imitate a protected domain's.

The host is decoded from punycode and every character mapped to the ASCII letter it looks like
(the Unicode confusables data shipped by ``confusable-homoglyphs``); when that *skeleton* is a
protected label (or a dnstwist permutation of one) the host is a homograph of the brand.
"""

from __future__ import annotations

from leaktrace.phishing.domains import confusable_of
from leaktrace.phishing.rules._base import Context, Rule

__all__ = ["RULE"]


def _check(ctx: Context) -> str | None:
    for url in ctx.foreign_urls:
        if "xn--" not in url.host.host:
            continue
        brand = confusable_of(url.host)
        if brand is not None:
            return f"{url.host.registered} ≈ {brand.name}"
    return None


RULE = Rule(
    rule_id="domain.confusable",
    weight=40,
    explanation={
        "fr": "Le lien utilise des lettres d'autres alphabets qui imitent l'adresse d'un site "
        "officiel",
        "en": "The link uses look-alike letters from other alphabets to imitate an official "
        "site's address",
    },
    check=_check,
)
