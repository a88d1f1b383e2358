"""Raw ristretto255 operations on libsodium (through rbcl) — the "hazmat" layer.

Private on purpose: callers go through :mod:`leaktrace.crypto.oprf`, which owns the checks that
RFC 9497 requires (canonical encodings, no identity element, no zero scalar). Every failure
here raises :class:`~leaktrace.errors.CryptoError` with its one opaque message.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

import rbcl

from leaktrace.errors import CryptoError

ELEMENT_BYTES = 32
SCALAR_BYTES = 32
# The group order L = 2^252 + 27742317777372353535851937790883648493.
ORDER = 2**252 + 27742317777372353535851937790883648493
FIELD_PRIME = 2**255 - 19
_IDENTITY = bytes(ELEMENT_BYTES)

RandomBytes = Callable[[int], bytes]


def _expand_message_xmd(msg: bytes, dst: bytes, length: int) -> bytes:
    """expand_message_xmd with SHA-512 (RFC 9380 §5.3.1)."""
    b_in_bytes, r_in_bytes = 64, 128
    if len(dst) > 255:
        # RFC 9380 §5.3.3 would hash an oversize DST; ours are fixed and short.
        raise CryptoError
    ell = -(-length // b_in_bytes)
    if ell > 255 or length > 65535:
        raise CryptoError
    dst_prime = dst + bytes([len(dst)])
    msg_prime = bytes(r_in_bytes) + msg + length.to_bytes(2, "big") + b"\x00" + dst_prime
    b0 = hashlib.sha512(msg_prime).digest()
    b = [hashlib.sha512(b0 + b"\x01" + dst_prime).digest()]
    for i in range(2, ell + 1):
        prev = bytes(x ^ y for x, y in zip(b0, b[-1], strict=True))
        b.append(hashlib.sha512(prev + bytes([i]) + dst_prime).digest())
    return b"".join(b)[:length]


def hash_to_group(msg: bytes, dst: bytes) -> bytes:
    """hash_to_ristretto255 (RFC 9380 appendix B, RFC 9496 one-way map)."""
    uniform = _expand_message_xmd(msg, dst, 64)
    return bytes(rbcl.crypto_core_ristretto255_from_hash(uniform))


def hash_to_scalar(msg: bytes, dst: bytes) -> bytes:
    """64 uniform bytes read little-endian and reduced modulo the group order."""
    uniform = _expand_message_xmd(msg, dst, 64)
    return bytes(rbcl.crypto_core_ristretto255_scalar_reduce(uniform))


def random_scalar(random_bytes: RandomBytes) -> bytes:
    """A uniformly random non-zero scalar drawn from ``random_bytes`` (injectable for tests)."""
    while True:
        scalar = bytes(rbcl.crypto_core_ristretto255_scalar_reduce(random_bytes(64)))
        if scalar != bytes(SCALAR_BYTES):
            return scalar


def check_scalar(scalar: bytes) -> bytes:
    """Reject anything but a canonical, non-zero 32-byte scalar."""
    if len(scalar) != SCALAR_BYTES:
        raise CryptoError
    value = int.from_bytes(scalar, "little")
    if value == 0 or value >= ORDER:
        raise CryptoError
    return scalar


def check_element(element: bytes) -> bytes:
    """DeserializeElement: canonical encoding of a group element other than the identity."""
    if not isinstance(element, bytes) or len(element) != ELEMENT_BYTES or element == _IDENTITY:
        raise CryptoError
    # RFC 9496 §4.3.1: s must be < p and non-negative (even). Checked here as well because
    # libsodium builds differ on whether the top bit is rejected.
    s = int.from_bytes(element, "little")
    if s >= FIELD_PRIME or s & 1:
        raise CryptoError
    if not rbcl.crypto_core_ristretto255_is_valid_point(element):
        raise CryptoError
    return element


def scalar_mult(scalar: bytes, element: bytes) -> bytes:
    """scalar * element; libsodium refuses an identity result, which we report opaquely."""
    try:
        return bytes(rbcl.crypto_scalarmult_ristretto255(scalar, element))
    except Exception as exc:  # rbcl raises RuntimeError/ValueError/TypeError variously
        raise CryptoError from exc


def scalar_invert(scalar: bytes) -> bytes:
    try:
        return bytes(rbcl.crypto_core_ristretto255_scalar_invert(scalar))
    except Exception as exc:
        raise CryptoError from exc


def scalar_base_mult(scalar: bytes) -> bytes:
    try:
        return bytes(rbcl.crypto_scalarmult_ristretto255_base(scalar))
    except Exception as exc:
        raise CryptoError from exc
