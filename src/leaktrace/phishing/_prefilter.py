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
library is missing (it ships wheels for x86-64 Linux and macOS) or a text cannot be encoded
as UTF-8, every pattern is a candidate.
"""

from __future__ import annotations

import importlib
import re
import threading
from collections.abc import Sequence
from types import ModuleType
from typing import Any


def _load() -> ModuleType | None:
    try:  # an accelerator, not a requirement: absent on platforms without wheels
        return importlib.import_module("hyperscan")
    except ImportError:  # pragma: no cover - exercised where the wheel is missing
        return None


hyperscan: Any = _load()

__all__ = ["EVERYTHING", "PatternSet", "available"]


class _Everything(frozenset[int]):
    """The answer "every pattern may match": used when no scan could be made."""

    def __contains__(self, item: object) -> bool:
        return True


EVERYTHING: frozenset[int] = _Everything()


def available() -> bool:
    """True when Hyperscan is importable (scans are then real, not :data:`EVERYTHING`)."""
    return hyperscan is not None


class PatternSet:
    """A fixed list of compiled ``re`` patterns and their Hyperscan prefilter database."""

    def __init__(self, patterns: Sequence[re.Pattern[str]]) -> None:
        self._ids = {id(pattern): number for number, pattern in enumerate(patterns)}
        self._patterns = tuple(patterns)  # keeps them alive, so id() stays theirs
        self._database = None
        # Hyperscan scratch space is per thread: the API server analyses in a thread pool.
        self._local = threading.local()
        if hyperscan is not None and patterns:
            # No HS_FLAG_UCP: Unicode classes cost ten times the compile time (15 s for the
            # rules), and only ASCII text is scanned, where ASCII and Unicode \w, \d, \s, \b agree.
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

    def number(self, pattern: re.Pattern[str]) -> int | None:
        """The pattern's id in the set, or None when it is not one of them."""
        return self._ids.get(id(pattern))

    def scan(self, text: str) -> frozenset[int]:
        """Ids of the patterns that may match somewhere in ``text``."""
        if self._database is None or not text.isascii():
            return EVERYTHING
        data = text.encode("ascii")
        scratch = getattr(self._local, "scratch", None)
        if scratch is None:
            scratch = hyperscan.Scratch(self._database)
            self._local.scratch = scratch
        found: set[int] = set()

        def on_match(number: int, start: int, end: int, flags: int, context: object) -> None:
            found.add(number)

        self._database.scan(data, match_event_handler=on_match, scratch=scratch)
        return frozenset(found)

    def may_match(self, found: frozenset[int], pattern: re.Pattern[str]) -> bool:
        """False only when ``pattern`` is in the set and the scan proved it absent."""
        number = self._ids.get(id(pattern))
        return number is None or number in found
