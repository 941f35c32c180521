"""The compiled store: checked graphs kept as data (SQLite and arrays), never code.

A graph file, once checked, is written to one SQLite file: tables of actors,
their names, relations, evidence, sources and vocabulary, and the influence
adjacency as numpy arrays in BLOBs (see :mod:`actorgraph.io.adjacency`).
Nothing in it constructs objects by name: rows are text and numbers, lists are
JSON, arrays are raw little-endian numbers of types fixed here.

Trust: an entry is named by the SHA-256 of the graph file's bytes and of the
code that reads it, and carries both inside. It is opened read-only, and used
only when its schema is exactly the one written here, its content hash equals
the hash of the file being read, and its arrays match their digests and
shapes; anything else is ignored and rebuilt from the graph file. Entries live
in a private folder (``$ACTORGRAPH_CACHE_DIR``, else the user's cache folder):
created 0700, entries 0600; a folder owned by someone else or writable by group
or others is refused with one line on stderr, and the command runs without the
store. Writes go to a locked temporary file renamed into place; temporary files
whose writer died (no lock held) are removed on the next run, and the newest
:data:`MAX_ENTRIES` entries are kept.

Reading from the store gives a :class:`StoredGraph`: a :class:`Graph` whose
rows load only when asked for, so a path question reads its arrays and a few
rows, and ``show`` one actor's rows, not the whole graph.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import fcntl
import hashlib
import json
import os
import sqlite3
import stat
import sys
import tempfile
from collections.abc import Iterator, Mapping
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np

from .._memory import collector_paused
from ..model import Actor, Evidence, Graph, Relation, Source, day_bounds
from ..vocabulary import ActorKind, RelationType, Vocabulary
from . import adjacency as arrays_of

SCHEMA_VERSION = 1
MAX_ENTRIES = 64
SUFFIX = ".sqlite"
_PACKAGE = Path(__file__).resolve().parent.parent
# the code whose change changes what an entry should hold
_READING_CODE = (
    "model.py",
    "vocabulary.py",
    "load.py",
    "checks.py",
    "schema.py",
    "_yaml.py",
    "io/store.py",
    "io/adjacency.py",
)

_DDL = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value) WITHOUT ROWID;
CREATE TABLE sources (idx INTEGER PRIMARY KEY, id TEXT NOT NULL, title TEXT NOT NULL,
    authors TEXT NOT NULL, publisher TEXT, published TEXT, url TEXT);
CREATE TABLE actor_kinds (idx INTEGER PRIMARY KEY, id TEXT NOT NULL, label TEXT NOT NULL,
    color TEXT NOT NULL, shape TEXT NOT NULL, description TEXT NOT NULL);
CREATE TABLE relation_types (idx INTEGER PRIMARY KEY, id TEXT NOT NULL, label TEXT NOT NULL,
    polarity TEXT NOT NULL, influence TEXT NOT NULL, score REAL, plover TEXT,
    description TEXT NOT NULL);
CREATE TABLE actors (idx INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
    kind TEXT NOT NULL, aliases TEXT NOT NULL, description TEXT NOT NULL, line INTEGER,
    attributes TEXT NOT NULL);
CREATE TABLE names (folded TEXT NOT NULL, actor INTEGER NOT NULL,
    PRIMARY KEY (folded, actor)) WITHOUT ROWID;
CREATE TABLE relations (idx INTEGER PRIMARY KEY, source TEXT NOT NULL, type TEXT NOT NULL,
    target TEXT NOT NULL, strength REAL NOT NULL, confidence TEXT NOT NULL, since TEXT,
    until TEXT, id TEXT, note TEXT NOT NULL, line INTEGER, attributes TEXT NOT NULL,
    evidence_first INTEGER NOT NULL, evidence_count INTEGER NOT NULL);
CREATE TABLE evidence (idx INTEGER PRIMARY KEY, source TEXT NOT NULL, claim TEXT NOT NULL,
    paragraph INTEGER);
CREATE TABLE arrays (name TEXT PRIMARY KEY, data BLOB NOT NULL, sha256 BLOB NOT NULL)
    WITHOUT ROWID;
"""

# every array the store keeps, with its one permitted type (little-endian, never objects)
_ARRAY_TYPES = {
    "source": "<i4",
    "target": "<i4",
    "type": "<i2",
    "strength": "<f8",
    "confidence": "i1",
    "since": "<i4",
    "until": "<i4",
    "kind": "<i2",
    "influence": "i1",
    "indptr": "<i4",
    "edge_target": "<i4",
    "edge_strength": "<f8",
    "edge_first": "<i4",
    "tie_ptr": "<i4",
    "tie_relation": "<i4",
    "tie_along": "?",
}


