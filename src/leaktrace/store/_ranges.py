"""Index-key ranges: the byte bounds of a run of prefixes, and rows grouped per key.

Shared by the stores and the static export, so that every backend cuts ranges alike.
"""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["AFTER_EVERY_KEY", "RangeEntry", "group_by_key", "key_bounds"]

# (16-byte index key, names of the non-sensitive breaches holding it)
RangeEntry = tuple[bytes, list[str]]

# Sorts after every 16-byte key in a bytewise comparison (memcmp, then length), so a query can
# keep a plain upper bound, which lets the index scan stop, even past the last prefix.
AFTER_EVERY_KEY = b"\xff" * 17


def key_bounds(start: int, stop: int, prefix_bits: int = 20) -> tuple[bytes, bytes | None]:
    """[low, high) of the keys under prefixes ``start`` to ``stop - 1``; high is None past the
    last prefix. Raises ValueError for prefixes that do not fit in ``prefix_bits``."""
    if not 0 < prefix_bits <= 128 or not 0 <= start < stop <= 1 << prefix_bits:
        raise ValueError("prefix out of range")
    shift = 128 - prefix_bits
    high = stop << shift
    return (start << shift).to_bytes(16, "big"), (
        high.to_bytes(16, "big") if high < 1 << 128 else None
    )


def group_by_key(rows: Iterable[tuple[bytes, str]]) -> list[RangeEntry]:
    """Key-ordered (key, breach name) rows as one entry per key."""
    entries: list[RangeEntry] = []
    for key, name in rows:
        if entries and entries[-1][0] == key:
            entries[-1][1].append(name)
        else:
            entries.append((bytes(key), [name]))
    return entries
