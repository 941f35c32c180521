"""Commands that move graphs in and out: report, export, import, diff, schema.

They join the ``actorgraph`` group defined in :mod:`actorgraph.cli` and follow
its rules: parse, call the library, print; exit 2 on bad input.
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from actorgraph.cli import (
    OUTPUT_DIR,
    BadInput,
    _actor_id,
    _echo_json,
    _fail_input,
    _load,
    _read,
    cache_option,
    cli,
    format_option,
    graph_option,
)
from actorgraph.cli.progress import working
from actorgraph.exceptions import ActorgraphError, GraphFileError, ViewNotFound
from actorgraph.outputs.report import PAPER_SIZES, REPORT_FORMATS


@cli.command()
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
@click.option(
    "-k",
    "--k",
    "k",
    type=click.IntRange(1, 10),
    default=3,
    show_default=True,
    help="How many paths to explain for each --path.",
)
@click.option(
    "--paper",
    type=click.Choice(PAPER_SIZES),
    default="a4",
    show_default=True,
    help="Page size when printed or written as PDF.",
)
def report(
    graph_file: str | None,
    output: str | None,
    to: str | None,
    questions: tuple[tuple[str, str], ...],
    views: tuple[str, ...],
    k: int,
    paper: str,
) -> None:
    """A report to hand a reader: figures, key actors, dependencies, paths, sources.

    Markdown, one offline HTML file (which also embeds the interactive graph, and
    prints on A4 or Letter with the static figures), or PDF.
    """
    from actorgraph.io.files import write_atomic, write_atomic_bytes
    from actorgraph.outputs.report import build_report, report_html, report_markdown, report_pdf

    graph = _load(graph_file)
    for source, target in questions:
        _actor_id(graph, source, "--path")
        _actor_id(graph, target, "--path")
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
        by_name = {".htm": "html", ".html": "html", ".md": "md", ".pdf": "pdf"}
        named = by_name.get(target_file.suffix.lower())
        if named is None or (to is not None and named != to):
            raise click.BadParameter(
                f"name a {suffix[to or 'html']} file" if to else "name a .html, .md or .pdf file",
                param_hint="'-o'",
            )
        to = named
    with working("Writing the report"):
        built = build_report(graph, questions, k=k, views=views)
        try:
            if to == "md":
                picture_file = target_file.with_suffix(".svg")
                write_atomic_bytes(picture_file, built.svg)
                write_atomic(target_file, report_markdown(built, picture_file.name))
                click.echo(f"wrote {picture_file}")
            elif to == "pdf":
                write_atomic_bytes(target_file, report_pdf(built, paper=paper))
            else:
                write_atomic(target_file, report_html(built, paper=paper))
        except ActorgraphError as error:
            _fail_input(error)
    click.echo(f"wrote {target_file}")


@cli.command()
@graph_option
@click.option(
    "--to",
    "to",
    type=click.Choice(["graphml", "gexf", "json", "csv", "dot", "mermaid"]),
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
def export(graph_file: str | None, to: str, output: str | None) -> None:
    """Write the graph as GraphML, GEXF, node-link JSON, CSV, DOT or Mermaid.

    Every attribute the format can carry goes with it: types, polarity, strength,
    confidence, dates and evidence.
    """
    from actorgraph.io.files import write_atomic
    from actorgraph.outputs.export import SUFFIXES, csv_tables, export_text

    graph = _load(graph_file)
    name = Path(graph.path or "graph").stem
    try:
        if to == "csv" and output != "-":
            given = Path(output) if output else OUTPUT_DIR
            folder = given.parent if given.suffix == ".csv" else given
            prefix = (
                given.name.removesuffix(".csv").removesuffix(".actors")
                if given.suffix == ".csv"
                else name
            )
            for table, text in csv_tables(graph).items():
                click.echo(f"wrote {write_atomic(folder / f'{prefix}.{table}.csv', text)}")
            return
        text = export_text(graph, to)
        if output == "-":
            click.echo(text, nl=False)
            return
        target = Path(output) if output else OUTPUT_DIR / f"{name}{SUFFIXES[to]}"
        click.echo(f"wrote {write_atomic(target, text)}")
    except ActorgraphError as error:
        _fail_input(error)


@cli.command(name="import")
@click.argument("sources", nargs=-1, required=True, metavar="FILE...")
@click.option(
    "-o",
    "--output",
    required=True,
    metavar="graph/NAME.yaml",
    help="The graph file to write (YAML, or JSON by extension).",
)
@click.option("--title", help="Title of the graph (default: from the file, or its name).")
def import_(sources: tuple[str, ...], output: str, title: str | None) -> None:
    """Make a graph file from CSV tables, node-link JSON or GraphML.

    CSV: NAME.actors.csv and NAME.relations.csv (one row per piece of evidence),
    optionally NAME.sources.csv and NAME.graph.csv; name any of them. Unknown
    columns are kept as attributes; bad rows are reported with their row numbers.
    """
    from actorgraph.io.files import write_atomic
    from actorgraph.io.load import format_graph, graph_to_data
    from actorgraph.outputs.importing import csv_files, import_graph

    one_csv_set = (
        all(s.lower().endswith(".csv") for s in sources)
        and len({tuple(sorted(csv_files(s).values())) for s in sources}) == 1
    )
    if len(sources) > 1 and not one_csv_set:
        raise click.UsageError("give the files of one graph (for CSV, any one of its tables)")
    try:
        graph = import_graph(sources[0], title)
    except GraphFileError as error:
        _fail_input(error)
    text = (
        json.dumps(graph_to_data(graph), indent=2, ensure_ascii=False) + "\n"
        if output.lower().endswith(".json")
        else format_graph(graph)
    )
    try:
        written = write_atomic(output, text)
    except ActorgraphError as error:
        _fail_input(error)
    click.echo(f"wrote {written} ({len(graph.actors)} actors, {len(graph.relations)} relations)")


@cli.command()
@click.argument("old", metavar="OLD")
@click.argument("new", metavar="NEW")
@cache_option
@format_option("text", "markdown", "json")
def diff(old: str, new: str, output_format: str) -> None:
    """What changed from one version of a graph file to another.

    Exits 0 when they are the same and 1 when they differ, like diff(1).
    """
    from actorgraph.questions.diff import diff_graphs, diff_text

    graphs = []
    failures = []
    for path in (old, new):
        try:
            graphs.append(_read(path))
        except GraphFileError as error:
            failures.append(str(error))
    if failures:
        raise BadInput("\n".join(failures))
    changes = diff_graphs(*graphs)
    if output_format == "json":
        _echo_json(changes.to_dict())
    elif changes:
        click.echo(diff_text(changes, markdown=output_format == "markdown"), nl=False)
    else:
        click.echo("no changes")
    if changes:
        raise SystemExit(1)


@cli.command()
def schema() -> None:
    """Print the JSON Schema of a graph file, for editors to complete and check."""
    from actorgraph.io.schema import GRAPH_SCHEMA

    _echo_json(GRAPH_SCHEMA)
