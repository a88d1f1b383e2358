"""JSON: JSON lines, an array of records, or one document whose arrays hold the records.

Flattening: nested objects become dotted paths (``patient.contact.email``) and lists become
indexed paths (``phones.0``, ``phones.1``), so that every phone of a list stays its own
identifier cell; a record that is not an object is a one-column ``value`` row (scalar) or indexed
columns (list). ``null`` is ``""``, booleans ``true``/``false``, integral floats print without
``.0``. Nesting deeper than ``max_json_depth`` raises.

Header: the paths of the first 1000 records, in order of appearance. A path first seen later is
appended to ``Table.header`` (the same list object grows) and rows are always as long as the
header when yielded; earlier rows are not revisited. More than ``max_columns`` paths raises; a
single record with more is rejected (``too_many_fields``).

Streaming: JSON lines are read one line at a time; a line that does not parse is rejected
(``unparseable``). Arrays are decoded one element at a time from a sliding buffer; an element
longer than ``max_line_bytes`` or broken JSON inside an array raises (there is no safe place to
resume). A document ``{…}`` is walked key by key (three levels deep): each array found becomes a
Table named ``"<file>:<path>"`` (``dump.json:hits.hits``); other values are metadata, skipped.
"""

from __future__ import annotations

import itertools
import json
from collections import Counter
from collections.abc import Iterator
from typing import Any, Final

from leaktrace.ingest.formats._text import TextSource
from leaktrace.ingest.formats._types import TAINT, ChunkBuffer, Limits, Table, Tally, fail

__all__ = ["flatten", "read_json_tables"]

_SAMPLE_RECORDS: Final = 1000
_DOCUMENT_DEPTH: Final = 3
_PROBE_LINES: Final = 5
_DECODER: Final = json.JSONDecoder()
_WHITESPACE: Final = " \t\r\n"


class _TooWide(Exception):
    pass


def _scalar(value: Any) -> str:
    if value is None:
        return ""
    if value is True or value is False:
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e16:
        return str(int(value))
    return str(value)


def flatten(value: Any, limits: Limits, name: str) -> dict[str, str]:
    """``value`` as ``{path: cell}``; raises past the depth limit."""
    out: dict[str, str] = {}

    def walk(node: Any, path: str, depth: int) -> None:
        if depth > limits.max_json_depth:
            raise fail(name, f"JSON nested deeper than {limits.max_json_depth} levels")
        if isinstance(node, dict):
            items: Any = node.items()
        elif isinstance(node, list):
            items = enumerate(node)
        else:
            out[path or "value"] = _scalar(node)
            if len(out) > limits.max_columns:
                raise _TooWide
            return
        for key, child in items:
            walk(child, f"{path}.{key}" if path else str(key), depth + 1)

    walk(value, "", 0)
    return out


class _Stream(ChunkBuffer):
    """A sliding buffer over text chunks from which JSON values are decoded one at a time."""

    def __init__(self, source: TextSource) -> None:
        super().__init__(source.chunks(), source.name, source.limits.max_line_bytes, "JSON record")
        self.depth = source.limits.max_json_depth

    def peek(self) -> str:
        """The next non-blank character, not consumed; ``""`` at the end."""
        while True:
            while self.pos < len(self.buf) and self.buf[self.pos] in _WHITESPACE:
                self.pos += 1
            if self.pos < len(self.buf):
                return self.buf[self.pos]
            if not self.refill():
                return ""

    def take(self, expected: str) -> str:
        char = self.peek()
        if not char or char not in expected:
            raise fail(self.name, f"invalid JSON (expected one of {expected!r})")
        self.pos += 1
        return char

    def value(self) -> Any:
        self.peek()
        while True:
            try:
                obj, end = _DECODER.raw_decode(self.buf, self.pos)
            except RecursionError:
                raise fail(self.name, f"JSON nested deeper than {self.depth} levels") from None
            except ValueError:
                if self.refill():
                    continue
                raise fail(self.name, "invalid or truncated JSON") from None
            if end == len(self.buf) and self.refill():
                continue  # a number may go on in the next chunk
            self.pos = end
            return obj

    def array(self) -> Iterator[Any]:
        self.take("[")
        if self.peek() == "]":
            self.pos += 1
            return
        while True:
            yield self.value()
            if self.take(",]") == "]":
                return

    def arrays(self, path: str, depth: int) -> Iterator[tuple[str, Iterator[Any]]]:
        """Every array inside the object starting here, with its dotted path."""
        self.take("{")
        if self.peek() == "}":
            self.pos += 1
            return
        while True:
            key = self.value()
            self.take(":")
            sub = f"{path}.{key}" if path else str(key)
            char = self.peek()
            if char == "[":
                yield sub, self.array()
            elif char == "{" and depth < _DOCUMENT_DEPTH:
                yield from self.arrays(sub, depth + 1)
            else:
                self.value()
            if self.take(",}") == "}":
                return


