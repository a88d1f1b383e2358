"""Canonical NIR (French social security number): ``185057800608491``.

Canonical form: 15 characters, no separators, Corsican department as
upper-case ``2A``/``2B``. Only NIRs whose 2-digit key validates are accepted.
A 13-digit NIR without key is rejected rather than completed: the key is the
only evidence that a cell holds a NIR at all, and completing it would index
any 13-digit number (order ids, truncated NIRs) as a person.
"""

from __future__ import annotations

from typing import Final

from stdnum.fr import nir as _stdnum_nir

__all__ = ["LENGTH", "MAX_LENGTH", "normalize"]

#: Length of a canonical NIR (13 characters + 2-digit key).
LENGTH: Final = 15
#: Longer inputs are rejected before any parsing.
MAX_LENGTH: Final = 64

_SEPARATORS: Final = str.maketrans(dict.fromkeys(" \t.-\u00a0\u202f\u2007\u2009"))
_CORSICA: Final = ("2A", "2B")


def _well_formed(nir: str) -> bool:
    """Check the shape before stdnum, whose ``isdigits`` and ``int`` accept
    non-ASCII digits and would let exotic input alias a real NIR."""
    if len(nir) != LENGTH or not nir.isascii():
        return False
    department = nir[5:7]
    return (
        nir[:5].isdigit() and nir[7:].isdigit() and (department.isdigit() or department in _CORSICA)
    )


def normalize(raw: str) -> str | None:
    """Return the canonical 15-character NIR, or ``None`` if invalid."""
    if len(raw) > MAX_LENGTH:
        return None
    text = raw.strip()
    # A NIR stored in a numeric spreadsheet column comes back as "....0";
    # all-digit NIRs are < 2**53, so the float kept every digit.
    if text.endswith(".0") and len(text) == LENGTH + 2 and text[:LENGTH].isdigit():
        text = text[:LENGTH]
    text = text.translate(_SEPARATORS)
    # isascii() before upper(): upper() changes length on some non-ASCII
    # letters ("ß" -> "SS").
    if not text.isascii():
        return None
    text = text.upper()
    if not _well_formed(text) or not _stdnum_nir.is_valid(text):
        return None
    return text
