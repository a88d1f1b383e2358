"""``leaktrace breaches``, ``synth`` and ``demo``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from leaktrace import _render, synth
from leaktrace._demo import run_demo
from leaktrace._synth_lineage import standard_scenario, write_scenario
from leaktrace.commands._common import JsonOpt, emit_json, guard, open_settings_store, settings_of
from leaktrace.errors import InputError

__all__ = ["breaches", "demo", "synth_command"]


def breaches(ctx: typer.Context, as_json: JsonOpt = False) -> None:
    """List the breaches in the store."""
    settings = settings_of(ctx)

    def run() -> None:
        with open_settings_store(settings) as store:
            listing = [b.to_hibp() for b in store.breaches()]
        if as_json:
            emit_json(listing)
        else:
            _render.breaches_table(Console(), listing)

    guard(settings.debug, run)


def synth_command(
    ctx: typer.Context,
    people: Annotated[int, typer.Option(min=1, max=10_000_000, help="Number of people.")] = 1000,
    seed: Annotated[int, typer.Option(help="Random seed.")] = 0,
    out: Annotated[Path, typer.Option(help="Output CSV.")] = Path("synthetic-leak.csv"),
    clean: Annotated[bool, typer.Option(help="Canonical formats instead of messy ones.")] = False,
    fmt: Annotated[
        str, typer.Option("--format", help=f"One of: {', '.join(synth.FORMATS)}.")
    ] = "csv",
    lineage: Annotated[
        bool,
        typer.Option(
            "--lineage",
            help="Write a lineage scenario into the folder OUT: three lab files, a repost, "
            "an aggregate with new people.",
        ),
    ] = False,
    as_json: JsonOpt = False,
) -> None:
    """Write a synthetic leak (Faker fr_FR, valid NIR keys) shaped like the 2021 lab file."""
    settings = settings_of(ctx)

    def run() -> None:
        if lineage:
            files = standard_scenario(people, seed)
            paths = write_scenario(out, files, seed)
            entries: list[dict[str, Any]] = [
                {
                    "file": p.name,
                    "format": f.fmt,
                    "rows": len(f.people),
                    "sources": f.sources,
                    "new_people": f.new,
                }
                for f, p in zip(files, paths, strict=True)
            ]
            if as_json:
                emit_json({"out": str(out), "files": entries})
            else:
                for entry in entries:
                    Console().print(
                        f"Wrote {entry['file']} ({entry['format']}, {entry['rows']:,} rows)"
                    )
            return
        if fmt not in synth.FORMATS:
            raise InputError(f"--format must be one of: {', '.join(synth.FORMATS)}")
        cohort = synth.patients(people, seed)
        rows = synth.write(out, cohort, fmt=fmt, messy=not clean, seed=seed)
        if as_json:
            emit_json(
                {"out": str(out), "format": fmt, "people": people, "rows": rows, "seed": seed}
            )
        else:
            Console().print(f"Wrote {rows:,} rows ({people:,} people) to {out}.")

    guard(settings.debug, run)


def demo(
    ctx: typer.Context,
    people: Annotated[int, typer.Option(min=10, help="People in the synthetic leak.")] = 2000,
    as_json: JsonOpt = False,
) -> None:
    """synth → ingest → check a present and an absent person, printed for a human."""
    settings = settings_of(ctx)
    guard(settings.debug, lambda: run_demo(settings, people, as_json))
