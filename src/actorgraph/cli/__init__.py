"""The ``actorgraph`` command: parse options, call the library, print.

Exit codes: 0 success; 1 a well-formed question with no answer (no path);
2 bad usage or bad input. Library errors become one clear message
(:func:`actorgraph.cli.options.maps_errors`). Heavy modules (networkx, pyvis)
are imported inside the commands that need them.
"""

from __future__ import annotations

import click

from actorgraph.cli import drafting, exchange, graphs, questions
from actorgraph.cli.options import guard_terminal


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="actorgraph")
def cli() -> None:
    """Map who controls, funds, depends on, pressures or opposes whom.

    Graphs are YAML files in graph/; every tie is typed and carries evidence.
    """
    guard_terminal()


for command in (
    graphs.validate,
    graphs.render,
    questions.path,
    questions.show,
    questions.actors,
    questions.analyze,
    questions.whatif,
    exchange.report,
    exchange.export,
    exchange.import_,
    exchange.diff,
    exchange.schema,
    drafting.draft,
    drafting.review,
):
    cli.add_command(command)
