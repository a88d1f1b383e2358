"""``leaktrace ingest``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TransferSpeedColumn

from leaktrace import _render
from leaktrace.commands._common import JsonOpt, emit_json, guard, open_settings_store, settings_of
from leaktrace.crypto import load_or_create_key
from leaktrace.errors import InputError
from leaktrace.ingest import Options, ingest_file, plan_columns
from leaktrace.notify import after_ingest
from leaktrace.provenance import TracedIngest
from leaktrace.store import Breach, validate_breach_name

__all__ = ["ingest"]


def _parse_map(pairs: list[str]) -> dict[str, str]:
    overrides: dict[str, str] = {}
    for pair in pairs:
        column, sep, target = pair.partition("=")
        if not sep or not column:
            raise InputError("--map takes COLUMN=CLASS")
        overrides[column] = target
    return overrides


def ingest(
    ctx: typer.Context,
    files: Annotated[list[Path], typer.Argument(help="The leaked file(s): one breach.")],
    breach: Annotated[str, typer.Option("--breach", help="Name of the breach (stable id).")],
    title: Annotated[str | None, typer.Option(help="Human title.")] = None,
    date: Annotated[str | None, typer.Option(help="Breach date YYYY-MM-DD.")] = None,
    sensitive: Annotated[bool, typer.Option(help="Hide from public lookups.")] = False,
    description: Annotated[str, typer.Option(help="Description.")] = "",
    replace: Annotated[bool, typer.Option(help="Replace an existing breach of that name.")] = False,
    force: Annotated[
        bool, typer.Option(help="Ingest a file whose content was already ingested.")
    ] = False,
    workers: Annotated[
        int | None, typer.Option(min=1, max=256, help="Worker processes (default: all cores).")
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Show the column mapping only.")
    ] = False,
    mapping: Annotated[
        list[str] | None, typer.Option("--map", help="COLUMN=CLASS override.")
    ] = None,
    dask: Annotated[
        str | None,
        typer.Option(help="Compute on a Dask cluster: a scheduler address, or 'local'."),
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Ingest a leaked file as a breach: all of it, or nothing."""
    settings = settings_of(ctx)

    def run() -> None:
        overrides = _parse_map(mapping or [])
        if dry_run:
            opts = Options(overrides=overrides)
            tables = [table for file in files for table in plan_columns(file, opts)]
            if as_json:
                emit_json({"tables": [t.to_json() for t in tables]})
            else:
                for table in tables:
                    _render.column_table(Console(), table)
            return
        try:
            breach_date = dt.date.fromisoformat(date) if date else dt.date.today()
        except ValueError:
            raise InputError("--date must be YYYY-MM-DD") from None
        record = Breach(
            name=validate_breach_name(breach),
            title=title or breach,
            breach_date=breach_date,
            added_date=dt.datetime.now(dt.UTC),
            description=description,
            is_sensitive=sensitive,
        )
        key = load_or_create_key(settings.home)
        console = Console(stderr=True)
        size = sum(f.stat().st_size for f in files) if all(f.is_file() for f in files) else None
        bar_columns = (
            TextColumn("[bold]ingest"),
            BarColumn(),
            DownloadColumn(),
            TransferSpeedColumn(),
            TextColumn("{task.fields[rows]:,} rows"),
        )
        show = console.is_terminal and not as_json
        with (
            open_settings_store(settings) as store,
            Progress(*bar_columns, console=console, disable=not show) as bar,
        ):
            task = bar.add_task("ingest", total=size, rows=0)
            traced = TracedIngest(store)
            report = ingest_file(
                files,
                store,
                key,
                record,
                opts=Options(
                    overrides=overrides,
                    region=settings.region,
                    workers=workers,
                    dask=dask,
                    progress=lambda done, rows: bar.update(task, completed=done, rows=rows),
                ),
                replace=replace,
                force=force,
                before_commit=traced,
            )
            # After the commit: confirmed subscribers found in this breach get one notice each.
            notified = after_ingest(settings, store, key)
        trace = traced.result
        if as_json:
            emit_json(
                {
                    **report.to_json(),
                    "trace": trace.to_json() if trace else None,
                    "notifications": notified,
                }
            )
        else:
            _render.ingest_summary(Console(), report)
            if trace is not None:
                _render.trace_summary(Console(), trace)
            if notified:
                Console().print(f"{notified} notification(s) queued: leaktrace notify deliver")

    guard(settings.debug, run)
