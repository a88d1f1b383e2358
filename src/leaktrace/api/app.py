"""The app factory: one FastAPI app per process, built from a :class:`Settings`."""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import re
from collections.abc import AsyncIterator, Collection, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from starlette.exceptions import HTTPException

from leaktrace import __version__
from leaktrace.api.access import AccessGuard
from leaktrace.api.errors import install_error_handlers
from leaktrace.api.pages import pages_router
from leaktrace.api.phish import router as phish_router
from leaktrace.api.routes import router
from leaktrace.api.subscriptions import notify_router
from leaktrace.config import Settings
from leaktrace.crypto import ServerKey, load_or_create_key
from leaktrace.errors import InputError
from leaktrace.lookup.ratelimit import MemoryRateLimiter, RateLimiter, RedisRateLimiter
from leaktrace.lookup.service import LookupService
from leaktrace.phishing import warm_up
from leaktrace.store import Store, open_store

__all__ = ["API_TOKENS_FILE", "DEFAULT_REDIS_PREFIX", "ApiState", "create_app", "load_api_tokens"]

API_TOKENS_FILE = "api-tokens"
DEFAULT_REDIS_PREFIX = "leaktrace:ratelimit:"
_DIGEST = re.compile(r"[0-9a-f]{64}")
_NO_TELEMETRY = {
    "tracing": False,
    "metrics": False,
    "logs": False,
    "operation_spans": False,
    "auto_configure": False,
}


def load_api_tokens(home: Path) -> frozenset[str]:
    """SHA-256 hex digests of the API tokens this server accepts, one per line (# comments).

    The file holds digests only, never tokens: ``printf %s TOKEN | sha256sum``.
    """
    path = home / API_TOKENS_FILE
    if not path.exists():
        return frozenset()
    digests = set()
    for number, line in enumerate(path.read_text(encoding="ascii").splitlines(), 1):
        line = line.split("#", 1)[0].strip().lower()
        if line and not _DIGEST.fullmatch(line):
            raise InputError(f"{path}:{number}: expected a SHA-256 hex digest")
        if line:
            digests.add(line)
    return frozenset(digests)


def _network(host: str) -> str:
    """What counts as one client: an IPv4 address (IPv4-mapped too), or an IPv6 /64."""
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return host
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return str(address.ipv4_mapped)
        return str(ipaddress.ip_network(f"{address}/64", strict=False))
    return str(address)


@dataclass(frozen=True, slots=True)
class ApiState:
    """What the routes need, on ``app.state.leaktrace``."""

    service: LookupService
    limiter: RateLimiter
    token_digests: frozenset[str]
    id_key: bytes  # keyed hash of client addresses; the same in every worker

    def client_id(self, request: Request) -> str:
        """The rate-limit bucket: a known API token's digest, else the hashed client network."""
        auth = request.headers.get("authorization")
        if auth is not None:
            scheme, _, token = auth.partition(" ")
            if scheme.lower() != "bearer" or not token.strip():
                raise HTTPException(401, "the Authorization header must be 'Bearer <token>'")
            digest = hashlib.sha256(token.strip().encode()).hexdigest()
            if digest not in self.token_digests:
                raise HTTPException(401, "unknown API token", {"WWW-Authenticate": "Bearer"})
            return "token:" + digest[:32]
        host = request.client.host if request.client else "-"
        return (
            "ip:" + hmac.new(self.id_key, _network(host).encode(), hashlib.sha256).hexdigest()[:32]
        )


def create_app(
    settings: Settings,
    store: Store | None = None,
    key: ServerKey | None = None,
    *,
    limiter: RateLimiter | None = None,
    api_token_digests: Collection[str] | None = None,
    redis_prefix: str = DEFAULT_REDIS_PREFIX,
    notify_options: Mapping[str, Any] | None = None,
) -> FastAPI:
    """The ``/v1`` app.

    Opens the home's key and store unless given (and closes what it opened on shutdown);
    builds the rate limiter from ``settings`` (Redis when ``redis_url`` is set) unless one is
    given. ``api_token_digests`` are SHA-256 hex digests of accepted API tokens (default: the
    home's ``api-tokens`` file).
    """
    key = key or load_or_create_key(settings.home)
    owned = store is None
    store = store or open_store(settings.home, settings.database_url)
    store.bind_key(key.key_id)
    if limiter is None:
        limiter = (
            RedisRateLimiter.from_url(settings.rate_limit, settings.redis_url, redis_prefix)
            if settings.redis_url
            else MemoryRateLimiter(settings.rate_limit)
        )
    state = ApiState(
        service=LookupService(store, key),
        limiter=limiter,
        token_digests=frozenset(api_token_digests)
        if api_token_digests is not None
        else load_api_tokens(settings.home),
        id_key=hashlib.sha256(b"leaktrace client id v1" + key.secret).digest(),
    )
    opened_store = store

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # /v1/phish answers at once, and at full speed once this compile is done.
        warm_up(background=True)
        yield
        state.limiter.close()
        if owned:
            opened_store.close()

    app = FastAPI(
        title="leaktrace",
        version=__version__,
        description="Private exposure check: RFC 9497 OPRF evaluation, k-anonymity ranges "
        'and the breach catalogue. Every error answers {"error": "..."}.',
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
        lifespan=lifespan,
        telemetry=_NO_TELEMETRY,  # type: ignore[arg-type]
    )
    app.state.leaktrace = state
    app.include_router(router)
    # Subscriptions and notifications; options (settings, clock, senders) for tests.
    app.include_router(notify_router(settings, store, key, **dict(notify_options or {})))
    app.include_router(phish_router)
    app.include_router(pages_router(store))
    install_error_handlers(app)
    app.add_middleware(AccessGuard)
    return app
