"""``email.filler_text``: a run of random dictionary words ("juggle brittle anchorage parrot…").

Bulk phishing and spam pad each copy with random words, visible in tiny print or in the text
part, so that no two copies hash alike and filters trained on one copy miss the next ("hash
busters"). People never write a dozen words in a row without a single "the", "and" or "to".
"""

from __future__ import annotations

import re

from leaktrace.phishing.rules._base import Context, Rule

__all__ = ["RULE"]

_RUN = 12  # words in a row, on one line, with no function word among them
_WORDS = re.compile(rf"[a-z]{{2,}}(?: [a-z]{{2,}}){{{_RUN - 1},}}")
_FUNCTION = (
    "the a an and or of to in on at for with by from is are was were be been it its this "
    "that i you he she we they my your our his her their me him us them not no as if so but "
    "do did has have had will would can could should all any some"
)
_FUNCTION_WORDS = frozenset(_FUNCTION.split())


def _check(ctx: Context) -> str | None:
    if ctx.message.channel != "email":
        return None
    for match in _WORDS.finditer(ctx.message.body[:20_000]):
        words = match.group(0).split()
        run = 0
        for index, word in enumerate(words):
            run = 0 if word in _FUNCTION_WORDS else run + 1
            if run >= _RUN:
                return " ".join(words[index - _RUN + 1 : index - _RUN + 5]) + " …"
    return None


RULE = Rule(
    rule_id="email.filler_text",
    weight=15,
    explanation={
        "fr": "Le message contient une suite de mots au hasard, ajoutée pour tromper les "
        "filtres anti-spam",
        "en": "The message holds a run of random words, added to slip past spam filters",
    },
    check=_check,
)
