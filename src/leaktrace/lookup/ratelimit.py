"""Token buckets for OPRF evaluations, per client: in memory, or shared through Redis.

A bucket holds at most ``burst`` tokens and refills at ``per_minute / 60`` tokens a second; one
evaluated element costs one token, so a batch of 64 costs 64. A batch larger than the burst can
never pass: it is refused as bad input (HTTP 400), not rate limited, since waiting cannot help.

Client ids reach this module already hashed (see :mod:`leaktrace.api`): no IP address or API
token is ever stored, in memory or in Redis.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from leaktrace.config import RateLimit
from leaktrace.errors import InputError, LeaktraceError, RateLimitedError

if TYPE_CHECKING:
    import redis

__all__ = [
    "Clock",
    "MemoryRateLimiter",
    "RateLimiter",
    "RedisRateLimiter",
    "check_cost",
    "retry_after_header",
]

Clock = Callable[[], float]

_DENIED = "too many evaluations from this client; retry later"


class RateLimiter(Protocol):
    def acquire(self, client: str, cost: int) -> None:
        """Take ``cost`` tokens from ``client``'s bucket or raise RateLimitedError."""

    def close(self) -> None: ...


def check_cost(limit: RateLimit, cost: int) -> None:
    """Refuse a cost no bucket can ever pay (InputError, HTTP 400)."""
    if cost > limit.burst:
        raise InputError(
            f"a batch of {cost} evaluations exceeds the burst of {limit.burst} allowed per "
            f"client: send at most {limit.burst} elements per request"
        )


def retry_after_header(seconds: float) -> str:
    """``Retry-After`` in whole seconds, rounded up, at least 1."""
    return str(max(1, math.ceil(seconds)))


class MemoryRateLimiter:
    """Buckets in this process's memory: one worker only. ``clock`` is injectable for tests."""

    def __init__(
        self, limit: RateLimit, clock: Clock = time.monotonic, max_clients: int = 100_000
    ) -> None:
        self._limit = limit
        self._rate = limit.per_minute / 60.0
        self._clock = clock
        self._max_clients = max_clients
        self._buckets: dict[str, tuple[float, float]] = {}  # client -> (tokens, when)
        self._lock = threading.Lock()

    def acquire(self, client: str, cost: int) -> None:
        check_cost(self._limit, cost)
        with self._lock:
            now = self._clock()
            tokens, when = self._buckets.get(client, (float(self._limit.burst), now))
            tokens = min(float(self._limit.burst), tokens + max(0.0, now - when) * self._rate)
            if tokens < cost:
                raise RateLimitedError(_DENIED, (cost - tokens) / self._rate)
            if client not in self._buckets and len(self._buckets) >= self._max_clients:
                self._forget_full(now)
            self._buckets[client] = (tokens - cost, now)

    def _forget_full(self, now: float) -> None:
        # A bucket that has refilled completely is the same as no bucket at all.
        full_after = self._limit.burst / self._rate
        self._buckets = {c: tw for c, tw in self._buckets.items() if now - tw[1] < full_after}
        if len(self._buckets) >= self._max_clients:
            raise RateLimitedError("the server is busy; retry later", 1.0)

    def close(self) -> None:
        self._buckets.clear()


# KEYS[1] bucket; ARGV: rate per second, burst, cost, now (negative: use the server's clock),
# ttl in ms. Returns "0" when allowed, else the seconds to wait, as a string (Lua numbers
# would be truncated to integers on the way back).
_LUA = """
local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local cost = tonumber(ARGV[3])
local now = tonumber(ARGV[4])
if now < 0 then
  local t = redis.call('TIME')
  now = tonumber(t[1]) + tonumber(t[2]) / 1000000
end
local state = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
local tokens = tonumber(state[1]) or burst
local ts = tonumber(state[2]) or now
tokens = math.min(burst, tokens + math.max(0, now - ts) * rate)
if tokens < cost then
  return tostring((cost - tokens) / rate)
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens - cost), 'ts', tostring(now))
redis.call('PEXPIRE', KEYS[1], ARGV[5])
return '0'
"""


class RedisRateLimiter:
    """Buckets in Redis, updated atomically by one Lua script: shared by every worker.

    Keys are ``prefix + client`` hashes that expire once the bucket would be full again.
    Without a ``clock`` the script reads Redis's own clock, so workers on several machines
    agree on time.
    """

    def __init__(
        self,
        limit: RateLimit,
        client: redis.Redis,
        prefix: str = "leaktrace:ratelimit:",
        clock: Clock | None = None,
    ) -> None:
        self._limit = limit
        self._rate = limit.per_minute / 60.0
        self._redis = client
        self._prefix = prefix
        self._clock = clock
        self._ttl_ms = math.ceil(limit.burst / self._rate * 1000) + 1000
        self._script = client.register_script(_LUA)

    @classmethod
    def from_url(
        cls, limit: RateLimit, url: str, prefix: str = "leaktrace:ratelimit:"
    ) -> RedisRateLimiter:
        import redis

        return cls(limit, redis.Redis.from_url(url, socket_timeout=2.0), prefix)

    def acquire(self, client: str, cost: int) -> None:
        import redis

        check_cost(self._limit, cost)
        now = -1.0 if self._clock is None else self._clock()
        try:
            answer = self._script(
                keys=[self._prefix + client],
                args=[repr(self._rate), self._limit.burst, cost, repr(now), self._ttl_ms],
            )
        except redis.RedisError as exc:
            raise LeaktraceError(f"rate limiter unavailable ({type(exc).__name__})") from None
        wait = float(answer.decode() if isinstance(answer, bytes) else answer)
        if wait > 0:
            raise RateLimitedError(_DENIED, wait)

    def close(self) -> None:
        self._redis.close()
