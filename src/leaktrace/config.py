"""The one settings object, built at the entry point (CLI or API) and passed down.

Only :func:`Settings.from_env` looks at environment variables, and only when an entry point hands
it a mapping: nothing below ``cli``/``api`` reads the environment.
"""

from __future__ import annotations

import locale
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from leaktrace.errors import InputError

__all__ = ["RateLimit", "Settings"]

DEFAULT_HOME = Path("~/.leaktrace")
_DEFAULT_BASE_URL = "http://127.0.0.1:8000"


@dataclass(frozen=True, slots=True)
class RateLimit:
    """A token bucket: ``per_minute`` evaluations refilled continuously, ``burst`` at most."""

    per_minute: float = 30.0
    burst: int = 10

    @classmethod
    def parse(cls, text: str) -> RateLimit:
        """``"30/10"`` (per minute / burst) or ``"30"`` (burst left at its default)."""
        try:
            rate, _, burst = text.partition("/")
            limit = cls(float(rate), int(burst) if burst else 10)
        except ValueError:
            raise InputError("rate limit must look like '30/10' (per minute/burst)") from None
        if limit.per_minute <= 0 or limit.burst < 1:
            raise InputError("rate limit must be positive")
        return limit


def _default_lang(env: Mapping[str, str]) -> str:
    tag = env.get("LC_ALL") or env.get("LC_MESSAGES") or env.get("LANG") or ""
    if not tag:
        tag = locale.getlocale()[0] or ""
    return "fr" if tag.lower().startswith("fr") else "en"


@dataclass(frozen=True, slots=True)
class Settings:
    home: Path
    database_url: str | None = None
    region: str = "FR"
    lang: str = "en"
    debug: bool = False
    rate_limit: RateLimit = field(default_factory=RateLimit)
    redis_url: str | None = None
    base_url: str = _DEFAULT_BASE_URL

    @classmethod
    def from_env(cls, env: Mapping[str, str], **overrides: object) -> Settings:
        """Settings from ``LEAKTRACE_*`` variables; explicit ``overrides`` (CLI flags) win."""
        home = Path(env.get("LEAKTRACE_HOME") or DEFAULT_HOME).expanduser()
        settings = cls(
            home=home,
            database_url=env.get("LEAKTRACE_DATABASE_URL") or None,
            lang=_default_lang(env),
            rate_limit=RateLimit.parse(env["LEAKTRACE_RATE_LIMIT"])
            if env.get("LEAKTRACE_RATE_LIMIT")
            else RateLimit(),
            redis_url=env.get("LEAKTRACE_REDIS_URL") or None,
            base_url=env.get("LEAKTRACE_BASE_URL") or _DEFAULT_BASE_URL,
        )
        given = {k: v for k, v in overrides.items() if v is not None}
        if "home" in given:
            given["home"] = Path(str(given["home"])).expanduser()
        if given.get("lang") not in (None, "fr", "en"):
            raise InputError("language must be 'fr' or 'en'")
        return replace(settings, **given)  # type: ignore[arg-type]
