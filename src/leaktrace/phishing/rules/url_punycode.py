"""``url.punycode``: an internationalised (IDN) host, written in Unicode or as ``xn--``.

French public services and health actors use plain ASCII domains. An IDN host in a message
that speaks for them is how homograph attacks look (``améli.fr``, ``аmeli.fr`` with a Cyrillic
letter); :mod:`~leaktrace.phishing.rules.domain_confusable` says which brand it imitates.
"""

from __future__ import annotations

from leaktrace.phishing.rules._base import Context, Rule

__all__ = ["RULE"]


def _check(ctx: Context) -> str | None:
    for url in ctx.urls:
        if "xn--" in url.host.host:
            return url.host.host
    return None


RULE = Rule(
    rule_id="url.punycode",
    weight=25,
    explanation={
        "fr": "Le lien utilise un nom de domaine en caractères spéciaux (punycode), "
        "souvent employé pour imiter un site connu",
        "en": "The link uses an internationalised (punycode) domain name, often used to "
        "imitate a well-known site",
    },
    check=_check,
)
