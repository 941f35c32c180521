"""Reports a reader can be handed: Markdown, one offline HTML file, or a PDF.

A report holds the title, one figure per view (or of the whole graph), a short
"How to read this" with the library's own definitions
(:data:`actorgraph.vocabulary.TERMS`), the key actors in plain column names,
brokers, one dependencies table, tensions, blocs, the paths asked for (hop by
hop, each claim cited as ``[1] ¶14`` against a numbered bibliography), and a
list of every actor. On screen the HTML report also embeds the interactive
graph; printed (A4 or Letter) and as PDF it shows the static figures instead,
with page numbers. Like the page, the HTML makes no request and runs only its
own scripts.
"""

from __future__ import annotations

import base64
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path as FilePath
from typing import Any
from urllib.parse import urlsplit

from actorgraph.exceptions import NoPath
from actorgraph.model import Evidence, Graph, Source, View
from actorgraph.outputs.formatting import fixed, md_escape, relation_line, size_text
from actorgraph.questions.analysis import Analysis, analyze
from actorgraph.questions.paths import Path, find_paths
from actorgraph.text import md_url
from actorgraph.vocabulary import CONCEPTS, MEASURES, PAPER_SIZES, Term

WHOLE_GRAPH_CAPTION = (
    "Colour and shape show each actor's kind and size its influence rank; green ties "
    "cooperate, red dashed ties are hostile, grey dotted ties neutral; width shows strength."
)


@dataclass(frozen=True)
class PathQuestion:
    """One ``--path A B`` (or a view's highlighted path) and its answer."""

    source: str
    target: str
    paths: tuple[Path, ...]


@dataclass(frozen=True)
class Figure:
    """One static picture in the report, with its heading and caption."""

    title: str
    caption: str
    svg: bytes
    actors: int
    relations: int


@dataclass(frozen=True)
class Citation:
    """Where a claim can be checked: the source's number in the bibliography and a locator."""

    number: int
    locator: str
    url: str | None
    quote: str | None

    def text(self) -> str:
        """``[1] ¶14``."""
        return f"[{self.number}] {self.locator}".rstrip()


@dataclass(frozen=True)
class Report:
    """Everything a report shows, computed once for every format."""

    graph: Graph
    analysis: Analysis
    questions: tuple[PathQuestion, ...]
    figures: tuple[Figure, ...]

    @property
    def svg(self) -> bytes:
        """The first figure (the one a Markdown report writes beside itself)."""
        return self.figures[0].svg

    def cite(self, evidence: Evidence) -> Citation:
        """The numbered citation of one piece of evidence."""
        number = _source_numbers(self.graph).get(evidence.source, 0)
        return Citation(
            number,
            locator(evidence),
            web_url(getattr(evidence, "url", None)),
            getattr(evidence, "quote", None) or None,
        )


def _source_numbers(graph: Graph) -> dict[str, int]:
    return {s.id: n for n, s in enumerate(graph.sources, 1)}


def locator(evidence: Evidence) -> str:
    """Where in its source a claim sits: ``¶14``, ``p. 3``, ``row 14``, ``element n7``.

    >>> locator(Evidence("wolff-bayok-2022", "claim", 14))
    '¶14'
    """
    parts = []
    if evidence.paragraph:
        parts.append(f"¶{evidence.paragraph}")
    for name, word in (("page", "p. "), ("row", "row "), ("element", "element ")):
        value = getattr(evidence, name, None)  # locators imported data may carry
        if value not in (None, ""):
            parts.append(f"{word}{value}")
    return ", ".join(parts)


def web_url(url: str | None) -> str | None:
    """The URL if it is an http(s) address a reader can follow, else None.

    >>> web_url("https://example.org/a"), web_url("javascript:alert(1)")
    ('https://example.org/a', None)
    """
    if not url:
        return None
    parts = urlsplit(url.strip())
    return url.strip() if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def bibliography_entry(source: Source) -> str:
    """Authors. Title. Publisher, date. (The URL is linked apart.)"""
    pieces = []
    if source.authors:
        pieces.append(", ".join(source.authors) + ".")
    pieces.append(source.title.rstrip(".") + ".")
    where = ", ".join(x for x in (source.publisher, source.published) if x)
    if where:
        pieces.append(where + ".")
    return " ".join(pieces)


