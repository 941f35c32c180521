"""Commands that ask questions of one graph: path, show, actors, analyze, whatif.

They follow the rules of :mod:`actorgraph.cli.options`: parse, call the library,
print; exit 1 for no answer, 2 for bad input.
"""

from __future__ import annotations

import dataclasses

import click

from actorgraph.cli.options import (
    actor_id,
    as_of_option,
    backend_option,
    choice_option,
    count_option,
    echo_json,
    format_option,
    graph_option,
    load_graph,
    maps_errors,
    names,
    tell,
)
from actorgraph.cli.progress import working
from actorgraph.exceptions import ActorNotFound, AmbiguousActor, QueryError
from actorgraph.outputs.formatting import ACTOR_SORTS
from actorgraph.vocabulary import (
    CONFIDENCE_LEVELS,
    FOLLOW_MODES,
    METRICS,
    PATH_WEIGHTS,
    WHATIF_METRICS,
)


@click.command()
@click.argument("source", metavar="A")
@click.argument("target", metavar="B")
@count_option(
    "-k",
    "--k",
    "k",
    default=1,
    help="How many paths to list, best first.",
    most=100,
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
@choice_option(
    "--weight",
    choices=PATH_WEIGHTS,
    help="Rank by fewest hops, or by strongest chain (each hop costs -log strength).",
)
@choice_option(
    "--follow",
    choices=FOLLOW_MODES,
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
    type=click.Choice(CONFIDENCE_LEVELS),
    help="Use only ties with at least this confidence.",
)
@graph_option
@as_of_option
@format_option("text", "json")
@maps_errors
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
    from actorgraph.outputs.formatting import paths_text
    from actorgraph.questions.paths import find_paths

    graph = load_graph(graph_file, as_of)
    start, end = actor_id(graph, source, "A"), actor_id(graph, target, "B")
    if start == end:
        raise click.BadParameter("A and B are the same actor", param_hint="'B'")
    paths = find_paths(
        graph,
        start,
        end,
        k=k,
        follow=follow,
        max_hops=max_hops,
        weight=weight,
        all_paths=all_paths,
        types=names(types),
        exclude_types=names(exclude_types) or (),
        kinds=names(kinds),
        min_confidence=min_confidence,
    )
    if output_format == "json":
        echo_json(
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


@click.command()
@click.argument("actor", metavar="A")
@graph_option
@as_of_option
@format_option("text", "json")
@maps_errors
def show(actor: str, graph_file: str | None, as_of: str | None, output_format: str) -> None:
    """One actor: who it is, and its ties out and in, with evidence."""
    from actorgraph.outputs.formatting import actor_card, actor_text

    graph = load_graph(graph_file, as_of)
    found = graph.actors_by_id[actor_id(graph, actor, "A")]
    if output_format == "json":
        echo_json(actor_card(found, graph))
    else:
        click.echo(actor_text(found, graph), nl=False)


@click.command()
@graph_option
@as_of_option
@choice_option(
    "--sort",
    "sort_by",
    choices=ACTOR_SORTS,
    help="Order of the rows.",
)
@format_option("text", "json", "csv", "markdown")
@maps_errors
def actors(graph_file: str | None, as_of: str | None, sort_by: str, output_format: str) -> None:
    """List the actors with their kind and how many ties they have."""
    from actorgraph.outputs.formatting import ACTOR_COLUMNS, actor_rows, rows_text

    rows = actor_rows(load_graph(graph_file, as_of), sort_by)
    if output_format == "json":
        echo_json(rows)
    else:
        columns = ACTOR_COLUMNS if output_format == "csv" else ACTOR_COLUMNS[:-1]
        click.echo(rows_text(rows, columns, output_format), nl=False)


def _definitions() -> str:
    """The measures and ideas, defined as in reports and README (vocabulary.TERMS)."""
    from actorgraph.vocabulary import CONCEPTS, MEASURES

    return "\n\n".join(f"{t.label}: {t.definition}" for t in (*MEASURES, *CONCEPTS))


@click.command(epilog=_definitions())
@graph_option
@as_of_option
@choice_option(
    "--metric",
    choices=METRICS,
    help="Rank key actors by this measure.",
)
@count_option(
    "--top",
    default=10,
    help="How many actors to list per table.",
)
@click.option(
    "--actor",
    "focus",
    multiple=True,
    metavar="A",
    help="Show the dependencies of this actor (repeatable; default: the top three).",
)
@count_option(
    "--reach-hops",
    default=2,
    help="Hops that count towards reach.",
)
@backend_option
@format_option("text", "json", "csv", "markdown")
@maps_errors
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

    Every measure follows influence; each is defined below. csv prints the
    key-actor table only.
    """
    from actorgraph.outputs.formatting import METRIC_COLUMNS, analysis_text, csv_text, metric_rows
    from actorgraph.questions.analysis import analyze as run_analysis
    from actorgraph.questions.backends import run as run_on

    graph = load_graph(graph_file, as_of)
    for name in focus:
        actor_id(graph, name, "--actor")
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
    result = dataclasses.replace(result, notes=(*result.notes, *tell(notes)))
    if output_format == "json":
        echo_json({"graph": graph.title, "as_of": as_of, **result.to_dict()})
    elif output_format == "csv":
        click.echo(csv_text(metric_rows(result), METRIC_COLUMNS), nl=False)
    else:
        click.echo(analysis_text(result, graph, output_format), nl=False)


@click.command()
@click.option("--remove", multiple=True, metavar="A", help="Take out an actor (repeatable).")
@click.option(
    "--cut",
    multiple=True,
    metavar="A:TYPE:B",
    help="Take out one tie, e.g. lukashenko:courts:china (repeatable).",
)
@graph_option
@as_of_option
@choice_option(
    "--metric",
    choices=WHATIF_METRICS,
    help="Measure whose changes to list.",
)
@count_option(
    "--top",
    default=10,
    help="How many changes to list per table.",
)
@backend_option
@format_option("text", "json", "csv", "markdown")
@maps_errors
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
    from actorgraph.outputs.formatting import WHATIF_COLUMNS, rows_text, whatif_rows, whatif_text
    from actorgraph.questions.analysis import find_relation
    from actorgraph.questions.analysis import whatif as run_whatif
    from actorgraph.questions.backends import run as run_on

    if not remove and not cut:
        raise click.UsageError("name something to take out with --remove or --cut")
    graph = load_graph(graph_file, as_of)
    for name in remove:
        actor_id(graph, name, "--remove")
    for spec in cut:
        try:
            find_relation(graph, spec)
        except (QueryError, ActorNotFound, AmbiguousActor) as error:
            raise click.BadParameter(str(error), param_hint="'--cut'") from None
    with working("Comparing"):
        change, notes = run_on(backend, run_whatif, graph, remove=remove, cut=cut)
    change = dataclasses.replace(change, notes=(*change.notes, *tell(notes)))
    if output_format == "json":
        echo_json({"graph": graph.title, "as_of": as_of, **change.to_dict()})
    elif output_format == "csv":
        click.echo(
            rows_text(whatif_rows(change, graph, metric, top), WHATIF_COLUMNS, "csv"), nl=False
        )
    else:
        click.echo(whatif_text(change, graph, output_format, metric, top), nl=False)
