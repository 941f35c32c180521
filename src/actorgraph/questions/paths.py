"""Path questions: through whom can one actor reach another, and on what evidence.

Paths follow influence by default (see :mod:`actorgraph.network`). Parallel
ties between the same pair are kept: each hop names its strongest tie and
lists the others as alternatives.

Ranking, so answers are reproducible: fewer hops first; among paths of equal
length, the higher overall strength (product of hop strengths) first; then the
actor ids in order (on graphs of more than 5,000 actors exact ties keep
networkx's order in the searched region instead, which is deterministic but
not by id: finding them costs more than they are worth there). The strongest
tie of a hop is chosen by strength, then confidence, then file order.
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
from actorgraph.vocabulary import CONFIDENCE_LEVELS, CONFIDENCE_RANK, FOLLOW_MODES, PATH_WEIGHTS

_TIE_SEARCH_LIMIT = 500
TIE_SEARCH_ACTORS = 5000
REGION_SEARCH_ACTORS = 2000  # from this many actors, paths are sought in a region (_search)


@dataclass(frozen=True)
class Hop:
    """One step of a path: ``mover`` can move ``moved`` through ``relation``."""

    mover: Actor
    moved: Actor
    relation: Relation
    along: bool
    alternatives: tuple[Relation, ...] = ()
    symmetric: bool = False  # the tie reads the same either way: it has no arrow to go against

    @property
    def strength(self) -> float:
        """The strength of the hop's strongest tie."""
        return self.relation.strength

    def influence_note(self) -> str:
        """Which way influence runs, in words."""
        if self.along or self.symmetric:
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

    On graphs of :data:`REGION_SEARCH_ACTORS` actors or more the search runs on
    the graph's arrays (see :mod:`actorgraph.io.adjacency`): distances from both
    ends mark the region that can hold the best paths, and networkx finds them
    in that region only (see :func:`_search`), with the same answer as over the
    whole graph. Smaller graphs are searched whole.

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
    if k < 1:
        raise QueryError("k must be at least 1")
    require_choice("weight", weight, WEIGHTS)
    require_choice("follow", follow, FOLLOW_MODES)
    start, end = graph.actor(source), graph.actor(target)
    if start.id == end.id:
        raise QueryError("source and target are the same actor")
    allowed_types = _known(graph.vocabulary.relation_types, types, "relation type")
    excluded = _known(graph.vocabulary.relation_types, exclude_types, "relation type") or set()
    allowed_kinds = _known(graph.vocabulary.actor_kinds, kinds, "actor kind")
    if min_confidence is not None:
        require_choice("min_confidence", min_confidence, CONFIDENCE_LEVELS)
    floor = 0 if min_confidence is None else CONFIDENCE_RANK[min_confidence]
    query = _Query(
        start.id, end.id, k, follow, max_hops, weight, all_paths, allowed_types, excluded,
        allowed_kinds, floor,
    )  # fmt: skip
    actors = len(graph.actors_by_id)
    # exact ties are ranked by id by searching past the k-th path, except on big graphs
    extra = _TIE_SEARCH_LIMIT if actors <= TIE_SEARCH_ACTORS else 0
    if actors < REGION_SEARCH_ACTORS:
        paths = _on_whole_graph(graph, query, extra)
    else:
        paths = _on_region(graph, query, extra)
    if not paths:
        raise NoPath(start.shown, end.shown, follow)
    paths.sort(key=_ranking(weight))
    return paths if all_paths else paths[:k]


@dataclass(frozen=True)
class _Query:
    source: str
    target: str
    k: int
    follow: str
    max_hops: int | None
    weight: str
    all_paths: bool
    types: set[str] | None
    excluded: set[str]
    kinds: set[str] | None
    floor: int

    @property
    def filtered(self) -> bool:
        return self.types is not None or bool(self.excluded) or self.floor > 0

    @property
    def cutoff(self) -> int:
        return DEFAULT_ALL_HOPS if self.max_hops is None else self.max_hops


