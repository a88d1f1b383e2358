"""``allow.no_data_request``: no link, no number to call, nothing asked, nothing to pay.

A message that asks for nothing cannot steal anything by itself: it may still prepare a later
call, so this signal is small. It reads which rules already fired, hence its place at the end.
"Call", "reply" or "text" followed by a number is a request too: it is how premium services
and call-back scams collect.
"""

from __future__ import annotations

import re

from leaktrace.phishing.rules._base import Context, Rule
from leaktrace.phishing.text import rx

__all__ = ["RULE"]

# Ways to reach or pay the sender that rules found; every lure, spam and request rule counts
# too (see ``_PITCHES`` below).
_ASKING = frozenset(
    {
        "phone.unofficial_callback",
        "phone.premium_number",
        "email.risky_attachment",
        "email.locked_attachment",
        "email.credential_form",
        "sms.premium_service",
        "sms.unknown_link",
        # Also a button whose link a pasted or flattened e-mail lost ("Log in to the new portal").
        "contact.unknown_channel",
        "contact.messaging_app",
        # A free mailbox's owner is anyone: from one, the reply itself is the channel (the
        # "are you at your desk?" of CEO fraud, the barrister's "get back to me").
        "email.free_mail_sender",
        # So is an e-mail address a text came from: answering it reaches whoever opened it.
        "sms.sender_email",
    }
)
_CALL_OR_TEXT = rx(
    r"(rappel|appel|contact|compos|joindre|envoy|call|ring|dial|txt|text|reply|send)\D{0,40}\d{4}"
)
# Asked to answer, or handed a way to reach someone: an e-mail address, a messenger handle, or
# a phone number of 8 digits or more however written ("Info: 07946 746291" asks to call it).
_ANSWER = rx(
    r"\b(reply|respond|text back|write back|contact (me|us)|e-?mail (me|us)|call (me|us)|"
    r"repondez|contactez|ecrivez)\b|[\w.+-]+@[\w-]+\.[a-z]{2,}|(^|\s)@[a-z0-9_]{3,}"
)
_NUMBER = rx(r"\+?\d[\d .()-]{6,}\d")
_DATE = re.compile(r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}")


def _has_number(ctx: Context) -> bool:
    for match in ctx.finditer(_NUMBER):
        written = match.group(0)
        if sum(ch.isdigit() for ch in written) >= 8 and not _DATE.fullmatch(written.strip()):
            return True
    return False


# A lure, a spam pitch or a request that fired is what the message asks for, even without a
# link or a number: "any chance you'd sell?" wants the answer that starts the scam, and a
# stranger's opener asks for an answer. A generic greeting is no such thing.
_PITCHES = ("lure.", "spam.", "request.")
_NOT_PITCHES = frozenset({"lure.generic_greeting"})


def _check(ctx: Context) -> str | None:
    if ctx.urls or ctx.fired & _ASKING or ctx.message.attachments:
        return None
    if any(rule.startswith(_PITCHES) for rule in ctx.fired - _NOT_PITCHES):
        return None
    if ctx.search(_CALL_OR_TEXT) or ctx.search(_ANSWER) or _has_number(ctx):
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
