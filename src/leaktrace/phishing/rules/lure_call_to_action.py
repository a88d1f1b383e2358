"""``lure.call_to_action``: an e-mail pretext with its button: "unusual sign-in… [Secure account]".

Credential phishing is a pretext (the mailbox is full, the account is limited, a parcel is
held) and one action to take on someone else's page. Either alone is ordinary mail; together,
in an e-mail that links off the known sites and off the sender's own domain, or shows a button
for it ("Verify now", "Fix sync error", "Review recent activity"), they are the shape of the
attack. Buttons count even when the link behind them is lost, as in mail converted to text.
"""

from __future__ import annotations

import re

from leaktrace.phishing.rules._base import Context, Rule
from leaktrace.phishing.text import fold

__all__ = ["RULE"]

_PRETEXTS = frozenset(
    {
        "lure.verify_account",
        "lure.account_suspended",
        "lure.security_alert",
        "lure.mailbox_document",
        "lure.delivery_problem",
        "lure.reimbursement",
        "lure.fine_penalty",
        "lure.small_payment",
    }
)
# A button's words: a short line (or link text) that starts with, or is, an action.
_BUTTON = re.compile(
    r"(click here|verify|confirm|update|secure|restore|unlock|reactivate|validate|sign ?in|"
    r"log ?in|login|review|view|open|read|download|access|release|deliver|retrieve|fix|cancel|"
    r"keep|upgrade|increase|claim|pay|reschedule|resolve|continue|get started|check|listen|play)"
    r"\b[\w' -]{0,40}$"
)
_LINE = re.compile(r"^[ \t>*\[(]*([A-Za-z][\w' -]{1,48}?)[ \t\])*>»]*$", re.MULTILINE)


def _button(ctx: Context) -> str | None:
    for _href, text in ctx.message.links:
        words = fold(text).strip()
        if 0 < len(words) <= 50 and _BUTTON.match(words):
            return text.strip()
    for line in _LINE.finditer(ctx.message.body[:4000]):
        words = line.group(1).strip()
        if len(words.split()) <= 5 and _BUTTON.match(words.lower()):
            return words
    return None


def _check(ctx: Context) -> str | None:
    if ctx.message.channel != "email" or not ctx.fired & _PRETEXTS:
        return None
    # A link to the sender's own domain is its own page (a spoofed sender links elsewhere).
    if ctx.foreign_urls:
        return ctx.foreign_host_beyond(sender_only_if_authenticated=False)
    return _button(ctx)


RULE = Rule(
    rule_id="lure.call_to_action",
    weight=10,
    explanation={
        "fr": "Le prétexte s'accompagne d'un bouton ou d'un lien vers un site inconnu pour agir",
        "en": "The pretext comes with a button or a link to an unknown site to act on it",
    },
    check=_check,
)
