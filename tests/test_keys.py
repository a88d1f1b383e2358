"""The OPRF key file: created once, mode 0600, verified on load, opaque repr."""

from __future__ import annotations

import json
import stat
from pathlib import Path

import pytest

from leaktrace.crypto import load_or_create_key
from leaktrace.crypto.keys import KEY_FILE_NAME
from leaktrace.errors import KeyFileError


def test_created_once_with_mode_0600(tmp_path: Path) -> None:
    home = tmp_path / "new-home"
    first = load_or_create_key(home)
    path = home / KEY_FILE_NAME
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    second = load_or_create_key(home)
    assert first.secret == second.secret
    assert first.key_id == second.key_id
    assert len(first.key_id) == 16
    assert first.secret.hex() not in repr(first)
    assert list(home.iterdir()) == [path]  # no temporary file left behind


def test_injected_randomness_is_deterministic(tmp_path: Path) -> None:
    a = load_or_create_key(tmp_path / "a", lambda n: b"\x07" * n)
    b = load_or_create_key(tmp_path / "b", lambda n: b"\x07" * n)
    c = load_or_create_key(tmp_path / "c", lambda n: b"\x08" * n)
    assert a.key_id == b.key_id != c.key_id


@pytest.mark.parametrize(
    "content",
    ["", "not json", "[]", '{"version": 1}', '{"version": 2, "seed": "00", "key_id": "x"}'],
)
def test_corrupt_files_are_refused(tmp_path: Path, content: str) -> None:
    (tmp_path / KEY_FILE_NAME).write_text(content)
    with pytest.raises(KeyFileError):
        load_or_create_key(tmp_path)


def test_tampered_seed_is_detected(tmp_path: Path) -> None:
    load_or_create_key(tmp_path)
    path = tmp_path / KEY_FILE_NAME
    document = json.loads(path.read_text())
    document["seed"] = "00" * 32
    path.write_text(json.dumps(document))
    with pytest.raises(KeyFileError, match="corrupt"):
        load_or_create_key(tmp_path)
