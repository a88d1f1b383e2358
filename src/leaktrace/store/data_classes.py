"""Data classes: what a breach exposed about a person, with HIBP's names where one exists.

A record's classes are stored as a bitmask. Bit positions are persisted in every store and are
therefore API: append new classes at the end, never reorder or rename.
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = [
    "DATA_CLASSES",
    "EMAIL",
    "NAMES",
    "NIR",
    "PHONE",
    "DataClassError",
    "from_mask",
    "to_mask",
]

EMAIL = "Email addresses"
PHONE = "Phone numbers"
NAMES = "Names"
DOB = "Dates of birth"
ADDRESS = "Physical addresses"
NIR = "Social security numbers"
GENDER = "Genders"
INSURANCE = "Health insurance information"
MEDICAL_RECORDS = "Medical records"
MEDICAL_CONDITIONS = "Medical conditions"
PASSWORDS = "Passwords"
BANK = "Bank account numbers"

# Index = bit position. Append only.
DATA_CLASSES: tuple[str, ...] = (
    EMAIL,
    PHONE,
    NAMES,
    DOB,
    ADDRESS,
    NIR,
    GENDER,
    INSURANCE,
    MEDICAL_RECORDS,
    MEDICAL_CONDITIONS,
    PASSWORDS,
    BANK,
)
_BIT = {name: 1 << i for i, name in enumerate(DATA_CLASSES)}
_BY_FOLDED = {name.casefold(): name for name in DATA_CLASSES}


class DataClassError(ValueError):
    """An unknown data class name."""


def canonical_name(name: str) -> str:
    """The exact spelling of a data class, accepting any case."""
    try:
        return _BY_FOLDED[name.strip().casefold()]
    except KeyError:
        raise DataClassError(f"unknown data class {name!r}") from None


def to_mask(names: Iterable[str]) -> int:
    mask = 0
    for name in names:
        mask |= _BIT[canonical_name(name)]
    return mask


def from_mask(mask: int) -> list[str]:
    """Names in bit order, which is also a stable display order."""
    return [name for i, name in enumerate(DATA_CLASSES) if mask >> i & 1]