def _on_whole_graph(graph: Graph, query: _Query, extra: int) -> list[Path]:
    """Search the whole collapsed influence view: quickest on small graphs, and needs
    neither numpy nor the arrays."""
    import networkx as nx

    from actorgraph.network import collapsed_influence

    def keep(relation: Relation) -> bool:
        return (
            (query.types is None or relation.type in query.types)
            and relation.type not in query.excluded
            and CONFIDENCE_RANK[relation.confidence] >= query.floor
        )

    view = collapsed_influence(graph, query.follow, keep if query.filtered else None)
    if query.kinds is not None:
        ends = {query.source, query.target}
        view = view.subgraph(a.id for a in graph.actors if a.kind in query.kinds or a.id in ends)
    if query.all_paths:
        generator = nx.all_simple_paths(view, query.source, query.target, cutoff=query.cutoff)
        node_paths = list(itertools.islice(generator, ALL_PATHS_LIMIT))
    else:
        node_paths, _ = _best_node_paths(
            nx, view, query.source, query.target, query.k + extra, query.k, query.max_hops,
            query.weight,
        )  # fmt: skip
    actors = graph.actors_by_id
    paths = []
    for nodes in node_paths:
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
                    graph.vocabulary.relation_types[best["relation"].type].symmetric,
                )
            )
        paths.append(Path(tuple(hops)))
    return paths


def _on_region(graph: Graph, query: _Query, extra: int) -> list[Path]:
    """Search the arrays for the region that can hold the answer, then networkx there."""
    import numpy as np

    from actorgraph.io.adjacency import collapse, influence_adjacency, relation_arrays

    arrays = relation_arrays(graph)
    if query.filtered:
        mask = arrays.type_mask(query.types, query.excluded, query.floor)
        adjacency = collapse(arrays, query.follow, mask)
    else:
        adjacency = influence_adjacency(graph, query.follow)
    s, t = graph.actor_position(query.source), graph.actor_position(query.target)
    blocked = None
    if query.kinds is not None:
        wanted = np.array([kind in query.kinds for kind in arrays.kind_ids], dtype=bool)
        blocked = ~wanted[arrays.kind]
        blocked[[s, t]] = False
    node_paths = _search(adjacency, s, t, query, blocked, extra)
    return [_path_from_nodes(graph, adjacency, nodes) for nodes in node_paths]


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


def _search(
    adjacency: Any, s: int, t: int, query: _Query, blocked: Any, extra: int
) -> list[list[int]]:
    """The node paths networkx finds, searching only where the answer can lie.

    Every edge (u, v) gets a bound: the least cost of any s-t walk through it,
    ``d(s, u) + w(u, v) + d(v, t)`` (hops from two breadth-first searches, or
    strength costs from two Dijkstra searches). A path costing at most C uses
    only edges bounded by C, so the region of those edges holds every such path.
    networkx searches the region (its edges in the whole graph's order); when
    the answer it gives rests only on paths costing at most C, it is the answer
    on the whole graph, else C grows and the search runs again, at worst on
    every edge of every s-t walk. No option combination needs a fallback: type,
    confidence and date filters shape the arrays, kinds block actors, and
    ``--max-hops`` only ever cuts.
    """
    import networkx as nx
    import numpy as np

    from actorgraph.io.adjacency import UNREACHED, hop_distances

    k, max_hops, weight, all_paths = query.k, query.max_hops, query.weight, query.all_paths
    movers, moved = adjacency.source, adjacency.target
    usable = np.ones(len(moved), dtype=bool)
    if blocked is not None:
        usable = ~blocked[movers] & ~blocked[moved]
    if weight == "hops" or all_paths:
        back_ptr, back = adjacency.reverse
        from_s = hop_distances(adjacency.indptr, moved, s, blocked)
        to_t = hop_distances(back_ptr, back, t, blocked)
        if from_s[t] >= UNREACHED:
            return []
        bound_of = from_s[movers] + 1 + to_t[moved]
        bound_of[~usable | (bound_of >= UNREACHED)] = UNREACHED
        bound: float = (
            (DEFAULT_ALL_HOPS if max_hops is None else max_hops) if all_paths else int(from_s[t])
        )
        reachable = bound_of < UNREACHED
    else:
        bound_of, reachable = _strength_bounds(adjacency, s, t, usable)
        if not reachable.any():
            return []
        bound = float(bound_of[reachable].min())
    everything = int(reachable.sum())
    while True:
        if weight == "hops" or all_paths:
            chosen = np.flatnonzero(bound_of <= bound)
        else:  # costs are sums of floats: leave room for rounding
            chosen = np.flatnonzero(reachable & (bound_of <= bound * (1 + 1e-9) + 1e-12))
        view = region_view_of(adjacency, chosen, s, t)
        if all_paths:  # depth-first, in the whole graph's edge order: the same paths, in order
            generator = nx.all_simple_paths(view, s, t, cutoff=bound)
            return list(itertools.islice(generator, ALL_PATHS_LIMIT))
        found, needed = _best_node_paths(nx, view, s, t, k + extra, k, max_hops, weight)
        if chosen.size >= everything or (needed is not None and needed <= bound):
            return found
        if weight == "hops":
            bound = max(bound + 1, needed or 0)
        else:
            ahead = np.sort(bound_of[reachable])
            grown = float(ahead[min(len(ahead) - 1, 2 * chosen.size + 64)])
            bound = max(grown, needed or 0.0)


