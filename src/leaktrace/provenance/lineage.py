"""The lineage graph: which breach was made from which, drawn as JSON or Graphviz DOT."""

from __future__ import annotations

import json
from collections import deque
from dataclasses import dataclass
from typing import Any

from leaktrace.store import Store

__all__ = ["LineageGraph", "lineage_graph"]


@dataclass(frozen=True, slots=True)
class Edge:
    child: str
    parent: str
    share: float
    coverage: float


@dataclass(frozen=True, slots=True)
class LineageGraph:
    nodes: tuple[dict[str, Any], ...]
    edges: tuple[Edge, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "nodes": list(self.nodes),
            "edges": [
                {
                    "child": e.child,
                    "parent": e.parent,
                    "share": round(e.share, 4),
                    "coverage": round(e.coverage, 4),
                }
                for e in self.edges
            ],
        }

    def to_dot(self) -> str:
        """Graphviz DOT, parents on the left, edges labelled with share and coverage."""
        lines = ["digraph lineage {", "  rankdir=LR;", '  node [shape=box, fontname="Helvetica"];']
        for node in self.nodes:
            label = f"{node['Title']}\\n{node['PwnCount']:,} people"
            if node.get("verdict"):
                label += f"\\n{node['verdict']}"
            style = ', style="filled", fillcolor="#f4cccc"' if node["IsSensitive"] else ""
            lines.append(f"  {_quote(node['Name'])} [label={_quote(label)}{style}];")
        for e in self.edges:
            label = f"{e.share:.0%} of child\\n{e.coverage:.0%} of parent"
            lines.append(f"  {_quote(e.parent)} -> {_quote(e.child)} [label={_quote(label)}];")
        lines.append("}")
        return "\n".join(lines) + "\n"


def _quote(text: str) -> str:
    # json.dumps gives a double-quoted string with " and \ escaped, which DOT accepts; keep the
    # \n escapes we wrote on purpose.
    return json.dumps(text, ensure_ascii=False).replace("\\\\n", "\\n")


def lineage_graph(store: Store, name: str | None = None) -> LineageGraph:
    """The whole graph, or the part connected to ``name`` (its ancestors and descendants)."""
    edges = [Edge(*row) for row in store.lineage_edges()]
    if name is None:
        names = {b.name for b in store.breaches()}
    else:
        store.breach(name)  # NotFoundError for an unknown name
        names = {name}
        queue = deque([name])
        while queue:
            current = queue.popleft()
            for e in edges:
                for a, b in ((e.child, e.parent), (e.parent, e.child)):
                    if a == current and b not in names:
                        names.add(b)
                        queue.append(b)
    nodes = []
    for breach_name in sorted(names):
        node = store.breach(breach_name).to_hibp()
        lineage = store.lineage(breach_name)
        node["verdict"] = lineage.verdict if lineage else None
        nodes.append(node)
    kept = tuple(e for e in edges if e.child in names and e.parent in names)
    return LineageGraph(tuple(nodes), kept)
