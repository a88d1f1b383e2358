"""``lure.job_offer``: easy money for little work — the recruitment and task scams.

"We are hiring part-time remote staff, earn $300 a day, contact us on WhatsApp", "Job à
domicile, 150 € par jour": task and recruitment scams end in advance fees or money mule work.
Real job offers do not promise a daily income to a stranger by text, so the rule wants a job
word *and* pay per day or hour, or the stock phrases of the genre ("work from home",
"travail à domicile", "no experience needed"), or a fee to pay once "hired".
"""

from __future__ import annotations

from leaktrace.phishing.rules._base import Context, Rule
from leaktrace.phishing.rules._requests import first_unnegated
from leaktrace.phishing.text import rx

__all__ = ["RULE"]

_JOB = rx(
    r"\bhiring\b|\bjobs?\b|part[ -]?time|full[ -]?time|\bremote (work|job|position|staff)|"
    r"work(ing)? from home|work at home|\brecruit\w*|\bvacanc\w*|no experience (needed|required)|"
    r"\bemploi\b|\bjob\b|\brecrut\w*|temps partiel|(travail|job|emploi) a domicile|"
    r"teletravail|sans experience|\b(from|at) home\b|\blimited positions\b|"
    r"\bpositions? (available|open|left)\b|\b(receive|process|handle) (payments|funds)\b|"
    r"(application|resume|cv|profile|candidacy)[^.\n]{0,40}(shortlisted|selected|approved)|"
    r"\b(personal|virtual) assistant\b|\b(assistant|workers|staff|agents?) (wanted|needed)\b|"
    r"\b(receive|recieve|process|proccess|handle|accept) (the |some |our )?(payments|funds|"
    r"transfers)\b|"
    r"\bextra (income|money|cash)\b|\b(found|saw) your (cv|resume|profile)\b|"
    r"\b(online|remote|home-based|part-time|flexible) (position|role|opportunity)\b|"
    r"\bside hustle\b|\b(boost|improve|rate) (app|product|hotel|merchant) (ratings|reviews)\b"
)
# The scripted opener of task scams: nobody's resume is "recommended by agencies" to a stranger.
_SCRIPT = rx(
    r"\b(resume|cv|profile)\b[^.\n]{0,30}\b(has been|was|were|is) (recommended|referred|"
    r"forwarded|passed on)\b|\b(job|work|tasks?) (is |are )?(simple|easy) and\b|"
    r"\bcan be done (on|from|with) your (phone|mobile)\b|"
    # Money-mule recruiting: the "job" is to pass payments through your own bank account.
    r"\b(payment|financial|finance) (processing |proccessing )?(agent|representative|"
    r"officer)s?\b|\bpayments? (from our customers )?(in|into) (to )?your (own |personal )?"
    r"(bank )?account\b|\b(package|parcel) re-?ship\w*|\bre-?label\w* (and|&) (re)?ship|"
    # The cheque comes first: evaluate a money-transfer service with your "pay" left over.
    r"\bmystery shopp(er|ers|ing)\b|"
    # "Very easy job, you only need a phone. We need 5 more people today."
    r"\byou (only|just) need (a|your) (phone|smartphone|mobile)\b|"
    r"\b(need|needs|looking for) \d+ (more )?(people|persons|members|candidates)\b"
)
_PAY = rx(
    r"(\$|£|€|eur ?|usd ?|rs\.? ?)\s?\d[\d,.]*\s?(-\s?(\$|£|€)?\s?\d[\d,.]*\s?)?"
    r"(/|per|a|an|each|par) ?(day|daily|hour|hr|h|jour|heure|week|wk|semaine)\b|"
    r"\d[\d,.]*\s?(\$|£|€|eur|euros?|usd|dollars?)\s?(-\s?\d[\d,.]*\s?(\$|£|€|euros?)?\s?)?"
    r"(/|per|a|an|each|par) ?(day|daily|hour|hr|h|jour|heure|week|wk|semaine)\b|"
    r"(\$|£|€)\s?\d[\d,.]*\+?\s?(weekly|daily|hourly|monthly)\b|daily (pay|salary|income)|"
    r"paid daily|(\$|£|€)\s?\d[\d,.]*\s?(/|per|a) ?(month|mo)\b|\bextra (income|money|cash)\b|"
    r"\b(weekly|daily|monthly) (pay|salary|wages?) of\b|\bpay is (daily|weekly)\b|"
    r"\b\d+ ?(-\d+ )?(min|mins|minutes|hours?) a day\b|\bminimum age (of )?\d{2}\b|"
    r"earn (up to )?\S*\d|gagne[rz] (jusqu'a )?\S*\d|"
    r"\b\d+ ?% (commission|of (each|every|the) (payment|transfer|amount))"
)


# No employer interviews over a messenger: "the interview will be held on Telegram".
_CHAT_INTERVIEW = rx(
    r"\b(interview|onboarding|hr manager|recruiter|hiring manager)\b[^\n]{0,60}"
    r"\b(whats ?app|telegram|signal|wechat)\b|\b(whats ?app|telegram|signal|wechat)\b[^\n]{0,40}"
    r"\b(interview|hr manager|recruiter|hiring manager)\b"
)

# An employer pays its recruits, never the reverse: "your application was successful... pay the
# $49 background check fee". The fee, in a stretch that says you got the job.
_FEE = rx(
    r"\b(pay|paying|send|cover|settle)\b[^.?!\n]{0,40}\b(fee|deposit|fees)\b|"
    r"\b(background[- ]check|training|registration|onboarding|uniform|starter kit|equipment|"
    r"certification|visa|processing) (fee|fees|deposit|costs?)\b[^.?!\n]{0,40}(\$|£|€|\d)"
)
_HIRED = rx(
    r"\b(application|candidacy)\b[^.?!\n]{0,30}\b(successful|approved|accepted|selected)\b|"
    r"\byou('ve| have) been (hired|selected|accepted)\b|\byour (new|first) (position|role|job|"
    r"shift)\b|\bfirst (shift|day of work|paycheck|salary)\b|\bjob offer\b"
)


def _check(ctx: Context) -> str | None:
    found = first_unnegated(ctx, _PAY, _JOB, window=3)
    if found is None:
        found = first_unnegated(ctx, _FEE, _HIRED, window=3)
    if found is None:
        found = first_unnegated(ctx, _CHAT_INTERVIEW)
    return found if found is not None else first_unnegated(ctx, _SCRIPT)


RULE = Rule(
    rule_id="lure.job_offer",
    weight=25,
    explanation={
        "fr": "Le message promet un travail facile et bien payé (arnaque au recrutement)",
        "en": "The message promises easy, well-paid work (a recruitment or task scam)",
    },
    check=_check,
)
