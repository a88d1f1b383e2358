"""``lure.wrong_number``: a stranger's "wrong number" opener, the first step of romance and
investment ("pig-butchering") scams.

"Hi, is this Jessica?", "Sorry, I found your number in my contacts, did we meet?": no link,
no request, only a conversation to start. The scam comes weeks later. Friends write such
things too, so the weight is moderate and the rule only reads the opening of a message, where
a stranger's opener stands.
"""

from __future__ import annotations

from leaktrace.phishing.rules._base import Context, Rule
from leaktrace.phishing.rules._requests import is_negated
from leaktrace.phishing.text import rx

__all__ = ["RULE"]

_HEAD_CHARS = 240
_OPENER = rx(
    r"\bis this (still )?(mr\.? |mrs\.? |ms\.? |miss |dr\.? )?(?!(ok|okay|right|true|real|yours|it|"
    r"you|legit|correct|a|the|for|about|still|free|available|safe|normal|new|fine|genuine|"
    r"legitimate|phishing|spam|scam|fake|authentic|official|valid|allowed|possible|necessary)\b)"
    r"[a-z]+('s)?( (number|phone|cell))?\?|"
    r"\bare you (mr\.?|mrs\.?|ms\.?|miss|dr\.?) [a-z]+\?|"
    r"\b(she|he) (said|told me) this (was|is) (her|his) number\b|"
    r"\bwrong number\b|\b(found|got|saw|have) your (phone )?number\b|"
    r"\b(did|have) we (meet|met)\b|\bdo (i|we) know (you|each other)\b|\bwho is this\b|"
    r"\bwho's this\b|\blong time no (talk|see|chat)\b|\bsorry to (bother|disturb) you\b|"
    r"\b(my|the) (boss|driver|assistant|secretary|friend|aunt|uncle) "
    r"(said|asked|told|says|wants)\b|"
    r"\bi'?m [a-z]+'s (assistant|secretary|friend)\b|\bare you the one (who|that)\b|"
    r"\bsaved your number\b|\bnew phone\b.{0,40}\bcontacts\b|\bdo you remember me\b|"
    r"\bwe met at\b|\b(friend|someone|colleague) gave me your (phone )?number\b|"
    r"\bcan we be friends?\b|\bsaw (you|your profile) on (facebook|instagram|linkedin|tiktok)\b|"
    r"\blooking (for )?a friend to talk\b|"
    # The dating-app and lonely-newcomer openers of the same romance and "pig butchering" scams.
    r"\b(it'?s|i'?m|this is) [a-z]+ (from|on) (tinder|bumble|hinge|plenty of fish|pof|okcupid|"
    r"match\.com)\b|\b(met|matched|talked|chatted|saw you|saw your profile) (on|from) (tinder|"
    r"bumble|hinge|plenty of fish|pof|okcupid|match\.com)\b|"
    r"\bnew (in|to) (town|the city|the area|this (city|area))\b[^.?!]{0,60}\b(know anyone|"
    r"friends?|meet|chat)\b|"
    r"\bc'est bien [a-z]+ \?|\bje me suis trompee? de numero|\bmauvais numero\b|"
    r"\bon s'est (deja )?(vus|rencontres)\b"
)


def _check(ctx: Context) -> str | None:
    if not ctx.may_match(_OPENER):
        return None
    head = ctx.folded[:_HEAD_CHARS]
    match = _OPENER.search(head)
    if match is None:
        return None
    # Only the opener's own sentence: "is this Linda? ... we never swapped numbers" is no
    # prevention message, "never reply to 'is this Jessica?'" is.
    if is_negated(ctx.sentence_at(match.start())):
        return None
    return match.group(0).strip()


RULE = Rule(
    rule_id="lure.wrong_number",
    weight=25,
    explanation={
        "fr": "Un inconnu engage la conversation (« c'est bien Julie ? », « mauvais numéro ») : "
        "c'est ainsi que commencent les arnaques sentimentales et à l'investissement",
        "en": 'A stranger opens a conversation ("is this Jessica?", "wrong number"): that is '
        "how romance and investment scams begin",
    },
    check=_check,
)
