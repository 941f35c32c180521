"""networkx views of a graph: as stored, or along influence.

Each relation becomes one edge (a multigraph keeps parallel ties). In the
influence view an edge runs from the actor who can move the other to the actor
moved, following each relation type's declared direction; types that carry no
influence (``monitors``) are left out.

>>> from actorgraph.load import parse_graph
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

import networkx as nx

from .model import Graph

FOLLOW_MODES = ("influence", "stored", "any")


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
    )
    return view


def influence_view(graph: Graph, follow: str = "influence") -> nx.MultiDiGraph:
    """Edges from mover to moved; ``along`` says whether that is the stored direction.

    ``follow`` is ``influence`` (declared directions), ``stored`` (arrows as
    written) or ``any`` (every tie both ways).
    """
    if follow not in FOLLOW_MODES:
        raise ValueError(f"follow must be one of {', '.join(FOLLOW_MODES)}, not {follow!r}")
    view = _with_actors(graph)
    types = graph.vocabulary.relation_types
    for index, r in enumerate(graph.relations):
        if follow == "influence":
            pairs = types[r.type].influence_pairs(r.source, r.target)
        elif follow == "stored":
            pairs = [(r.source, r.target)]
        else:
            pairs = [(r.source, r.target), (r.target, r.source)]
        for mover, moved in pairs:
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
