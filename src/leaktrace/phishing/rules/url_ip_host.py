"""``url.ip_host``: a link to a bare IP address instead of a domain name.

No insurer, laboratory or bank sends links to ``http://91.215.85.12/``: a bare IP is what a
phishing kit on a rented server looks like before anyone bought it a domain.
"""

from __future__ import annotations

from leaktrace.phishing.rules._base import Context, Rule

__all__ = ["RULE"]


def _check(ctx: Context) -> str | None:
    for url in ctx.urls:
        if url.host.is_ip:
            return url.host.host
    return None


RULE = Rule(
    rule_id="url.ip_host",
    weight=35,
    explanation={
        "fr": "Le lien pointe vers une adresse IP brute, pas vers un site officiel",
        "en": "The link points to a bare IP address, not to an official website",
    },
    check=_check,
)
