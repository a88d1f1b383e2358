"""Token buckets: in memory, in Redis (one Lua script), over HTTP with one and several workers."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from leaktrace.api import create_app
from leaktrace.config import RateLimit, Settings
from leaktrace.crypto import ServerKey
from leaktrace.errors import InputError, LeaktraceError, RateLimitedError
from leaktrace.lookup.ratelimit import MemoryRateLimiter, RedisRateLimiter, retry_after_header
from leaktrace.store import SQLiteStore
from tests._servers import serve_in_thread, unavailable
from tests.test_api import blinded, make_home, serve

REDIS_URL = "redis://127.0.0.1:6379/0"


class FakeClock:
    def __init__(self, now: float = 1000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def redis_prefix() -> Iterator[str]:
    redis = pytest.importorskip("redis")
    client = redis.Redis.from_url(REDIS_URL, socket_timeout=1)
    try:
        client.ping()
    except redis.RedisError:
        unavailable("Redis", "no server on 127.0.0.1:6379")
    prefix = f"leaktrace-test-{uuid.uuid4().hex}:"
    yield prefix
    for key in client.scan_iter(match=prefix + "*"):
        client.delete(key)
    client.close()


def outcome(limiter: MemoryRateLimiter | RedisRateLimiter, cost: int) -> float:
    try:
        limiter.acquire("client", cost)
    except RateLimitedError as exc:
        return exc.retry_after
    return 0.0


def test_memory_bucket_refills_and_caps() -> None:
    clock = FakeClock()
    limiter = MemoryRateLimiter(RateLimit(60, 3), clock=clock)  # 1 token a second
    assert [outcome(limiter, 1) for _ in range(3)] == [0.0, 0.0, 0.0]
    assert outcome(limiter, 1) == pytest.approx(1.0)
    clock.now += 0.5
    assert outcome(limiter, 1) == pytest.approx(0.5)
    clock.now += 0.5
    assert outcome(limiter, 1) == 0.0
    clock.now += 3600  # never more than the burst
    assert outcome(limiter, 3) == 0.0
    assert outcome(limiter, 1) == pytest.approx(1.0)
    limiter.acquire("other client", 3)  # buckets are per client
    with pytest.raises(InputError, match="exceeds the burst of 3"):
        limiter.acquire("fresh", 4)
    assert retry_after_header(0.2) == "1"
    assert retry_after_header(1.01) == "2"


def test_memory_forgets_full_buckets() -> None:
    clock = FakeClock()
    limiter = MemoryRateLimiter(RateLimit(60, 2), clock=clock, max_clients=2)
    limiter.acquire("a", 1)
    limiter.acquire("b", 1)
    with pytest.raises(RateLimitedError, match="busy"):
        limiter.acquire("c", 1)
    clock.now += 2  # a and b are full again: forgotten
    limiter.acquire("c", 1)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 12), st.integers(1, 5)), min_size=1, max_size=25))
def test_redis_agrees_with_memory(steps: list[tuple[int, int]]) -> None:
    redis = pytest.importorskip("redis")
    client = redis.Redis.from_url(REDIS_URL, socket_timeout=1)
    try:
        client.ping()
    except redis.RedisError:
        unavailable("Redis", "no server on 127.0.0.1:6379")
    prefix = f"leaktrace-test-{uuid.uuid4().hex}:"
    clock = FakeClock()
    limit = RateLimit(60, 5)
    memory = MemoryRateLimiter(limit, clock=clock)
    shared = RedisRateLimiter(limit, client, prefix=prefix, clock=clock)
    try:
        for quarters, cost in steps:
            clock.now += quarters / 4
            assert outcome(shared, cost) == pytest.approx(outcome(memory, cost))
        ttl = client.pttl(prefix + "client")
        assert ttl == -2 or 0 < ttl <= 6000  # expires once it would be full again
    finally:
        client.delete(prefix + "client")
        client.close()


def test_redis_is_shared_and_fails_closed(redis_prefix: str) -> None:
    import redis

    limit = RateLimit(1, 2)
    first = RedisRateLimiter(limit, redis.Redis.from_url(REDIS_URL), prefix=redis_prefix)
    second = RedisRateLimiter.from_url(limit, REDIS_URL, prefix=redis_prefix)
    first.acquire("c", 1)
    second.acquire("c", 1)
    with pytest.raises(RateLimitedError) as denied:
        first.acquire("c", 1)
    assert 55 < denied.value.retry_after <= 60
    first.close()
    second.close()
    down = RedisRateLimiter.from_url(limit, "redis://127.0.0.1:1/0")
    with pytest.raises(LeaktraceError, match="rate limiter unavailable"):
        down.acquire("c", 1)


def test_http_rate_limit_in_memory(home: Path, server_key: ServerKey) -> None:
    store = SQLiteStore(home / "leaktrace.db")
    clock = FakeClock()
    limiter = MemoryRateLimiter(RateLimit(60, 3), clock=clock)
    token = hashlib.sha256(b"tok-a").hexdigest()
    app = create_app(
        Settings(home=home), store, server_key, limiter=limiter, api_token_digests={token}
    )
    one = {"blinded": blinded(1)}
    with serve_in_thread(app) as url, httpx.Client(base_url=url) as http:
        assert [http.post("/v1/oprf/evaluate", json=one).status_code for _ in range(3)] == [200] * 3
        denied = http.post("/v1/oprf/evaluate", json=one)
        assert denied.status_code == 429
        assert denied.headers["retry-after"] == "1"
        assert denied.json() == {"error": "too many evaluations from this client; retry later"}
        clock.now += 1
        assert http.post("/v1/oprf/evaluate", json=one).status_code == 200
        too_big = http.post("/v1/oprf/evaluate", json={"blinded": blinded(4)})
        assert too_big.status_code == 400
        assert "burst of 3" in too_big.json()["error"]
        with_token = {"Authorization": "Bearer tok-a"}
        answers = [http.post("/v1/oprf/evaluate", json=one, headers=with_token) for _ in range(4)]
        assert [a.status_code for a in answers] == [200, 200, 200, 429]
        unknown = http.post("/v1/oprf/evaluate", json=one, headers={"Authorization": "Bearer x"})
        assert unknown.status_code == 401
        assert unknown.json() == {"error": "unknown API token"}
    store.close()


def test_http_rate_limit_shared_by_workers(tmp_path: Path, redis_prefix: str) -> None:
    """Two servers (one of them with two workers) share one Redis budget of 4 evaluations."""
    home = tmp_path / "home"
    make_home(home)
    common = ("--redis-url", REDIS_URL, "--redis-prefix", redis_prefix, "--rate-limit", "1/4")
    with (
        serve(home, tmp_path / "a.log", "--workers", "2", *common) as a,
        serve(home, tmp_path / "b.log", *common) as b,
    ):
        one = {"blinded": blinded(1)}

        def post(url: str) -> httpx.Response:
            # A new connection each time, so both workers of server a get requests.
            return httpx.post(url + "/v1/oprf/evaluate", json=one, headers={"Connection": "close"})

        assert [post(s.url).status_code for s in (a, b, a, b)] == [200] * 4
        for server in (a, b, a):
            denied = post(server.url)
            assert denied.status_code == 429
            assert 55 <= int(denied.headers["retry-after"]) <= 60
    import redis

    client = redis.Redis.from_url(REDIS_URL)
    keys = list(client.scan_iter(match=redis_prefix + "*"))
    assert len(keys) == 1
    assert keys[0].decode().startswith(redis_prefix + "ip:")
    assert 0 < client.pttl(keys[0]) <= 241_000
    client.close()


def test_what_counts_as_one_client() -> None:
    from leaktrace.api.app import _network

    assert _network("::ffff:192.0.2.7") == "192.0.2.7"  # dual-stack IPv4: not one shared bucket
    assert _network("2001:db8::1") == _network("2001:db8::ffff:1") == "2001:db8::/64"
    assert _network("192.0.2.7") == "192.0.2.7"
