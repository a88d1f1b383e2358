"""``contact.unknown_channel``: the message sends you to an unknown website or phone number.

Every scam ends on a channel the fraudster controls: a link to a site that no protected brand
or known service owns, or a number to call or text. Ordinary messages between people do this
too, so the weight is small; it records the call to action that other signals qualify.
"""

from __future__ import annotations

import re

from leaktrace.phishing.rules._base import Context, Rule
from leaktrace.phishing.rules.phone_callback import OFFICIAL_NUMBERS
from leaktrace.phishing.text import rx

__all__ = ["RULE"]

_CALL_OR_TEXT = rx(
    r"(rappel\w*|appel\w*|contact\w*|compos\w*|joindre|envoy\w*|\bcall\b|\bring\b|\bdial\b|"
    r"\btxt\b|\btext\b|\breply\b|\bsend\b)[^\n]{0,60}?(?P<number>\+?\d[\d .\-]{4,16}\d)"
)


def _check(ctx: Context) -> str | None:
    if ctx.foreign_urls:
        return ctx.foreign_urls[0].host.registered
    for match in ctx.finditer(_CALL_OR_TEXT):
        digits = re.sub(r"\D", "", match.group("number"))
        if len(digits) >= 4 and digits not in OFFICIAL_NUMBERS:
            return f"{digits[:4]}…"
    # A button with no link left to read ("Start Security Check" in a pasted e-mail): where it
    # leads is unknown, which is what this rule records.
    if ctx.message.channel == "email" and not ctx.urls and ctx.button is not None:
        return ctx.button[:60]
    return None


RULE = Rule(
    rule_id="contact.unknown_channel",
    weight=5,
    explanation={
        "fr": "Le message vous renvoie vers un site ou un numéro inconnus",
        "en": "The message sends you to an unknown website or phone number",
    },
    check=_check,
)
