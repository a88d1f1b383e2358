"""Synthetic test leaks shaped like the 2021 French medical-lab breach file.

Nothing here is, or is derived from, real leaked data. :func:`patients` makes a
deterministic list of fake :class:`Patient` records (the ground truth) and
:func:`write_csv` writes them as a UTF-8 CSV with the same French header as the
real file, optionally formatted the messy way real exports are (mixed phone,
NIR and date formats, case and accent variations, blank cells, duplicated rows).

Messy formatting never changes an underlying value: every phone written is
valid for region FR per ``phonenumbers``, every NIR is valid per
``stdnum.fr.nir``, every e-mail is syntactically valid once stripped, so a
correct normalizer can recover each :class:`Patient` exactly (names and cities
up to case and accents). Blank cells only hit non-identifying columns
(address, lab, prescriber, insurer).

Output depends only on ``(n, seed)`` and the pinned Faker version.
"""

from __future__ import annotations

import csv
import datetime
import random
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from faker import Faker

from leaktrace import _synth_data as data
from leaktrace import _synth_fields as fields
from leaktrace import _synth_messy as mess
from leaktrace._synth_formats import FORMATS, write_format

__all__ = ["FORMATS", "HEADER", "Patient", "patients", "write", "write_csv"]

HEADER: Final[tuple[str, ...]] = (
    "NOM",
    "PRENOM",
    "SEXE",
    "DATE_NAISSANCE",
    "NUM_SECU",
    "TEL",
    "MAIL",
    "ADRESSE",
    "CP",
    "VILLE",
    "EXAMEN",
    "DATE_EXAMEN",
    "LABORATOIRE",
    "MEDECIN",
    "COMMENTAIRE",
    "MUTUELLE",
)

_FIRST_EXAM: Final = datetime.date(2015, 1, 1)
_LAST_EXAM: Final = datetime.date(2021, 2, 28)
_DUPLICATE_RATE: Final = 0.02


@dataclass(frozen=True)
class Patient:
    """Ground truth for one synthetic person and their lab record."""

    last_name: str
    first_name: str
    sex: str  # "M" or "F"
    birth_date: datetime.date
    nir: str  # 15 characters, valid key; department may be 2A/2B (Corsica) or 99 (abroad)
    phone: str | None  # national format "0612345678"
    email: str | None
    address: str
    postcode: str
    city: str
    exam: str
    exam_date: datetime.date
    laboratory: str
    prescriber: str
    comment: str  # may be empty or span several lines
    insurer: str


class _Pools:
    """Values pre-drawn once from Faker so the per-patient loop stays cheap."""

    def __init__(self, fake: Faker, rng: random.Random) -> None:
        self.last_names: list[str] = [fake.last_name() for _ in range(800)]
        self.last_names += list(data.EXTRA_LAST_NAMES)
        males = [fake.first_name_male() for _ in range(300)]
        females = [fake.first_name_female() for _ in range(300)]
        self.first_names: dict[str, list[str]] = {
            "M": males + [f"Jean-{m}" for m in rng.sample(males, 12) if m != "Jean"],
            "F": females + [f"Marie-{f}" for f in rng.sample(females, 12) if f != "Marie"],
        }
        self.streets: list[str] = list(data.STREETS) + [fake.street_name() for _ in range(200)]
        self.prescribers: list[str] = [self._doctor(rng) for _ in range(300)]
        self.labs: list[list[str]] = [
            [self._lab(rng, city) for _ in range(rng.randint(1, 3))] for city, *_ in data.CITIES
        ]
        self.city_weights: list[int] = [c[3] for c in data.CITIES]

    def _doctor(self, rng: random.Random) -> str:
        last = rng.choice(self.last_names)
        first = rng.choice(self.first_names[rng.choice("MF")])
        roll = rng.random()
        if roll < 0.6:
            return f"Dr {last}"
        if roll < 0.9:
            return f"Dr {first} {last}"
        return f"Dr {first[0]}. {last}"

    def _lab(self, rng: random.Random, city: str) -> str:
        roll = rng.random()
        if roll < 0.35:
            return "Laboratoire Bio" + city.replace("-", " ").title().replace(" ", "")
        if roll < 0.65:
            return f"LBM {rng.choice(self.last_names)}"
        if roll < 0.85:
            return f"Laboratoire {rng.choice(self.last_names)}-{rng.choice(self.last_names)}"
        return f"Laboratoire d'analyses médicales - {city}"