class StoreError(Exception):
    """An entry that cannot be trusted (handled inside this module: it is rebuilt)."""


# -- the private folder -----------------------------------------------------

_refused: set[str] = set()


def store_folder() -> Path:
    """Where entries live: ``$ACTORGRAPH_CACHE_DIR`` or the user's cache folder."""
    override = os.environ.get("ACTORGRAPH_CACHE_DIR")
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("actorgraph"))


def private_folder() -> Path | None:
    """The store's folder, made if missing (0700); None, said once on stderr, when it
    cannot be used safely: owned by another user, or writable by group or others."""
    folder = store_folder()
    problem = None
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = os.stat(folder)
        mode = stat.S_IMODE(info.st_mode)
        if not stat.S_ISDIR(info.st_mode):
            problem = "it is not a folder"
        elif info.st_uid != os.getuid():
            problem = f"it is owned by another user (uid {info.st_uid})"
        elif mode & 0o022:
            problem = f"it is writable by group or others (mode {mode:04o})"
        elif mode & 0o077:
            os.chmod(folder, 0o700)  # ours, but readable by others: make it private
    except OSError as error:
        problem = f"it cannot be used ({error.strerror or error})"
    if problem is None:
        _sweep(folder)
        return folder
    if str(folder) not in _refused:
        _refused.add(str(folder))
        print(
            f"actorgraph: not using the compiled store in {folder}: {problem}; running "
            "without it (make it a private folder of yours, chmod 700, or set "
            "ACTORGRAPH_CACHE_DIR)",
            file=sys.stderr,
        )
    return None


def _sweep(folder: Path) -> None:
    """Remove temporary files whose writer is gone (a live writer holds a lock), and
    entries of the old pickle cache, which are never read."""
    with contextlib.suppress(OSError):
        for path in folder.iterdir():
            name = path.name
            if name.startswith(".") and name.endswith(".tmp"):
                with contextlib.suppress(OSError), open(path, "rb") as handle:
                    try:
                        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    except BlockingIOError:
                        continue  # being written right now
                    path.unlink()
            elif name.endswith(".pickle"):
                with contextlib.suppress(OSError):
                    path.unlink()


def _prune(folder: Path) -> None:
    """Keep the newest :data:`MAX_ENTRIES` entries."""
    entries = []
    for path in folder.glob(f"*{SUFFIX}"):
        with contextlib.suppress(OSError):
            entries.append((path.stat().st_mtime_ns, path))
    for _, old in sorted(entries)[:-MAX_ENTRIES]:
        with contextlib.suppress(OSError):
            old.unlink()


# -- keys -------------------------------------------------------------------


def code_version() -> str:
    """actorgraph's and Python's versions and the reading code's files, as one string."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        release = version("actorgraph")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        release = "source"
    files = []
    for name in _READING_CODE:
        try:
            info = (_PACKAGE / name).stat()
            files.append(f"{name}:{info.st_size}:{info.st_mtime_ns}")
        except OSError:
            files.append(f"{name}:-")
    return f"schema {SCHEMA_VERSION}|{release}|{sys.version_info[:3]}|{','.join(files)}"


def file_hash(path: Path) -> str:
    """SHA-256 of a file's bytes, read in chunks (no copy of a big file in memory)."""
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def entry_name(content_hash: str, code: str) -> str:
    """The file name of the entry for a graph file's content under this code."""
    return hashlib.sha256(f"{content_hash}|{code}".encode()).hexdigest() + SUFFIX


# -- writing ----------------------------------------------------------------


def _text(value: Any) -> str:
    """JSON for a list or mapping, refusing anything that would not read back the same."""
    text = json.dumps(value, ensure_ascii=False, allow_nan=False)
    if json.loads(text) != value:
        raise StoreError("value does not survive JSON")
    return text


def save(folder: Path, content_hash: str, size: int, graph: Graph) -> Path | None:
    """Write the entry for a graph atomically; None when it cannot be written (the
    command goes on without it)."""
    code = code_version()
    target = folder / entry_name(content_hash, code)
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    except OSError:
        return None
    try:
        fcntl.flock(handle, fcntl.LOCK_EX)  # a sweep leaves a file alone while it is locked
        connection = sqlite3.connect(temporary)
        try:
            _write(connection, graph, {"content_sha256": content_hash, "code": code, "size": size})
        finally:
            connection.close()
        os.chmod(temporary, 0o600)
        os.replace(temporary, target)
    except Exception:  # noqa: BLE001 - a store that cannot be written is skipped
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        return None
    finally:
        os.close(handle)
    _prune(folder)
    return target


