"""One Hyperscan pass tells which rule patterns *can* match a text; Python's ``re`` runs only there.

The rules hold about fifty regular expressions, each searched over up to 8,000 characters of
folded text: on an e-mail that is milliseconds of backtracking, nearly all of it for patterns
that match nowhere. Hyperscan (Intel's multi-pattern engine, the one Rspamd and Suricata use)
scans the text once for all of them in tens of microseconds.

Every pattern is compiled with ``HS_FLAG_PREFILTER``: Hyperscan may then approximate what it
cannot do exactly (the look-behinds :func:`leaktrace.phishing.text.rx` writes) but it never
misses a match, so "absent" from the scan means absent for ``re`` too. A match it reports is
only a candidate: the rule still runs its ``re`` pattern for the real match and its evidence.
Verdicts are therefore the same with or without Hyperscan, only slower without it: when the
library is missing (it ships wheels for x86-64 Linux and macOS) or a text cannot be scanned
soundly (below), every pattern is a candidate.

Without ``HS_FLAG_UCP`` (Unicode classes cost ten times the compile time: 15 s for the rules)
Hyperscan reads ``\\w``, ``\\d`` and ``\\s`` as ASCII classes, where ``re`` reads them as Unicode
ones. On ASCII text the two agree, but for the separators ``\\x1c``-``\\x1f``, white space to
``re`` only. Other characters Hyperscan reads as UTF-8: a symbol, an emoji or ``£`` is no
word, digit or space character to either engine, so it is scanned as it is. A letter, digit
or space beyond ASCII (``ø``, ``٣``, ``\\u3000``) is scanned as a *stand-in*: an ASCII
character of the same class that no pattern excludes by name (in ``[^...]``), which therefore
passes every test the original passes, and at worst a few more. A character some pattern
names, or that ``re`` would match to an ASCII letter without case, has no stand-in: the text
is then not scanned.

The scan also tells *where* to start that ``re`` search. Hyperscan reports a pattern's first
match at its end offset (it delivers matches in strictly increasing offset order, and
``HS_FLAG_SINGLEMATCH`` keeps that first one); every real match ends there or later. A
pattern whose matches are at most ``w`` characters wide therefore cannot match before that
offset minus ``w``, and ``pattern.search(text, start)`` from there finds the very match a
search from 0 would: ``re`` still sees the characters before ``start`` for ``\\b`` and
look-behinds. On a long e-mail that spares the engine the kilobytes before the first candidate.
"""

from __future__ import annotations

import importlib
import re
import threading
from collections.abc import Mapping, Sequence
from types import ModuleType
from typing import Any


def _load() -> ModuleType | None:
    try:  # an accelerator, not a requirement: absent on platforms without wheels
        return importlib.import_module("hyperscan")
    except ImportError:  # pragma: no cover - exercised where the wheel is missing
        return None


hyperscan: Any = _load()

__all__ = ["PatternSet", "available"]


_RE_ONLY_SPACES = "\x1c\x1d\x1e\x1f"
_UNBOUNDED = 1 << 20  # ``getwidth`` caps an unbounded repeat at a far larger sentinel


def available() -> bool:
    """True when Hyperscan is importable (scans are then real, not "every pattern may match")."""
    return hyperscan is not None


def _parse(pattern: re.Pattern[str]) -> Any:
    """``re``'s own syntax tree of ``pattern``: a private API, so callers treat any error as
    "nothing known" (search from the start, scan no text beyond ASCII)."""
    return importlib.import_module("re._parser").parse(pattern.pattern, pattern.flags)


def _max_width(pattern: re.Pattern[str]) -> int | None:
    """The most characters one match of ``pattern`` can span; None when unbounded or unknown."""
    try:
        width = int(_parse(pattern).getwidth()[1])
    except Exception:  # pragma: no cover - another Python's internals
        return None
    return width if width < _UNBOUNDED else None


# (ASCII characters excluded by name, characters accepted by name, ranges accepted by name)
_Named = tuple[frozenset[str], frozenset[str], tuple[tuple[str, str], ...]]


def _named_characters(patterns: Sequence[re.Pattern[str]]) -> _Named:
    """What the patterns spell out character by character, beyond ``\\w``, ``\\d`` or ``\\s``.

    Returns the ASCII characters some pattern excludes by name (``[^.\\n]``, in both cases),
    and the characters and ranges some pattern accepts by name.
    """
    constants = importlib.import_module("re._constants")
    parser = importlib.import_module("re._parser")
    excluded: set[str] = set()
    accepted: set[str] = set()
    ranges: set[tuple[str, str]] = set()

    def exclude(low: int, high: int) -> None:
        for code in range(low, min(high, 127) + 1):
            excluded.update((chr(code).lower(), chr(code).upper()))

    def visit(node: Any) -> None:
        if isinstance(node, parser.SubPattern):
            for op, arg in node.data:
                if op is constants.LITERAL:
                    accepted.add(chr(arg))
                elif op is constants.NOT_LITERAL:
                    exclude(arg, arg)
                elif op is constants.IN:
                    negated = any(item is constants.NEGATE for item, _ in arg)
                    for item, value in arg:
                        if item is constants.LITERAL:
                            low = high = value
                        elif item is constants.RANGE:
                            low, high = value
                        else:  # NEGATE, or a class a stand-in shares with its original
                            continue
                        if negated:
                            exclude(low, high)
                        elif low == high:
                            accepted.add(chr(low))
                        else:
                            ranges.add((chr(low), chr(high)))
                else:
                    visit(arg)
        elif isinstance(node, list | tuple):
            for child in node:
                visit(child)

    for pattern in patterns:
        visit(_parse(pattern))
    return frozenset(excluded), frozenset(accepted), tuple(sorted(ranges))


