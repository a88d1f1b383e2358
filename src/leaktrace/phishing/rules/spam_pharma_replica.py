"""``spam.pharma_replica``: medicines without prescription, replicas, miracle pills.

Not phishing, but the other staple of junk mail: "Canadian pharmacy, no prescription needed",
"replica Rolex", "lose 10 kg in a week". Buying from them hands a card number to an unknown
shop and gets counterfeit goods.
"""

from __future__ import annotations

from leaktrace.phishing.rules._base import Context, Rule
from leaktrace.phishing.text import rx

__all__ = ["RULE"]

_OFFER = rx(
    r"\bviagra\b|\bcialis\b|\blevitra\b|\bxanax\b|\bvalium\b|\bphentermine\b|\btramadol\b|"
    r"\boxy(contin|codone)?\b|\badderall\b|\bpercocet\b|\bed pills\b|"
    r"\bno prescription\b|\bwithout (a )?prescription\b|\bonline pharmacy\b|"
    r"\bcanadian (pharmacy|meds|drugs)\b|\bcheap (meds|medications?|pills|drugs)\b|"
    r"\bprescripi?tion (drugs|meds)\b|\breplica (watch\w*|rolex|handbags?|bags)\b|"
    r"\b(weight|fat) loss (pills?|miracle|secret)\b|\bdiet pills?\b|\benlargement\b|"
    r"\blose \d+ ?(lbs|pounds|kg|kilos)\b|\bsans ordonnance\b|\bpharmacie en ligne\b|"
    # Diploma mills sell the same way: "diplomas based on your life experience".
    r"\bnon-?accredited (universit|college|degree)\w*|\b(degree|diploma)s? based on (your )?"
    r"(life|work|present) (experience|knowledge)\b|\b(buy|order) (a |your )?(degree|diploma)\b"
)


def _check(ctx: Context) -> str | None:
    match = ctx.search(_OFFER)
    return match.group(0).strip() if match else None


RULE = Rule(
    rule_id="spam.pharma_replica",
    weight=15,
    explanation={
        "fr": "Le message vend des médicaments sans ordonnance, des contrefaçons ou des "
        "produits miracles",
        "en": "The message sells medicines without prescription, counterfeits or miracle products",
    },
    check=_check,
)
