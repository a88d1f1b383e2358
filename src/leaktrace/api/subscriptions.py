"""``/v1/subscriptions`` and ``/v1/orgs``: verified alerts and group monitoring over HTTP.

Built by :func:`notify_router` from the app's settings, store and key. Bodies are parsed here,
not by pydantic, so that every problem answers one sentence naming the field (never the value)
through the app's ``{"error": …}`` handlers, before anything is changed. Handlers are plain
functions (FastAPI's thread pool); messages they queue are delivered after the answer is sent,
and a periodic loop retries what failed (``NotifySettings.deliver_interval``).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import time
from collections.abc import AsyncIterator, Callable, Mapping
from contextlib import asynccontextmanager
from typing import Annotated, Any

from fastapi import APIRouter, BackgroundTasks, Depends, FastAPI, Request, Response

from leaktrace.config import Settings
from leaktrace.crypto import ServerKey
from leaktrace.errors import InputError
from leaktrace.notify import NotifySettings, open_notifier, orgs, subscriptions
from leaktrace.notify import members as org_members
from leaktrace.notify.courier import Courier
from leaktrace.notify.senders import Sender
from leaktrace.notify.service import Notifier
from leaktrace.store import Store

__all__ = ["notify_router"]

_PENDING = {
    "status": "pending",
    "detail": "If this address can receive messages, a confirmation is on its way.",
}
Body = dict[str, Any]


async def _json_object(request: Request) -> Body:
    """The request body as a JSON object, or one clear 400."""
    raw = await request.body()
    try:
        document = json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        raise InputError("request body is not valid JSON") from None
    if not isinstance(document, dict):
        raise InputError("request body must be a JSON object")
    return document


JsonBody = Annotated[Body, Depends(_json_object)]


def _fields(body: Body, allowed: tuple[str, ...]) -> Body:
    if set(body) - set(allowed):
        # The unknown key is the client's text: name the allowed ones instead.
        raise InputError(f"request body has an unknown field; allowed: {', '.join(allowed)}")
    return body


def _throttle(request: Request) -> None:
    """Spend one token of the app's rate limiter (the OPRF one) when the app has it: these
    endpoints send messages and must not become a way to mail-bomb or probe at high rate."""
    state = getattr(request.app.state, "leaktrace", None)
    if state is not None:
        state.limiter.acquire(state.client_id(request), 1)


def _token(token: str | None) -> str:
    if not token:
        raise InputError("token: is required")
    return token


def _schema(required: list[str], **properties: str) -> dict[str, Any]:
    props = {name: {"type": kind} for name, kind in properties.items()}
    schema = {"type": "object", "properties": props, "required": required}
    return {"requestBody": {"required": True, "content": {"application/json": {"schema": schema}}}}


def notify_router(
    settings: Settings,
    store: Store,
    key: ServerKey,
    *,
    notify_settings: NotifySettings | None = None,
    env: Mapping[str, str] | None = None,
    clock: Callable[[], float] = time.time,
    senders: Mapping[str, Sender] | None = None,
) -> APIRouter:
    """The router; ``notify_settings`` default to ``NotifySettings.from_env(env or os.environ)``
    with ``settings.base_url``. Opens ``notify.db``/``notify.key`` in the home, closed with the
    app."""
    if notify_settings is None:
        notify_settings = NotifySettings.from_env(
            os.environ if env is None else env, base_url=settings.base_url
        )
    notifier = open_notifier(
        settings.home, store, key, notify_settings, region=settings.region, clock=clock
    )
    courier = Courier(notifier, senders)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        task = None
        if notify_settings.deliver_interval > 0:
            task = asyncio.create_task(_retry_loop(courier, notify_settings.deliver_interval))
        try:
            yield
        finally:
            if task is not None:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task
            notifier.close()

    router = APIRouter(prefix="/v1", lifespan=lifespan, tags=["notifications"])
    _subscription_routes(router, notifier, courier)
    _org_routes(router, notifier, courier)
    return router


async def _retry_loop(courier: Courier, interval: float) -> None:
    while True:
        await asyncio.sleep(interval)
        await asyncio.to_thread(courier.kick)


def _no_store(response: Response) -> None:
    response.headers["Cache-Control"] = "no-store"


def _subscription_routes(router: APIRouter, notifier: Notifier, courier: Courier) -> None:
    @router.post(
        "/subscriptions",
        status_code=202,
        summary="Subscribe an email or a phone; always the same answer",
        openapi_extra=_schema([], email="string", phone="string", lang="string"),
    )
    def subscribe(
        body: JsonBody, request: Request, response: Response, background: BackgroundTasks
    ) -> Body:
        _fields(body, ("email", "phone", "lang"))
        kinds = [k for k in ("email", "phone") if k in body]
        if len(kinds) != 1:
            raise InputError("give exactly one of 'email' or 'phone'")
        _throttle(request)
        subscriptions.subscribe(notifier, kinds[0], body[kinds[0]], body.get("lang"))
        background.add_task(courier.kick)
        _no_store(response)
        return dict(_PENDING)

    @router.get("/subscriptions/verify", summary="Confirm an email subscription (mailed link)")
    def verify(response: Response, background: BackgroundTasks, token: str | None = None) -> Body:
        subscriptions.verify(notifier, _token(token))
        background.add_task(courier.kick)
        _no_store(response)
        return {"status": "confirmed", "detail": "Your report is on its way."}

    @router.post(
        "/subscriptions/verify-code",
        summary="Confirm a phone subscription (SMS code)",
        openapi_extra=_schema(["phone", "code"], phone="string", code="string"),
    )
    def verify_code(
        body: JsonBody, request: Request, response: Response, background: BackgroundTasks
    ) -> Body:
        _fields(body, ("phone", "code"))
        if "phone" not in body or "code" not in body:
            raise InputError("give both 'phone' and 'code'")
        _throttle(request)
        subscriptions.verify_code(notifier, body["phone"], body["code"])
        background.add_task(courier.kick)
        _no_store(response)
        return {"status": "confirmed", "detail": "Your report is on its way."}

    def unsubscribe(response: Response, token: str | None = None) -> Body:
        subscriptions.unsubscribe(notifier, _token(token))
        _no_store(response)
        return {"status": "unsubscribed"}

    # GET for the link in every message; POST for RFC 8058 one-click unsubscribe.
    summary = "Stop every message to this address (link in every message)"
    router.get("/subscriptions/unsubscribe", summary=summary)(unsubscribe)
    router.post("/subscriptions/unsubscribe", summary=summary)(unsubscribe)


def _org_routes(router: APIRouter, notifier: Notifier, courier: Courier) -> None:
    def org_id(request: Request) -> int:
        scheme, _, api_key = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer":
            api_key = ""
        return orgs.authenticate(notifier, api_key.strip())

    # A default, not Annotated[...]: annotations are strings here (PEP 563), resolved in the
    # module's globals, where this closure's dependency does not exist.
    authorized = Depends(org_id)

    @router.post(
        "/orgs",
        status_code=202,
        summary="Open an organisation account; confirmed by a mailed link",
        openapi_extra=_schema(["name", "email"], name="string", email="string", lang="string"),
    )
    def create(
        body: JsonBody, request: Request, response: Response, background: BackgroundTasks
    ) -> Body:
        _fields(body, ("name", "email", "lang"))
        if "name" not in body or "email" not in body:
            raise InputError("give both 'name' and 'email'")
        _throttle(request)
        orgs.create_org(notifier, body["name"], body["email"], body.get("lang"))
        background.add_task(courier.kick)
        _no_store(response)
        return dict(_PENDING)

    @router.get("/orgs/verify", summary="Confirm an organisation; answers its API key once")
    def verify(response: Response, token: str | None = None) -> Body:
        _no_store(response)
        return orgs.verify_org(notifier, _token(token))

    @router.post(
        "/orgs/members",
        summary="Add or update members (identifiers are PRF'd on arrival, never stored)",
        openapi_extra=_schema(["members"], members="array"),
    )
    def upload(
        body: JsonBody, response: Response, background: BackgroundTasks, org: int = authorized
    ) -> Body:
        _fields(body, ("members",))
        if "members" not in body:
            raise InputError("members: is required")
        result = org_members.upload_members(notifier, org, body["members"])
        background.add_task(courier.kick)
        _no_store(response)
        return result

    @router.delete("/orgs/members", summary="Forget every member")
    def clear(response: Response, org: int = authorized) -> Body:
        org_members.clear_members(notifier, org)
        _no_store(response)
        return {"members": 0}

    @router.get("/orgs/report", summary="Member counts per breach and data class")
    def report(response: Response, org: int = authorized) -> Body:
        _no_store(response)
        return org_members.org_report(notifier, org)

    @router.post(
        "/orgs/notify", status_code=202, summary="Have leaktrace tell each member of its breaches"
    )
    def notify(response: Response, background: BackgroundTasks, org: int = authorized) -> Body:
        org_members.enable_member_notices(notifier, org)
        background.add_task(courier.kick)
        _no_store(response)
        return {"status": "enabled"}