class PatternSet:
    """A fixed list of compiled ``re`` patterns and their Hyperscan prefilter database."""

    def __init__(self, patterns: Sequence[re.Pattern[str]]) -> None:
        self._ids = {id(pattern): number for number, pattern in enumerate(patterns)}
        self._patterns = tuple(patterns)  # keeps them alive, so id() stays theirs
        self._widths = tuple(_max_width(pattern) for pattern in patterns)
        self._database = None
        # Hyperscan scratch space is per thread: the API server analyses in a thread pool.
        self._local = threading.local()
        self._stand_ins: dict[str, str | None] = {}
        try:
            self._named: _Named | None = _named_characters(patterns)
        except Exception:  # pragma: no cover - another Python's internals: ASCII text only
            self._named = None
        if hyperscan is not None and patterns:
            # No HS_FLAG_UCP: see the module's docstring.
            base = (
                hyperscan.HS_FLAG_PREFILTER
                | hyperscan.HS_FLAG_SINGLEMATCH
                | hyperscan.HS_FLAG_UTF8
                | hyperscan.HS_FLAG_ALLOWEMPTY
            )
            flags = [
                base
                | (hyperscan.HS_FLAG_CASELESS if p.flags & re.IGNORECASE else 0)
                | (hyperscan.HS_FLAG_MULTILINE if p.flags & re.MULTILINE else 0)
                | (hyperscan.HS_FLAG_DOTALL if p.flags & re.DOTALL else 0)
                for p in patterns
            ]
            database = hyperscan.Database(mode=hyperscan.HS_MODE_BLOCK)
            database.compile(
                expressions=[p.pattern.encode("utf-8") for p in patterns],
                ids=list(range(len(patterns))),
                elements=len(patterns),
                flags=flags,
            )
            self._database = database

    @property
    def numbers(self) -> Mapping[int, int]:
        """``id(pattern)`` → the pattern's id in the set (what :meth:`number` looks up)."""
        return self._ids

    def starts(self, text: str) -> dict[int, int] | None:
        """Id → where a search finds the first match, for the patterns that may match ``text``.

        None when no scan could be made: every pattern may then match anywhere.
        """
        if self._database is None:
            return None
        readable = self._readable(text)
        if readable is None:
            return None
        data, excess = readable
        scratch = getattr(self._local, "scratch", None)
        if scratch is None:
            scratch = hyperscan.Scratch(self._database)
            self._local.scratch = scratch
        found: dict[int, int] = {}
        widths = self._widths

        def on_match(number: int, start: int, end: int, flags: int, context: object) -> None:
            # The first report is the earliest end, in bytes: at most ``excess`` past the
            # character offset when some characters took several bytes.
            if number not in found:
                width = widths[number]
                found[number] = 0 if width is None else max(0, end - excess - width)

        self._database.scan(data, match_event_handler=on_match, scratch=scratch)
        return found

    def start(self, starts: Mapping[int, int] | None, pattern: re.Pattern[str]) -> int | None:
        """Where a search of ``pattern`` finds its first match; None when the scan ruled it out.

        ``starts`` is what :meth:`starts` returned for the text searched.
        """
        if starts is None:
            return 0
        number = self._ids.get(id(pattern))
        return 0 if number is None else starts.get(number)

    def candidates(self, starts: Mapping[int, int] | None) -> list[tuple[int, int]]:
        """(id, start) of every pattern that may match, in id order (see :meth:`start`)."""
        if starts is None:
            return [(number, 0) for number in range(len(self._patterns))]
        return sorted(starts.items())

    def _readable(self, text: str) -> tuple[bytes, int] | None:
        """The bytes to scan for ``text`` and how many more they are than its characters;
        None when some character has no sound stand-in (see the module's docstring)."""
        if text.isascii() and not any(char in text for char in _RE_ONLY_SPACES):
            return text.encode("ascii"), 0
        for char in {c for c in set(text) if c > "\x7f" or c in _RE_ONLY_SPACES}:
            stand_in = self._stand_ins.get(char, "")
            if stand_in == "":
                stand_in = self._stand_ins[char] = self._stand_in(char)
            if stand_in is None:
                return None
            if stand_in != char:
                text = text.replace(char, stand_in)
        try:
            data = text.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate
            return None
        return data, len(data) - len(text)

    def _stand_in(self, char: str) -> str | None:
        """What Hyperscan should read for ``char`` (``char`` itself when it reads it as ``re``
        does), or None when no character would keep every match."""
        if self._named is None:
            return None
        excluded, accepted, ranges = self._named
        variants = {char, char.lower(), char.upper(), char.casefold(), char.swapcase()}
        named = any(
            v in accepted or any(low <= v <= high for low, high in ranges)
            for v in variants
            if len(v) == 1
        )
        if named or re.fullmatch("[a-z]", char, re.IGNORECASE):
            # Matched by name, or as a letter without case: only where both engines read it
            # alike is that the same match.
            return char if _plain(char) else None
        if char.isspace():
            choices = "\v\f\t\r"
        elif char.isdecimal():
            choices = "9876543210"
        elif char.isalnum():
            choices = "zyxwvutsrqponmlkjihgfedcba"
        else:
            return char
        return next((c for c in choices if c not in excluded), None)


def _plain(char: str) -> bool:
    """Neither word, digit nor space, to ``re`` as to Hyperscan, and without case."""
    return (
        char > "\x7f"
        and not (char.isalnum() or char.isspace())
        and char.lower() == char.upper() == char
    )
