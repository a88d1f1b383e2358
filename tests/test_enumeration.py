"""An attacker enumerating phone numbers through the service is held to the configured rate.

The script below is what an enumerator would run: evaluate candidate numbers as fast as the
server answers, one per request and in batches, from one address, then with made-up API tokens.
The achieved evaluation rate is measured and must stay within the token bucket: burst plus
rate x elapsed time.
"""

from __future__ import annotations

import time
from pathlib import Path

import httpx

from tests.test_api import blinded, make_home, serve

PER_MINUTE = 600.0  # 10 per second, so the test is short
BURST = 5
SECONDS = 4.0


def _enumerate(url: str, batch: int, seconds: float, headers: dict[str, str]) -> tuple[int, int]:
    """(evaluations obtained, requests refused) by hammering evaluate for ``seconds``."""
    obtained = refused = 0
    candidates = blinded(batch * 8)
    deadline = time.monotonic() + seconds
    with httpx.Client(timeout=5, headers=headers) as client:
        i = 0
        while time.monotonic() < deadline:
            chunk = candidates[(i % 8) * batch : (i % 8 + 1) * batch]
            i += 1
            response = client.post(url + "/v1/oprf/evaluate", json={"blinded": chunk})
            if response.status_code == 200:
                obtained += len(response.json()["evaluated"])
            else:
                assert response.status_code in (401, 429), response.text
                refused += 1
    return obtained, refused


def test_enumeration_is_held_to_the_rate(tmp_path: Path) -> None:
    home = tmp_path / "home"
    make_home(home)
    with serve(home, tmp_path / "log", "--rate-limit", f"{PER_MINUTE:g}/{BURST}") as served:
        started = time.monotonic()
        singles, refused = _enumerate(served.url, 1, SECONDS, {})
        elapsed = time.monotonic() - started
        allowed = BURST + PER_MINUTE / 60 * elapsed
        rate = singles / elapsed
        print(
            f"enumerator got {singles} evaluations in {elapsed:.1f} s ({rate:.1f}/s); "
            f"configured {PER_MINUTE / 60:.1f}/s + burst {BURST}; {refused} refused"
        )
        assert singles <= allowed + 1
        assert refused > singles  # it was held back, not merely slow
        assert singles >= 0.5 * PER_MINUTE / 60 * SECONDS  # honest clients still get through

        # Batches do not buy more: each element costs one token.
        started = time.monotonic()
        batched, _ = _enumerate(served.url, BURST, 2.0, {})
        assert batched <= BURST + PER_MINUTE / 60 * (time.monotonic() - started) + BURST

        # Inventing API tokens does not open fresh buckets.
        forged, forged_refused = _enumerate(
            served.url, 1, 1.0, {"Authorization": "Bearer made-up-token"}
        )
        assert forged == 0
        assert forged_refused > 0
