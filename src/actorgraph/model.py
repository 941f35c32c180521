"""Plain typed data for a graph: sources, actors, relations and their evidence.

Objects are frozen so that an analysis cannot quietly change the graph it
reads; build new ones instead. The loader (:mod:`actorgraph.io.load`) makes them
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

import dataclasses
import datetime as dt
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from actorgraph.exceptions import ActorNotFound, AmbiguousActor, QueryError, ViewNotFound
from actorgraph.vocabulary import BUILTIN, UNREVIEWED, Vocabulary, closest_names

RELATION_IDENTITY = ("source", "type", "target", "since", "until")
"""The fields that make two relations the same statement: the checks refuse such a
pair in one file, diff matches relations across versions by them, imports join
rows by them."""


_WORDS = re.compile(r"[\W_]+")


def name_key(name: str) -> str:
    r"""How names are compared: NFKC, case folded, zero-width and bidi controls dropped, so
    'Ｐｕｔｉｎ' and 'Put\u200bin' both name 'putin' and cannot pass for another actor.

    >>> name_key("Ｐｕｔｉｎ") == name_key("Put\u200bin") == name_key("PUTIN")
    True
    """
    folded = unicodedata.normalize("NFKC", name).casefold()
    if not folded.isascii():
        folded = "".join(ch for ch in folded if unicodedata.category(ch) != "Cf")
        folded = unicodedata.normalize("NFKC", folded)
    return folded


def parse_partial_date(value: Any) -> tuple[dt.date, dt.date] | None:
    """The first and last day a YYYY, YYYY-MM or YYYY-MM-DD value covers, or None.

    >>> parse_partial_date("2022-02")
    (datetime.date(2022, 2, 1), datetime.date(2022, 2, 28))
    >>> parse_partial_date("2022-13") is None
    True
    """
    text = str(value)
    parts = text.split("-")
    if not 1 <= len(parts) <= 3 or not all(p.isascii() and p.isdigit() for p in parts):
        return None
    try:
        numbers = [int(p) for p in parts]
        if len(numbers) == 3:
            day = dt.date(*numbers)
            return day, day
        if len(numbers) == 2:
            first = dt.date(numbers[0], numbers[1], 1)
            following = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
            return first, following - dt.timedelta(days=1)
        return dt.date(numbers[0], 1, 1), dt.date(numbers[0], 12, 31)
    except (ValueError, OverflowError):
        return None


def day_bounds(when: str | dt.date) -> tuple[dt.date, dt.date]:
    """The first and last day of a date given as a day, or as YYYY, YYYY-MM or YYYY-MM-DD."""
    if isinstance(when, dt.date):
        return when, when
    bounds = parse_partial_date(when)
    if bounds is None:
        raise QueryError(f"invalid date {when!r}; use YYYY, YYYY-MM or YYYY-MM-DD")
    return bounds


@dataclass(frozen=True)
class Source:
    """A document the graph's claims come from."""

    id: str
    title: str
    authors: tuple[str, ...] = ()
    publisher: str | None = None
    published: str | None = None
    url: str | None = None
    file: str | None = None
    retrieved: str | None = None


@dataclass(frozen=True)
class Evidence:
    """One claim, in the graph author's words, pointing at where in a source it stands.

    The locators say where: a ``paragraph`` of an article, a ``page``, a ``url``, the
    ``row`` of a table or the ``element`` of a graph file an import read it from.
    ``quote`` keeps the source's own words; a draft's proposal has a quote and no claim
    until the analyst writes one.
    """

    source: str
    claim: str
    paragraph: int | None = None
    url: str | None = None
    quote: str | None = None
    page: int | str | None = None
    row: int | None = None
    element: str | None = None

    @property
    def statement(self) -> str:
        """The claim, or else the quote marked as the source's words.

        >>> Evidence("s", "", 2, quote="Russia backs Belarus.").statement
        '“Russia backs Belarus.”'
        """
        return self.claim or (f"“{self.quote}”" if self.quote else "")

    def cite(self, title: str | None = None) -> str:
        """Short citation: ``source ¶N``; a row or element is cited with the source's title,
        since a row number means nothing without the dataset's name.

        >>> Evidence("wolff-bayok-2022", "claim", 9).cite()
        'wolff-bayok-2022 ¶9'
        >>> Evidence("cow", "claim", row=1204).cite("COW Formal Alliances v4.1")
        'COW Formal Alliances v4.1, row 1,204'
        """
        located = self.row is not None or self.element is not None
        text = title if title and located else self.source
        if self.paragraph:
            text += f" ¶{self.paragraph}"
        if self.page is not None:
            text += f", p. {self.page}"
        if self.row is not None:
            text += f", row {self.row:,}"
        if self.element is not None:
            text += f", element {self.element}"
        return text


