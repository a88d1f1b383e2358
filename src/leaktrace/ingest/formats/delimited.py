"""Delimited text (CSV and its relatives) with a header row."""

from __future__ import annotations

import csv
import itertools
from collections.abc import Iterator
from typing import TextIO

from leaktrace.errors import UnreadableFileError

__all__ = ["MAX_FIELD_CHARS", "read_delimited"]

MAX_FIELD_CHARS = 1 << 20
_DELIMITERS = ",;|\t:"


def _sniff_delimiter(first_line: str) -> str:
    counts = {d: first_line.count(d) for d in _DELIMITERS}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def read_delimited(stream: TextIO) -> tuple[list[str], Iterator[list[str]]]:
    """The header and an iterator over the rows; raises UnreadableFileError on broken input.

    ``stream`` should be opened with ``newline=""`` so quoted fields keep their line breaks.
    """
    csv.field_size_limit(MAX_FIELD_CHARS)
    first = stream.readline(MAX_FIELD_CHARS)
    if not first.strip():
        raise UnreadableFileError("the file is empty or starts with an empty line")
    reader = csv.reader(
        itertools.chain([first], stream), delimiter=_sniff_delimiter(first), strict=True
    )
    try:
        header = next(reader)
    except csv.Error as exc:
        raise UnreadableFileError(f"unparseable header ({exc})") from None

    def rows() -> Iterator[list[str]]:
        try:
            yield from reader
        except csv.Error as exc:
            raise UnreadableFileError(f"line {reader.line_num}: {exc}") from None

    return [h.strip() for h in header], rows()
