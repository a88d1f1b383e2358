"""The ``leaktrace`` command line (typer + rich).

Contract (DESIGN): ``leaktrace [--home DIR] COMMAND``; ``--json`` on every command prints one
JSON document on stdout and nothing else; errors are one line on stderr, exit code 2 for bad
input and 1 for internal failure, a traceback only with ``--debug``.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TransferSpeedColumn

from leaktrace import _render, synth
from leaktrace._demo import run_demo
from leaktrace.config import Settings
from leaktrace.crypto import load_or_create_key
from leaktrace.errors import InputError, InvalidIdentifierError, LeaktraceError
from leaktrace.identifiers import normalize
from leaktrace.ingest import ingest_file, plan_columns
from leaktrace.lookup import Client, InProcessTransport, LookupService
from leaktrace.store import Breach, Store, open_store, validate_breach_name

__all__ = ["app", "main"]

app = typer.Typer(
    name="leaktrace",
    help="Trace leaked health data and check exposure privately.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
T = TypeVar("T")
JsonOpt = Annotated[bool, typer.Option("--json", help="Print one JSON document on stdout.")]


def _settings(ctx: typer.Context) -> Settings:
    settings = ctx.obj
    assert isinstance(settings, Settings)
    return settings


@app.callback()
def _global(
    ctx: typer.Context,
    home: Annotated[
        Path | None,
        typer.Option("--home", help="Home folder (default $LEAKTRACE_HOME or ~/.leaktrace)."),
    ] = None,
    database: Annotated[str | None, typer.Option("--database", help="Database URL.")] = None,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks.")] = False,
) -> None:
    ctx.obj = _guard(
        debug, lambda: Settings.from_env(os.environ, home=home, database_url=database, debug=debug)
    )


def _guard(debug: bool, action: Callable[[], T]) -> T:
    """Run ``action``; turn any failure into one stderr line and the right exit code."""
    try:
        return action()
    except LeaktraceError as exc:
        if debug:
            traceback.print_exc()
        print(f"error: {exc.message}", file=sys.stderr)
        raise typer.Exit(exc.exit_code) from None
    except KeyboardInterrupt:
        print("error: interrupted; nothing was changed", file=sys.stderr)
        raise typer.Exit(130) from None
    except Exception as exc:
        # Unexpected errors may quote data in their text: show only the type unless --debug.
        if debug:
            traceback.print_exc()
        print(
            f"error: internal failure ({type(exc).__name__}); rerun with --debug", file=sys.stderr
        )
        raise typer.Exit(1) from None


@contextmanager
def _store(settings: Settings) -> Iterator[Store]:
    store = open_store(settings.home, settings.database_url)
    try:
        yield store
    finally:
        store.close()


def _emit_json(document: Any) -> None:
    sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")


def _parse_map(pairs: list[str]) -> dict[str, str]:
    overrides: dict[str, str] = {}
    for pair in pairs:
        column, sep, target = pair.partition("=")
        if not sep or not column:
            raise InputError("--map takes COLUMN=CLASS")
        overrides[column] = target
    return overrides


@app.command()
def ingest(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="The leaked file.")],
    breach: Annotated[str, typer.Option("--breach", help="Name of the breach (stable id).")],
    title: Annotated[str | None, typer.Option(help="Human title.")] = None,
    date: Annotated[str | None, typer.Option(help="Breach date YYYY-MM-DD.")] = None,
    sensitive: Annotated[bool, typer.Option(help="Hide from public lookups.")] = False,
    description: Annotated[str, typer.Option(help="Description.")] = "",
    replace: Annotated[bool, typer.Option(help="Replace an existing breach of that name.")] = False,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Show the column mapping only.")
    ] = False,
    mapping: Annotated[
        list[str] | None, typer.Option("--map", help="COLUMN=CLASS override.")
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Ingest a leaked file as a breach: all of it, or nothing."""
    settings = _settings(ctx)

    def run() -> None:
        overrides = _parse_map(mapping or [])
        if dry_run:
            columns = plan_columns(file, overrides)
            if as_json:
                _emit_json({"columns": [c.to_json() for c in columns]})
            else:
                _render.column_table(Console(), columns)
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
        show = console.is_terminal and not as_json
        size = file.stat().st_size if file.exists() else None
        with (
            _store(settings) as store,
            Progress(
                TextColumn("[bold]ingest"),
                BarColumn(),
                DownloadColumn(),
                TransferSpeedColumn(),
                TextColumn("{task.fields[rows]:,} rows"),
                console=console,
                disable=not show,
            ) as bar,
        ):
            task = bar.add_task("ingest", total=size, rows=0)
            report = ingest_file(
                file,
                store,
                key,
                record,
                overrides=overrides,
                region=settings.region,
                replace=replace,
                progress=lambda done, rows: bar.update(task, completed=done, rows=rows),
            )
        if as_json:
            _emit_json(report.to_json())
        else:
            _render.ingest_summary(Console(), report)

    _guard(settings.debug, run)


@app.command()
def breaches(ctx: typer.Context, as_json: JsonOpt = False) -> None:
    """List the breaches in the store."""
    settings = _settings(ctx)

    def run() -> None:
        with _store(settings) as store:
            listing = [b.to_hibp() for b in store.breaches()]
        if as_json:
            _emit_json(listing)
        else:
            _render.breaches_table(Console(), listing)

    _guard(settings.debug, run)


@app.command()
def check(
    ctx: typer.Context,
    email: Annotated[str | None, typer.Option(help="An email address.")] = None,
    phone: Annotated[str | None, typer.Option(help="A phone number.")] = None,
    nir: Annotated[str | None, typer.Option(help="A social security number (NIR).")] = None,
    as_json: JsonOpt = False,
) -> None:
    """Check identifiers privately: blind, evaluate, finalize, range (never the identifier)."""
    settings = _settings(ctx)

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
        with _store(settings) as store:
            store.bind_key(key.key_id)
            client = Client(InProcessTransport(LookupService(store, key)))
            results = client.check(identifiers)
        if as_json:
            _emit_json(_render.check_json(results))
        else:
            _render.check_results(Console(), results)

    _guard(settings.debug, run)


@app.command("synth")
def synth_command(
    ctx: typer.Context,
    people: Annotated[int, typer.Option(min=1, max=10_000_000, help="Number of people.")] = 1000,
    seed: Annotated[int, typer.Option(help="Random seed.")] = 0,
    out: Annotated[Path, typer.Option(help="Output CSV.")] = Path("synthetic-leak.csv"),
    clean: Annotated[bool, typer.Option(help="Canonical formats instead of messy ones.")] = False,
    as_json: JsonOpt = False,
) -> None:
    """Write a synthetic leak (Faker fr_FR, valid NIR keys) shaped like the 2021 lab file."""
    settings = _settings(ctx)

    def run() -> None:
        rows = synth.write_csv(out, synth.patients(people, seed), messy=not clean, seed=seed)
        if as_json:
            _emit_json({"out": str(out), "people": people, "rows": rows, "seed": seed})
        else:
            Console().print(f"Wrote {rows:,} rows ({people:,} people) to {out}.")

    _guard(settings.debug, run)


@app.command()
def demo(
    ctx: typer.Context,
    people: Annotated[int, typer.Option(min=10, help="People in the synthetic leak.")] = 2000,
    as_json: JsonOpt = False,
) -> None:
    """synth → ingest → check a present and an absent person, printed for a human."""
    settings = _settings(ctx)
    _guard(settings.debug, lambda: run_demo(settings, people, as_json))


def main() -> None:
    app(prog_name="leaktrace")
