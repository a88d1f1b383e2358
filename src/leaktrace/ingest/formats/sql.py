"""SQL dumps: the rows of ``INSERT … VALUES`` and ``COPY … FROM stdin``, one Table per table.

Understood: mysqldump/MariaDB (backtick names, multi-row extended inserts, ``\\'`` and ``''``
escapes, ``_binary '…'``, ``/*!…*/``), pg_dump (``"quoted"`` names, ``COPY`` blocks with ``\\N``
and backslash escapes ending at ``\\.``, ``--inserts`` output) and SQLite ``.dump``. Column
names come from the ``INSERT``/``COPY`` column list, else from the table's ``CREATE TABLE``; a
table with neither gets ``header=None``. ``NULL`` becomes ``""``; numbers keep their text;
any other expression (a function call, a cast) keeps its SQL text.

Tables are named ``"<file>:<table>"`` (schema dropped) and yielded when their first row is met;
rows of a table split by another table's rows, or inserted with another column list, come as a
second Table of the same name. A tuple
that cannot be parsed is rejected (``unparseable``) and the rest of its statement skipped; an
undecodable byte rejects the row (``undecodable``) unless it sits in a ``_binary`` string, where
it becomes U+FFFD. An unterminated string or a dump cut mid-statement raises.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterator
from typing import Final

from leaktrace.ingest.formats import _sqllex as q
from leaktrace.ingest.formats._text import TextSource
from leaktrace.ingest.formats._types import TAINT, Table, Tally, fail, fit

__all__ = ["read_sql_tables"]

_MYSQL_MARKERS: Final = re.compile(r"`|/\*!|mysqldump|MariaDB|\\'")
_STANDARD_MARKERS: Final = re.compile(
    r"PostgreSQL|standard_conforming_strings|pg_catalog|PRAGMA|^COPY\s", re.MULTILINE
)
_V_MYSQL: Final = r"(_[A-Za-z0-9]+\s*)?'((?:[^'\\]++|\\.|'')*+)'|(NULL)|(-?[0-9][0-9.eE+-]*)"
_V_STANDARD: Final = r"()'((?:[^']++|'')*+)'|(NULL)|(-?[0-9][0-9.eE+-]*)"
Event = tuple[str, list[str] | None, list[str] | str]  # (table, header, row or reject reason)


class _Dump:
    def __init__(self, source: TextSource) -> None:
        backslash = bool(_MYSQL_MARKERS.search(source.sample)) or not _STANDARD_MARKERS.search(
            source.sample
        )
        limits = source.limits
        self.lex = q.Lexer(source.chunks(), source.name, limits.max_line_bytes, backslash)
        self.name = source.name
        self.max_columns = limits.max_columns
        value = _V_MYSQL if backslash else _V_STANDARD
        plain = re.sub(r"\((?!\?)", "(?:", value)  # the same alternatives, without groups
        self._fast = re.compile(rf"\s*\(\s*(?:(?:{plain})\s*,\s*)*(?:{plain})\s*\)", re.S)
        self._value = re.compile(value, re.S)
        self._columns: dict[str, list[str]] = {}
        self._headers: dict[tuple[str, ...], list[str]] = {}

    def events(self) -> Iterator[Event]:
        lex = self.lex
        while True:
            kind, text = lex.next()
            if kind == "eof":
                return
            word = text.upper() if kind == "word" else ""
            if word in ("INSERT", "REPLACE"):
                yield from self._insert()
            elif word == "COPY":
                yield from self._copy()
            elif word == "CREATE":
                self._create()
            elif text != ";":
                self._skip()

    def _skip(self) -> None:
        depth = 0
        while True:
            kind, text = self.lex.next()
            if kind == "eof" or (kind == "op" and text == ";" and depth <= 0):
                return
            if kind == "op":
                depth += (text == "(") - (text == ")")

    def _qualified_name(self) -> str | None:
        name = None
        while True:
            kind, text = self.lex.next()
            if kind not in ("ident", "word", "str"):
                self.lex.push((kind, text))
                return name
            name = q.unquote(kind, text)
            token = self.lex.next()
            if token != ("op", "."):
                self.lex.push(token)
                return name

    def _names(self) -> list[str]:
        """An identifier list after its ``(``, up to and including its ``)``."""
        names: list[str] = []
        while True:
            kind, text = self.lex.next()
            if kind == "eof" or (kind == "op" and text in ");"):
                if text == ";":
                    self.lex.push((kind, text))
                return names
            if kind != "op":
                names.append(q.unquote(kind, text))

    def _header(self, table: str, names: list[str] | None) -> list[str] | None:
        names = names or self._columns.get(table.lower())
        if not names:
            return None
        names = [TAINT.sub("\ufffd", n) for n in names]  # names are shown, so must encode
        if len(names) > self.max_columns:
            raise fail(self.name, f"more than {self.max_columns} columns")
        return self._headers.setdefault((table, *names), names)  # one list object per header

    def _insert(self) -> Iterator[Event]:
        lex = self.lex
        kind, text = lex.next()
        while kind == "word" and text.upper() in q.INSERT_WORDS:
            kind, text = lex.next()
        lex.push((kind, text))
        table = self._qualified_name()
        kind, text = lex.next()
        names = None
        if text == "(" and kind == "op":
            names = self._names()
            kind, text = lex.next()
        if table is None or kind != "word" or text.upper() not in ("VALUES", "VALUE"):
            lex.push((kind, text))
            self._skip()
            return
        header = self._header(table, names)
        while True:
            row = self._tuple()
            yield (table, header, row)
            if row == "unparseable":
                self._skip()
                return
            kind, text = lex.next()
            if kind == "eof" or text == ";":
                return
            if text != ",":
                lex.push((kind, text))  # ON DUPLICATE KEY UPDATE …, RETURNING …
                self._skip()
                return

    def _tuple(self) -> list[str] | str:
        m = self.lex.match(self._fast)
        if m is None:
            token = self.lex.next()
            if token != ("op", "("):
                self.lex.push(token)
                return "unparseable"
            return self._slow_tuple()
        backslash = self.lex.backslash
        found = self._value.findall(m.group())
        row = [
            num
            if null or num
            else q.unescape(body, backslash)
            if "\\" in body or "'" in body
            else body
            for _, body, null, num in found
        ]
        if TAINT.search(m.group()):
            for i, (intro, *_) in enumerate(found):
                if not TAINT.search(row[i]):
                    continue
                if not intro.startswith("_binary"):
                    return "undecodable"
                # Blobs may hold any bytes; text cells are where identifiers would be lost.
                row[i] = TAINT.sub("\ufffd", row[i])
        return row

    def _slow_tuple(self) -> list[str] | str:
        values: list[str] = []
        current: list[q.Token] = []
        depth = 1
        while True:
            kind, text = self.lex.next()
            if kind == "eof":
                raise fail(self.name, "truncated SQL dump (inside a row of values)")
            if kind == "op":
                if text == ";":
                    self.lex.push((kind, text))
                    return "unparseable"
                depth += (text == "(") - (text == ")")
                if depth == 0 or (depth == 1 and text == ","):
                    values.append(q.literal(current, self.lex.backslash))
                    current = []
                    if depth == 0:
                        return values if not any(TAINT.search(v) for v in values) else "undecodable"
                    continue
            if len(current) <= self.max_columns:
                current.append((kind, text))

    def _create(self) -> None:
        lex = self.lex
        kind, text = lex.next()
        while kind == "word" and text.upper() in q.CREATE_WORDS:
            kind, text = lex.next()
        if kind != "word" or text.upper() != "TABLE":
            lex.push((kind, text))
            self._skip()
            return
        kind, text = lex.next()
        if kind == "word" and text.upper() == "IF":
            lex.next(), lex.next()  # NOT EXISTS
        else:
            lex.push((kind, text))
        table = self._qualified_name()
        if table is None or lex.next() != ("op", "("):
            self._skip()
            return
        columns: list[str] = []
        depth, at_start = 1, True
        while depth > 0:
            kind, text = lex.next()
            if kind == "eof" or (kind == "op" and text == ";"):
                return
            if kind == "op":
                depth += (text == "(") - (text == ")")
                at_start = at_start or (depth == 1 and text == ",")
                continue
            if at_start and depth == 1 and text.upper() not in q.CONSTRAINTS:
                columns.append(q.unquote(kind, text))
            at_start = False
        if columns:
            self._columns[table.lower()] = columns
        self._skip()

    def _copy(self) -> Iterator[Event]:
        lex = self.lex
        table = self._qualified_name()
        token = lex.next()
        names = None
        if token == ("op", "("):
            names = self._names()
            token = lex.next()
        source = lex.next()
        if table is None or token[1].upper() != "FROM" or source[1].upper() != "STDIN":
            lex.push(source)
            self._skip()
            return
        self._skip()  # options up to the ';'
        lex.readline()  # the end of the COPY line; data starts on the next one
        header = self._header(table, names)
        while True:
            line = lex.readline()
            if line is None:
                raise fail(self.name, "truncated SQL dump (COPY data without its end marker)")
            line = line[:-1] if line.endswith("\n") else line
            line = line[:-1] if line.endswith("\r") else line
            if line == "\\.":
                return
            if TAINT.search(line):
                yield (table, header, "undecodable")
                continue
            yield (table, header, q.copy_row(line))


def _rows(
    events: Iterator[Event], width: int | None, max_columns: int, table: Table, tally: Tally
) -> Iterator[list[str]]:
    for _, _, row in events:
        if isinstance(row, str):
            tally.reject(row)
            continue
        if width is None and len(row) <= max_columns:
            width = len(row)
        status = fit(row, width) if width is not None else "too_many_fields"
        if tally.admit(status, table):
            yield row
    tally.done()


def read_sql_tables(source: TextSource, rejects: Counter[str]) -> Iterator[Table]:
    """One Table per run of rows of the same SQL table, in dump order."""
    dump = _Dump(source)
    found = False
    for (table, _), group in itertools.groupby(dump.events(), key=lambda e: (e[0], id(e[1]))):
        events = iter(group)
        first = next(events)
        header = first[1]
        name = f"{source.name}:{TAINT.sub(chr(0xFFFD), table)}"
        result = Table(name, "sql", list(header) if header else None, iter(()), source.encoding)
        width = len(header) if header else None
        tally = Tally(name, rejects)
        result.rows = _rows(
            itertools.chain([first], events), width, source.limits.max_columns, result, tally
        )
        found = True
        yield result
    if not found:
        raise fail(source.name, "no INSERT or COPY rows in this SQL dump")
