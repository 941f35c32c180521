"""Plain typed data for a graph: sources, actors, relations and their evidence.

Objects are frozen so that an analysis cannot quietly change the graph it
reads; build new ones instead. The loader (:mod:`actorgraph.load`) makes them
from files; everything else only reads them.

Examples
--------
>>> from actorgraph.vocabulary import BUILTIN
>>> g = Graph(
...     title="Demo",
...     actors=(Actor("a", "Alpha", "state"), Actor("b", "Beta", "person", aliases=("B",))),
...     relations=(Relation("b", "leads", "a", 0.9, "high"),),
...     vocabulary=BUILTIN,
... )
>>> g.actor("beta").id
'b'
>>> g.relations[0].key
'b:leads:a'
"""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING, Any

from .exceptions import ActorNotFound, AmbiguousActor
from .vocabulary import BUILTIN, Vocabulary

if TYPE_CHECKING:
    from .paths import Path

CONFIDENCE_LEVELS = ("low", "medium", "high")


@dataclass(frozen=True)
class Source:
    """A document the graph's claims come from."""

    id: str
    title: str
    authors: tuple[str, ...] = ()
    publisher: str | None = None
    published: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Evidence:
    """One claim, in the graph author's words, pointing at a source paragraph."""

    source: str
    claim: str
    paragraph: int | None = None

    def cite(self) -> str:
        """Short citation: ``source ¶N``.

        >>> Evidence("wolff-bayok-2022", "claim", 9).cite()
        'wolff-bayok-2022 ¶9'
        """
        return f"{self.source} ¶{self.paragraph}" if self.paragraph else self.source


@dataclass(frozen=True)
class Actor:
    """Someone who acts: a person, state, force, organisation, public, ..."""

    id: str
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    description: str = ""
    line: int | None = field(default=None, compare=False)

    def names(self) -> tuple[str, ...]:
        """Every name the actor answers to: id, name and aliases."""
        return (self.id, self.name, *self.aliases)


@dataclass(frozen=True)
class Relation:
    """A typed, directed tie from ``source`` to ``target`` with its evidence."""

    source: str
    type: str
    target: str
    strength: float
    confidence: str
    evidence: tuple[Evidence, ...] = ()
    since: str | None = None
    until: str | None = None
    id: str | None = None
    note: str = ""
    line: int | None = field(default=None, compare=False)

    @property
    def key(self) -> str:
        """The relation's handle: its ``id`` if given, else ``source:type:target``."""
        return self.id or f"{self.source}:{self.type}:{self.target}"


@dataclass(frozen=True)
class Graph:
    """One graph file: its actors, the typed ties between them, and their sources."""

    title: str
    actors: tuple[Actor, ...]
    relations: tuple[Relation, ...]
    sources: tuple[Source, ...] = ()
    vocabulary: Vocabulary = BUILTIN
    as_of: str | None = None
    description: str = ""
    path: str | None = field(default=None, compare=False)

    @cached_property
    def actors_by_id(self) -> dict[str, Actor]:
        """Actors keyed by id."""
        return {a.id: a for a in self.actors}

    @cached_property
    def sources_by_id(self) -> dict[str, Source]:
        """Sources keyed by id."""
        return {s.id: s for s in self.sources}

    @cached_property
    def _name_index(self) -> dict[str, list[str]]:
        index: dict[str, list[str]] = {}
        for actor in self.actors:
            for name in dict.fromkeys(n.casefold() for n in actor.names()):
                index.setdefault(name, []).append(actor.id)
        return index

    def actor(self, name: str) -> Actor:
        """Find an actor by id, name or alias, ignoring case.

        Raises :class:`ActorNotFound` with close matches when nothing fits, and
        :class:`AmbiguousActor` when the name belongs to several actors.
        """
        ids = self._name_index.get(name.strip().casefold(), [])
        if len(ids) == 1:
            return self.actors_by_id[ids[0]]
        if ids:
            raise AmbiguousActor(name, ids)
        raise ActorNotFound(name, self.suggest(name))

    def suggest(self, name: str, limit: int = 3) -> list[str]:
        """Actor ids whose names look like ``name``, best first."""
        wanted = name.strip().casefold()
        scored: dict[str, float] = {}
        for known, ids in self._name_index.items():
            ratio = difflib.SequenceMatcher(None, wanted, known).ratio()
            if wanted and (wanted in known or known in wanted):
                ratio = max(ratio, 0.75)
            for actor_id in ids:
                scored[actor_id] = max(scored.get(actor_id, 0.0), ratio)
        ranked = sorted((s, i) for i, s in scored.items() if s >= 0.6)
        return [i for _, i in sorted(ranked, key=lambda p: (-p[0], p[1]))][:limit]

    def relations_of(self, actor_id: str) -> Iterator[Relation]:
        """Relations in which the actor is source or target, in file order."""
        return (r for r in self.relations if actor_id in (r.source, r.target))

    @cached_property
    def _degrees(self) -> dict[str, tuple[int, int]]:
        incoming = Counter(r.target for r in self.relations)
        outgoing = Counter(r.source for r in self.relations)
        return {a.id: (incoming[a.id], outgoing[a.id]) for a in self.actors}

    def degree(self, actor_id: str) -> tuple[int, int]:
        """(incoming, outgoing) relation counts as stored."""
        return self._degrees[actor_id]

    def paths(self, source: str, target: str, **options: Any) -> list[Path]:
        """Shortest influence paths; see :func:`actorgraph.paths.find_paths`."""
        from .paths import find_paths

        return find_paths(self, source, target, **options)
