"""Running the app on uvicorn: one worker in-process, or several sharing Redis.

Several workers need an import string: uvicorn starts fresh processes that build their app with
:func:`app_from_env`, an entry point reading the ``LEAKTRACE_*`` variables that :func:`serve`
sets from the CLI's settings.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

from fastapi import FastAPI

from leaktrace.api.access import LOG_CONFIG
from leaktrace.api.app import DEFAULT_REDIS_PREFIX, create_app, load_api_tokens
from leaktrace.config import Settings
from leaktrace.crypto import load_or_create_key
from leaktrace.errors import InputError
from leaktrace.store import open_store

__all__ = ["REDIS_PREFIX_VAR", "app_from_env", "serve", "worker_environment"]

REDIS_PREFIX_VAR = "LEAKTRACE_REDIS_PREFIX"


def worker_environment(settings: Settings, redis_prefix: str) -> dict[str, str | None]:
    """The variables that make :func:`app_from_env` rebuild ``settings`` (None: unset it)."""
    limit = settings.rate_limit
    return {
        "LEAKTRACE_HOME": str(settings.home),
        "LEAKTRACE_DATABASE_URL": settings.database_url,
        "LEAKTRACE_RATE_LIMIT": f"{limit.per_minute!r}/{limit.burst}",
        "LEAKTRACE_REDIS_URL": settings.redis_url,
        "LEAKTRACE_BASE_URL": settings.base_url,
        REDIS_PREFIX_VAR: redis_prefix,
    }


def _check_home(settings: Settings) -> None:
    """What workers will open, opened once here so that a bad home fails before listening."""
    key = load_or_create_key(settings.home)
    store = open_store(settings.home, settings.database_url)
    try:
        store.bind_key(key.key_id)
    finally:
        store.close()
    load_api_tokens(settings.home)


def app_from_env(env: Mapping[str, str] | None = None) -> FastAPI:
    """Entry point for uvicorn workers: ``uvicorn --factory leaktrace.api:app_from_env``."""
    env = os.environ if env is None else env
    settings = Settings.from_env(env)
    return create_app(settings, redis_prefix=env.get(REDIS_PREFIX_VAR) or DEFAULT_REDIS_PREFIX)


def serve(
    settings: Settings,
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    workers: int = 1,
    redis_prefix: str = DEFAULT_REDIS_PREFIX,
) -> None:
    """Serve until interrupted. Errors in the home (key, store) surface before listening."""
    import uvicorn

    if workers > 1 and not settings.redis_url:
        raise InputError(
            "--workers above 1 needs --redis-url (or LEAKTRACE_REDIS_URL): in-memory rate "
            "limits would be per worker"
        )
    options = {
        "host": host,
        "port": port,
        "log_config": LOG_CONFIG,
        "access_log": False,
        "server_header": False,
        "timeout_graceful_shutdown": 5,
    }
    if workers <= 1:
        app = create_app(settings, redis_prefix=redis_prefix)  # fails early on a bad home
        uvicorn.run(app, **options)  # type: ignore[arg-type]
        return
    _check_home(settings)
    for name, value in worker_environment(settings, redis_prefix).items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value
    uvicorn.run(
        "leaktrace.api:app_from_env",
        factory=True,
        workers=workers,
        **options,  # type: ignore[arg-type]
    )
