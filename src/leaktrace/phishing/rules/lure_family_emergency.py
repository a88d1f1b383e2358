"""``lure.family_emergency``: "Hi Mum, this is my new number", the child or grandchild in trouble.

The "Hi Mum" scam writes from an unknown number as a relative whose phone broke, was lost or
stolen, then asks for a bill to be paid or money sent, usually on WhatsApp; the grandparent
variant is a grandchild under arrest who needs bail and begs for secrecy. A real relative can
change numbers too, which is why the advice is to call the old number before anything else.
"""

from __future__ import annotations

from leaktrace.phishing.rules._base import Context, Rule
from leaktrace.phishing.rules._requests import first_unnegated
from leaktrace.phishing.text import rx

__all__ = ["RULE"]

_NEW_NUMBER = rx(
    r"\b(my )?(new|temporary|temp|other|spare) ((phone|mobile|cell) )?number\b|"
    r"\b(texting|writing) (you )?(from|on) (a|my) (new|friend'?s|different) (phone|number)\b|"
    r"\b(my )?(phone|mobile|cell)\b[^.?!\n]{0,20}\b(broke|broken|stolen|lost|died|dead|smashed|"
    r"damaged|cracked|fell)\b|\b(broke|lost|dropped|smashed|cracked) my (phone|mobile|cell)\b|"
    r"\bsave (this|my new|my) number\b|\bnouveau (numero|portable|telephone)\b|"
    r"\b(got|have|bought) a new phone\b|\bdelete (the|my) old number\b|"
    r"\b(new|temporary|temp) sim\b|\b(my |old )?(sim|phone|number)( card)? (is |isn'?t |is not )?"
    r"(not working|stopped working|not working anymore|blocked)\b|"
    r"\b(mon )?(telephone|portable) (est )?(casse|perdu|vole)\b|"
    r"\bthis is my (number|phone) now\b|\b(old|other) (line|sim|phone|number|mobile)( card)? "
    r"(is )?(finished|dead|gone|off|broken|lost)\b"
)
# Who is written to, or what is wanted, in the same stretch.
_RELATIVE_OR_NEED = rx(
    r"\b(mum|mom|mommy|mummy|mama|dad|daddy|papa|mother|father|grandma|grandpa|granny|nan|"
    r"nana|gran|auntie|maman|mamie|papi)\b|\b(favou?r|help|bill|pay|money|transfer|urgent|"
    r"whats ?app|payer|virement|facture|aide)\b"
)
# The grandparent scam: "it's me", in trouble, tell nobody; "Mum? its me" and money wanted.
_TROUBLE = rx(
    r"\b(bail|arrested|in jail|police station|in trouble|lawyer)\b[^\n]{0,80}"
    r"\b(don'?t|do not|please don'?t) (call|tell)\b|"
    r"\b(grandma|grandpa|granny|nan|nana|gran|mum|mom|dad)\b[^.?!\n]{0,20}\bit'?s me\b|"
    r"\b(grandma|grandpa|granny|nan|nana|gran|mum|mom|dad)\W{1,4}(it'?s|its) me\b[^\n]{0,80}"
    r"\b(pay|send|money|transfer|urgent\w*|help|bail|lawyer)\b|"
    r"\b(grandma|grandpa|granny|nan|nana|gran|mum|mom|mummy|dad)\b[^.?!\n]{0,20}\b(i'?m|im|i am) "
    r"in (trouble|a mess|hospital|jail)\b"
)


_SAME_NUMBER = rx(
    r"\b(same|old) number (as before|still works)\b|\bkept (my|the|the same) number\b"
)


def _check(ctx: Context) -> str | None:
    found = first_unnegated(ctx, _NEW_NUMBER, _RELATIVE_OR_NEED, window=2, unless=_SAME_NUMBER)
    return found if found is not None else first_unnegated(ctx, _TROUBLE, window=3)


RULE = Rule(
    rule_id="lure.family_emergency",
    weight=25,
    explanation={
        "fr": "Un proche se dit sur un nouveau numéro ou en difficulté et demande de l'aide : "
        "c'est l'arnaque « Coucou maman »",
        "en": "Someone claims to be a relative on a new number or in trouble and asks for "
        'help: the "Hi Mum" scam',
    },
    check=_check,
)
