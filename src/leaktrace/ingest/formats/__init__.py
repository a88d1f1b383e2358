"""Readers for every leak format, behind one entry point: :func:`read_tables`.

``read_tables(path, rejects)`` opens a file, undoes its compression and archives
(:mod:`leaktrace.ingest.sources`), decodes its text (:mod:`._text`), recognizes its format from
the content (:mod:`._detect`) and yields one :class:`Table` per table found: a delimited text, each
table of a SQL dump, each array of a JSON document, each sheet of a workbook, for every member of
an archive. Rows stream; nothing is loaded whole.

Failures of the file as a whole raise :class:`~leaktrace.errors.UnreadableFileError` with one line
that never quotes a cell; they may come while iterating rows, so the caller must treat a file as
ingested only once every table's rows are exhausted. Rows that cannot be read are skipped and
counted in ``rejects`` under a short reason:

* ``undecodable``: a byte that the detected encoding cannot decode;
* ``unparseable``: broken quoting, a line of JSON or a SQL tuple that does not parse;
* ``too_many_fields``: non-empty cells beyond the table's width.

Rows shorter than the header are kept, padded with ``""`` and counted in ``Table.short_rows``.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

from leaktrace.ingest.formats._detect import detect_format
from leaktrace.ingest.formats._text import SAMPLE_BYTES, open_text
from leaktrace.ingest.formats._types import Limits, Table, fail
from leaktrace.ingest.formats.delimited import read_delimited_tables
from leaktrace.ingest.formats.jsonl import read_json_tables
from leaktrace.ingest.formats.sql import read_sql_tables
from leaktrace.ingest.formats.xlsx import read_xlsx_tables

__all__ = ["Limits", "Table", "read_tables"]


def read_tables(
    path: Path,
    rejects: Counter[str],
    *,
    limits: Limits = Limits(),  # noqa: B008 -- frozen, so one shared default is safe
    on_bytes: Callable[[int], None] | None = None,
) -> Iterator[Table]:
    """Every table in the file at ``path``; see the module documentation."""
    from leaktrace.ingest.sources import open_members  # sources imports this package's parts

    found = False
    with open_members(path, limits, on_bytes) as members:
        for member in members:
            if member.kind == "xlsx":
                tables = read_xlsx_tables(member.name, member.stream, rejects, limits)
            else:
                assert member.layer is not None
                head = member.layer.head(SAMPLE_BYTES)
                source = open_text(member.name, head, member.stream, limits)
                fmt = detect_format(source.sample)
                if fmt == "sql":
                    tables = read_sql_tables(source, rejects)
                elif fmt in ("json", "jsonl"):
                    tables = read_json_tables(source, rejects, fmt)
                else:
                    tables = read_delimited_tables(source, rejects)
            for table in tables:
                found = True
                yield table
    if not found:
        raise fail(path.name, "no table found (empty archive?)")
