"""The check protocol over HTTP: a :class:`~leaktrace.lookup.client.Transport` on httpx.

Only blinded elements, 5-hex-digit range prefixes and breach names cross the wire. Server
errors come back as the matching leaktrace errors, so the CLI exits as it would in-process:
400/401/413/422 → InputError, 404 → NotFoundError, 429 → RateLimitedError (with
``retry_after`` from the ``Retry-After`` header), anything else → LeaktraceError.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from types import TracebackType
from typing import Any
from urllib.parse import urlsplit

import httpx

from leaktrace import __version__
from leaktrace.errors import (
    ConflictError,
    InputError,
    LeaktraceError,
    NotFoundError,
    RateLimitedError,
)
from leaktrace.lookup.service import PREFIX_HEX
from leaktrace.store import validate_breach_name

__all__ = ["HttpTransport"]

_PREFIX = re.compile(rf"[0-9a-fA-F]{{{PREFIX_HEX}}}")
_ELEMENT = re.compile(r"[0-9a-f]{64}")
_PRINTABLE = re.compile(r"[^\x20-\x7e\u00a0-\uffff]")


def _server_message(response: httpx.Response) -> str:
    try:
        message = response.json().get("error")
    except (ValueError, AttributeError):
        message = None
    if not isinstance(message, str) or not message:
        return f"HTTP {response.status_code}"
    return _PRINTABLE.sub("?", message)[:200]


def _retry_after(value: str | None) -> float:
    try:
        return max(1.0, float(value or "1"))
    except ValueError:
        return 60.0


def _error_for(response: httpx.Response) -> LeaktraceError:
    status = response.status_code
    message = _server_message(response)
    if status == 429:
        wait = _retry_after(response.headers.get("retry-after"))
        return RateLimitedError(f"rate limited by the server: retry in {wait:.0f} s", wait)
    if status == 404:
        return NotFoundError(message)
    if status == 409:
        return ConflictError(message)
    if 400 <= status < 500:
        return InputError(f"the server refused the request: {message}")
    return LeaktraceError(f"the server failed (HTTP {status}): {message}")


class HttpTransport:
    """Talks to a ``leaktrace serve`` (or a compatible ``/v1`` service) at ``base_url``."""

    def __init__(
        self,
        base_url: str,
        *,
        token: str | None = None,
        timeout: float = 10.0,
        client: httpx.Client | None = None,
    ) -> None:
        parts = urlsplit(base_url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise InputError("the server URL must look like http://host:port or https://host")
        # For messages: never the user:password part of a URL.
        port = f":{parts.port}" if parts.port else ""
        self.display_url = f"{parts.scheme}://{parts.hostname}{port}"
        headers = {"Accept": "application/json", "User-Agent": f"leaktrace/{__version__}"}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        self._owned = client is None  # an injected client stays open: its owner closes it
        self._client = client or httpx.Client(timeout=timeout)
        self._client.headers.update(headers)
        self._base = base_url.rstrip("/")

    def __enter__(self) -> HttpTransport:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        if self._owned:
            self._client.close()

    def _request(self, method: str, path: str, body: Any = None) -> Any:
        try:
            response = self._client.request(method, self._base + path, json=body)
        except httpx.TimeoutException:
            raise LeaktraceError(
                f"the server at {self.display_url} did not answer in time"
            ) from None
        except httpx.HTTPError as exc:
            raise LeaktraceError(
                f"cannot reach the server at {self.display_url} ({type(exc).__name__})"
            ) from None
        if response.status_code >= 400:
            raise _error_for(response)
        try:
            return response.json()
        except ValueError:
            raise self._invalid() from None

    def _invalid(self) -> LeaktraceError:
        return LeaktraceError(f"the server at {self.display_url} sent an invalid answer")

    def evaluate(self, blinded: Sequence[str]) -> dict[str, Any]:
        answer = self._request("POST", "/v1/oprf/evaluate", {"blinded": list(blinded)})
        evaluated = answer.get("evaluated") if isinstance(answer, dict) else None
        if (
            not isinstance(evaluated, list)
            or len(evaluated) != len(blinded)
            or not all(isinstance(e, str) and _ELEMENT.fullmatch(e) for e in evaluated)
            or not isinstance(answer.get("key_id"), str)
        ):
            raise self._invalid()
        return dict(answer)

    def range(self, prefix: str) -> dict[str, Any]:
        if not _PREFIX.fullmatch(prefix):
            raise InputError("range prefix must be 5 hexadecimal digits")
        answer = self._request("GET", f"/v1/range/{prefix.lower()}")
        if not isinstance(answer, dict) or answer.get("prefix") != prefix.lower():
            raise self._invalid()
        entries = answer.get("entries")
        if not isinstance(entries, list) or not all(
            isinstance(e, dict)
            and isinstance(e.get("suffix"), str)
            and isinstance(e.get("breaches"), list)
            for e in entries
        ):
            raise self._invalid()
        return answer

    def breach(self, name: str) -> dict[str, Any]:
        answer = self._request("GET", f"/v1/breaches/{validate_breach_name(name)}")
        if not isinstance(answer, dict) or answer.get("Name") != name:
            raise self._invalid()
        return answer

    def breaches(self) -> list[dict[str, Any]]:
        answer = self._request("GET", "/v1/breaches")
        if not isinstance(answer, list):
            raise self._invalid()
        return answer
