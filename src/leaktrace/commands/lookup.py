"""``leaktrace check`` (the private exposure check), ``serve`` and ``export-ranges``."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from leaktrace import _render
from leaktrace.commands._common import JsonOpt, emit_json, guard, open_settings_store, settings_of
from leaktrace.config import RateLimit
from leaktrace.crypto import load_or_create_key
from leaktrace.errors import InputError, InvalidIdentifierError
from leaktrace.identifiers import normalize
from leaktrace.lookup import (
    CheckResult,
    Client,
    InProcessTransport,
    LookupService,
    OfflineTransport,
    Transport,
    export_ranges,
)
from leaktrace.lookup.advice import LANGS
from leaktrace.lookup.ranges_export import default_jobs
from leaktrace.lookup.ranges_upload import is_remote, upload_export

__all__ = ["check", "export_ranges_command", "serve"]


def _check_remote(
    server: str, index: Path | None, token: str | None, ids: list[tuple[str, str]]
) -> list[CheckResult]:
    from leaktrace.lookup.http import HttpTransport

    with HttpTransport(server, token=token) as http:
        transport: Transport = OfflineTransport(index, http) if index else http
        return Client(transport).check(ids)


def check(
    ctx: typer.Context,
    email: Annotated[str | None, typer.Option(help="An email address.")] = None,
    phone: Annotated[str | None, typer.Option(help="A phone number.")] = None,
    nir: Annotated[str | None, typer.Option(help="A social security number (NIR).")] = None,
    server: Annotated[
        str | None, typer.Option("--server", help="Check against a leaktrace server (URL).")
    ] = None,
    index: Annotated[
        Path | None,
        typer.Option("--index", help="Read ranges from an export-ranges folder (needs --server)."),
    ] = None,
    lang: Annotated[
        str | None, typer.Option("--lang", help="fr or en (default: from the locale).")
    ] = None,
    token: Annotated[
        str | None,
        typer.Option("--token", envvar="LEAKTRACE_API_TOKEN", help="API token for --server."),
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Check identifiers privately: blind, evaluate, finalize, range (never the identifier)."""
    settings = settings_of(ctx)

    def run() -> None:
        language = lang or settings.lang
        if language not in LANGS:
            raise InputError("--lang must be 'fr' or 'en'")
        wanted = [(k, v) for k, v in (("email", email), ("phone", phone), ("nir", nir)) if v]
        if not wanted:
            raise InputError("give at least one of --email, --phone, --nir")
        if index is not None and server is None:
            raise InputError("--index needs --server: the one OPRF evaluation is online")
        identifiers = []
        for kind, raw in wanted:
            value = normalize(kind, raw, region=settings.region)
            if value is None:
                raise InvalidIdentifierError(f"the {kind} given is not valid")
            identifiers.append((kind, value))
        if server is not None:
            results = _check_remote(server, index, token, identifiers)
        else:
            key = load_or_create_key(settings.home)
            with open_settings_store(settings) as store:
                store.bind_key(key.key_id)
                client = Client(InProcessTransport(LookupService(store, key)))
                results = client.check(identifiers)
        if as_json:
            emit_json(_render.check_json(results, lang=language))
        else:
            _render.check_results(Console(), results, lang=language)

    guard(settings.debug, run)


def serve(
    ctx: typer.Context,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=0, max=65535, help="Port to listen on.")] = 8000,
    workers: Annotated[int, typer.Option(min=1, help="Worker processes (>1 needs Redis).")] = 1,
    rate_limit: Annotated[
        str | None,
        typer.Option("--rate-limit", help="Evaluations per minute/burst, e.g. 30/10."),
    ] = None,
    redis_url: Annotated[
        str | None, typer.Option("--redis-url", help="Share rate limits through Redis.")
    ] = None,
    redis_prefix: Annotated[
        str, typer.Option("--redis-prefix", help="Prefix of the rate-limit keys in Redis.")
    ] = "leaktrace:ratelimit:",
) -> None:
    """Serve the /v1 API (OPRF evaluation, ranges, breaches) on uvicorn."""
    settings = settings_of(ctx)

    def run() -> None:
        from leaktrace.api import serve as serve_api

        changes: dict[str, object] = {}
        if rate_limit is not None:
            changes["rate_limit"] = RateLimit.parse(rate_limit)
        if redis_url is not None:
            changes["redis_url"] = redis_url
        serve_api(
            dataclasses.replace(settings, **changes),  # type: ignore[arg-type]
            host=host,
            port=port,
            workers=workers,
            redis_prefix=redis_prefix,
        )

    guard(settings.debug, run)


def export_ranges_command(
    ctx: typer.Context,
    folder: Annotated[
        str,
        typer.Argument(help="Output folder (new, or a previous export), or s3://bucket/prefix."),
    ],
    prefix: Annotated[
        list[str] | None,
        typer.Option("--prefix", help="Export only this range (repeatable); default: all."),
    ] = None,
    jobs: Annotated[int, typer.Option(min=0, help="Worker processes (0: one per core).")] = 0,
    endpoint_url: Annotated[
        str | None, typer.Option(help="S3-compatible endpoint (object storage other than AWS).")
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Write all 2^20 ranges and the breach documents as static files, as the API serves them."""
    settings = settings_of(ctx)

    def run() -> None:
        key = load_or_create_key(settings.home)
        console = Console(stderr=True)
        columns = (
            TextColumn("[bold]export"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeRemainingColumn(),
        )
        show = console.is_terminal and not as_json
        with (
            open_settings_store(settings) as store,
            Progress(*columns, console=console, disable=not show) as bar,
        ):
            store.bind_key(key.key_id)
            task = bar.add_task("export", total=None)

            def on_progress(done: int, total: int) -> None:
                bar.update(task, completed=done, total=total)

            if is_remote(folder):
                options = {"client_kwargs": {"endpoint_url": endpoint_url}} if endpoint_url else {}
                report = upload_export(
                    store,
                    key,
                    folder,
                    prefixes=prefix or None,
                    jobs=jobs or default_jobs(),
                    progress=on_progress,
                    storage_options=options,
                )
            else:
                report = export_ranges(
                    store,
                    key,
                    Path(folder),
                    prefixes=prefix or None,
                    jobs=jobs or default_jobs(),
                    progress=on_progress,
                )
        if as_json:
            emit_json({"folder": str(folder), **report.to_json()})
        else:
            Console().print(
                f"Exported {report.ranges:,} ranges ({report.real_entries:,} real entries) and "
                f"{report.breaches:,} breaches to {folder}: {report.bytes / 1e6:,.1f} MB "
                f"in {report.seconds:,.1f} s."
            )

    guard(settings.debug, run)
