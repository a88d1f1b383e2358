"""``lure.fine_penalty``: an unpaid toll, fine or ticket, with a penalty if you do not pay now.

The most reported smishing of recent years: "E-ZPass: unpaid toll of $6.99, pay by today to
avoid a $50 late fee", "DMV: your licence will be suspended for an unpaid citation", in France
"avis de contravention impayée", "amende majorée". Agencies do send reminders, by post and
from their own sites: with a foreign link (``sms.unknown_link``) or a lookalike domain this
adds up to a verdict; alone it stays below the suspicious band.
"""

from __future__ import annotations

from leaktrace.phishing.rules._base import Context, Rule
from leaktrace.phishing.rules._requests import first_unnegated
from leaktrace.phishing.text import rx

__all__ = ["RULE"]

_DEBT = rx(
    r"\b(unpaid|outstanding|overdue|past due|pending|unsettled) (toll|tolls|ticket|fine|fines|"
    r"citation|violation|parking|balance due|road usage|charge)s?\b|"
    r"\b(toll|parking|traffic|speeding|camera|red light) (violation|citation|ticket|fine|notice|"
    r"invoice|bill)s?\b|\blicen[cs]e\b[^.\n]{0,30}\b(suspen\w*|revok\w*)|\bjury duty\b|"
    r"\bbench warrant\b|\bfail(ed|ure) to (appear|report)\b|\bmissed (your )?jury\b|"
    r"\b(arrest )?warrant (for|issued|in your name)\b|\b(late|penalty|administrative) fees?\b|"
    r"\bavis de contravention\b|\bcontravention\b|\bamende (majoree|impayee|forfaitaire)\b|"
    r"\bpv (impaye|a regler)\b|\bpeage\w* impaye|"
    r"\b(toll|plate|vehicle)\b[^.\n]{0,40}\b(unpaid|outstanding) balance\b|"
    r"\b(speed|red light|traffic|toll) camera\b|\bcitation (pending|issued|notice)\b"
)


def _check(ctx: Context) -> str | None:
    return first_unnegated(ctx, _DEBT)


RULE = Rule(
    rule_id="lure.fine_penalty",
    weight=15,
    explanation={
        "fr": "Le message réclame une amende, un péage ou une contravention impayés, avec des "
        "pénalités si vous ne payez pas tout de suite",
        "en": "The message claims an unpaid toll, fine or ticket, with penalties if you do not "
        "pay at once",
    },
    check=_check,
)
