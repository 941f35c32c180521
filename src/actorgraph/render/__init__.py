"""Interactive HTML for a graph: one self-contained, offline, script-safe file.

>>> from actorgraph.load import read_graph
>>> html = render_html(read_graph("graph/belarus-2022.yaml"))  # doctest: +SKIP
"""

from __future__ import annotations

import os
from pathlib import Path

from ..files import write_atomic
from ..model import Graph
from .page import render_page


def render_html(graph: Graph) -> str:
    """The graph as one HTML page: vis-network inlined, no network requests."""
    return render_page(graph)


def write_html(graph: Graph, path: str | os.PathLike[str]) -> Path:
    """Render the graph and write it atomically to ``path``; return the path."""
    return write_atomic(path, render_html(graph))