def _flat(
    records: Iterator[Any], source: TextSource, name: str, tally: Tally
) -> Iterator[dict[str, str]]:
    for record in records:
        try:
            flat = flatten(record, source.limits, name)
        except _TooWide:
            tally.reject("too_many_fields")
            continue
        if any(TAINT.search(k) or TAINT.search(v) for k, v in flat.items()):
            tally.reject("undecodable")
            continue
        tally.kept += 1
        yield flat


def _emit(
    records: Iterator[dict[str, str]], header: list[str], limit: int, name: str, tally: Tally
) -> Iterator[list[str]]:
    index = {key: i for i, key in enumerate(header)}
    for record in records:
        for key in record:
            if key not in index:
                if len(header) >= limit:
                    raise fail(name, f"more than {limit} distinct JSON paths (columns)")
                index[key] = len(header)
                header.append(key)
        row = [""] * len(header)
        for key, cell in record.items():
            row[index[key]] = cell
        yield row
    tally.done()


def _table(name: str, fmt: str, records: Iterator[Any], source: TextSource, tally: Tally) -> Table:
    flat = _flat(records, source, name, tally)
    sample = list(itertools.islice(flat, _SAMPLE_RECORDS))
    header: list[str] = list(dict.fromkeys(key for record in sample for key in record))
    limit = source.limits.max_columns
    if len(header) > limit:
        raise fail(name, f"more than {limit} distinct JSON paths (columns)")
    table = Table(name, fmt, header, iter(()), source.encoding)
    table.rows = _emit(itertools.chain(sample, flat), header, limit, name, tally)
    return table


def _lines(source: TextSource, tally: Tally) -> Iterator[Any]:
    for line in source.lines():
        text = line.strip()
        if not text:
            continue
        try:
            yield json.loads(text)
        except RecursionError:
            raise fail(
                source.name, f"JSON nested deeper than {source.limits.max_json_depth} levels"
            ) from None
        except ValueError:
            tally.reject("unparseable")


def _is_json_lines(sample: str) -> bool:
    """The first line is a whole JSON object or array and the next starts another one; or,
    past a damaged first line, two of the first five lines are whole on their own."""
    lines = [line for line in sample.splitlines() if line.strip()][:_PROBE_LINES]
    whole = []
    for line in lines:
        try:
            whole.append(isinstance(json.loads(line), dict | list))
        except (ValueError, RecursionError):
            whole.append(False)
    if len(lines) >= 2 and whole[0] and lines[1][:1] in ("{", "["):
        return True
    return sum(whole) >= 2


def read_json_tables(source: TextSource, rejects: Counter[str], fmt: str) -> Iterator[Table]:
    """Tables of a JSON text; ``fmt`` is what :func:`._detect.detect_format` said."""
    if _is_json_lines(source.sample):
        tally = Tally(source.name, rejects)
        yield _table(source.name, "jsonl", _lines(source, tally), source, tally)
        return
    stream = _Stream(source)
    if fmt == "json":
        while stream.peek() == "[":  # concatenated arrays: one table each
            items = stream.array()
            tally = Tally(source.name, rejects)
            yield _table(source.name, "json", items, source, tally)
            for _ in items:
                pass
        if stream.peek():
            raise fail(source.name, "unexpected data after the JSON array")
        return
    found = False
    for path, items in stream.arrays("", 0):
        name = f"{source.name}:{TAINT.sub(chr(0xFFFD), path)}"
        found = True
        yield _table(name, "json", items, source, Tally(name, rejects))
        for _ in items:
            pass
    if not found:
        raise fail(source.name, "no array of records in this JSON document")
    if stream.peek():
        raise fail(source.name, "unexpected data after the JSON document")
