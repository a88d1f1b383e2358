"""``allow.official_links_only``: every link goes to an official domain.

A message whose links all lead to the insurer's, Doctolib's, a laboratory's, a public
service's or a known company's own registered domain sends nobody to a fraudster's page. It
does not clear a message that asks for a call to a number that is not the official one: the
links there are decor ("a purchase at apple.com?"), the call is the trap.
"""

from __future__ import annotations

from leaktrace.phishing.rules._base import Context, Rule

__all__ = ["RULE"]

_TRICKS = frozenset(
    {
        "url.userinfo_trick",
        "email.link_text_mismatch",
        "phone.unofficial_callback",
        "phone.premium_number",
        # wa.me/… and t.me/… are official sites that open a chat with a stranger.
        "contact.messaging_app",
    }
)


def _check(ctx: Context) -> str | None:
    if not ctx.urls or ctx.foreign_urls or ctx.fired & _TRICKS:
        return None
    return ", ".join(sorted({url.host.registered for url in ctx.urls}))[:120]


RULE = Rule(
    rule_id="allow.official_links_only",
    weight=-30,
    explanation={
        "fr": "Tous les liens mènent vers des sites officiels",
        "en": "Every link leads to an official website",
    },
    check=_check,
)