def _write(connection: sqlite3.Connection, graph: Graph, key: dict[str, Any]) -> None:
    connection.execute("PRAGMA journal_mode=OFF")  # a temporary file: no journal needed
    connection.execute("PRAGMA synchronous=OFF")
    connection.executescript(_DDL)
    relation_arrays = arrays_of.relation_arrays(graph)
    adjacency = arrays_of.influence_adjacency(graph)
    meta = {
        "schema": SCHEMA_VERSION,
        **key,
        "title": graph.title,
        "as_of": graph.as_of_date,
        "description": graph.description,
        "actors": len(graph.actors),
        "relations": len(graph.relations),
    }
    with collector_paused():
        connection.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
        connection.executemany(
            "INSERT INTO sources VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                (i, s.id, s.title, _text(list(s.authors)), s.publisher, s.published, s.url)
                for i, s in enumerate(graph.sources)
            ),
        )
        vocabulary = graph.vocabulary
        connection.executemany(
            "INSERT INTO actor_kinds VALUES (?, ?, ?, ?, ?, ?)",
            (
                (i, k.id, k.label, k.color, k.shape, k.description)
                for i, k in enumerate(vocabulary.actor_kinds.values())
            ),
        )
        connection.executemany(
            "INSERT INTO relation_types VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                (i, t.id, t.label, t.polarity, t.influence, t.score, t.plover, t.description)
                for i, t in enumerate(vocabulary.relation_types.values())
            ),
        )
        connection.executemany(
            "INSERT INTO actors VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                (
                    i,
                    a.id,
                    a.name,
                    a.kind,
                    _text(list(a.aliases)),
                    a.description,
                    a.line,
                    _text(dict(a.attributes)) if a.attributes else "{}",
                )
                for i, a in enumerate(graph.actors)
            ),
        )
        names = sorted(
            (name, i)
            for i, a in enumerate(graph.actors)
            for name in dict.fromkeys(n.casefold() for n in a.names())
        )
        connection.executemany("INSERT INTO names VALUES (?, ?)", names)
        del names
        first = 0
        rows = []
        for i, r in enumerate(graph.relations):
            attributes = _text(dict(r.attributes)) if r.attributes else "{}"
            rows.append(
                (i, r.source, r.type, r.target, r.strength, r.confidence, r.since, r.until,
                 r.id, r.note, r.line, attributes, first, len(r.evidence))
            )  # fmt: skip
            first += len(r.evidence)
        connection.executemany(
            "INSERT INTO relations VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows
        )
        del rows
        connection.executemany(
            "INSERT INTO evidence VALUES (?, ?, ?, ?)",
            (
                (None, e.source, e.claim, e.paragraph)
                for r in graph.relations
                for e in r.evidence
            ),
        )
    columns = {
        **{name: getattr(relation_arrays, name) for name in arrays_of.RELATION_COLUMNS},
        "kind": relation_arrays.kind,
        "influence": relation_arrays.influence,
        "indptr": adjacency.indptr,
        "edge_target": adjacency.target,
        "edge_strength": adjacency.strength,
        "edge_first": adjacency.first,
        "tie_ptr": adjacency.tie_ptr,
        "tie_relation": adjacency.tie_relation,
        "tie_along": adjacency.tie_along,
    }
    for name, values in columns.items():
        data = np.ascontiguousarray(values, dtype=_ARRAY_TYPES[name]).tobytes()
        connection.execute(
            "INSERT INTO arrays VALUES (?, ?, ?)", (name, data, hashlib.sha256(data).digest())
        )
    connection.commit()


# -- reading ----------------------------------------------------------------


def _expected_schema() -> list[tuple[Any, ...]]:
    memory = sqlite3.connect(":memory:")
    try:
        memory.executescript(_DDL)
        return memory.execute(_SCHEMA_QUERY).fetchall()
    finally:
        memory.close()


_SCHEMA_QUERY = "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name"


