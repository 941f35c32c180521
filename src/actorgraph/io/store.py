"""The compiled store: checked graphs kept as data (SQLite and arrays), never code.

A graph file, once checked, is written to one SQLite file (its layout:
:mod:`actorgraph.io.stored`), so the next command reads a few rows and arrays
instead of parsing and checking the file again.

Trust: an entry is named after the graph file's real path and the code that
reads it; its file name also holds a CRC-32 of the entry's own bytes; inside it
records the SHA-256 of the graph file's bytes it was built from, the file's
signature then (device, inode, size, modification and change times) and the
code version. It is opened read-only and used only when its bytes match that
check (no damage anywhere), its schema and code version are exactly this
code's, and it holds the file's content: the file's signature is the recorded
one (and the file had settled when read, see :func:`settled`), or else the
SHA-256 of the file now equals the recorded one. Anything else is ignored and
rebuilt from the graph file. So an entry planted or swapped in runs no code,
and cannot change an answer unless it holds the graph file's own content.
Entries live in a private folder
(``$ACTORGRAPH_CACHE_DIR``, else the user's cache folder): created 0700,
entries 0600; a folder owned by someone else or writable by group or others is
refused with one line on stderr, and the command runs without the store.
Writes go to a locked temporary file renamed into place; temporary files whose
writer died (no lock held any more) are removed on the next run, and the newest
:data:`MAX_ENTRIES` entries are kept.
"""

from __future__ import annotations

import contextlib
import dataclasses
import fcntl
import hashlib
import json
import os
import re
import sqlite3
import stat
import sys
import zlib
from pathlib import Path
from typing import Any

from actorgraph.io.stored import (
    ARRAY_TYPES,
    DDL,
    FIELDS,
    RELATION_CHUNK,
    SCHEMA_VERSION,
    StoredGraph,
    StoreError,
    name_hash,
)
from actorgraph.memory import collector_paused
from actorgraph.model import Graph, name_key

MAX_ENTRIES = 64
SUFFIX = ".sqlite"
SETTLED_NS = 2 * 10**9
_PACKAGE = Path(__file__).resolve().parent.parent
# the code whose change changes what an entry should hold
_READING_CODE = (
    "model.py",
    "text.py",
    "vocabulary/__init__.py",
    "vocabulary/definitions.py",
    "vocabulary/builtin.py",
    "vocabulary/rules.py",
    "io/load.py",
    "io/checks.py",
    "io/meaning.py",
    "io/schema.py",
    "io/positioned.py",
    "io/stored.py",
    "io/store.py",
    "io/adjacency.py",
)

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
    if str(folder) not in _refused:  # one line per folder and process
        _refused.add(str(folder))
        print(
            f"actorgraph: not using the compiled store in {folder}: {problem}; running "
            "without it (make it a private folder of yours, chmod 700, or set "
            "ACTORGRAPH_CACHE_DIR)",
            file=sys.stderr,
        )
    return None


_ENTRY = re.compile(r"[0-9a-f]{64}\.[0-9a-f]{8}\.sqlite")
_TEMPORARY = re.compile(r"\.[0-9a-f]{64}\.(pickle\.)?\w+\.tmp")  # ours, and the old cache's
_OLD_ENTRY = re.compile(r"[0-9a-f]{64}\.pickle")


def _sweep(folder: Path) -> None:
    """Remove temporary files whose writer is gone (a live writer holds a lock on its
    file), and entries of the old pickle cache, which are never read. Only names this
    code makes are touched: the folder may be one the user shares with other files."""
    with contextlib.suppress(OSError):
        for path in folder.iterdir():
            if _TEMPORARY.fullmatch(path.name):
                with contextlib.suppress(OSError), open(path, "rb") as handle:
                    try:
                        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    except BlockingIOError:
                        continue  # being written right now
                    path.unlink()
            elif _OLD_ENTRY.fullmatch(path.name):
                with contextlib.suppress(OSError):
                    path.unlink()


def _prune(folder: Path) -> None:
    """Keep the newest :data:`MAX_ENTRIES` entries."""
    entries = []
    for path in folder.iterdir():
        if _ENTRY.fullmatch(path.name):
            with contextlib.suppress(OSError):
                entries.append((path.stat().st_mtime_ns, path))
    for _, old in sorted(entries)[:-MAX_ENTRIES]:
        with contextlib.suppress(OSError):
            old.unlink()


# -- keys -------------------------------------------------------------------


def code_version() -> str:
    """The store's schema, Python's version and the reading code's files, as one string
    (an installed release has files of its own, so it changes this too)."""
    files = []
    for name in _READING_CODE:
        try:
            info = (_PACKAGE / name).stat()
            files.append(f"{name}:{info.st_size}:{info.st_mtime_ns}")
        except OSError:
            files.append(f"{name}:-")
    return f"schema {SCHEMA_VERSION}|{sys.version_info[:3]}|{','.join(files)}"


