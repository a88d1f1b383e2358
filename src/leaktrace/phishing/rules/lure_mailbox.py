"""``lure.mailbox_document``: webmail quota, expiring password, shared document, voicemail.

The standard pretexts of credential phishing by e-mail: a mailbox "over quota", a password
"about to expire", a "document shared with you", a voicemail or an unpaid invoice to open.
"""

from __future__ import annotations

from leaktrace.phishing.rules._base import Context, Rule
from leaktrace.phishing.rules._requests import first_unnegated
from leaktrace.phishing.text import rx

__all__ = ["RULE"]

_PRETEXT = rx(
    r"boite (mail|aux lettres) (pleine|saturee)|quota|espace de stockage|webmail|"
    r"mot de passe (expire|va expirer)|document (partage|securise)|message vocal|"
    r"facture (impayee|en attente)|"
    r"mailbox (is |has |will |was )?(been )?(full|almost full|exceeded|over|quota|storage|size|"
    r"limit|deactivat\w*|disabled|suspen\w*|upgrade|verification|validation|"
    r"blocked|closed)|storage (is )?(full|limit)|password (expir|will "
    r"expire)|shared (a |an )?(file|document)|(view|open|download) (the )?(document|file|"
    r"invoice|attachment)|voice ?mail|unpaid invoice|wire transfer|e-?mail (account|upgrade)|"
    r"\b(new|unread) (secure|encrypted|private) messages?\b|\bsecure message (waiting|center|"
    r"centre|inbox)|\bquarantin\w*\b[^.\n]{0,40}\bmessages?\b|\bmessages? (are |were )?(held|"
    r"pending|stuck|on hold|quarantined)\b|\bswift (copy|message|mt103)\b|\bmt ?103\b|"
    r"\bremittance advice\b|\bpayment (advice|copy|slip)\b|\bproof of payment\b|"
    r"\b(upgrade|maintenance|migration) of (our|the) (e-?mail|mail|webmail) (server|system)s?\b|"
    r"\b(e-?mail|mail|webmail) (server|system) (upgrade|maintenance|migration)\b"
)


def _check(ctx: Context) -> str | None:
    return first_unnegated(ctx, _PRETEXT)


RULE = Rule(
    rule_id="lure.mailbox_document",
    weight=15,
    explanation={
        "fr": "Le message utilise un prétexte classique de vol d'identifiants (boîte pleine, "
        "mot de passe expiré, document partagé)",
        "en": "The message uses a classic credential-theft pretext (full mailbox, expiring "
        "password, shared document)",
    },
    check=_check,
)
