"""Human output for the CLI (rich). JSON output never goes through here."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from leaktrace.ingest import IngestReport, TableMapping
from leaktrace.lookup import CheckResult, advice
from leaktrace.provenance import TraceResult

__all__ = [
    "breaches_table",
    "check_json",
    "check_results",
    "column_table",
    "ingest_summary",
    "trace_summary",
]

_KIND_LABEL = {"email": "email address", "phone": "phone number", "nir": "social security number"}


def column_table(console: Console, mapping: TableMapping) -> None:
    columns = mapping.columns
    table = Table(title=f"{mapping.name} ({mapping.format}, {mapping.encoding})")
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
    console.print(
        f"[bold green]Ingested[/] {report.breach}: {report.people:,} people from "
        f"{report.rows:,} rows ({report.records:,} with an identifier) "
        f"in {report.seconds:.1f} s."
    )
    found = ", ".join(f"{n:,} {k}" for k, n in report.identifiers.items()) or "none"
    console.print(f"Identifiers: {found}.")
    console.print(f"Data classes: {', '.join(report.data_classes) or 'none'}.")
    if report.rejected:
        rejected = ", ".join(f"{n:,} {reason}" for reason, n in report.rejected.items())
        console.print(f"[yellow]Rejected:[/] {rejected}.")


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


def _exposed_classes(results: Sequence[CheckResult]) -> list[str]:
    return list(dict.fromkeys(c for r in results for b in r.breaches for c in b["DataClasses"]))


def check_results(console: Console, results: Sequence[CheckResult], lang: str = "en") -> None:
    """Which breaches, when, which data classes; then what to do, in ``lang``."""
    for result in results:
        kind = advice.message(lang, result.kind) if result.kind in _KIND_LABEL else result.kind
        if not result.exposed:
            console.print(f"[green]{escape(advice.message(lang, 'absent', kind=kind))}[/]")
            continue
        line = advice.message(lang, "present", kind=kind, count=len(result.breaches))
        console.print(f"[bold red]{escape(line)}[/]")
        for b in result.breaches:
            classes = ", ".join(advice.label(c, lang) for c in b["DataClasses"])
            line = advice.message(
                lang,
                "breach",
                title=b["Title"],
                name=b["Name"],
                date=b["BreachDate"],
                classes=classes,
            )
            console.print(f"  • {escape(line)}")
    items = advice.advice_for(_exposed_classes(results), lang)
    if items:
        console.print(f"\n[bold]{escape(advice.message(lang, 'advice'))}[/]")
        for item in items:
            console.print(f"  • {escape(str(item['text']))}")


def check_json(results: Sequence[CheckResult], lang: str = "en") -> dict[str, Any]:
    """The ``check --json`` document of DESIGN: kinds and breaches, never the identifier;
    ``advice`` lists what to do per exposed data class (``id``, ``data_class``, ``text``)."""
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
        "advice": advice.advice_for(_exposed_classes(results), lang),
    }


def trace_summary(console: Console, result: TraceResult) -> None:
    colour = {"new": "green", "repackaged": "yellow", "aggregate": "red"}[result.verdict]
    console.print(
        f"[bold {colour}]{result.verdict}[/]: {result.people:,} people, "
        f"{result.new_share:.1%} found in no known breach."
    )
    for parent in result.parents:
        console.print(
            f"  • {parent.name}: {parent.share:.1%} of this file's people, "
            f"covering {parent.coverage:.1%} of that breach"
        )
    if result.proposed_flags:
        console.print(f"Proposed flags: {', '.join(result.proposed_flags)}.")
