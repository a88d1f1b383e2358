"""Which protected brands a text names, found fast.

A brand's mention pattern ("ameli|assurance maladie|carte vitale…") is searched only when
the brands' prefilter (:mod:`._prefilters`) says it may match, or, before that is compiled,
when one search for any brand at all finds something. On a long text each top-level branch
is searched on its own, from the prefilter's start.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from leaktrace.phishing.brands import BRANDS, Brand
from leaktrace.phishing.rules._prefilters import PREFILTER

__all__ = ["brands_named", "first_brand_named"]

# One search for "any brand named at all" spares most messages the 30 per-brand searches.
# The mention patterns are rx()-compiled already: joined, their branches stay literal-led.
_ANY_BRAND = re.compile("|".join(f"(?:{brand.mentions.pattern})" for brand in BRANDS))
# On a long text, one search per top-level branch ("ameli", "carte vitale") beats the combined
# search: each branch starts with a literal, so the engine skips ahead to its candidates.
_LONG_TEXT = 1_000


def _branches(pattern: str) -> list[str]:
    """The top-level alternatives of ``pattern``: it matches iff one of them does."""
    parts: list[str] = []
    current: list[str] = []
    depth, in_class, i = 0, False, 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            current.append(pattern[i : i + 2])
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char in "()":
            depth += 1 if char == "(" else -1
        elif char == "|" and depth == 0:
            parts.append("".join(current))
            current = []
            i += 1
            continue
        current.append(char)
        i += 1
    parts.append("".join(current))
    return parts


_BRAND_BRANCHES = tuple(
    (brand, tuple(re.compile(p, brand.mentions.flags) for p in _branches(brand.mentions.pattern)))
    for brand in BRANDS
)
assert all("|".join(p.pattern for p in ps) == b.mentions.pattern for b, ps in _BRAND_BRANCHES)


def first_brand_named(folded: str) -> Brand | None:
    """The first brand in ``BRANDS`` order whose mention pattern matches ``folded``."""
    return next(brands_named(folded), None)


def brands_named(text: str) -> Iterator[Brand]:
    """The brands whose mention pattern matches ``text``, in ``BRANDS`` order, found lazily.

    The brands' own Hyperscan scan rules most of them out instead of a hundred searches;
    without it, one search for "any brand at all" spares most short texts the loop.
    """
    mentions = PREFILTER.brands()
    starts = None if mentions is None else mentions.starts(text)
    long = len(text) >= _LONG_TEXT
    if starts is None and not long and _ANY_BRAND.search(text) is None:
        return
    candidates = (
        [(number, 0) for number in range(len(BRANDS))]
        if mentions is None
        else mentions.candidates(starts)
    )
    for number, start in candidates:  # the brands' set lists them in ``BRANDS`` order
        brand, branches = _BRAND_BRANCHES[number]
        if long:
            named = any(branch.search(text, start) for branch in branches)
        else:
            named = brand.mentions.search(text, start) is not None
        if named:
            yield brand
