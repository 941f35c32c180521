"""What the page draws: nodes, edges, legend and vis-network options, as JSON-ready data.

Small graphs lay themselves out in the browser with physics. Above
:data:`LARGE_GRAPH` actors physics starts off and positions come from
igraph's Fruchterman-Reingold layout computed here, seeded so that the same
file always gives the same picture.
"""

from __future__ import annotations

import random
from typing import Any

from actorgraph.model import Graph
from actorgraph.vocabulary import LARGE_GRAPH, POLARITY_STYLE

LAYOUT_SEED = 7


def importance(graph: Graph) -> dict[str, float]:
    """Influence rank (see :mod:`actorgraph.questions.analysis`): 1 for the actor who moves most."""
    from actorgraph.network import collapsed_influence
    from actorgraph.questions.analysis import influence_rank

    return influence_rank(collapsed_influence(graph))


def layout(graph: Graph, scale: float | None = None) -> dict[str, tuple[float, float]]:
    """Deterministic positions (Fruchterman-Reingold, igraph) in screen units.

    >>> from actorgraph.io.load import read_graph
    >>> g = read_graph("graph/belarus-2022.yaml")
    >>> layout(g) == layout(g)
    True
    """
    import igraph

    index = {a.id: i for i, a in enumerate(graph.actors)}
    edges = sorted({tuple(sorted((index[r.source], index[r.target]))) for r in graph.relations})
    network = igraph.Graph(n=len(index), edges=edges)
    igraph.set_random_number_generator(random.Random(LAYOUT_SEED))
    try:
        coords = network.layout_fruchterman_reingold(niter=500).coords
    finally:
        igraph.set_random_number_generator(random)
    size = scale or 60.0 * max(len(index), 1) ** 0.5
    xs, ys = [c[0] for c in coords] or [0.0], [c[1] for c in coords] or [0.0]
    left, top = min(xs), min(ys)
    factor = size / (max(max(xs) - left, max(ys) - top) or 1.0)
    return {
        actor: (round((x - left) * factor, 1), round((y - top) * factor, 1))
        for actor, (x, y) in zip(index, coords, strict=True)
    }


