"""``email.header_mismatch``: replies or bounces go to another domain than the sender's.

A ``Reply-To`` on another registered domain sends the victim's answer (with the requested RIB
or scan of the carte Vitale) to the fraudster while ``From`` shows the brand. ``Return-Path``
differs in much legitimate bulk mail (mailing providers), so it only counts when ``From``
claims a protected brand's own domain. A signing or invoicing service whose mail your server
authenticated (DocuSign, Xero) sets ``Reply-To`` to the person who sent the document: that is
how it works, not a diversion. A free mailbox is authenticated for whoever opened it, so it
gets no such pass.
"""

from __future__ import annotations

from leaktrace.phishing.domains import brand_by_domain, split_host
from leaktrace.phishing.rules._base import Context, Rule

__all__ = ["RULE"]


def _domain(address: str) -> str:
    host = address.rpartition("@")[2].strip().strip(">").lower()
    return split_host(host).registered if "." in host else ""


def _check(ctx: Context) -> str | None:
    message = ctx.message
    sender = _domain(message.from_addr)
    if not message.is_eml or not sender:
        return None
    reply = _domain(message.reply_to)
    if reply and reply != sender and not ctx.vouched_sender:
        return f"From {sender}, Reply-To {reply}"
    bounce = _domain(message.return_path)
    if bounce and bounce != sender and brand_by_domain(sender) is not None:
        return f"From {sender}, Return-Path {bounce}"
    return None


RULE = Rule(
    rule_id="email.header_mismatch",
    weight=15,
    explanation={
        "fr": "L'adresse de réponse ou de retour n'est pas celle de l'expéditeur affiché",
        "en": "The reply or return address is not the displayed sender's",
    },
    check=_check,
)
