"""``lure.urgent_favor``: the boss, out of reach, needs a discreet favour now (CEO fraud opener).

Business e-mail compromise starts without a link or a request for money: "Are you at your
desk? I need you to handle something discreetly, I'm in a meeting and can't talk", "send me
your cell number", "I need you to make a payment today to a new supplier". The money comes in
the second message. The rule wants the shape of that opener — a task for "you", urgency or
secrecy, the sender out of reach — not any request from a colleague.
"""

from __future__ import annotations

from leaktrace.phishing.rules._base import Context, Rule
from leaktrace.phishing.rules._requests import first_unnegated
from leaktrace.phishing.text import rx

__all__ = ["RULE"]

_TASK = rx(
    r"\b(need|want) you to (handle|do|complete|take care of|run|make|process|help me with)\b|"
    r"\b(quick|urgent|small|discreet|confidential) (task|favou?r|errand|assignment)\b|"
    r"\bi need a (quick |small )?favou?r\b|"
    r"\bare you (available|at your desk|in the office|around)\b|"
    r"\bdo you have your (phone|cell|mobile) (with you|on you|nearby)\b|"
    r"\bsend me your (cell|mobile|phone|personal|whatsapp) (phone )?number\b|"
    r"\bj'ai besoin (que vous|de vous pour)\b|\betes-vous (disponible|a votre bureau)\b"
)
_PRESSURE = rx(
    r"\bdiscreet\w*|\bconfidential\w*|\bin a meeting\b|\b(can't|cannot|unable to) (talk|take "
    r"calls?|speak)\b|\bdon't (discuss|tell|call)\b|\btoday\b|\burgent\w*|\basap\b|\bright "
    r"(now|away)\b|\bbefore the (bank )?cut-?off\b|\bnew supplier\b|\bsent from my (iphone|"
    r"blackberry|mobile)\b|\ben reunion\b|\burgent\b|\bquickly\b|\bimmediately\b"
)


# Openers that are the whole first move: take the talk off e-mail, to a phone the boss "lost".
_ALONE = rx(
    r"\bare you (busy|available|free|at your desk|around)\b[^\n]{0,60}\b(favou?r|task|errand|"
    r"let me know|reply|kindly)\b|\b(need|want) you to run an errand\b|"
    r"\b(got|have you got|do you have) a (minute|moment|sec|second)\b[^\n]{0,40}\bfavou?r\b|"
    r"\b(pending|important|confidential) task\b[^\n]{0,60}\b(for me|carry out|handle)\b|"
    r"\bdo you have your (phone|cell|mobile) (with you|on you|nearby)\b|"
    r"\bsend me your (cell |mobile |personal |whatsapp |direct )?(phone )?number\b"
)


def _check(ctx: Context) -> str | None:
    found = first_unnegated(ctx, _TASK, _PRESSURE, window=3)
    return found if found is not None else first_unnegated(ctx, _ALONE, window=2)


RULE = Rule(
    rule_id="lure.urgent_favor",
    weight=25,
    explanation={
        "fr": "Un supérieur injoignable demande un service urgent et discret : c'est ainsi que "
        "commence la fraude au président",
        "en": "An out-of-reach boss asks for an urgent, discreet favour: that is how CEO fraud "
        "begins",
    },
    check=_check,
)
