"""A graph in other tools' formats: GraphML, GEXF, node-link JSON, Kumu, CSV, DOT, Mermaid.

Every attribute a format can carry is carried: relation type, polarity and
influence, strength, confidence, dates, notes, evidence, your own attributes,
and the graph's title, sources and declared vocabulary (not GEXF: its 1.2 schema, which
networkx writes, has no place for them, so evidence keeps its source ids). GraphML and GEXF hold
only scalars, so lists (aliases, evidence, sources) travel as JSON text there; their
edges also carry ``weight`` = strength, which Gephi and Cytoscape lay out and measure by.
:mod:`actorgraph.outputs.importing` reads every format but DOT and Mermaid back.

CSV cells are safe to open in a spreadsheet: a cell that would start a formula gets
OWASP's ``'`` prefix (the import takes exactly that off again), and any cell holding a
carriage return or newline is quoted, so it cannot split its row.

>>> from actorgraph.io.load import read_graph
>>> text = export_text(read_graph("graph/belarus-2022.yaml"), "mermaid")
>>> text.splitlines()[0]
'flowchart LR'
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from actorgraph.exceptions import require_choice
from actorgraph.io.load import graph_to_data
from actorgraph.model import Graph
from actorgraph.outputs.formatting import csv_text
from actorgraph.vocabulary import EXPORT_FORMATS, tie_style

FORMATS = tuple(EXPORT_FORMATS)
SUFFIXES = EXPORT_FORMATS
CSV_TABLES = ("graph", "sources", "actors", "relations")
ACTOR_COLUMNS = ["id", "name", "kind", "aliases", "description"]
RELATION_COLUMNS = [
    "source",
    "type",
    "target",
    "strength",
    "confidence",
    "since",
    "until",
    "id",
    "note",
    "evidence_source",
    "evidence_paragraph",
    "evidence_claim",
]
EVIDENCE_LOCATORS = ["page", "row", "element", "url", "quote"]
"""Evidence fields beyond the paragraph; a CSV export has a column for those in use."""
SOURCE_COLUMNS = ["id", "title", "authors", "publisher", "published", "url", "file", "retrieved"]


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def to_networkx(graph: Graph, flat: bool = False) -> Any:
    """A networkx MultiDiGraph holding everything; ``flat`` turns lists into JSON text."""
    import networkx as nx

    data = graph_to_data(graph)
    pack: Callable[[Any], Any] = _json if flat else (lambda value: value)
    types = graph.vocabulary.relation_types
    view = nx.MultiDiGraph()
    view.graph.update(
        {
            "title": graph.title,
            "as_of": graph.as_of_date or "",
            "description": graph.description,
            "sources": pack(data["sources"]),
            "vocabulary": pack(data.get("vocabulary", {})),
        }
    )
    for actor in data["actors"]:
        view.add_node(
            actor["id"],
            label=actor["name"],
            name=actor["name"],
            kind=actor["kind"],
            aliases=pack(actor.get("aliases", [])),
            description=actor.get("description", ""),
            attributes=pack(actor.get("attributes", {})),
        )
    for order, (relation, model) in enumerate(zip(data["relations"], graph.relations, strict=True)):
        rtype = types[model.type]
        view.add_edge(
            relation["source"],
            relation["target"],
            key=f"{order}:{model.key}",
            order=order,
            relation_type=relation["type"],
            label=rtype.label,
            polarity=rtype.polarity,
            influence=rtype.influence,
            strength=relation["strength"],
            weight=relation["strength"],
            confidence=relation["confidence"],
            since=relation.get("since", ""),
            until=relation.get("until", ""),
            relation_id=relation.get("id", ""),
            note=relation.get("note", ""),
            evidence=pack(relation["evidence"]),
            attributes=pack(relation.get("attributes", {})),
        )
    return view


def join_list(items: list[str]) -> str:
    """A list in one CSV cell: ``a; b``, or JSON when that would be ambiguous.

    >>> join_list(["Minsk", "Belarus"]), join_list(["a; b", " c"])
    ('Minsk; Belarus', '["a; b", " c"]')
    """
    if any(";" in item or item != item.strip() or item.startswith("[") for item in items):
        return _json(items)
    return "; ".join(items)


def csv_tables(graph: Graph) -> dict[str, str]:
    """The CSV files: graph (key, value), sources, actors, relations (one row per evidence).

    A relation with several pieces of evidence takes one row for each; importing
    joins rows that name the same relation. Your own attributes become columns.
    """
    data = graph_to_data(graph)
    graph_rows = [
        {"key": k, "value": v if isinstance(v, str) else _json(v)}
        for k, v in (
            ("title", graph.title),
            ("as_of", graph.as_of_date or ""),
            ("description", graph.description),
            ("vocabulary", data.get("vocabulary", {})),
        )
    ]
    sources = [{**s, "authors": join_list(s.get("authors", []))} for s in data["sources"]]
    source_columns = [
        c
        for c in SOURCE_COLUMNS
        if c in ("id", "title", "authors", "publisher", "published", "url")
        or any(c in s for s in sources)
    ]
    locators = [
        c
        for c in EVIDENCE_LOCATORS
        if any(c in e for r in data["relations"] for e in r["evidence"])
    ]
    actor_extra = sorted({k for a in data["actors"] for k in a.get("attributes", {})})
    actors = [
        {
            **{c: a.get(c, "") for c in ACTOR_COLUMNS},
            "aliases": join_list(a.get("aliases", [])),
            **a.get("attributes", {}),
        }
        for a in data["actors"]
    ]
    relation_extra = sorted({k for r in data["relations"] for k in r.get("attributes", {})})
    relations = []
    for r in data["relations"]:
        base = {c: r.get(c, "") for c in RELATION_COLUMNS[:9]}
        for item in r["evidence"]:
            relations.append(
                {
                    **base,
                    "evidence_source": item["source"],
                    "evidence_paragraph": item.get("paragraph", ""),
                    "evidence_claim": item.get("claim", ""),
                    **{f"evidence_{c}": item.get(c, "") for c in locators},
                    **r.get("attributes", {}),
                }
            )
    return {
        "graph": csv_text(graph_rows, ["key", "value"]),
        "sources": csv_text(sources, source_columns),
        "actors": csv_text(actors, ACTOR_COLUMNS + actor_extra),
        "relations": csv_text(
            relations, RELATION_COLUMNS + [f"evidence_{c}" for c in locators] + relation_extra
        ),
    }


def kumu_data(graph: Graph) -> dict[str, Any]:
    """The graph as a Kumu project export: ``elements`` and ``connections`` with their
    ``attributes``; what Kumu has no place for (title, sources, vocabulary) goes under
    ``actorgraph`` so that the import gives back the same graph."""
    data = graph_to_data(graph)
    elements = [
        {
            "_id": actor["id"],
            "attributes": {
                **actor.get("attributes", {}),
                "label": actor["name"],
                "element type": actor["kind"],
                "description": actor.get("description", ""),
                "aliases": actor.get("aliases", []),
            },
        }
        for actor in data["actors"]
    ]
    connections = []
    for order, relation in enumerate(data["relations"]):
        fields = {k: relation[k] for k in ("id", "since", "until", "note") if k in relation}
        connections.append(
            {
                "_id": f"c{order}",
                "from": relation["source"],
                "to": relation["target"],
                "direction": "directed",
                "attributes": {
                    **relation.get("attributes", {}),
                    "connection type": relation["type"],
                    "strength": relation["strength"],
                    "confidence": relation["confidence"],
                    **fields,
                    "evidence": relation["evidence"],
                },
            }
        )
    graph_fields = {
        k: data[k] for k in ("title", "as_of", "description", "vocabulary") if k in data
    }
    return {
        "elements": elements,
        "connections": connections,
        "actorgraph": {**graph_fields, "sources": data["sources"]},
    }


def _dot_string(text: str) -> str:
    """A DOT double-quoted string: backslash, quote, newlines and "&" need escaping.

    Written by hand because pydot reads any text in <...> as an HTML label."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return '"' + escaped.replace("&", "&amp;") + '"'  # Graphviz reads entities in any label


