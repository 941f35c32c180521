"""What the page draws: nodes, edges, legend and vis-network options, as JSON-ready data.

Positions come from :func:`layout`, computed here with a fixed seed, so the
page, the static picture and the report show every actor in the same place
(physics starts off; the reader may switch it on). Above :data:`LARGE_GRAPH`
actors ties lose their labels and hide while dragging.
"""

from __future__ import annotations

import random
from functools import lru_cache
from typing import Any

from actorgraph.model import Graph
from actorgraph.vocabulary import LARGE_GRAPH, POLARITY_STYLE, PROPOSED_STYLE, tie_style

LAYOUT_SEED = 7


def importance(graph: Graph) -> dict[str, float]:
    """Influence rank (see :mod:`actorgraph.questions.analysis`): 1 for the actor who moves most."""
    from actorgraph.network import collapsed_influence
    from actorgraph.questions.analysis import influence_rank

    return influence_rank(collapsed_influence(graph))


def layout(graph: Graph, scale: float | None = None) -> dict[str, tuple[float, float]]:
    """Deterministic positions in screen units (y down), shared by page, picture and report.

    Fruchterman-Reingold (igraph, seeded), with actors pinned by ``x``/``y`` in
    the graph file held in place; small graphs are then tidied so that no actor
    sits on a tie it is not part of. The result is cached by the graph's shape,
    so the page, the picture and the report of one graph cost one layout.

    >>> from actorgraph.io.load import read_graph
    >>> g = read_graph("graph/belarus-2022.yaml")
    >>> layout(g) == layout(g)
    True
    """
    ids = tuple(a.id for a in graph.actors)
    index = {actor: i for i, actor in enumerate(ids)}
    edges = tuple(
        sorted({tuple(sorted((index[r.source], index[r.target]))) for r in graph.relations})
    )
    pins = tuple((a.x, a.y) if a.x is not None and a.y is not None else None for a in graph.actors)
    coords = _unit_layout(len(ids), edges, pins)  # type: ignore[arg-type]
    # small graphs spread wide enough that actors and labels do not crowd, big ones tighter
    unit = 200.0 if len(ids) <= LARGE_GRAPH else 60.0
    size = scale or unit * max(len(ids), 1) ** 0.5
    xs, ys = [c[0] for c in coords] or [0.0], [c[1] for c in coords] or [0.0]
    left, top = min(xs), min(ys)
    factor = size / (max(max(xs) - left, max(ys) - top) or 1.0)
    return {
        actor: (round((x - left) * factor, 1), round((y - top) * factor, 1))
        for actor, (x, y) in zip(ids, coords, strict=True)
    }


PIN_UNIT = 60.0
"""Screen units per layout unit: a pinned ``x: 120`` sits two tie lengths from ``x: 0``."""


@lru_cache(maxsize=16)
def _unit_layout(
    count: int,
    edges: tuple[tuple[int, int], ...],
    pins: tuple[tuple[float, float] | None, ...],
) -> list[tuple[float, float]]:
    if count <= LARGE_GRAPH:
        coords = _spring(count, edges, pins)
        return _clear_ties(coords, edges, [p is not None for p in pins]) if count > 2 else coords
    import igraph

    network = igraph.Graph(n=count, edges=list(edges))
    options: dict[str, Any] = {"niter": 500}
    if any(pins):
        # free actors start near the middle of the pinned ones; pinned ones stay put
        held = [(x / PIN_UNIT, y / PIN_UNIT) for x, y in (p for p in pins if p)]
        middle = (sum(x for x, _ in held) / len(held), sum(y for _, y in held) / len(held))
        spread = random.Random(LAYOUT_SEED)
        start = [
            [p[0] / PIN_UNIT, p[1] / PIN_UNIT]
            if p
            else [middle[0] + spread.uniform(-1, 1), middle[1] + spread.uniform(-1, 1)]
            for p in pins
        ]
        options["seed"] = start
        for axis, bound in (("x", 0), ("y", 1)):
            held_at = [p[bound] / PIN_UNIT if p else None for p in pins]
            options[f"min{axis}"] = [-1e9 if v is None else v for v in held_at]
            options[f"max{axis}"] = [1e9 if v is None else v for v in held_at]
    igraph.set_random_number_generator(random.Random(LAYOUT_SEED))
    try:
        coords = [tuple(c) for c in network.layout_fruchterman_reingold(**options).coords]
    finally:
        igraph.set_random_number_generator(random)
    return coords  # type: ignore[return-value]


