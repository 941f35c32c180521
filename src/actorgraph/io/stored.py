"""What a compiled store entry holds, and the graph read back from one.

An entry is one SQLite file: ``meta`` (schema version, the key it was written
for, title, dates), ``sources``, ``actor_kinds`` and ``relation_types`` (the
graph's whole vocabulary), ``actors``, ``relations`` (:data:`RELATION_CHUNK`
relations to a row, as one JSON list of lists, evidence included: half a million
rows of twenty columns took SQLite longer to write than the file took to check), and
``arrays``: numpy arrays as raw little-endian BLOBs (the
relation arrays and influence adjacency of :mod:`actorgraph.io.adjacency`, and
a hash index of actor names). Lists and attributes are JSON text. Nothing in
it constructs objects by name.

A :class:`StoredGraph` is a :class:`~actorgraph.model.Graph` whose rows load
when asked for: a path question reads the arrays and the rows of its answer,
``show`` one actor's rows; walking :attr:`~StoredGraph.actors` or
:attr:`~StoredGraph.relations` reads them all once.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sqlite3
import zlib
from collections.abc import Callable, Iterator, Mapping
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from actorgraph.memory import collector_paused
from actorgraph.model import Actor, Evidence, Graph, Relation, Source, View, day_bounds, name_key
from actorgraph.vocabulary import ActorKind, RelationType, Vocabulary

if TYPE_CHECKING:  # numpy loads only when arrays are read: small graphs answer without it
    import numpy as np

    from actorgraph.io.adjacency import Adjacency, RelationArrays

SCHEMA_VERSION = 2
SMALL = 5000  # up to this many actors and relations, lookups read every row (no numpy)
RELATION_CHUNK = 256  # relations per row of ``relations``: reading one decodes ~50 kB

DDL = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value) WITHOUT ROWID;
CREATE TABLE sources (idx INTEGER PRIMARY KEY, id TEXT NOT NULL, title TEXT NOT NULL,
    authors TEXT NOT NULL, publisher TEXT, published TEXT, url TEXT, file TEXT, retrieved TEXT);
CREATE TABLE actor_kinds (idx INTEGER PRIMARY KEY, id TEXT NOT NULL, label TEXT NOT NULL,
    color TEXT NOT NULL, shape TEXT NOT NULL, description TEXT NOT NULL);
CREATE TABLE relation_types (idx INTEGER PRIMARY KEY, id TEXT NOT NULL, label TEXT NOT NULL,
    polarity TEXT NOT NULL, influence TEXT NOT NULL, score, plover TEXT,
    description TEXT NOT NULL, triggers TEXT NOT NULL);
CREATE TABLE actors (idx INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
    kind TEXT NOT NULL, aliases TEXT NOT NULL, description TEXT NOT NULL, line INTEGER,
    attributes TEXT NOT NULL, x, y, status TEXT);
CREATE TABLE relations (chunk INTEGER PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE views (idx INTEGER PRIMARY KEY, id TEXT NOT NULL, title TEXT NOT NULL,
    caption TEXT NOT NULL, focus TEXT, depth, kinds TEXT NOT NULL, types TEXT NOT NULL,
    as_of TEXT, min_strength, paths TEXT NOT NULL, line INTEGER);
CREATE TABLE arrays (name TEXT PRIMARY KEY, data BLOB NOT NULL) WITHOUT ROWID;
"""

# every array an entry keeps, with its one permitted type (little-endian, never objects)
ARRAY_TYPES = {
    "source": "<i4",
    "target": "<i4",
    "type": "<i2",
    "strength": "<f8",
    "confidence": "i1",
    "since": "<i4",
    "until": "<i4",
    "reviewed": "?",
    "kind": "<i2",
    "influence": "i1",
    "indptr": "<i4",
    "edge_target": "<i4",
    "edge_strength": "<f8",
    "edge_first": "<i4",
    "tie_ptr": "<i4",
    "tie_relation": "<i4",
    "tie_along": "?",
    "reverse_indptr": "<i4",  # in-edges of each actor, for searches towards a target ...
    "reverse_source": "<i4",  # ... and their movers
    "name_hash": "<u4",  # crc32 of each casefolded name, sorted ...
    "name_actor": "<i4",  # ... and the actor it names
}
_SCHEMA_QUERY = "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name"
_ACTOR_COLUMNS = "id, name, kind, aliases, description, line, attributes, x, y, status"


