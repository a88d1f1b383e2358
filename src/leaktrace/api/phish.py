"""``POST /v1/phish``: the phishing triage over HTTP.

The body is either JSON ``{"text": "…", "channel": "sms"|"email", "lang": "fr"|"en"}`` or a raw
e-mail with ``Content-Type: message/rfc822``. JSON may add ``"sender"``, a text's sender as the
phone shows it (number, short code, name or e-mail address; see docs/phishing.md). The
language may also come as ``?lang=``. Bodies above :data:`MAX_BODY_BYTES` are refused while
they are read (413), before any parsing; every error answers ``{"error": "<one sentence>"}``
that never quotes the message or the sender. The message is analysed in memory and never
stored or logged.

The router is self-contained (it answers its own errors), so it can be included in any app.
"""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from leaktrace.errors import InputError
from leaktrace.phishing.analyze import analyze
from leaktrace.phishing.sender import sender_in

__all__ = ["MAX_BODY_BYTES", "router"]

MAX_BODY_BYTES = 2_000_000  # a mail with a small attachment; larger ones are not SMS lures
_JSON_SHAPE = 'request body must be {"text": "...", "channel": "sms"|"email"}'

router = APIRouter(prefix="/v1")


class _TooLarge(Exception):
    pass


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse(
        {"error": message}, status_code=status, headers={"Cache-Control": "no-store"}
    )


async def _body(request: Request) -> bytes:
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > MAX_BODY_BYTES:
        raise _TooLarge
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY_BYTES:
            raise _TooLarge
        chunks.append(chunk)
    return b"".join(chunks)


def _from_json(body: bytes) -> tuple[str, Any, Any, Any]:
    try:
        document = json.loads(body)
    except (json.JSONDecodeError, UnicodeDecodeError):
        raise InputError("request body is not valid JSON") from None
    if not isinstance(document, dict) or not isinstance(document.get("text"), str):
        raise InputError(_JSON_SHAPE)
    unknown = set(document) - {"text", "channel", "lang", "sender"}
    if unknown:
        raise InputError("request body has an unknown field: only text, channel, lang, sender")
    channel = document.get("channel", "sms")
    if channel not in ("sms", "email"):
        raise InputError("channel must be 'sms' or 'email'")
    return document["text"], channel, document.get("lang"), sender_in(document)


# What the body may be, for /openapi.json (the route reads the raw body itself, to take either
# media type). The pattern is what the analyzer accepts: some text, no control characters.
_TEXT_SCHEMA = {
    "type": "string",
    "pattern": r"^[^\x00-\x08\x0b\x0c\x0e-\x1f]*\S[^\x00-\x08\x0b\x0c\x0e-\x1f]*$",
}
_REQUEST_BODY = {
    "required": True,
    "content": {
        "application/json": {
            "schema": {
                "type": "object",
                "required": ["text"],
                "additionalProperties": False,
                "properties": {
                    "text": {**_TEXT_SCHEMA, "maxLength": 200_000},
                    "channel": {"type": "string", "enum": ["sms", "email"]},
                    "lang": {"type": "string", "enum": ["fr", "en"]},
                    # A text's sender as the phone shows it; an e-mail has its From: header.
                    "sender": {
                        "type": "string",
                        "maxLength": 254,
                        "pattern": r"^[^\x00-\x1f\x7f]*$",
                    },
                },
            }
        },
        "message/rfc822": {"schema": _TEXT_SCHEMA},
    },
}


@router.post(
    "/phish",
    summary="Phishing verdict, score, reasons and advice for an SMS or e-mail",
    responses={400: {"description": "bad input"}, 413: {"description": "body too large"}},
    openapi_extra={"requestBody": _REQUEST_BODY},
)
async def phish(request: Request) -> JSONResponse:
    """JSON ``{"text", "channel"}`` or a raw ``message/rfc822`` body → the analysis."""
    try:
        body = await _body(request)
    except _TooLarge:
        return _error(413, f"request body is too large (more than {MAX_BODY_BYTES:,} bytes)")
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    try:
        lang: Any = request.query_params.get("lang")
        sender: Any = None
        if media == "message/rfc822":
            data: str | bytes = body
            channel: Any = "email"
        elif media in ("application/json", ""):
            data, channel, body_lang, sender = _from_json(body)
            lang = lang or body_lang
        else:
            raise InputError("content type must be application/json or message/rfc822")
        lang = lang or "fr"
        if lang not in ("fr", "en"):
            raise InputError("lang must be 'fr' or 'en'")
        # Parsing and rules are CPU-bound: keep them off the event loop.
        result = await run_in_threadpool(analyze, data, channel, lang=lang, sender=sender)
    except InputError as exc:
        return _error(400, exc.message)
    return JSONResponse(result, headers={"Cache-Control": "no-store"})
