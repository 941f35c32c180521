"""Commands that turn an article into proposals and proposals into a graph: draft, review.

They follow the rules of :mod:`actorgraph.cli.options`: parse, call the library,
print; exit 2 on bad input.
"""

from __future__ import annotations

from pathlib import Path

import click

from actorgraph.cli.options import BadInput, echo_json, format_option, load_graph, maps_errors
from actorgraph.outputs.formatting import plural


def _read_article(path: str) -> str:
    try:
        return Path(path).read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise BadInput(f"{path}: not UTF-8 text (byte {error.start}); save it as UTF-8") from None
    except OSError as error:
        raise BadInput(f"{path}: cannot read: {error.strerror}") from None


@click.command()
@click.argument("article", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "-o", "--output", metavar="FILE.yaml", help="Draft file to write (e.g. graph/drafts/NAME.yaml)."
)
@click.option(
    "-g",
    "--graph",
    "graph_file",
    metavar="FILE",
    help="Reuse this graph's actors, aliases and relation types.",
)
@click.option(
    "--source-id", metavar="ID", help="Id of the article as a source [default: its file name]."
)
@click.option("--title", metavar="T", help="The article's title.")
@click.option("--url", metavar="U", help="Where the article is published.")
@click.option("--published", metavar="DATE", help="Publication date: YYYY, YYYY-MM or YYYY-MM-DD.")
@click.option(
    "--force",
    is_flag=True,
    help="Replace an existing file that is not a fresh draft (another file, or a draft "
    "whose review has begun).",
)
@format_option("text", "json")
@maps_errors
def draft(
    article: str,
    output: str | None,
    graph_file: str | None,
    source_id: str | None,
    title: str | None,
    url: str | None,
    published: str | None,
    force: bool,
    output_format: str,
) -> None:
    """Propose actors and ties from an article's text, each with its paragraph.

    Paragraphs are separated by blank lines, or one per line when the file has
    none. Every tie is written with status: proposed and confidence: low, quoting
    its sentence; review them with `actorgraph review`. Offline and rule-based.
    """
    from actorgraph.outputs.draft import draft_article, proposals_data, write_draft
    from actorgraph.outputs.draft.mentions import slug

    if output is None and output_format == "text":
        raise click.UsageError("name the draft file with -o (or print it with --format json)")
    if output and graph_file and Path(output).resolve() == Path(graph_file).resolve():
        raise click.BadParameter(
            "names the graph the draft reads (-g); write the draft to another file",
            param_hint="'-o'",
        )
    graph = load_graph(graph_file) if graph_file else None
    text = _read_article(article)
    made = draft_article(
        text,
        graph,
        source_id or slug(Path(article).stem),
        title=title,
        url=url,
        published=published,
    )
    written = write_draft(made, output, force=force) if output else None
    if output_format == "json":
        echo_json(proposals_data(made))
        return
    relations, new = made.graph.relations, made.new_actors
    click.echo(
        f"wrote {written}: {plural(len(relations), 'proposed tie')} among "
        f"{plural(len(made.graph.actors), 'actor')} ({len(new)} new), "
        f"from {plural(made.paragraphs, 'paragraph')}"
    )
    width = max((len(f"{r.source} {r.type} {r.target}") for r in relations), default=0)
    for r in relations:
        where = ",".join(str(e.paragraph) for e in r.evidence)
        tie = f"{r.source} {r.type} {r.target}"
        click.echo(f"  ¶{where:<8} {tie:<{width}}  ({', '.join(made.triggers[r.key])})")
    if new:
        click.echo("new actors: " + ", ".join(f"{a.id} ({a.kind})" for a in new))
    click.echo(f"next: actorgraph review {written} --into GRAPH")


_CHOICES = {
    "a": "accept",
    "t": "type",
    "d": "direction",
    "s": "strength",
    "k": "skip",
    "r": "reject",
    "q": "quit",
}


@click.command()
@click.argument("draft_file", metavar="DRAFT", type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--into",
    "into",
    required=True,
    type=click.Path(exists=True, dir_okay=False),
    help="The graph file accepted ties are added to (its comments and layout are kept).",
)
@click.option(
    "--article",
    type=click.Path(exists=True, dir_okay=False),
    help="The article, to show whole paragraphs.",
)
@format_option("text", "json")
@maps_errors
def review(draft_file: str, into: str, article: str | None, output_format: str) -> None:
    """Accept, change, skip or reject a draft's proposals one by one.

    Keys: a accept, t change type, d swap direction, s set strength, k skip,
    r reject, q quit. Each decision is saved at once; run again to resume.
    With --format json the conversation goes to stderr and the summary to stdout.
    """
    err = output_format == "json"
    from actorgraph.io.load import read_graph
    from actorgraph.outputs.draft.review import Decision, Proposal, marked_text
    from actorgraph.outputs.draft.review import review as run_review

    drafted = read_graph(draft_file, cache=False)
    types = drafted.vocabulary.relation_types
    text = _read_article(article) if article else None

    def decide(proposal: Proposal) -> Decision:
        """One decision; the end of the input (Ctrl-D, a script run dry) is "quit"."""
        try:
            return ask(proposal)
        except click.Abort:
            click.echo("", err=err)
            return Decision("quit")

    def ask(proposal: Proposal) -> Decision:
        click.echo("", err=err)
        while True:
            click.echo(
                f"[{proposal.number}/{proposal.total}] {proposal.key} "
                f"(strength {proposal.strength:g}; {proposal.note})",
                err=err,
            )
            for line in marked_text(drafted, proposal, text):
                click.echo(f"  {line}", err=err)
            key = click.prompt(
                "a accept, t type, d direction, s strength, k skip, r reject, q quit",
                type=click.Choice(list(_CHOICES)),
                show_choices=False,
                err=err,
            )
            action = _CHOICES[key]
            if action == "type":
                proposal.type = click.prompt(
                    "type", type=click.Choice(list(types)), show_choices=False
                )
            elif action == "direction":
                proposal.source, proposal.target = proposal.target, proposal.source
            elif action == "strength":
                proposal.strength = click.prompt(
                    "strength (0..1)", type=click.FloatRange(0, 1), err=err
                )
            elif action == "accept":
                claim = click.prompt("claim, in your words", err=err)
                return Decision("accept", proposal, claim.strip())
            else:
                return Decision(action)

    result = run_review(draft_file, into, decide)
    if output_format == "json":
        echo_json({"graph": into, **vars(result)})
        return
    click.echo("")
    parts = [
        f"{plural(len(result.accepted), 'tie')} added",
        f"{len(result.merged)} merged as evidence",
        f"{len(result.rejected)} rejected",
        f"{len(result.skipped)} skipped",
    ]
    click.echo(f"{into}: " + ", ".join(parts))
    if result.new_actors:
        click.echo("new actors: " + ", ".join(result.new_actors))
    if result.quit:
        click.echo(f"stopped with {result.left} left; run the same command to resume")
