"""``lure.qr_code``: "scan the QR code to renew your multi-factor authentication".

A QR code in a mail moves the link to the phone, out of reach of the mail filter and of the
company's protections, and hides the address from the reader. Sign-in, security and document
pretexts that ask for a scan are the "quishing" campaigns; a ticket or a boarding pass asks for
no sign-in.
"""

from __future__ import annotations

from leaktrace.phishing.rules._base import Context, Rule
from leaktrace.phishing.rules._requests import first_unnegated
from leaktrace.phishing.text import rx

__all__ = ["RULE"]

_SCAN = rx(
    r"\bscan (the|this|our|your)? ?(qr|barcode|bar code|code qr)\b|\bflashe[rz] (le|ce) (qr|code)"
)
_PRETEXT = rx(
    r"\b(authenticat\w*|mfa|2fa|two-factor|multi-factor|password|sign[- ]?in|log[- ]?in|verif\w*|"
    r"secur\w*|re-?activat\w*|account|mailbox|document|voicemail|payroll|benefits?|"
    r"authentification|mot de passe|compte|securite)\b"
)


def _check(ctx: Context) -> str | None:
    return first_unnegated(ctx, _SCAN, _PRETEXT, window=2)


RULE = Rule(
    rule_id="lure.qr_code",
    weight=20,
    explanation={
        "fr": "Le message demande de scanner un QR code pour se connecter ou sécuriser un "
        "compte : le lien passe sur le téléphone, hors de portée des protections",
        "en": "The message asks you to scan a QR code to sign in or secure an account: the link "
        "moves to your phone, out of reach of protections",
    },
    check=_check,
)
