"""``lure.transfer_check``: a fake "did you send this Zelle payment? Reply YES or NO".

Banks do text to check a *card purchase* ("card ending 1234 at COSTCO? Reply Y or N"). The
scam asks instead about a money *transfer* (Zelle, a wire, a payment to a named person) and
waits for the "NO": then a fake fraud agent calls to "reverse" it, and walks the victim
through sending the money themselves. So the rule wants three things together: a question
about a transfer you supposedly made, and a reply or call that follows it.
"""

from __future__ import annotations

from leaktrace.phishing.rules._base import Context, Rule
from leaktrace.phishing.rules._requests import first_unnegated
from leaktrace.phishing.text import rx

__all__ = ["RULE"]

_TRANSFER = (
    r"(zelle|wire|bank transfer|transfer|venmo|cash ?app|e-?transfer|interac|"
    r"(payment|transfer|amount|sum) (of|for) (\$|£|€|eur)? ?[\d,.]+ to [a-z]+ [a-z]+|"
    r"payment to [a-z]\.? ?[a-z]+)"
)
_QUESTION = rx(
    rf"\b(did you|have you) (attempt|authori[sz]e|make|try to send|send|request|initiate|approve)"
    rf"(?:[^.?!\n]|\.\d){{0,50}}\b{_TRANSFER}\b|"
    rf"\b(payment|transfer) to [a-z]\.? ?[a-z]+ (for|of) (\$|£|€)?[\d,.]+ has been (held|paused|"
    rf"stopped|flagged|placed on hold)\b|"
    rf"\b(zelle |wire )?(transfer|payment) of (\$|£|€)?[\d,.]+ to [^.?!\n]{{0,30}}\b(is|was) "
    rf"(pending|being processed|scheduled|queued)\b|"
    rf"\b(a |the )?(zelle |wire )?transfer of (\$|£|€)?[\d,.]+ is being (processed|sent)\b|"
    rf"\b(confirm|verify) the (transaction|transfer|payment) of (\$|£|€)?[\d,.]+ to [a-z]"
)
_ANSWER = rx(r"\b(reply|respond|text back|call (you|us))\b")
# A card and its last digits: the bank's own purchase check, which the scam does not copy.
_CARD = rx(r"\b(card|account|acct) ending( in)? \d|\bending in \d{3,}")


def _check(ctx: Context) -> str | None:
    return first_unnegated(ctx, _QUESTION, _ANSWER, window=2, unless=_CARD)


RULE = Rule(
    rule_id="lure.transfer_check",
    weight=15,
    explanation={
        "fr": "Fausse vérification d'un virement (« avez-vous fait ce virement ? répondez OUI "
        "ou NON ») : le faux conseiller qui rappelle vous fera envoyer l'argent vous-même",
        "en": 'A fake check on a money transfer ("did you send this Zelle payment? Reply YES '
        'or NO"): the fake fraud agent who calls next has you send the money yourself',
    },
    check=_check,
)
