"""``personal.details_quoted``: the message quotes facts about you that a leak contains.

After the 2021 laboratory leak, lures began with "since your examination of 14/03 at the
Cerballiance laboratory in Nantes…": true details make a fake message believable. This rule
finds the *kinds* of detail such a file holds — an examination or sample date, a laboratory,
a partial NIR, a date of birth, a postal address — and fires on two kinds, or on a NIR or a
birth date alone. Its evidence names the kinds, never the values.

Real laboratory notices also quote an exam date and the laboratory: this rule alone does not
make a verdict; with a link to a foreign site it does.
"""

from __future__ import annotations

from leaktrace.phishing.rules._base import Context, Rule
from leaktrace.phishing.text import rx

__all__ = ["RULE"]

_DATE = (
    r"(\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?|\d{1,2}(?:er)? (?:janvier|fevrier|mars|avril|mai|"
    r"juin|juillet|aout|septembre|octobre|novembre|decembre)(?: \d{4})?)"
)
_EXAM = rx(
    r"(examen|analyse|prise de sang|prelevement|bilan|depistage|frottis|radio|echographie|"
    r"scanner|irm|test|blood test|sample|exam|screening)\D{0,40}?" + _DATE
)
_LAB = rx(
    r"laboratoire|\blabo\b|cerballiance|biogroup|eurofins|biomnis|synlab|inovie|labosud|"
    r"unilabs|biologistes independants|laboratory"
)
_NIR = rx(
    r"\b[12] ?\d{2} ?(0[1-9]|1[0-2]) ?(\d{2}|2a|2b|\*{2}|x{2})\b|numero de securite sociale "
    r"commencant|securite sociale [12] ?\d{2} ?\d{2}"
)
_DOB = rx(r"(\bnee? le|date de naissance ?:?|born on|date of birth ?:?) ?\d{1,2}[/.-]")
_ADDRESS = rx(
    r"\b\d{1,4}(?: ?bis| ?ter)?,? (?:rue|avenue|av\.|boulevard|bd|place|chemin|allee|impasse|"
    r"route|quai|cours|square) [^\n,]{2,40},? \d{5}\b"
)


def _check(ctx: Context) -> str | None:
    kinds = [
        name
        for name, pattern in (
            ("exam_date", _EXAM),
            ("laboratory", _LAB),
            ("partial_nir", _NIR),
            ("date_of_birth", _DOB),
            ("address", _ADDRESS),
        )
        if ctx.search(pattern)
    ]
    strong = "partial_nir" in kinds or "date_of_birth" in kinds
    return ", ".join(kinds) if len(kinds) >= 2 or strong else None


RULE = Rule(
    rule_id="personal.details_quoted",
    weight=20,
    explanation={
        "fr": "Ce message sait des choses sur vous (date d'examen, laboratoire, date de "
        "naissance, numéro de sécurité sociale, adresse) : c'est à cela que servent les données "
        "volées lors d'une fuite",
        "en": "This message knows things about you (exam date, laboratory, date of birth, "
        "social security number, address): that is what leaked data is used for",
    },
    check=_check,
)