def _patient(rng: random.Random, pools: _Pools) -> Patient:
    sex = "F" if rng.random() < 0.54 else "M"
    first = rng.choice(pools.first_names[sex])
    last = rng.choice(pools.last_names)
    span = (_LAST_EXAM - _FIRST_EXAM).days
    exam_date = _FIRST_EXAM + datetime.timedelta(days=rng.randint(0, span))
    age = rng.randint(0, 17) if rng.random() < 0.08 else round(rng.triangular(18, 98, 62))
    birth = exam_date - datetime.timedelta(days=round(age * 365.25) + rng.randrange(365))
    age = (exam_date - birth).days * 100 // 36525
    city_idx = rng.choices(range(len(data.CITIES)), weights=pools.city_weights)[0]
    city, postcode, dept, _, region_digit = data.CITIES[city_idx]
    address = fields.address(rng, pools.streets)
    phone = fields.phone(rng, region_digit) if rng.random() >= 0.10 else None
    email = fields.email(rng, first, last, birth) if rng.random() >= 0.15 else None
    nir = fields.nir(rng, sex, birth, dept)
    exam = fields.exam(rng, sex, age, exam_date)
    labs = pools.labs[city_idx] if rng.random() < 0.85 else rng.choice(pools.labs)
    return Patient(
        last_name=last,
        first_name=first,
        sex=sex,
        birth_date=birth,
        nir=nir,
        phone=phone,
        email=email,
        address=address,
        postcode=postcode,
        city=city,
        exam=exam,
        exam_date=exam_date,
        laboratory=rng.choice(labs),
        prescriber=rng.choice(pools.prescribers),
        comment=fields.comment(rng, sex, age, exam),
        insurer=fields.weighted(rng, data.INSURERS),
    )


def patients(n: int, seed: int) -> list[Patient]:
    """Return ``n`` synthetic patients; the same ``(n, seed)`` gives the same list.

    A longer list with the same seed starts with the shorter one.
    """
    if n < 0:
        raise ValueError(f"n must be >= 0, got {n}")
    fake = Faker("fr_FR")
    fake.seed_instance(seed)
    rng = random.Random(seed)
    pools = _Pools(fake, rng)
    return [_patient(rng, pools) for _ in range(n)]


def _clean_row(p: Patient) -> list[str]:
    return [
        p.last_name,
        p.first_name,
        p.sex,
        p.birth_date.strftime("%d/%m/%Y"),
        p.nir,
        p.phone or "",
        p.email or "",
        p.address,
        p.postcode,
        p.city,
        p.exam,
        p.exam_date.strftime("%d/%m/%Y"),
        p.laboratory,
        p.prescriber,
        p.comment,
        p.insurer,
    ]


def _blank(rng: random.Random, value: str, rate: float) -> str:
    return "" if rng.random() < rate else value


def _messy_row(rng: random.Random, p: Patient) -> list[str]:
    return [
        mess.messy_name(rng, p.last_name),
        mess.messy_name(rng, p.first_name),
        mess.messy_sex(rng, p.sex),
        mess.messy_date(rng, p.birth_date),
        mess.messy_nir(rng, p.nir),
        mess.messy_phone(rng, p.phone) if p.phone else "",
        mess.messy_email(rng, p.email) if p.email else "",
        _blank(rng, p.address, 0.02),
        mess.messy_postcode(rng, p.postcode),
        mess.messy_name(rng, p.city),
        p.exam,
        mess.messy_date(rng, p.exam_date),
        _blank(rng, p.laboratory, 0.02),
        _blank(rng, p.prescriber, 0.03),
        p.comment,
        _blank(rng, p.insurer, 0.05),
    ]


def write_csv(path: Path, people: Sequence[Patient], *, messy: bool = True, seed: int = 0) -> int:
    """Write ``people`` as a leak-shaped CSV at ``path``; return the number of data rows.

    With ``messy=False`` each person is one row in canonical formats (phone
    ``0612345678``, compact NIR, lower-case e-mail, dates ``dd/mm/yyyy``).
    With ``messy=True`` formats vary per cell, a few cells of non-identifying
    columns are blank, and about 2% of people are exported a second time a
    little later in the file (re-formatted independently), all determined by
    ``seed``.
    """
    rng = random.Random(seed)
    rows: list[Patient]
    if messy:
        keyed = [(float(i), p) for i, p in enumerate(people)]
        for i, p in enumerate(people):
            if rng.random() < _DUPLICATE_RATE:
                keyed.append((i + rng.uniform(0.5, 40.0), p))
        keyed.sort(key=lambda item: item[0])
        rows = [p for _, p in keyed]
    else:
        rows = list(people)
    with Path(path).open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(HEADER)
        for p in rows:
            writer.writerow(_messy_row(rng, p) if messy else _clean_row(p))
    return len(rows)


def write(
    path: Path, people: Sequence[Patient], *, fmt: str = "csv", messy: bool = True, seed: int = 0
) -> int:
    """Write ``people`` in format ``fmt`` (one of :data:`FORMATS`); returns rows written."""
    if fmt == "csv":
        return write_csv(path, people, messy=messy, seed=seed)
    if fmt not in FORMATS:
        raise ValueError(f"unknown synthetic format {fmt!r}; expected one of {FORMATS}")
    return write_format(path, people, fmt, seed)