def dot_text(graph: Graph) -> str:
    """Graphviz DOT, coloured and shaped as the page is; every label is quoted text."""

    kinds, types = graph.vocabulary.actor_kinds, graph.vocabulary.relation_types
    shapes = {
        "dot": "ellipse",
        "ellipse": "ellipse",
        "diamond": "diamond",
        "square": "box",
        "triangle": "triangle",
        "triangleDown": "invtriangle",
        "star": "star",
        "hexagon": "hexagon",
    }
    lines = [
        "digraph actorgraph {",
        f"  label={_dot_string(graph.title)};",
        "  labelloc=t; rankdir=LR; node [style=filled, fontname=Helvetica];",
        "  edge [fontname=Helvetica, fontsize=9];",
    ]
    for actor in graph.actors:
        kind = kinds[actor.kind]
        lines.append(
            f"  {_dot_string(actor.id)} [label={_dot_string(actor.name)}, "
            f"shape={shapes.get(kind.shape, 'ellipse')}, "
            f"fillcolor={_dot_string(kind.color)}, kind={_dot_string(actor.kind)}];"
        )
    for relation in graph.relations:
        rtype = types[relation.type]
        style = tie_style(rtype.polarity, relation.status)
        line_style = (
            "solid"
            if style["dashes"] is False
            else ("dashed" if style["dashes"][0] > 4 else "dotted")
        )
        evidence = "; ".join(f"{e.cite()}: {e.statement}" for e in relation.evidence)
        lines.append(
            f"  {_dot_string(relation.source)} -> {_dot_string(relation.target)} "
            f"[label={_dot_string(rtype.label)}, color={_dot_string(style['color'])}, "
            f"style={line_style}, penwidth={1 + 3 * relation.strength:.2f}, "
            f"strength={relation.strength}, confidence={_dot_string(relation.confidence)}, "
            f"polarity={_dot_string(rtype.polarity)}, influence={_dot_string(rtype.influence)}, "
            f"since={_dot_string(relation.since or '')}, "
            f"until={_dot_string(relation.until or '')}, "
            f"tooltip={_dot_string(evidence)}];"
        )
    lines.append("}")
    return "\n".join(lines) + "\n"


