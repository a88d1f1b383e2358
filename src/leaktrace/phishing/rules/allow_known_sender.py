"""``allow.known_sender``: an e-mail from an official domain, authenticated by the receiver.

The display name can lie and so can ``From``; a ``From`` on an official domain *and* a DMARC
(or DKIM and SPF) pass in the receiving server's ``Authentication-Results`` cannot. Without
those headers (a pasted text, a forwarded mail) this signal stays quiet. Nor does it speak
for a free mailbox (``gmail.com``, ``outlook.com``): the provider authenticates whoever opened
the account, which is anyone.
"""

from __future__ import annotations

from leaktrace.phishing.rules._base import Context, Rule

__all__ = ["RULE"]


def _check(ctx: Context) -> str | None:
    host = ctx.sender
    if host is None or not ctx.vouched_sender or "email.header_mismatch" in ctx.fired:
        return None
    return host.registered


RULE = Rule(
    rule_id="allow.known_sender",
    weight=-25,
    explanation={
        "fr": "L'expéditeur est un domaine officiel, authentifié par votre messagerie",
        "en": "The sender is an official domain, authenticated by your mail server",
    },
    check=_check,
)
