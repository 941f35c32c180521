"""Path questions: through whom can one actor reach another, and on what evidence.

Paths follow influence by default (see :mod:`actorgraph.network`). Parallel
ties between the same pair are kept: each hop names its strongest tie and
lists the others as alternatives.

Ranking, so answers are reproducible: fewer hops first; among paths of equal
length, the higher overall strength (product of hop strengths) first; then the
actor ids in order (on graphs of more than 5,000 actors exact ties keep
networkx's order instead, which is deterministic but not by id: finding them
costs more than they are worth there). The strongest tie of a hop is chosen by
strength, then confidence, then file order.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from actorgraph.exceptions import NoPath, QueryError, require_choice
from actorgraph.io.load import relation_data
from actorgraph.model import Actor, Graph, Relation
from actorgraph.vocabulary import CONFIDENCE_LEVELS, CONFIDENCE_RANK, PATH_WEIGHTS

_TIE_SEARCH_LIMIT = 500
TIE_SEARCH_ACTORS = 5000


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
    """A relation as in the file format, with its ``key`` and its dates always present."""
    return {"key": relation.key, "since": None, "until": None, **relation_data(relation)}


WEIGHTS = PATH_WEIGHTS
DEFAULT_ALL_HOPS = 4
ALL_PATHS_LIMIT = 1000


def find_paths(
    graph: Graph,
    source: str,
    target: str,
    k: int = 1,
    follow: str = "influence",
    max_hops: int | None = None,
    weight: str = "hops",
    all_paths: bool = False,
    types: Iterable[str] | None = None,
    exclude_types: Iterable[str] = (),
    kinds: Iterable[str] | None = None,
    min_confidence: str | None = None,
) -> list[Path]:
    """The ``k`` best paths by which ``source`` can move ``target``.

    ``weight="hops"`` ranks by number of hops, then overall strength;
    ``weight="strength"`` by overall strength (each hop costs
    ``-log(strength)``), then hops. Ties go to the actor ids in order.
    ``all_paths`` lists every simple path up to ``max_hops`` (default 4, at
    most 1,000 paths) instead of the ``k`` best. ``types``/``exclude_types``
    restrict which relation types a path may use, ``min_confidence`` drops
    weaker evidence, and ``kinds`` restricts the actors a path may pass through
    (the two ends are always allowed).

    Actors are named by id, name or alias. Raises
    :class:`~actorgraph.exceptions.ActorNotFound` for an unknown name and
    :class:`~actorgraph.exceptions.NoPath` when no path exists.

    >>> from actorgraph.io.load import parse_graph
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

    from actorgraph.network import collapsed_influence

    if k < 1:
        raise QueryError("k must be at least 1")
    require_choice("weight", weight, WEIGHTS)
    start, end = graph.actor(source), graph.actor(target)
    if start.id == end.id:
        raise QueryError("source and target are the same actor")
    allowed_types = _known(graph.vocabulary.relation_types, types, "relation type")
    excluded = _known(graph.vocabulary.relation_types, exclude_types, "relation type") or set()
    allowed_kinds = _known(graph.vocabulary.actor_kinds, kinds, "actor kind")
    if min_confidence is not None:
        require_choice("min_confidence", min_confidence, CONFIDENCE_LEVELS)
    floor = 0 if min_confidence is None else CONFIDENCE_RANK[min_confidence]

    def keep(relation: Relation) -> bool:
        return (
            (allowed_types is None or relation.type in allowed_types)
            and relation.type not in excluded
            and CONFIDENCE_RANK[relation.confidence] >= floor
        )

    filtered = allowed_types is not None or excluded or floor > 0
    view = collapsed_influence(graph, follow, keep if filtered else None)
    if allowed_kinds is not None:
        ends = {start.id, end.id}
        view = view.subgraph(a.id for a in graph.actors if a.kind in allowed_kinds or a.id in ends)
    if all_paths:
        hops = DEFAULT_ALL_HOPS if max_hops is None else max_hops
        node_paths = list(
            itertools.islice(
                nx.all_simple_paths(view, start.id, end.id, cutoff=hops), ALL_PATHS_LIMIT
            )
        )
    else:
        node_paths = _best_node_paths(nx, view, start.id, end.id, k, max_hops, weight)
    if not node_paths:
        raise NoPath(start.id, end.id, follow)
    paths = [_path_from_nodes(graph, view, nodes) for nodes in node_paths]
    paths.sort(key=_ranking(weight))
    return paths if all_paths else paths[:k]


def _known(vocabulary: Any, names: Iterable[str] | None, word: str) -> set[str] | None:
    if names is None:
        return None
    wanted = set(names)
    unknown = sorted(wanted - set(vocabulary))
    if unknown:
        raise QueryError(
            f"unknown {word} {', '.join(map(repr, unknown))}; known: {', '.join(vocabulary)}"
        )
    return wanted


def _ranking(weight: str) -> Any:
    def by_hops(path: Path) -> tuple[Any, ...]:
        return (len(path.hops), -round(path.strength, 12), [a.id for a in path.actors])

    def by_strength(path: Path) -> tuple[Any, ...]:
        return (-round(path.strength, 12), len(path.hops), [a.id for a in path.actors])

    return by_hops if weight == "hops" else by_strength


def _best_node_paths(
    nx: Any, view: Any, start: str, end: str, k: int, max_hops: int | None, weight: str
) -> list[list[str]]:
    """The k best simple paths, plus any that tie with the k-th, so ties rank fairly.

    The search cost is lexicographic (hops then strength, or strength then
    hops), so networkx yields paths nearly in rank order and only exact ties
    need collecting; the caller sorts by the exact ranking.
    """
    attribute = "hops_first" if weight == "hops" else "strength_first"

    def cost(nodes: list[str]) -> float:
        return sum(view.edges[u, v][attribute] for u, v in itertools.pairwise(nodes))

    found: list[list[str]] = []
    kth = None
    # on big graphs Yen's extra spur searches cost far more than exact ties are worth:
    # stop at k, ties then keep networkx's (deterministic) order
    extra = _TIE_SEARCH_LIMIT if view.number_of_nodes() <= TIE_SEARCH_ACTORS else 0
    accepted_or_tied = 0
    try:
        for nodes in nx.shortest_simple_paths(view, start, end, weight=attribute):
            if kth is not None and cost(nodes) > kth + 1e-9 * max(1.0, kth):
                break
            if max_hops is not None and len(nodes) - 1 > max_hops:
                if weight == "hops":
                    break
                # ranked by strength, a longer path can come before a short enough one:
                # skipped candidates do not count against the search limit
                continue
            found.append(nodes)
            if len(found) == k:
                kth = cost(nodes)
            accepted_or_tied += 1
            if accepted_or_tied >= k + extra:
                break
    except (nx.NetworkXNoPath, nx.NodeNotFound):
        return []
    return found


def _path_from_nodes(graph: Graph, view: Any, nodes: list[str]) -> Path:
    actors = graph.actors_by_id
    hops = []
    for mover, moved in itertools.pairwise(nodes):
        best, *others = view.edges[mover, moved]["ties"]
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
