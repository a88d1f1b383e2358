"""``allow.prevention_message``: the message warns against fraud instead of committing it.

The insurer, banks and carriers send messages that describe the very lures this module hunts
("we will never ask for your bank details", "report it to 33700"). They name the lures, so the
lure rules may fire on them; strong prevention markers (a reporting channel, "will never ask")
or two weaker ones ("arnaque", "vigilant") mark the message as a warning.
"""

from __future__ import annotations

from leaktrace.phishing.rules._base import DECEPTIONS, Context, Rule
from leaktrace.phishing.text import rx

__all__ = ["RULE"]

_STRONG = rx(
    r"\b33 ?700\b|phishing-initiative|cybermalveillance|signal-spam|ne vous (le )?"
    r"(demandera|demanderons|demande) jamais|ne demande jamais|will never ask|never ask(s)? "
    r"(you )?for|attention aux faux|c'est une arnaque|"
    # Security teams' own mail: awareness drills, reporting buttons, campaign alerts, and a
    # colleague's "yes, that's phishing" on a forwarded lure.
    r"\bphish(ing)? (exercise|simulation|test|drill|awareness|training)|\bsimulated phish|"
    r"\breport (phishing|suspicious|it as (phishing|spam|junk))\b|"
    r"\b(aware of|warn(ing)? (you )?(about|of)) (a |an |the )?(new |ongoing |active )?"
    r"(phishing|scam|smishing|fraud) (campaign|attempt|e-?mail|message|text)s?\b|"
    r"\b(it'?s|it is|this is|that'?s|that is|looks like|definitely) (a |an )?(phishing|"
    r"scam|fake|fraudulent)\b[^.?!\n]{0,40}\b(delete|deleted|ignore|report|don'?t click|"
    r"do not click)"
)
_WEAK = rx(
    r"arnaque|escroc|frauduleu|fraudeur|tentatives? de fraude|hameconnage|phishing|vigilan|"
    r"mefiez|prudent|faux (sms|messages?|courriels?|mails?|conseillers?)|\bscam|be careful|"
    r"\bsuspicious (e-?mails?|messages?|links?|texts?)\b|\bred flags?\b|\bwarning signs?\b|"
    r"\bdo not click\b|\bdon'?t click\b|\bhover(ing)? over\b|\blook-?alike (domain|address)"
)


# A warning written by an impersonator is part of the act ("Santander will never ask for your
# PIN", from santander-uk-secure.net): it earns nothing once a deception has been found.
def _check(ctx: Context) -> str | None:
    if ctx.fired & DECEPTIONS:
        return None
    strong = ctx.search(_STRONG)
    if strong:
        return strong.group(0)
    weak = {match.group(0) for match in ctx.finditer(_WEAK)}
    return ", ".join(sorted(weak)) if len(weak) >= 2 else None


RULE = Rule(
    rule_id="allow.prevention_message",
    weight=-25,
    explanation={
        "fr": "Le message met en garde contre la fraude plutôt que de vous demander d'agir",
        "en": "The message warns against fraud rather than asking you to act",
    },
    check=_check,
)
