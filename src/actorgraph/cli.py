"""The ``actorgraph`` command: parse options, call the library, print.

Exit codes: 0 success; 1 a well-formed question with no answer (no path);
2 bad usage or bad input. Library errors become one clear message.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NoReturn

import click

from .exceptions import ActorgraphError, ActorNotFound, AmbiguousActor, GraphFileError, NoPath
from .load import find_graph_files, read_graph
from .model import Graph, Relation

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


def _load(graph_file: str | None) -> Graph:
    """The graph a query command works on: -g, $ACTORGRAPH_GRAPH, or the one in graph/."""
    if graph_file is None:
        files = _default_graphs()
        if len(files) > 1:
            names = ", ".join(str(f) for f in files)
            raise click.UsageError(
                f"several graphs in {GRAPH_DIR}/ ({names}); pick one with -g/--graph"
            )
        graph_file = str(files[0])
    try:
        return read_graph(graph_file)
    except GraphFileError as error:
        _fail_input(error)


def _actor_id(graph: Graph, name: str, param: str) -> str:
    try:
        return graph.actor(name).id
    except (ActorNotFound, AmbiguousActor) as error:
        raise click.BadParameter(str(error), param_hint=f"'{param}'") from None


graph_option = click.option(
    "-g",
    "--graph",
    "graph_file",
    metavar="FILE",
    envvar="ACTORGRAPH_GRAPH",
    help="Graph file to query (default: the one file in graph/; env ACTORGRAPH_GRAPH).",
)


def format_option(*choices: str) -> Any:
    return click.option(
        "--format",
        "output_format",
        type=click.Choice(choices),
        default=choices[0],
        show_default=True,
        help="Output format.",
    )


def _echo_json(data: Any) -> None:
    click.echo(json.dumps(data, indent=2, ensure_ascii=False))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="actorgraph")
def cli() -> None:
    """Map who controls, funds, depends on, pressures or opposes whom.

    Graphs are YAML files in graph/; every tie is typed and carries evidence.
    """


@cli.command()
@click.argument("graphs", nargs=-1, metavar="[GRAPH]...")
def validate(graphs: tuple[str, ...]) -> None:
    """Check graph files and list every problem, with file and line.

    Checks every file in graph/ when none is named. Exits 2 if any problem is found.
    """
    files = [Path(g) for g in graphs] or _default_graphs()
    total = bad_files = 0
    for file in files:
        try:
            graph = read_graph(file)
        except GraphFileError as error:
            total += len(error.problems)
            bad_files += 1
            for problem in error.problems:
                click.echo(str(problem))
            continue
        click.echo(f"{file}: ok ({len(graph.actors)} actors, {len(graph.relations)} relations)")
    if total:
        raise BadInput(f"{_plural(total, 'problem')} in {_plural(bad_files, 'file')}")


@cli.command()
@click.argument("graphs", nargs=-1, metavar="[GRAPH]...")
@click.option(
    "-o",
    "--output",
    "output",
    metavar="PATH",
    help="File (NAME.html, one graph) or folder to write to [default: output/].",
)
def render(graphs: tuple[str, ...], output: str | None) -> None:
    """Render graphs as interactive, offline HTML pages.

    Renders every file in graph/ when none is named, to output/NAME.html.
    Each page is one file that opens from disk with no network.
    """
    from .render import write_html

    files = [Path(g) for g in graphs] or _default_graphs()
    to_file = output is not None and output.lower().endswith((".html", ".htm"))
    if to_file and len(files) > 1:
        raise click.UsageError(
            "-o names one file but several graphs were given; give a folder instead"
        )
    failures: list[str] = []
    for file in files:
        try:
            graph = read_graph(file)
        except GraphFileError as error:
            failures.append(str(error))
            continue
        folder = Path(output or OUTPUT_DIR)
        target = folder if to_file else folder / f"{file.stem}.html"
        try:
            written = write_html(graph, target)
        except ActorgraphError as error:
            _fail_input(error)
        click.echo(
            f"wrote {written} ({len(graph.actors)} actors, {len(graph.relations)} relations)"
        )
    if failures:
        raise BadInput("\n".join(failures))


def _relation_line(graph: Graph, relation: Relation) -> str:
    names = graph.actors_by_id
    label = graph.vocabulary.relation_types[relation.type].label
    when = ""
    if relation.since or relation.until:
        when = f" · {relation.since or '…'}–{relation.until or '…'}"
    return (
        f"{names[relation.source].name} {label} {names[relation.target].name}"
        f" · strength {relation.strength:g} · confidence {relation.confidence}{when}"
    )


def _evidence_lines(relation: Relation, indent: str) -> Iterator[str]:
    for item in relation.evidence:
        yield f"{indent}evidence: {item.cite()}: {item.claim}"


@cli.command()
@click.argument("source", metavar="A")
@click.argument("target", metavar="B")
@click.option(
    "-k",
    "--k",
    "k",
    type=click.IntRange(1, 100),
    default=1,
    show_default=True,
    help="How many shortest paths to list, best first.",
)
@click.option(
    "--follow",
    type=click.Choice(["influence", "stored", "any"]),
    default="influence",
    show_default=True,
    help="Follow influence (each type's declared direction), arrows as stored, "
    "or ties in any direction.",
)
@click.option(
    "--max-hops", type=click.IntRange(1, None), default=None, help="Longest path to accept."
)
@graph_option
@format_option("text", "json")
def path(
    source: str,
    target: str,
    k: int,
    follow: str,
    max_hops: int | None,
    graph_file: str | None,
    output_format: str,
) -> None:
    """Shortest paths by which actor A can influence actor B, each hop with evidence.

    Actors are named by id, name or alias, in any case. Exits 1 when there is no path.
    """
    from .paths import find_paths

    graph = _load(graph_file)
    start, end = _actor_id(graph, source, "A"), _actor_id(graph, target, "B")
    if start == end:
        raise click.BadParameter("A and B are the same actor", param_hint="'B'")
    try:
        paths = find_paths(graph, start, end, k=k, follow=follow, max_hops=max_hops)
    except NoPath as error:
        raise click.ClickException(str(error)) from None
    if output_format == "json":
        _echo_json(
            {
                "source": start,
                "target": end,
                "follow": follow,
                "paths": [p.to_dict() for p in paths],
            }
        )
        return
    names = graph.actors_by_id
    click.echo(
        f"{names[start].name} → {names[end].name}: "
        f"{_plural(len(paths), 'path')}, following {follow}"
    )
    for rank, found in enumerate(paths, 1):
        weakest = found.weakest
        click.echo("")
        click.echo(f"{rank}. " + " → ".join(a.name for a in found.actors))
        click.echo(
            f"   {_plural(len(found.hops), 'hop')} · "
            f"strength {found.strength:.2f} · weakest link "
            f"{weakest.mover.name} → {weakest.moved.name} ({weakest.strength:g})"
        )
        for step, hop in enumerate(found.hops, 1):
            click.echo(f"   [{step}] {hop.mover.name} → {hop.moved.name}: {hop.influence_note()}")
            click.echo(f"       {_relation_line(graph, hop.relation)}")
            for text in _evidence_lines(hop.relation, "       "):
                click.echo(text)
            for other in hop.alternatives:
                click.echo(f"       also: {_relation_line(graph, other)}")


@cli.command()
@click.argument("actor", metavar="A")
@graph_option
@format_option("text", "json")
def show(actor: str, graph_file: str | None, output_format: str) -> None:
    """One actor: who it is, and its ties out and in, with evidence."""
    from .paths import relation_to_dict

    graph = _load(graph_file)
    found = graph.actors_by_id[_actor_id(graph, actor, "A")]
    outgoing = [r for r in graph.relations if r.source == found.id]
    incoming = [r for r in graph.relations if r.target == found.id]
    if output_format == "json":
        _echo_json(
            {
                "id": found.id,
                "name": found.name,
                "kind": found.kind,
                "aliases": list(found.aliases),
                "description": found.description,
                "out": [relation_to_dict(r) for r in outgoing],
                "in": [relation_to_dict(r) for r in incoming],
            }
        )
        return
    kind = graph.vocabulary.actor_kinds[found.kind].label
    click.echo(f"{found.name} ({found.id}) · {kind}")
    if found.description:
        click.echo(found.description)
    if found.aliases:
        click.echo("Also known as: " + ", ".join(found.aliases))
    for heading, relations in (("Out", outgoing), ("In", incoming)):
        click.echo("")
        click.echo(f"{heading} ({len(relations)}):")
        for relation in relations:
            click.echo(f"  {_relation_line(graph, relation)}")
            for text in _evidence_lines(relation, "      "):
                click.echo(text)


@cli.command()
@graph_option
@click.option(
    "--sort",
    "sort_by",
    type=click.Choice(["file", "id", "name", "kind", "degree"]),
    default="file",
    show_default=True,
    help="Order of the rows.",
)
@format_option("text", "json", "csv")
def actors(graph_file: str | None, sort_by: str, output_format: str) -> None:
    """List the actors with their kind and how many ties they have."""
    graph = _load(graph_file)
    rows = []
    for actor in graph.actors:
        incoming, outgoing = graph.degree(actor.id)
        rows.append(
            {
                "id": actor.id,
                "name": actor.name,
                "kind": actor.kind,
                "in": incoming,
                "out": outgoing,
                "degree": incoming + outgoing,
            }
        )
    if sort_by == "degree":
        rows.sort(key=lambda r: (-r["degree"], r["id"]))
    elif sort_by != "file":
        rows.sort(key=lambda r: (str(r[sort_by]).casefold(), r["id"]))
    if output_format == "json":
        _echo_json(rows)
    elif output_format == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(
            buffer, fieldnames=list(rows[0]) if rows else ["id"], lineterminator="\n"
        )
        writer.writeheader()
        writer.writerows(rows)
        click.echo(buffer.getvalue(), nl=False)
    else:
        click.echo(_table(rows, ["id", "name", "kind", "in", "out"]))


def _table(rows: list[dict[str, Any]], columns: list[str]) -> str:
    widths = {c: max([len(c), *(len(str(r[c])) for r in rows)]) for c in columns}
    numeric = {c for c in columns if rows and all(isinstance(r[c], int) for r in rows)}

    def cell(column: str, value: Any) -> str:
        text = str(value)
        return text.rjust(widths[column]) if column in numeric else text.ljust(widths[column])

    lines = [
        "  ".join(cell(c, c) for c in columns).rstrip(),
        "  ".join("-" * widths[c] for c in columns),
    ]
    lines.extend("  ".join(cell(c, r[c]) for c in columns).rstrip() for r in rows)
    return "\n".join(lines)


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'s' if count != 1 else ''}"
