"""Letting networkx backends (nx-parallel, nx-cugraph, ...) take over analyses.

Analyses call networkx's public functions, so an installed backend can run
them. :func:`run` prefers the named backend for one call and falls back to
plain networkx, with a note saying why, when the backend is missing or fails.
networkx also reads ``NETWORKX_BACKEND_PRIORITY`` itself at import.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from typing import Any, TypeVar

Result = TypeVar("Result")


class BackendUnavailable(Exception):
    """The named backend is not installed beside this networkx."""


def installed() -> list[str]:
    """Names of the networkx backends installed here."""
    import networkx as nx

    return sorted(nx.config.backends)


def _priority() -> list[str]:
    import networkx as nx

    return list(nx.config.backend_priority.algos)


def _set_priority(names: list[str]) -> None:
    import networkx as nx

    nx.config.backend_priority.algos = names


@contextlib.contextmanager
def _priority_set_to(names: list[str]) -> Iterator[None]:
    saved = _priority()
    _set_priority(names)
    try:
        yield
    finally:
        _set_priority(saved)


@contextlib.contextmanager
def preferred(name: str) -> Iterator[None]:
    """Within the block, networkx dispatches to backend ``name`` first."""
    if name not in installed():
        raise BackendUnavailable(name)
    with _priority_set_to([name, *_priority()]):
        yield


def run(
    backend: str | None, function: Callable[..., Result], *args: Any, **kwargs: Any
) -> tuple[Result, list[str]]:
    """``function(*args, **kwargs)`` on ``backend`` (or on the backends that
    ``NETWORKX_BACKEND_PRIORITY`` names); notes say what happened.

    >>> run("no-such-backend", sum, [1, 2])
    (3, ["backend 'no-such-backend' is not installed (installed: none); used networkx"])
    """
    if backend == "networkx":
        with _priority_set_to([]):
            return function(*args, **kwargs), []
    if backend is None:
        chosen = _priority()
        if not chosen:
            return function(*args, **kwargs), []
        try:
            return function(*args, **kwargs), []
        except Exception as error:  # noqa: BLE001 - a broken backend must not end the run
            note = (
                f"backend {', '.join(map(repr, chosen))} failed "
                f"({type(error).__name__}: {error}); used networkx"
            )
    else:
        try:
            with preferred(backend):
                return function(*args, **kwargs), [f"computed with backend {backend!r}"]
        except BackendUnavailable:
            note = (
                f"backend {backend!r} is not installed "
                f"(installed: {', '.join(installed()) or 'none'}); used networkx"
            )
        except Exception as error:  # noqa: BLE001 - a broken backend must not end the run
            note = f"backend {backend!r} failed ({type(error).__name__}: {error}); used networkx"
    with _priority_set_to([]):
        return function(*args, **kwargs), [note]
