"""Leak-style ("messy") cell formatting for :mod:`leaktrace.synth`.

Every function here only changes the *presentation* of a value: a correct
normalizer must get back the exact underlying value (phone digits, NIR, e-mail
up to case and surrounding spaces, name up to case and accents, date, postcode
up to a lost leading zero). All randomness comes from the ``random.Random``
passed in, so output is deterministic.
"""

from __future__ import annotations

import datetime
import random
import unicodedata
from collections.abc import Callable, Sequence
from typing import Final, TypeVar

__all__ = [
    "messy_date",
    "messy_email",
    "messy_name",
    "messy_nir",
    "messy_phone",
    "messy_postcode",
    "messy_sex",
    "strip_accents",
]

_T = TypeVar("_T")

_LIGATURES: Final = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE"})


def strip_accents(text: str) -> str:
    """Remove diacritics (``"Hélène"`` -> ``"Helene"``), expanding œ/æ ligatures."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_LIGATURES))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _pick(rng: random.Random, options: Sequence[tuple[_T, int]]) -> _T:
    """Weighted choice among ``(value, weight)`` pairs."""
    values = [v for v, _ in options]
    weights = [w for _, w in options]
    return rng.choices(values, weights=weights)[0]


def _pairs(digits: str) -> str:
    return " ".join(digits[i : i + 2] for i in range(0, len(digits), 2))


# Each formatter receives a 10-digit national number "0XXXXXXXXX".
_PHONE_FORMATS: Final[tuple[tuple[Callable[[str], str], int], ...]] = (
    (lambda p: p, 30),  # 0612345678
    (_pairs, 25),  # 06 12 34 56 78
    (lambda p: _pairs(p).replace(" ", "."), 10),  # 06.12.34.56.78
    (lambda p: _pairs(p).replace(" ", "-"), 4),  # 06-12-34-56-78
    (lambda p: "+33 " + p[1] + " " + _pairs(p[2:]), 10),  # +33 6 12 34 56 78
    (lambda p: "+33" + p[1:], 5),  # +33612345678
    (lambda p: "0033" + p[1:], 5),  # 0033612345678
    (lambda p: p[1:], 11),  # 612345678 (leading zero lost, spreadsheet-style)
)


def messy_phone(rng: random.Random, phone: str) -> str:
    """Format a national French number the way it appears in real exports."""
    return _pick(rng, _PHONE_FORMATS)(phone)


def _nir_groups(nir: str) -> list[str]:
    return [nir[:1], nir[1:3], nir[3:5], nir[5:7], nir[7:10], nir[10:13], nir[13:]]


_NIR_FORMATS: Final[tuple[tuple[Callable[[str], str], int], ...]] = (
    (lambda n: n, 60),  # 185057800608491
    (lambda n: " ".join(_nir_groups(n)), 22),  # 1 85 05 78 006 084 91
    (lambda n: ".".join(_nir_groups(n)), 8),  # 1.85.05.78.006.084.91
    (lambda n: n[:13] + " " + n[13:], 10),  # 1850578006084 91 (carte Vitale style)
)


def messy_nir(rng: random.Random, nir: str) -> str:
    """Format a compact 15-character NIR (separators only, never other changes)."""
    return _pick(rng, _NIR_FORMATS)(nir)


def messy_email(rng: random.Random, email: str) -> str:
    """Upper-case / capitalise / pad an e-mail; lower-casing + strip gives it back."""
    roll = rng.random()
    if roll < 0.07:
        return email.upper()
    if roll < 0.12:
        local, _, domain = email.partition("@")
        return ".".join(part.capitalize() for part in local.split(".")) + "@" + domain.capitalize()
    if roll < 0.20:
        return rng.choice((" ", "  ", "")) + email + rng.choice((" ", "\t", ""))
    return email


def messy_name(rng: random.Random, name: str) -> str:
    """Upper-case or keep the case of a name, with or without accents."""
    roll = rng.random()
    if roll < 0.45:
        return name.upper()
    if roll < 0.65:
        return strip_accents(name).upper()
    if roll < 0.75:
        return strip_accents(name)
    return name


_DATE_FORMATS: Final[tuple[tuple[str, int], ...]] = (
    ("%d/%m/%Y", 70),  # 12/05/1961
    ("%Y-%m-%d", 20),  # 1961-05-12
    ("%Y%m%d", 10),  # 19610512
)


def messy_date(rng: random.Random, day: datetime.date) -> str:
    """Format a date as dd/mm/yyyy, ISO or yyyymmdd (never a 2-digit year)."""
    return day.strftime(_pick(rng, _DATE_FORMATS))


def messy_sex(rng: random.Random, sex: str) -> str:
    """``M``/``F``, sometimes ``H``/``F`` or the NIR digit ``1``/``2``."""
    roll = rng.random()
    if roll < 0.10:
        return "H" if sex == "M" else "F"
    if roll < 0.15:
        return "1" if sex == "M" else "2"
    return sex


def messy_postcode(rng: random.Random, postcode: str) -> str:
    """Sometimes lose the leading zero of a postcode (``01000`` -> ``1000``)."""
    if postcode.startswith("0") and rng.random() < 0.3:
        return postcode[1:]
    return postcode
