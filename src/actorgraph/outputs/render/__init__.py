"""Interactive HTML for a graph: one self-contained, offline, script-safe file.

>>> from actorgraph.io.load import read_graph
>>> html = render_html(read_graph("graph/belarus-2022.yaml"), focus="china", depth=1)
>>> html.startswith("<!DOCTYPE html>"), "Xie Xiaoyong" in html, "NATO" in html
(True, True, False)
"""

from __future__ import annotations

import os
from collections.abc import Collection
from pathlib import Path

from actorgraph.exceptions import QueryError
from actorgraph.io.files import write_atomic, write_atomic_bytes
from actorgraph.model import Graph
from actorgraph.outputs.render.page import iframe_snippet, notebook_html, render_page
from actorgraph.outputs.targets import RENDER_SUFFIXES, format_for
from actorgraph.vocabulary import EMBED_SUFFIXES, FRAGMENT_HEIGHT, PICTURE_FORMATS

__all__ = [
    "iframe_snippet",
    "notebook_html",
    "render_html",
    "render_target",
    "rendering_format",
    "select",
    "write_html",
    "write_rendering",
]

FILE_SUFFIXES = (".html", ".htm", *(f".{to}" for to in PICTURE_FORMATS))
"""An -o ending in one of these names one file; anything else is a folder."""


def names_a_file(output: str | None) -> bool:
    """Whether ``-o`` names one file rather than a folder to write into."""
    return output is not None and output.lower().endswith(FILE_SUFFIXES)


def rendering_format(output: str | os.PathLike[str] | None, to: str | None) -> str:
    """What ``render`` writes: ``to``, else what the ``-o`` file's extension says, else
    HTML (:func:`~actorgraph.outputs.targets.format_for`)."""
    if output is not None and not names_a_file(str(output)):
        output = None  # a folder: NAME.EXT inside it follows the format
    return format_for(output, to, RENDER_SUFFIXES, "html")


def render_target(
    graph_file: str | os.PathLike[str], output: str | os.PathLike[str], embed: str, to: str
) -> Path:
    """Where a rendering of ``graph_file`` goes: ``output`` itself when it names a file,
    else ``output/NAME.html`` (``.fragment.html``, ``.iframe.html``, ``.svg``, ``.png``).

    >>> str(render_target("graph/belarus-2022.yaml", "output", "fragment", "html"))
    'output/belarus-2022.fragment.html'
    >>> str(render_target("graph/belarus-2022.yaml", "out/b.svg", "page", "svg"))
    'out/b.svg'
    """
    if names_a_file(str(output)):
        return Path(output)
    folder = Path(output)
    if (
        folder.exists()
        and not folder.is_dir()
        or (not folder.exists() and folder.suffix and not str(output).endswith(("/", os.sep)))
    ):
        known = ", ".join(s for suffixes in RENDER_SUFFIXES.values() for s in suffixes)
        what = "is a file, not a folder" if folder.exists() else f"ends {folder.suffix}"
        raise QueryError(
            f"-o {output} {what}; name a folder to write into (end it with / if its name "
            f"has a dot), or a file ending {known}"
        )
    suffix = EMBED_SUFFIXES[embed] if to == "html" else f".{to}"
    return folder / f"{Path(graph_file).stem}{suffix}"


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
    as_of: str | None = None,
) -> str:
    """The graph as HTML: a whole page, a fragment to paste (``height`` px), or an iframe page.

    With ``as_of`` (a dated graph) the page opens at that date on its time slider;
    every tie stays in the page, so the slider can move on from there.
    """
    return render_page(select(graph, focus, depth, min_strength), embed, height, as_of)


def write_html(
    graph: Graph,
    path: str | os.PathLike[str],
    embed: str = "page",
    focus: str | None = None,
    depth: int = 1,
    min_strength: float = 0.0,
    height: int = FRAGMENT_HEIGHT,
    as_of: str | None = None,
) -> Path:
    """Render the graph and write it atomically to ``path``; return the path."""
    return write_atomic(path, render_html(graph, embed, focus, depth, min_strength, height, as_of))


def write_rendering(
    graph: Graph,
    target: str | os.PathLike[str],
    embed: str,
    to: str,
    height: int = FRAGMENT_HEIGHT,
    highlight: Collection[str] = (),
    placed_as: Graph | None = None,
    as_of: str | None = None,
) -> Path:
    """Write the page (``to="html"``, in an embed mode) or a static picture atomically;
    a picture draws the ties keyed in ``highlight`` (a view's paths) with a band beneath,
    its actors where they stand in ``placed_as`` (the whole graph) when given; a page
    opens its time slider at ``as_of``."""
    if to == "html":
        return write_html(graph, target, embed=embed, height=height, as_of=as_of)
    from actorgraph.outputs.render.picture import picture

    return write_atomic_bytes(target, picture(graph, to, highlight=highlight, placed_as=placed_as))
