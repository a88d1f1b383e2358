"""Export a breach for threat-intelligence platforms: MISP event JSON and a STIX 2.1 bundle.

Counts, dates, data classes and lineage only: an export never carries an identifier or an
index key. Ids are derived from breach names (UUID v5) so re-exports update rather than duplicate.
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import stix2

from leaktrace.store import Breach, Store

__all__ = ["misp_event", "stix_bundle"]

_NAMESPACE = uuid.UUID("6f1f1a64-3c1e-4c55-9a4e-6c0c7d5e2a10")


def _uuid(*parts: str) -> str:
    return str(uuid.uuid5(_NAMESPACE, "/".join(parts)))


def _summary(breach: Breach) -> str:
    return (
        f"{breach.title}: {breach.pwn_count:,} people; breach date {breach.breach_date}; "
        f"data classes: {', '.join(breach.data_classes) or 'none'}."
    )


def misp_event(store: Store, name: str) -> dict[str, Any]:
    """A MISP event (the JSON layout PyMISP's ``MISPEvent.load`` reads)."""
    breach = store.breach(name)
    lineage = store.lineage(name)

    def attribute(kind: str, category: str, value: str, comment: str = "") -> dict[str, Any]:
        return {
            "uuid": _uuid(name, kind, value),
            "type": kind,
            "category": category,
            "value": value,
            "comment": comment,
            "to_ids": False,
            "distribution": "0",
        }

    attributes = [
        attribute("text", "Other", breach.title, "breach title"),
        attribute("counter", "Other", str(breach.pwn_count), "people affected"),
        attribute("datetime", "Other", f"{breach.breach_date.isoformat()}T00:00:00Z", "breach"),
    ]
    attributes += [attribute("text", "Other", c, "data class") for c in breach.data_classes]
    if lineage is not None:
        attributes.append(attribute("text", "Other", lineage.verdict, "lineage verdict"))
        attributes += [
            attribute(
                "text",
                "Other",
                p.name,
                f"parent breach: share {p.share:.2%}, coverage {p.coverage:.2%}",
            )
            for p in lineage.parents
        ]
    tags = [{"name": "tlp:amber"}, {"name": 'leaktrace:breach="' + name + '"'}]
    tags += [{"name": f'leaktrace:data-class="{c}"'} for c in breach.data_classes]
    return {
        "Event": {
            "uuid": _uuid(name),
            "info": f"Data breach: {breach.title}",
            "date": breach.added_date.date().isoformat(),
            "threat_level_id": "2",
            "analysis": "2",
            "distribution": "0",
            "published": False,
            "Attribute": attributes,
            "Tag": tags,
        }
    }


def _incident(breach: Breach) -> stix2.Incident:
    return stix2.Incident(
        id=f"incident--{_uuid(breach.name)}",
        name=breach.title,
        description=_summary(breach),
        created=breach.added_date,
        modified=breach.added_date,
        allow_custom=True,
        x_leaktrace_name=breach.name,
        x_leaktrace_pwn_count=breach.pwn_count,
        x_leaktrace_data_classes=breach.data_classes,
        x_leaktrace_breach_date=breach.breach_date.isoformat(),
        x_leaktrace_is_sensitive=breach.is_sensitive,
    )


def stix_bundle(store: Store, name: str, now: dt.datetime | None = None) -> str:
    """A STIX 2.1 bundle (JSON text): the breach, its parents, ``derived-from`` relationships."""
    breach = store.breach(name)
    lineage = store.lineage(name)
    identity = stix2.Identity(
        id=f"identity--{_uuid('leaktrace')}",
        name="leaktrace",
        identity_class="system",
        created=dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
        modified=dt.datetime(2026, 1, 1, tzinfo=dt.UTC),
    )
    objects: list[Any] = [identity, _incident(breach)]
    if lineage is not None:
        for parent in lineage.parents:
            objects.append(_incident(store.breach(parent.name)))
            objects.append(
                stix2.Relationship(
                    id=f"relationship--{_uuid(name, 'derived-from', parent.name)}",
                    relationship_type="derived-from",
                    source_ref=f"incident--{_uuid(name)}",
                    target_ref=f"incident--{_uuid(parent.name)}",
                    description=f"share {parent.share:.2%}, coverage {parent.coverage:.2%}",
                    created=breach.added_date,
                    modified=breach.added_date,
                    allow_custom=True,
                    x_leaktrace_share=round(parent.share, 4),
                    x_leaktrace_coverage=round(parent.coverage, 4),
                )
            )
    report = stix2.Report(
        id=f"report--{_uuid(name, 'report')}",
        name=f"Data breach: {breach.title}",
        description=_summary(breach)
        + (f" Lineage: {lineage.verdict}." if lineage is not None else ""),
        published=now or breach.added_date,
        report_types=["threat-report"],
        object_refs=[o.id for o in objects],
        created_by_ref=identity.id,
        created=breach.added_date,
        modified=breach.added_date,
    )
    bundle = stix2.Bundle(
        *objects, report, id=f"bundle--{_uuid(name, 'bundle')}", allow_custom=True
    )
    return str(bundle.serialize(pretty=True))
