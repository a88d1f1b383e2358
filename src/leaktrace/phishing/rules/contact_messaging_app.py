"""``contact.messaging_app``: move the conversation to WhatsApp, Telegram, Signal…

Recruitment, investment and romance scams take the victim off the channel where they were
spotted to an encrypted messenger where no filter sees them: "contact our HR on Telegram
@jobs_hr", "download Signal and message us", a ``wa.me`` or ``t.me`` link. Friends say "text
me on WhatsApp" too, so the weight is small; with a job, money or stranger lure it adds up.
"""

from __future__ import annotations

from leaktrace.phishing.rules._base import Context, Rule
from leaktrace.phishing.text import rx

__all__ = ["RULE"]

# "Signal Spam" is the French reporting service, not the messenger.
_APP = r"\b(whats ?app|telegram|signal(?![ -]?spam)|wechat|viber|kakao ?talk|line app|line id)\b"
_MOVE = rx(
    r"\b(add|contact|message|text|chat|reach|write|join|download|install|ping|dm|find|call)\b"
    r"[^.?!\n]{0,40}" + _APP + r"|" + _APP + r"[^.?!\n]{0,30}(@[a-z0-9_]{3,}|\+?\d[\d ()-]{6,}\d)|"
    r"\b(wa\.me|t\.me|chat\.whatsapp\.com)/|\b(on|via|through|over|sur|par) " + _APP + "|"
    r"\b(ajoutez|contactez|ecrivez)[^.?!\n]{0,40}" + _APP
)


def _check(ctx: Context) -> str | None:
    match = ctx.search(_MOVE)
    return match.group(0).strip()[:60] if match else None


RULE = Rule(
    rule_id="contact.messaging_app",
    weight=15,
    explanation={
        "fr": "Le message vous fait passer sur une messagerie (WhatsApp, Telegram, Signal) où "
        "aucun filtre ne protège",
        "en": "The message moves you to a messenger (WhatsApp, Telegram, Signal) where no "
        "filter protects you",
    },
    check=_check,
)
