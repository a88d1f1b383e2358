"""``lure.job_offer``: easy money for little work — the recruitment and task scams.

"We are hiring part-time remote staff, earn $300 a day, contact us on WhatsApp", "Job à
domicile, 150 € par jour": task and recruitment scams end in advance fees or money mule work.
Real job offers do not promise a daily income to a stranger by text, so the rule wants a job
word *and* pay per day or hour, or the stock phrases of the genre ("work from home",
"travail à domicile", "no experience needed").
"""

from __future__ import annotations

from leaktrace.phishing.rules._base import Context, Rule, first_unnegated
from leaktrace.phishing.text import rx

__all__ = ["RULE"]

_JOB = rx(
    r"\bhiring\b|\bjobs?\b|part[ -]?time|full[ -]?time|\bremote (work|job|position|staff)|"
    r"work(ing)? from home|work at home|\brecruit\w*|\bvacanc\w*|no experience (needed|required)|"
    r"\bemploi\b|\bjob\b|\brecrut\w*|temps partiel|(travail|job|emploi) a domicile|"
    r"teletravail|sans experience|"
    r"(application|resume|cv|profile|candidacy)[^.\n]{0,40}(shortlisted|selected|approved)|"
    r"\b(interview|onboarding)\b[^.\n]{0,40}\b(whats ?app|telegram|signal)\b"
)
_PAY = rx(
    r"(\$|£|€|eur ?|usd ?|rs\.? ?)\s?\d[\d,.]*\s?(-\s?(\$|£|€)?\s?\d[\d,.]*\s?)?"
    r"(/|per|a|an|each|par) ?(day|daily|hour|hr|h|jour|heure|week|wk|semaine)\b|"
    r"\d[\d,.]*\s?(\$|£|€|eur|euros?|usd|dollars?)\s?(-\s?\d[\d,.]*\s?(\$|£|€|euros?)?\s?)?"
    r"(/|per|a|an|each|par) ?(day|daily|hour|hr|h|jour|heure|week|wk|semaine)\b|"
    r"daily (pay|salary|income)|paid daily|earn (up to )?\S*\d|gagne[rz] (jusqu'a )?\S*\d|"
    r"work(ing)? from home|work at home|no experience (needed|required)|"
    r"(travail|job|emploi) a domicile|sans experience (requise|necessaire)"
)


def _check(ctx: Context) -> str | None:
    return first_unnegated(ctx, _PAY, _JOB, window=2)


RULE = Rule(
    rule_id="lure.job_offer",
    weight=15,
    explanation={
        "fr": "Le message promet un travail facile et bien payé (arnaque au recrutement)",
        "en": "The message promises easy, well-paid work (a recruitment or task scam)",
    },
    check=_check,
)