def open_graph(folder: Path, content_hash: str, size: int, path: str) -> StoredGraph | None:
    """The stored graph for a file's content, or None when absent or not to be trusted."""
    entry = folder / entry_name(content_hash, code_version())
    try:
        info = os.lstat(entry)
    except OSError:
        return None
    if not stat.S_ISREG(info.st_mode) or info.st_uid != os.getuid():
        return None
    try:
        return StoredGraph.open(entry, content_hash, size, path)
    except (StoreError, sqlite3.Error, ValueError, TypeError, KeyError):
        return None


def _connect(entry: Path) -> sqlite3.Connection:
    uri = "file:" + entry.resolve().as_posix().replace("?", "%3f").replace("#", "%23")
    connection = sqlite3.connect(f"{uri}?mode=ro", uri=True, check_same_thread=False)
    connection.execute("PRAGMA trusted_schema=OFF")
    connection.execute("PRAGMA query_only=ON")
    return connection


class StoredGraph(Graph):
    """A graph read from the store: its actors and relations load only when asked for.

    Questions that need one actor, a few relations or the arrays read just
    those; anything that walks :attr:`actors` or :attr:`relations` loads them
    all once (a big graph takes seconds). Equal to the :class:`Graph` it was
    stored from.
    """

    _connection: sqlite3.Connection
    _active: tuple[dt.date, dt.date] | None
    _counts: tuple[int, int]

    def __new__(cls, *args: Any, **kwargs: Any) -> Any:
        # dataclasses.replace (with_relations, without, around) makes a plain Graph
        if args or kwargs:
            return Graph(*args, **kwargs)
        return super().__new__(cls)

    @classmethod
    def open(cls, entry: Path, content_hash: str, size: int, path: str) -> StoredGraph:
        """Open and check an entry; raises :class:`StoreError` when it is not to be trusted."""
        connection = _connect(entry)
        try:
            if connection.execute(_SCHEMA_QUERY).fetchall() != _expected_schema():
                raise StoreError("unexpected schema")
            meta = dict(connection.execute("SELECT key, value FROM meta"))
            if (
                meta.get("schema") != SCHEMA_VERSION
                or meta.get("content_sha256") != content_hash
                or meta.get("size") != size
                or meta.get("code") != code_version()
            ):
                raise StoreError("entry of another file or version")
            kinds = {
                row[0]: ActorKind(*row)
                for row in connection.execute(
                    "SELECT id, label, color, shape, description FROM actor_kinds ORDER BY idx"
                )
            }
            types = {
                row[0]: RelationType(*row)
                for row in connection.execute(
                    "SELECT id, label, polarity, influence, score, plover, description "
                    "FROM relation_types ORDER BY idx"
                )
            }
            sources = tuple(
                Source(id, title, tuple(json.loads(authors)), publisher, published, url)
                for id, title, authors, publisher, published, url in connection.execute(
                    "SELECT id, title, authors, publisher, published, url FROM sources "
                    "ORDER BY idx"
                )
            )
        except BaseException:
            connection.close()
            raise
        graph = object.__new__(cls)
        fields = {
            "title": meta["title"],
            "sources": sources,
            "vocabulary": Vocabulary(kinds, types),
            "as_of_date": meta["as_of"],
            "description": meta["description"],
            "path": path,
            "_connection": connection,
            "_active": None,
            "_counts": (meta["actors"], meta["relations"]),
        }
        for name, value in fields.items():
            object.__setattr__(graph, name, value)
        if not all(isinstance(fields[f], str) for f in ("title", "description")):
            raise StoreError("bad meta")
        return graph

    # -- rows, one at a time ---------------------------------------------

    @cached_property
    def _actor_rows(self) -> dict[int, Actor]:
        return {}

    @cached_property
    def _relation_rows(self) -> dict[int, Relation]:
        return {}

    def _query(self, sql: str, *args: Any) -> list[tuple[Any, ...]]:
        return self._connection.execute(sql, args).fetchall()

    def actor_at(self, position: int) -> Actor:
        """The actor at a position, read from its row."""
        found = self._actor_rows.get(position)
        if found is None:
            rows = self._query(f"SELECT {_ACTOR_COLUMNS} FROM actors WHERE idx = ?", position)
            if not rows:
                raise IndexError(position)
            found = self._actor_rows[position] = _actor(rows[0])
        return found

    def actor_position(self, actor_id: str) -> int:
        """Where an actor stands in :attr:`actors`."""
        rows = self._query("SELECT idx FROM actors WHERE id = ?", actor_id)
        if not rows:
            raise KeyError(actor_id)
        return rows[0][0]

    def relation_at(self, position: int) -> Relation:
        """The relation at a position of the stored file's relations, with its evidence."""
        found = self._relation_rows.get(position)
        if found is None:
            rows = self._query(f"SELECT {_RELATION_COLUMNS} FROM relations WHERE idx = ?", position)
            if not rows:
                raise IndexError(position)
            *fields, first, count = rows[0]
            evidence = self._query(
                "SELECT source, claim, paragraph FROM evidence WHERE idx > ? AND idx <= ? "
                "ORDER BY idx",
                first,
                first + count,
            )
            found = self._relation_rows[position] = _relation(fields, evidence)
        return found

    @cached_property
    def actors_by_id(self) -> Mapping[str, Actor]:  # type: ignore[override]
        """Actors keyed by id, each read when first asked for."""
        return _ActorsById(self)

    def actor(self, name: str) -> Actor:
        """Find an actor by id, name or alias, ignoring case (see :meth:`Graph.actor`)."""
        rows = self._query(
            "SELECT actor FROM names WHERE folded = ? ORDER BY actor", name.strip().casefold()
        )
        if len(rows) == 1:
            return self.actor_at(rows[0][0])
        return super().actor(name)  # ambiguous or unknown: the full index says which

    @cached_property
    def _name_index(self) -> dict[str, list[str]]:
        ids = [row[0] for row in self._query("SELECT id FROM actors ORDER BY idx")]
        index: dict[str, list[str]] = {}
        for folded, position in self._query("SELECT folded, actor FROM names ORDER BY actor"):
            index.setdefault(folded, []).append(ids[position])
        return index

    def relations_of(self, actor_id: str) -> Iterator[Relation]:
        """Relations in which the actor is source or target, in file order."""
        position = self.actor_position(actor_id)
        arrays = self._arrays
        hits = np.flatnonzero((arrays.source == position) | (arrays.target == position))
        return (self.relation_at(int(arrays.index[i])) for i in hits)

    @cached_property
    def _degrees(self) -> dict[str, tuple[int, int]]:
        arrays = self._arrays
        incoming = np.bincount(arrays.target, minlength=arrays.actors).tolist()
        outgoing = np.bincount(arrays.source, minlength=arrays.actors).tolist()
        return {a.id: (incoming[i], outgoing[i]) for i, a in enumerate(self.actors)}

    # -- the whole graph, when asked for ---------------------------------

    @cached_property
    def actors(self) -> tuple[Actor, ...]:  # type: ignore[override]
        """Every actor, read from the store once."""
        with collector_paused():
            return tuple(
                _actor(row)
                for row in self._query(f"SELECT {_ACTOR_COLUMNS} FROM actors ORDER BY idx")
            )

    @cached_property
    def relations(self) -> tuple[Relation, ...]:  # type: ignore[override]
        """Every relation (active on the chosen date, if any), read from the store once."""
        with collector_paused():
            evidence = [
                Evidence(*row)
                for row in self._query(
                    "SELECT source, claim, paragraph FROM evidence ORDER BY idx"
                )
            ]
            keep = self._arrays.index
            everything = self._query(f"SELECT {_RELATION_COLUMNS} FROM relations ORDER BY idx")
            return tuple(
                _relation(row[:-2], evidence[row[-2] : row[-2] + row[-1]], built=True)
                for row in (everything[i] for i in keep.tolist())
            )

    # -- arrays ------------------------------------------------------------

    @cached_property
    def _arrays(self) -> arrays_of.RelationArrays:
        return self._stored_arrays[0]

    @cached_property
    def _stored_arrays(self) -> tuple[arrays_of.RelationArrays, arrays_of.Adjacency | None]:
        blobs = {
            name: (data, digest)
            for name, data, digest in self._query("SELECT name, data, sha256 FROM arrays")
        }
        if set(blobs) != set(_ARRAY_TYPES):
            raise StoreError("arrays missing")
        columns = {}
        for name, (data, digest) in blobs.items():
            if not isinstance(data, bytes) or hashlib.sha256(data).digest() != digest:
                raise StoreError(f"array {name} damaged")
            columns[name] = np.frombuffer(data, dtype=_ARRAY_TYPES[name])
        actors, relations = self._counts
        stored = _checked_arrays(columns, actors, relations, self.vocabulary)
        if self._active is None:
            return stored
        return stored[0].active_on(*self._active), None

    @cached_property
    def _views(self) -> dict[str, Any]:
        relation_arrays, adjacency = self._stored_arrays
        views: dict[str, Any] = {arrays_of.ARRAYS_VIEW: relation_arrays}
        if adjacency is not None:
            views[arrays_of.adjacency_view("influence")] = adjacency
        return views

    def as_of(self, when: str | dt.date) -> Graph:
        """The graph as it stood on a date, still read from the store (see :meth:`Graph.as_of`)."""
        bounds = day_bounds(when)
        dated = object.__new__(StoredGraph)
        for name in ("title", "sources", "vocabulary", "as_of_date", "description", "path",
                     "_connection", "_counts"):  # fmt: skip
            object.__setattr__(dated, name, getattr(self, name))
        active = bounds if self._active is None else (
            max(bounds[0], self._active[0]), min(bounds[1], self._active[1])
        )  # fmt: skip
        if self._active is not None and active[0] > active[1]:
            raise ValueError("dates do not overlap")  # pragma: no cover - not reachable by CLI
        object.__setattr__(dated, "_active", active)
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

    def __getstate__(self) -> dict[str, Any]:
        raise TypeError("a stored graph is not pickled; read the file again")


