"""The outermost layer of the app: body size cap, last-resort 500, and our access log.

uvicorn's access log is turned off (it prints client addresses and full paths). Ours writes one
line per request: a keyed hash of the client address (HMAC under a per-process random key, so
lines can be told apart per client but not traced back to one), the method, the path (only the
route template when the request failed, so that something a user typed into a URL is never
written down), the status and the duration. Bodies are never logged.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import secrets
import time
from typing import Any

from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

__all__ = ["LOG_CONFIG", "MAX_BODY", "AccessGuard", "BodyTooLarge"]

MAX_BODY = 64 * 1024
ACCESS = logging.getLogger("leaktrace.access")
ERRORS = logging.getLogger("leaktrace.api")
# Routes whose concrete path is logged when the request succeeded (a prefix, a breach name).
_CONCRETE = frozenset({"/v1/range/{prefix}", "/v1/breaches/{name}"})

LOG_CONFIG: dict[str, Any] = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {
        "stderr": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "stream": "ext://sys.stderr",
        }
    },
    "loggers": {
        "uvicorn": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
        "uvicorn.access": {"handlers": [], "level": "CRITICAL", "propagate": False},
        "leaktrace": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
    },
}


class BodyTooLarge(HTTPException):
    def __init__(self) -> None:
        super().__init__(413, f"request body too large (at most {MAX_BODY // 1024} KB)")


async def send_json(send: Send, status: int, document: dict[str, str]) -> None:
    body = json.dumps(document).encode()
    headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
        (b"cache-control", b"no-store"),
    ]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


def _logged_path(scope: Scope, status: int) -> str:
    template = getattr(scope.get("route"), "path", None)
    if not isinstance(template, str):
        return "-"  # no route matched: the path is whatever was typed
    if template in _CONCRETE and status in (200, 304):
        return str(scope["path"])
    return template


class AccessGuard:
    """ASGI middleware; see the module docstring."""

    def __init__(self, app: ASGIApp, max_body: int = MAX_BODY) -> None:
        self.app = app
        self.max_body = max_body
        self._key = secrets.token_bytes(32)

    def client_tag(self, scope: Scope) -> str:
        client = scope.get("client")
        host = str(client[0]) if client else "-"
        return hmac.new(self._key, host.encode(), hashlib.sha256).hexdigest()[:12]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 0

        async def sending(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
            await send(message)

        received = 0

        async def receiving() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body:
                    raise BodyTooLarge
            return message

        try:
            declared = dict(scope["headers"]).get(b"content-length", b"0")
            if not declared.isdigit() or int(declared) > self.max_body:
                raise BodyTooLarge
            await self.app(scope, receiving, sending)
        except HTTPException as exc:  # raised outside the app's own handlers
            if status == 0:
                await send_json(sending, exc.status_code, {"error": str(exc.detail)})
        except Exception as exc:
            # Never the message or the traceback: either may quote request data.
            ERRORS.error("unhandled %s", type(exc).__name__)
            if status == 0:
                await send_json(sending, 500, {"error": "internal error"})
        finally:
            ACCESS.info(
                "client=%s method=%s path=%s status=%d ms=%.1f",
                self.client_tag(scope),
                str(scope.get("method", "-"))[:16],
                _logged_path(scope, status),
                status,
                (time.perf_counter() - started) * 1000,
            )
