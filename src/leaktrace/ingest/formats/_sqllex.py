"""A streaming tokenizer for SQL dumps: a sliding buffer over text chunks, regex tokens.

Statements are never loaded whole: the buffer holds the unread part of the current chunk plus
whatever one token needs, and a single token (a string literal, a comment) longer than
``max_line_bytes`` is refused. Two dialects of string literals:

* MySQL (``backslash=True``): ``\\'``, ``\\\\``, ``\\n``… escapes and ``''``; ``"…"`` is a string;
* standard (PostgreSQL, SQLite): only ``''``; backslashes are literal except in ``E'…'``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from leaktrace.ingest.formats._types import ChunkBuffer, fail

__all__ = [
    "CONSTRAINTS",
    "CREATE_WORDS",
    "INSERT_WORDS",
    "Lexer",
    "Token",
    "copy_row",
    "literal",
    "unescape",
    "unquote",
]

Token = tuple[str, str]  # (kind, text); kinds: str ident word num op eof

_COMMON_HEAD: Final = r"""
 (?P<ws>\s+)
|(?P<comment>--[^\n]*(?:\n|\Z)|\#[^\n]*(?:\n|\Z)|/\*.*?\*/)
"""
_COMMON_TAIL: Final = r"""
|(?P<ident>`(?:[^`]++|``)*+`)
|(?P<dollar>\$(?:[A-Za-z_][A-Za-z0-9_]*)?\$)
|(?P<word>[A-Za-z_][A-Za-z0-9_$]*)
|(?P<num>(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?)
|(?P<open>['"`]|/\*)
|(?P<op>.)
"""
_MYSQL: Final = re.compile(
    _COMMON_HEAD
    + r"""
|(?P<str>[NnXxBb]?'(?:[^'\\]++|\\.|'')*+'|"(?:[^"\\]++|\\.|"")*+")
"""
    + _COMMON_TAIL,
    re.S | re.X,
)
_STANDARD: Final = re.compile(
    _COMMON_HEAD
    + r"""
|(?P<str>[NnXxBb]?'(?:[^']++|'')*+'|[Ee]'(?:[^'\\]++|\\.|'')*+')
|(?P<dq>"(?:[^"]++|"")*+")
"""
    + _COMMON_TAIL,
    re.S | re.X,
)
_MYSQL_ESCAPES: Final = {"0": "\0", "b": "\b", "n": "\n", "r": "\r", "t": "\t", "Z": "\x1a"}
_ESCAPES: Final = {q: re.compile(rf"\\(.)|{q}{q}", re.S) for q in "'\""}
_REFILL_AHEAD: Final = 64 << 10
_COPY_ESCAPE: Final = re.compile(r"\\(?:([0-7]{1,3})|x([0-9A-Fa-f]{1,2})|(.))", re.S)
_COPY_CHARS: Final = {"b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v"}

# fmt: off
INSERT_WORDS: Final = frozenset((
    "LOW_PRIORITY", "DELAYED", "HIGH_PRIORITY", "IGNORE", "INTO", "OR", "REPLACE", "ROLLBACK",
    "ABORT", "FAIL",
))
CREATE_WORDS: Final = frozenset((
    "TEMPORARY", "TEMP", "UNLOGGED", "GLOBAL", "LOCAL", "OR", "REPLACE",
))
#: Words that open a table element that is not a column.
CONSTRAINTS: Final = frozenset((
    "PRIMARY", "KEY", "UNIQUE", "INDEX", "CONSTRAINT", "FOREIGN", "FULLTEXT", "SPATIAL", "CHECK",
    "EXCLUDE", "LIKE", "PERIOD",
))
# fmt: on


def _escape(m: re.Match[str]) -> str:
    ch = m.group(1)
    if ch is None:
        return m.group()[0]
    if ch in "%_":  # MySQL keeps the backslash of \% and \_ (LIKE wildcards)
        return "\\" + ch
    return _MYSQL_ESCAPES.get(ch, ch)


def unescape(body: str, backslash: bool, quote: str = "'") -> str:
    """The value of a string literal's ``body`` (between its ``quote`` characters)."""
    if backslash:
        return _ESCAPES[quote].sub(_escape, body) if "\\" in body or quote in body else body
    return body.replace(quote + quote, quote)


