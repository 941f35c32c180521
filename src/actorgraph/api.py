"""Conveniences for notebooks and scripts, on top of the library.

The model stays plain data; this module adds what a notebook user expects:
graphs display inline in Jupyter, JupyterLab and VS Code (an isolated iframe,
no network), and the questions read as one call each.

>>> from actorgraph import read_graph
>>> graph = read_graph("graph/belarus-2022.yaml")
>>> [a.id for a in paths(graph, "china", "belarusian-military")[0].actors][:2]
['china', 'belarus']
>>> explore(graph, focus="xie-xiaoyong").graph.title == graph.title
True
>>> len(explore(graph, view="china-reach").graph.actors)
15
>>> html = report(graph, paths=[("china", "belarusian military")])
>>> html.startswith("<!DOCTYPE html>") and "Paths: China → Belarusian armed forces" in html
True
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from actorgraph.model import Graph, View
from actorgraph.questions.paths import Path, find_paths

if TYPE_CHECKING:
    from actorgraph.questions.analysis import Analysis, WhatIf

__all__ = [
    "Explorer",
    "ReportHTML",
    "analyze",
    "explore",
    "notebook_html",
    "paths",
    "report",
    "whatif",
]


def paths(graph: Graph, source: str, target: str, **options: Any) -> list[Path]:
    """Shortest influence paths from ``source`` to ``target``; see :func:`.find_paths`."""
    return find_paths(graph, source, target, **options)


def analyze(graph: Graph, **options: Any) -> Analysis:
    """Key actors, brokers, dependencies, tensions, blocs; see :func:`.questions.analysis.analyze`.

    (Imported when asked: a command that only reads a graph does not pay for it.)
    """
    from actorgraph.questions.analysis import analyze as run

    return run(graph, **options)


def whatif(graph: Graph, **options: Any) -> WhatIf:
    """What changes when actors or ties go; see :func:`.questions.analysis.whatif`."""
    from actorgraph.questions.analysis import whatif as run

    return run(graph, **options)


def notebook_html(graph: Graph, **options: Any) -> str:
    """The interactive graph as an isolated iframe for a notebook cell."""
    from actorgraph.outputs.render import notebook_html as render_cell

    return render_cell(graph, **options)


@dataclass(frozen=True)
class Explorer:
    """A graph (or a part of it) that a notebook shows as the interactive page."""

    graph: Graph
    options: dict[str, Any] = field(default_factory=dict)

    def _repr_html_(self) -> str:
        return notebook_html(self.graph, **self.options)


def explore(
    graph: Graph,
    focus: str | None = None,
    depth: int = 1,
    min_strength: float = 0.0,
    view: str | View | None = None,
) -> Explorer:
    """The graph, a named ``view`` of it, or ``focus``'s neighbourhood, ready to display
    in a notebook cell."""
    from actorgraph.outputs.render import select

    if view is not None:
        graph = graph.in_view(view)
    return Explorer(select(graph, focus, depth, min_strength))


class ReportHTML(str):
    """A report's HTML, exactly as ``actorgraph report`` writes it; shows inline in notebooks."""

    def _repr_html_(self) -> str:
        from markupsafe import escape

        return (
            f'<iframe srcdoc="{escape(str(self))}" title="report" '
            'style="width: 100%; height: 800px; border: 0" sandbox="allow-scripts"></iframe>'
        )


def report(
    graph: Graph,
    paths: Sequence[tuple[str, str]] = (),
    views: Sequence[str | View] = (),
    to: str = "html",
    k: int = 3,
    paper: str = "a4",
    picture_path: str = "figure.svg",
) -> ReportHTML | str | bytes:
    """The same report as ``actorgraph report``: HTML (shown inline), Markdown or PDF bytes.

    A Markdown report names its first figure ``picture_path``; write
    ``build_report(...).svg`` there yourself.
    """
    from actorgraph.exceptions import require_choice
    from actorgraph.outputs.report import build_report, report_html, report_markdown, report_pdf
    from actorgraph.vocabulary import REPORT_FORMATS

    require_choice("report format", to, REPORT_FORMATS)
    built = build_report(graph, paths, k=k, views=views)
    if to == "pdf":
        return report_pdf(built, paper=paper)
    if to == "md":
        return report_markdown(built, picture_path)
    return ReportHTML(report_html(built, paper=paper))


def register_notebook_display() -> bool:
    """Let IPython show every :class:`~actorgraph.model.Graph` inline.

    Done when actorgraph is imported inside IPython; returns whether it was.
    """
    ipython_module = sys.modules.get("IPython")
    shell = ipython_module.get_ipython() if ipython_module is not None else None
    if shell is None:
        return False
    formatter = shell.display_formatter.formatters["text/html"]
    formatter.for_type(Graph, notebook_html)
    return True
