"""What every command shares: its options, how it finds and reads graphs, how it fails.

Commands parse options, call one library function and print. Library errors are
typed (:mod:`actorgraph.exceptions`); :func:`maps_errors` turns them into exit
codes in this one place: 1 for a question with no answer, 2 for bad input or
usage. Nothing here computes an answer.
"""

from __future__ import annotations

import functools
import gc
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import click

from actorgraph.cli.progress import working
from actorgraph.exceptions import (
    ActorgraphError,
    ActorNotFound,
    AmbiguousActor,
    NoPath,
    QueryError,
)
from actorgraph.io.load import find_graph_files, read_graph
from actorgraph.memory import collector_paused
from actorgraph.model import Graph
from actorgraph.text import terminal_safe
from actorgraph.vocabulary import OUTPUT_FORMATS

GRAPH_DIR = Path("graph")
OUTPUT_DIR = Path("output")

F = TypeVar("F", bound=Callable[..., Any])


class BadInput(click.ClickException):
    """Bad input or an unusable output path: exit 2, like click's usage errors."""

    exit_code = 2


class NoAnswer(click.ClickException):
    """A well-formed question with no answer (no path): exit 1."""

    exit_code = 1


def maps_errors(command: F) -> F:
    """Turn the library's typed errors into click's: one message, the right exit code."""

    @functools.wraps(command)
    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except NoPath as error:
            raise NoAnswer(str(error)) from None
        except QueryError as error:
            raise click.UsageError(str(error)) from None
        except ActorgraphError as error:
            raise BadInput(str(error)) from None

    return run  # type: ignore[return-value]


def default_graphs() -> list[Path]:
    """Every graph file in graph/, or a usage error saying how to name one."""
    files = find_graph_files(GRAPH_DIR)
    if not files:
        raise click.UsageError(
            f"no graph files in {GRAPH_DIR}/; name one, or pass -g FILE / set ACTORGRAPH_GRAPH"
        )
    return files


def graph_arguments(command: F) -> F:
    """[GRAPH]... and ``-g/--graph FILE`` (repeatable): commands that take several graphs
    take them the way the one-graph commands do too."""

    @functools.wraps(command)
    def run(*args: Any, graph_files: tuple[str, ...] = (), **kwargs: Any) -> Any:
        kwargs["graphs"] = (*kwargs.get("graphs", ()), *graph_files)
        return command(*args, **kwargs)

    run = click.option(
        "-g",
        "--graph",
        "graph_files",
        multiple=True,
        metavar="FILE",
        help="A graph file, the same as naming it as GRAPH (repeatable).",
    )(run)
    return click.argument("graphs", nargs=-1, metavar="[GRAPH]...")(run)  # type: ignore[return-value]


def graphs_named(graphs: Sequence[str]) -> list[Path]:
    """The files a command was given, or every graph in graph/."""
    return [Path(g) for g in graphs] or default_graphs()


def at_date(graph: Graph, as_of: str | None) -> Graph:
    """Only the ties active on ``as_of`` (a bad date is a bad --as-of)."""
    if as_of is None:
        return graph
    try:
        return graph.as_of(as_of)
    except QueryError as error:
        raise click.BadParameter(str(error), param_hint="'--as-of'") from None


def read_one(path: str | Path) -> Graph:
    """Read a graph file, through the compiled store unless --no-cache was given."""
    # A command lives as long as its graph: move the graph's million objects out of
    # the collector's sight before it runs again, or every full collection rescans them
    # (seconds at 100k), and the first one scans them all at once.
    with collector_paused():
        graph = read_graph(path, cache=not click.get_current_context().meta.get("no_cache", False))
        gc.freeze()
    return graph


def load_graph(graph_file: str | None, as_of: str | None = None) -> Graph:
    """The graph a query command works on: -g, $ACTORGRAPH_GRAPH, or the one in graph/.

    With ``as_of``, only the ties active on that date.
    """
    if graph_file is None:
        files = default_graphs()
        if len(files) > 1:
            names = ", ".join(str(f) for f in files)
            raise click.UsageError(
                f"several graphs in {GRAPH_DIR}/ ({names}); pick one with -g/--graph"
            )
        graph_file = str(files[0])
    with working(f"Reading {graph_file}"):
        graph = read_one(graph_file)
    return at_date(graph, as_of)


def actor_id(graph: Graph, name: str, param: str) -> str:
    """The id of the actor ``name`` picks out, or a bad-parameter error for ``param``."""
    try:
        return graph.actor(name).id
    except (ActorNotFound, AmbiguousActor) as error:
        raise click.BadParameter(str(error), param_hint=f"'{param}'") from None


def names(value: str | None) -> list[str] | None:
    """``a, b`` -> ``["a", "b"]``; None stays None."""
    return None if value is None else [v.strip() for v in value.split(",") if v.strip()]


class _Guarded:
    """A terminal stream that shows control characters as escapes (see
    :func:`actorgraph.text.terminal_safe`); everything else passes through."""

    def __init__(self, stream: Any):
        self._stream = stream

    @property
    def unguarded(self) -> Any:
        """The terminal itself, for our own control characters (the progress line's \\r)."""
        return self._stream

    def write(self, text: str) -> int:
        self._stream.write(terminal_safe(text))
        return len(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def guard_terminal() -> None:
    """Defence in depth: graph files cannot hold control characters (the loader
    refuses them), but a file name or a graph built in code can. Only a terminal
    is guarded; pipes and files get exactly what was written."""
    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if not isinstance(stream, _Guarded) and stream.isatty():
            setattr(sys, name, _Guarded(stream))


def echo_json(data: Any) -> None:
    """Print data as indented JSON, text kept as written (not \\u-escaped)."""
    click.echo(json.dumps(data, indent=2, ensure_ascii=False))


def tell(notes: list[str]) -> list[str]:
    """Say each note on stderr; return them for the result."""
    for note in notes:
        click.echo(f"note: {note}", err=True)
    return notes


def written(path: Path, graph: Graph) -> dict[str, Any]:
    """What a command that writes a graph's file reports of it (its JSON summary too)."""
    return {"file": str(path), "actors": len(graph.actors), "relations": len(graph.relations)}


graph_file_option = click.option(
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
    help="Neither read nor write the compiled store of graph files.",
)


def graph_option(command: F) -> F:
    """-g/--graph FILE and --no-cache, for commands that query one graph."""
    return graph_file_option(cache_option(command))


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


def format_option(*choices: str) -> Callable[[F], F]:
    """--format, offering these of :data:`~actorgraph.vocabulary.OUTPUT_FORMATS`."""
    unknown = set(choices) - set(OUTPUT_FORMATS)
    assert not unknown, unknown  # noqa: S101 - a programming error, caught by the help test
    return click.option(
        "--format",
        "output_format",
        type=click.Choice(choices),
        default=choices[0],
        show_default=True,
        help="text for people, json for programs"
        + (", csv or markdown for the tables." if len(choices) > 2 else "."),
    )


def choice_option(*names: str, choices: Sequence[str], help: str, **extra: Any) -> Any:
    """An option taking one of a rule-book list, its first entry the default."""
    return click.option(
        *names,
        type=click.Choice(choices),
        default=choices[0],
        show_default=True,
        help=help,
        **extra,
    )


def count_option(*names: str, default: int, help: str, most: int | None = None) -> Any:
    """An option taking a count of 1 or more (``-k``, ``--top``)."""
    return click.option(
        *names, type=click.IntRange(1, most), default=default, show_default=True, help=help
    )
