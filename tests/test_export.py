"""export-ranges: byte-identical to the API, the streamed export, ``check --index`` offline."""

from __future__ import annotations

import json
import random
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from leaktrace.crypto import ServerKey
from leaktrace.errors import ConflictError, InputError
from leaktrace.lookup import LookupService, export_ranges
from leaktrace.lookup import ranges_export as rx
from leaktrace.store import SQLiteStore
from tests.conftest import make_breach
from tests.test_api import (
    ABSENT,
    EMAIL,
    NIR,
    PHONE,
    SECRET,
    Served,
    key_hex,
    make_home,
    run_cli,
    serve,
)


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, ServerKey, Served]]:
    home = tmp_path_factory.mktemp("export-home")
    key = make_home(home)
    with serve(home, tmp_path_factory.mktemp("export-log") / "server.log") as server:
        yield home, key, server


def _requests(server: Served, path: str) -> int:
    """Requests to ``path`` in the server's log, once the log has settled: the server writes a
    request's line after sending its response, so a count read at once may miss the last one."""
    count, deadline = -1, time.monotonic() + 5
    while time.monotonic() < deadline:
        now = sum(f"path={path}" in line for line in server.log_text().splitlines())
        if now == count:
            return now
        count = now
        time.sleep(0.2)
    return count


def test_export_is_the_api_byte_for_byte_and_check_index(
    served: tuple[Path, ServerKey, Served], tmp_path: Path
) -> None:
    home, key, server = served
    prefixes = sorted({key_hex(key, i)[:5] for i in (PHONE, NIR, EMAIL, SECRET, ABSENT)})
    prefixes.append("00000")
    out = tmp_path / "index"
    args = [f"--prefix={p}" for p in prefixes]
    result = run_cli(home, "export-ranges", str(out), *args, "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["ranges"] == len(prefixes)
    for prefix in prefixes:
        served_body = httpx.get(f"{server.url}/v1/range/{prefix}").content
        assert (out / "range" / prefix).read_bytes() == served_body
    assert (out / "breaches.json").read_bytes() == httpx.get(server.url + "/v1/breaches").content
    one = httpx.get(server.url + "/v1/breaches/Labo2021").content
    assert (out / "breaches" / "Labo2021.json").read_bytes() == one
    assert json.loads((out / "index.json").read_text())["key_id"] == key.key_id

    ranges, evaluations = _requests(server, "/v1/range"), _requests(server, "/v1/oprf")
    details = _requests(server, "/v1/breaches/")
    check = ("check", "--server", server.url, "--index", str(out), "--json", "--lang", "en")
    result = run_cli(tmp_path / "client", *check, "--phone", PHONE[1], "--email", EMAIL[1])
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert [[b["Name"] for b in r["breaches"]] for r in doc["results"]] == [["Labo2021"]] * 2
    assert {"email-phishing", "phone-smishing"} <= {a["id"] for a in doc["advice"]}
    # One evaluation online; ranges and breach details from the folder.
    assert _requests(server, "/v1/oprf") == evaluations + 1
    assert _requests(server, "/v1/range") == ranges
    assert _requests(server, "/v1/breaches/") == details

    missing = next(
        ("phone", f"+3361000{n:04d}")
        for n in range(1000)
        if key_hex(key, ("phone", f"+3361000{n:04d}"))[:5] not in prefixes
    )
    incomplete = run_cli(tmp_path / "client", *check, "--phone", missing[1])
    assert incomplete.returncode == 2
    assert "incomplete" in incomplete.stderr
    offline_only = run_cli(tmp_path / "client", "check", "--index", str(out), "--nir", NIR[1])
    assert offline_only.returncode == 2
    assert "--server" in offline_only.stderr


def _key(prefix: int, rng: random.Random) -> bytes:
    return ((prefix << 108) | rng.getrandbits(108)).to_bytes(16, "big")


def _fill(store: SQLiteStore, key: ServerKey) -> None:
    rng = random.Random(4)
    crowded = [_key(7, rng) for _ in range(300)]  # > 64 entries: no padding in range 00007
    edges = [_key(p, rng) for p in (0, 0x3FF, 0x400, 0x401, 0x7FF)]  # chunks of 1024
    both, hidden = _key(0x400, rng), _key(0x400, rng)
    store.bind_key(key.key_id)
    plan: list[tuple[str, bool, list[bytes]]] = [
        ("Zeta", False, [*crowded, *edges, both]),
        ("Alpha", False, [both, *edges[:2]]),
        ("Hidden", True, [hidden, both]),
    ]
    for name, sensitive, keys in plan:
        with store.ingest(make_breach(name, sensitive=sensitive)) as writer:
            writer.add((k, 1) for k in keys)
            writer.finish(len(keys), 1)


def _assert_identical(out: Path, service: LookupService, count: int) -> None:
    for prefix in range(count):
        name = f"{prefix:05x}"
        expected = rx.document_bytes(service.range(name))
        assert (out / "range" / name).read_bytes() == expected, name


def test_full_export_streams_what_the_service_serves(
    store: SQLiteStore, server_key: ServerKey, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(rx, "_CHUNK", 1024)
    monkeypatch.setattr(rx, "RANGE_COUNT", 2048)  # two chunks, not 2^20 files
    _fill(store, server_key)
    service = LookupService(store, server_key)
    out = tmp_path / "index"
    seen: list[tuple[int, int]] = []
    report = export_ranges(
        store, server_key, out, jobs=2, progress=lambda d, t: seen.append((d, t))
    )
    assert report.ranges == 2048
    assert report.breaches == 3
    assert report.real_entries == 300 + 5 + 1  # the key only in Hidden is not public
    assert seen[-1] == (2048, 2048)
    _assert_identical(out, service, 2048)
    both = json.loads((out / "range" / "00400").read_text())
    assert [e["breaches"] for e in both["entries"] if len(e["breaches"]) > 1] == [["Alpha", "Zeta"]]
    again = export_ranges(store, server_key, out, jobs=1)  # replaces the previous export
    assert again.ranges == 2048
    assert sorted(p.name for p in out.iterdir()) == [
        "breaches",
        "breaches.json",
        "index.json",
        "range",
    ]
    _assert_identical(out, service, 2048)
    with pytest.raises(ConflictError):
        export_ranges(store, ServerKey.from_seed(bytes(32)), out)
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "notes.txt").write_text("x")
    with pytest.raises(InputError):
        export_ranges(store, server_key, tmp_path / "other")


class _OtherStore:
    """Any Store that is not SQLite: export falls back to one range query per prefix."""

    def __init__(self, inner: SQLiteStore) -> None:
        self._inner = inner

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)


def test_export_of_other_stores(
    store: SQLiteStore, server_key: ServerKey, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(rx, "RANGE_COUNT", 1024)
    _fill(store, server_key)
    report = export_ranges(_OtherStore(store), server_key, tmp_path / "o")  # type: ignore[arg-type]
    assert report.ranges == 1024
    _assert_identical(tmp_path / "o", LookupService(store, server_key), 1024)


def test_stream_reaches_the_last_key(store: SQLiteStore, server_key: ServerKey) -> None:
    last, before = b"\xff" * 16, b"\xff" * 15 + b"\xfe"
    with store.ingest(make_breach("Edge")) as writer:
        writer.add([(last, 1), (before, 1), (b"\x00" * 16, 1)])
        writer.finish(3, 1)
    conn = sqlite3.connect(store.path)
    try:
        rows = list(rx._public_rows(conn, 0xFFFFF, 0x100000))
    finally:
        conn.close()
    assert rows == [(before, "Edge"), (last, "Edge")]