def unquote(kind: str, text: str) -> str:
    """An identifier without its quotes (backticks, double quotes), doubled quotes undone."""
    if kind in ("ident", "str") and len(text) >= 2:
        q = text[0]
        return text[1:-1].replace(q + q, q)
    return text


def literal(tokens: list[Token], backslash: bool) -> str:
    """The cell for one value of a ``VALUES`` tuple, given as its tokens.

    A single string literal (whatever introducer or cast surrounds it) gives its value; ``NULL``
    and ``DEFAULT`` give ``""``; hex and bit literals keep their digits; anything else (numbers,
    expressions) keeps its SQL text.
    """
    strings = [text for kind, text in tokens if kind == "str"]
    if len(strings) == 1:
        text = strings[0]
        prefix = text[0] if text[0] not in "'\"" else ""
        body = text[len(prefix) + 1 : -1]
        if prefix in ("X", "x", "B", "b"):
            return body
        return unescape(body, backslash or prefix in ("E", "e"), text[len(prefix)])
    if len(tokens) == 1 and tokens[0][1].upper() in ("NULL", "DEFAULT"):
        return ""
    return "".join(text for _, text in tokens)


def _copy_unescape(m: re.Match[str]) -> str:
    octal, hexa, char = m.groups()
    if octal:
        return chr(int(octal, 8))
    if hexa:
        return chr(int(hexa, 16))
    return _COPY_CHARS.get(char, char)


def copy_row(line: str) -> list[str]:
    """The cells of one line of PostgreSQL ``COPY`` text data (line end removed)."""
    return [
        "" if f == "\\N" else _COPY_ESCAPE.sub(_copy_unescape, f) if "\\" in f else f
        for f in line.split("\t")
    ]


class Lexer(ChunkBuffer):
    """Tokens of a SQL text given as chunks; also reads raw lines (for ``COPY`` data)."""

    def __init__(self, chunks: Iterator[str], name: str, limit: int, backslash: bool) -> None:
        super().__init__(chunks, name, limit, "SQL element")
        self.backslash = backslash
        self._regex = _MYSQL if backslash else _STANDARD
        self._pushed: list[Token] = []

    def push(self, token: Token) -> None:
        self._pushed.append(token)

    def next(self) -> Token:
        """The next significant token (comments and spaces skipped); ``("eof", "")`` at the end."""
        if self._pushed:
            return self._pushed.pop()
        while True:
            if self.pos >= len(self.buf):
                if self.refill():
                    continue
                return ("eof", "")
            m = self._regex.match(self.buf, self.pos)
            assert m is not None  # the last alternative matches any character
            kind = m.lastgroup or "op"
            # A token touching the end of the buffer may continue in the next chunk.
            if (kind == "open" or m.end() == len(self.buf)) and self.refill():
                continue
            if kind == "open":
                raise fail(self.name, "unterminated quoted string or comment in SQL")
            self.pos = m.end()
            if kind == "ws" or kind == "comment":
                continue
            if kind == "dollar":
                return ("str", self._dollar_body(m.group()))
            if kind == "dq":  # standard SQL: a quoted identifier
                return ("ident", m.group())
            return (kind, m.group())

    def _dollar_body(self, tag: str) -> str:
        while (end := self.buf.find(tag, self.pos)) < 0:
            if not self.refill():
                raise fail(self.name, "unterminated dollar-quoted string in SQL")
        body = self.buf[self.pos : end]
        self.pos = end + len(tag)
        return body

    def match(self, regex: re.Pattern[str]) -> re.Match[str] | None:
        """Consume ``regex`` at the current position if it matches there (a fast path)."""
        if self._pushed:
            return None
        while True:
            m = regex.match(self.buf, self.pos)
            if m is not None:
                if m.end() < len(self.buf) or not self.refill():
                    self.pos = m.end()
                    return m
            elif len(self.buf) - self.pos >= _REFILL_AHEAD or not self.refill():
                return None

    def readline(self) -> str | None:
        """The rest of the current line, with its ``\\n``; None at the end of text."""
        while (end := self.buf.find("\n", self.pos)) < 0:
            if not self.refill():
                if self.pos >= len(self.buf):
                    return None
                end = len(self.buf) - 1
                break
        line = self.buf[self.pos : end + 1]
        self.pos = end + 1
        if len(line) > self.limit:
            raise fail(self.name, f"a line is longer than {self.limit} bytes")
        return line
