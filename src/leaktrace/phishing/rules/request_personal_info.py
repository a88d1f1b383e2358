"""``request.personal_info``: the message asks for identity details (address, date of birth, ID).

With a name, an address, a date of birth and a scan of an ID, a fraudster completes what a leak
lacks to open accounts in the victim's name. Nobody legitimate collects these by SMS reply.
"""

from __future__ import annotations

from leaktrace.phishing.rules._base import Context, Rule
from leaktrace.phishing.rules._requests import REQUEST_VERBS, first_unnegated
from leaktrace.phishing.text import rx

__all__ = ["RULE"]

_IDENTITY = rx(
    r"name and address|address and (dob|date of birth)|\bdob\b|date of birth|date de naissance|"
    r"adresse postale|piece d'identite|carte d'identite|passeport|passport|id card|selfie|"
    r"photo of your id|justificatif de domicile|proof of address|your (full )?name and|"
    # The payroll fraud: "send me the W-2 of all our staff".
    r"\bw-?2s?\b[^.\n]{0,60}\b(employees|staff|all)\b|\b(employees|staff)\b[^.\n]{0,40}\bw-?2s?\b|"
    r"\bsocial security (number|no)\b|\bssn\b"
)
_ASK = rx(REQUEST_VERBS + r"|\bneed your\b|\bj'ai besoin de votre\b")


def _check(ctx: Context) -> str | None:
    return first_unnegated(ctx, _IDENTITY, _ASK, window=2)


RULE = Rule(
    rule_id="request.personal_info",
    weight=15,
    explanation={
        "fr": "Le message demande des informations d'identité (adresse, date de naissance, "
        "pièce d'identité)",
        "en": "The message asks for identity details (address, date of birth, ID document)",
    },
    check=_check,
)
