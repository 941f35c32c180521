"""The ``actorgraph`` command: parse options, call the library, print.

Exit codes: 0 success; 1 a well-formed question with no answer (no path);
2 bad usage or bad input. Library errors become one clear message. Heavy
modules (networkx, pyvis) are imported inside the commands that need them.
"""

from __future__ import annotations

import gc
import json
from pathlib import Path
from typing import Any, NoReturn

import click

from actorgraph.cli.progress import working
from actorgraph.exceptions import ActorgraphError, ActorNotFound, AmbiguousActor, GraphFileError
from actorgraph.io.load import find_graph_files, read_graph
from actorgraph.model import Graph
from actorgraph.outputs.formatting import plural

GRAPH_DIR = Path("graph")
OUTPUT_DIR = Path("output")


class BadInput(click.ClickException):
    """Bad input or an unusable output path: exit 2, like click's usage errors."""

    exit_code = 2


def _fail_input(error: ActorgraphError) -> NoReturn:
    raise BadInput(str(error)) from None


def _default_graphs() -> list[Path]:
    files = find_graph_files(GRAPH_DIR)
    if not files:
        raise click.UsageError(
            f"no graph files in {GRAPH_DIR}/; name one, or pass -g FILE / set ACTORGRAPH_GRAPH"
        )
    return files


def _at_date(graph: Graph, as_of: str | None) -> Graph:
    if as_of is None:
        return graph
    try:
        return graph.as_of(as_of)
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="'--as-of'") from None


def _load(graph_file: str | None, as_of: str | None = None) -> Graph:
    """The graph a query command works on: -g, $ACTORGRAPH_GRAPH, or the one in graph/.

    With ``as_of``, only the ties active on that date.
    """
    if graph_file is None:
        files = _default_graphs()
        if len(files) > 1:
            names = ", ".join(str(f) for f in files)
            raise click.UsageError(
                f"several graphs in {GRAPH_DIR}/ ({names}); pick one with -g/--graph"
            )
        graph_file = str(files[0])
    try:
        with working(f"Reading {graph_file}"):
            graph = _read(graph_file)
    except GraphFileError as error:
        _fail_input(error)
    return _at_date(graph, as_of)


def _read(path: str | Path) -> Graph:
    """Read a graph file, through the compiled cache unless --no-cache was given."""
    graph = read_graph(path, cache=not click.get_current_context().meta.get("no_cache", False))
    # A command lives as long as its graph: move the graph's million objects out of
    # the collector's sight, or every full collection rescans them (seconds at 100k).
    gc.freeze()
    return graph


def _actor_id(graph: Graph, name: str, param: str) -> str:
    try:
        return graph.actor(name).id
    except (ActorNotFound, AmbiguousActor) as error:
        raise click.BadParameter(str(error), param_hint=f"'{param}'") from None


def _names(value: str | None) -> list[str] | None:
    return None if value is None else [v.strip() for v in value.split(",") if v.strip()]


def _echo_json(data: Any) -> None:
    click.echo(json.dumps(data, indent=2, ensure_ascii=False))


_graph_file_option = click.option(
    "-g",
    "--graph",
    "graph_file",
    metavar="FILE",
    envvar="ACTORGRAPH_GRAPH",
    help="Graph file to query (default: the one file in graph/; env ACTORGRAPH_GRAPH).",
)
cache_option = click.option(
    "--no-cache",
    is_flag=True,
    expose_value=False,
    callback=lambda ctx, _param, value: ctx.meta.__setitem__("no_cache", value),
    help="Neither read nor write the compiled cache of big graph files.",
)


def graph_option(command: Any) -> Any:
    """-g/--graph FILE and --no-cache, for commands that query one graph."""
    return _graph_file_option(cache_option(command))


as_of_option = click.option(
    "--as-of",
    "as_of",
    metavar="DATE",
    help="Answer for a date (YYYY, YYYY-MM or YYYY-MM-DD): only ties active then.",
)


backend_option = click.option(
    "--backend",
    metavar="NAME",
    help="networkx backend to compute with (e.g. parallel, cugraph); falls back to networkx, "
    "with a note, when it is missing or fails. NETWORKX_BACKEND_PRIORITY works too.",
)


def _told(notes: list[str]) -> list[str]:
    """Say each note on stderr; return them for the result."""
    for note in notes:
        click.echo(f"note: {note}", err=True)
    return notes


