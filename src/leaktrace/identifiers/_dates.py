"""Date-of-birth parsing shared by :mod:`.namedob` and column sniffing.

Leaks are French, so an ambiguous ``xx/xx/yyyy`` is always read day-first; a
month-first reading is never attempted (``05/12/1961`` is 5 December).
"""

from __future__ import annotations

import datetime
import re
from typing import Final

__all__ = ["MIN_DATE", "parse_date"]

#: Earliest accepted birth date: anything older is a data-entry error or a
#: placeholder (``01/01/1800``, ``0001-01-01``), not a living person's DOB.
MIN_DATE: Final = datetime.date(1890, 1, 1)

# Longest legitimate input is an ISO datetime with microseconds (~26 chars);
# the cap keeps pathological cells from reaching the regex engine.
_MAX_LEN: Final = 40

# Spreadsheets and ORMs append a time to date-only columns; it carries no
# information for a DOB, so it is accepted and dropped.
_TIME: Final = r"(?:[ T](?:[01]?[0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\.[0-9]{1,9})?)?)?"

# The back-reference forces one separator kind: "12/05-1961" is more likely
# two glued fields than a date.
_DMY: Final = re.compile(r"([0-9]{1,2})([./-])([0-9]{1,2})\2([0-9]{4}|[0-9]{2})" + _TIME)
_YMD: Final = re.compile(r"([0-9]{4})([./-])([0-9]{1,2})\2([0-9]{1,2})" + _TIME)
_COMPACT: Final = re.compile(r"[0-9]{8}")
# Explicit [0-9] rather than \d: \d (and int()) accept non-ASCII digits, which
# would let exotic input alias a plain date.


def _make(year: int, month: int, day: int, today: datetime.date) -> datetime.date | None:
    try:
        result = datetime.date(year, month, day)
    except ValueError:
        return None
    if result < MIN_DATE or result > today:
        return None
    return result


def _two_digit_year(yy: int, month: int, day: int, today: datetime.date) -> datetime.date | None:
    # Pivot: the most recent century that does not put the birth in the future.
    # A centenarian written with a 2-digit year is unrecoverable either way.
    for century in (2000, 1900):
        result = _make(century + yy, month, day, today)
        if result is not None:
            return result
    return None


def parse_date(raw: str, today: datetime.date | None = None) -> datetime.date | None:
    """Parse a birth date as found in leaked files, or return ``None``.

    Accepted: ``dd/mm/yyyy``, ``d/m/yyyy``, ``dd-mm-yyyy``, ``dd.mm.yyyy``,
    the same with a 2-digit year, ``yyyy-mm-dd`` (also ``/`` or ``.``),
    ``yyyymmdd``, ``ddmmyyyy`` and any of the separated forms followed by a time
    (``1961-05-12 00:00:00``, ``1961-05-12T00:00:00``).

    Dates before :data:`MIN_DATE` or after ``today`` (default: the current
    date) are rejected. A 2-digit year resolves to the latest century that
    does not put the date after ``today``.
    """
    if today is None:
        today = datetime.date.today()
    if len(raw) > _MAX_LEN:
        return None
    text = raw.strip()
    match = _DMY.fullmatch(text)
    if match is not None:
        day, month, year_text = int(match[1]), int(match[3]), match[4]
        if len(year_text) == 2:
            return _two_digit_year(int(year_text), month, day, today)
        return _make(int(year_text), month, day, today)
    match = _YMD.fullmatch(text)
    if match is not None:
        return _make(int(match[1]), int(match[3]), int(match[4]), today)
    if _COMPACT.fullmatch(text) is not None:
        # yyyymmdd and ddmmyyyy can never both be valid within
        # [1890, today]: ddmmyyyy needs digits 5-6 in {18, 19, 20}, which is
        # never a month. So trying both is unambiguous.
        return _make(int(text[:4]), int(text[4:6]), int(text[6:]), today) or _make(
            int(text[4:]), int(text[2:4]), int(text[:2]), today
        )
    return None
