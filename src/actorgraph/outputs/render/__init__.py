"""Interactive HTML for a graph: one self-contained, offline, script-safe file.

>>> from actorgraph.io.load import read_graph
>>> html = render_html(read_graph("graph/belarus-2022.yaml"), focus="china", depth=1)
>>> html.startswith("<!DOCTYPE html>"), "Xie Xiaoyong" in html, "NATO" in html
(True, True, False)
"""

from __future__ import annotations

import os
from pathlib import Path

from actorgraph.io.files import write_atomic
from actorgraph.model import Graph
from actorgraph.outputs.render.page import (
    EMBED_MODES,
    FRAGMENT_HEIGHT,
    iframe_snippet,
    notebook_html,
    render_page,
)

__all__ = [
    "EMBED_MODES",
    "FRAGMENT_HEIGHT",
    "iframe_snippet",
    "notebook_html",
    "render_html",
    "select",
    "write_html",
]


def select(
    graph: Graph, focus: str | None = None, depth: int = 1, min_strength: float = 0.0
) -> Graph:
    """The part of a graph to draw: ties of at least ``min_strength``, and with
    ``focus`` only the actors within ``depth`` ties of it."""
    if min_strength > 0:
        graph = graph.with_relations(r for r in graph.relations if r.strength >= min_strength)
    if focus is not None:
        graph = graph.around(focus, depth)
    return graph


def render_html(
    graph: Graph,
    embed: str = "page",
    focus: str | None = None,
    depth: int = 1,
    min_strength: float = 0.0,
    height: int = FRAGMENT_HEIGHT,
) -> str:
    """The graph as HTML: a whole page, a fragment to paste (``height`` px), or an iframe page."""
    return render_page(select(graph, focus, depth, min_strength), embed, height)


def write_html(
    graph: Graph,
    path: str | os.PathLike[str],
    embed: str = "page",
    focus: str | None = None,
    depth: int = 1,
    min_strength: float = 0.0,
    height: int = FRAGMENT_HEIGHT,
) -> Path:
    """Render the graph and write it atomically to ``path``; return the path."""
    return write_atomic(path, render_html(graph, embed, focus, depth, min_strength, height))
