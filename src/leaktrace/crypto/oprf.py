"""RFC 9497 OPRF, ristretto255-SHA512, mode 0 (OPRF, not verifiable).

The client blinds its input, the server multiplies the blinded element by its secret scalar,
the client unblinds and hashes. The server learns nothing about the input; the client cannot
compute the function without the server. :func:`evaluate` is the server's direct computation of
the same output, used at ingest where the server holds the plaintext anyway.

All failures raise :class:`~leaktrace.errors.CryptoError` with one fixed message.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from dataclasses import dataclass

from leaktrace.crypto import _group
from leaktrace.crypto._group import RandomBytes
from leaktrace.errors import CryptoError

__all__ = [
    "CONTEXT_STRING",
    "ELEMENT_BYTES",
    "OUTPUT_BYTES",
    "SCALAR_BYTES",
    "BlindedInput",
    "blind",
    "blind_batch",
    "blind_evaluate",
    "blind_evaluate_batch",
    "blind_with",
    "derive_key_pair",
    "evaluate",
    "evaluate_batch",
    "finalize",
    "finalize_batch",
    "public_key",
]

ELEMENT_BYTES = _group.ELEMENT_BYTES
SCALAR_BYTES = _group.SCALAR_BYTES
OUTPUT_BYTES = 64
MODE_OPRF = 0
CONTEXT_STRING = b"OPRFV1-" + bytes([MODE_OPRF]) + b"-ristretto255-SHA512"
_HASH_TO_GROUP_DST = b"HashToGroup-" + CONTEXT_STRING
_DERIVE_KEY_PAIR_DST = b"DeriveKeyPair" + CONTEXT_STRING
_MAX_INPUT = 2**16 - 1


@dataclass(frozen=True, slots=True)
class BlindedInput:
    """What the client keeps between Blind and Finalize: never sent anywhere but the element."""

    input: bytes
    blind: bytes
    blinded_element: bytes


def _i2osp2(data: bytes) -> bytes:
    if len(data) > _MAX_INPUT:
        raise CryptoError
    return len(data).to_bytes(2, "big") + data


def _input_element(private_input: bytes) -> bytes:
    if len(private_input) > _MAX_INPUT:
        raise CryptoError
    element = _group.hash_to_group(private_input, _HASH_TO_GROUP_DST)
    if element == bytes(ELEMENT_BYTES):
        # Probability ~2^-252, but RFC 9497 §3.3.1 requires the check.
        raise CryptoError
    return element


def _finalize_hash(private_input: bytes, unblinded_element: bytes) -> bytes:
    hash_input = _i2osp2(private_input) + _i2osp2(unblinded_element) + b"Finalize"
    return hashlib.sha512(hash_input).digest()


def derive_key_pair(seed: bytes, info: bytes) -> tuple[bytes, bytes]:
    """DeriveKeyPair (RFC 9497 §3.2.1): a deterministic (secret scalar, public element)."""
    if len(seed) != 32:
        raise CryptoError
    derive_input = seed + _i2osp2(info)
    for counter in range(256):
        secret = _group.hash_to_scalar(derive_input + bytes([counter]), _DERIVE_KEY_PAIR_DST)
        if secret != bytes(SCALAR_BYTES):
            return secret, _group.scalar_base_mult(secret)
    raise CryptoError  # pragma: no cover - needs 256 consecutive zero scalars


def public_key(secret: bytes) -> bytes:
    return _group.scalar_base_mult(_group.check_scalar(secret))


def blind(private_input: bytes, random_bytes: RandomBytes = os.urandom) -> BlindedInput:
    """Blind (RFC 9497 §3.3.1). ``random_bytes`` is injectable so vectors can fix the blind."""
    element = _input_element(private_input)
    scalar = _group.random_scalar(random_bytes)
    return BlindedInput(private_input, scalar, _group.scalar_mult(scalar, element))


def blind_with(private_input: bytes, blind_scalar: bytes) -> BlindedInput:
    """Blind with a given scalar: for known-answer tests only."""
    element = _input_element(private_input)
    scalar = _group.check_scalar(blind_scalar)
    return BlindedInput(private_input, scalar, _group.scalar_mult(scalar, element))


def blind_evaluate(secret: bytes, blinded_element: bytes) -> bytes:
    """BlindEvaluate (server side): secret * blinded element, after validating the element."""
    _group.check_scalar(secret)
    return _group.scalar_mult(secret, _group.check_element(blinded_element))


def finalize(blinded: BlindedInput, evaluated_element: bytes) -> bytes:
    """Finalize (client side): unblind and hash into the 64-byte PRF output."""
    _group.check_element(evaluated_element)
    inverse = _group.scalar_invert(blinded.blind)
    unblinded = _group.scalar_mult(inverse, evaluated_element)
    return _finalize_hash(blinded.input, unblinded)


def evaluate(secret: bytes, private_input: bytes) -> bytes:
    """Evaluate (server side, RFC 9497 §3.3.1): Finalize's output, computed directly."""
    _group.check_scalar(secret)
    issued = _group.scalar_mult(secret, _input_element(private_input))
    return _finalize_hash(private_input, issued)


def blind_batch(
    inputs: Sequence[bytes], random_bytes: RandomBytes = os.urandom
) -> list[BlindedInput]:
    return [blind(item, random_bytes) for item in inputs]


def blind_evaluate_batch(secret: bytes, blinded_elements: Sequence[bytes]) -> list[bytes]:
    # Validate all before computing any, so a bad element anywhere rejects the whole batch.
    _group.check_scalar(secret)
    checked = [_group.check_element(element) for element in blinded_elements]
    return [_group.scalar_mult(secret, element) for element in checked]


def finalize_batch(blinded: Sequence[BlindedInput], evaluated: Sequence[bytes]) -> list[bytes]:
    if len(blinded) != len(evaluated):
        raise CryptoError
    return [finalize(b, e) for b, e in zip(blinded, evaluated, strict=True)]


def evaluate_batch(secret: bytes, inputs: Sequence[bytes]) -> list[bytes]:
    _group.check_scalar(secret)
    return [evaluate(secret, item) for item in inputs]
