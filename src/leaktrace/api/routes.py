"""The ``/v1`` routes. Handlers are plain functions: FastAPI runs them in its thread pool.

GET answers are served as the exact bytes of :func:`document_bytes` (the bytes
``export-ranges`` writes) with a strong ETag and ``Cache-Control: public``, so a CDN can
cache them; ``If-None-Match`` gets a 304.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Request, Response

from leaktrace.api.models import (
    BreachModel,
    ErrorResponse,
    EvaluateRequest,
    EvaluateResponse,
    RangeResponse,
)
from leaktrace.errors import NotFoundError
from leaktrace.lookup.ranges_export import document_bytes, etag_of
from leaktrace.store import BREACH_NAME_PATTERN, validate_breach_name

__all__ = ["BREACH_MAX_AGE", "RANGE_MAX_AGE", "router"]

RANGE_MAX_AGE = 3600
BREACH_MAX_AGE = 600

router = APIRouter(prefix="/v1")


def _errors(*statuses: int) -> dict[int | str, dict[str, Any]]:
    return {status: {"model": ErrorResponse} for status in (*statuses, 500)}


def _state(request: Request) -> Any:
    return request.app.state.leaktrace


def _matches(header: str | None, etag: str) -> bool:
    """Weak comparison of If-None-Match (RFC 9110 §13.1.2)."""
    if header is None:
        return False
    tags = [tag.strip().removeprefix("W/") for tag in header.split(",")]
    return "*" in tags or etag in tags


def _cacheable(request: Request, document: Any, max_age: int) -> Response:
    body = document_bytes(document)
    etag = etag_of(body)
    headers = {"ETag": etag, "Cache-Control": f"public, max-age={max_age}"}
    if _matches(request.headers.get("if-none-match"), etag):
        return Response(status_code=304, headers=headers)
    return Response(body, media_type="application/json", headers=headers)


@router.post(
    "/oprf/evaluate",
    response_model=EvaluateResponse,
    responses=_errors(400, 401, 413, 429),
    summary="BlindEvaluate a batch of blinded elements (rate-limited per element)",
)
def evaluate(body: EvaluateRequest, request: Request, response: Response) -> Any:
    """400 for a bad element (one opaque message) or a batch larger than the rate limit's
    burst (it could never pass); 429 with ``Retry-After`` when the client's bucket is empty."""
    state = _state(request)
    state.limiter.acquire(state.client_id(request), len(body.blinded))
    response.headers["Cache-Control"] = "no-store"
    return state.service.evaluate(body.blinded)


@router.get(
    "/range/{prefix}",
    response_model=RangeResponse,
    responses=_errors(400),
    summary="Index keys under a 20-bit prefix, padded with decoys to at least 64 entries",
)
def get_range(
    request: Request,
    prefix: Annotated[str, Path(pattern=r"^[0-9a-fA-F]{5}$", description="5 hex digits")],
) -> Response:
    return _cacheable(request, _state(request).service.range(prefix), RANGE_MAX_AGE)


@router.get(
    "/breaches",
    response_model=list[BreachModel],
    responses=_errors(),
    summary="The breach catalogue",
)
def get_breaches(request: Request) -> Response:
    return _cacheable(request, _state(request).service.breaches(), BREACH_MAX_AGE)


@router.get(
    "/breaches/{name}",
    response_model=BreachModel,
    responses=_errors(400, 404),
    summary="One breach, by its Name",
)
def get_breach(
    request: Request, name: Annotated[str, Path(pattern=BREACH_NAME_PATTERN)]
) -> Response:
    validate_breach_name(name)
    try:
        document = _state(request).service.breach(name)
    except NotFoundError:
        raise NotFoundError("no breach of that name") from None
    return _cacheable(request, document, BREACH_MAX_AGE)