def build_report(
    graph: Graph,
    paths: Sequence[tuple[str, str]] = (),
    k: int = 3,
    top: int = 10,
    views: Sequence[str | View] = (),
) -> Report:
    """Analyse the graph, answer the path questions and draw one figure per view.

    Without views the figure shows the whole graph; each view adds its
    highlighted paths to the questions answered.
    """
    from actorgraph.outputs.render.picture import picture

    chosen = [graph.view(v) if isinstance(v, str) else v for v in views]
    asked = [*paths, *(pair for view in chosen for pair in view.paths)]
    questions: list[PathQuestion] = []
    for source, target in dict.fromkeys((graph.actor(s).id, graph.actor(t).id) for s, t in asked):
        questions.append(PathQuestion(source, target, _paths(graph, source, target, k)))
    figures = []
    for view in chosen:
        shown, highlight = view_of(graph, view, k)
        figures.append(
            Figure(
                view.title or view.id,
                view.caption or _view_caption(view, graph),
                picture(shown, "svg", title=False, highlight=highlight, placed_as=graph),
                len(shown.actors),
                len(shown.relations),
            )
        )
    if not figures:
        figures.append(
            Figure(
                graph.title,
                WHOLE_GRAPH_CAPTION,
                picture(graph, "svg", title=False),
                len(graph.actors),
                len(graph.relations),
            )
        )
    return Report(graph, analyze(graph, top=top), tuple(questions), tuple(figures))


def view_of(graph: Graph, view: View | str, k: int = 3) -> tuple[Graph, set[str]]:
    """The part of the graph a view shows, and the keys of the ties on its highlighted paths."""
    if isinstance(view, str):
        view = graph.view(view)
    shown = graph.in_view(view)
    highlight = {
        hop.relation.key
        for source, target in view.paths
        for found in _paths(shown, graph.actor(source).id, graph.actor(target).id, k)
        for hop in found.hops
    }
    return shown, highlight


def _paths(graph: Graph, source: str, target: str, k: int) -> tuple[Path, ...]:
    if source not in graph.actors_by_id or target not in graph.actors_by_id:
        return ()
    try:
        return tuple(find_paths(graph, source, target, k=k))
    except NoPath:
        return ()


def _view_caption(view: View, graph: Graph) -> str:
    """What a view keeps, in words, when its file gives no caption."""
    parts = []
    if view.focus:
        name = graph.actor(view.focus).name
        parts.append(f"actors within {view.depth} ties of {name}")
    if view.kinds:
        labels = [graph.vocabulary.actor_kinds[k].label.lower() for k in view.kinds]
        parts.append("actors of kind " + ", ".join(labels))
    if view.types:
        labels = [graph.vocabulary.relation_types[t].label for t in view.types]
        parts.append("ties that " + ", ".join(labels))
    if view.min_strength:
        parts.append(f"ties of strength {view.min_strength:g} or more")
    if view.as_of:
        parts.append(f"as of {view.as_of}")
    if view.paths:
        names = graph.actors_by_id
        pairs = [
            f"{names[graph.actor(a).id].name} → {names[graph.actor(b).id].name}"
            for a, b in view.paths
        ]
        parts.append("highlighted: influence paths " + ", ".join(pairs))
    return ("Shows " + "; ".join(parts) + ".") if parts else WHOLE_GRAPH_CAPTION


def report_facts(graph: Graph) -> str:
    """The report's first line: how big, and of which date.

    >>> from actorgraph.io.load import read_graph
    >>> report_facts(read_graph("graph/belarus-2022.yaml").as_of("2021"))
    '21 actors, 44 relations, as of 2021'
    """
    facts = size_text(graph)
    return f"{facts}, as of {graph.as_of_date}" if graph.as_of_date else facts


def measure_cell(term: Term, value: Any) -> str:
    """A measure's value in its column's one format.

    >>> measure_cell(MEASURES[0], 0.5), measure_cell(MEASURES[2], 4)
    ('0.50', '4')
    """
    if term.decimals is None:
        return str(int(value))
    return fixed(float(value), term.decimals)


def _key_actor_rows(report: Report) -> list[list[str]]:
    kinds = report.graph.vocabulary.actor_kinds
    return [
        [m.name, kinds[m.kind].label, *(measure_cell(t, getattr(m, t.id)) for t in MEASURES)]
        for m in report.analysis.actors
    ]


