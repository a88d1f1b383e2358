"""Per-field value generators for :mod:`leaktrace.synth` (synthetic data only)."""

from __future__ import annotations

import datetime
import random
from collections.abc import Sequence
from typing import Final

import phonenumbers

from leaktrace import _synth_data as data
from leaktrace._synth_messy import strip_accents

__all__ = ["address", "comment", "email", "exam", "nir", "phone", "weighted"]

_COVID_PCR: Final = datetime.date(2020, 3, 1)
_COVID_SERO: Final = datetime.date(2020, 5, 1)
_METRO_DEPTS: Final = tuple(f"{d:02d}" for d in range(1, 96) if d != 20)


def weighted(rng: random.Random, options: Sequence[tuple[str, int]]) -> str:
    """Weighted choice among ``(value, weight)`` pairs."""
    return rng.choices([v for v, _ in options], weights=[w for _, w in options])[0]


def phone(rng: random.Random, region_digit: str) -> str:
    """A random number valid for region FR (rejection-sampled against phonenumbers)."""
    while True:
        roll = rng.random()
        if roll < 0.55:
            candidate = "06" + f"{rng.randrange(10**8):08d}"
        elif roll < 0.75:
            candidate = "07" + str(rng.randint(3, 9)) + f"{rng.randrange(10**7):07d}"
        elif roll < 0.95:
            candidate = "0" + region_digit + f"{rng.randrange(10**8):08d}"
        else:
            candidate = "09" + f"{rng.randrange(10**8):08d}"
        if phonenumbers.is_valid_number(phonenumbers.parse(candidate, "FR")):
            return candidate


def nir(rng: random.Random, sex: str, birth: datetime.date, home_dept: str) -> str:
    """A valid 15-character NIR: ~1% Corsica (2A/2B), ~4% born abroad (99), else mainland."""
    roll = rng.random()
    if roll < 0.01:
        dept, place = rng.choice(("2A", "2B")), f"{rng.randint(1, 366):03d}"
    elif roll < 0.05:
        dept, place = "99", rng.choice(data.BIRTH_COUNTRIES)
    elif roll < 0.60:
        dept, place = home_dept, f"{rng.randint(1, 400):03d}"
    else:
        dept, place = rng.choice(_METRO_DEPTS), f"{rng.randint(1, 700):03d}"
    head = f"{1 if sex == 'M' else 2}{birth.year % 100:02d}{birth.month:02d}"
    tail = f"{place}{rng.randint(1, 999):03d}"
    numeric_dept = {"2A": "19", "2B": "18"}.get(dept, dept)
    key = 97 - int(head + numeric_dept + tail) % 97
    return f"{head}{dept}{tail}{key:02d}"


def _slug(name: str) -> str:
    return strip_accents(name).lower().replace("'", "").replace(" ", "")


def email(rng: random.Random, first: str, last: str, birth: datetime.date) -> str:
    f, la = _slug(first), _slug(last)
    roll = rng.random()
    if roll < 0.40:
        local = f"{f}.{la}"
    elif roll < 0.50:
        local = f"{f}{la}"
    elif roll < 0.60:
        local = f"{f[0]}{la}"
    elif roll < 0.75:
        digits = f"{birth.year % 100:02d}" if rng.random() < 0.6 else str(rng.randint(1, 99))
        local = f"{f}.{la}{digits}"
    elif roll < 0.83:
        local = f"{la}.{f}"
    elif roll < 0.88:
        local = f"{f}_{la}"
    elif roll < 0.94:
        local = f"{f}{birth.year}"
    else:
        local = f"{la}{f[0]}{rng.randint(1, 999)}"
    return f"{local}@{weighted(rng, data.EMAIL_DOMAINS)}"


def address(rng: random.Random, streets: Sequence[str]) -> str:
    street = rng.choice(streets)
    roll = rng.random()
    if street.startswith(("lieu-dit", "hameau")) or roll < 0.08:
        return street
    number = str(rng.randint(1, 150))
    if roll < 0.11:
        number += rng.choice((" bis", " ter"))
    return f"{number}, {street}" if roll < 0.7 else f"{number} {street}"


def exam(rng: random.Random, sex: str, age: int, day: datetime.date) -> str:
    allowed: list[tuple[str, int]] = []
    for name, weight, rule in data.EXAMS:
        ok = (
            rule == ""
            or (rule == "F15-50" and sex == "F" and 15 <= age <= 50)
            or (rule == "F15-45" and sex == "F" and 15 <= age <= 45)
            or (rule == "M45+" and sex == "M" and age >= 45)
            or (rule == "covid" and day >= _COVID_PCR)
            or (rule == "covid-sero" and day >= _COVID_SERO)
        )
        if ok:
            allowed.append((name, weight))
    return weighted(rng, allowed)


def comment(rng: random.Random, sex: str, age: int, exam: str) -> str:
    roll = rng.random()
    if roll < 0.35:
        return ""
    if roll < 0.50:
        return "RAS"
    if "SARS-CoV-2" in exam and rng.random() < 0.6:
        text = rng.choice(data.COMMENTS_COVID)
    elif sex == "F" and 15 <= age <= 45 and (exam == "Beta HCG" or rng.random() < 0.15):
        text = rng.choice(data.COMMENTS_FEMALE).format(sa=rng.randint(6, 38))
    else:
        text = rng.choice(data.COMMENTS_GENERAL)
    if rng.random() < 0.10:
        text += "\n" + rng.choice(data.COMMENT_FOLLOW_UPS)
    return text