_ACTOR_COLUMNS = "id, name, kind, aliases, description, line, attributes"
_RELATION_COLUMNS = (
    "source, type, target, strength, confidence, since, until, id, note, line, attributes, "
    "evidence_first, evidence_count"
)


def _actor(row: tuple[Any, ...]) -> Actor:
    id, name, kind, aliases, description, line, attributes = row
    return Actor(
        id, name, kind, tuple(json.loads(aliases)), description, line,
        tuple(json.loads(attributes).items()),
    )  # fmt: skip


def _relation(fields: Any, evidence: Any, built: bool = False) -> Relation:
    source, type, target, strength, confidence, since, until, id, note, line, attributes = fields
    items = tuple(evidence) if built else tuple(Evidence(*row) for row in evidence)
    return Relation(
        source, type, target, strength, confidence, items, since, until, id, note, line,
        tuple(json.loads(attributes).items()),
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
) -> tuple[arrays_of.RelationArrays, arrays_of.Adjacency]:
    """Arrays whose shapes and ranges fit the graph, or :class:`StoreError`."""

    def need(condition: Any, what: str) -> None:
        if not bool(condition):
            raise StoreError(f"arrays: {what}")

    for name in arrays_of.RELATION_COLUMNS:
        need(len(columns[name]) == relations, f"{name} length")
    need(len(columns["kind"]) == actors, "kind length")
    need(len(columns["influence"]) == len(vocabulary.relation_types), "influence length")
    for name in ("source", "target"):
        need(((columns[name] >= 0) & (columns[name] < actors)).all(), f"{name} range")
    need(((columns["type"] >= 0) & (columns["type"] < len(vocabulary.relation_types))).all(), "type")
    need(((columns["kind"] >= 0) & (columns["kind"] < len(vocabulary.actor_kinds))).all(), "kind")
    indptr, ties = columns["indptr"], columns["tie_ptr"]
    edges = len(columns["edge_target"])
    need(len(indptr) == actors + 1 and indptr[0] == 0 and indptr[-1] == edges, "indptr")
    need((np.diff(indptr) >= 0).all(), "indptr order")
    need(len(columns["edge_strength"]) == edges == len(columns["edge_first"]), "edges")
    need(((columns["edge_target"] >= 0) & (columns["edge_target"] < actors)).all(), "targets")
    need(len(ties) == edges + 1 and ties[0] == 0 and (np.diff(ties) >= 1).all(), "tie_ptr")
    need(ties[-1] == len(columns["tie_relation"]) == len(columns["tie_along"]), "ties")
    need(
        ((columns["tie_relation"] >= 0) & (columns["tie_relation"] < relations)).all(),
        "tie relations",
    )
    stored = arrays_of.RelationArrays(
        **{name: columns[name] for name in arrays_of.RELATION_COLUMNS},
        index=np.arange(relations, dtype=np.int32),
        kind=columns["kind"],
        type_ids=tuple(vocabulary.relation_types),
        kind_ids=tuple(vocabulary.actor_kinds),
        influence=columns["influence"],
    )
    adjacency = arrays_of.Adjacency(
        indptr=indptr,
        target=columns["edge_target"],
        strength=columns["edge_strength"],
        first=columns["edge_first"],
        tie_ptr=ties,
        tie_relation=columns["tie_relation"],
        tie_along=columns["tie_along"],
    )
    return stored, adjacency