def _spring(
    count: int,
    edges: tuple[tuple[int, int], ...],
    pins: tuple[tuple[float, float] | None, ...],
) -> list[tuple[float, float]]:
    """Fruchterman-Reingold by networkx (already loaded; igraph takes a second to import),
    seeded, with pinned actors held in place."""
    import networkx as nx

    network = nx.Graph()
    network.add_nodes_from(range(count))
    network.add_edges_from(edges)
    held = {i: (p[0] / PIN_UNIT, p[1] / PIN_UNIT) for i, p in enumerate(pins) if p}
    start = None
    if held:
        # free actors start near the middle of the pinned ones
        middle = [sum(c[axis] for c in held.values()) / len(held) for axis in (0, 1)]
        spread = random.Random(LAYOUT_SEED)
        start = {
            i: held.get(i, (middle[0] + spread.uniform(-1, 1), middle[1] + spread.uniform(-1, 1)))
            for i in range(count)
        }
    placed = nx.spring_layout(
        network, pos=start, fixed=list(held) or None, iterations=300, seed=LAYOUT_SEED
    )
    return [(float(placed[i][0]), float(placed[i][1])) for i in range(count)]


def _clear_ties(
    coords: list[tuple[float, float]], edges: tuple[tuple[int, int], ...], pinned: list[bool]
) -> list[tuple[float, float]]:
    """Nudge actors off ties they are not part of, and apart from each other.

    Fruchterman-Reingold knows nothing of ties as lines: an actor may land on a
    tie between two others and read as part of it.
    """
    import numpy as np

    points = np.array(coords, dtype=float)
    span = float(np.ptp(points, axis=0).max()) or 1.0
    clearance = 0.045 * span
    spacing = 0.09 * span
    free = ~np.array(pinned, dtype=bool)
    if not edges or not free.any():
        return coords
    ends = np.array(edges)
    incident = np.zeros((len(points), len(ends)), dtype=bool)
    incident[ends[:, 0], np.arange(len(ends))] = True
    incident[ends[:, 1], np.arange(len(ends))] = True
    for _ in range(60):
        start, end = points[ends[:, 0]], points[ends[:, 1]]
        along = end - start
        length2 = np.maximum((along**2).sum(axis=1), 1e-12)
        t = ((points[:, None, :] - start[None]) * along[None]).sum(axis=2) / length2
        t = np.clip(t, 0.0, 1.0)
        nearest = start[None] + t[..., None] * along[None]
        away = points[:, None, :] - nearest
        distance = np.sqrt((away**2).sum(axis=2))
        close = (distance < clearance) & ~incident
        push = np.zeros_like(points)
        if close.any():
            scale = np.where(close, (clearance - distance) / np.maximum(distance, 1e-9), 0.0)
            # an actor exactly on the line moves to the line's left
            normal = np.stack([-along[:, 1], along[:, 0]], axis=1) / np.sqrt(length2)[:, None]
            flat = distance < 1e-9
            away = np.where(flat[..., None], normal[None] * 1e-9, away)
            push += (away * scale[..., None]).sum(axis=1)
        apart = points[:, None, :] - points[None]
        gap = np.sqrt((apart**2).sum(axis=2)) + np.eye(len(points)) * span
        crowd = gap < spacing
        if crowd.any():
            scale = np.where(crowd, (spacing - gap) / np.maximum(gap, 1e-9) / 2, 0.0)
            push += (apart * scale[..., None]).sum(axis=1)
        push[~free] = 0.0
        if not np.abs(push).max() > 1e-6 * span:
            break
        points += np.clip(push, -clearance, clearance)
    return [(float(x), float(y)) for x, y in points]


def page_data(graph: Graph) -> dict[str, Any]:
    """Nodes, edges, legend and options for the page."""
    vocabulary = graph.vocabulary
    large = len(graph.actors) > LARGE_GRAPH
    scores = importance(graph)
    positions = layout(graph)
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
        proposed = not relation.reviewed
        style = tie_style(rtype.polarity, relation.status)
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
                "proposed": proposed,
                "status": relation.status or "",
                "evidence": [
                    {
                        "cite": e.cite(),
                        "source": e.source,
                        "paragraph": e.paragraph,
                        "claim": e.claim,
                        "quote": e.quote or "",
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
        "polarities": [{"id": p, **s} for p, s in POLARITY_STYLE.items()]
        + ([{"id": "proposed", **PROPOSED_STYLE}] if graph.reviewed() is not graph else []),
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
    """vis-network options: the shared positions, physics off until the reader asks."""
    large = len(graph.actors) > LARGE_GRAPH
    physics: dict[str, Any] = {
        "enabled": False,
        "solver": "forceAtlas2Based",
        "forceAtlas2Based": {
            "gravitationalConstant": -90,
            "springLength": 130,
            "springConstant": 0.05,
            "avoidOverlap": 0.6,
        },
        "stabilization": {"enabled": False, "iterations": 400, "fit": True},
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
