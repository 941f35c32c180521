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
from actorgraph.outputs.render.spacing import (
    Footprint,
    Tie,
    actor_size,
    footprint,
    make_room,
    page_curve,
)
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


def importance(graph: Graph) -> dict[str, float]:
    """Influence rank (see :mod:`actorgraph.questions.analysis`): 1 for the actor who moves most."""
    from actorgraph.network import collapsed_influence
    from actorgraph.questions.analysis import influence_rank

    return influence_rank(collapsed_influence(graph))


def layout(graph: Graph, scale: float | None = None) -> dict[str, tuple[float, float]]:
    """Deterministic positions in screen units (y down), shared by page, picture and report.

    Fruchterman-Reingold (seeded), with actors pinned by ``x``/``y`` in the graph
    file held in place. In small graphs, where the page writes every name, actors
    are then moved apart until no name covers another name or actor and no tie
    runs through a name (:mod:`~actorgraph.outputs.render.spacing`), in the page's
    own units; ``scale`` then only shrinks or grows the whole (the picture's size).
    The result is cached by the graph's shape, so the page, the picture and the
    report of one graph cost one layout.

    >>> from actorgraph.io.load import read_graph
    >>> g = read_graph("graph/belarus-2022.yaml")
    >>> layout(g) == layout(g)
    True
    """
    positions = _canvas_layout(graph)
    if scale is None:
        return positions
    coords = _fit(list(positions.values()), scale)
    return {
        actor: (round(x, 1), round(y, 1)) for actor, (x, y) in zip(positions, coords, strict=True)
    }


def _shape(
    graph: Graph,
) -> tuple[int, tuple[tuple[int, int], ...], tuple[tuple[float, float] | None, ...]]:
    """Actor count, ties as sorted index pairs, and pins: what a force layout needs."""
    index = {a.id: i for i, a in enumerate(graph.actors)}
    edges = tuple(
        sorted({tuple(sorted((index[r.source], index[r.target]))) for r in graph.relations})
    )
    pins = tuple((a.x, a.y) if a.x is not None and a.y is not None else None for a in graph.actors)
    return len(graph.actors), edges, pins  # type: ignore[return-value]


def _canvas_layout(graph: Graph) -> dict[str, tuple[float, float]]:
    ids = tuple(a.id for a in graph.actors)
    count, edges, pins = _shape(graph)
    if count <= LARGE_GRAPH:
        index = {actor: i for i, actor in enumerate(ids)}
        coords = _room_for_labels(count, edges, pins, _labels(graph), _page_ties(graph, index))
    else:
        coords = _fit(_unit_layout(count, edges, pins), 60.0 * max(count, 1) ** 0.5)
    # whole units: vis-network reads a node's x and y with parseInt
    return {
        actor: (float(round(x)), float(round(y))) for actor, (x, y) in zip(ids, coords, strict=True)
    }


def page_arrangement(
    graph: Graph,
) -> tuple[list[tuple[float, float]], list[Footprint], tuple[Tie, ...]]:
    """The page's places, actor footprints and ties, to count what clashes
    (:func:`~actorgraph.outputs.render.spacing.clashes`)."""
    placed = layout(graph)
    index = {a.id: i for i, a in enumerate(graph.actors)}
    prints = [footprint(*label) for label in _labels(graph)]
    return [placed[a.id] for a in graph.actors], prints, _page_ties(graph, index)


def _labels(graph: Graph) -> tuple[tuple[str, str, float], ...]:
    """Each actor's name, shape and mark size as the page draws them."""
    ranks = importance(graph)
    kinds = graph.vocabulary.actor_kinds
    return tuple(
        (a.name, kinds[a.kind].shape, actor_size(ranks.get(a.id, 0.0))) for a in graph.actors
    )


def _page_ties(graph: Graph, index: dict[str, int]) -> tuple[Tie, ...]:
    """The ties as the page draws them: the second and later of a pair curved."""
    seen: dict[frozenset[str], int] = {}
    ties = []
    for r in graph.relations:
        pair = frozenset((r.source, r.target))
        nth = seen[pair] = seen.get(pair, -1) + 1
        ties.append(Tie(index[r.source], index[r.target], page_curve(nth)))
    return tuple(ties)


START_UNIT = 130.0
"""Screen units per square root of the actor count a small graph starts from, before
:func:`~actorgraph.outputs.render.spacing.make_room` spreads what crowds."""


@lru_cache(maxsize=16)
def _room_for_labels(
    count: int,
    edges: tuple[tuple[int, int], ...],
    pins: tuple[tuple[float, float] | None, ...],
    labels: tuple[tuple[str, str, float], ...],
    ties: tuple[Tie, ...],
) -> list[tuple[float, float]]:
    coords = _fit(_unit_layout(count, edges, pins), START_UNIT * max(count, 1) ** 0.5)
    prints = [footprint(name, shape, size) for name, shape, size in labels]
    placed, _left = make_room(coords, prints, ties, [p is not None for p in pins])
    return placed


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