def page_data(graph: Graph) -> dict[str, Any]:
    """Nodes, edges, legend and options for the page."""
    vocabulary = graph.vocabulary
    large = len(graph.actors) > LARGE_GRAPH
    scores = importance(graph)
    positions = layout(graph) if large else {}
    sources = graph.sources_by_id
    nodes = []
    for actor in graph.actors:
        kind = vocabulary.actor_kinds[actor.kind]
        incoming, outgoing = graph.degree(actor.id)
        node = {
            "id": actor.id,
            "label": actor.name,
            "shape": kind.shape,
            "color": {
                "background": kind.color,
                "border": "#333333",
                "highlight": {"background": kind.color, "border": "#000000"},
            },
            "size": round(12 + 22 * scores.get(actor.id, 0.0), 2),
            "kind": actor.kind,
            "kindLabel": kind.label,
            "name": actor.name,
            "aliases": list(actor.aliases),
            "description": actor.description,
            "inDegree": incoming,
            "outDegree": outgoing,
        }
        if actor.id in positions:
            node["x"], node["y"] = positions[actor.id]
        nodes.append(node)
    edges = []
    parallel: dict[frozenset[str], int] = {}
    for index, relation in enumerate(graph.relations):
        rtype = vocabulary.relation_types[relation.type]
        pair = frozenset((relation.source, relation.target))
        nth = parallel[pair] = parallel.get(pair, -1) + 1
        style = POLARITY_STYLE[rtype.polarity]
        curve = {
            "enabled": True,
            "type": "curvedCW" if nth % 2 else "curvedCCW",
            "roundness": 0.12 + 0.12 * (nth // 2),
        }
        edges.append(
            {
                "id": index,
                "from": relation.source,
                "to": relation.target,
                "arrows": "to",
                "label": "" if large else rtype.label,
                "color": {"color": style["color"], "highlight": style["color"], "opacity": 0.85},
                "dashes": style["dashes"],
                "width": round(1 + 4 * relation.strength, 2),
                "smooth": curve if nth and not large else {"enabled": False},
                "key": relation.key,
                "type": relation.type,
                "typeLabel": rtype.label,
                "polarity": rtype.polarity,
                "influence": rtype.influence,
                "strength": relation.strength,
                "confidence": relation.confidence,
                "since": relation.since,
                "until": relation.until,
                "note": relation.note,
                "evidence": [
                    {
                        "cite": e.cite(),
                        "source": e.source,
                        "paragraph": e.paragraph,
                        "claim": e.claim,
                        "sourceTitle": sources[e.source].title if e.source in sources else "",
                    }
                    for e in relation.evidence
                ],
            }
        )
    return {
        "nodes": nodes,
        "edges": edges,
        "legend": _legend(graph),
        "large": large,
        "meta": _meta(graph),
    }


def _legend(graph: Graph) -> dict[str, Any]:
    vocabulary = graph.vocabulary
    kind_counts: dict[str, int] = {}
    for actor in graph.actors:
        kind_counts[actor.kind] = kind_counts.get(actor.kind, 0) + 1
    type_counts: dict[str, int] = {}
    for relation in graph.relations:
        type_counts[relation.type] = type_counts.get(relation.type, 0) + 1
    # in vocabulary order, so legends of different graphs read alike
    return {
        "kinds": [
            {
                "id": k.id,
                "label": k.label,
                "count": kind_counts[k.id],
                "color": k.color,
                "shape": k.shape,
            }
            for k in vocabulary.actor_kinds.values()
            if k.id in kind_counts
        ],
        "types": [
            {
                "id": t.id,
                "label": t.label,
                "count": type_counts[t.id],
                "polarity": t.polarity,
                "influence": t.influence,
            }
            for t in vocabulary.relation_types.values()
            if t.id in type_counts
        ],
        "polarities": [{"id": p, **s} for p, s in POLARITY_STYLE.items()],
    }


def _meta(graph: Graph) -> dict[str, Any]:
    return {
        "title": graph.title,
        "description": graph.description,
        "as_of": graph.as_of_date or "",
        "counts": f"{len(graph.actors)} actors, {len(graph.relations)} relations",
        "sources": [
            {
                "id": s.id,
                "title": s.title,
                "authors": ", ".join(s.authors),
                "publisher": s.publisher or "",
                "published": s.published or "",
            }
            for s in graph.sources
        ],
    }


def vis_options(graph: Graph) -> dict[str, Any]:
    """vis-network options: physics for small graphs, fixed positions for large ones."""
    large = len(graph.actors) > LARGE_GRAPH
    physics: dict[str, Any] = {
        "enabled": not large,
        "solver": "forceAtlas2Based",
        "forceAtlas2Based": {
            "gravitationalConstant": -90,
            "springLength": 130,
            "springConstant": 0.05,
            "avoidOverlap": 0.6,
        },
        "stabilization": {"enabled": not large, "iterations": 400, "fit": True},
    }
    return {
        "autoResize": True,
        "nodes": {
            "font": {"size": 15, "face": "sans-serif", "strokeWidth": 3, "strokeColor": "#ffffff"},
            "borderWidth": 1.5,
        },
        "edges": {
            "font": {
                "size": 10,
                "face": "sans-serif",
                "color": "#444444",
                "strokeWidth": 3,
                "strokeColor": "#ffffff",
                "align": "middle",
            },
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.6}},
            "selectionWidth": 2,
        },
        "interaction": {
            "hover": True,
            "tooltipDelay": 120,
            "keyboard": False,
            "multiselect": False,
            "hideEdgesOnDrag": large,
            "hideEdgesOnZoom": large,
        },
        "physics": physics,
        "layout": {"randomSeed": LAYOUT_SEED, "improvedLayout": not large},
    }