def _dependency_rows(report: Report) -> list[dict[str, Any]]:
    """One row per actor whose dependencies are shown: the single dependencies table."""
    names = report.graph.actors_by_id
    types = report.graph.vocabulary.relation_types
    rows = []
    for dep in report.analysis.dependencies:
        rows.append(
            {
                "actor": names[dep.actor].name,
                "direct": [
                    f"{names[a].name} ({types[t].label}, {s:.1f})" for a, t, s in dep.direct
                ],
                "reachable": len(dep.transitive),
                "gates": [
                    f"{names[a].name} (for {_some([names[g].name for g in gated])})"
                    for a, gated in dep.chokepoints
                ],
            }
        )
    return rows


def _some(names: list[str], most: int = 3) -> str:
    """``A, B, C and 4 others``: enough names to tell, not a wall of them."""
    if len(names) <= most + 1:
        return ", ".join(names)
    return f"{', '.join(names[:most])} and {len(names) - most} others"


# -- Markdown -------------------------------------------------------------------


def report_markdown(report: Report, picture_path: str) -> str:
    """The report as Markdown; the first figure is the SVG file at ``picture_path``."""
    graph = report.graph
    esc = md_escape
    names = graph.actors_by_id
    lines = [f"# {esc(graph.title)}", ""]
    if graph.description:
        lines += [esc(graph.description), ""]
    facts = report_facts(graph)
    lines += [f"*{facts}.*", ""]
    figure = report.figures[0]
    picture = md_url(picture_path)
    lines += [f"![{esc(figure.title)}]({picture})", "", f"*{esc(figure.caption)}*", ""]
    lines += ["## How to read this", ""]
    lines += [f"- **{t.label}**: {esc(t.definition)}" for t in (*MEASURES, *CONCEPTS)]
    lines += ["", f"## Key actors by {esc(_label(report.analysis.metric))}", ""]
    head = ["Actor", "Kind", *(t.label for t in MEASURES)]
    lines.append("| " + " | ".join(head) + " |")
    lines.append("| --- | --- | " + " | ".join("---:" for _ in MEASURES) + " |")
    lines += ["| " + " | ".join(esc(c) for c in row) + " |" for row in _key_actor_rows(report)]
    brokers = [f"{esc(m.name)} ({m.betweenness:.3f})" for m in report.analysis.brokers]
    lines += ["", "## Brokers", "", ", ".join(brokers) or "None.", ""]
    lines += ["## Dependencies", ""]
    lines += ["| Actor | Moved directly by | Can be moved by | Single points of failure |"]
    lines += ["| --- | --- | ---: | --- |"]
    for row in _dependency_rows(report):
        gates = "; ".join(esc(g) for g in row["gates"])
        lines.append(
            f"| {esc(row['actor'])} | {esc('; '.join(row['direct'])) or 'nobody'} | "
            f"{row['reachable']} | {gates or 'none'} |"
        )
    analysis = report.analysis
    lines += ["", "## Tensions", ""]
    lines.append(
        f"{analysis.balanced_triads} balanced and {len(analysis.tensions)} unbalanced triangles."
    )
    lines += [f"- {esc(t.explanation)}" for t in analysis.tensions]
    lines += ["", "## Blocs", ""]
    lines += [
        f"{i}. " + ", ".join(esc(names[a].name) for a in bloc)
        for i, bloc in enumerate(analysis.blocs, 1)
    ] or ["None."]
    for question in report.questions:
        start, end = names[question.source].name, names[question.target].name
        lines += ["", f"## Paths: {esc(start)} → {esc(end)}", ""]
        if not question.paths:
            lines.append(f"No influence path from {esc(start)} to {esc(end)}.")
        for rank, path in enumerate(question.paths, 1):
            route = " → ".join(a.name for a in path.actors)
            lines.append(
                f"{rank}. **{esc(route)}** ({len(path.hops)} hops, strength {path.strength:.2f})"
            )
            for hop in path.hops:
                lines.append(
                    f"   - {esc(hop.influence_note())}: {esc(relation_line(graph, hop.relation))}"
                )
                for item in hop.relation.evidence:
                    cite = report.cite(item)
                    quote = f' "{esc(cite.quote)}"' if cite.quote else ""
                    where = f"[{cite.number}] {esc(cite.locator)}".rstrip()
                    if cite.url:
                        where = f"[{where}]({md_url(cite.url)})"
                    lines.append(f"     - {esc(item.claim)}{quote} {where}")
    lines += ["", "## Actors", ""]
    kinds = graph.vocabulary.actor_kinds
    lines += [
        f"- **{esc(a.name)}** ({esc(kinds[a.kind].label)})"
        + (f": {esc(a.description)}" if a.description else "")
        for a in graph.actors
    ]
    lines += ["", "## Sources", ""]
    for number, source in enumerate(graph.sources, 1):
        url = web_url(source.url)
        link = f" <{md_url(url)}>" if url else ""
        lines.append(f"{number}. {esc(bibliography_entry(source))}{link}")
    if analysis.notes:
        lines += ["", "Notes: " + esc("; ".join(analysis.notes)) + "."]
    return "\n".join(lines) + "\n"


