"""``leaktrace trace``, ``lineage`` and ``export``: where a file comes from."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from leaktrace import _render
from leaktrace.commands._common import JsonOpt, emit_json, guard, open_settings_store, settings_of
from leaktrace.crypto import load_or_create_key
from leaktrace.ingest import Options
from leaktrace.provenance import trace_file
from leaktrace.provenance.lineage import lineage_graph

__all__ = ["export", "lineage", "trace"]


def trace(
    ctx: typer.Context,
    file: Annotated[Path, typer.Argument(help="A leaked file.")],
    as_json: JsonOpt = False,
) -> None:
    """Trace a file against the known breaches (dry run: stores nothing)."""
    settings = settings_of(ctx)

    def run() -> None:
        key = load_or_create_key(settings.home)
        with open_settings_store(settings) as store:
            store.bind_key(key.key_id)
            result, _ = trace_file(file, store, key, Options(region=settings.region))
        if as_json:
            emit_json(result.to_json())
        else:
            _render.trace_summary(Console(), result)

    guard(settings.debug, run)


class GraphFormat(StrEnum):
    json = "json"
    dot = "dot"


def lineage(
    ctx: typer.Context,
    name: Annotated[str | None, typer.Argument(help="A breach (default: the whole graph).")] = None,
    fmt: Annotated[GraphFormat, typer.Option("--format", help="json or dot.")] = GraphFormat.json,
    as_json: JsonOpt = False,
) -> None:
    """Draw the lineage graph of the breaches: parents, children, shares."""
    settings = settings_of(ctx)

    def run() -> None:
        with open_settings_store(settings) as store:
            graph = lineage_graph(store, name)
        if as_json or fmt is GraphFormat.json:
            emit_json(graph.to_json())
        else:
            typer.echo(graph.to_dot(), nl=False)

    guard(settings.debug, run)


class ExportFormat(StrEnum):
    misp = "misp"
    stix = "stix"


def export(
    ctx: typer.Context,
    fmt: Annotated[ExportFormat, typer.Argument(help="misp or stix.")],
    name: Annotated[str, typer.Argument(help="The breach to export.")],
    as_json: JsonOpt = False,
) -> None:
    """Export a breach as a MISP event or a STIX 2.1 bundle (never an identifier)."""
    settings = settings_of(ctx)

    def run() -> None:
        # stix2 takes 0.1 s to import: only for this command.
        from leaktrace.provenance.export import misp_event, stix_bundle

        with open_settings_store(settings) as store:
            if fmt is ExportFormat.misp:
                emit_json(misp_event(store, name))
            else:
                emit_json(json.loads(stix_bundle(store, name)))

    _ = as_json  # both formats are JSON documents already
    guard(settings.debug, run)
