"""Reports an analyst can paste into their own: Markdown or one offline HTML file.

A report holds the title and sources, a static picture, the key actors, the
dependencies and single points of failure of the top actors, the tensions and
blocs, and the paths asked for, each explained hop by hop with evidence. The
HTML report also embeds the interactive graph, and like the page it makes no
request and runs only its own scripts.
"""

from __future__ import annotations

import base64
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path as FilePath
from urllib.parse import quote

from actorgraph.exceptions import NoPath
from actorgraph.model import Graph
from actorgraph.outputs.formatting import analysis_text, md_escape, relation_line
from actorgraph.questions.analysis import Analysis, analyze
from actorgraph.questions.paths import Path, find_paths


@dataclass(frozen=True)
class PathQuestion:
    """One ``--path A B`` and its answer (no paths when there is none)."""

    source: str
    target: str
    paths: tuple[Path, ...]


@dataclass(frozen=True)
class Report:
    """Everything a report shows, computed once for either format."""

    graph: Graph
    analysis: Analysis
    questions: tuple[PathQuestion, ...]
    svg: bytes


def build_report(
    graph: Graph, paths: Sequence[tuple[str, str]] = (), k: int = 3, top: int = 10
) -> Report:
    """Analyse the graph, answer the path questions and draw the picture."""
    from actorgraph.outputs.render.picture import picture

    questions = []
    for source, target in paths:
        start, end = graph.actor(source).id, graph.actor(target).id
        try:
            found = tuple(find_paths(graph, start, end, k=k))
        except NoPath:
            found = ()
        questions.append(PathQuestion(start, end, found))
    return Report(graph, analyze(graph, top=top), tuple(questions), picture(graph, "svg"))


def _sources_line(graph: Graph) -> str:
    parts = []
    for source in graph.sources:
        extra = ", ".join(
            x
            for x in (", ".join(source.authors), source.publisher or "", source.published or "")
            if x
        )
        parts.append(f"{source.title} ({extra})" if extra else source.title)
    return "; ".join(parts)


def report_markdown(report: Report, picture_path: str) -> str:
    """The report as Markdown; the picture is the SVG file at ``picture_path``."""
    graph = report.graph
    lines = [f"# {md_escape(graph.title)}", ""]
    if graph.description:
        lines += [md_escape(graph.description), ""]
    facts = f"{len(graph.actors)} actors, {len(graph.relations)} relations"
    if graph.as_of_date:
        facts += f", as of {graph.as_of_date}"
    lines += [
        f"*{facts}.* Sources: {md_escape(_sources_line(graph))}.",
        "",
        f"![{md_escape(graph.title)}]({quote(picture_path)})",
        "",
    ]
    body = analysis_text(report.analysis, graph, "markdown")
    lines.append(body.rstrip())
    names = graph.actors_by_id
    for question in report.questions:
        heading = f"{names[question.source].name} → {names[question.target].name}"
        lines += ["", f"## Paths: {md_escape(heading)}", ""]
        if not question.paths:
            lines.append(
                f"No influence path from {md_escape(names[question.source].name)} to "
                f"{md_escape(names[question.target].name)}."
            )
        for rank, path in enumerate(question.paths, 1):
            route = " → ".join(a.name for a in path.actors)
            lines.append(
                f"{rank}. **{md_escape(route)}** ({len(path.hops)} hops, strength "
                f"{path.strength:.2f})"
            )
            for hop in path.hops:
                lines.append(
                    f"   - {md_escape(hop.influence_note())}: "
                    f"{md_escape(relation_line(graph, hop.relation))}"
                )
                for item in hop.relation.evidence:
                    lines.append(f"     - {md_escape(item.cite())}: {md_escape(item.claim)}")
    return "\n".join(lines) + "\n"


def report_html(report: Report) -> str:
    """The report as one offline HTML file, the interactive graph included."""
    from markupsafe import Markup

    from actorgraph.outputs.formatting import METRIC_COLUMNS, metric_rows
    from actorgraph.outputs.render.page import (
        csp_hash,
        page_assets,
        render_page,
        template_environment,
    )

    graph = report.graph
    assets = page_assets()
    env = template_environment(relation_line=lambda relation: relation_line(graph, relation))
    template = env.get_template("report.html")
    return template.render(
        graph=graph,
        names={a.id: a.name for a in graph.actors},
        sources=_sources_line(graph),
        analysis=report.analysis,
        columns=METRIC_COLUMNS,
        rows=metric_rows(report.analysis),
        questions=report.questions,
        picture="data:image/svg+xml;base64," + base64.b64encode(report.svg).decode("ascii"),
        # our own rendering: graph text inside it is already escaped or JSON
        interactive=Markup(render_page(graph, embed="fragment")),
        csp_scripts=Markup(" ".join(csp_hash(assets[k]) for k in ("vis_js", "app_js"))),
    )


REPORT_SUFFIXES = (".html", ".htm", ".md")
"""A report is one offline HTML file, or Markdown with its picture beside it."""


def write_report(
    graph: Graph,
    target: str | os.PathLike[str],
    paths: Sequence[tuple[str, str]] = (),
    k: int = 3,
) -> list[FilePath]:
    """Build the report and write it atomically; return every file written.

    A ``.md`` report writes its picture beside it as ``NAME.svg``, the two together.
    """
    from actorgraph.io.files import write_all

    target = FilePath(target)
    built = build_report(graph, paths, k=k)
    if target.suffix.lower() != ".md":
        return write_all({target: report_html(built)})
    picture_file = target.with_suffix(".svg")
    # both written before either is renamed: never a new report beside an old picture
    return write_all({picture_file: built.svg, target: report_markdown(built, picture_file.name)})
