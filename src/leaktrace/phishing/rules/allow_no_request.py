"""``allow.no_data_request``: no link, no number to call, nothing asked, nothing to pay.

A message that asks for nothing cannot steal anything by itself: it may still prepare a later
call, so this signal is small. It reads which rules already fired, hence its place at the end.
"Call", "reply" or "text" followed by a number is a request too: it is how premium services
and call-back scams collect.
"""

from __future__ import annotations

from leaktrace.phishing.rules._base import Context, Rule
from leaktrace.phishing.text import rx

__all__ = ["RULE"]

_ASKING = frozenset(
    {
        "request.bank_details",
        "request.nir",
        "request.credentials",
        "lure.small_payment",
        "phone.unofficial_callback",
        "email.risky_attachment",
        "sms.premium_service",
        "request.personal_info",
        "contact.unknown_channel",
        "email.credential_form",
        "phone.premium_number",
        "sms.unknown_link",
        "lure.job_offer",
    }
)
_CALL_OR_TEXT = rx(
    r"(rappel|appel|contact|compos|joindre|envoy|call|ring|dial|txt|text|reply|send)\D{0,40}\d{4}"
)


def _check(ctx: Context) -> str | None:
    if ctx.urls or ctx.fired & _ASKING or ctx.message.attachments:
        return None
    if ctx.search(_CALL_OR_TEXT):
        return None
    return "-"


RULE = Rule(
    rule_id="allow.no_data_request",
    weight=-10,
    explanation={
        "fr": "Le message ne contient ni lien, ni numéro à rappeler, ni demande de données",
        "en": "The message holds no link, no number to call and no request for data",
    },
    check=_check,
)