# the fields an entry keeps, per class: a class that gains one is not stored (the writer
# refuses) until this module keeps it too, so nothing is ever silently dropped
FIELDS = {
    Source: ("id", "title", "authors", "publisher", "published", "url", "file", "retrieved"),
    Evidence: ("source", "claim", "paragraph", "url", "quote", "page", "row", "element"),
    Actor: ("id", "name", "kind", "aliases", "description", "line", "attributes", "x", "y",
            "status"),
    Relation: ("source", "type", "target", "strength", "confidence", "evidence", "since",
               "until", "id", "note", "line", "attributes", "status"),
    View: ("id", "title", "caption", "focus", "depth", "kinds", "types", "as_of",
           "min_strength", "paths", "line"),
    ActorKind: ("id", "label", "color", "shape", "description"),
    RelationType: ("id", "label", "polarity", "influence", "score", "plover", "description",
                   "triggers"),
    Graph: ("title", "actors", "relations", "sources", "vocabulary", "as_of_date",
            "description", "path", "views"),
}  # fmt: skip


class StoreError(Exception):
    """An entry that is not to be trusted (the caller rebuilds it)."""


def name_hash(folded: str) -> int:
    """The hash under which a name, as :func:`~actorgraph.model.name_key` compares it,
    is indexed."""
    return zlib.crc32(folded.encode("utf-8"))


def _expected_schema() -> list[tuple[Any, ...]]:
    memory = sqlite3.connect(":memory:")
    try:
        memory.executescript(DDL)
        return memory.execute(_SCHEMA_QUERY).fetchall()
    finally:
        memory.close()


def _connect(entry: Path) -> sqlite3.Connection:
    uri = "file:" + entry.resolve().as_posix().replace("%", "%25").replace("?", "%3f")
    # read-only and serialized by SQLite, so any thread may read (a notebook's, a progress line's)
    connection = sqlite3.connect(
        uri.replace("#", "%23") + "?mode=ro", uri=True, check_same_thread=False
    )
    connection.execute("PRAGMA trusted_schema=OFF")
    connection.execute("PRAGMA query_only=ON")
    return connection


