"""Structure of a graph: key actors, brokers, dependencies, tensions, blocs, what-if.

Every measure runs over influence (see :mod:`actorgraph.network`) and calls
networkx's public functions, so an installed networkx backend can take over.
Results are deterministic for a given file: randomised algorithms get a fixed
seed, and ties in every ranking go to the actor id.

Measures
--------
influence rank
    PageRank over *reversed* influence: rank flows from the moved to the
    mover, so an actor ranks high when it can move many actors, or actors that
    themselves move many. Weighted by tie strength; scaled so the top is 1.
betweenness
    Share of shortest influence paths between other actors that pass through
    the actor (brokers). Sampled, and said so, above 1,000 actors.
reach / reached by
    How many actors it can move / be moved by within ``reach_hops`` hops.
moves / moved by
    How many actors it moves directly (how many depend on it) / is moved by.
out / in strength
    Sum of the strengths of the influence ties out of / into the actor.
"""

from __future__ import annotations

import itertools
import math
import random
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from actorgraph.exceptions import QueryError, require_choice
from actorgraph.model import Graph, Relation
from actorgraph.vocabulary import METRICS, closest_names

BETWEENNESS_EXACT_LIMIT = 1000
BETWEENNESS_SAMPLE = 200
WHATIF_EXACT_LIMIT = 2000
WHATIF_SAMPLE = 300
SEED = 42


@dataclass(frozen=True)
class ActorMetrics:
    """How central one actor is to influence in the graph."""

    id: str
    name: str
    kind: str
    rank: float
    betweenness: float
    reach: int
    reached_by: int
    moves: int
    moved_by: int
    out_strength: float
    in_strength: float


@dataclass(frozen=True)
class Dependencies:
    """Who can move an actor, directly or through others, and who it cannot do without.

    ``chokepoints`` maps an actor to those whose every influence path to the
    focus actor passes through it: take it away and they lose all leverage.
    """

    actor: str
    direct: tuple[tuple[str, str, float], ...]
    transitive: tuple[tuple[str, int], ...]
    chokepoints: tuple[tuple[str, tuple[str, ...]], ...]


@dataclass(frozen=True)
class Triad:
    """Three actors tied by signed relations; unbalanced in Heider's sense when the
    product of the signs is negative."""

    actors: tuple[str, str, str]
    signs: tuple[int, int, int]
    explanation: str

    @property
    def balanced(self) -> bool:
        """Heider balance: the product of the three signs is positive."""
        return self.signs[0] * self.signs[1] * self.signs[2] > 0


