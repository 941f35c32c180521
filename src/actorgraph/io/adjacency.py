"""A graph's ties as compact numpy arrays, so questions need no Python object per tie.

:class:`RelationArrays` holds one entry per relation (file order): its ends as
actor positions, type, strength, confidence and dates. :class:`Adjacency` is
the collapsed influence graph in CSR form: one edge per (mover, moved) pair,
its best strength, and every parallel tie ranked as
:func:`actorgraph.network.collapsed_influence` ranks them (stronger, surer,
earlier). The compiled store keeps both, so a path question reads a few
megabytes instead of rebuilding half a million objects; for a graph in memory
they are computed once and kept with it.

>>> from actorgraph.io.load import read_graph
>>> graph = read_graph("graph/belarus-2022.yaml", cache=False)
>>> adjacency = influence_adjacency(graph)
>>> lukashenko = [a.id for a in graph.actors].index("lukashenko")
>>> putin = [a.id for a in graph.actors].index("putin")
>>> edge = adjacency.edge(lukashenko, putin)
>>> [graph.relations[i].type for i in adjacency.ties(edge)[0]]
['supports', 'allied_with']
"""

from __future__ import annotations

import datetime as dt
import weakref
from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from functools import cached_property
from operator import attrgetter, itemgetter
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

import numpy as np

from actorgraph.model import Relation, parse_partial_date
from actorgraph.vocabulary import CONFIDENCE_LEVELS, UNREVIEWED

if TYPE_CHECKING:
    from actorgraph.model import Graph

_KEPT: dict[int, dict[str, Any]] = {}
"""Arrays computed per live graph (by id), dropped when the graph is collected."""
INFLUENCE_CODES = {"forward": 0, "reverse": 1, "both": 2, "none": 3}
OPEN_START = 0  # day ordinals start at 1: 0 means "no since"
OPEN_END = 2**31 - 1  # ... and this "no until"
UNREACHED = 2**30  # a BFS distance for actors not reached


def _kept(graph: Graph) -> dict[str, Any]:
    kept = _KEPT.get(id(graph))
    if kept is None:
        kept = _KEPT[id(graph)] = {}
        weakref.finalize(graph, _KEPT.pop, id(graph), None)
        if isinstance(graph, Compiled):  # arrays read from the store, not computed
            relation_arrays, adjacency = graph.compiled_arrays()
            kept["relations"] = relation_arrays
            if adjacency is not None:
                kept["influence"] = adjacency
    return kept


@dataclass(frozen=True, eq=False)
class RelationArrays:
    """One entry per relation; ``index`` is each relation's position in its graph."""

    source: np.ndarray  # int32 actor position
    target: np.ndarray  # int32
    type: np.ndarray  # int16 position in type_ids
    strength: np.ndarray  # float64
    confidence: np.ndarray  # int8 rank: low 0, medium 1, high 2
    since: np.ndarray  # int32 first day (ordinal) or OPEN_START
    until: np.ndarray  # int32 last day (ordinal) or OPEN_END
    reviewed: np.ndarray  # bool: counts in answers (not proposed, not rejected)
    index: np.ndarray  # int32 position of the relation in the graph's relations
    kind: np.ndarray  # int16 per actor: position in kind_ids
    type_ids: tuple[str, ...] = ()
    kind_ids: tuple[str, ...] = ()
    influence: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int8))  # per type

    @property
    def actors(self) -> int:
        """How many actors the graph has."""
        return len(self.kind)

    def active_on(self, first: dt.date, last: dt.date) -> RelationArrays:
        """Only the relations active at some time between ``first`` and ``last``
        (as :meth:`actorgraph.model.Relation.active_on`)."""
        keep = (self.since <= last.toordinal()) & (self.until >= first.toordinal())
        return self.subset(keep)

    def subset(self, keep: np.ndarray) -> RelationArrays:
        """The relations where ``keep`` is true, in the same order."""
        return RelationArrays(
            *(getattr(self, name)[keep] for name in (*RELATION_COLUMNS, "index")),
            self.kind,
            self.type_ids,
            self.kind_ids,
            self.influence,
        )

    def type_mask(self, allowed: set[str] | None, excluded: set[str], floor: int) -> np.ndarray:
        """Which relations a path may use given allowed/excluded types and a confidence floor."""
        wanted = np.array(
            [(allowed is None or t in allowed) and t not in excluded for t in self.type_ids],
            dtype=bool,
        )
        return wanted[self.type] & (self.confidence >= floor)


RELATION_COLUMNS = (
    "source", "target", "type", "strength", "confidence", "since", "until", "reviewed"
)  # fmt: skip