class StoredGraph(Graph):
    """A graph read from the store: its actors and relations load only when asked for.

    Equal to the :class:`Graph` it was stored from; ``dataclasses.replace`` and
    the methods built on it (``with_relations``, ``without``, ``around``) give
    plain graphs.
    """

    _connection: sqlite3.Connection
    _active: str | dt.date | None  # the date of as_of, if any
    _counts: tuple[int, int]

    def __new__(cls, *args: Any, **kwargs: Any) -> Any:
        if args or kwargs:  # dataclasses.replace: a plain graph with every row
            return Graph(*args, **kwargs)
        return super().__new__(cls)

    @classmethod
    def open(
        cls, entry: Path, code: str, path: str, same_file: Callable[[dict[str, Any]], bool]
    ) -> StoredGraph:
        """Open and check an entry; :class:`StoreError` (or sqlite3.Error) when it is not
        exactly what this code writes, or ``same_file`` says its key (``meta``) is not
        that of the graph file being read."""
        connection = _connect(entry)
        try:
            if connection.execute(_SCHEMA_QUERY).fetchall() != _expected_schema():
                raise StoreError("unexpected schema")
            meta = dict(connection.execute("SELECT key, value FROM meta"))
            if meta.get("schema") != SCHEMA_VERSION or meta.get("code") != code:
                raise StoreError("entry of another version")
            if not same_file(meta):
                raise StoreError("entry of another file")
            kinds = {
                row[0]: ActorKind(*row)
                for row in connection.execute(
                    "SELECT id, label, color, shape, description FROM actor_kinds ORDER BY idx"
                )
            }
            types = {
                row[0]: RelationType(*row, tuple(json.loads(triggers)))
                for *row, triggers in connection.execute(
                    "SELECT id, label, polarity, influence, score, plover, description, triggers "
                    "FROM relation_types ORDER BY idx"
                )
            }
            sources = tuple(
                Source(id, title, tuple(json.loads(authors)), *rest)
                for id, title, authors, *rest in connection.execute(
                    "SELECT id, title, authors, publisher, published, url, file, retrieved "
                    "FROM sources ORDER BY idx"
                )
            )
            views = tuple(
                View(
                    id, title, caption, focus, depth, tuple(json.loads(kinds)),
                    tuple(json.loads(types)), as_of, min_strength,
                    tuple(tuple(pair) for pair in json.loads(paths)), line,
                )  # fmt: skip
                for id, title, caption, focus, depth, kinds, types, as_of, min_strength, paths,
                line in connection.execute(
                    "SELECT id, title, caption, focus, depth, kinds, types, as_of, min_strength, "
                    "paths, line FROM views ORDER BY idx"
                )
            )  # fmt: skip
            counts = (meta.get("actors"), meta.get("relations"))
            if not all(isinstance(count, int) for count in counts):
                raise StoreError("bad counts")
        except BaseException:
            connection.close()
            raise
        graph = object.__new__(cls)
        fields = {
            "title": meta.get("title"),
            "sources": sources,
            "vocabulary": Vocabulary(kinds, types),
            "as_of_date": meta.get("as_of"),
            "description": meta.get("description"),
            "path": path,
            "views": views,
            "_connection": connection,
            "_active": None,
            "_counts": counts,
        }
        for name, value in fields.items():
            object.__setattr__(graph, name, value)
        if max(counts) > SMALL:  # arrays will be read: check them now, not mid-answer
            try:
                graph._checked  # noqa: B018 - reads and checks them
            except BaseException:
                connection.close()
                raise
        return graph

    # -- rows, one at a time ---------------------------------------------

    @cached_property
    def _rows(self) -> dict[tuple[str, int], Any]:
        return {}

    def _query(self, sql: str, *args: Any) -> list[tuple[Any, ...]]:
        return self._connection.execute(sql, args).fetchall()

    def actor_at(self, position: int) -> Actor:
        """The actor at a position of :attr:`actors`, read from its row."""
        key = ("actor", position)
        if key not in self._rows:
            rows = self._query(f"SELECT {_ACTOR_COLUMNS} FROM actors WHERE idx = ?", position)
            if not rows:
                raise IndexError(position)
            self._rows[key] = _actor(rows[0])
        return self._rows[key]

    def actor_position(self, actor_id: str) -> int:
        """Where an actor stands in :attr:`actors`."""
        rows = self._query("SELECT idx FROM actors WHERE id = ?", actor_id)
        if not rows:
            raise KeyError(actor_id)
        return rows[0][0]

    def relation_at(self, position: int) -> Relation:
        """The relation at a position of the stored file's relations, with its evidence."""
        key = ("relation", position)
        if key not in self._rows:
            if not 0 <= position < self._counts[1]:
                raise IndexError(position)
            chunk, offset = divmod(position, RELATION_CHUNK)
            rows = self._rows.get(("chunk", chunk))
            if rows is None:
                found = self._query("SELECT data FROM relations WHERE chunk = ?", chunk)
                if not found:
                    raise StoreError(f"relations: no chunk {chunk}")
                rows = self._rows["chunk", chunk] = json.loads(found[0][0])
            self._rows[key] = _relation(rows[offset])
        return self._rows[key]

    @cached_property
    def actors_by_id(self) -> Mapping[str, Actor]:  # type: ignore[override]
        """Actors keyed by id, each read when first asked for."""
        return _ActorsById(self)

    def actor(self, name: str) -> Actor:
        """Find an actor by id, name or alias, ignoring case (see :meth:`Graph.actor`):
        through the name index; the full list of names only for an unknown or
        ambiguous name (to say so, with suggestions)."""
        if self._counts[0] > SMALL:
            import numpy as np

            folded = name_key(name.strip())
            hashes, actors = self._name_index_arrays
            wanted = name_hash(folded)
            first, last = np.searchsorted(hashes, [wanted, wanted + 1])
            found = [
                self.actor_at(position)
                for position in sorted(set(actors[first:last].tolist()))
                if folded in {name_key(n) for n in self.actor_at(position).names()}
            ]
            if len(found) == 1:
                return found[0]
        return super().actor(name)

    def relations_of(self, actor_id: str) -> Iterator[Relation]:
        """Relations in which the actor is source or target, in file order."""
        if self._counts[1] <= SMALL:
            return super().relations_of(actor_id)
        import numpy as np

        position = self.actor_position(actor_id)
        arrays = self._arrays
        hits = np.flatnonzero((arrays.source == position) | (arrays.target == position))
        return (self.relation_at(int(arrays.index[i])) for i in hits)

    @cached_property
    def _degrees(self) -> dict[str, tuple[int, int]]:
        import numpy as np

        arrays = self._arrays
        incoming = np.bincount(arrays.target, minlength=arrays.actors).tolist()
        outgoing = np.bincount(arrays.source, minlength=arrays.actors).tolist()
        return {a.id: (incoming[i], outgoing[i]) for i, a in enumerate(self.actors)}

    # -- the whole graph, when asked for ---------------------------------

    @cached_property
    def actors(self) -> tuple[Actor, ...]:  # type: ignore[override]
        """Every actor, read from the store once."""
        with collector_paused():
            rows = self._query(f"SELECT {_ACTOR_COLUMNS} FROM actors ORDER BY idx")
            return tuple(_actor(row) for row in rows)

    @cached_property
    def relations(self) -> tuple[Relation, ...]:  # type: ignore[override]
        """Every relation (active on the chosen date, if any), read from the store once."""
        with collector_paused():
            loads = json.loads
            rows = [
                row
                for (data,) in self._query("SELECT data FROM relations ORDER BY chunk")
                for row in loads(data)
            ]
            if len(rows) != self._counts[1]:
                raise StoreError("relations: not as many as recorded")
            relations = map(_relation, rows)
            if self._active is None:
                return tuple(relations)
            return tuple(r for r in relations if r.active_on(self._active))

    # -- arrays ------------------------------------------------------------

    @cached_property
    def _arrays(self) -> RelationArrays:
        return self.compiled_arrays()[0]

    @cached_property
    def _columns(self) -> dict[str, np.ndarray]:
        import numpy as np

        blobs = dict(self._query("SELECT name, data FROM arrays"))
        if set(blobs) != set(ARRAY_TYPES) or not all(isinstance(b, bytes) for b in blobs.values()):
            raise StoreError("arrays missing")
        return {name: np.frombuffer(data, dtype=ARRAY_TYPES[name]) for name, data in blobs.items()}

    @cached_property
    def _name_index_arrays(self) -> tuple[np.ndarray, np.ndarray]:
        return self._checked[2]

    @cached_property
    def _checked(self) -> tuple[RelationArrays, Adjacency, tuple[np.ndarray, np.ndarray]]:
        return _checked_arrays(self._columns, *self._counts, self.vocabulary)

    def compiled_arrays(self) -> tuple[RelationArrays, Adjacency | None]:
        """The stored arrays (see :class:`actorgraph.io.adjacency.Compiled`); on a date,
        the relation arrays of the ties active then, and no precomputed adjacency."""
        relation_arrays, adjacency, _ = self._checked
        if self._active is None:
            return relation_arrays, adjacency
        return relation_arrays.active_on(*day_bounds(self._active)), None

    def as_of(self, when: str | dt.date) -> Graph:
        """The graph as it stood on a date, still read from the store (see :meth:`Graph.as_of`)."""
        if self._active is not None:  # a date within a date: the plain way
            return super().as_of(when)
        day_bounds(when)  # reject a bad date
        dated = object.__new__(StoredGraph)
        for name in ("title", "sources", "vocabulary", "as_of_date", "description", "path",
                     "views"):  # fmt: skip
            object.__setattr__(dated, name, getattr(self, name))
        for name in ("_connection", "_counts"):
            object.__setattr__(dated, name, getattr(self, name))
        if "_checked" in self.__dict__:  # share arrays read already
            object.__setattr__(dated, "_checked", self._checked)
        object.__setattr__(dated, "_active", when)
        object.__setattr__(dated, "as_of_date", str(when))  # the date it now describes
        return dated

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Graph):
            return NotImplemented
        return all(
            getattr(self, f.name) == getattr(other, f.name)
            for f in dataclasses.fields(Graph)
            if f.compare
        )

    __hash__ = Graph.__hash__


