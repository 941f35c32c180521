"""Commands that move graphs in and out: report, export, import, diff, schema.

They follow the rules of :mod:`actorgraph.cli.options`: parse, call the library,
print; exit 2 on bad input.
"""

from __future__ import annotations

from pathlib import Path

import click

from actorgraph.cli.options import (
    OUTPUT_DIR,
    BadInput,
    actor_id,
    cache_option,
    count_option,
    echo_json,
    format_option,
    graph_option,
    load_graph,
    maps_errors,
    read_one,
    written,
)
from actorgraph.cli.progress import working
from actorgraph.exceptions import GraphFileError, ViewNotFound
from actorgraph.vocabulary import EXPORT_FORMATS, PAPER_SIZES, REPORT_FORMATS


def _said(paths: list[Path], output_format: str, **summary: object) -> None:
    """Report the files a command wrote: a line each, or one JSON summary."""
    if output_format == "json":
        echo_json({"written": [str(p) for p in paths], **summary})
    else:
        for path in paths:
            click.echo(f"wrote {path}")


@click.command()
@graph_option
@click.option(
    "-o",
    "--output",
    metavar="PATH",
    help="Where to write [default: output/NAME-report.html, .md or .pdf]; a .md report "
    "writes its picture beside it as NAME.svg.",
)
@click.option(
    "--to",
    "to",
    type=click.Choice(REPORT_FORMATS),
    default=None,
    help="html (offline page with the interactive graph), md, or pdf "
    "[default: from -o's extension, else html].",
)
@click.option(
    "--path",
    "questions",
    nargs=2,
    multiple=True,
    metavar="A B",
    help="Explain the influence paths from A to B (repeatable).",
)
@click.option(
    "--view",
    "views",
    multiple=True,
    metavar="NAME",
    help="Draw this view of the graph file as a figure (repeatable; default: the whole graph).",
)
@count_option(
    "-k",
    "--k",
    "k",
    default=3,
    help="How many paths to explain for each --path.",
    most=10,
)
@click.option(
    "--paper",
    type=click.Choice(PAPER_SIZES),
    default="a4",
    show_default=True,
    help="Page size when printed or written as PDF.",
)
@format_option("text", "json")
@maps_errors
def report(
    graph_file: str | None,
    output: str | None,
    to: str | None,
    questions: tuple[tuple[str, str], ...],
    views: tuple[str, ...],
    k: int,
    paper: str,
    output_format: str,
) -> None:
    """A report to hand a reader: figures, key actors, dependencies, paths, sources.

    Markdown, one offline HTML file (which also embeds the interactive graph, and
    prints on A4 or Letter with the static figures), or PDF.
    """
    from actorgraph.outputs.report import REPORT_SUFFIXES, write_report

    graph = load_graph(graph_file)
    for source, target in questions:
        actor_id(graph, source, "--path")
        actor_id(graph, target, "--path")
    for name in views:
        try:
            graph.view(name)
        except ViewNotFound as error:
            raise click.BadParameter(str(error), param_hint="'--view'") from None
    suffix = {"html": ".html", "md": ".md", "pdf": ".pdf"}
    if output is None:
        to = to or "html"
        target_file = OUTPUT_DIR / f"{Path(graph.path or 'graph').stem}-report{suffix[to]}"
    else:
        target_file = Path(output)
        named = REPORT_SUFFIXES.get(target_file.suffix.lower())
        if named is None or (to is not None and named != to):
            raise click.BadParameter(
                f"name a {suffix[to or 'html']} file" if to else "name a .html, .md or .pdf file",
                param_hint="'-o'",
            )
    with working("Writing the report"):
        paths = write_report(graph, target_file, questions, k=k, views=views, paper=paper)
    _said(paths, output_format)