def region_view_of(adjacency: Any, chosen: Any, s: int, t: int) -> Any:
    """The networkx view of the chosen edges (see :func:`actorgraph.network.region_view`)."""
    from actorgraph.network import region_view

    return region_view(adjacency, chosen, (s, t))


def _strength_bounds(adjacency: Any, s: int, t: int, usable: Any) -> tuple[Any, Any]:
    """Per edge, the least strength cost of an s-t walk through it, and which edges have one."""
    import numpy as np
    from scipy.sparse import csr_matrix
    from scipy.sparse.csgraph import dijkstra

    from actorgraph.network import MAX_COST, MINOR

    size = adjacency.actors
    cost = np.minimum(-np.log(adjacency.strength), MAX_COST) + MINOR
    keep = np.flatnonzero(usable)
    matrix = csr_matrix(
        (cost[keep], (adjacency.source[keep], adjacency.target[keep])), shape=(size, size)
    )
    from_s = dijkstra(matrix, indices=s)
    to_t = dijkstra(matrix.T.tocsr(), indices=t)
    bound_of = from_s[adjacency.source] + cost + to_t[adjacency.target]
    reachable = usable & np.isfinite(bound_of)
    return bound_of, reachable


def _best_node_paths(
    nx: Any,
    view: Any,
    start: int,
    end: int,
    limit: int,
    k: int,
    max_hops: int | None,
    weight: str,
) -> tuple[list[list[int]], float | None]:
    """The k best simple paths, plus any that tie with the k-th, so ties rank fairly;
    and how far the search looked: the largest cost (in hops, or strength cost) of a
    path that counted, None when it ran out of paths (then only the whole graph is sure).

    The search cost is lexicographic (hops then strength, or strength then
    hops), so networkx yields paths nearly in rank order and only exact ties
    need collecting (at most ``limit`` paths); the caller sorts by the exact ranking.
    """
    attribute = "hops_first" if weight == "hops" else "strength_first"

    def cost(nodes: list[int]) -> float:
        return sum(view.edges[u, v][attribute] for u, v in itertools.pairwise(nodes))

    def measure(nodes: list[int]) -> float:
        return len(nodes) - 1 if weight == "hops" else cost(nodes)

    found: list[list[int]] = []
    kth = None
    needed = 0.0
    try:
        for nodes in nx.shortest_simple_paths(view, start, end, weight=attribute):
            if kth is not None and cost(nodes) > kth + 1e-9 * max(1.0, kth):
                return found, needed  # a path beyond the k-th's cost: nothing left to tie
            if max_hops is not None and len(nodes) - 1 > max_hops and weight == "hops":
                return found, max(needed, max_hops)  # all paths of up to max_hops seen
            needed = max(needed, measure(nodes))
            # ranked by strength, a longer path can come before a short enough one:
            # skipped candidates do not count against the search limit
            if max_hops is None or len(nodes) - 1 <= max_hops:
                found.append(nodes)
                if len(found) == k:
                    kth = cost(nodes)
                if len(found) >= limit:
                    return found, needed
    except (nx.NetworkXNoPath, nx.NodeNotFound):
        pass
    return found, None


def _path_from_nodes(graph: Graph, adjacency: Any, nodes: list[int]) -> Path:
    hops = []
    for mover, moved in itertools.pairwise(nodes):
        relations, along = adjacency.ties(adjacency.edge(mover, moved))
        best = graph.relation_at(relations[0])
        hops.append(
            Hop(
                graph.actor_at(mover),
                graph.actor_at(moved),
                best,
                along[0],
                tuple(graph.relation_at(r) for r in relations[1:]),
                graph.vocabulary.relation_types[best.type].symmetric,
            )
        )
    return Path(tuple(hops))
