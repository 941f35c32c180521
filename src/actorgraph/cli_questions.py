"""Commands that ask questions of one graph: path, show, actors, analyze, whatif.

They join the ``actorgraph`` group defined in :mod:`actorgraph.cli` and follow
its rules: parse, call the library, print; exit 1 for no answer, 2 for bad input.
"""

from __future__ import annotations

import dataclasses

import click

from .analysis import METRICS
from .cli import (
    _actor_id,
    _echo_json,
    _load,
    _names,
    _told,
    as_of_option,
    backend_option,
    cli,
    format_option,
    graph_option,
)
from .exceptions import ActorNotFound, AmbiguousActor, NoPath
from .progress import working


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
    help="How many paths to list, best first.",
)
@click.option(
    "--all",
    "all_paths",
    is_flag=True,
    help="Every simple path up to --max-hops (default 4) instead of the k best.",
)
@click.option(
    "--max-hops", type=click.IntRange(1, None), default=None, help="Longest path to accept."
)
@click.option(
    "--weight",
    type=click.Choice(["hops", "strength"]),
    default="hops",
    show_default=True,
    help="Rank by fewest hops, or by strongest chain (each hop costs -log strength).",
)
@click.option(
    "--follow",
    type=click.Choice(["influence", "stored", "any"]),
    default="influence",
    show_default=True,
    help="Follow influence (each type's declared direction), arrows as stored, "
    "or ties in any direction.",
)
@click.option("--types", metavar="T1,T2", help="Use only these relation types.")
@click.option("--exclude-types", metavar="T1,T2", help="Never use these relation types.")
@click.option(
    "--kinds",
    metavar="K1,K2",
    help="Pass only through actors of these kinds (the ends are always allowed).",
)
@click.option(
    "--min-confidence",
    type=click.Choice(["low", "medium", "high"]),
    help="Use only ties with at least this confidence.",
)
@graph_option
@as_of_option
@format_option("text", "json")
def path(
    source: str,
    target: str,
    k: int,
    all_paths: bool,
    max_hops: int | None,
    weight: str,
    follow: str,
    types: str | None,
    exclude_types: str | None,
    kinds: str | None,
    min_confidence: str | None,
    graph_file: str | None,
    as_of: str | None,
    output_format: str,
) -> None:
    """Paths by which actor A can influence actor B, each hop with evidence.

    Actors are named by id, name or alias, in any case. Exits 1 when there is no path.
    """
    from .formatting import paths_text
    from .paths import find_paths

    graph = _load(graph_file, as_of)
    start, end = _actor_id(graph, source, "A"), _actor_id(graph, target, "B")
    if start == end:
        raise click.BadParameter("A and B are the same actor", param_hint="'B'")
    try:
        paths = find_paths(
            graph,
            start,
            end,
            k=k,
            follow=follow,
            max_hops=max_hops,
            weight=weight,
            all_paths=all_paths,
            types=_names(types),
            exclude_types=_names(exclude_types) or (),
            kinds=_names(kinds),
            min_confidence=min_confidence,
        )
    except NoPath as error:
        raise click.ClickException(str(error)) from None
    except ValueError as error:
        raise click.UsageError(str(error)) from None
    if output_format == "json":
        _echo_json(
            {
                "source": start,
                "target": end,
                "follow": follow,
                "weight": weight,
                "as_of": as_of,
                "paths": [p.to_dict() for p in paths],
            }
        )
    else:
        click.echo(paths_text(paths, graph, follow, as_of), nl=False)


@cli.command()
@click.argument("actor", metavar="A")
@graph_option
@as_of_option
@format_option("text", "json")
def show(actor: str, graph_file: str | None, as_of: str | None, output_format: str) -> None:
    """One actor: who it is, and its ties out and in, with evidence."""
    from .formatting import actor_text
    from .paths import relation_to_dict

    graph = _load(graph_file, as_of)
    found = graph.actors_by_id[_actor_id(graph, actor, "A")]
    if output_format == "json":
        ties = list(graph.relations_of(found.id))
        _echo_json(
            {
                "id": found.id,
                "name": found.name,
                "kind": found.kind,
                "aliases": list(found.aliases),
                "description": found.description,
                "out": [relation_to_dict(r) for r in ties if r.source == found.id],
                "in": [relation_to_dict(r) for r in ties if r.target == found.id],
            }
        )
    else:
        click.echo(actor_text(found, graph), nl=False)


