"""``email.sender_brand_mismatch``: the display name claims a brand, the address does not.

``"Assurance Maladie" <service@fr-remb0urs.net>``: mail clients show the name, hide the
address. When the display name names a protected brand and the sending domain is not one of
the official domains, the sender is lying about who it is. A free mailbox
(``wf.secure@outlook.com``) belongs to whoever opened it, not to the brand that hosts it.
"""

from __future__ import annotations

from leaktrace.phishing.domains import brand_by_domain, is_official
from leaktrace.phishing.hosting import FREE_MAIL
from leaktrace.phishing.rules._base import Context, Rule
from leaktrace.phishing.rules._mentions import first_brand_named
from leaktrace.phishing.text import fold

__all__ = ["RULE"]


def _check(ctx: Context) -> str | None:
    host = ctx.sender
    if host is None:
        return None
    claimed = first_brand_named(fold(ctx.message.from_name))
    if claimed is None:
        return None
    owner = brand_by_domain(host.registered)
    if host.registered in FREE_MAIL and owner is not claimed:
        return f"{claimed.name} ← {host.registered}"
    if is_official(host):
        return None
    return f"{claimed.name} ← {host.registered}"


RULE = Rule(
    rule_id="email.sender_brand_mismatch",
    weight=30,
    explanation={
        "fr": "Le nom de l'expéditeur se réclame d'un organisme mais l'adresse d'envoi n'est "
        "pas la sienne",
        "en": "The sender's name claims an organisation but the sending address is not its own",
    },
    check=_check,
)