def _actor(row: tuple[Any, ...]) -> Actor:
    id, name, kind, aliases, description, line, attributes, x, y, status = row
    return Actor(
        id, name, kind, tuple(json.loads(aliases)), description, line,
        tuple(json.loads(attributes).items()), x, y, status,
    )  # fmt: skip


def _relation(row: list[Any]) -> Relation:
    """A relation from its stored row: its field values in order, evidence as lists of
    theirs, attributes as [name, value] pairs."""
    *head, evidence, since, until, id, note, line, attributes, status = row
    return Relation(
        *head, tuple([Evidence(*e) for e in evidence]), since, until, id, note, line,
        tuple(map(tuple, attributes)), status,
    )  # fmt: skip


class _ActorsById(Mapping[str, Actor]):
    """Actors by id, read one row at a time."""

    def __init__(self, graph: StoredGraph) -> None:
        self._graph = graph

    def __getitem__(self, actor_id: str) -> Actor:
        return self._graph.actor_at(self._graph.actor_position(actor_id))

    def __iter__(self) -> Iterator[str]:
        return (a.id for a in self._graph.actors)

    def __len__(self) -> int:
        return self._graph._counts[0]


def _checked_arrays(
    columns: dict[str, np.ndarray], actors: int, relations: int, vocabulary: Vocabulary
) -> tuple[RelationArrays, Adjacency, tuple[np.ndarray, np.ndarray]]:
    """Arrays whose shapes and ranges fit the graph, or :class:`StoreError`."""
    import numpy as np

    from actorgraph.io.adjacency import RELATION_COLUMNS, Adjacency, RelationArrays

    def need(condition: Any, what: str) -> None:
        if not bool(condition):
            raise StoreError(f"arrays: {what}")

    def within(name: str, limit: int) -> None:
        values = columns[name]
        need(not len(values) or (values.min() >= 0 and values.max() < limit), f"{name} range")

    for name in RELATION_COLUMNS:
        need(len(columns[name]) == relations, f"{name} length")
    need(len(columns["kind"]) == actors, "kind length")
    need(len(columns["influence"]) == len(vocabulary.relation_types), "influence length")
    within("source", actors)
    within("target", actors)
    within("type", len(vocabulary.relation_types))
    within("kind", len(vocabulary.actor_kinds))
    within("influence", 4)
    indptr, ties = columns["indptr"], columns["tie_ptr"]
    edges = len(columns["edge_target"])
    need(len(indptr) == actors + 1 and indptr[0] == 0 and indptr[-1] == edges, "indptr")
    need((np.diff(indptr) >= 0).all(), "indptr order")
    need(len(columns["edge_strength"]) == edges == len(columns["edge_first"]), "edges")
    within("edge_target", actors)
    need(len(ties) == edges + 1 and ties[0] == 0 and (np.diff(ties) >= 1).all(), "tie_ptr")
    need(ties[-1] == len(columns["tie_relation"]) == len(columns["tie_along"]), "ties")
    within("tie_relation", relations)
    reverse_indptr, reverse_source = columns["reverse_indptr"], columns["reverse_source"]
    need(len(reverse_indptr) == actors + 1 and reverse_indptr[0] == 0, "reverse_indptr")
    need(reverse_indptr[-1] == edges == len(reverse_source), "reverse edges")
    need((np.diff(reverse_indptr) >= 0).all(), "reverse_indptr order")
    within("reverse_source", actors)
    hashes, named = columns["name_hash"], columns["name_actor"]
    need(len(hashes) == len(named) and (np.diff(hashes) >= 0).all(), "name index")
    within("name_actor", actors)
    stored = RelationArrays(
        **{name: columns[name] for name in RELATION_COLUMNS},
        index=np.arange(relations, dtype=np.int32),
        kind=columns["kind"],
        type_ids=tuple(vocabulary.relation_types),
        kind_ids=tuple(vocabulary.actor_kinds),
        influence=columns["influence"],
    )
    adjacency = Adjacency(
        indptr=indptr,
        target=columns["edge_target"],
        strength=columns["edge_strength"],
        first=columns["edge_first"],
        tie_ptr=ties,
        tie_relation=columns["tie_relation"],
        tie_along=columns["tie_along"],
    )
    adjacency.__dict__["reverse"] = (reverse_indptr, reverse_source)  # kept, not recomputed
    return stored, adjacency, (hashes, named)