def _label(metric: str) -> str:
    return {t.id: t.label for t in MEASURES}.get(metric, metric).lower()


# -- HTML and PDF -----------------------------------------------------------------


def report_html(report: Report, interactive: bool = True, paper: str = "a4") -> str:
    """The report as one offline HTML file; ``interactive`` embeds the live graph for screens.

    ``paper`` (``a4`` or ``letter``) sets the printed page size.
    """
    from markupsafe import Markup

    from actorgraph.outputs.render.page import (
        csp_hash,
        page_assets,
        render_page,
        template_environment,
    )

    if paper not in PAPER_SIZES:
        raise ValueError(f"paper must be one of {', '.join(PAPER_SIZES)}, not {paper!r}")
    graph = report.graph
    assets = page_assets()
    env = template_environment(
        relation_line=lambda relation: relation_line(graph, relation), cite=report.cite
    )
    env.filters["capitalize_first"] = lambda text: text[:1].upper() + text[1:]
    template = env.get_template("report.html")
    return template.render(
        graph=graph,
        report=report,
        facts=report_facts(graph),
        names={a.id: a.name for a in graph.actors},
        kinds=graph.vocabulary.actor_kinds,
        analysis=report.analysis,
        metric_label=_label(report.analysis.metric),
        measures=MEASURES,
        concepts=CONCEPTS,
        rows=_key_actor_rows(report),
        dependencies=_dependency_rows(report),
        questions=report.questions,
        figures=[
            {
                "figure": f,
                "src": "data:image/svg+xml;base64," + base64.b64encode(f.svg).decode("ascii"),
            }
            for f in report.figures
        ],
        sources=[
            {"source": s, "entry": bibliography_entry(s), "url": web_url(s.url)}
            for s in graph.sources
        ],
        paper="A4" if paper == "a4" else "letter",
        # our own rendering: graph text inside it is already escaped or JSON
        interactive=Markup(render_page(graph, embed="fragment")) if interactive else "",
        csp_scripts=Markup(" ".join(csp_hash(assets[k]) for k in ("vis_js", "app_js", "mount_js"))),
    )


def report_pdf(report: Report, paper: str = "a4") -> bytes:
    """The report as PDF (WeasyPrint): selectable text, vector figures, numbered pages."""
    import logging

    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    # WeasyPrint warns on CSS it skips (the screen-only rules); the report is ours
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    html = report_html(report, interactive=False, paper=paper)
    # the engine may read what the report embeds (data: URLs) and nothing from outside
    fetcher = URLFetcher(allowed_protocols={"data"})
    return HTML(string=html, url_fetcher=fetcher).write_pdf()  # type: ignore[no-any-return]


REPORT_SUFFIXES = {".html": "html", ".htm": "html", ".md": "md", ".pdf": "pdf"}
"""A report is one offline HTML file, Markdown with its picture beside it, or PDF."""


def write_report(
    graph: Graph,
    target: str | os.PathLike[str],
    paths: Sequence[tuple[str, str]] = (),
    k: int = 3,
    views: Sequence[str | View] = (),
    paper: str = "a4",
) -> list[FilePath]:
    """Build the report and write it atomically, in the format its suffix names;
    return every file written. A ``.md`` report writes its picture beside it as ``NAME.svg``.
    """
    from actorgraph.io.files import write_all

    target = FilePath(target)
    to = REPORT_SUFFIXES.get(target.suffix.lower(), "html")
    built = build_report(graph, paths, k=k, views=views)
    if to == "pdf":
        return write_all({target: report_pdf(built, paper=paper)})
    if to == "html":
        return write_all({target: report_html(built, paper=paper)})
    picture_file = target.with_suffix(".svg")
    # both written before either is renamed: never a new report beside an old picture
    return write_all({picture_file: built.svg, target: report_markdown(built, picture_file.name)})
