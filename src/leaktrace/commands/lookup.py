"""``leaktrace check``: the private exposure check."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console

from leaktrace import _render
from leaktrace.commands._common import JsonOpt, emit_json, guard, open_settings_store, settings_of
from leaktrace.crypto import load_or_create_key
from leaktrace.errors import InputError, InvalidIdentifierError
from leaktrace.identifiers import normalize
from leaktrace.lookup import Client, InProcessTransport, LookupService

__all__ = ["check"]


def check(
    ctx: typer.Context,
    email: Annotated[str | None, typer.Option(help="An email address.")] = None,
    phone: Annotated[str | None, typer.Option(help="A phone number.")] = None,
    nir: Annotated[str | None, typer.Option(help="A social security number (NIR).")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Check identifiers privately: blind, evaluate, finalize, range (never the identifier)."""
    settings = settings_of(ctx)

    def run() -> None:
        wanted = [(k, v) for k, v in (("email", email), ("phone", phone), ("nir", nir)) if v]
        if not wanted:
            raise InputError("give at least one of --email, --phone, --nir")
        identifiers = []
        for kind, raw in wanted:
            value = normalize(kind, raw, region=settings.region)
            if value is None:
                raise InvalidIdentifierError(f"the {kind} given is not valid")
            identifiers.append((kind, value))
        key = load_or_create_key(settings.home)
        with open_settings_store(settings) as store:
            store.bind_key(key.key_id)
            client = Client(InProcessTransport(LookupService(store, key)))
            results = client.check(identifiers)
        if as_json:
            emit_json(_render.check_json(results))
        else:
            _render.check_results(Console(), results)

    guard(settings.debug, run)
