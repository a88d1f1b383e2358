"""``url.shortener``: a link through a URL shortener.

Shorteners hide the real destination until the click, which is why official senders (the
insurer, laboratories, Doctolib) do not use them in their SMS, and why lures do.
"""

from __future__ import annotations

from leaktrace.phishing.rules._base import Context, Rule

__all__ = ["RULE", "SHORTENERS"]

SHORTENERS = frozenset(
    [
        "bit.ly",
        "bitly.com",
        "tinyurl.com",
        "cutt.ly",
        "is.gd",
        "v.gd",
        "goo.gl",
        "ow.ly",
        "rebrand.ly",
        "shorturl.at",
        "rb.gy",
        "t.ly",
        "tiny.cc",
        "bl.ink",
        "s.id",
        "urlz.fr",
        "shorte.st",
        "adf.ly",
        "qrco.de",
        "t.co",
        "buff.ly",
        "lnkd.in",
        "tiny.one",
        "short.io",
        "shorturl.com",
        "snip.ly",
        "clck.ru",
        "u.to",
        "1url.fr",
        "bit.do",
        "x.co",
        # Eighth session: more public shorteners anyone can use without an account (Bitly's
        # second domain, French and Spanish-language services, pay-per-click ones).
        "j.mp",
        "gg.gg",
        "surl.li",
        "t2m.io",
        "kutt.it",
        "cutt.us",
        "bc.vc",
        "ouo.io",
        "soo.gd",
        "u.nu",
        "short.gy",
        "shorturl.asia",
        "tiny.pl",
        "acortar.link",
        "encurtador.com.br",
        "frama.link",
        "huit.re",
        "lstu.fr",
    ]
)


def _check(ctx: Context) -> str | None:
    for url in ctx.foreign_urls:  # Google Photos' photos.app.goo.gl links are Google's own
        if url.host.registered in SHORTENERS or url.host.host in SHORTENERS:
            return url.host.host
    return None


RULE = Rule(
    rule_id="url.shortener",
    weight=25,
    explanation={
        "fr": "Le lien passe par un raccourcisseur d'URL qui cache sa vraie destination",
        "en": "The link goes through a URL shortener that hides its real destination",
    },
    check=_check,
)
