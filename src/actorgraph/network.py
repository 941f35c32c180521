"""networkx views of a graph: as stored, or along influence.

Each reviewed relation becomes one edge (a multigraph keeps parallel ties; proposed
ties from a draft wait for review and are left out). In the
influence view an edge runs from the actor who can move the other to the actor
moved, following each relation type's declared direction; types that carry no
influence (``monitors``) are left out.

>>> from actorgraph.io.load import parse_graph
>>> g = parse_graph('''
... title: t
... sources: [{id: s, title: s}]
... actors: [{id: a, name: A, kind: state}, {id: b, name: B, kind: state}]
... relations:
...   - {source: a, type: depends_on, target: b, strength: 0.5, confidence: low,
...      evidence: [{source: s, claim: A needs B.}]}
... ''')
>>> list(stored_view(g).edges()), list(influence_view(g).edges())
([('a', 'b')], [('b', 'a')])
"""

from __future__ import annotations

import math
import weakref
from collections.abc import Callable
from typing import Any

import networkx as nx

from actorgraph.exceptions import require_choice
from actorgraph.memory import collector_paused
from actorgraph.model import Graph, Relation
from actorgraph.vocabulary import CONFIDENCE_RANK, FOLLOW_MODES

_VIEWS: dict[int, dict[str, nx.DiGraph]] = {}
"""Views built per live graph (by id), dropped when the graph is collected."""
MAX_COST = 50.0  # -log(strength) is capped: strengths under 2e-22 count as 2e-22
MINOR = 1e-7  # weight of the minor criterion: 1e-7 * 50 * 100,000 hops < 1


def _with_actors(graph: Graph) -> nx.MultiDiGraph:
    view = nx.MultiDiGraph(title=graph.title)
    view.add_nodes_from((a.id, {"name": a.name, "kind": a.kind}) for a in graph.actors)
    return view


def stored_view(graph: Graph) -> nx.MultiDiGraph:
    """Every relation as an edge from its source to its target, keyed by its index."""
    view = _with_actors(graph)
    view.add_edges_from(
        (r.source, r.target, index, {"relation": r, "type": r.type, "strength": r.strength})
        for index, r in enumerate(graph.relations)
        if r.reviewed
    )
    return view


def influence_view(graph: Graph, follow: str = "influence") -> nx.MultiDiGraph:
    """Edges from mover to moved; ``along`` says whether that is the stored direction.

    ``follow`` is ``influence`` (declared directions), ``stored`` (arrows as
    written) or ``any`` (every tie both ways).
    """
    require_choice("follow", follow, FOLLOW_MODES)
    view = _with_actors(graph)
    types = graph.vocabulary.relation_types
    for index, r in enumerate(graph.relations):
        if not r.reviewed:
            continue
        for mover, moved in _moves(r, types, follow):
            view.add_edge(
                mover,
                moved,
                index,
                relation=r,
                along=mover == r.source,
                type=r.type,
                strength=r.strength,
            )
    return view


def _moves(relation: Relation, types: Any, follow: str) -> list[tuple[str, str]]:
    """The (mover, moved) pairs a relation gives under a follow mode."""
    if follow == "influence":
        return types[relation.type].influence_pairs(relation.source, relation.target)
    if follow == "stored":
        return [(relation.source, relation.target)]
    return [(relation.source, relation.target), (relation.target, relation.source)]


def tie_order(relation: Relation, index: int) -> tuple[float, int, int]:
    """How parallel ties rank: stronger, then surer, then earlier in the file."""
    return (-relation.strength, -CONFIDENCE_RANK[relation.confidence], index)


