"""Human output for the CLI (rich). JSON output never goes through here."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.console import Console
from rich.table import Table

from leaktrace.ingest import ColumnRole, IngestReport
from leaktrace.lookup import CheckResult

__all__ = [
    "breaches_table",
    "check_json",
    "check_results",
    "column_table",
    "ingest_summary",
]

_KIND_LABEL = {"email": "email address", "phone": "phone number", "nir": "social security number"}


def column_table(console: Console, columns: Sequence[ColumnRole]) -> None:
    table = Table(title="Column mapping")
    for name in ("column", "role", "data class", "confidence", "why"):
        table.add_column(name)
    for col in columns:
        table.add_row(
            col.header,
            col.role or "-",
            col.data_class or "-",
            f"{col.confidence:.2f}",
            col.reason,
        )
    console.print(table)


def ingest_summary(console: Console, report: IngestReport) -> None:
    breach = report.breach
    console.print(
        f"[bold green]Ingested[/] {breach['Name']} ({breach['Title']}): "
        f"{report.people:,} people from {report.rows:,} rows "
        f"({report.records:,} with an identifier, {report.malformed_rows:,} malformed)."
    )
    found = ", ".join(f"{n:,} {k}" for k, n in report.identifiers.items()) or "none"
    console.print(f"Identifiers: {found}.")
    console.print(f"Data classes: {', '.join(breach['DataClasses']) or 'none'}.")


def breaches_table(console: Console, breaches: Sequence[dict[str, Any]]) -> None:
    if not breaches:
        console.print("No breach ingested yet.")
        return
    table = Table(title="Breaches")
    for name in ("Name", "Title", "Breach date", "People", "Data classes", "Sensitive"):
        table.add_column(name)
    for b in breaches:
        table.add_row(
            b["Name"],
            b["Title"],
            b["BreachDate"],
            f"{b['PwnCount']:,}",
            ", ".join(b["DataClasses"]),
            "yes" if b["IsSensitive"] else "",
        )
    console.print(table)


def check_results(console: Console, results: Sequence[CheckResult]) -> None:
    for result in results:
        label = _KIND_LABEL.get(result.kind, result.kind)
        if not result.exposed:
            console.print(f"[green]Your {label} was not found[/] in any known breach.")
            continue
        console.print(f"[bold red]Your {label} was found in {len(result.breaches)} breach(es):[/]")
        for b in result.breaches:
            console.print(
                f"  • [bold]{b['Title']}[/] ({b['Name']}), breached {b['BreachDate']}: "
                f"{', '.join(b['DataClasses'])}"
            )


def check_json(results: Sequence[CheckResult]) -> dict[str, Any]:
    """The ``check --json`` document of DESIGN: kinds and breaches, never the identifier."""
    return {
        "exposed": any(r.exposed for r in results),
        "results": [
            {
                "kind": r.kind,
                "breaches": [
                    {k: b[k] for k in ("Name", "Title", "BreachDate", "DataClasses")}
                    for b in r.breaches
                ],
            }
            for r in results
        ],
    }
