"""Results worked out from a graph (blocs, ranks, positions), kept beside the compiled store.

On a 10,000-actor graph the seeded Louvain blocs, the influence rank and the bloc
layout take most of a render (see ``bench/render``), and they only change when the
graph or the code that computes them changes. So, for a graph read through the store
(a :class:`~actorgraph.io.stored.StoredGraph`, which a first read gives too once it
has stored the file; ``--no-cache`` reads none and keeps none), each result is kept
as one JSON file in the store's private folder, named after its key and the CRC-32
of its own bytes.

The key is what the result depends on: a SHA-256 of the graph's content that such
results read (actor ids, positions and kinds; each relation's ends, type, strength
and review status; the relation types' polarity and influence), the result's name
and parameters, and the code that computes it (the files the caller names, with
their sizes and times, and the versions of Python, networkx and igraph). A file is
used only when its bytes match the check in its name and it records exactly this
key; it holds JSON data only, so reading one runs no code. Anything else is
ignored and the result is computed again. The newest :data:`MAX_RESULTS` files are kept.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import stat
import sys
import tempfile
import weakref
import zlib
from collections.abc import Callable, Sequence
from importlib import metadata
from pathlib import Path
from typing import Any

from actorgraph.model import Graph

MAX_RESULTS = 256
_NAME = re.compile(r"derived-[0-9a-f]{64}\.[0-9a-f]{8}\.json")
_TEMPORARY = re.compile(r"\.derived-[0-9a-f]{64}\.\w+\.tmp")


_KEYS: dict[int, str] = {}
"""Content keys per live graph (by id; graphs are immutable), dropped when it is collected."""


def content_key(graph: Graph) -> str:
    """SHA-256 of what blocs, ranks and layouts read from a graph (see the module)."""
    if id(graph) not in _KEYS:
        _KEYS[id(graph)] = _content_key(graph)
        weakref.finalize(graph, _KEYS.pop, id(graph), None)
    return _KEYS[id(graph)]


def _content_key(graph: Graph) -> str:
    digest = hashlib.sha256()
    digest.update(
        "\x1f".join(f"{a.id}\x1e{a.kind}\x1e{a.x!r}\x1e{a.y!r}" for a in graph.actors).encode()
    )
    digest.update(b"\x1d")
    digest.update(
        "\x1f".join(
            f"{r.source}\x1e{r.type}\x1e{r.target}\x1e{r.strength!r}\x1e{r.reviewed}"
            for r in graph.relations
        ).encode()
    )
    digest.update(b"\x1d")
    types = graph.vocabulary.relation_types.values()
    digest.update("\x1f".join(f"{t.id}\x1e{t.polarity}\x1e{t.influence}" for t in types).encode())
    return digest.hexdigest()


def code_stamp(files: Sequence[str | os.PathLike[str]]) -> str:
    """The code a result comes from: its files (size, time) and the libraries' versions."""
    parts = [".".join(map(str, sys.version_info[:3]))]
    for package in ("networkx", "igraph"):
        try:
            parts.append(f"{package} {metadata.version(package)}")
        except metadata.PackageNotFoundError:
            parts.append(f"{package} -")
    for file in files:
        try:
            info = os.stat(file)
            parts.append(f"{Path(file).name}:{info.st_size}:{info.st_mtime_ns}")
        except OSError:
            parts.append(f"{Path(file).name}:-")
    return "|".join(parts)


def _kept_for(graph: Graph) -> bool:
    """Only graphs read through the store: the user has not asked to go without it."""
    from actorgraph.io.stored import StoredGraph

    return isinstance(graph, StoredGraph)


def remembered(
    graph: Graph,
    name: str,
    code: Sequence[str | os.PathLike[str]],
    compute: Callable[[], Any],
    parameters: Any = None,
) -> Any:
    """``compute()``, or the result kept for this graph's content, ``name``,
    ``parameters`` (JSON data) and ``code`` (the files it comes from).

    The result must be JSON data; a kept one comes back as JSON gives it (lists, not
    tuples), so callers shape both alike.
    """
    if not _kept_for(graph):
        return compute()
    from actorgraph.io.store import private_folder

    folder = private_folder()
    if folder is None:
        return compute()
    key = json.dumps(
        [content_key(graph), name, parameters, code_stamp(code)], separators=(",", ":")
    )
    stem = "derived-" + hashlib.sha256(key.encode()).hexdigest()
    for path in folder.glob(f"{stem}.*.json"):
        with contextlib.suppress(OSError, ValueError, TypeError, KeyError):
            owner = os.lstat(path)
            if not stat.S_ISREG(owner.st_mode) or owner.st_uid != os.getuid():
                continue
            data = path.read_bytes()
            if f"{zlib.crc32(data):08x}" != path.name.split(".")[1]:
                continue
            kept = json.loads(data)
            if kept["key"] == key:
                return kept["value"]
    value = compute()
    _save(folder, stem, key, value)
    return value


def _save(folder: Path, stem: str, key: str, value: Any) -> None:
    """Write one result atomically (0600); a result that cannot be written is skipped."""
    try:
        data = json.dumps({"key": key, "value": value}, allow_nan=False).encode()
    except (TypeError, ValueError):
        return
    temporary = None
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{stem}.", suffix=".tmp", dir=folder)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            os.fchmod(stream.fileno(), 0o600)
        os.replace(temporary, folder / f"{stem}.{zlib.crc32(data):08x}.json")
    except OSError:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
        return
    _prune(folder)


def _prune(folder: Path) -> None:
    """Keep the newest :data:`MAX_RESULTS` results; remove temporary files of writers
    that died more than an hour ago. Only names this module makes are touched."""
    import time

    kept = []
    with contextlib.suppress(OSError):
        for path in folder.iterdir():
            with contextlib.suppress(OSError):
                if _NAME.fullmatch(path.name):
                    kept.append((path.stat().st_mtime_ns, path))
                elif _TEMPORARY.fullmatch(path.name) and (
                    time.time() - path.stat().st_mtime > 3600
                ):
                    path.unlink()
    for _, old in sorted(kept)[:-MAX_RESULTS]:
        with contextlib.suppress(OSError):
            old.unlink()