def file_hash(path: Path) -> str:
    """SHA-256 of a file's bytes, read in chunks (no copy of a big file in memory)."""
    with open(path, "rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def entry_check(path: Path) -> str:
    """CRC-32 of an entry's bytes (hex), kept in its name: damage anywhere shows. (The
    binding to the graph file is the SHA-256 inside; this only has to catch accidents,
    and is three times quicker to compute.)"""
    check = 0
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            check = zlib.crc32(chunk, check)
    return f"{check:08x}"


def entry_name(file: Path, code: str) -> str:
    """The name stem of the entry for a graph file (by its real path) under this code; an
    entry's file adds the check of its own bytes: ``STEM.CHECK.sqlite``."""
    where = os.path.realpath(file)
    return hashlib.sha256(f"{where}|{code}".encode(errors="surrogateescape")).hexdigest()


def signature(info: os.stat_result) -> str:
    """Which file, in which state: device, inode, size, modification and change times.
    (No one but the system sets the change time: a write always changes it.)"""
    return f"{info.st_dev}:{info.st_ino}:{info.st_size}:{info.st_mtime_ns}:{info.st_ctime_ns}"


def settled(info: os.stat_result, seen_ns: int) -> bool:
    """Whether the file was last changed well before it was read (``seen_ns``): only then
    does an unchanged signature prove unchanged bytes, on file systems whose clocks
    tick in seconds (the rule git uses for its index)."""
    return seen_ns - max(info.st_mtime_ns, info.st_ctime_ns) > SETTLED_NS


# -- reading ----------------------------------------------------------------


def open_graph(folder: Path, file: Path, info: os.stat_result, path: str) -> StoredGraph | None:
    """The stored graph for a graph file, or None when absent or not to be trusted.

    The entry's bytes must match the check in its name (no damage), its schema and
    code version must be this code's, and it must hold this file's content: either
    the file's signature is the one recorded (settled, see :func:`settled`), or the
    SHA-256 of the file's bytes now equals the one recorded.
    """
    code = code_version()
    current = signature(info)

    def same_file(meta: dict[str, Any]) -> bool:
        if meta.get("signature") == current and meta.get("settled") == 1:
            return True
        return meta.get("size") == info.st_size and meta.get("content_sha256") == file_hash(file)

    for entry in folder.glob(f"{entry_name(file, code)}.*{SUFFIX}"):
        try:
            owner = os.lstat(entry)
            if not stat.S_ISREG(owner.st_mode) or owner.st_uid != os.getuid():
                continue
            if entry_check(entry) != entry.name.split(".")[1]:
                continue
            return StoredGraph.open(entry, code, path, same_file)
        except (OSError, StoreError, sqlite3.Error, ValueError, TypeError, KeyError):
            continue
    return None


# -- writing ----------------------------------------------------------------


def save(
    folder: Path,
    file: Path,
    info: os.stat_result,
    seen_ns: int,
    content: bytes,
    graph: Graph,
    records: list[tuple[Any, ...]],
) -> StoredGraph | None:
    """Write the entry for a graph read from ``file`` (``info``: its state when read at
    ``seen_ns``; ``content``: the bytes read) atomically, replacing older entries of the
    file, and open it; None when it cannot be written (the command goes on without it).
    ``graph`` holds all but the relations, which ``records`` give as their field values
    (see :func:`actorgraph.io.load.relation_records`)."""
    import tempfile  # only writers need it (and its imports)

    code = code_version()
    stem = entry_name(file, code)
    key = {
        "content_sha256": hashlib.sha256(content).hexdigest(),
        "size": len(content),
        "signature": signature(info),
        "settled": int(settled(info, seen_ns) and info.st_size == len(content)),
        "code": code,
    }
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{stem}.", suffix=".tmp", dir=folder)
    except OSError:
        return None
    try:
        fcntl.flock(handle, fcntl.LOCK_EX)  # a sweep leaves a file alone while it is locked
        connection = sqlite3.connect(temporary)
        try:
            _write(connection, graph, records, key)
        finally:
            connection.close()
        os.chmod(temporary, 0o600)
        target = folder / f"{stem}.{entry_check(Path(temporary))}{SUFFIX}"
        os.replace(temporary, target)
    except Exception:  # noqa: BLE001 - a store that cannot be written is skipped
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        return None
    finally:
        os.close(handle)
    for older in folder.glob(f"{stem}.*{SUFFIX}"):  # the file's previous versions
        if older != target:
            with contextlib.suppress(OSError):
                older.unlink()
    _prune(folder)
    sha256 = key["content_sha256"]
    try:  # the entry just written, if it still holds what was read
        return StoredGraph.open(
            target, code, str(graph.path), lambda meta: meta.get("content_sha256") == sha256
        )
    except (OSError, StoreError, sqlite3.Error, ValueError, TypeError, KeyError):
        return None


def _json(value: Any) -> str:
    """JSON text for attributes, refusing any that would not read back the same."""
    if not value:
        return "{}"
    text = json.dumps(dict(value), ensure_ascii=False, allow_nan=False)
    if tuple(json.loads(text).items()) != tuple(value):
        raise StoreError("attributes do not survive JSON")
    return text


def _write(
    connection: sqlite3.Connection,
    graph: Graph,
    records: list[tuple[Any, ...]],
    key: dict[str, Any],
) -> None:
    for kind, names in FIELDS.items():
        if tuple(f.name for f in dataclasses.fields(kind)) != names:
            raise StoreError(f"{kind.__name__} has fields the store does not keep")
    connection.execute("PRAGMA journal_mode=OFF")  # a temporary file: no journal needed
    connection.execute("PRAGMA synchronous=OFF")
    connection.executescript(DDL)
    meta = {
        "schema": SCHEMA_VERSION,
        **key,
        "title": graph.title,
        "as_of": graph.as_of_date,
        "description": graph.description,
        "actors": len(graph.actors),
        "relations": len(records),
    }
    vocabulary = graph.vocabulary
    insert = connection.executemany
    with collector_paused():
        insert("INSERT INTO meta VALUES (?, ?)", meta.items())
        insert(
            "INSERT INTO sources VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (i, s.id, s.title, json.dumps(list(s.authors)), s.publisher, s.published, s.url,
                 s.file, s.retrieved)
                for i, s in enumerate(graph.sources)
            ],
        )  # fmt: skip
        insert(
            "INSERT INTO views VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (i, v.id, v.title, v.caption, v.focus, v.depth, json.dumps(list(v.kinds)),
                 json.dumps(list(v.types)), v.as_of, v.min_strength,
                 json.dumps([list(pair) for pair in v.paths]), v.line)
                for i, v in enumerate(graph.views)
            ],
        )  # fmt: skip
        insert(
            "INSERT INTO actor_kinds VALUES (?, ?, ?, ?, ?, ?)",
            [
                (i, k.id, k.label, k.color, k.shape, k.description)
                for i, k in enumerate(vocabulary.actor_kinds.values())
            ],
        )
        insert(
            "INSERT INTO relation_types VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    i,
                    t.id,
                    t.label,
                    t.polarity,
                    t.influence,
                    t.score,
                    t.plover,
                    t.description,
                    json.dumps(list(t.triggers)),
                )
                for i, t in enumerate(vocabulary.relation_types.values())
            ],
        )
        # rows made here hold no cycles: no need to look for them
        dumps = json.JSONEncoder(
            ensure_ascii=False, allow_nan=False, check_circular=False, separators=(",", ":")
        ).encode
        insert(
            "INSERT INTO actors VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (i, a.id, a.name, a.kind, dumps(a.aliases), a.description, a.line,
                 _json(a.attributes), a.x, a.y, a.status)
                for i, a in enumerate(graph.actors)
            ],
        )  # fmt: skip
        # a relation's row is its record as JSON, attributes as [name, value] pairs: JSON
        # reads back exactly what the checks let through (text, numbers, true/false;
        # no NaN: allow_nan=False refuses it, and the graph is not stored)
        insert(
            "INSERT INTO relations VALUES (?, ?)",
            (
                (n, dumps(records[start : start + RELATION_CHUNK]))
                for n, start in enumerate(range(0, len(records), RELATION_CHUNK))
            ),
        )
    for name, values in _arrays(graph, records).items():
        data = values.astype(ARRAY_TYPES[name], copy=False).tobytes()
        connection.execute("INSERT INTO arrays VALUES (?, ?)", (name, data))
    connection.commit()


