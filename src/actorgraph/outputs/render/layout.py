"""Seeded positions for the page and the picture, computed in Python.

The same file always gives the same picture: igraph's Fruchterman-Reingold
with a fixed random generator. For the bloc map, each bloc is laid out on its
own and the blocs are then spread so that their discs do not overlap.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence

from actorgraph.model import Graph

LAYOUT_SEED = 7
Positions = dict[str, tuple[float, float]]


def _fruchterman_reingold(
    count: int,
    edges: Sequence[tuple[int, int]],
    weights: Sequence[float] | None = None,
    niter: int = 500,
) -> list[tuple[float, float]]:
    import igraph

    if count == 1:
        return [(0.0, 0.0)]
    network = igraph.Graph(n=count, edges=list(edges))
    igraph.set_random_number_generator(random.Random(LAYOUT_SEED))
    try:
        coords = network.layout_fruchterman_reingold(niter=niter, weights=weights).coords
    finally:
        igraph.set_random_number_generator(random)
    return [(float(x), float(y)) for x, y in coords]


def _fit(coords: list[tuple[float, float]], size: float) -> list[tuple[float, float]]:
    """Coordinates moved to start at 0 and scaled so the larger side is ``size``."""
    if not coords:
        return []
    xs, ys = [c[0] for c in coords], [c[1] for c in coords]
    left, top = min(xs), min(ys)
    factor = size / (max(max(xs) - left, max(ys) - top) or 1.0)
    return [((x - left) * factor, (y - top) * factor) for x, y in coords]


def layout(graph: Graph, scale: float | None = None) -> Positions:
    """Deterministic positions (Fruchterman-Reingold, igraph) in screen units.

    >>> from actorgraph.io.load import read_graph
    >>> g = read_graph("graph/belarus-2022.yaml")
    >>> layout(g) == layout(g)
    True
    """
    index = {a.id: i for i, a in enumerate(graph.actors)}
    edges = sorted({tuple(sorted((index[r.source], index[r.target]))) for r in graph.relations})
    coords = _fruchterman_reingold(len(index), edges) if index else []  # type: ignore[arg-type]
    size = scale or 60.0 * max(len(index), 1) ** 0.5
    return {
        actor: (round(x, 1), round(y, 1))
        for actor, (x, y) in zip(index, _fit(coords, size), strict=True)
    }


def bloc_layout(graph: Graph, blocs: Sequence[Sequence[str]]) -> Positions:
    """Positions that keep each bloc together: blocs on a map, actors around their bloc.

    Actors in no bloc form one more group. Each group is laid out alone in a disc
    whose radius grows with the square root of its size; the discs are placed by
    a layout of the blocs' own graph, spread until no two overlap.
    """
    members = [list(b) for b in blocs]
    seen = {a for b in members for a in b}
    loose = [a.id for a in graph.actors if a.id not in seen]
    if loose:
        members.append(loose)
    group_of = {a: n for n, b in enumerate(members) for a in b}
    inside: list[set[tuple[int, int]]] = [set() for _ in members]
    between: dict[tuple[int, int], float] = {}
    local = {a: i for b in members for i, a in enumerate(b)}
    for r in graph.relations:
        gs, gt = group_of[r.source], group_of[r.target]
        if gs == gt:
            inside[gs].add(tuple(sorted((local[r.source], local[r.target]))))  # type: ignore[arg-type]
        else:
            pair = (min(gs, gt), max(gs, gt))
            between[pair] = between.get(pair, 0.0) + 1.0
    radius = [30.0 * math.sqrt(len(b)) + 40.0 for b in members]
    pairs = sorted(between)
    centres = _fruchterman_reingold(len(members), pairs, [between[p] for p in pairs] or None)
    spread = 1.0
    for i in range(len(centres)):
        for j in range(i + 1, len(centres)):
            gap = math.dist(centres[i], centres[j]) or 1e-6
            spread = max(spread, 1.1 * (radius[i] + radius[j]) / gap)
    positions: Positions = {}
    for n, group in enumerate(members):
        cx, cy = centres[n][0] * spread, centres[n][1] * spread
        edges = sorted(inside[n])
        # a bloc of a thousand settles in fewer rounds; 150 keeps the 10,000-actor page in budget
        rounds = 500 if len(group) <= 300 else 150
        coords = _fit(_fruchterman_reingold(len(group), edges, niter=rounds), 2 * radius[n] - 60.0)
        for actor, (x, y) in zip(group, coords, strict=True):
            positions[actor] = (
                round(cx - radius[n] + 30.0 + x, 1),
                round(cy - radius[n] + 30.0 + y, 1),
            )
    return positions