@dataclass(frozen=True)
class Analysis:
    """Everything ``actorgraph analyze`` reports, as typed data."""

    metric: str
    actors: tuple[ActorMetrics, ...]
    brokers: tuple[ActorMetrics, ...]
    dependencies: tuple[Dependencies, ...]
    tensions: tuple[Triad, ...]
    balanced_triads: int
    blocs: tuple[tuple[str, ...], ...]
    notes: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON output."""
        return {
            "metric": self.metric,
            "actors": [asdict(m) for m in self.actors],
            "brokers": [m.id for m in self.brokers],
            "dependencies": [
                {
                    "actor": d.actor,
                    "direct": [{"actor": a, "type": t, "strength": s} for a, t, s in d.direct],
                    "transitive": [{"actor": a, "hops": h} for a, h in d.transitive],
                    "single_points_of_failure": [
                        {"actor": a, "gates": list(g)} for a, g in d.chokepoints
                    ],
                }
                for d in self.dependencies
            ],
            "tensions": [
                {"actors": list(t.actors), "signs": list(t.signs), "explanation": t.explanation}
                for t in self.tensions
            ],
            "balance": {"balanced": self.balanced_triads, "unbalanced": len(self.tensions)},
            "blocs": [list(b) for b in self.blocs],
            "notes": list(self.notes),
        }


# networkx divides by each actor's total out-weight; under this total 1/total is
# infinite and PageRank never converges (a strength of 5e-324 is a valid float)
_SMALLEST_SAFE = 1e-300


def _shares(reverse: Any) -> Any:
    """The same ties weighted by their share of each actor's out-weight (a sum of 1),
    which gives PageRank the same answer without dividing by a subnormal total."""
    import networkx as nx

    shared = nx.DiGraph()
    shared.add_nodes_from(reverse)
    for actor in reverse:
        ties = list(reverse.out_edges(actor, data="strength"))
        total = math.fsum(w for _, _, w in ties)
        if total > 0:
            shared.add_weighted_edges_from(((u, v, w / total) for u, v, w in ties), weight="share")
    return shared


def influence_rank(view: Any) -> dict[str, float]:
    """PageRank over reversed influence, scaled so the top actor scores 1.

    ``view`` is a :func:`~actorgraph.network.collapsed_influence` graph.
    """
    import networkx as nx

    if not view.number_of_edges():
        return dict.fromkeys(view, 0.0)
    reverse = view.reverse(copy=False)
    weight = "strength"
    if any(0 < w < _SMALLEST_SAFE for _, _, w in reverse.edges(data="strength")):
        reverse, weight = _shares(reverse), "share"
    raw = nx.pagerank(reverse, weight=weight)
    top = max(raw.values())
    return {actor: value / top for actor, value in raw.items()}


def actor_metrics(graph: Graph, reach_hops: int = 2) -> tuple[list[ActorMetrics], list[str]]:
    """Metrics for every actor, in file order, and notes on how they were computed."""
    import networkx as nx

    from actorgraph.network import collapsed_influence

    view = collapsed_influence(graph)
    notes: list[str] = []
    rank = influence_rank(view)
    sample = None
    if view.number_of_nodes() > BETWEENNESS_EXACT_LIMIT:
        sample = BETWEENNESS_SAMPLE
        notes.append(f"betweenness sampled from {sample} source actors (seed {SEED})")
    between = nx.betweenness_centrality(view, k=sample, seed=SEED if sample else None)
    reversed_view = view.reverse(copy=False)
    metrics = []
    for actor in graph.actors:
        reach = nx.single_source_shortest_path_length(view, actor.id, cutoff=reach_hops)
        reached = nx.single_source_shortest_path_length(reversed_view, actor.id, cutoff=reach_hops)
        metrics.append(
            ActorMetrics(
                actor.id,
                actor.name,
                actor.kind,
                rank=round(rank[actor.id], 6),
                betweenness=round(between[actor.id], 6),
                reach=len(reach) - 1,
                reached_by=len(reached) - 1,
                moves=view.out_degree(actor.id),
                moved_by=view.in_degree(actor.id),
                out_strength=round(view.out_degree(actor.id, weight="strength"), 6),
                in_strength=round(view.in_degree(actor.id, weight="strength"), 6),
            )
        )
    notes.append(f"reach counts actors within {reach_hops} influence hops")
    return metrics, notes


def rank_by(metrics: Iterable[ActorMetrics], metric: str) -> list[ActorMetrics]:
    """Actors by a metric, highest first; ties go to the actor id."""
    require_choice("metric", metric, METRICS)
    return sorted(metrics, key=lambda m: (-getattr(m, metric), m.id))


def dependencies(graph: Graph, actor: str) -> Dependencies:
    """Who can move ``actor`` directly and transitively, and its single points of failure.

    A single point of failure is an actor through which *every* influence path
    from some other actor to ``actor`` must pass (a dominator, computed with
    :func:`networkx.immediate_dominators` on reversed influence).
    """
    import networkx as nx

    from actorgraph.network import collapsed_influence

    focus = graph.actor(actor).id
    view = collapsed_influence(graph)
    direct = sorted(
        (
            (mover, data["ties"][0]["relation"].type, data["strength"])
            for mover, _, data in view.in_edges(focus, data=True)
        ),
        key=lambda d: (-d[2], d[0]),
    )
    reversed_view = view.reverse(copy=False)
    distances = nx.single_source_shortest_path_length(reversed_view, focus)
    transitive = sorted(
        ((a, h) for a, h in distances.items() if a != focus), key=lambda d: (d[1], d[0])
    )
    idom = nx.immediate_dominators(reversed_view, focus)
    gated: dict[str, set[str]] = {}
    for start in idom:
        step = idom[start]
        while step != focus:
            gated.setdefault(step, set()).add(start)
            step = idom[step]
    chokepoints = sorted(
        ((a, tuple(sorted(g))) for a, g in gated.items()), key=lambda c: (-len(c[1]), c[0])
    )
    return Dependencies(focus, tuple(direct), tuple(transitive), tuple(chokepoints))


def signed_ties(graph: Graph) -> dict[frozenset[str], int]:
    """The sign of each pair's ties: cooperative strength minus hostile strength."""
    types = graph.vocabulary.relation_types
    totals: dict[frozenset[str], float] = {}
    for relation in graph.relations:
        if not relation.reviewed:
            continue  # proposals wait for review
        polarity = types[relation.type].polarity
        sign = {"cooperative": 1, "hostile": -1}.get(polarity, 0)
        if sign:
            pair = frozenset((relation.source, relation.target))
            totals[pair] = totals.get(pair, 0.0) + sign * relation.strength
    return {pair: (1 if total > 0 else -1) for pair, total in totals.items() if total}


