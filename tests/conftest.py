from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from leaktrace.crypto import ServerKey
from leaktrace.store import Breach, SQLiteStore


@pytest.fixture
def home(tmp_path: Path) -> Path:
    path = tmp_path / "home"
    path.mkdir()
    return path


@pytest.fixture
def server_key() -> ServerKey:
    return ServerKey.from_seed(bytes(range(32)))


@pytest.fixture
def store(home: Path) -> Iterator[SQLiteStore]:
    s = SQLiteStore(home / "leaktrace.db")
    yield s
    s.close()


def make_breach(name: str = "Labo2021", *, sensitive: bool = False) -> Breach:
    return Breach(
        name=name,
        title=f"{name} title",
        breach_date=dt.date(2021, 2, 23),
        added_date=dt.datetime(2021, 3, 1, 12, 0, tzinfo=dt.UTC),
        is_sensitive=sensitive,
    )
