"""``lure.romance``: a stranger's love letter, then a ticket, a visa or customs to pay.

Romance scams open with affection from someone never met ("I saw your profile", "my dear
love", a widowed soldier on a peacekeeping mission) and end with money: a plane ticket, a
visa, a customs fee, a hospital bill, always by wire. The rule needs the affection and either
the money or the first contact's tell-tale setting, in the same few sentences.
"""

from __future__ import annotations

from leaktrace.phishing.rules._base import Context, Rule
from leaktrace.phishing.rules._requests import first_unnegated
from leaktrace.phishing.text import rx

__all__ = ["RULE"]

_AFFECTION = rx(
    r"\bmy (dear|dearest|sweet) (love|heart|one)\b|\bmy dearest\b|\b(hello|hi|hey) dear\b|"
    r"\b(hello|hi|hey|good (morning|evening)) my (dear|love|darling|sweetheart)\b|"
    r"\bgenuine (friend|partner|relationship|love|man|woman)\b|\bshare my life\b|"
    r"\bmy (love|darling|sweetheart|honey|"
    r"beloved)\b|\bi (miss|love) you\b|\b(saw|seen|found|came across|viewed) (your|you) "
    r"(profile|photos?|pictures?|pics)\b|\b(beautiful|lovely|nice) (smile|face|eyes|profile)\b|"
    r"\b(honest|caring|loving|serious|sincere|kind) (woman|man|lady|partner|relationship)\b|"
    r"\bget to know you( better)?\b|\bare you single\b|\blonely (widow|widower|woman|man)\b|"
    r"\bserious relations(hip)?s?\b|\bromantic\b|"
    r"\bgood (morning|evening|night) (handsome|beautiful|gorgeous|dear|sweetheart)\b|"
    r"\b(hello|hi|hey) (handsome|beautiful|gorgeous)\b|\bwish(ed)? you were here\b|"
    r"\b(feel|felt) like i('ve| have)? known you (forever|all my life)\b|"
    r"\bmon amour\b|\bma cherie\b|\bvotre profil\b"
)
# Money asked for (a ticket or a visa *that costs*, a wire), or the first contact's setting.
_MONEY_OR_SETTING = rx(
    r"\b(ticket|visa|flight|customs|hospital|passport|travel agency)\b[^.\n]{0,80}"
    r"(\$|usd|dollars|euros?|money|pay|cost|expensive|afford|fee)|"
    r"\b(western union|moneygram|money ?gram|send (me )?(the )?money|gift ?cards?|bitcoin)\b|"
    r"\b(widow|widower|soldier|peacekeeping|deployed|oil rig|offshore|un mission|overseas|"
    r"with the un|whats ?app|telegram|hangouts|single)\b|"
    r"\b(write|email|contact) me (at|on|here)\b|\bmy (private )?(pics|photos|pictures)\b|"
    r"\b(found|got|saw) your (e-?mail )?address\b|\bcame across your (e-?mail|profile|address)\b|"
    # The soldier who cannot pay his own leave, and moving the talk off the dating site.
    r"\b(leave|vacation) (form|papers|request|approval|fee)\b|\b(my )?(commander|commanding "
    r"officer)\b|\bsend me your (e-?mail|whats ?app|number)\b|"
    r"\b(billet|douane|mandat cash)\b"
)


def _check(ctx: Context) -> str | None:
    return first_unnegated(ctx, _AFFECTION, _MONEY_OR_SETTING, window=6)


RULE = Rule(
    rule_id="lure.romance",
    weight=25,
    explanation={
        "fr": "Une déclaration d'affection d'un inconnu, suivie d'une histoire d'argent "
        "(billet, visa, douane) : l'arnaque sentimentale",
        "en": "Affection from a stranger, with a story about money (a ticket, a visa, customs): "
        "the romance scam",
    },
    check=_check,
)
