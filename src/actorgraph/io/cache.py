"""A compiled cache of graph files, so repeated queries start fast.

A graph file is stored, once checked, as a pickle named by the SHA-256 of the
file's bytes, of actorgraph's and Python's versions and of the checking code
itself: an edited file (or a changed actorgraph) has a new name, so a cache is
never stale. Each entry carries a checksum of its payload; an entry that fails
it, or does not load, is ignored and rebuilt, never trusted. Entries live in
the user's cache folder (``$ACTORGRAPH_CACHE_DIR`` overrides it); the oldest
go once there are more than :data:`MAX_ENTRIES`. A cached graph also spares a
command from importing the checks (PyYAML, fastjsonschema) at all.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
from pathlib import Path

from actorgraph.memory import collector_paused
from actorgraph.model import Graph

MAX_ENTRIES = 64
_CHECKING_CODE = (
    "io/checks.py",
    "io/load.py",
    "model.py",
    "io/schema.py",
    "vocabulary.py",
    "io/positioned.py",
)
_MAGIC = b"actorgraph-cache-1\n"


def cache_dir() -> Path:
    """Where entries live: ``$ACTORGRAPH_CACHE_DIR`` or the user's cache folder."""
    override = os.environ.get("ACTORGRAPH_CACHE_DIR")
    if override:
        return Path(override)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("actorgraph"))


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("actorgraph")
    except PackageNotFoundError:  # pragma: no cover - running from a source tree
        return "source"


def cache_key(data: bytes) -> str:
    """The entry name for a file's bytes."""
    digest = hashlib.sha256(data)
    here = Path(__file__).parent.parent
    code = [(here / name).stat().st_mtime_ns for name in _CHECKING_CODE]
    digest.update(f"|{_version()}|{sys.version_info[:2]}|{code}".encode())
    return digest.hexdigest()


def load(key: str) -> Graph | None:
    """The cached graph for ``key``, or None when absent, corrupt or unreadable."""
    try:
        blob = (cache_dir() / f"{key}.pickle").read_bytes()
    except OSError:
        return None
    header = len(_MAGIC) + 32
    if not blob.startswith(_MAGIC) or len(blob) < header:
        return None
    payload = blob[header:]
    if hashlib.sha256(payload).digest() != blob[len(_MAGIC) : header]:
        return None
    try:
        with collector_paused():
            graph = pickle.loads(payload)  # noqa: S301 - our own entry, checksum verified
    except Exception:  # noqa: BLE001 - any damage means: rebuild
        return None
    return graph if isinstance(graph, Graph) else None


def store(key: str, graph: Graph) -> None:
    """Write an entry atomically; a cache that cannot be written is skipped silently."""
    from actorgraph.io.files import write_atomic_bytes

    with contextlib.suppress(Exception):
        payload = pickle.dumps(graph, protocol=pickle.HIGHEST_PROTOCOL)
        blob = _MAGIC + hashlib.sha256(payload).digest() + payload
        write_atomic_bytes(cache_dir() / f"{key}.pickle", blob)
        _prune()


def _prune() -> None:
    """Keep the newest :data:`MAX_ENTRIES` entries."""
    entries = sorted(cache_dir().glob("*.pickle"), key=lambda p: p.stat().st_mtime_ns)
    for old in entries[:-MAX_ENTRIES]:
        with contextlib.suppress(OSError):
            old.unlink()
