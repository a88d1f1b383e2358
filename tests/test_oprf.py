"""RFC 9497 known-answer vectors and negative cases for the OPRF."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from leaktrace.crypto import _group, oprf
from leaktrace.errors import CryptoError

VECTORS = Path(__file__).parent / "vectors" / "rfc9497-oprf-vectors.json"


def _suites() -> list[dict[str, Any]]:
    data = json.loads(VECTORS.read_text())
    return [s for s in data if s["identifier"] == "ristretto255-SHA512" and s["mode"] == 0]


def _cases() -> list[tuple[dict[str, Any], dict[str, Any]]]:
    return [(suite, vector) for suite in _suites() for vector in suite["vectors"]]


def test_vectors_present() -> None:
    assert len(_cases()) >= 2


def test_context_string_matches_vectors() -> None:
    (suite,) = _suites()
    assert bytes.fromhex(suite["groupDST"]) == b"HashToGroup-" + oprf.CONTEXT_STRING


def test_derive_key_pair() -> None:
    for suite in _suites():
        secret, public = oprf.derive_key_pair(
            bytes.fromhex(suite["seed"]), bytes.fromhex(suite["keyInfo"])
        )
        assert secret.hex() == suite["skSm"]
        assert public == oprf.public_key(secret)


@pytest.mark.parametrize(("suite", "vector"), _cases())
def test_vector(suite: dict[str, Any], vector: dict[str, Any]) -> None:
    secret = bytes.fromhex(suite["skSm"])
    inputs = [bytes.fromhex(x) for x in vector["Input"].split(",")]
    blinds = [bytes.fromhex(x) for x in vector["Blind"].split(",")]
    expected_blinded = vector["BlindedElement"].split(",")
    expected_eval = vector["EvaluationElement"].split(",")
    expected_out = vector["Output"].split(",")
    assert len(inputs) == vector["Batch"]
    blinded = [oprf.blind_with(i, b) for i, b in zip(inputs, blinds, strict=True)]
    assert [b.blinded_element.hex() for b in blinded] == expected_blinded
    evaluated = oprf.blind_evaluate_batch(secret, [b.blinded_element for b in blinded])
    assert [e.hex() for e in evaluated] == expected_eval
    assert [o.hex() for o in oprf.finalize_batch(blinded, evaluated)] == expected_out
    assert [o.hex() for o in oprf.evaluate_batch(secret, inputs)] == expected_out


def test_blind_uses_injected_randomness() -> None:
    (suite,) = _suites()
    vector = suite["vectors"][0]
    blind = bytes.fromhex(vector["Blind"])
    # random_scalar reduces 64 bytes: the blind followed by zeros reduces to itself.
    blinded = oprf.blind(bytes.fromhex(vector["Input"]), lambda n: blind + bytes(n - 32))
    assert blinded.blinded_element.hex() == vector["BlindedElement"]


def test_random_blinds_differ_but_outputs_agree() -> None:
    secret, _ = oprf.derive_key_pair(bytes(32), b"t")
    a, b = oprf.blind(b"phone:+33612345678"), oprf.blind(b"phone:+33612345678")
    assert a.blinded_element != b.blinded_element
    out_a = oprf.finalize(a, oprf.blind_evaluate(secret, a.blinded_element))
    out_b = oprf.finalize(b, oprf.blind_evaluate(secret, b.blinded_element))
    assert out_a == out_b == oprf.evaluate(secret, b"phone:+33612345678")
    assert len(out_a) == oprf.OUTPUT_BYTES


SECRET = oprf.derive_key_pair(bytes(32), b"negative")[0]
VALID = oprf.blind(b"x").blinded_element
# 2^255 - 18 (little-endian) is the classic non-canonical field encoding; high-bit set too.
NON_CANONICAL = [
    bytes([0xED] + [0xFF] * 30 + [0x7F]),
    bytes([0xFF] * 32),
    bytes([1]) + bytes(31),  # odd ("negative") field element: not a canonical ristretto encoding
    VALID[:31] + bytes([VALID[31] | 0x80]),
]
IDENTITY = bytes(32)


@pytest.mark.parametrize(
    "element",
    [IDENTITY, b"", VALID[:31], VALID + b"\x00", *NON_CANONICAL],
    ids=["identity", "empty", "short", "long", "nc-p-minus", "nc-ff", "nc-odd", "nc-high-bit"],
)
def test_bad_elements_raise_one_opaque_error(element: bytes) -> None:
    with pytest.raises(CryptoError) as info:
        oprf.blind_evaluate(SECRET, element)
    assert str(info.value) == "invalid OPRF input"
    blinded = oprf.blind(b"x")
    with pytest.raises(CryptoError) as info2:
        oprf.finalize(blinded, element)
    assert str(info2.value) == str(info.value)


def test_batch_with_one_bad_element_rejects_all() -> None:
    with pytest.raises(CryptoError):
        oprf.blind_evaluate_batch(SECRET, [VALID, IDENTITY])


@pytest.mark.parametrize(
    "scalar",
    [bytes(32), b"\x01" * 31, _group.ORDER.to_bytes(32, "little"), bytes([0xFF] * 32)],
    ids=["zero", "short", "order", "too-big"],
)
def test_bad_secret_scalars(scalar: bytes) -> None:
    with pytest.raises(CryptoError):
        oprf.blind_evaluate(scalar, VALID)
    with pytest.raises(CryptoError):
        oprf.evaluate(scalar, b"x")


def test_oversize_input_and_bad_seed() -> None:
    with pytest.raises(CryptoError):
        oprf.evaluate(SECRET, bytes(1 << 16))
    with pytest.raises(CryptoError):
        oprf.derive_key_pair(bytes(31), b"")
    with pytest.raises(CryptoError):
        oprf.finalize_batch([oprf.blind(b"x")], [])


def test_expand_message_xmd_rfc9380_vector() -> None:
    # RFC 9380 appendix K.3 (expand_message_xmd, SHA-512).
    dst = b"QUUX-V01-CS02-with-expander-SHA512-256"
    assert (
        _group._expand_message_xmd(b"", dst, 0x20).hex()
        == "6b9a7312411d92f921c6f68ca0b6380730a1a4d982c507211a90964c394179ba"
    )
    assert (
        _group._expand_message_xmd(b"abc", dst, 0x20).hex()
        == "0da749f12fbe5483eb066a5f595055679b976e93abe9be6f0f6318bce7aca8dc"
    )
    long = _group._expand_message_xmd(b"abc", dst, 0x80).hex()
    assert long.startswith("7f1dddd13c08b543f2e2037b14cefb255b44c83cc397c1786d975653e36a6b11")
    assert long.endswith("c972b3efe1")
