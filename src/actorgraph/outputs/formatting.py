"""Answers as text for people: aligned tables, Markdown, CSV.

The CLI prints these; reports can embed them. Nothing here computes: it only
lays out typed results from :mod:`actorgraph.questions.analysis` and friends.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from actorgraph.exceptions import require_choice
from actorgraph.model import Actor, Graph, Relation
from actorgraph.questions.paths import Path, relation_to_dict
from actorgraph.text import md_escape
from actorgraph.vocabulary import FORMULA_STARTS, METRICS

if TYPE_CHECKING:
    from actorgraph.questions.analysis import Analysis, WhatIf

TABLE_FORMATS = ("text", "markdown")

METRIC_COLUMNS = ["id", "name", "kind", *METRICS]


def fixed(value: float, decimals: int) -> str:
    """A number to ``decimals`` places, except that a value too small to show is
    ``<0.001``, never a ``0.000`` that reads as none.

    >>> fixed(0.5, 2), fixed(0.00028, 3), fixed(-0.00028, 3), fixed(0, 3)
    ('0.50', '<0.001', '>-0.001', '0.000')
    """
    if value and abs(value) < 0.5 * 10**-decimals:
        return f"{'<' if value > 0 else '>-'}{10**-decimals:.{decimals}f}"
    return f"{value:.{decimals}f}"


def _cell(value: Any) -> str:
    if isinstance(value, float):
        shown = fixed(value, 3)
        return shown.rstrip("0").rstrip(".") if "." in shown and shown[0] not in "<>" else shown
    return str(value)


def table(rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> str:
    """An aligned plain-text table; numbers right-aligned.

    >>> print(table([{"id": "a", "n": 1}, {"id": "bb", "n": 22}], ["id", "n"]))
    id   n
    --  --
    a    1
    bb  22
    """
    cells = [[_cell(r[c]) for c in columns] for r in rows]
    widths = [max([len(c), *(len(row[i]) for row in cells)]) for i, c in enumerate(columns)]
    numeric = [bool(rows) and all(isinstance(r[c], (int, float)) for r in rows) for c in columns]

    def line(values: Sequence[str]) -> str:
        return "  ".join(
            v.rjust(w) if num else v.ljust(w)
            for v, w, num in zip(values, widths, numeric, strict=True)
        ).rstrip()

    return "\n".join([line(columns), line(["-" * w for w in widths]), *map(line, cells)])


def markdown_table(rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> str:
    """A GitHub-flavoured Markdown table; every value is escaped (:func:`md_escape`).

    >>> print(markdown_table([{"id": "a|b", "n": 1}], ["id", "n"]))
    | id | n |
    | --- | ---: |
    | a\\|b | 1 |
    """
    numeric = [bool(rows) and all(isinstance(r[c], (int, float)) for r in rows) for c in columns]
    head = "| " + " | ".join(columns) + " |"
    rule = "| " + " | ".join("---:" if n else "---" for n in numeric) + " |"
    body = [
        "| "
        + " | ".join(
            _cell(r[c]) if isinstance(r[c], (int, float)) else md_escape(_cell(r[c]))
            for c in columns
        )
        + " |"
        for r in rows
    ]
    return "\n".join([head, rule, *body])


_PLAIN_NUMBER = re.compile(r"[+-]?[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?\Z")


def _starts_formula(text: str) -> bool:
    rest = text.lstrip("'")
    if not rest.startswith(FORMULA_STARTS):
        return False
    return rest != text or not _PLAIN_NUMBER.match(text)  # -0.5 is a number, not a formula


def neutralise_formula(text: str) -> str:
    """OWASP's rule: a cell a spreadsheet would run as a formula starts with ``'``.

    Also prefixed: text that already starts with quotes before such a character, so
    that :func:`restore_formula` can undo exactly this and nothing else.

    >>> neutralise_formula("=cmd|' /C calc'!A0"), neutralise_formula("-0.5")
    ("'=cmd|' /C calc'!A0", '-0.5')
    """
    return "'" + text if _starts_formula(text) else text


def restore_formula(text: str) -> str:
    """The exact inverse of :func:`neutralise_formula`, for reading a CSV back.

    >>> all(restore_formula(neutralise_formula(t)) == t for t in ("'=1", "=1", "'x", "-1"))
    True
    """
    if text.startswith("'") and text.lstrip("'").startswith(FORMULA_STARTS):
        return text[1:]
    return text


def csv_cell(value: Any) -> str:
    r"""One CSV cell: formulas neutralised; quoted when it holds a comma, a quote, a
    carriage return or a newline (Python's csv module leaves a lone CR bare, and a
    spreadsheet or our own import would then split the row there).

    >>> csv_cell("x\rforged,row"), csv_cell("=1+1"), csv_cell(0.5)
    ('"x\rforged,row"', "'=1+1", '0.5')
    """
    text = neutralise_formula("" if value is None else str(value))
    if any(ch in text for ch in ',"\r\n'):
        return '"' + text.replace('"', '""') + '"'
    return text


def csv_text(rows: Sequence[dict[str, Any]], columns: Sequence[str]) -> str:
    """CSV with a header row; every cell safe to open in a spreadsheet (:func:`csv_cell`)."""
    lines = [",".join(csv_cell(c) for c in columns)]
    lines += [",".join(csv_cell(row.get(c, "")) for c in columns) for row in rows]
    return "\n".join(lines) + "\n"


def _grid(rows: Sequence[dict[str, Any]], columns: Sequence[str], fmt: str) -> str:
    if not rows:
        return "(none)"
    return markdown_table(rows, columns) if fmt == "markdown" else table(rows, columns)


def _heading(text: str, fmt: str) -> str:
    return f"## {text}\n" if fmt == "markdown" else f"{text}\n{'=' * len(text)}\n"


ACTOR_COLUMNS = ["id", "name", "kind", "in", "out", "degree"]
ACTOR_SORTS = ("file", "id", "name", "kind", "degree")
"""Orders of the actors list: as in the file, by a column, or most-tied first."""


def actor_rows(graph: Graph, sort_by: str = "file") -> list[dict[str, Any]]:
    """One row per actor with its kind and how many ties it has in and out.

    >>> from actorgraph.io.load import read_graph
    >>> actor_rows(read_graph("graph/belarus-2022.yaml"), "degree")[0]["id"]
    'belarus'
    """
    require_choice("sort", sort_by, ACTOR_SORTS)
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
    return rows


def rows_text(rows: Sequence[dict[str, Any]], columns: Sequence[str], fmt: str) -> str:
    """Rows as an aligned table, a Markdown table or CSV, ending in a newline."""
    if fmt == "csv":
        return csv_text(rows, columns)
    return _grid(rows, columns, fmt) + "\n"


def actor_card(actor: Actor, graph: Graph) -> dict[str, Any]:
    """One actor with its ties out and in, as JSON-ready data (``show --format json``)."""
    ties = list(graph.relations_of(actor.id))
    return {
        "id": actor.id,
        "name": actor.name,
        "kind": actor.kind,
        "aliases": list(actor.aliases),
        "description": actor.description,
        "out": [relation_to_dict(r) for r in ties if r.source == actor.id],
        "in": [relation_to_dict(r) for r in ties if r.target == actor.id],
    }


def metric_rows(analysis: Analysis) -> list[dict[str, Any]]:
    """One row per ranked actor, with every metric."""
    return [{c: getattr(m, c) for c in METRIC_COLUMNS} for m in analysis.actors]


def analysis_text(analysis: Analysis, graph: Graph, fmt: str = "text") -> str:
    """The whole analysis as sections of tables (``text`` or ``markdown``)."""
    # graph text is escaped once: in lines here, in table cells by markdown_table
    esc = md_escape if fmt == "markdown" else str
    raw = {a.id: a.name for a in graph.actors}
    names = {a.id: esc(a.name) for a in graph.actors}
    sections = [
        _heading(f"Key actors by {analysis.metric}", fmt)
        + _grid(metric_rows(analysis), METRIC_COLUMNS, fmt),
        _heading("Brokers (betweenness)", fmt)
        + _grid(
            [{"id": m.id, "name": m.name, "betweenness": m.betweenness} for m in analysis.brokers],
            ["id", "name", "betweenness"],
            fmt,
        ),
    ]
    for dep in analysis.dependencies:
        rows = [
            {"moved by": raw[a], "via": t.replace("_", " "), "strength": s}
            for a, t, s in dep.direct
        ]
        text = _heading(f"Dependencies of {names[dep.actor]}", fmt)
        text += _grid(rows, ["moved by", "via", "strength"], fmt)
        text += f"\n\nCan be moved, directly or through others, by {len(dep.transitive)} actors.\n"
        if dep.chokepoints:
            text += "Single points of failure (every influence path from these actors "
            text += f"to {names[dep.actor]} passes through them):\n"
            text += "\n".join(
                f"- {names[a]}: gates {', '.join(names[g] for g in gated)}"
                for a, gated in dep.chokepoints
            )
        else:
            text += "No single point of failure: every actor that can move it has another way."
        sections.append(text)
    tension_lines = [f"- {esc(t.explanation)}" for t in analysis.tensions] or ["(none)"]
    sections.append(
        _heading("Tensions (structural balance)", fmt)
        + f"{analysis.balanced_triads} balanced and {len(analysis.tensions)} unbalanced "
        "signed triads.\n" + "\n".join(tension_lines)
    )
    bloc_lines = [
        f"{i}. " + ", ".join(names[a] for a in bloc) for i, bloc in enumerate(analysis.blocs, 1)
    ] or ["(none)"]
    sections.append(
        _heading("Blocs (communities of cooperative ties)", fmt) + "\n".join(bloc_lines)
    )
    if analysis.notes:
        sections.append("Notes: " + "; ".join(map(esc, analysis.notes)) + ".")
    return "\n\n".join(sections) + "\n"


WHATIF_COLUMNS = ["id", "name", "before", "after", "change"]


def whatif_rows(change: WhatIf, graph: Graph, metric: str = "rank", top: int = 10) -> list[dict]:
    """The actors whose ``metric`` changes most, before and after (``whatif --format csv``)."""
    names = {a.id: a.name for a in graph.actors}
    deltas = [row for row in change.deltas(metric) if row[3]][:top]
    return [
        {"id": a, "name": names[a], "before": b, "after": f, "change": round(c, 6)}
        for a, b, f, c in deltas
    ]


def whatif_text(
    change: WhatIf, graph: Graph, fmt: str = "text", metric: str = "rank", top: int = 10
) -> str:
    """Before/after deltas, broken and lengthened paths, actors cut off."""
    esc = md_escape if fmt == "markdown" else str
    names = {a.id: esc(a.name) for a in graph.actors}
    gone = [names[a] for a in change.removed] + [
        f"{names[r.source]} {esc(r.type.replace('_', ' '))} {names[r.target]}" for r in change.cut
    ]
    sections = [
        "What if " + "; ".join(gone) + " disappeared?",
        _heading(f"Largest changes in {metric}", fmt)
        + _grid(whatif_rows(change, graph, metric, top), WHATIF_COLUMNS, fmt),
        _heading("Influence paths", fmt)
        + f"{len(change.broken)} broken, {len(change.lengthened)} lengthened.\n"
        + "\n".join(
            f"- {names[c.source]} → {names[c.target]}: "
            + (
                f"{c.before} hops, now none"
                if c.after is None
                else f"{c.before} hops, now {c.after}"
            )
            for c in [*change.broken, *change.lengthened][:top]
        ),
        _heading("Cut off", fmt)
        + (", ".join(names[a] for a in change.cut_off) or "No actor loses all its influence ties."),
    ]
    return "\n\n".join(s.rstrip("\n") for s in sections) + "\n"


def relation_line(graph: Graph, relation: Relation) -> str:
    """``Source type Target · strength · confidence · dates`` in words."""
    names = graph.actors_by_id
    label = graph.vocabulary.relation_types[relation.type].label
    when = ""
    if relation.since or relation.until:
        when = f" · {relation.since or '…'}–{relation.until or '…'}"
    return (
        f"{names[relation.source].name} {label} {names[relation.target].name}"
        f" · strength {relation.strength:g} · confidence {relation.confidence}{when}"
        + (f" · {relation.status}" if relation.status else "")
    )


def evidence_lines(relation: Relation, indent: str, graph: Graph | None = None) -> list[str]:
    """One line per piece of evidence: citation (a dataset's row by the dataset's title) and
    claim (or the quote, in a proposal)."""
    sources = graph.sources_by_id if graph else {}
    return [
        f"{indent}evidence: "
        f"{item.cite(sources[item.source].title if item.source in sources else None)}: "
        f"{item.statement}"
        for item in relation.evidence
    ]


def plural(count: int, word: str) -> str:
    """``1 path``, ``3 paths``, ``3,211 relations``: every count a reader sees.

    >>> plural(1, "path"), plural(3211, "relation")
    ('1 path', '3,211 relations')
    """
    return f"{count:,} {word}{'s' if count != 1 else ''}"


def size_text(graph: Graph) -> str:
    """``21 actors, 55 relations``: how big a graph is, the same in every message."""
    return f"{plural(len(graph.actors), 'actor')}, {plural(len(graph.relations), 'relation')}"


def paths_text(
    paths: Sequence[Path], graph: Graph, follow: str = "influence", as_of: str | None = None
) -> str:
    """Paths explained hop by hop: who moves whom, through which tie, on what evidence."""
    start, end = paths[0].actors[0], paths[0].actors[-1]
    lines = [
        f"{start.name} → {end.name}: {plural(len(paths), 'path')}, following {follow}"
        + (f", as of {as_of}" if as_of else "")
    ]
    for rank, found in enumerate(paths, 1):
        weakest = found.weakest
        lines += [
            "",
            f"{rank}. " + " → ".join(a.name for a in found.actors),
            f"   {plural(len(found.hops), 'hop')} · strength {found.strength:.2f} · "
            f"weakest link {weakest.mover.name} → {weakest.moved.name} "
            f"({weakest.strength:g})",
        ]
        for step, hop in enumerate(found.hops, 1):
            lines.append(f"   [{step}] {hop.mover.name} → {hop.moved.name}: {hop.influence_note()}")
            lines.append(f"       {relation_line(graph, hop.relation)}")
            lines += evidence_lines(hop.relation, "       ", graph)
            lines += [f"       also: {relation_line(graph, r)}" for r in hop.alternatives]
    return "\n".join(lines) + "\n"


def actor_text(actor: Actor, graph: Graph) -> str:
    """One actor with its ties, each with evidence: those that read the same both ways
    ("allied with") apart, since out and in would only say which column named the actor."""
    types = graph.vocabulary.relation_types
    kind = graph.vocabulary.actor_kinds[actor.kind].label
    lines = [f"{actor.name} ({actor.id}) · {kind}"]
    if actor.description:
        lines.append(actor.description)
    if actor.aliases:
        lines.append("Also known as: " + ", ".join(actor.aliases))
    ties = list(graph.relations_of(actor.id))
    both = [r for r in ties if types[r.type].symmetric]
    directed = [r for r in ties if not types[r.type].symmetric]
    groups = [("Ties", both)] if both else []
    if directed or not both:
        groups += [
            ("Out", [r for r in directed if r.source == actor.id]),
            ("In", [r for r in directed if r.target == actor.id]),
        ]
    for heading, relations in groups:
        lines += ["", f"{heading} ({len(relations)}):"]
        for relation in relations:
            lines.append(f"  {relation_line(graph, relation)}")
            lines += evidence_lines(relation, "      ", graph)
    return "\n".join(lines) + "\n"