@dataclass(frozen=True)
class Actor:
    """Someone who acts: a person, state, force, organisation, public, ..."""

    id: str
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    description: str = ""
    line: int | None = field(default=None, compare=False)
    attributes: tuple[tuple[str, Any], ...] = ()
    x: float | None = None  # pinned position (page units, y down); both or neither
    y: float | None = None
    status: str | None = None

    def names(self) -> tuple[str, ...]:
        """Every name the actor answers to: id, name and aliases."""
        return (self.id, self.name, *self.aliases)

    @property
    def named(self) -> bool:
        """Whether the id says who the actor is (``putin``), unlike ``3`` or ``actor-2``.

        >>> Actor("putin", "Vladimir Putin", "person").named
        True
        >>> Actor("3", "MmeMagloire", "person").named
        False
        """
        words = {w for n in (self.name, *self.aliases) for w in _WORDS.split(name_key(n))}
        return set(self.id.split("-")) <= words

    @property
    def shown(self) -> str:
        """How a message names the actor: its id, and its name when the id does not say it.

        >>> Actor("11", "Valjean", "person").shown
        '11 (Valjean)'
        """
        return self.id if self.named else f"{self.id} ({self.name})"


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
    attributes: tuple[tuple[str, Any], ...] = ()
    status: str | None = None

    @property
    def reviewed(self) -> bool:
        """Whether the tie counts in analyses: not a proposal, not a rejected one."""
        return self.status not in UNREVIEWED

    @property
    def identity(self) -> tuple[str | None, ...]:
        """The values of :data:`RELATION_IDENTITY`: equal for two statements of one tie."""
        return (self.source, self.type, self.target, self.since, self.until)

    @property
    def key(self) -> str:
        """The relation's handle: its ``id`` if given, else ``source:type:target``."""
        return self.id or f"{self.source}:{self.type}:{self.target}"

    def active_on(self, when: str | dt.date) -> bool:
        """Whether the tie holds at some time in ``when`` (a day, month or year).

        A tie without ``since`` has always held; one without ``until`` still holds.

        >>> r = Relation("a", "controls", "b", 0.5, "low", since="2022-02", until="2022-03")
        >>> [r.active_on(d) for d in ("2022-01", "2022-02-28", "2022", "2022-04-01")]
        [False, True, True, False]
        """
        first, last = day_bounds(when)
        if self.since and day_bounds(self.since)[0] > last:
            return False
        return not (self.until and day_bounds(self.until)[1] < first)


@dataclass(frozen=True)
class View:
    """A named way to look at a graph, declared in its file: for figures, reports, links.

    Everything is optional: ``focus`` and ``depth`` keep one actor's neighbourhood,
    ``kinds``/``types`` keep those actor kinds and relation types, ``as_of`` the ties
    active on a date, ``min_strength`` the ties at least that strong; ``paths`` are
    (from, to) actor pairs whose influence paths the figure highlights.
    """

    id: str
    title: str = ""
    caption: str = ""
    focus: str | None = None
    depth: int = 1
    kinds: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    as_of: str | None = None
    min_strength: float = 0.0
    paths: tuple[tuple[str, str], ...] = ()
    line: int | None = field(default=None, compare=False)


