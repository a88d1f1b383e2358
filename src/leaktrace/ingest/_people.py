"""Counting people: records that share an identifier are one person (union-find on index keys)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

__all__ = ["People"]


class People:
    """Union-find over index keys, carrying the OR of the data classes of each person."""

    def __init__(self) -> None:
        self._parent: dict[bytes, bytes] = {}
        self._mask: dict[bytes, int] = {}

    def _find(self, key: bytes) -> bytes:
        parent = self._parent
        root = key
        while parent[root] != root:
            root = parent[root]
        while parent[key] != root:  # path compression keeps later finds O(1)-ish
            parent[key], key = root, parent[key]
        return root

    def add_record(self, keys: Sequence[bytes], mask: int) -> None:
        """One record's index keys (at least one) and data classes."""
        roots = set()
        for key in keys:
            if key not in self._parent:
                self._parent[key] = key
                self._mask[key] = 0
            roots.add(self._find(key))
        root = min(roots)  # deterministic choice; any root would do
        merged = mask
        for other in roots:
            merged |= self._mask.pop(other, 0)
            self._parent[other] = root
        self._mask[root] = merged

    def __len__(self) -> int:
        """The number of distinct people."""
        return len(self._mask)

    def key_masks(self) -> Iterator[tuple[bytes, int]]:
        """Every key with the data classes of the person it belongs to."""
        for key in self._parent:
            yield key, self._mask[self._find(key)]
