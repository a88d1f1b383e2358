"""Canonical name + date of birth: ``dupont jean|1961-05-12``.

Canonical form: name tokens case-folded, accents stripped, œ/æ expanded,
every non-alphanumeric character treated as a separator, tokens sorted and
joined by one space; then ``|`` and the ISO date.

Sorting the tokens makes "DUPONT Jean", "Jean Dupont" and separate
last/first columns agree, at the price of also merging "Jean Paul" with
"Paul Jean": for an exposure index a rare false match is better than missing
the usual field-order differences between leaks.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections.abc import Sequence
from typing import Final

from leaktrace.identifiers._dates import parse_date

__all__ = ["MAX_LENGTH", "namedob_from_parts", "normalize", "normalize_name"]

#: Longer inputs are rejected before any parsing.
MAX_LENGTH: Final = 256

# Letters that NFKD does not decompose but that French (and neighbouring)
# exports routinely ASCII-fold. Applied after casefold, so lower case only.
_FOLD: Final = str.maketrans({"œ": "oe", "æ": "ae", "ø": "o", "ł": "l", "đ": "d", "ı": "i"})
_ASCII_SEPARATORS: Final = re.compile(r"[^a-z0-9]+")
# casefold, NFKD and the folding table can each re-enable another (NFKD of
# "ℌ" is an upper-case "H"); iterating to a fixed point makes the result
# idempotent by construction. Real names converge in one or two rounds.
_MAX_ROUNDS: Final = 4


def _fold_once(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(c for c in decomposed if not unicodedata.category(c).startswith("M"))
    return stripped.translate(_FOLD)


def normalize_name(raw: str) -> str | None:
    """Return the canonical name key (sorted folded tokens), or ``None`` if empty."""
    if len(raw) > MAX_LENGTH:
        return None
    if raw.isascii():
        # Fast path for the vast majority of rows: for ASCII, casefold is
        # lower() and there is nothing to decompose.
        tokens = _ASCII_SEPARATORS.sub(" ", raw.lower()).split()
    else:
        text = raw
        for _ in range(_MAX_ROUNDS):
            folded = _fold_once(text)
            if folded == text:
                break
            text = folded
        else:
            return None  # no fixed point: adversarial input, not a name
        tokens = "".join(c if c.isalnum() else " " for c in text).split()
    if not tokens:
        return None
    return " ".join(sorted(tokens))


def _combine(name: str, dob: str, today: datetime.date | None) -> str | None:
    key = normalize_name(name)
    if key is None:
        return None
    date = parse_date(dob, today)
    if date is None:
        return None
    return f"{key}|{date.isoformat()}"


def normalize(raw: str, today: datetime.date | None = None) -> str | None:
    """Normalize ``"<name>|<date>"`` (split on the last ``|``), or ``None``.

    ``today`` (default: current date) bounds the date and pivots 2-digit
    years; see :func:`leaktrace.identifiers._dates.parse_date`.
    """
    if len(raw) > MAX_LENGTH:
        return None
    name, sep, dob = raw.rpartition("|")
    if not sep:
        return None
    return _combine(name, dob, today)


def namedob_from_parts(
    names: Sequence[str], dob: str, today: datetime.date | None = None
) -> str | None:
    """Canonical value from separate name columns (last, first, ...) and a date.

    Column order does not matter since tokens are sorted. A bare ``str`` is
    taken as one name, not as a sequence of characters.
    """
    parts = (names,) if isinstance(names, str) else names
    return _combine(" ".join(parts), dob, today)
