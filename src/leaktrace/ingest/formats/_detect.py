"""Which reader a decoded text needs, judged from its first lines, never from its file name.

* ``"json"``: the first non-blank character is ``[`` followed by a JSON value;
* ``"jsonl"``: the first non-blank character is ``{`` (JSON lines, or one pretty-printed
  document, which the JSON reader tells apart);
* ``"sql"``: the first statements, after comments, are SQL (``CREATE TABLE``, ``INSERT INTO``,
  ``COPY … FROM stdin``, ``SET``, ``LOCK TABLES``, ``/*!…*/`` …) and the sample holds a table
  definition or rows;
* ``"delimited"``: everything else (CSV and its relatives, plain lists).

XLSX never gets here: it is a zip, recognized by :mod:`leaktrace.ingest.sources` with the
magic-byte tests of :func:`detect_container` (compression and archives, judged before decoding).
"""

from __future__ import annotations

import re
from typing import Final

__all__ = ["detect_container", "detect_format", "unsupported_container"]

_UNSUPPORTED: Final = (
    (b"Rar!\x1a\x07", "RAR archives are not supported; extract it first"),
    (b"7z\xbc\xaf\x27\x1c", "7z archives are not supported; extract it first"),
    (b"\x28\xb5\x2f\xfd", "zstd compression is not supported; decompress it first"),
)
_JSON_ARRAY: Final = re.compile(r'\[\s*(?:[\[{"\]]|-?\d|true\b|false\b|null\b|$)')
_SQL_START: Final = re.compile(
    r"(?:CREATE|INSERT|REPLACE|COPY|SET|LOCK|UNLOCK|DROP|USE|BEGIN|START|COMMIT|ALTER|"
    r"PRAGMA|SELECT|DELIMITER|GRANT|REVOKE|TRUNCATE|COMMENT|\\connect)\b",
    re.IGNORECASE,
)
_SQL_DATA: Final = re.compile(
    r"^\s*(?:CREATE\s+(?:TEMPORARY\s+|UNLOGGED\s+)?TABLE|INSERT\s|REPLACE\s+INTO|COPY\s.*"
    r"FROM\s+stdin)",
    re.IGNORECASE | re.MULTILINE,
)
_SQL_COMMENT: Final = re.compile(r"\s*(?:--[^\n]*(?:\n|$)|#[^\n]*(?:\n|$)|/\*(?!!).*?\*/)", re.S)
_MYSQL_HINT: Final = re.compile(r"\s*/\*!")


def _first_statement(sample: str) -> str:
    pos = 0
    while True:
        m = _SQL_COMMENT.match(sample, pos)
        if m is None or m.end() == pos:
            break
        pos = m.end()
    return sample[pos:].lstrip()


def detect_format(sample: str) -> str:
    """``"json"``, ``"jsonl"``, ``"sql"`` or ``"delimited"`` for a text starting with ``sample``."""
    text = sample.lstrip("\ufeff \t\r\n")
    if text.startswith("{"):
        return "jsonl"
    if _JSON_ARRAY.match(text):
        return "json"
    first = _first_statement(text)
    if (_SQL_START.match(first) or _MYSQL_HINT.match(first)) and _SQL_DATA.search(sample):
        return "sql"
    return "delimited"


def detect_container(head: bytes) -> str:
    """``gzip``, ``bz2``, ``xz``, ``zip`` or ``tar`` judged from the first 512 bytes, or ``""``."""
    if head.startswith(b"\x1f\x8b"):
        return "gzip"
    if head[:3] == b"BZh" and head[3:4].isdigit():
        return "bz2"
    if head.startswith(b"\xfd7zXZ\x00"):
        return "xz"
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return "zip"
    if head[257:262] == b"ustar":
        return "tar"
    return ""


def unsupported_container(head: bytes) -> str:
    """Why a stream starting with ``head`` cannot be read (RAR, 7z, zstd), else ``""``."""
    return next((message for magic, message in _UNSUPPORTED if head.startswith(magic)), "")
