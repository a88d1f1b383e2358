"""Delimited text (CSV and its relatives): sniffed delimiter, optional header, broken quoting.

* Delimiter: one of ``, ; TAB | :``, the one whose field count is most consistent over the
  sample's first 500 records (parsed with quoting, so quoted delimiters and line breaks do not
  count), then the one giving more fields, then the order above. An Excel ``sep=X`` first line
  is obeyed and skipped. No candidate splitting the lines means a one-column file.
* Header: see :mod:`._header`. Width: the header's (trailing empty names dropped) or, wider, the
  last column with data in the sample.
* Rows: short rows are padded (counted in ``Table.short_rows``); extra empty trailing cells are
  dropped; extra non-empty cells reject the row (``too_many_fields``); blank lines are not rows,
  nor are copies of the header row (concatenated exports repeat it).
* Broken quoting: a record spanning several lines whose field count is wrong, or one still open
  after 256 lines or ``max_line_bytes``, is an unterminated quote: its first line is rejected
  (``unparseable``) and parsing restarts on the next line. A row with an undecodable byte is
  rejected (``undecodable``).
"""

from __future__ import annotations

import csv
import io
import itertools
from collections import Counter
from collections.abc import Iterator
from typing import Final

from leaktrace.ingest.formats._header import looks_like_header, table_width
from leaktrace.ingest.formats._text import TextSource
from leaktrace.ingest.formats._types import TAINT, Table, Tally, fail, fit

__all__ = ["MAX_FIELD_CHARS", "read_delimited_tables", "sniff_delimiter"]

MAX_FIELD_CHARS = 1 << 20
_DELIMITERS: Final = ",;\t|:"
_SNIFF_RECORDS: Final = 500
_HEADER_ROWS: Final = 50
_MAX_RECORD_LINES: Final = 256


class _Runaway(Exception):
    """A record that keeps swallowing lines: an unterminated quote."""


def _records(sample: str, delimiter: str, complete: bool) -> list[list[str]]:
    """The sample's first non-blank records (up to a parse error, which ``_rows`` will skip)."""
    reader = csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter)
    rows: list[list[str]] = []
    try:
        for row in itertools.islice(reader, _SNIFF_RECORDS):
            if row and "".join(row).strip():
                rows.append(row)
    except csv.Error:
        complete = False
    if not complete and len(rows) > 1:
        rows.pop()  # the sample may end inside this one
    return rows


def sniff_delimiter(sample: str, complete: bool = False) -> str:
    """The delimiter of a delimited text starting with ``sample``."""
    best, best_key = ",", (0.0, 1, 0)
    for rank, delimiter in enumerate(_DELIMITERS):
        counts = Counter(len(r) for r in _records(sample, delimiter, complete))
        if not counts:
            continue
        width, freq = counts.most_common(1)[0]
        key = (round(freq / sum(counts.values()), 1), width, -rank)
        if width >= 2 and key > best_key:
            best, best_key = delimiter, key
    return best


class _Feeder:
    """Lines for ``csv.reader``, remembering the current record's lines so it can be replayed."""

    __slots__ = ("_lines", "_pending", "chars", "limit", "record", "tainted")

    def __init__(self, lines: Iterator[str], limit: int) -> None:
        self._lines = lines
        self._pending: list[str] = []
        self.record: list[str] = []
        self.chars = 0
        self.limit = limit
        self.tainted = False

    def __iter__(self) -> _Feeder:
        return self

    def __next__(self) -> str:
        line = self._pending.pop() if self._pending else next(self._lines)
        self.record.append(line)
        self.chars += len(line)
        if TAINT.search(line):
            self.tainted = True
        if len(self.record) > _MAX_RECORD_LINES or self.chars > self.limit:
            raise _Runaway
        return line

    def next_record(self) -> int:
        n = len(self.record)
        self.record.clear()
        self.chars = 0
        self.tainted = False
        return n

    def resync(self) -> None:
        """Drop the current record's first line and replay the others."""
        self._pending.extend(reversed(self.record[1:]))
        self.next_record()


def _rows(
    source: TextSource,
    delimiter: str,
    skip: int,
    width: int,
    repeated: list[str] | None,
    table: Table,
    tally: Tally,
) -> Iterator[list[str]]:
    limits = source.limits
    feeder = _Feeder(source.lines(), limits.max_line_bytes)
    reader = csv.reader(feeder, delimiter=delimiter)
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except (csv.Error, _Runaway):
            tally.reject("unparseable")
            feeder.resync()
            reader = csv.reader(feeder, delimiter=delimiter)
            continue
        if not row or (not row[0].strip() and not "".join(row).strip()):
            feeder.next_record()
            continue
        if skip or row == repeated:
            skip -= skip > 0
            feeder.next_record()
            continue
        if feeder.tainted:
            feeder.next_record()
            tally.reject("undecodable")
            continue
        status = fit(row, width) if len(row) != width else None
        if status is not None and (
            len(feeder.record) > 1 or any(c.endswith(("\n", "\r")) for c in row)
        ):
            # A record of the wrong width spanning lines (or holding its own line end: the file
            # ended inside quotes) is an unterminated quote that ate rows.
            tally.reject("unparseable")
            feeder.resync()
            reader = csv.reader(feeder, delimiter=delimiter)
            continue
        feeder.next_record()
        if tally.admit(status, table):
            yield row
    tally.done()


def read_delimited_tables(source: TextSource, rejects: Counter[str]) -> Iterator[Table]:
    """The one table of a delimited text."""
    limits = source.limits
    csv.field_size_limit(max(csv.field_size_limit(), limits.max_line_bytes))
    sample, skip = source.sample, 0
    delimiter = ""
    if sample[:4].lower() == "sep=" and sample[5:6] in ("\r", "\n"):
        delimiter, skip = sample[4], 1
        sample = sample[6:]
    delimiter = delimiter or sniff_delimiter(sample, source.complete)
    records = _records(sample, delimiter, source.complete)
    if not records:
        raise fail(source.name, "empty file or no data rows")
    if max(len(r) for r in records[:_HEADER_ROWS]) > limits.max_columns:
        raise fail(source.name, f"more than {limits.max_columns} columns")
    header: list[str] | None = None
    if looks_like_header(records[0], records[1:_HEADER_ROWS]):
        header = [" ".join(TAINT.sub("\ufffd", c).split()) for c in records[0]]
        while header and not header[-1]:
            header.pop()
        skip += 1
    width = table_width(header, records[1:] if header is not None else records)
    if header is not None:
        header += [""] * (width - len(header))
    table = Table(source.name, "delimited", header, iter(()), source.encoding)
    repeated = records[0] if header is not None else None
    tally = Tally(source.name, rejects)
    table.rows = _rows(source, delimiter, skip, width, repeated, table, tally)
    yield table