@cli.command()
@graph_option
@as_of_option
@click.option(
    "--sort",
    "sort_by",
    type=click.Choice(["file", "id", "name", "kind", "degree"]),
    default="file",
    show_default=True,
    help="Order of the rows.",
)
@format_option("text", "json", "csv")
def actors(graph_file: str | None, as_of: str | None, sort_by: str, output_format: str) -> None:
    """List the actors with their kind and how many ties they have."""
    from .formatting import csv_text, table

    graph = _load(graph_file, as_of)
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
        click.echo(csv_text(rows, ["id", "name", "kind", "in", "out", "degree"]), nl=False)
    else:
        click.echo(table(rows, ["id", "name", "kind", "in", "out"]))


@cli.command()
@graph_option
@as_of_option
@click.option(
    "--metric",
    type=click.Choice(METRICS),
    default="rank",
    show_default=True,
    help="Rank key actors by this measure.",
)
@click.option(
    "--top",
    type=click.IntRange(1, None),
    default=10,
    show_default=True,
    help="How many actors to list per table.",
)
@click.option(
    "--actor",
    "focus",
    multiple=True,
    metavar="A",
    help="Show the dependencies of this actor (repeatable; default: the top three).",
)
@click.option(
    "--reach-hops",
    type=click.IntRange(1, None),
    default=2,
    show_default=True,
    help="Hops that count towards reach.",
)
@backend_option
@format_option("table", "json", "csv", "markdown")
def analyze(
    graph_file: str | None,
    as_of: str | None,
    metric: str,
    top: int,
    focus: tuple[str, ...],
    reach_hops: int,
    backend: str | None,
    output_format: str,
) -> None:
    """Key actors, brokers, dependencies and single points of failure, tensions, blocs.

    Every measure follows influence; README's "Asking questions" defines each.
    csv prints the key-actor table only.
    """
    from .analysis import analyze as run_analysis
    from .backends import run as run_on
    from .formatting import METRIC_COLUMNS, analysis_text, csv_text, metric_rows

    graph = _load(graph_file, as_of)
    for name in focus:
        _actor_id(graph, name, "--actor")
    with working("Analysing"):
        result, notes = run_on(
            backend,
            run_analysis,
            graph,
            metric=metric,
            top=top,
            actors=focus,
            reach_hops=reach_hops,
        )
    result = dataclasses.replace(result, notes=(*result.notes, *_told(notes)))
    if output_format == "json":
        _echo_json({"graph": graph.title, "as_of": as_of, **result.to_dict()})
    elif output_format == "csv":
        click.echo(csv_text(metric_rows(result), METRIC_COLUMNS), nl=False)
    else:
        click.echo(analysis_text(result, graph, output_format), nl=False)


@cli.command()
@click.option("--remove", multiple=True, metavar="A", help="Take out an actor (repeatable).")
@click.option(
    "--cut",
    multiple=True,
    metavar="A:TYPE:B",
    help="Take out one tie, e.g. lukashenko:courts:china (repeatable).",
)
@graph_option
@as_of_option
@click.option(
    "--metric",
    type=click.Choice(METRICS[:4]),
    default="rank",
    show_default=True,
    help="Measure whose changes to list.",
)
@click.option(
    "--top",
    type=click.IntRange(1, None),
    default=10,
    show_default=True,
    help="How many changes to list per table.",
)
@backend_option
@format_option("table", "json", "markdown")
def whatif(
    remove: tuple[str, ...],
    cut: tuple[str, ...],
    graph_file: str | None,
    as_of: str | None,
    metric: str,
    top: int,
    backend: str | None,
    output_format: str,
) -> None:
    """What changes if actors or ties disappear: metrics, broken paths, actors cut off."""
    from .analysis import find_relation
    from .analysis import whatif as run_whatif
    from .backends import run as run_on
    from .formatting import whatif_text

    if not remove and not cut:
        raise click.UsageError("name something to take out with --remove or --cut")
    graph = _load(graph_file, as_of)
    for name in remove:
        _actor_id(graph, name, "--remove")
    for spec in cut:
        try:
            find_relation(graph, spec)
        except (ValueError, ActorNotFound, AmbiguousActor) as error:
            raise click.BadParameter(str(error), param_hint="'--cut'") from None
    with working("Comparing"):
        change, notes = run_on(backend, run_whatif, graph, remove=remove, cut=cut)
    change = dataclasses.replace(change, notes=(*change.notes, *_told(notes)))
    if output_format == "json":
        _echo_json({"graph": graph.title, "as_of": as_of, **change.to_dict()})
    else:
        click.echo(whatif_text(change, graph, output_format, metric, top), nl=False)
