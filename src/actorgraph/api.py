"""Notebook conveniences on top of the library: reports and inline graphs.

>>> import actorgraph
>>> graph = actorgraph.read_graph("graph/belarus-2022.yaml")
>>> html = actorgraph.report(graph, paths=[("china", "belarusian military")])
>>> html.startswith("<!DOCTYPE html>") and "Paths: China → Belarusian armed forces" in html
True
>>> "<iframe srcdoc=" in actorgraph.show(graph, view="china-reach")._repr_html_()
True
"""

from __future__ import annotations

from collections.abc import Sequence

from actorgraph.model import Graph, View


class ReportHTML(str):
    """A report's HTML, exactly as ``actorgraph report`` writes it; shows inline in notebooks."""

    def _repr_html_(self) -> str:
        from markupsafe import escape

        return (
            f'<iframe srcdoc="{escape(str(self))}" title="report" '
            'style="width: 100%; height: 800px; border: 0" sandbox="allow-scripts"></iframe>'
        )


class Shown:
    """A graph (or one of its views) that Jupyter, JupyterLab and VS Code draw inline.

    The page sits in a sandboxed ``<iframe srcdoc>``: no network, and neither the
    notebook's styles nor its scripts reach it.
    """

    def __init__(self, graph: Graph, height: int):
        self.graph, self.height = graph, height

    def _repr_html_(self) -> str:
        from actorgraph.outputs.render import notebook_html

        return notebook_html(self.graph, self.height)


def show(graph: Graph, view: str | View | None = None, height: int = 640) -> Shown:
    """The graph, or a named view of it, to display inline in a notebook."""
    return Shown(graph if view is None else graph.in_view(view), height)


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
    from actorgraph.outputs.report import build_report, report_html, report_markdown, report_pdf

    built = build_report(graph, paths, k=k, views=views)
    if to == "pdf":
        return report_pdf(built, paper=paper)
    if to == "md":
        return report_markdown(built, picture_path)
    if to != "html":
        raise ValueError(f"to must be html, md or pdf, not {to!r}")
    return ReportHTML(report_html(built, paper=paper))
