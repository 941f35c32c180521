"""actorgraph: actor-relationship graphs from reporting.

Typed, evidenced ties between actors live in YAML files; actorgraph checks
them, answers path questions over who can influence whom, and renders an
interactive offline HTML page.

>>> import actorgraph
>>> graph = actorgraph.parse_graph('''
... title: Demo
... sources: [{id: s, title: A report}]
... actors:
...   - {id: capital, name: The Capital, kind: state}
...   - {id: leader, name: The Leader, kind: person}
...   - {id: army, name: The Army, kind: military}
... relations:
...   - {source: leader, type: leads, target: capital, strength: 0.9, confidence: high,
...      evidence: [{source: s, paragraph: 1, claim: The Leader heads the Capital.}]}
...   - {source: army, type: part_of, target: capital, strength: 0.8, confidence: high,
...      evidence: [{source: s, paragraph: 2, claim: The Army answers to the Capital.}]}
... ''')
>>> [actor.id for actor in actorgraph.paths(graph, "leader", "army")[0].actors]
['leader', 'capital', 'army']
"""

from __future__ import annotations

import os
import pathlib
from typing import Any

from actorgraph.api import analyze, explore, paths, register_notebook_display, report, whatif
from actorgraph.exceptions import (
    ActorgraphError,
    ActorNotFound,
    AmbiguousActor,
    GraphFileError,
    NoPath,
    Problem,
    ViewNotFound,
)
from actorgraph.io.load import (
    find_graph_files,
    parse_graph,
    read_graph,
    validate_file,
    validate_text,
)
from actorgraph.model import Actor, Evidence, Graph, Relation, Source, View
from actorgraph.questions.paths import Hop, Path, find_paths
from actorgraph.vocabulary import BUILTIN, ActorKind, RelationType, Vocabulary

__all__ = [
    "BUILTIN",
    "Actor",
    "ActorKind",
    "ActorNotFound",
    "ActorgraphError",
    "AmbiguousActor",
    "Evidence",
    "Graph",
    "GraphFileError",
    "Hop",
    "NoPath",
    "Path",
    "Problem",
    "Relation",
    "RelationType",
    "Source",
    "View",
    "ViewNotFound",
    "Vocabulary",
    "analyze",
    "explore",
    "paths",
    "whatif",
    "find_graph_files",
    "find_paths",
    "parse_graph",
    "read_graph",
    "render_html",
    "report",
    "validate_file",
    "validate_text",
    "write_html",
]


def render_html(graph: Graph, **options: Any) -> str:
    """Render a graph to an HTML string; see :func:`actorgraph.outputs.render.render_html`."""
    from actorgraph.outputs.render import render_html as _render_html

    return _render_html(graph, **options)


def write_html(graph: Graph, path: str | os.PathLike[str], **options: Any) -> pathlib.Path:
    """Render a graph to an HTML file atomically; see :func:`.outputs.render.write_html`."""
    from actorgraph.outputs.render import write_html as _write_html

    return _write_html(graph, path, **options)


register_notebook_display()