@click.command()
@graph_option
@click.option(
    "--to",
    "to",
    type=click.Choice(list(EXPORT_FORMATS)),
    required=True,
    help="The format: json is networkx's node-link JSON; csv writes "
    "NAME.graph/sources/actors/relations.csv.",
)
@click.option(
    "-o",
    "--output",
    metavar="PATH",
    help="File to write [default: output/NAME.EXT]; for csv, a folder or the "
    "actors file; - prints to stdout.",
)
@format_option("text", "json")
@maps_errors
def export(graph_file: str | None, to: str, output: str | None, output_format: str) -> None:
    """Write the graph as GraphML, GEXF, node-link JSON, CSV, DOT or Mermaid.

    Every attribute the format can carry goes with it: types, polarity, strength,
    confidence, dates and evidence.
    """
    from actorgraph.io.files import write_all
    from actorgraph.outputs.export import export_files, export_text
    from actorgraph.outputs.targets import EXPORT_SUFFIXES, format_for

    if output != "-":
        format_for(output, to, EXPORT_SUFFIXES, to)  # never one format under another's name
    graph = load_graph(graph_file)
    if output == "-":
        if to == "csv":
            raise click.BadParameter("csv writes four tables; name a folder", param_hint="'-o'")
        click.echo(export_text(graph, to), nl=False)
        return
    name = Path(graph.path or "graph").stem
    default = OUTPUT_DIR if to == "csv" else OUTPUT_DIR / f"{name}{EXPORT_FORMATS[to]}"
    files = export_files(graph, to, output or default)
    _said(write_all(files), output_format)  # a CSV set: all written, then all renamed


@click.command(name="import")
@click.argument("sources", nargs=-1, required=True, metavar="FILE...")
@click.option(
    "-o",
    "--output",
    required=True,
    metavar="graph/NAME.yaml",
    help="The graph file to write (YAML, or JSON by extension).",
)
@click.option("--title", help="Title of the graph (default: from the file, or its name).")
@format_option("text", "json")
@maps_errors
def import_(sources: tuple[str, ...], output: str, title: str | None, output_format: str) -> None:
    """Make a graph file from CSV tables, node-link JSON or GraphML.

    CSV: NAME.actors.csv and NAME.relations.csv (one row per piece of evidence),
    optionally NAME.sources.csv and NAME.graph.csv; name any of them. Unknown
    columns are kept as attributes; bad rows are reported with their row numbers.
    """
    from actorgraph.io.files import write_atomic
    from actorgraph.io.load import graph_file_text
    from actorgraph.outputs.importing import import_graph, one_graph

    if not one_graph(sources):
        raise click.UsageError("give the files of one graph (for CSV, any one of its tables)")
    graph = import_graph(sources[0], title)
    summary = written(write_atomic(output, graph_file_text(graph, output)), graph)
    if output_format == "json":
        echo_json(summary)
    else:
        click.echo(
            f"wrote {summary['file']} ({summary['actors']} actors, "
            f"{summary['relations']} relations)"
        )


@click.command()
@click.argument("old", metavar="OLD")
@click.argument("new", metavar="NEW")
@cache_option
@format_option("text", "json", "markdown")
@maps_errors
def diff(old: str, new: str, output_format: str) -> None:
    """What changed from one version of a graph file to another.

    Exits 0 when they are the same and 1 when they differ, like diff(1).
    """
    from actorgraph.questions.diff import diff_graphs, diff_text

    graphs = []
    failures = []
    for path in (old, new):
        try:
            graphs.append(read_one(path))
        except GraphFileError as error:
            failures.append(str(error))
    if failures:
        raise BadInput("\n".join(failures))
    changes = diff_graphs(*graphs)
    if output_format == "json":
        echo_json(changes.to_dict())
    elif changes:
        click.echo(diff_text(changes, markdown=output_format == "markdown"), nl=False)
    else:
        click.echo("no changes")
    if changes:
        raise SystemExit(1)


@click.command()
def schema() -> None:
    """Print the JSON Schema of a graph file, for editors to complete and check."""
    from actorgraph.io.schema import GRAPH_SCHEMA

    echo_json(GRAPH_SCHEMA)
