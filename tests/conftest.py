from __future__ import annotations

import datetime as dt
import os
import secrets
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from leaktrace.api.phish import router as phish_router
from leaktrace.crypto import ServerKey
from leaktrace.store import Breach, SQLiteStore
from tests._servers import unavailable


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


@pytest.fixture
def phish_client() -> TestClient:
    """``POST /v1/phish`` alone, as any app that includes its router serves it."""
    api = FastAPI()
    api.include_router(phish_router)
    return TestClient(api)


def make_breach(name: str = "Labo2021", *, sensitive: bool = False) -> Breach:
    return Breach(
        name=name,
        title=f"{name} title",
        breach_date=dt.date(2021, 2, 23),
        added_date=dt.datetime(2021, 3, 1, 12, 0, tzinfo=dt.UTC),
        is_sensitive=sensitive,
    )


# PostgreSQL: one fresh database per test session, one fresh schema per test. The server is the
# one on 127.0.0.1:5432 (trust auth) unless LEAKTRACE_TEST_POSTGRES_URL names another database
# to connect to for CREATE DATABASE. Without psycopg or a server the PostgreSQL tests are skipped
# on a developer's machine and fail under CI (CI=true), where the machine starts PostgreSQL.
PG_ADMIN_URL = os.environ.get(
    "LEAKTRACE_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test"
)


@pytest.fixture(scope="session")
def pg_database() -> Iterator[str]:
    """The URL of a database created for this test session and dropped at its end."""
    try:
        import psycopg
        from psycopg import sql
    except ImportError:
        unavailable("PostgreSQL", "psycopg is not installed (pip install -e .)")
    name = f"leaktrace_test_{secrets.token_hex(6)}"
    try:
        with psycopg.connect(PG_ADMIN_URL, autocommit=True, connect_timeout=5) as conn:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    except psycopg.OperationalError as exc:
        unavailable("PostgreSQL", f"no server at {PG_ADMIN_URL} ({exc})")
    yield urllib.parse.urlsplit(PG_ADMIN_URL)._replace(path=f"/{name}", query="").geturl()
    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as conn:
        # FORCE: a test that failed may have left a connection open.
        conn.execute(sql.SQL("DROP DATABASE {} WITH (FORCE)").format(sql.Identifier(name)))


@pytest.fixture
def pg_url(pg_database: str) -> Iterator[str]:
    """A URL whose tables live in a schema of their own, created empty for this test."""
    import psycopg
    from psycopg import sql

    schema = f"t_{secrets.token_hex(6)}"
    with psycopg.connect(pg_database, autocommit=True) as conn:
        conn.execute(sql.SQL("CREATE SCHEMA {}").format(sql.Identifier(schema)))
    yield f"{pg_database}?options=-csearch_path%3D{schema}"
    with psycopg.connect(pg_database, autocommit=True) as conn:
        conn.execute(sql.SQL("DROP SCHEMA {} CASCADE").format(sql.Identifier(schema)))
