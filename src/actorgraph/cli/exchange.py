"""Commands that move graphs in and out: report, export, import, diff, schema.

They join the ``actorgraph`` group defined in :mod:`actorgraph.cli` and follow
its rules: parse, call the library, print; exit 2 on bad input.
"""

from __future__ import annotations

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
    as_of_option,
    cache_option,
    cli,
    format_option,
    graph_option,
)
from actorgraph.cli.progress import working
from actorgraph.exceptions import ActorgraphError, GraphFileError


@cli.command()
@graph_option
@click.option(
    "-o",
    "--output",
    metavar="PATH.html|PATH.md",
    help="Where to write [default: output/NAME-report.html]; a .md report writes "
    "its picture beside it as NAME.svg.",
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
    "-k",
    "--k",
    "k",
    type=click.IntRange(1, 10),
    default=3,
    show_default=True,
    help="How many paths to explain for each --path.",
)
@as_of_option
def report(
    graph_file: str | None,
    output: str | None,
    questions: tuple[tuple[str, str], ...],
    k: int,
    as_of: str | None,
) -> None:
    """A report to paste into your own: picture, key actors, dependencies, paths.

    Markdown or one offline HTML file (which also embeds the interactive graph).
    """
    from actorgraph.io.files import write_atomic, write_atomic_bytes
    from actorgraph.outputs.report import build_report, report_html, report_markdown

    graph = _load(graph_file, as_of)
    for source, target in questions:
        _actor_id(graph, source, "--path")
        _actor_id(graph, target, "--path")
    name = Path(graph.path or "graph").stem
    target_file = Path(output) if output else OUTPUT_DIR / f"{name}-report.html"
    if target_file.suffix.lower() not in (".html", ".htm", ".md"):
        raise click.BadParameter("name a .html or .md file", param_hint="'-o'")
    with working("Writing the report"):
        built = build_report(graph, questions, k=k)
        try:
            if target_file.suffix.lower() == ".md":
                picture_file = target_file.with_suffix(".svg")
                write_atomic_bytes(picture_file, built.svg)
                write_atomic(target_file, report_markdown(built, picture_file.name))
                click.echo(f"wrote {picture_file}")
            else:
                write_atomic(target_file, report_html(built))
        except ActorgraphError as error:
            _fail_input(error)
    click.echo(f"wrote {target_file}")


@cli.command()
@graph_option
@click.option(
    "--to",
    "to",
    type=click.Choice(["graphml", "gexf", "json", "kumu", "csv", "dot", "mermaid"]),
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
def export(graph_file: str | None, to: str, output: str | None, as_of: str | None) -> None:
    """Write the graph as GraphML, GEXF, node-link JSON, CSV, DOT or Mermaid.

    Every attribute the format can carry goes with it: types, polarity, strength,
    confidence, dates and evidence.
    """
    from actorgraph.io.files import write_atomic
    from actorgraph.outputs.export import SUFFIXES, csv_tables, export_text

    graph = _load(graph_file, as_of)
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
@click.option("--force", is_flag=True, help="Replace the output file if it exists.")
@click.option(
    "--from",
    "source_format",
    type=click.Choice(["csv", "xlsx", "json", "kumu", "graphml", "gexf"]),
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
    type=click.Choice(["low", "medium", "high"]),
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
) -> None:
    """Make a graph file from CSV, Excel, node-link JSON, Kumu, GraphML or GEXF.

    CSV: NAME.actors.csv and NAME.relations.csv (one row per piece of evidence),
    optionally NAME.sources.csv and NAME.graph.csv; name any of them. Any other CSV
    (or a workbook's first sheet) is a table of ties, one per row. Columns are
    matched to fields by name, or by --map; unknown columns are kept as attributes.
    Ties without evidence cite the file, by row or element. Every problem is
    reported at once with its row (or element and line), and nothing is written.
    """
    from actorgraph.outputs.importing import (
        ImportOptionError,
        ImportOptions,
        csv_files,
        import_to_file,
        pairs,
    )

    one_csv_set = (
        all(s.lower().endswith(".csv") for s in sources)
        and len({tuple(sorted(csv_files(s).values())) for s in sources}) == 1
    )
    if len(sources) > 1 and not one_csv_set:
        raise click.UsageError("give the files of one graph (for CSV, any one of its tables)")
    try:
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
    except ImportOptionError as error:
        raise click.UsageError(str(error)) from None
    try:
        imported = import_to_file(sources[0], output, options, force=force)
    except ActorgraphError as error:
        _fail_input(error)
    for note in imported.notes:
        click.echo(f"note: {note}")
    graph = imported.graph
    actors, relations = len(graph.actors), len(graph.relations)
    click.echo(
        f"wrote {output} ({actors:,} actor{'s' * (actors != 1)}, "
        f"{relations:,} relation{'s' * (relations != 1)})"
    )


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
