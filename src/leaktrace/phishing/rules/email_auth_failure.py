"""``email.auth_failure``: the receiving server says SPF, DKIM or DMARC failed.

Read from the topmost ``Authentication-Results`` header (the one the recipient's own server
added) or ``Received-SPF``. A failure means the mail was not sent by the domain it names; a
missing header means nothing either way.
"""

from __future__ import annotations

from leaktrace.phishing.rules._base import Context, Rule

__all__ = ["RULE"]

_FAILED = frozenset({"fail", "softfail", "permerror"})


def _check(ctx: Context) -> str | None:
    failed = [
        f"{key}={value}" for key, value in sorted(ctx.message.auth.items()) if value in _FAILED
    ]
    return ", ".join(failed) or None


RULE = Rule(
    rule_id="email.auth_failure",
    weight=30,
    explanation={
        "fr": "Le serveur de réception n'a pas pu authentifier l'expéditeur (SPF/DKIM/DMARC "
        "en échec)",
        "en": "The receiving server could not authenticate the sender (SPF/DKIM/DMARC failed)",
    },
    check=_check,
)
