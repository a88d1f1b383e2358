"""``sms.premium_service``: premium-rate or subscription SMS marketing.

"Txt NOKIA to 87077, 150p/tone", "reply STOP to end, £4.50/week": short codes, per-message or
per-week charges, "T&Cs", "PO Box" sign-offs. "Reply STOP to opt out" alone is not one: every
legitimate marketing or alert SMS must offer it. Such messages bill the phone line or subscribe it
to paid services; they are spam even when they are not phishing, and public spam sets are full
of them.
"""

from __future__ import annotations

from leaktrace.phishing.rules._base import Context, Rule
from leaktrace.phishing.text import rx

__all__ = ["RULE"]

_PREMIUM = rx(
    r"\b(txt|txting|text|texting|send|reply|sms|opt out)\b[^.\n]{0,30}?\bto (no:? )?\d{4,6}\b|"
    r"\d+ ?p ?(/|per|a) ?(msg|min|minute|week|wk|txt|text|tone|call|pic|sms)\b|(?<!:)\b\d{2,3}p\b|"
    r"\bstd (txt )?(rate|chgs)|"
    r"\d+ ?ppm\b|(£|gbp|\$|eur ?)\d+(\.\d+)? ?(/|per|a) ?(wk|week|min|msg|month|day)\b|"
    r"\bstop (au|sms au|to) \d{4,6}\b|"
    r"\bt ?& ?c'?s?\b|\btscs?\b|\b(16|18)\+|\bpo ?box ?\d+"
)


# Case matters here: "Reply POLY", "txt CARD SPOOK" — an upper-case keyword to send back.
_KEYWORD = rx(
    r"\b(?i:reply|txt|text|send|sms)\s+(?:with\s+)?(?!(?:ASAP|OK|YES|NO|HELP|STOP|END|CANCEL|QUIT|INFO)\b)[A-Z]{3,}\d*\b"
)


# Folded text is lower case, so the prefilter cannot look for _KEYWORD; its verb it can.
_KEYWORD_VERB = rx(r"\b(reply|txt|text|send|sms)\s")


def _check(ctx: Context) -> str | None:
    match = ctx.search(_PREMIUM)
    if match is None and ctx.may_match(_KEYWORD_VERB):
        match = _KEYWORD.search(ctx.message.text[:5000])
    return match.group(0).strip() if match else None


RULE = Rule(
    rule_id="sms.premium_service",
    weight=15,
    explanation={
        "fr": "Le message ressemble à un service SMS surtaxé ou à un abonnement payant",
        "en": "The message looks like a premium-rate SMS service or paid subscription",
    },
    check=_check,
)
