"""Provenance: containment shares and coverages against synthetic lineages, verdicts, exports."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from leaktrace import synth
from leaktrace._synth_lineage import LineageFile, lineage_scenario, write_scenario
from leaktrace.crypto import ServerKey
from leaktrace.ingest import Options, ingest_file
from leaktrace.provenance import TracedIngest, decide, trace_file
from leaktrace.provenance.export import misp_event, stix_bundle
from leaktrace.provenance.lineage import lineage_graph
from leaktrace.store import Breach, SQLiteStore

TOLERANCE = 0.02


def _breach(name: str) -> Breach:
    return Breach(name, f"{name} title", dt.date(2021, 2, 1), dt.datetime.now(dt.UTC))


@pytest.fixture(scope="module")
def scenario(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[LineageFile], list[Path]]:
    cohort = synth.patients(1200, 5)
    base = [cohort[0:400], cohort[400:800], cohort[800:1000]]
    fresh = cohort[1000:]
    files = lineage_scenario(base, fresh, seed=9)
    paths = write_scenario(tmp_path_factory.mktemp("scenario"), files, seed=9)
    return files, paths


def _truth(child: LineageFile, parent: LineageFile) -> tuple[float, float]:
    child_ids = {p.nir for p in child.people}
    parent_ids = {p.nir for p in parent.people}
    common = len(child_ids & parent_ids)
    return common / len(child_ids), common / len(parent_ids)


def test_trace_repost_and_aggregate(
    scenario: tuple[list[LineageFile], list[Path]], store: SQLiteStore, server_key: ServerKey
) -> None:
    files, paths = scenario
    by_name = {f.name: (f, p) for f, p in zip(files, paths, strict=True)}
    for name in ("Labo1", "Labo2", "Labo3"):
        ingest_file(
            by_name[name][1],
            store,
            server_key,
            _breach(name),
            opts=Options(workers=1),
            before_commit=TracedIngest(store),
        )
    assert [name for name, _, _ in store.sketches()] == ["Labo1", "Labo2", "Labo3"]

    repost_file, repost_path = by_name["Repost"]
    result, report = trace_file(repost_path, store, server_key, Options(workers=1))
    assert report.people == len({p.nir for p in repost_file.people})
    assert result.verdict == "repackaged"
    parent = result.parents[0]
    share, coverage = _truth(repost_file, by_name["Labo1"][0])
    assert parent.name == "Labo1"
    assert abs(parent.share - share) <= TOLERANCE
    assert abs(parent.coverage - coverage) <= TOLERANCE
    assert result.new_share <= TOLERANCE
    assert store.breaches()[-1].name == "Labo3"  # trace stored nothing

    hook = TracedIngest(store)
    ingest_file(repost_path, store, server_key, _breach("Repost"), before_commit=hook)
    assert hook.result is not None
    assert hook.result.verdict == "repackaged"
    stored = store.breach("Repost").parents
    assert [p.name for p in stored] == ["Labo1"]

    combo_file, combo_path = by_name["Combo"]
    result, _ = trace_file(combo_path, store, server_key)
    assert result.verdict == "aggregate"
    got = {p.name: p for p in result.parents}
    for name in ("Labo1", "Labo2", "Labo3", "Repost"):
        share, coverage = _truth(combo_file, by_name[name][0])
        assert abs(got[name].share - share) <= TOLERANCE, name
        assert abs(got[name].coverage - coverage) <= TOLERANCE, name
    truth_new = combo_file.new / len({p.nir for p in combo_file.people})
    assert abs(result.new_share - truth_new) <= TOLERANCE
    assert result.proposed_flags == ["IsSpamList"]
    # Past the shortlist threshold (forced here), the LSH Ensemble keeps every real parent.
    shortlisted, _ = trace_file(combo_path, store, server_key, shortlist_above=0)
    assert shortlisted == result

    hook = TracedIngest(store)
    ingest_file(combo_path, store, server_key, _breach("Combo"), before_commit=hook)
    graph = lineage_graph(store, "Labo2").to_json()
    names = {n["Name"] for n in graph["nodes"]}
    assert names == {"Labo1", "Labo2", "Labo3", "Repost", "Combo"}
    assert {"child": "Combo", "parent": "Labo2"}.items() <= next(
        e for e in graph["edges"] if e["parent"] == "Labo2"
    ).items()
    dot = lineage_graph(store).to_dot()
    assert dot.startswith("digraph lineage {")
    assert '"Labo1" -> "Repost"' in dot

    _check_exports(store, files)


def _check_exports(store: SQLiteStore, files: list[LineageFile]) -> None:
    import stix2
    from pymisp import MISPEvent

    identifiers = {p.nir for f in files for p in f.people}
    identifiers |= {p.email for f in files for p in f.people if p.email}
    event_json = json.dumps(misp_event(store, "Combo"))
    event = MISPEvent()
    event.load(event_json)
    assert event.info == "Data breach: Combo title"
    assert any(a.value == "aggregate" for a in event.attributes)
    bundle_text = stix_bundle(store, "Combo")
    bundle = stix2.parse(bundle_text, allow_custom=True)
    kinds = {o.type for o in bundle.objects}
    assert {"incident", "relationship", "report", "identity"} <= kinds
    assert stix_bundle(store, "Combo") == bundle_text  # stable ids
    for text in (event_json, bundle_text):
        assert not any(i in text for i in identifiers)


@pytest.mark.parametrize(
    ("matched", "per_parent", "verdict"),
    [
        (0, {}, "new"),
        (5, {"A": 5}, "new"),  # 5% matched: below the aggregate floor
        (95, {"A": 95}, "repackaged"),
        (60, {"A": 60}, "aggregate"),  # one source mixed with new people
        (80, {"A": 40, "B": 40}, "aggregate"),
        (100, {"A": 90, "B": 30}, "repackaged"),
    ],
)
def test_decide(matched: int, per_parent: dict[str, int], verdict: str) -> None:
    sizes: dict[str, Any] = dict.fromkeys(per_parent, 200)
    result = decide(100, matched, per_parent, sizes)
    assert result.verdict == verdict
    assert result.new_share == pytest.approx(1 - matched / 100)
    for parent in result.parents:
        assert parent.coverage == pytest.approx(per_parent[parent.name] / 200)


def test_decide_drops_noise_parents() -> None:
    result = decide(1000, 500, {"A": 495, "B": 5}, {"A": 1000, "B": 10})
    assert [p.name for p in result.parents] == ["A"]