def _day(value: str | None, end: bool) -> int:
    if not value:
        return OPEN_END if end else OPEN_START
    bounds = parse_partial_date(value)
    if bounds is None:  # the loader refuses bad dates; a graph built by hand may hold one
        raise ValueError(f"invalid date {value!r}; use YYYY, YYYY-MM or YYYY-MM-DD")
    return bounds[1 if end else 0].toordinal()


_FIELDS = ("source", "type", "target", "strength", "confidence", "since", "until", "status")
_AT = [[f.name for f in fields(Relation)].index(name) for name in _FIELDS]


def compute_relation_arrays(
    graph: Graph, records: Sequence[tuple[Any, ...]] | None = None
) -> RelationArrays:
    """The arrays of a graph held in memory (about a second per million relations);
    ``records``: its relations as their field values, when it holds no objects of them
    (see :func:`actorgraph.io.load.relation_records`)."""
    position = {a.id: i for i, a in enumerate(graph.actors)}
    type_ids = tuple(graph.vocabulary.relation_types)
    kind_ids = tuple(graph.vocabulary.actor_kinds)
    type_at = {t: i for i, t in enumerate(type_ids)}
    kind_at = {k: i for i, k in enumerate(kind_ids)}
    rank = {c: i for i, c in enumerate(CONFIDENCE_LEVELS)}
    if records is None:
        rows = list(map(attrgetter(*_FIELDS), graph.relations))
    else:
        rows = list(map(itemgetter(*_AT), records))
    sources, types, targets, strengths, confidences, since, until, statuses = (
        zip(*rows, strict=True) if rows else ((),) * len(_FIELDS)
    )
    return RelationArrays(
        source=np.array([position[a] for a in sources], dtype=np.int32),
        target=np.array([position[a] for a in targets], dtype=np.int32),
        type=np.array([type_at[t] for t in types], dtype=np.int16),
        strength=np.array(strengths, dtype=np.float64),
        confidence=np.array([rank[c] for c in confidences], dtype=np.int8),
        since=np.array([_day(d, False) if d else OPEN_START for d in since], dtype=np.int32),
        until=np.array([_day(d, True) if d else OPEN_END for d in until], dtype=np.int32),
        reviewed=np.array([s not in UNREVIEWED for s in statuses], dtype=bool),
        index=np.arange(len(rows), dtype=np.int32),
        kind=np.array([kind_at[a.kind] for a in graph.actors], dtype=np.int16),
        type_ids=type_ids,
        kind_ids=kind_ids,
        influence=np.array(
            [INFLUENCE_CODES[t.influence] for t in graph.vocabulary.relation_types.values()],
            dtype=np.int8,
        ),
    )


@runtime_checkable
class Compiled(Protocol):
    """A graph that carries its arrays (one read from the compiled store)."""

    def compiled_arrays(self) -> tuple[RelationArrays, Adjacency | None]:
        """Its relation arrays, and its influence adjacency when unfiltered."""
        ...


def relation_arrays(graph: Graph) -> RelationArrays:
    """The graph's arrays, computed once and kept while the graph lives."""
    kept = _kept(graph)
    if "relations" not in kept:
        kept["relations"] = compute_relation_arrays(graph)
    return kept["relations"]


@dataclass(frozen=True, eq=False)
class Adjacency:
    """Collapsed influence edges in CSR form, out-edges of each actor in the order
    their pair first appears (the order networkx views add them)."""

    indptr: np.ndarray  # int32, actors + 1
    target: np.ndarray  # int32 per edge: the moved actor
    strength: np.ndarray  # float64 per edge: its best tie
    first: np.ndarray  # int32 per edge: when the pair first appears among the moves
    tie_ptr: np.ndarray  # int32, edges + 1
    tie_relation: np.ndarray  # int32 per tie: position of the relation in the graph
    tie_along: np.ndarray  # bool per tie: mover is the relation's source

    @property
    def actors(self) -> int:
        """How many actors (nodes) there are."""
        return len(self.indptr) - 1

    @cached_property
    def source(self) -> np.ndarray:
        """The mover of each edge."""
        return np.repeat(np.arange(self.actors, dtype=np.int32), np.diff(self.indptr))

    @cached_property
    def reverse(self) -> tuple[np.ndarray, np.ndarray]:
        """In-edges of each actor: (indptr, movers), for searches towards a target."""
        order = np.argsort(self.target, kind="stable")
        counts = np.bincount(self.target, minlength=self.actors)
        indptr = np.concatenate(([0], np.cumsum(counts))).astype(np.int32)
        return indptr, self.source[order]

    def edge(self, mover: int, moved: int) -> int:
        """The edge from ``mover`` to ``moved`` (KeyError when there is none)."""
        start, end = self.indptr[mover], self.indptr[mover + 1]
        hits = np.flatnonzero(self.target[start:end] == moved)
        if not hits.size:
            raise KeyError((mover, moved))
        return int(start + hits[0])

    def ties(self, edge: int) -> tuple[list[int], list[bool]]:
        """The relations of an edge, best first, and whether each runs along its arrow."""
        start, end = self.tie_ptr[edge], self.tie_ptr[edge + 1]
        return self.tie_relation[start:end].tolist(), self.tie_along[start:end].tolist()


