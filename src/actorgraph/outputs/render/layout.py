"""Seeded positions for the page, the picture and the report, computed in Python.

The same file always gives the same picture: Fruchterman-Reingold with a fixed
random generator (see :func:`layout`). For the bloc map, each bloc is laid out
on its own and the blocs are then spread so that their discs do not overlap
(:func:`bloc_layout`).
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from actorgraph.model import Graph
from actorgraph.vocabulary import LARGE_GRAPH

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
    # unweighted: weights pull the busiest pairs together and spread all others far apart
    centres = _fruchterman_reingold(len(members), pairs)
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
