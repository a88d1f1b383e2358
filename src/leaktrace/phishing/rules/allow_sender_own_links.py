"""``allow.sender_own_links``: an authenticated sender whose links all go to its own site.

Most genuine mail from a company — a receipt, a sign-in code, an order update — comes from the
company's domain, passes DMARC (or DKIM and SPF) at your mail server, and links back to that
same domain: the mail proves who sent it and sends you nowhere else. A phisher can do the same
only from a domain of his own, which the lookalike rules judge; so this signal stays silent
when one of them fired, and when the links are all official anyway (``allow.official_links_only``
already counted them).
"""

from __future__ import annotations

from leaktrace.phishing.hosting import is_user_content
from leaktrace.phishing.rules._base import DECEPTIONS, Context, Rule

__all__ = ["RULE"]

_SUSPECT = DECEPTIONS | {"email.header_mismatch", "url.punycode", "allow.official_links_only"}


def _check(ctx: Context) -> str | None:
    sender = ctx.sender
    if sender is None or not ctx.urls or not ctx.message.authenticated or ctx.fired & _SUSPECT:
        return None
    if sender.is_ip or not sender.suffix:
        return None
    for url in ctx.foreign_urls:
        # A page on the sender's own platform may still be anyone's (a Google Form from google.com).
        if url.host.registered != sender.registered or is_user_content(url):
            return None
    return sender.registered


RULE = Rule(
    rule_id="allow.sender_own_links",
    weight=-25,
    explanation={
        "fr": "L'expéditeur est authentifié par votre messagerie et ses liens mènent tous à son "
        "propre site",
        "en": "The sender is authenticated by your mail server and its links all lead to its own "
        "site",
    },
    check=_check,
)
