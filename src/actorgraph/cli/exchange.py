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
    as_of_option,
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
from actorgraph.outputs.formatting import size_text
from actorgraph.vocabulary import (
    CONFIDENCE_LEVELS,
    EXPORT_FORMATS,
    IMPORT_FORMATS,
    PAPER_SIZES,
    REPORT_FORMATS,
)


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
@as_of_option
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
    as_of: str | None,
    output_format: str,
) -> None:
    """A report to hand a reader: figures, key actors, dependencies, paths, sources.

    Markdown, one offline HTML file (which also embeds the interactive graph, and
    prints on A4 or Letter with the static figures), or PDF.
    """
    from actorgraph.outputs.report import REPORT_SUFFIXES, write_report

    graph = load_graph(graph_file, as_of)
    if as_of is not None:
        graph = graph.in_play()  # a report of a date lists and draws the actors in play then
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
    help="The format: json is networkx's node-link JSON; kumu is a Kumu project export; "
    "csv writes NAME.graph/sources/actors/relations.csv.",
)
@click.option(
    "-o",
    "--output",
    metavar="PATH",
    help="File to write [default: output/NAME.EXT]; for csv, a folder or the "
    "actors file; - prints to stdout.",
)
@as_of_option
@format_option("text", "json")
@maps_errors
def export(
    graph_file: str | None, to: str, output: str | None, as_of: str | None, output_format: str
) -> None:
    """Write the graph as GraphML, GEXF, node-link JSON, Kumu JSON, CSV, DOT or Mermaid.

    Every attribute the format can carry goes with it: types, polarity, strength,
    confidence, dates and evidence.
    """
    from actorgraph.io.files import write_all
    from actorgraph.outputs.export import export_files, export_text
    from actorgraph.outputs.targets import EXPORT_SUFFIXES, format_for

    if output != "-":
        format_for(output, to, EXPORT_SUFFIXES, to)  # never one format under another's name
    graph = load_graph(graph_file, as_of)
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
@click.option("--force", is_flag=True, help="Replace the output file if it exists.")
@click.option(
    "--from",
    "source_format",
    type=click.Choice(IMPORT_FORMATS),
    help="The file's format [default: from its extension].",
)
@click.option("--title", help="Title of the graph and of the dataset as a source.")
@click.option("--url", help="Where the dataset is published (kept with it as a source).")
@click.option(
    "--map",
    "mapping",
    multiple=True,
    metavar="COLUMN=FIELD",
    help="Read a column (or attribute) as a field: source, target, type, strength, "
    "confidence, since, until, since_year/_month/_day, until_year/_month/_day, id, note, "
    "claim, direction, name, kind, aliases, description, attribute. Repeatable.",
)
@click.option("--default-kind", metavar="KIND", help="Kind of actors that name none.")
@click.option("--default-type", metavar="TYPE", help="Type of ties that name none.")
@click.option(
    "--default-strength",
    type=click.FloatRange(0, 1),
    metavar="X",
    help="Strength (0 to 1) of ties that give none.",
)
@click.option(
    "--default-confidence",
    type=click.Choice(CONFIDENCE_LEVELS),
    help="Confidence of ties that give none.",
)
@click.option("--type-from", metavar="COLUMN", help="Take each tie's type from this column ...")
@click.option(
    "--type-map",
    multiple=True,
    metavar="VALUE=TYPE",
    help="... translating its values (repeatable; every value met must be mapped).",
)
@click.option(
    "--undirected",
    is_flag=True,
    help="The ties have no direction: each is one tie of a symmetric type.",
)
@format_option("text", "json")
@maps_errors
def import_(
    sources: tuple[str, ...],
    output: str,
    force: bool,
    source_format: str | None,
    title: str | None,
    url: str | None,
    mapping: tuple[str, ...],
    default_kind: str | None,
    default_type: str | None,
    default_strength: float | None,
    default_confidence: str | None,
    type_from: str | None,
    type_map: tuple[str, ...],
    undirected: bool,
    output_format: str,
) -> None:
    """Make a graph file from CSV, Excel, node-link JSON, Kumu, GraphML, GEXF or GML.

    CSV: NAME.actors.csv and NAME.relations.csv (one row per piece of evidence),
    optionally NAME.sources.csv and NAME.graph.csv; name any of them. Any other CSV
    (or a workbook's first sheet) is a table of ties, one per row. Columns are
    matched to fields by name, or by --map; unknown columns are kept as attributes.
    Ties without evidence cite the file, by row or element. Every problem is
    reported at once with its row (or element and line), and nothing is written.
    """
    from actorgraph.outputs.importing import ImportOptions, import_to_file, one_graph, pairs

    if not one_graph(sources):
        raise click.UsageError("give the files of one graph (for CSV, any one of its tables)")
    options = ImportOptions(
        title=title,
        source_format=source_format,
        mapping=pairs(mapping, "--map"),
        default_kind=default_kind,
        default_type=default_type,
        default_strength=default_strength,
        default_confidence=default_confidence,
        type_from=type_from,
        type_map=pairs(type_map, "--type-map"),
        undirected=undirected,
        url=url,
    )
    imported = import_to_file(sources[0], output, options, force=force)
    summary = written(Path(output), imported.graph)
    if output_format == "json":
        echo_json({**summary, "notes": imported.notes})
        return
    for note in imported.notes:
        click.echo(f"note: {note}")
    click.echo(f"wrote {summary['file']} ({size_text(imported.graph)})")


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
