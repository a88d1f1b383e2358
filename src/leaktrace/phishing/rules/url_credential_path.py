"""``url.credential_path``: a link whose address announces a login, payment or update page.

Phishing kits name their pages for what they steal (``/login``, ``/paiement``, ``/maj-rib``,
``verify.php``). The rule only looks at links to unknown domains: the insurer's own
``/connexion`` page is fine.
"""

from __future__ import annotations

from leaktrace.phishing.rules._base import Context, Rule
from leaktrace.phishing.text import rx

__all__ = ["RULE"]

_WORDS = rx(
    r"log-?in|sign-?in|signon|verif|secur|account|compte|update|confirm|paiement|payment|\bpay|"
    r"billing|banking|auth|valid|\brib|identi|connexion|webscr|unlock|debloq|rembours|refund|"
    r"claim|\.php|dossier|formulaire|wallet|reactiv|regularis|\bmaj"
)


def _check(ctx: Context) -> str | None:
    for url in ctx.foreign_urls:
        if url.host.is_ip:
            continue  # already said by url.ip_host
        where = f"{url.host.subdomain}/{url.path}".lower()
        match = _WORDS.search(where)
        if match:
            return f"{url.host.host}{url.path}"[:80]
    return None


RULE = Rule(
    rule_id="url.credential_path",
    weight=10,
    explanation={
        "fr": "L'adresse du lien annonce une page de connexion, de paiement ou de mise à jour "
        "sur un site inconnu",
        "en": "The link's address announces a login, payment or update page on an unknown site",
    },
    check=_check,
)
