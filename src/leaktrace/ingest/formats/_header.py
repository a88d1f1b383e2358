"""Is the first row a header? Shared by the delimited and XLSX readers.

The rule: the first row is a header when

1. each of its cells looks like a name: not an e-mail, phone, NIR, date or number, at least half
   letters, at most 64 characters (at most one cell, or 10 %, may be empty: an index column);
2. its non-empty cells are distinct (case-insensitively) and none reappears in its column below;
3. and it differs in shape from the rows after it: some column whose first cell is a name holds
   mostly identifiers, dates, numbers or long text below it. When every column holds words
   below as well (a list of names and cities), the first row is a header only if it is styled
   like one (all capitals or ``snake_case``) while the data is not.

A single row of names is a header (the file then has no data rows). Anything else is data and
the table gets ``header=None``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from typing import Final

from leaktrace.identifiers import normalize, parse_date

__all__ = ["cell_shape", "looks_like_header", "table_width"]

_MAX_NAME: Final = 64
_NUMBER: Final = re.compile(r"[-+]?[0-9][0-9 .,]*(?:[eE][-+]?[0-9]+)?%?")
_PHONE_DIGITS: Final = 6


def cell_shape(cell: str) -> str:
    """A coarse class of a cell: ``empty``, ``date``, ``email``, ``nir``, ``phone``,
    ``number``, ``text`` (long), ``word`` (mostly letters) or ``other``."""
    s = cell.strip()
    if not s:
        return "empty"
    if len(s) > _MAX_NAME:
        return "text"
    if parse_date(s) is not None:
        return "date"
    if "@" in s:
        return "email" if normalize("email", s) is not None else "other"
    if sum(ch.isdigit() for ch in s) >= _PHONE_DIGITS:
        if normalize("nir", s) is not None:
            return "nir"
        if normalize("phone", s) is not None:
            return "phone"
    if _NUMBER.fullmatch(s):
        return "number"
    letters = sum(ch.isalpha() for ch in s)
    if letters and 2 * letters >= len(s) - s.count(" "):
        return "word"
    return "other"


def _styled(cell: str) -> bool:
    return cell.isupper() or "_" in cell


def looks_like_header(first: Sequence[str], rest: Sequence[Sequence[str]]) -> bool:
    """Whether ``first`` is a header row, judged against the following rows ``rest``."""
    cells = [c.strip() for c in first]
    named = [(j, c) for j, c in enumerate(cells) if c]
    if not named or len(cells) - len(named) > max(1, len(cells) // 10):
        return False
    if any(cell_shape(c) != "word" for _, c in named):
        return False
    if len({c.casefold() for _, c in named}) != len(named):
        return False
    rest = [r for r in rest if [c.strip() for c in r] != cells]  # concatenated exports
    if not rest:
        return True
    columns = {j: [r[j].strip() for r in rest if j < len(r) and r[j].strip()] for j, _ in named}
    if any(c in columns[j] for j, c in named):
        return False  # a name is never also a value of its own column ("M" under "M")
    for values in columns.values():
        if values and 2 * sum(cell_shape(v) != "word" for v in values) >= len(values):
            return True
    data = [v for values in columns.values() for v in values]
    return all(_styled(c) for _, c in named) and not all(_styled(v) for v in data)


def table_width(header: Sequence[str] | None, data: Sequence[Sequence[str]]) -> int:
    """Cells per row: the header's, or wider, the last column holding data in ``data``.

    Rows longer than the most common length are ignored here: they are the broken ones.
    """
    lengths = Counter(len(r) for r in data)
    mode = lengths.most_common(1)[0][0] if lengths else 0
    used = max(
        (
            max((j + 1 for j, c in enumerate(r) if c.strip()), default=0)
            for r in data
            if len(r) <= mode
        ),
        default=1,
    )
    return max(len(header) if header else 0, used, 1)
