"""Header hints: French and English column names for each identifier and data class.

A header is matched on its whole normalized name first, then on any of its tokens, in rule order
(so ``adresse_mail`` is an email before it is an address).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from leaktrace.store import data_classes as dc

__all__ = [
    "IDENTIFIER_ROLES",
    "NAME_ROLES",
    "ROLES",
    "ROLE_CLASS",
    "ColumnRole",
    "classify_header",
    "normalize_header",
]

IDENTIFIER_ROLES = ("email", "phone", "nir")
NAME_ROLES = ("last_name", "first_name", "full_name")


@dataclass(frozen=True, slots=True)
class _Rule:
    role: str
    data_class: str | None
    exact: frozenset[str]
    tokens: frozenset[str]


def _rule(role: str, data_class: str | None, exact: str, tokens: str = "") -> _Rule:
    return _Rule(role, data_class, frozenset(exact.split()), frozenset(tokens.split()))


# Order matters for token matches: "adresse_mail" must be an email before it is an address.
_RULES: tuple[_Rule, ...] = (
    _rule(
        "email",
        dc.EMAIL,
        "mail email e_mail courriel adresse_mail adresse_email",
        "mail email courriel mails emails courriels",
    ),
    _rule(
        "nir",
        dc.NIR,
        "nir num_secu numero_secu secu securite_sociale no_ss nss ssn insee num_ss n_ss no_secu",
        "nir secu ssn insee",
    ),
    _rule(
        "phone",
        dc.PHONE,
        "tel telephone portable mobile phone gsm fixe",
        "tel telephone portable mobile phone gsm phones telephones mobiles portables",
    ),
    _rule(
        "dob",
        dc.DOB,
        "date_naissance ddn naissance dob birth_date date_of_birth birthdate date_naiss "
        "datenaissance",
        "naissance ddn dob birth birthdate naiss",
    ),
    _rule(
        "first_name",
        dc.NAMES,
        "prenom prenoms first_name firstname given_name",
        "prenom prenoms firstname",
    ),
    _rule(
        "full_name",
        dc.NAMES,
        "nom_complet full_name fullname name patient nom_prenom identite",
        "complet fullname",
    ),
    _rule(
        "last_name",
        dc.NAMES,
        "nom nom_famille last_name lastname surname nom_naissance nom_usage",
        "nom surname lastname",
    ),
    _rule("gender", dc.GENDER, "sexe genre gender sex civilite", "sexe gender civilite"),
    _rule(
        "insurance",
        dc.INSURANCE,
        "mutuelle assurance organisme caisse amc insurer insurance complementaire",
        "mutuelle assurance insurer insurance complementaire",
    ),
    _rule(
        "medical_condition",
        dc.MEDICAL_CONDITIONS,
        "commentaire commentaires comment comments observation observations diagnostic pathologie "
        "antecedents notes",
        "commentaire commentaires comment observation observations diagnostic pathologie "
        "antecedents",
    ),
    _rule(
        "medical_record",
        dc.MEDICAL_RECORDS,
        "examen examens analyse analyses acte actes medecin prescripteur resultat resultats "
        "laboratoire labo",
        "examen examens analyse analyses acte actes medecin prescripteur resultat resultats exam "
        "laboratoire",
    ),
    _rule(
        "address",
        dc.ADDRESS,
        "adresse address rue cp code_postal ville city zip postcode commune",
        "adresse address rue ville city postal",
    ),
    _rule("password", dc.PASSWORDS, "password mot_de_passe mdp pass passwd", "password mdp passwd"),
    _rule("bank", dc.BANK, "iban rib bic", "iban rib"),
)
ROLES: tuple[str, ...] = tuple(rule.role for rule in _RULES)
ROLE_CLASS = {rule.role: rule.data_class for rule in _RULES}


@dataclass(frozen=True, slots=True)
class ColumnRole:
    index: int
    header: str
    role: str | None
    data_class: str | None
    confidence: float
    reason: str

    def to_json(self) -> dict[str, object]:
        return {
            "column": self.header,
            "role": self.role,
            "data_class": self.data_class,
            "confidence": self.confidence,
            "reason": self.reason,
        }


def normalize_header(header: str) -> str:
    decomposed = unicodedata.normalize("NFKD", header.casefold())
    ascii_only = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "_", ascii_only).strip("_")


def classify_header(header: str) -> tuple[_Rule | None, float, str]:
    name = normalize_header(header)
    for rule in _RULES:
        if name in rule.exact:
            return rule, 0.95, f"header {header!r} is a known {rule.role} name"
    tokens = set(name.split("_"))
    for rule in _RULES:
        hit = tokens & rule.tokens
        if hit:
            return rule, 0.7, f"header {header!r} contains {sorted(hit)[0]!r}"
    return None, 0.0, f"header {header!r} matches no known column"
