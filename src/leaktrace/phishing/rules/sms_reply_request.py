"""``sms.reply_request``: a text that asks for an answer ("Reply YES", "text back").

A reply tells the sender the number is live and opens the conversation that smishing, spam
and "wrong number" scams need; consumer agencies advise not to answer unknown senders at all,
not even "STOP". Banks, doctors and shops ask for replies too, so the weight is small: like
:mod:`contact.unknown_channel`, it records the call to action that the model and the other
rules qualify.
"""

from __future__ import annotations

from leaktrace.phishing.rules._base import Context, Rule
from leaktrace.phishing.text import rx

__all__ = ["RULE"]

_REPLY = rx(
    r"\b(reply|respond|text (me )?back|txt back|write back|repondez|repondre|repond(s|ez)-?moi)"
    r"\b[^.?!\n]{0,25}?\b(yes|no|y|n|oui|non|stop|info|help|\d|[a-z]+ (to|for|pour|si))\b"
)


def _check(ctx: Context) -> str | None:
    if ctx.message.channel != "sms":
        return None
    match = ctx.search(_REPLY)
    return match.group(0).strip() if match else None


RULE = Rule(
    rule_id="sms.reply_request",
    weight=5,
    explanation={
        "fr": "Le SMS demande une réponse : répondre confirme que le numéro est actif",
        "en": "The text asks for a reply: answering confirms the number is live",
    },
    check=_check,
)