def _arrays(graph: Graph, records: list[tuple[Any, ...]]) -> dict[str, Any]:
    """Every array an entry keeps."""
    import numpy as np

    from actorgraph.io.adjacency import RELATION_COLUMNS, collapse, compute_relation_arrays

    relations = compute_relation_arrays(graph, records)
    adjacency = collapse(relations, "influence")
    named = [(name, i) for i, a in enumerate(graph.actors) for name in a.names()]
    keys = np.array([name_hash(name_key(name)) for name, _ in named], dtype=np.uint64) << 32
    keys = np.unique(keys | np.array([i for _, i in named], dtype=np.uint64))  # by name, actor
    return {
        **{name: getattr(relations, name) for name in RELATION_COLUMNS},
        "kind": relations.kind,
        "influence": relations.influence,
        "indptr": adjacency.indptr,
        "edge_target": adjacency.target,
        "edge_strength": adjacency.strength,
        "edge_first": adjacency.first,
        "tie_ptr": adjacency.tie_ptr,
        "tie_relation": adjacency.tie_relation,
        "tie_along": adjacency.tie_along,
        "reverse_indptr": adjacency.reverse[0],
        "reverse_source": adjacency.reverse[1],
        "name_hash": keys >> np.uint64(32),
        "name_actor": keys & np.uint64(0xFFFFFFFF),
    }