def triads(graph: Graph) -> list[Triad]:
    """Every triangle of signed ties, each with a sentence on why it is (un)balanced."""
    import networkx as nx

    signs = signed_ties(graph)
    signed = nx.Graph()
    signed.add_edges_from(tuple(pair) for pair in signs)
    names = {a.id: a.name for a in graph.actors}
    found = []
    for a in sorted(signed):
        for b, c in itertools.combinations(sorted(n for n in signed[a] if n > a), 2):
            if signed.has_edge(b, c):
                trio = (a, b, c)
                pair_signs = (
                    signs[frozenset((a, b))],
                    signs[frozenset((a, c))],
                    signs[frozenset((b, c))],
                )
                found.append(Triad(trio, pair_signs, _explain(trio, pair_signs, names)))
    return found


def _explain(trio: tuple[str, str, str], signs: tuple[int, int, int], names: dict[str, str]) -> str:
    # worked out on ids, which are unique; two actors may share a name
    a, b, c = trio
    pairs = [((a, b), signs[0]), ((a, c), signs[1]), ((b, c), signs[2])]
    negatives = [p for p, s in pairs if s < 0]
    if not negatives:
        return f"{names[a]}, {names[b]} and {names[c]} all cooperate"
    if len(negatives) == 3:
        return (
            f"{names[a]}, {names[b]} and {names[c]} are all hostile to one another "
            "(unbalanced for Heider; balanced under weak balance)"
        )
    if len(negatives) == 1:
        x, y = negatives[0]
        w = ({a, b, c} - {x, y}).pop()
        return (
            f"{names[w]} cooperates with both {names[x]} and {names[y]}, "
            "who are hostile to each other"
        )
    x, y = next(p for p, s in pairs if s > 0)
    w = ({a, b, c} - {x, y}).pop()
    return f"{names[x]} and {names[y]} cooperate and share an adversary in {names[w]}"


def blocs(graph: Graph) -> list[tuple[str, ...]]:
    """Groups bound by cooperative ties (Louvain, fixed seed), largest first."""
    import networkx as nx

    cooperative = nx.Graph()
    for pair, sign in signed_ties(graph).items():
        if sign > 0:
            cooperative.add_edge(*sorted(pair))
    if cooperative.number_of_edges() == 0:
        return []
    groups = nx.community.louvain_communities(cooperative, seed=SEED)
    found = [tuple(sorted(g)) for g in groups if len(g) > 1]
    return sorted(found, key=lambda g: (-len(g), g))


def analyze(
    graph: Graph,
    metric: str = "rank",
    top: int | None = None,
    actors: Sequence[str] = (),
    reach_hops: int = 2,
) -> Analysis:
    """Key actors ranked by ``metric``, brokers, dependencies, tensions and blocs.

    Dependencies are given for ``actors`` (names or ids), or for the top three
    actors by ``metric`` when none are named.

    >>> from actorgraph.io.load import read_graph
    >>> result = analyze(read_graph("graph/belarus-2022.yaml"), top=3)
    >>> [m.id for m in result.actors]
    ['lukashenko', 'putin', 'belarus']
    """
    metrics, notes = actor_metrics(graph, reach_hops)
    ranked = rank_by(metrics, metric)
    brokers = [m for m in rank_by(metrics, "betweenness") if m.betweenness > 0]
    focus = [graph.actor(a).id for a in actors] or [m.id for m in ranked[:3]]
    all_triads = triads(graph)
    tensions = tuple(t for t in all_triads if not t.balanced)
    return Analysis(
        metric=metric,
        actors=tuple(ranked[:top] if top else ranked),
        brokers=tuple(brokers[:top] if top else brokers),
        dependencies=tuple(dependencies(graph, a) for a in dict.fromkeys(focus)),
        tensions=tensions,
        balanced_triads=len(all_triads) - len(tensions),
        blocs=tuple(blocs(graph)),
        notes=tuple(notes),
    )


# -- what-if ------------------------------------------------------------------------


@dataclass(frozen=True)
class PathChange:
    """How the shortest influence path from one actor to another changed (hops; None: none)."""

    source: str
    target: str
    before: int | None
    after: int | None