def collapsed_influence(
    graph: Graph,
    follow: str = "influence",
    keep: Callable[[Relation], bool] | None = None,
) -> nx.DiGraph:
    """One edge per (mover, moved) pair, holding every parallel tie as an alternative.

    Edge data: ``ties`` (dicts with ``relation``, ``along`` and ``index``, best
    first by :func:`tie_order`), ``strength`` of the best tie and ``cost``
    (``-log(strength)``, so that the strongest chain is the cheapest), and the
    costs ``hops_first`` and ``strength_first`` that rank paths by hops then
    strength, or by strength then hops, in one shortest-path search. Ties of
    strength 0 carry no influence and are left out. ``keep`` filters relations.

    >>> from actorgraph.io.load import read_graph
    >>> view = collapsed_influence(read_graph("graph/belarus-2022.yaml"))
    >>> [t["relation"].type for t in view.edges["lukashenko", "putin"]["ties"]]
    ['supports', 'allied_with']
    """
    require_choice("follow", follow, FOLLOW_MODES)
    kept = _VIEWS.get(id(graph)) if keep is None else None
    if kept is not None and follow in kept:
        return kept[follow]
    with collector_paused():  # hundreds of thousands of small acyclic objects
        view = _collapse(graph, follow, keep)
    if keep is None:
        # the graph is immutable, so its views are too: keep them while it lives
        if id(graph) not in _VIEWS:
            _VIEWS[id(graph)] = {}
            weakref.finalize(graph, _VIEWS.pop, id(graph), None)
        _VIEWS[id(graph)][follow] = view
    return view


def region_view(adjacency: Any, edges: Any, ends: tuple[int, int]) -> nx.DiGraph:
    """The part of a collapsed influence graph made of some of its edges, for path searches.

    Nodes are actor positions; edges come in the order their pair first appears
    among the ties, as :func:`collapsed_influence` adds them, so searches walk
    them in the same order. Edge data as there (``strength``, ``cost``,
    ``hops_first``, ``strength_first``), with ``edge``: the edge's position in
    ``adjacency`` (an :class:`~actorgraph.io.adjacency.Adjacency`), instead of ``ties``.
    """
    import numpy as np

    chosen = np.asarray(edges)
    chosen = chosen[np.argsort(adjacency.first[chosen], kind="stable")]
    movers = adjacency.source[chosen].tolist()
    moved = adjacency.target[chosen].tolist()
    view = nx.DiGraph()
    view.add_nodes_from(sorted({*ends, *movers, *moved}))
    data = []
    for edge, best in zip(chosen.tolist(), adjacency.strength[chosen].tolist(), strict=True):
        cost = min(-math.log(best), MAX_COST)
        data.append(
            {
                "edge": edge,
                "strength": best,
                "cost": cost,
                "hops_first": 1 + MINOR * cost,
                "strength_first": cost + MINOR,
            }
        )
    view.add_edges_from(zip(movers, moved, data, strict=True))
    return view


def _collapse(graph: Graph, follow: str, keep: Callable[[Relation], bool] | None) -> nx.DiGraph:
    types = graph.vocabulary.relation_types
    grouped: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for index, relation in enumerate(graph.relations):
        if (
            relation.strength <= 0
            or not relation.reviewed
            or (keep is not None and not keep(relation))
        ):
            continue
        for mover, moved in _moves(relation, types, follow):
            grouped.setdefault((mover, moved), []).append(
                {"relation": relation, "along": mover == relation.source, "index": index}
            )
    simple = nx.DiGraph()
    simple.add_nodes_from((a.id, {"name": a.name, "kind": a.kind}) for a in graph.actors)
    edges = []
    for (mover, moved), ties in grouped.items():
        if len(ties) > 1:
            ties.sort(key=lambda t: tie_order(t["relation"], t["index"]))
        best = ties[0]["relation"].strength
        cost = min(-math.log(best), MAX_COST)
        edges.append(
            (
                mover,
                moved,
                {
                    "ties": ties,
                    "strength": best,
                    "cost": cost,
                    # lexicographic costs: hops first then strength, or the other way round
                    "hops_first": 1 + MINOR * cost,
                    "strength_first": cost + MINOR,
                },
            )
        )
    simple.add_edges_from(edges)
    return simple
