"""Column discovery: which column holds which identifier or data class.

Header names are matched against French and English hints (exact name first, then any token of
the name), so ``DATE_NAISSANCE``, ``ddn`` and ``Date of birth`` all land on the date of birth.
Every decision carries a confidence and a reason, shown by ``ingest --dry-run``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from leaktrace.errors import InputError
from leaktrace.store import data_classes as dc

__all__ = ["ROLES", "ColumnRole", "map_columns", "normalize_header"]

# Roles that feed identifiers; every other role only contributes its data class.
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
        "mail email courriel",
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
        "tel telephone portable mobile phone gsm",
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
_ROLE_CLASS = {rule.role: rule.data_class for rule in _RULES}


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


def _classify(header: str) -> tuple[_Rule | None, float, str]:
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


def map_columns(
    headers: Sequence[str], overrides: Mapping[str, str] | None = None
) -> list[ColumnRole]:
    """Assign a role to each column. ``overrides`` maps a header to a role or a data class name."""
    overrides = dict(overrides or {})
    result: list[ColumnRole] = []
    for index, header in enumerate(headers):
        if header in overrides:
            result.append(_override(index, header, overrides.pop(header)))
            continue
        rule, confidence, reason = _classify(header)
        role = rule.role if rule else None
        result.append(
            ColumnRole(index, header, role, rule.data_class if rule else None, confidence, reason)
        )
    if overrides:
        raise InputError(f"--map names no such column: {', '.join(sorted(overrides))}")
    return result


def _override(index: int, header: str, target: str) -> ColumnRole:
    reason = f"header {header!r} mapped by --map"
    if target in ("ignore", "none", ""):
        return ColumnRole(index, header, None, None, 1.0, reason)
    if target in _ROLE_CLASS:
        return ColumnRole(index, header, target, _ROLE_CLASS[target], 1.0, reason)
    try:
        name = dc.canonical_name(target)
    except dc.DataClassError:
        raise InputError(
            f"--map target {target!r} is neither a role ({', '.join(ROLES)}) nor a data class"
        ) from None
    return ColumnRole(index, header, "class", name, 1.0, reason)
