"""``email.locked_attachment``: "see the attached file, password: 5865".

Sending the password of an attachment in the same message protects nothing; it only stops the
mail server's antivirus from opening the archive. That is why malware arrives as a
password-protected ZIP or document with its password in the body. (A bank that protects a
statement with your date of birth writes no password at all.)
"""

from __future__ import annotations

from leaktrace.phishing.rules._base import Context, Rule
from leaktrace.phishing.rules._requests import first_unnegated
from leaktrace.phishing.text import rx

__all__ = ["RULE"]

_PASSWORD = rx(
    r"\b(password|passcode|pass|pwd|mot de passe|code)\b ?(is|:|=|-) ?[\"'“]?[a-z0-9!@#$%&*]*\d"
    r"[a-z0-9!@#$%&*]*"
)
_ATTACHED = rx(
    r"\battach\w*|\benclosed\b|\barchive\b|\bzip\b|\brar\b|\b7z\b|\bpi[eè]ce jointe\b|"
    r"\b(the|this) (file|document|invoice|pdf)\b|\bfichier\b"
)


def _check(ctx: Context) -> str | None:
    if ctx.message.channel != "email":
        return None
    return first_unnegated(ctx, _PASSWORD, _ATTACHED, window=2)


RULE = Rule(
    rule_id="email.locked_attachment",
    weight=20,
    explanation={
        "fr": "Le message donne le mot de passe d'une pièce jointe : une archive protégée sert "
        "à cacher un logiciel malveillant à l'antivirus",
        "en": "The message gives an attachment's password: a locked archive hides malware from "
        "the antivirus",
    },
    check=_check,
)