@dataclass(frozen=True)
class WhatIf:
    """The graph before and after some actors or ties disappear."""

    removed: tuple[str, ...]
    cut: tuple[Relation, ...]
    before: tuple[ActorMetrics, ...]
    after: tuple[ActorMetrics, ...]
    broken: tuple[PathChange, ...]
    lengthened: tuple[PathChange, ...]
    cut_off: tuple[str, ...]
    notes: tuple[str, ...] = field(default=())

    def deltas(self, metric: str = "rank") -> list[tuple[str, float, float, float]]:
        """(actor, before, after, change) for every remaining actor, largest change first."""
        after = {m.id: getattr(m, metric) for m in self.after}
        rows = [
            (m.id, getattr(m, metric), after[m.id], after[m.id] - getattr(m, metric))
            for m in self.before
            if m.id in after
        ]
        return sorted(rows, key=lambda r: (-abs(r[3]), r[0]))

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON output."""
        return {
            "removed": list(self.removed),
            "cut": [r.key for r in self.cut],
            "metrics": {
                metric: [
                    {"actor": a, "before": b, "after": f, "change": round(c, 6)}
                    for a, b, f, c in self.deltas(metric)
                ]
                for metric in ("rank", "betweenness", "reach", "reached_by")
            },
            "broken": [asdict(c) for c in self.broken],
            "lengthened": [asdict(c) for c in self.lengthened],
            "cut_off": list(self.cut_off),
            "notes": list(self.notes),
        }


def find_relation(graph: Graph, spec: str) -> Relation:
    """The relation named ``SOURCE:TYPE:TARGET`` (actors by id, name or alias)."""
    parts = spec.split(":")
    if len(parts) != 3:
        raise QueryError(f"cannot read {spec!r}; name a tie as SOURCE:TYPE:TARGET")
    source, rtype, target = (graph.actor(parts[0]).id, parts[1].strip(), graph.actor(parts[2]).id)
    matches = [
        r for r in graph.relations if (r.source, r.type, r.target) == (source, rtype, target)
    ]
    if matches:
        return matches[0]
    types = graph.vocabulary.relation_types
    if rtype not in types:
        close = closest_names(rtype, ((t, t) for t in types), limit=1)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        raise QueryError(f"unknown relation type {rtype!r} in {spec!r}{hint}")
    between = sorted({r.type for r in graph.relations if (r.source, r.target) == (source, target)})
    held = f"; the ties from {source} to {target}: {', '.join(between)}" if between else ""
    raise QueryError(f"no {rtype} tie from {source} to {target}{held}")


def whatif(
    graph: Graph, remove: Sequence[str] = (), cut: Sequence[str] = (), reach_hops: int = 2
) -> WhatIf:
    """Metrics, paths and connections before and after removing actors or cutting ties.

    >>> from actorgraph.io.load import read_graph
    >>> change = whatif(read_graph("graph/belarus-2022.yaml"), remove=["china"])
    >>> change.removed, "xie-xiaoyong" in change.cut_off
    (('china',), False)
    """
    import networkx as nx

    from actorgraph.network import collapsed_influence

    removed = tuple(dict.fromkeys(graph.actor(a).id for a in remove))
    cut_ties = tuple(find_relation(graph, spec) for spec in cut)
    after_graph = graph.without(removed, cut_ties)
    before_metrics, notes = actor_metrics(graph, reach_hops)
    after_metrics, _ = actor_metrics(after_graph, reach_hops)
    before_view, after_view = collapsed_influence(graph), collapsed_influence(after_graph)
    sources = sorted(after_view)
    if len(sources) > WHATIF_EXACT_LIMIT:
        sources = sorted(random.Random(SEED).sample(sources, WHATIF_SAMPLE))
        notes.append(f"paths compared from {WHATIF_SAMPLE} sampled source actors (seed {SEED})")
    broken, lengthened = [], []
    for source in sources:
        before = nx.single_source_shortest_path_length(before_view, source)
        after = nx.single_source_shortest_path_length(after_view, source)
        for target, hops in sorted(before.items()):
            if target == source or target in removed:
                continue
            now = after.get(target)
            if now is None:
                broken.append(PathChange(source, target, hops, None))
            elif now > hops:
                lengthened.append(PathChange(source, target, hops, now))
    cut_off = tuple(
        a for a in sorted(after_view) if before_view.degree(a) > 0 and after_view.degree(a) == 0
    )
    return WhatIf(
        removed,
        cut_ties,
        tuple(before_metrics),
        tuple(after_metrics),
        tuple(broken),
        tuple(lengthened),
        cut_off,
        tuple(notes),
    )
