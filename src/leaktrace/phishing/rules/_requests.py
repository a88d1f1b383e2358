"""How the lure rules read a request: its verbs, and whether a sentence asks or warns.

"Send us your card number" asks; "we will never ask for your card number" warns, and
'asking you to "verify your mailbox"' quotes. :func:`first_unnegated` finds the first
stretch of sentences that matches a rule's patterns and does neither.
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from leaktrace.phishing.text import rx

if TYPE_CHECKING:
    from leaktrace.phishing.rules._base import Context

__all__ = ["HAND_OVER_VERBS", "REQUEST_VERBS", "first_unnegated", "is_negated"]

_WORD_END = re.compile(r"[\w'-]*")
# A phrase quoted, not a whole message: someone who pastes the text they received between
# quotes ('I got this: "UPS: your package is on hold, confirm your delivery details at…"')
# is asking about it, and it is judged as the lure it is.
_QUOTE_CHARS = 60

# "Never", "no adviser", "do not share it": the sentence warns instead of asking. But "you will
# never hear from me again" is the blackmailer's promise, not a warning.
_NEGATION = rx(
    r"\bjamais\b|\bnever\b(?! (again )?(hear|heard|see|bother|contact) (from )?(me|us)\b)|"
    r"\baucun|\bne (le |la |les |leur )?(communiquez|donnez|partagez|"
    r"transmettez|divulguez)|\bne (vous )?(demande|demandera|demanderons|demandent)\b|"
    r"\b(do not|don'?t) (share|give|disclose|reply|send|forward)\b|\bnot ask\b|\bwill not ask\b"
)
# Imperatives and infinitives only: "validation" or "confirmation" is a noun, not a request.
# Handing something over: type it in, send it, confirm it.
_HAND_OVER = (
    r"communiqu(ez|er)|(re)?transmett(ez|re)|donn(ez|er)|saisi(r|ssez)|indiqu(ez|er)|"
    r"renseign(ez|er)|confirm(ez|er)|envoy(ez|er)|fourni(r|ssez)|entr(ez|er)|munissez|"
    r"verifi(ez|er)|valid(ez|er)|complet(ez|er)|repond(ez|re)|en reponse|par retour|"
    r"identifiez|precis(ez|er)|retourn(ez|er)|enter|provide|share|send|reply|verify|submit|"
    r"give|type|input|re-?confirm|confirm|saisissant|indiquant|renseignant|confirmant|"
    r"communiquant|transmettant|envoyant|fournissant|validant|completant|verifiant"
)
# Bringing details up to date, or signing in: a request for them, not for a password.
_UPDATE_OR_SIGN_IN = r"mett(re|ez) a jour|mise a jour|actualis(ez|er)|update|log ?in|sign ?in"
HAND_OVER_VERBS = rf"\b({_HAND_OVER})\b"
REQUEST_VERBS = rf"\b({_HAND_OVER}|{_UPDATE_OR_SIGN_IN})\b"


def is_negated(sentence: str) -> bool:
    """True when the sentence warns ("ne ... jamais", "never") rather than asks."""
    return _NEGATION.search(sentence) is not None


def _quoted(text: str, match: re.Match[str]) -> bool:
    """The match stands between quotation marks on its line: quoted, not asked.

    Awareness mail, IT notices and forwarded warnings quote the lures they warn about ('asking
    you to "verify your mailbox"', 'we will never send a link to "re-validate" it'); a lure
    does not put its own request in quotes. Folding made every quotation mark a '"'.
    """
    start, end = match.span()
    line = text.rfind("\n", 0, start) + 1
    if text.count('"', line, start) % 2 == 0:
        return False
    opening = text.rfind('"', line, start)
    close = text.find('"', end, opening + _QUOTE_CHARS)
    return close != -1 and "\n" not in text[end:close]


def first_unnegated(
    ctx: Context,
    *patterns: re.Pattern[str],
    window: int = 1,
    unless: re.Pattern[str] | None = None,
) -> str | None:
    """The first match of the first pattern, in a stretch matching every pattern, not negated.

    A stretch is ``window`` consecutive sentences: requests often span two ("You will get a
    code. Send it back to us."). Returns the matched text of ``patterns[0]`` (the evidence).
    Only the sentences where ``patterns[0]`` matches are examined: a long e-mail has hundreds.
    A stretch matching ``unless`` is skipped like a negated one.
    """
    starts: list[int] = []
    for pattern in patterns:
        start = ctx.start(pattern)
        if start is None:
            return None
        starts.append(start)
    text = ctx.folded
    if any(p.search(text, s) is None for p, s in zip(patterns[1:], starts[1:], strict=True)):
        return None
    tried: set[int] = set()
    for match in patterns[0].finditer(text, starts[0]):
        spans, sentence_starts = ctx._spans_through(match.start(), max(1, window - 1))
        where = bisect.bisect_right(sentence_starts, match.start()) - 1
        for first in range(max(0, where - window + 1), where + 1):
            if first in tried:
                continue
            tried.add(first)
            stretch = text[spans[first][0] : spans[min(first + window, len(spans)) - 1][1]]
            found = next(
                (m for m in patterns[0].finditer(stretch) if not _quoted(stretch, m)), None
            )
            if found is None or any(p.search(stretch) is None for p in patterns[1:]):
                continue
            if not is_negated(stretch) and (unless is None or unless.search(stretch) is None):
                # Evidence in whole words: "expir" matched, "expiration" is what was written.
                end = _WORD_END.match(stretch, found.end())
                return stretch[found.start() : end.end() if end else found.end()].strip()
        if len(tried) > 50:
            break  # the lure, if any, is in the first sentences that mention it
    return None
