"""The vocabulary every reader shares: :class:`Table`, :class:`Limits`, errors and row bookkeeping.

Kept apart from ``formats/__init__`` so that :mod:`leaktrace.ingest.sources` and each reader can
import it without an import cycle through the package that dispatches between them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Final

from leaktrace.errors import UnreadableFileError

__all__ = [
    "TAINT",
    "ChunkBuffer",
    "Limits",
    "Table",
    "Tally",
    "clean_name",
    "fail",
    "fit",
]

#: Decoders mark bytes they could not decode as lone surrogates (see ``sources``); a cell holding
#: one cannot be encoded to UTF-8 later, so any row carrying one is rejected as "undecodable".
TAINT: Final = re.compile("[\ud800-\udfff]")

# Control characters, line separators and surrogates would break the "one line" promise of error
# messages; file and member names are the only variable text allowed in them.
_UNPRINTABLE: Final = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
_NAME_CHARS: Final = 200

# A file where rejected rows outnumber kept ones after this many rejects is not a messy file but
# the wrong reader or garbage: better one clear error than an ingest of noise.
_HOPELESS_AFTER: Final = 100


@dataclass
class Table:
    """One table of rows found in a file (a CSV, one SQL table, one sheet, one archive member).

    ``rows`` is a one-shot iterator; it may raise :class:`UnreadableFileError` while iterating.
    ``short_rows`` counts rows that had fewer cells than the header and were padded with ``""``
    (kept, not rejected); it is final once ``rows`` is exhausted. For JSON tables ``header`` may
    grow while iterating (a key first seen late is appended); every row has ``len(header)`` cells
    at the time it is yielded.
    """

    name: str
    format: str
    header: list[str] | None
    rows: Iterator[list[str]]
    encoding: str
    short_rows: int = 0


@dataclass(frozen=True)
class Limits:
    """Caps against hostile input; each violation raises :class:`UnreadableFileError`.

    ``max_line_bytes`` is checked on decoded characters (never more numerous than bytes) and
    also caps a multi-line quoted record, a SQL string and one JSON record.
    """

    max_line_bytes: int = 8 << 20
    max_columns: int = 2000
    max_json_depth: int = 64
    max_decompressed_bytes: int = 64 << 30
    max_compression_ratio: int = 1000
    max_zip_members: int = 1000


def clean_name(name: str) -> str:
    """``name`` made safe for a one-line message: no control characters, bounded length."""
    name = _UNPRINTABLE.sub("?", name)
    return name if len(name) <= _NAME_CHARS else name[: _NAME_CHARS - 3] + "..."


def fail(where: str, what: str) -> UnreadableFileError:
    """The one-line error for file ``where``; ``what`` must be a fixed text, never a cell."""
    return UnreadableFileError(f"{clean_name(where)}: {what}")


def fit(row: list[str], width: int) -> str | None:
    """Bring ``row`` to ``width`` cells in place: pad short rows, drop empty trailing extras.

    Returns ``None`` when the row now fits, ``"short"`` when it was padded and
    ``"too_many_fields"`` when non-empty cells remain past ``width`` (the row is misaligned:
    mapping its cells to columns would attach identifiers to the wrong person or class).
    """
    n = len(row)
    if n == width:
        return None
    if n < width:
        row.extend([""] * (width - n))
        return "short"
    while n > width and not row[n - 1].strip():
        n -= 1
    if n > width:
        return "too_many_fields"
    del row[n:]
    return None


class Tally:
    """Counts kept and rejected rows of one table; raises when the table is hopeless or empty."""

    __slots__ = ("kept", "name", "rejected", "rejects")

    def __init__(self, name: str, rejects: Counter[str]) -> None:
        self.name = name
        self.rejects = rejects
        self.kept = 0
        self.rejected = 0

    def reject(self, reason: str) -> None:
        self.rejects[reason] += 1
        self.rejected += 1
        if self.rejected >= _HOPELESS_AFTER and self.rejected > self.kept:
            raise fail(
                self.name,
                f"most rows are unreadable ({self.rejected} rejected, {self.kept} kept)",
            )

    def admit(self, status: str | None, table: Table) -> bool:
        """Count a row as :func:`fit` left it: True when it is kept (padded rows included)."""
        if status == "too_many_fields":
            self.reject(status)
            return False
        if status == "short":
            table.short_rows += 1
        self.kept += 1
        return True

    def done(self) -> None:
        if not self.kept:
            detail = f" ({self.rejected} unreadable)" if self.rejected else ""
            raise fail(self.name, f"no data rows{detail}")


class ChunkBuffer:
    """A sliding text buffer over chunks: what is consumed (before ``pos``) is dropped on refill.

    ``what`` names the unit being read ("SQL element", "JSON record") in the error raised when
    one would grow the buffer past ``limit``.
    """

    def __init__(self, chunks: Iterator[str], name: str, limit: int, what: str) -> None:
        self._chunks = chunks
        self.name = name
        self.limit = limit
        self._what = what
        self.buf = ""
        self.pos = 0
        self.eof = False

    def refill(self) -> bool:
        """Read one more chunk; False at end of text. Refuses to buffer past the limit."""
        if self.eof:
            return False
        if len(self.buf) - self.pos > self.limit:
            raise fail(self.name, f"a {self._what} is longer than {self.limit} bytes")
        chunk = next(self._chunks, None)
        if chunk is None:
            self.eof = True
        else:
            self.buf = self.buf[self.pos :] + chunk
            self.pos = 0
        return True