def format_option(*choices: str) -> Any:
    return click.option(
        "--format",
        "output_format",
        type=click.Choice(choices),
        default=choices[0],
        show_default=True,
        help="Output format.",
    )


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="actorgraph")
def cli() -> None:
    """Map who controls, funds, depends on, pressures or opposes whom.

    Graphs are YAML files in graph/; every tie is typed and carries evidence.
    """


@cli.command()
@click.argument("graphs", nargs=-1, metavar="[GRAPH]...")
@cache_option
def validate(graphs: tuple[str, ...]) -> None:
    """Check graph files and list every problem, with file and line.

    Checks every file in graph/ when none is named. Exits 2 if any problem is found.
    """
    files = [Path(g) for g in graphs] or _default_graphs()
    total = bad_files = 0
    for file in files:
        try:
            graph = _read(file)
        except GraphFileError as error:
            total += len(error.problems)
            bad_files += 1
            for problem in error.problems:
                click.echo(str(problem))
            continue
        proposed = sum(not r.reviewed for r in graph.relations)
        extra = f", {proposed} proposed or rejected" if proposed else ""
        click.echo(
            f"{file}: ok ({len(graph.actors)} actors, {len(graph.relations)} relations{extra})"
        )
    if total:
        raise BadInput(f"{plural(total, 'problem')} in {plural(bad_files, 'file')}")


@cli.command()
@click.argument("graphs", nargs=-1, metavar="[GRAPH]...")
@click.option(
    "-o",
    "--output",
    "output",
    metavar="PATH",
    help="File (NAME.html, one graph) or folder to write to [default: output/].",
)
@click.option(
    "--embed",
    type=click.Choice(["page", "fragment", "iframe"]),
    default="page",
    show_default=True,
    help="A whole page; a fragment (<div> and scripts) to paste into another page "
    "(NAME.fragment.html); or a page for an <iframe>, with the snippet printed.",
)
@click.option("--focus", metavar="A", help="Draw only this actor's neighbourhood.")
@click.option(
    "--depth",
    type=click.IntRange(0, None),
    default=1,
    show_default=True,
    help="How many ties out from --focus to draw.",
)
@click.option(
    "--min-strength", type=click.FloatRange(0, 1), default=0.0, help="Drop ties weaker than this."
)
@click.option(
    "--to",
    "to",
    type=click.Choice(["html", "svg", "png"]),
    default="html",
    show_default=True,
    help="Interactive HTML, or a static picture (SVG or PNG) for print and PDF.",
)
@as_of_option
@cache_option
def render(
    graphs: tuple[str, ...],
    output: str | None,
    embed: str,
    focus: str | None,
    depth: int,
    min_strength: float,
    as_of: str | None,
    to: str,
) -> None:
    """Render graphs as interactive, offline HTML pages.

    Renders every file in graph/ when none is named, to output/NAME.html.
    Each page is one file that opens from disk with no network.
    """
    from actorgraph.io.files import write_atomic_bytes
    from actorgraph.outputs.render import iframe_snippet, select, write_html
    from actorgraph.outputs.render.picture import picture

    files = [Path(g) for g in graphs] or _default_graphs()
    to_file = output is not None and output.lower().endswith((".html", ".htm", ".svg", ".png"))
    if to_file and len(files) > 1:
        raise click.UsageError(
            "-o names one file but several graphs were given; give a folder instead"
        )
    suffix = {"page": ".html", "fragment": ".fragment.html", "iframe": ".iframe.html"}[embed]
    if to != "html":
        suffix = f".{to}"
    failures: list[str] = []
    for file in files:
        try:
            graph = _at_date(_read(file), as_of)
        except GraphFileError as error:
            failures.append(str(error))
            continue
        if focus is not None:
            _actor_id(graph, focus, "--focus")
        graph = select(graph, focus, depth, min_strength)
        folder = Path(output or OUTPUT_DIR)
        target = folder if to_file else folder / f"{file.stem}{suffix}"
        try:
            with working(f"Rendering {target}"):
                if to == "html":
                    written = write_html(graph, target, embed=embed)
                else:
                    written = write_atomic_bytes(target, picture(graph, to))
        except ActorgraphError as error:
            _fail_input(error)
        click.echo(
            f"wrote {written} ({len(graph.actors)} actors, {len(graph.relations)} relations)"
        )
        if embed == "iframe" and to == "html":
            click.echo(iframe_snippet(written.name, graph.title))
    if failures:
        raise BadInput("\n".join(failures))


from actorgraph.cli import drafting, exchange, questions  # noqa: E402, F401 - they register commands
