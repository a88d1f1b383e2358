"""The process's two Hyperscan prefilters, compiled once on demand.

One holds every pattern the rules compiled with :func:`leaktrace.phishing.text.rx`: a single
scan of a message says which of them may match, and where a search would find the first
match, so that the rules search only those (see :class:`leaktrace.phishing._prefilter.PatternSet`).
The other holds the brands' mention patterns alone, for :attr:`Context.claimed`. Compiling
them costs 1–2 s; until then every pattern is simply searched, with the same verdicts.
"""

from __future__ import annotations

import threading

from leaktrace.phishing._prefilter import PatternSet
from leaktrace.phishing.brands import BRANDS
from leaktrace.phishing.text import RULE_PATTERNS

__all__ = ["PREFILTER", "prefilter", "warm_up"]


class _Prefilter:
    """The process's Hyperscan prefilters, compiled once on demand (see ``_prefilter``)."""

    def __init__(self) -> None:
        self._set: PatternSet | None = None
        self._brands: PatternSet | None = None
        self._lock = threading.Lock()

    def ready(self) -> PatternSet | None:
        return self._set

    def brands(self) -> PatternSet | None:
        """The brands' mention patterns alone: :attr:`Context.claimed` scans another text than
        the rules do, and this set of literal-led patterns scans it five times faster."""
        return self._brands

    def build(self) -> PatternSet:
        with self._lock:
            if self._set is None:
                self._brands = PatternSet(tuple(brand.mentions for brand in BRANDS))
                # Every rule module is imported by now; a pattern compiled later is not in the
                # set and is simply always searched.
                self._set = PatternSet(tuple(RULE_PATTERNS))
            return self._set

    def reset(self) -> None:
        with self._lock:
            self._set = None
            self._brands = None


PREFILTER = _Prefilter()


def prefilter() -> PatternSet:
    """The prefilter of every pattern compiled with ``rx``, compiled now if it is not yet."""
    return PREFILTER.build()


def warm_up(*, background: bool = False) -> None:
    """Compile the prefilter (1–2 s) so that bulk analysis runs at full speed.

    With ``background=True`` it compiles in a daemon thread and messages analysed meanwhile
    take the slower path, with the same verdicts.
    """
    if PREFILTER.ready() is not None:
        return
    if background:
        threading.Thread(target=PREFILTER.build, name="phishing-prefilter", daemon=True).start()
    else:
        PREFILTER.build()