def _mermaid_text(text: str) -> str:
    """Text for a Mermaid label: quoted, with Mermaid's entity codes for awkward characters."""
    codes = {
        '"': "#quot;",
        "<": "#lt;",
        ">": "#gt;",
        "#": "#35;",
        "&": "#amp;",
        "|": "#124;",
        "\n": " ",
    }
    return '"' + "".join(codes.get(ch, ch) for ch in text) + '"'


def mermaid_text(graph: Graph) -> str:
    """A Mermaid flowchart for Markdown pages: cooperative ties solid, others dotted."""

    index = {a.id: f"a{i}" for i, a in enumerate(graph.actors)}
    kinds, types = graph.vocabulary.actor_kinds, graph.vocabulary.relation_types
    lines = ["flowchart LR"]
    lines += [f"  {index[a.id]}[{_mermaid_text(a.name)}]:::{a.kind}" for a in graph.actors]
    styles = []
    for number, relation in enumerate(graph.relations):
        rtype = types[relation.type]
        arrow = "-->" if rtype.polarity == "cooperative" else "-.->"
        lines.append(
            f"  {index[relation.source]} {arrow}|{_mermaid_text(rtype.label)}| "
            f"{index[relation.target]}"
        )
        styles.append(
            f"  linkStyle {number} stroke:{tie_style(rtype.polarity, relation.status)['color']},"
            f"stroke-width:{1 + 3 * relation.strength:.1f}px"
        )
    lines += styles
    lines += [
        f"  classDef {k} fill:{kinds[k].color},color:#ffffff,stroke:#333333"
        for k in dict.fromkeys(a.kind for a in graph.actors)
    ]
    return "\n".join(lines) + "\n"


def export_text(graph: Graph, to: str) -> str:
    """The graph as text in one format (for ``csv``, the relations table)."""
    import networkx as nx

    if to == "graphml":
        return "\n".join(nx.generate_graphml(to_networkx(graph, flat=True))) + "\n"
    if to == "gexf":
        return "\n".join(nx.generate_gexf(to_networkx(graph, flat=True))) + "\n"
    if to == "json":
        data = nx.node_link_data(to_networkx(graph), edges="edges")
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    if to == "kumu":
        return json.dumps(kumu_data(graph), indent=2, ensure_ascii=False) + "\n"
    if to == "csv":
        return csv_tables(graph)["relations"]
    if to == "dot":
        return dot_text(graph)
    if to == "mermaid":
        return mermaid_text(graph)
    require_choice("format", to, FORMATS)
    raise AssertionError(to)  # pragma: no cover - every format has a writer above


def export_files(graph: Graph, to: str, output: str | os.PathLike[str]) -> dict[Path, str]:
    """The files an export writes and their text: ``output`` itself, or for csv the
    four tables ``NAME.graph/sources/actors/relations.csv`` beside or inside it.

    ``output`` names the file, or (csv) a folder or the actors file; a folder
    gets ``NAME`` from the graph's own file.
    """
    given = Path(output)
    if to != "csv":
        return {given: export_text(graph, to)}
    if given.suffix == ".csv":
        folder, prefix = given.parent, given.name.removesuffix(".csv").removesuffix(".actors")
    else:
        folder, prefix = given, Path(graph.path or "graph").stem
    return {folder / f"{prefix}.{table}.csv": text for table, text in csv_tables(graph).items()}
