"""Every error the API answers has one shape, ``{"error": "<one sentence>"}``.

Leaktrace errors keep their own status (``http_status``) and message, except server-side
failures (>= 500), which answer ``internal error``: their messages may name files. Request
validation errors answer 400 with a sentence naming the field, never the value sent.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from leaktrace.errors import LeaktraceError, RateLimitedError
from leaktrace.lookup.ratelimit import retry_after_header
from leaktrace.lookup.service import MAX_BATCH

__all__ = ["error_response", "install_error_handlers", "validation_message"]

ERRORS = logging.getLogger("leaktrace.api")
_NAMED = frozenset({"blinded", "prefix", "name"})
_WHAT = {
    "string_type": "must be a string",
    "list_type": "must be a list",
    "too_short": "must hold at least 1 element",
    "too_long": f"must hold at most {MAX_BATCH} elements",
    "missing": "is required",
}
_SHAPE = 'request body must be a JSON object: {"blinded": ["<64 hex digits>", ...]}'
_HTTP = {
    400: "request body could not be read",
    404: "not found",
    405: "method not allowed",
}


def error_response(status: int, message: str, headers: Mapping[str, str] | None = None) -> Any:
    all_headers = {"Cache-Control": "no-store", **(headers or {})}
    return JSONResponse({"error": message}, status_code=status, headers=all_headers)


def _where(loc: Sequence[Any]) -> str:
    where = ""
    for part in loc[1:]:
        if isinstance(part, int):
            where += f"[{part}]"
        elif part in _NAMED:
            where += ("." if where else "") + str(part)
        else:
            break  # a key the client chose: never echo it
    return where or "request body"


def validation_message(errors: Sequence[Any]) -> str:
    """One sentence for the first problem, built from the location and the error type only."""
    if not errors:
        return "invalid request"
    first = errors[0]
    kind, loc = str(first.get("type", "")), tuple(first.get("loc", ()))
    if kind == "json_invalid":
        return "request body is not valid JSON"
    if loc[:1] == ("body",) and (len(loc) == 1 or kind == "model_attributes_type"):
        return _SHAPE
    if kind == "extra_forbidden":
        return "request body has an unknown field: only 'blinded' is allowed"
    where = _where(loc)
    if kind == "string_pattern_mismatch":
        digits = 5 if "prefix" in where else 64
        what = f"must be {digits} hexadecimal digits"
    else:
        what = _WHAT.get(kind, "is invalid")
    more = f" (and {len(errors) - 1} more problems)" if len(errors) > 1 else ""
    return f"{where}: {what}{more}"


async def _leaktrace_error(request: Request, exc: Exception) -> Any:
    assert isinstance(exc, LeaktraceError)
    if exc.http_status >= 500:
        ERRORS.error("%s answered as internal error", type(exc).__name__)
        return error_response(500, "internal error")
    headers = {}
    if isinstance(exc, RateLimitedError):
        headers["Retry-After"] = retry_after_header(exc.retry_after)
    return error_response(exc.http_status, exc.message, headers)


async def _validation_error(request: Request, exc: Exception) -> Any:
    assert isinstance(exc, RequestValidationError)
    return error_response(400, validation_message(exc.errors()))


async def _http_error(request: Request, exc: Exception) -> Any:
    assert isinstance(exc, HTTPException)
    status = exc.status_code
    # Our own HTTPExceptions carry a sentence; Starlette's defaults carry the status phrase.
    own = isinstance(exc.detail, str) and status not in _HTTP and status >= 400
    message = exc.detail if own else _HTTP.get(status, "request refused")
    return error_response(status, str(message), exc.headers)


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(LeaktraceError, _leaktrace_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(HTTPException, _http_error)
