"""Commands over graph files as wholes: validate and render."""

from __future__ import annotations

from collections import Counter

import click

from actorgraph.cli.options import (
    OUTPUT_DIR,
    BadInput,
    actor_id,
    as_of_option,
    at_date,
    cache_option,
    choice_option,
    echo_json,
    format_option,
    graph_arguments,
    graphs_named,
    maps_errors,
    read_one,
    written,
)
from actorgraph.cli.progress import working
from actorgraph.exceptions import GraphFileError, ViewNotFound, problem_lines
from actorgraph.outputs.formatting import plural, size_text
from actorgraph.vocabulary import EMBED_MODES, FRAGMENT_HEIGHT, PICTURE_FORMATS, UNREVIEWED


@click.command()
@graph_arguments
@cache_option
@format_option("text", "json")
@maps_errors
def validate(graphs: tuple[str, ...], output_format: str) -> None:
    """Check graph files and list every problem, with file and line.

    Checks every file in graph/ when none is named. Exits 2 if any problem is found.
    """
    total = bad_files = 0
    results = []
    for file in graphs_named(graphs):
        try:
            graph = read_one(file)
        except GraphFileError as error:
            total += len(error.problems)
            bad_files += 1
            results.append({"file": str(file), "ok": False, "problems": error.problems})
            continue
        statuses = Counter(r.status for r in graph.relations if not r.reviewed)
        results.append(
            {"ok": True, **written(file, graph), **{s: statuses[s] for s in sorted(UNREVIEWED)}}
        )
    if output_format == "json":
        echo_json(
            [
                {**r, "problems": [p.to_dict() for p in r["problems"]]} if not r["ok"] else r
                for r in results
            ]
        )
    else:
        for result in results:
            if result["ok"]:
                unreviewed = " and ".join(
                    f"{result[s]} {s}" for s in sorted(UNREVIEWED) if result[s]
                )
                click.echo(
                    f"{result['file']}: ok ({plural(result['actors'], 'actor')}, "
                    f"{plural(result['relations'], 'relation')}"
                    + (f", of which {unreviewed}: analyses leave them out" if unreviewed else "")
                    + ")"
                )
            else:
                click.echo("\n".join(problem_lines(result["problems"])))
    if total:
        raise BadInput(f"{plural(total, 'problem')} in {plural(bad_files, 'file')}")


@click.command()
@graph_arguments
@click.option(
    "-o",
    "--output",
    "output",
    metavar="PATH",
    help="File (NAME.html, one graph) or folder to write to [default: output/].",
)
@choice_option(
    "--embed",
    choices=EMBED_MODES,
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
    type=click.Choice(["html", *PICTURE_FORMATS]),
    help="Interactive HTML, or a static picture (SVG or PNG) for print and PDF "
    "[default: what -o's extension says, else html].",
)
@click.option(
    "--height",
    type=click.IntRange(200, None),
    default=FRAGMENT_HEIGHT,
    show_default=True,
    help="Height in pixels of a fragment or iframe, whatever the page around it.",
)
@click.option(
    "--view",
    metavar="NAME",
    help="Draw this view declared in the graph file (focus, kinds, types, date, strength, "
    "highlighted paths).",
)
@as_of_option
@cache_option
@format_option("text", "json")
@maps_errors
def render(
    graphs: tuple[str, ...],
    output: str | None,
    embed: str,
    focus: str | None,
    depth: int,
    min_strength: float,
    as_of: str | None,
    to: str | None,
    height: int,
    view: str | None,
    output_format: str,
) -> None:
    """Render graphs as interactive, offline HTML pages.

    Renders every file in graph/ when none is named, to output/NAME.html.
    Each page is one file that opens from disk with no network.
    """
    from actorgraph.outputs.render import (
        iframe_snippet,
        names_a_file,
        render_target,
        rendering_format,
        select,
        write_rendering,
    )
    from actorgraph.outputs.report import view_of

    to = rendering_format(output, to)
    files = graphs_named(graphs)
    if names_a_file(output) and len(files) > 1:
        raise click.UsageError(
            "-o names one file but several graphs were given; give a folder instead"
        )
    failures: list[str] = []
    done = []
    for file in files:
        try:
            undated = read_one(file)
            graph = at_date(undated, as_of)
        except GraphFileError as error:
            failures.append(str(error))
            continue
        if to == "html" and view is None:
            graph = undated  # the page keeps every tie; its time slider opens at --as-of
        elif as_of is not None and to != "html":
            graph = graph.in_play()  # a picture of a date draws the actors with a tie then
        if focus is not None:
            actor_id(graph, focus, "--focus")
        highlight: set[str] = set()
        whole = graph
        if view is not None:
            try:
                graph, highlight = view_of(graph, view)
            except ViewNotFound as error:
                raise click.BadParameter(str(error), param_hint="'--view'") from None
        graph = select(graph, focus, depth, min_strength)
        target = render_target(file, output or OUTPUT_DIR, embed, to)
        with working(f"Rendering {target}"):
            path = write_rendering(
                graph, target, embed, to, height, highlight, whole if view else None, as_of
            )
        summary = written(path, graph)
        if embed == "iframe" and to == "html":
            summary["iframe"] = iframe_snippet(path.name, graph.title, height)
        done.append(summary)
        if output_format == "text":
            click.echo(f"wrote {path} ({size_text(graph)})")
            if "iframe" in summary:
                click.echo(summary["iframe"])
    if output_format == "json":
        echo_json({"written": done, "failed": failures})
    if failures:
        raise BadInput("\n".join(failures))
