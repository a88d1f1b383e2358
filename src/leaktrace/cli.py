"""The ``leaktrace`` command line (typer + rich).

Contract (DESIGN): ``leaktrace [--home DIR] COMMAND``; ``--json`` on every command prints one
JSON document on stdout and nothing else; errors are one line on stderr, exit code 2 for bad
input and 1 for internal failure, a traceback only with ``--debug``. The commands live in
:mod:`leaktrace.commands`, one module per area.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from leaktrace.commands import ingest as ingest_commands
from leaktrace.commands import lookup as lookup_commands
from leaktrace.commands import misc as misc_commands
from leaktrace.commands import notify as notify_commands
from leaktrace.commands import phish as phish_commands
from leaktrace.commands import provenance as provenance_commands
from leaktrace.commands._common import guard
from leaktrace.config import Settings

__all__ = ["app", "main"]

app = typer.Typer(
    name="leaktrace",
    help="Trace leaked health data and check exposure privately.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


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
    ctx.obj = guard(
        debug, lambda: Settings.from_env(os.environ, home=home, database_url=database, debug=debug)
    )


app.command()(ingest_commands.ingest)
app.command()(misc_commands.breaches)
app.command()(lookup_commands.check)
app.command()(lookup_commands.serve)
app.command("export-ranges")(lookup_commands.export_ranges_command)
app.command("synth")(misc_commands.synth_command)
app.command()(misc_commands.demo)
app.command()(provenance_commands.trace)
app.command()(provenance_commands.lineage)
app.command()(provenance_commands.export)
app.add_typer(notify_commands.app, name="notify")
app.command()(phish_commands.phish)


def main() -> None:
    app(prog_name="leaktrace")
