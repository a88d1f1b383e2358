"""XLSX workbooks, through openpyxl in read-only mode: one Table per sheet that has rows.

Cells become strings: dates ``YYYY-MM-DD`` (a datetime with a time of day keeps it,
``YYYY-MM-DD HH:MM:SS``), integral numbers without ``.0`` (phone numbers and NIRs typed as
numbers stay whole), booleans ``true``/``false``, empty cells ``""``. Formulas give their cached
value. Empty rows are not rows; trailing empty cells are dropped, then rows are fitted to the
sheet's width like delimited rows. The header is detected as for delimited text (``._header``).

The sheet's declared dimension is ignored (it can claim a million columns) and the zip it lives
in was checked against the bomb limits before openpyxl sees it.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import Counter
from collections.abc import Iterator
from typing import IO, TYPE_CHECKING, Any, Final

from leaktrace.errors import UnreadableFileError
from leaktrace.ingest.formats._header import looks_like_header, table_width
from leaktrace.ingest.formats._types import TAINT, Limits, Table, Tally, fail, fit

if TYPE_CHECKING:
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

__all__ = ["cell_text", "read_xlsx_tables"]

_HEADER_ROWS: Final = 50


def cell_text(value: Any) -> str:
    """The string a spreadsheet cell value stands for."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e16:
        return str(int(value))
    return str(value)


def _sheet_rows(ws: ReadOnlyWorksheet, name: str) -> Iterator[list[str]]:
    try:
        # The stubs type iter_rows for Worksheet only; ReadOnlyWorksheet shares it at runtime.
        for values in ws.iter_rows(values_only=True):  # type: ignore[misc]
            row = [cell_text(v) for v in values]
            while row and not row[-1].strip():
                row.pop()
            if row:
                yield row
    except UnreadableFileError:
        raise
    except Exception:  # openpyxl on a corrupt sheet raises anything from KeyError to ParseError
        raise fail(name, "corrupt XLSX sheet") from None


def _rows(
    rows: Iterator[list[str]], width: int, limits: Limits, table: Table, tally: Tally
) -> Iterator[list[str]]:
    for row in rows:
        if any(TAINT.search(c) for c in row):
            tally.reject("undecodable")
            continue
        status = fit(row, width)
        if tally.admit(status, table):
            yield row
    tally.done()


def read_xlsx_tables(
    name: str, stream: IO[bytes], rejects: Counter[str], limits: Limits
) -> Iterator[Table]:
    """The sheets of the workbook in ``stream`` (seekable) that have at least one row."""
    try:
        # 0.1 s to import: only when a workbook shows up.
        import openpyxl
        from openpyxl.worksheet._read_only import ReadOnlyWorksheet

        workbook = openpyxl.load_workbook(stream, read_only=True, data_only=True)
    except UnreadableFileError:
        raise
    except Exception:
        raise fail(name, "unreadable or corrupt XLSX workbook") from None
    found = False
    try:
        for ws in workbook.worksheets:
            if not isinstance(ws, ReadOnlyWorksheet):
                continue
            ws.reset_dimensions()
            sheet = f"{name}:{ws.title}"
            rows = _sheet_rows(ws, sheet)
            sample = list(itertools.islice(rows, _HEADER_ROWS + 1))
            if not sample:
                continue
            if max(len(r) for r in sample) > limits.max_columns:
                raise fail(sheet, f"more than {limits.max_columns} columns")
            header = None
            if looks_like_header(sample[0], sample[1:]):
                header = [" ".join(c.split()) for c in sample.pop(0)]
            width = table_width(header, sample)
            if header is not None:
                header += [""] * (width - len(header))
            table = Table(sheet, "xlsx", header, iter(()), "utf-8")  # XML inside
            tally = Tally(sheet, rejects)
            table.rows = _rows(itertools.chain(sample, rows), width, limits, table, tally)
            found = True
            yield table
    finally:
        workbook.close()
    if not found:
        raise fail(name, "no rows in any sheet of the workbook")