@dataclass(frozen=True)
class Graph:
    """One graph file: its actors, the typed ties between them, and their sources."""

    title: str
    actors: tuple[Actor, ...]
    relations: tuple[Relation, ...]
    sources: tuple[Source, ...] = ()
    vocabulary: Vocabulary = BUILTIN
    as_of_date: str | None = None
    description: str = ""
    path: str | None = field(default=None, compare=False)
    # how to look at the graph, not what it says: two graphs differing only in views are equal
    views: tuple[View, ...] = field(default=(), compare=False)

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
            for name in dict.fromkeys(name_key(n) for n in actor.names()):
                index.setdefault(name, []).append(actor.id)
        return index

    @cached_property
    def _positions(self) -> dict[str, int]:
        return {a.id: i for i, a in enumerate(self.actors)}

    def actor_position(self, actor_id: str) -> int:
        """Where an actor stands in :attr:`actors` (arrays of the graph are indexed so)."""
        return self._positions[actor_id]

    def actor_at(self, position: int) -> Actor:
        """The actor at a position of :attr:`actors`."""
        return self.actors[position]

    def relation_at(self, position: int) -> Relation:
        """The relation at a position of :attr:`relations`."""
        return self.relations[position]

    def actor(self, name: str) -> Actor:
        """Find an actor by id, name or alias, ignoring case.

        Raises :class:`ActorNotFound` with close matches when nothing fits, and
        :class:`AmbiguousActor` when the name belongs to several actors.
        """
        ids = self._name_index.get(name_key(name.strip()), [])
        if len(ids) == 1:
            return self.actors_by_id[ids[0]]
        if ids:
            raise AmbiguousActor(name, ids)
        close = self.suggest(name)
        unnamed = (self.actors_by_id[ident] for ident in close)
        raise ActorNotFound(name, close, {a.id: a.name for a in unnamed if not a.named})

    def suggest(self, name: str, limit: int = 3) -> list[str]:
        """Actor ids whose names look like ``name``, best first."""
        pairs = ((known, ident) for known, ids in self._name_index.items() for ident in ids)
        return closest_names(name, pairs, limit)

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

    def with_relations(self, relations: Iterable[Relation]) -> Graph:
        """The same graph holding only ``relations``."""
        return dataclasses.replace(self, relations=tuple(relations))

    def in_play(self) -> Graph:
        """The graph without actors that have no tie in it: as of a date, the actors in play
        (pictures and reports ``--as-of`` draw and list these).

        >>> from actorgraph.io.load import read_graph
        >>> len(read_graph("graph/belarus-2022.yaml").as_of("1990").in_play().actors)
        21
        """
        tied = {end for r in self.relations for end in (r.source, r.target)}
        if len(tied) == len(self.actors):
            return self
        return dataclasses.replace(self, actors=tuple(a for a in self.actors if a.id in tied))

    def reviewed(self) -> Graph:
        """The graph without proposed or rejected ties: what analyses work on."""
        if all(r.reviewed for r in self.relations):
            return self
        return self.with_relations(r for r in self.relations if r.reviewed)

    def as_of(self, when: str | dt.date) -> Graph:
        """The graph as it stood on a date: only the ties active then (all actors stay),
        and the date it describes is that date.

        >>> from actorgraph.io.load import read_graph
        >>> g = read_graph("graph/belarus-2022.yaml")
        >>> len(g.relations) - len(g.as_of("2021").relations)  # ties that began in 2022
        11
        """
        day_bounds(when)  # reject a bad date even when no relation is dated
        return dataclasses.replace(
            self,
            relations=tuple(r for r in self.relations if r.active_on(when)),
            as_of_date=str(when),
        )

    def without(self, actors: Iterable[str] = (), relations: Iterable[Relation] = ()) -> Graph:
        """The graph with some actors (and all their ties) and some ties taken out."""
        gone_actors = {self.actor(a).id for a in actors}
        gone_relations = set(map(id, relations))
        return dataclasses.replace(
            self,
            actors=tuple(a for a in self.actors if a.id not in gone_actors),
            relations=tuple(
                r
                for r in self.relations
                if id(r) not in gone_relations and not {r.source, r.target} & gone_actors
            ),
        )

    def around(self, actor: str, depth: int = 1) -> Graph:
        """The actors within ``depth`` ties of ``actor`` (either direction) and their ties.

        >>> from actorgraph.io.load import read_graph
        >>> sorted(a.id for a in read_graph("graph/belarus-2022.yaml").around("xie").actors)
        Traceback (most recent call last):
        ...
        actorgraph.exceptions.ActorNotFound: no actor named 'xie'; did you mean 'xie-xiaoyong'?
        >>> sorted(a.id for a in read_graph("graph/belarus-2022.yaml").around("PRC").actors)
        ['belarus', 'china', 'lukashenko', 'russia', 'xie-xiaoyong']
        """
        if depth < 0:
            raise QueryError("depth must be 0 or more")
        near = {self.actor(actor).id}
        frontier = set(near)
        for _ in range(depth):
            frontier = {
                other
                for r in self.relations
                for end, other in ((r.source, r.target), (r.target, r.source))
                if end in frontier and other not in near
            }
            near |= frontier
        return dataclasses.replace(
            self,
            actors=tuple(a for a in self.actors if a.id in near),
            relations=tuple(r for r in self.relations if r.source in near and r.target in near),
        )

    def view(self, name: str) -> View:
        """The view declared with this id (ignoring case); :class:`ViewNotFound` if none."""
        for view in self.views:
            if view.id.casefold() == name.strip().casefold():
                return view
        raise ViewNotFound(name, [v.id for v in self.views])

    def in_view(self, view: View | str) -> Graph:
        """The part of the graph a view shows (its highlighted paths are drawn by outputs).

        >>> from actorgraph.io.load import read_graph
        >>> g = read_graph("graph/belarus-2022.yaml")
        >>> sorted(a.id for a in g.in_view(View("china", focus="china")).actors)
        ['belarus', 'china', 'lukashenko', 'russia', 'xie-xiaoyong']
        """
        if isinstance(view, str):
            view = self.view(view)
        graph = self
        if view.as_of:
            graph = graph.as_of(view.as_of)
        if view.types or view.min_strength:
            graph = graph.with_relations(
                r
                for r in graph.relations
                if r.strength >= view.min_strength and (not view.types or r.type in view.types)
            )
        if view.kinds:
            keep = {a.id for a in graph.actors if a.kind in view.kinds}
            if view.focus:
                keep.add(graph.actor(view.focus).id)
            graph = dataclasses.replace(
                graph,
                actors=tuple(a for a in graph.actors if a.id in keep),
                relations=tuple(
                    r for r in graph.relations if r.source in keep and r.target in keep
                ),
            )
        if view.focus:
            graph = graph.around(view.focus, view.depth)
        return graph
