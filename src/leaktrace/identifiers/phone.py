"""Canonical phone numbers: E.164, ``+33612345678``.

Input is first reduced to ``[+]digits`` with plain string operations so that
the (comparatively slow) phonenumbers parser only sees plausible candidates.
Only numbers that phonenumbers deems *valid* (assigned ranges, right length)
are accepted: a merely "possible" number would index typos as identities.
"""

from __future__ import annotations

import re
from typing import Final

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat

__all__ = ["MAX_LENGTH", "normalize"]

#: Longer inputs are rejected before any parsing.
MAX_LENGTH: Final = 64

# Separators seen in exports, including the no-break spaces French locales
# insert when formatting numbers.
_SEPARATORS: Final = str.maketrans(dict.fromkeys(" \t.-/()\u00a0\u202f\u2007\u2009"))

# E.164 allows 15 digits; "00" + 15 = 17. Below 5 digits nothing is a
# subscriber number anywhere.
_MIN_DIGITS: Final = 5
_MAX_DIGITS: Final = 17

# A number that went through a spreadsheet as a float: "612345678.0" or
# "6.12345678E+08". Exactly one "0" after the dot (what str(float) writes):
# "0033612345.00" is more likely an odd grouping ending in "00".
_FLOAT: Final = re.compile(r"(\+?[0-9]+)\.0")
_SCIENTIFIC: Final = re.compile(r"([0-9])\.([0-9]+)[eE]\+?([0-9]{1,2})")

# Overseas departments use the same 10-digit "0..." national format as
# mainland France but separate country codes (+262, +590, +594, +596), so a
# French file holds them without any prefix; phonenumbers only resolves them
# with the right default region ("RE" also covers Mayotte, "GP" St-Barthélemy
# and St-Martin). Territories with short national numbers (St-Pierre: 6
# digits) are left out: they would turn short garbage into valid numbers.
_OVERSEAS: Final[dict[str, tuple[str, ...]]] = {"FR": ("RE", "GP", "MQ", "GF")}


def _from_scientific(match: re.Match[str]) -> str | None:
    # Only a mantissa carrying every digit is trusted: "6.12E+08" is a
    # spreadsheet's rounded display of some 61 2xx xx xx, and padding it with
    # zeros would index somebody else's number.
    integral, fraction, exponent = match[1], match[2], int(match[3])
    if len(fraction) != exponent:
        return None
    return integral + fraction


def _reduce(raw: str) -> str | None:
    """Reduce to ``[+]digits``; ``None`` if anything but separators remains."""
    text = raw.strip()
    if text[:4].lower() == "tel:":
        text = text[4:].lstrip()
    if text.startswith("'"):  # spreadsheet "store as text" marker
        text = text[1:]
    match = _FLOAT.fullmatch(text)
    if match is not None:
        text = match[1]
    else:
        match = _SCIENTIFIC.fullmatch(text)
        if match is not None:
            converted = _from_scientific(match)
            if converted is None:
                return None
            text = converted
    plus = text.startswith("+")
    digits = text[1:].translate(_SEPARATORS) if plus else text.translate(_SEPARATORS)
    # isdigit() alone would accept non-ASCII digits (e.g. "٠٦...").
    if not (digits.isascii() and digits.isdigit()):
        return None
    if not _MIN_DIGITS <= len(digits) <= _MAX_DIGITS:
        return None
    return "+" + digits if plus else digits


def _parse_valid(candidate: str, region: str) -> str | None:
    try:
        number = phonenumbers.parse(candidate, region)
    except NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, PhoneNumberFormat.E164)


# The shapes a French number takes once reduced: national "0" + 9 digits, the 9 digits alone
# (leading zero lost), "+33"/"0033"/"33" + 9 digits. For these the country code and national
# number are known without parsing; phonenumbers.parse costs more than the validity check.
_FRENCH: Final = re.compile(r"(?:0|\+33|0033|33)?([1-9][0-9]{8})")


def _fast_french(candidate: str) -> str | None:
    """E.164 of a valid mainland French number in one of the common shapes, else None.

    Only a shortcut: whatever it returns, :func:`_parse_valid` returns too (tested), and
    anything it cannot decide goes the slow way.
    """
    match = _FRENCH.fullmatch(candidate)
    if match is None:
        return None
    number = phonenumbers.PhoneNumber(country_code=33, national_number=int(match[1]))
    if not phonenumbers.is_valid_number(number):
        return None
    return "+33" + match[1]


def normalize(raw: str, region: str = "FR") -> str | None:
    """Return the E.164 form of a phone number, or ``None`` if invalid.

    ``region`` (ISO 3166 alpha-2) interprets numbers written without an
    international prefix; phonenumbers also uses it to undo a lost national
    "0" (``612345678``) and a country code written without "+"
    (``33612345678``). An unknown region yields ``None``, not an error.
    """
    if len(raw) > MAX_LENGTH:
        return None
    candidate = _reduce(raw)
    if candidate is None:
        return None
    region = region.upper()
    if region == "FR":
        fast = _fast_french(candidate)
        if fast is not None:
            return fast
    result = _parse_valid(candidate, region)
    if result is not None or candidate.startswith("+"):
        return result
    for overseas in _OVERSEAS.get(region, ()):
        result = _parse_valid(candidate, overseas)
        if result is not None:
            return result
    return None
