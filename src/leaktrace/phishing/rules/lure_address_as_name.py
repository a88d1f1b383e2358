"""``lure.address_as_name``: "Dear jane.doe@example.com," — greeted by the mailbox address.

Phishing kits fill a mass mailing with what the list holds, the address, so their greeting
reads "Hello jdoe@example.org" where a service that holds the account would use a name. A
few real services greet a new sign-up by address too (a welcome mail before any name is
known); those mails are authenticated and link home, and the allow signals weigh against
this one. Only the subject and the opening are read, where a greeting stands: footers saying
"this e-mail was sent to jane@example.com" are routine.
"""

from __future__ import annotations

from leaktrace.phishing.rules._base import Context, Rule
from leaktrace.phishing.text import rx

__all__ = ["RULE"]

_HEAD_CHARS = 700
_GREETING = rx(
    r"\b(dear|hello|hi|hey|attention|attn|greetings|good (morning|afternoon|day|evening)|"
    r"bonjour|bonsoir|cher|chere)\b[ ,:]{0,3}[\w.+-]+@[\w-]+(\.[\w-]+)+"
)


def _check(ctx: Context) -> str | None:
    if ctx.message.channel != "email" or not ctx.may_match(_GREETING):
        return None
    match = _GREETING.search(ctx.opening(_HEAD_CHARS))
    # The greeting word alone: the address is personal data and stays out of the reasons.
    return match.group(1) if match else None


RULE = Rule(
    rule_id="lure.address_as_name",
    weight=15,
    explanation={
        "fr": "Le message vous salue par votre adresse e-mail au lieu de votre nom, comme un "
        "kit d'hameçonnage qui remplit un envoi de masse",
        "en": "The message greets you by your e-mail address instead of your name, as phishing "
        "kits filling a mass mailing do",
    },
    check=_check,
)
