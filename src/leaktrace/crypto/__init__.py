"""OPRF (RFC 9497, ristretto255-SHA512, mode 0) and the server key.

The safe surface is :mod:`leaktrace.crypto.oprf` and :mod:`leaktrace.crypto.keys`; ``_group`` is
the private raw-group layer and is not to be imported from elsewhere.
"""

from __future__ import annotations

from leaktrace.crypto.keys import ServerKey, load_or_create_key
from leaktrace.crypto.oprf import OUTPUT_BYTES, BlindedInput

__all__ = [
    "INDEX_KEY_BYTES",
    "OUTPUT_BYTES",
    "BlindedInput",
    "ServerKey",
    "index_key",
    "load_or_create_key",
]

INDEX_KEY_BYTES = 16


def index_key(output: bytes) -> bytes:
    """The index key of DESIGN: the first 16 bytes of the 64-byte OPRF output."""
    return output[:INDEX_KEY_BYTES]
