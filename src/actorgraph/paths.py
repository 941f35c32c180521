"""Path questions: through whom can one actor reach another, and on what evidence.

Paths follow influence by default (see :mod:`actorgraph.network`). Parallel
ties between the same pair are kept: each hop names its strongest tie and
lists the others as alternatives.

Ranking, so answers are reproducible: fewer hops first; among paths of equal
length, the higher overall strength (product of hop strengths) first; then the
actor ids in order. The strongest tie of a hop is chosen by strength, then
confidence, then file order.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass
from typing import Any

from .exceptions import NoPath
from .model import Actor, Graph, Relation

_CONFIDENCE_RANK = {"low": 0, "medium": 1, "high": 2}
_TIE_SEARCH_LIMIT = 500


@dataclass(frozen=True)
class Hop:
    """One step of a path: ``mover`` can move ``moved`` through ``relation``."""

    mover: Actor
    moved: Actor
    relation: Relation
    along: bool
    alternatives: tuple[Relation, ...] = ()

    @property
    def strength(self) -> float:
        """The strength of the hop's strongest tie."""
        return self.relation.strength

    def influence_note(self) -> str:
        """Which way influence runs, in words."""
        if self.along:
            return f"{self.mover.name} moves {self.moved.name}"
        return f"{self.mover.name} moves {self.moved.name}, against the arrow"

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON output."""
        return {
            "from": self.mover.id,
            "to": self.moved.id,
            "along_stored_direction": self.along,
            "relation": relation_to_dict(self.relation),
            "alternatives": [relation_to_dict(r) for r in self.alternatives],
        }


@dataclass(frozen=True)
class Path:
    """A chain of hops from one actor to another."""

    hops: tuple[Hop, ...]

    @property
    def actors(self) -> tuple[Actor, ...]:
        """The actors visited, in order."""
        return (self.hops[0].mover, *(h.moved for h in self.hops))

    @property
    def strength(self) -> float:
        """Overall strength: the product of hop strengths (a chain is as weak as its links)."""
        return math.prod(h.strength for h in self.hops)

    @property
    def weakest(self) -> Hop:
        """The hop with the weakest tie (the first, if several tie)."""
        return min(self.hops, key=lambda h: h.strength)

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON output."""
        return {
            "actors": [a.id for a in self.actors],
            "hops": [h.to_dict() for h in self.hops],
            "length": len(self.hops),
            "strength": round(self.strength, 6),
            "weakest_link": {
                "from": self.weakest.mover.id,
                "to": self.weakest.moved.id,
                "strength": self.weakest.strength,
            },
        }


def relation_to_dict(relation: Relation) -> dict[str, Any]:
    """A relation as plain data, evidence included."""
    return {
        "key": relation.key,
        "source": relation.source,
        "type": relation.type,
        "target": relation.target,
        "strength": relation.strength,
        "confidence": relation.confidence,
        "since": relation.since,
        "until": relation.until,
        "evidence": [
            {"source": e.source, "paragraph": e.paragraph, "claim": e.claim}
            for e in relation.evidence
        ],
    }


def _tie_order(edge: dict[str, Any]) -> tuple[float, int, int]:
    relation: Relation = edge["relation"]
    return (-relation.strength, -_CONFIDENCE_RANK[relation.confidence], edge["index"])


def find_paths(
    graph: Graph,
    source: str,
    target: str,
    k: int = 1,
    follow: str = "influence",
    max_hops: int | None = None,
) -> list[Path]:
    """The ``k`` best shortest paths from ``source`` to ``target``.

    Actors are named by id, name or alias. Raises
    :class:`~actorgraph.exceptions.ActorNotFound` for an unknown name and
    :class:`~actorgraph.exceptions.NoPath` when no path exists.

    >>> from actorgraph.load import parse_graph
    >>> g = parse_graph('''
    ... title: t
    ... sources: [{id: s, title: s}]
    ... actors: [{id: a, name: A, kind: state}, {id: b, name: B, kind: state},
    ...          {id: c, name: C, kind: state}]
    ... relations:
    ...   - {source: a, type: controls, target: b, strength: 0.5, confidence: low,
    ...      evidence: [{source: s, claim: A runs B.}]}
    ...   - {source: c, type: depends_on, target: b, strength: 0.8, confidence: high,
    ...      evidence: [{source: s, claim: C needs B.}]}
    ... ''')
    >>> path = find_paths(g, "A", "c")[0]
    >>> [a.id for a in path.actors], round(path.strength, 2)
    (['a', 'b', 'c'], 0.4)
    """
    import networkx as nx

    from .network import influence_view

    if k < 1:
        raise ValueError("k must be at least 1")
    start, end = graph.actor(source), graph.actor(target)
    if start.id == end.id:
        raise ValueError("source and target are the same actor")
    view = influence_view(graph, follow)
    simple = nx.DiGraph()
    simple.add_nodes_from(view)
    for u, v, index, data in view.edges(keys=True, data=True):
        ties = simple.get_edge_data(u, v, default={"ties": []})["ties"]
        ties.append({**data, "index": index})
        simple.add_edge(u, v, ties=ties)
    for _, _, data in simple.edges(data=True):
        data["ties"].sort(key=_tie_order)

    node_paths = _shortest_node_paths(nx, simple, start.id, end.id, k, max_hops)
    if not node_paths:
        raise NoPath(start.id, end.id, follow)
    paths = [_path_from_nodes(graph, simple, nodes) for nodes in node_paths]
    paths.sort(key=lambda p: (len(p.hops), -p.strength, [a.id for a in p.actors]))
    return paths[:k]


def _shortest_node_paths(
    nx: Any, simple: Any, start: str, end: str, k: int, max_hops: int | None
) -> list[list[str]]:
    """Shortest simple paths, keeping every path as long as the k-th so ties rank fairly."""
    found: list[list[str]] = []
    try:
        generator = nx.shortest_simple_paths(simple, start, end)
        for nodes in itertools.islice(generator, k + _TIE_SEARCH_LIMIT):
            if max_hops is not None and len(nodes) - 1 > max_hops:
                break
            if len(found) >= k and len(nodes) > len(found[k - 1]):
                break
            found.append(nodes)
    except nx.NetworkXNoPath:
        return []
    return found


def _path_from_nodes(graph: Graph, simple: Any, nodes: list[str]) -> Path:
    actors = graph.actors_by_id
    hops = []
    for mover, moved in itertools.pairwise(nodes):
        ties = simple.edges[mover, moved]["ties"]
        best, *others = ties
        hops.append(
            Hop(
                actors[mover],
                actors[moved],
                best["relation"],
                best["along"],
                tuple(t["relation"] for t in others),
            )
        )
    return Path(tuple(hops))
