"""The check protocol in-process: service validation, padding, client end to end."""

from __future__ import annotations

import re

import pytest

from leaktrace.crypto import ServerKey, index_key, oprf
from leaktrace.errors import CryptoError, InputError
from leaktrace.identifiers import encode
from leaktrace.lookup import Client, InProcessTransport, LookupService
from leaktrace.lookup.service import MIN_RANGE_ENTRIES
from leaktrace.store import SQLiteStore
from tests.conftest import make_breach

PHONE = ("phone", "+33612345678")
NIR = ("nir", "185057800608491")


def _ingest(
    store: SQLiteStore,
    key: ServerKey,
    name: str,
    ids: list[tuple[str, str]],
    *,
    sensitive: bool = False,
) -> None:
    keys = [index_key(oprf.evaluate(key.secret, encode(k, v))) for k, v in ids]
    with store.ingest(make_breach(name, sensitive=sensitive)) as writer:
        writer.add([(k, 0b11) for k in keys])
        writer.finish(len(keys), 0b11)


class RecordingTransport(InProcessTransport):
    """Keeps every request so tests can assert what leaves the client."""

    def __init__(self, service: LookupService) -> None:
        super().__init__(service)
        self.sent: list[str] = []

    def evaluate(self, blinded):  # type: ignore[no-untyped-def]
        self.sent.extend(blinded)
        return super().evaluate(blinded)

    def range(self, prefix: str):  # type: ignore[no-untyped-def]
        self.sent.append(prefix)
        return super().range(prefix)


def test_client_finds_present_and_not_absent(store: SQLiteStore, server_key: ServerKey) -> None:
    _ingest(store, server_key, "Labo2021", [PHONE])
    service = LookupService(store, server_key)
    transport = RecordingTransport(service)
    results = Client(transport).check([PHONE, NIR])
    assert [r.kind for r in results] == ["phone", "nir"]
    assert [b["Name"] for b in results[0].breaches] == ["Labo2021"]
    assert results[1].breaches == []
    sent = " ".join(transport.sent)
    for form in ("612345678", "0612345678", "185057800608491"):
        assert form not in sent


def test_sensitive_breach_is_not_in_ranges(store: SQLiteStore, server_key: ServerKey) -> None:
    _ingest(store, server_key, "Secret", [PHONE], sensitive=True)
    results = Client(InProcessTransport(LookupService(store, server_key))).check([PHONE])
    assert results[0].breaches == []


def test_range_padding_and_form(store: SQLiteStore, server_key: ServerKey) -> None:
    _ingest(store, server_key, "Labo2021", [PHONE])
    service = LookupService(store, server_key)
    real = index_key(oprf.evaluate(server_key.secret, encode(*PHONE))).hex()
    answer = service.range(real[:5])
    entries = answer["entries"]
    assert answer["prefix"] == real[:5]
    assert len(entries) == MIN_RANGE_ENTRIES
    assert all(re.fullmatch(r"[0-9a-f]{27}", e["suffix"]) for e in entries)
    assert [e["suffix"] for e in entries] == sorted(e["suffix"] for e in entries)
    assert sum(1 for e in entries if e["breaches"]) == 1
    assert service.range(real[:5]) == answer  # stable: cacheable and exportable
    assert service.range(real[:5].upper()) == answer
    empty = service.range("00000")
    assert len(empty["entries"]) == MIN_RANGE_ENTRIES
    assert not any(e["breaches"] for e in empty["entries"])


@pytest.mark.parametrize("prefix", ["", "0000", "000000", "zzzzz", "../..", "0000\n"])
def test_bad_prefixes(store: SQLiteStore, server_key: ServerKey, prefix: str) -> None:
    with pytest.raises(InputError):
        LookupService(store, server_key).range(prefix)


def test_evaluate_validation(store: SQLiteStore, server_key: ServerKey) -> None:
    service = LookupService(store, server_key)
    good = oprf.blind(b"x").blinded_element.hex()
    assert len(service.evaluate([good])["evaluated"]) == 1
    assert service.evaluate([good])["key_id"] == server_key.key_id
    for bad in ([], [good] * 65, "notalist", [1], ["00" * 32], [good[:-2]], ["zz" * 32]):
        with pytest.raises(InputError):
            service.evaluate(bad)  # type: ignore[arg-type]
    with pytest.raises(CryptoError):
        service.evaluate([good, "00" * 32])


def test_client_batches_beyond_64(store: SQLiteStore, server_key: ServerKey) -> None:
    ids = [("phone", f"+336{n:08d}") for n in range(70)]
    _ingest(store, server_key, "Big", ids[:3])
    results = Client(InProcessTransport(LookupService(store, server_key))).check(ids)
    assert [r.exposed for r in results] == [True] * 3 + [False] * 67
