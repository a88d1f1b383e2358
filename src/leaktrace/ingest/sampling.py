"""Value sampling: what the cells of a column look like, for files whose headers say nothing.

A column is profiled on a sample of its non-empty cells: the share that normalize as an email,
a phone number or a NIR, parse as a date (and how old those dates are), look like first names,
street addresses, postcodes or sexes. ``columns.map_columns`` weighs these shares against the
header hints.
"""

from __future__ import annotations

import datetime as dt
import re
import statistics
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from leaktrace.identifiers import normalize, parse_date

__all__ = ["ColumnProfile", "profile_columns"]

_STREET = re.compile(
    r"^\s*\d{1,4}\s*(?:bis|ter)?,?\s+(?:rue|avenue|av\.?|boulevard|bd|chemin|allée|allee|impasse|"
    r"place|route|quai|cours|square|lieu[- ]dit|résidence|residence|street|st\.?|road|rd\.?)\b",
    re.IGNORECASE,
)
_POSTCODE = re.compile(r"^\s*(?:\d{5}|\d{4})\s*$")
_SEXES = frozenset({"m", "f", "h", "homme", "femme", "male", "female", "masculin", "feminin"})
_ALPHA = re.compile(r"^[^\W\d_]+(?:[ '\-][^\W\d_]+)*$")


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.strip().casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@cache
def _first_names() -> frozenset[str]:
    # Faker's name lists are a dependency already; common French and English first names.
    from faker.providers.person.en_US import Provider as English
    from faker.providers.person.fr_FR import Provider as French

    names: set[str] = set()
    for provider in (French, English):
        names.update(_fold(n) for n in provider.first_names)
    return frozenset(names)


@dataclass(slots=True)
class ColumnProfile:
    index: int
    values: int = 0
    shares: dict[str, float] = field(default_factory=dict)
    median_year: int | None = None

    def share(self, kind: str) -> float:
        return self.shares.get(kind, 0.0)


def _profile(index: int, cells: Sequence[str], today: dt.date) -> ColumnProfile:
    values = [c for c in cells if c.strip()]
    result = ColumnProfile(index, len(values))
    if not values:
        return result
    counts = dict.fromkeys(
        (
            "email",
            "phone",
            "nir",
            "date",
            "first_name",
            "full_name",
            "alpha",
            "address",
            "postcode",
            "gender",
        ),
        0,
    )
    years: list[int] = []
    first_names = _first_names()
    for raw in values:
        for kind in ("email", "phone", "nir"):
            if normalize(kind, raw) is not None:
                counts[kind] += 1
        day = parse_date(raw, today=today) if len(raw) <= 32 else None
        if day is not None:
            counts["date"] += 1
            years.append(day.year)
        folded = _fold(raw)
        if _ALPHA.match(raw.strip()):
            counts["alpha"] += 1
            tokens = re.split(r"[ \-']+", folded)
            if folded in first_names or tokens[0] in first_names:
                counts["first_name"] += 1
            if len(tokens) >= 2 and any(t in first_names for t in tokens):
                counts["full_name"] += 1
        if _STREET.match(raw):
            counts["address"] += 1
        if _POSTCODE.match(raw):
            counts["postcode"] += 1
        if folded in _SEXES:
            counts["gender"] += 1
    result.shares = {k: v / len(values) for k, v in counts.items() if v}
    if years:
        result.median_year = int(statistics.median(years))
    return result


def profile_columns(
    rows: Sequence[Sequence[str]], width: int, today: dt.date | None = None
) -> list[ColumnProfile]:
    """Profiles of ``width`` columns over the sampled ``rows`` (short rows are padded)."""
    today = today or dt.date.today()
    columns: list[list[str]] = [[] for _ in range(width)]
    for row in rows:
        for i in range(width):
            columns[i].append(row[i] if i < len(row) else "")
    return [_profile(i, cells, today) for i, cells in enumerate(columns)]
