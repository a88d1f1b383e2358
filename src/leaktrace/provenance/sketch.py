"""MinHash sketches of breaches' key sets and the LSH Ensemble shortlist of candidate parents.

With thousands of known breaches, tracing first asks a MinHash LSH Ensemble (datasketch) which
breaches may contain at least ``SHORTLIST_CONTAINMENT`` of the file's keys, then counts exactly
against those only. Index keys are PRF outputs, uniformly distributed, so their first 8 bytes
serve directly as the 64-bit hash MinHash needs.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable

import numpy as np
from datasketch import MinHash, MinHashLSHEnsemble

from leaktrace.store import Store

__all__ = [
    "NUM_PERM",
    "SHORTLIST_ABOVE",
    "SHORTLIST_CONTAINMENT",
    "from_bytes",
    "shortlist",
    "sketch",
    "to_bytes",
]

NUM_PERM = 128
SHORTLIST_ABOVE = 1000  # below this many sketched breaches, exact counts are cheap enough
SHORTLIST_CONTAINMENT = 0.05  # parents supplying less may be missed past SHORTLIST_ABOVE
_BATCH = 50_000


def _key_hash(key: bytes) -> int:
    return int.from_bytes(key[:8], "little")


def sketch(keys: Iterable[bytes]) -> tuple[int, MinHash]:
    """(number of keys, MinHash) of a key set."""
    minhash = MinHash(num_perm=NUM_PERM, hashfunc=_key_hash, scheme="affine64")
    count = 0
    iterator = iter(keys)
    while batch := list(itertools.islice(iterator, _BATCH)):
        minhash.update_batch(batch)
        count += len(batch)
    return count, minhash


def to_bytes(minhash: MinHash) -> bytes:
    return bytes(np.asarray(minhash.hashvalues, dtype="<u8").tobytes())


def from_bytes(data: bytes) -> MinHash:
    return MinHash(
        num_perm=NUM_PERM, hashvalues=np.frombuffer(data, dtype="<u8"), scheme="affine64"
    )


def shortlist(
    store: Store, file_sketch: MinHash, file_keys: int, above: int = SHORTLIST_ABOVE
) -> set[str] | None:
    """Breaches that may contain the file, or None when there are too few to bother."""
    sketches = store.sketches()
    if len(sketches) <= above or file_keys == 0:
        return None
    ensemble = MinHashLSHEnsemble(threshold=SHORTLIST_CONTAINMENT, num_perm=NUM_PERM)
    ensemble.index((name, from_bytes(data), max(size, 1)) for name, size, data in sketches)
    return {str(name) for name in ensemble.query(file_sketch, file_keys)}