def collapse(arrays: RelationArrays, follow: str, keep: np.ndarray | None = None) -> Adjacency:
    """One edge per (mover, moved) pair under ``follow`` (influence, stored or any),
    from the relations ``keep`` allows; ties of strength 0 carry no influence, and
    proposed or rejected ones do not count."""
    count = len(arrays.strength)
    usable = (arrays.strength > 0) & arrays.reviewed
    if keep is not None:
        usable &= keep
    if follow == "influence":
        code = arrays.influence[arrays.type]
        forward, backward = (code == 0) | (code == 2), (code == 1) | (code == 2)
    elif follow == "stored":
        forward, backward = np.ones(count, bool), np.zeros(count, bool)
    else:
        forward = backward = np.ones(count, bool)
    slots = np.empty(2 * count, bool)  # a relation's forward move comes before its reverse one
    slots[0::2], slots[1::2] = forward & usable, backward & usable
    moves = np.flatnonzero(slots)
    relation = moves >> 1
    along = (moves & 1) == 0
    mover = np.where(along, arrays.source[relation], arrays.target[relation])
    moved = np.where(along, arrays.target[relation], arrays.source[relation])
    pair = mover.astype(np.int64) * arrays.actors + moved
    # group moves by pair, each group in tie order: stronger, surer, earlier
    order = np.lexsort((relation, -arrays.confidence[relation], -arrays.strength[relation], pair))
    grouped = pair[order]
    starts = np.flatnonzero(np.concatenate(([True], grouped[1:] != grouped[:-1])))[: len(order)]
    sizes = np.diff(np.concatenate((starts, [len(order)])))
    first = np.minimum.reduceat(order, starts) if len(order) else np.zeros(0, np.int64)
    pair_mover = mover[order[starts]]
    edges = np.lexsort((first, pair_mover))  # CSR: by mover, then first appearance
    tie_ptr = np.concatenate(([0], np.cumsum(sizes[edges]))).astype(np.int32)
    gather = np.repeat(starts[edges] - tie_ptr[:-1], sizes[edges]) + np.arange(tie_ptr[-1])
    ties = order[gather]
    counts = np.bincount(pair_mover, minlength=arrays.actors)
    return Adjacency(
        indptr=np.concatenate(([0], np.cumsum(counts))).astype(np.int32),
        target=moved[order[starts]][edges].astype(np.int32),
        strength=arrays.strength[relation[order[starts]]][edges],
        first=first[edges].astype(np.int32),
        tie_ptr=tie_ptr,
        tie_relation=arrays.index[relation[ties]].astype(np.int32),
        tie_along=along[ties],
    )


def influence_adjacency(graph: Graph, follow: str = "influence") -> Adjacency:
    """The graph's unfiltered adjacency for ``follow``, computed once and kept."""
    kept = _kept(graph)
    if follow not in kept:
        kept[follow] = collapse(relation_arrays(graph), follow)
    return kept[follow]


def hop_distances(
    indptr: np.ndarray, neighbours: np.ndarray, start: int, blocked: np.ndarray | None
) -> np.ndarray:
    """Breadth-first hop counts from ``start`` (UNREACHED where none), level by level
    on the arrays; ``blocked`` actors are never entered."""
    distance = np.full(len(indptr) - 1, UNREACHED, dtype=np.int64)
    distance[start] = 0
    if blocked is not None:
        distance[blocked] = -1  # never entered (the start itself is allowed)
        distance[start] = 0
    frontier = np.array([start], dtype=np.int64)
    level = 0
    while frontier.size:
        level += 1
        starts, ends = indptr[frontier], indptr[frontier + 1]
        sizes = ends - starts
        total = int(sizes.sum())
        if not total:
            break
        offsets = np.concatenate(([0], np.cumsum(sizes)[:-1]))
        found = neighbours[np.repeat(starts - offsets, sizes) + np.arange(total)]
        distance[found[distance[found] == UNREACHED]] = level  # repeats set the same value
        frontier = np.flatnonzero(distance == level)
    if blocked is not None:
        distance[distance == -1] = UNREACHED
    return distance
