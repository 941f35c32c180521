"""What the page draws, as compact JSON-ready data: actors and ties in columns.

The page builds its vis-network nodes and edges from this in the browser:
styles come from small per-kind and per-type tables rather than being repeated
on each of 50,000 ties, which keeps a 10,000-actor page under half the size of
one object per tie (37 MB before, see ``bench/render``).

Positions come from :func:`~actorgraph.outputs.render.layout.layout`, seeded,
so the page, the picture and the report place every actor alike (physics
starts off; the reader may switch it on). Above :data:`BLOC_MAP` actors the
page opens on a map of blocs (the seeded Louvain communities of
:func:`actorgraph.questions.analysis.blocs`), each bloc's actors laid out
around the bloc's place on the map so that opening one keeps the picture; a bloc
bigger than :data:`PART_SIZE` opens as parts (:func:`bloc_parts`). The blocs, the
influence rank and the bloc layout are kept in the store for a graph read through
it (:mod:`actorgraph.io.derived`): they are most of a large page's render.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
from typing import Any

from actorgraph.model import Graph, parse_partial_date
from actorgraph.outputs.formatting import size_text
from actorgraph.outputs.render import layout as layouts
from actorgraph.outputs.render.layout import LAYOUT_SEED, bloc_layout, layout
from actorgraph.outputs.render.spacing import CURVE, LABEL_PX, actor_size
from actorgraph.vocabulary import CONFIDENCE_LEVELS, LARGE_GRAPH, POLARITY_STYLE, PROPOSED_STYLE

__all__ = ["BLOC_MAP", "LARGE_GRAPH", "POLARITY_STYLE", "importance", "layout", "page_data"]

# Above this many actors the page opens on the bloc map. Measured with bench/render on the
# (shared, loaded) 2-core machine: 2,000 actors drawn whole took 2.2 s for the longest task
# during hover/click/pan/search/paths (a focus repaints 2,000 actors and 10,000 ties), so the
# map starts well below that; see README "Benchmarks".
BLOC_MAP = 1000
# A bloc bigger than this opens as parts of at most this many actors (see ``bloc_parts``):
# vis-network takes about a second to add a thousand actors and their ties in one go,
# and every later change to the drawing costs in proportion to what is drawn.
PART_SIZE = 150
EVIDENCE_EXTRAS = ("url", "quote", "page", "row", "element")


def _code(*modules: str) -> list[str]:
    """The files of some modules, found without running them (networkx loads only when needed)."""
    return [str(importlib.util.find_spec(m).origin) for m in modules]  # type: ignore[union-attr]


def importance(graph: Graph) -> dict[str, float]:
    """:func:`~actorgraph.outputs.render.layout.importance` (influence rank, 1 for the actor
    who moves most), kept in the store for a graph read through it
    (:mod:`actorgraph.io.derived`)."""
    from actorgraph.io.derived import remembered

    code = _code(
        "actorgraph.network", "actorgraph.questions.analysis", "actorgraph.outputs.render.layout"
    )
    return remembered(graph, "influence-rank", code, lambda: layouts.importance(graph))


def placed_in_blocs(graph: Graph, groups: list[tuple[str, ...]]) -> dict[str, tuple[float, float]]:
    """:func:`~actorgraph.outputs.render.layout.bloc_layout`, kept in the store for a graph
    read through it (it follows from the graph and its blocs)."""
    from actorgraph.io.derived import remembered

    def compute() -> dict[str, list[float]]:
        return {a: list(xy) for a, xy in bloc_layout(graph, groups).items()}

    code = _code("actorgraph.outputs.render.layout", "actorgraph.questions.analysis")
    kept = remembered(graph, "bloc-layout", code, compute)
    return {a: (xy[0], xy[1]) for a, xy in kept.items()}


def bloc_parts(
    groups: list[tuple[str, ...]],
    finest: list[tuple[str, ...]],
    positions: dict[str, tuple[float, float]],
    size: int = PART_SIZE,
) -> list[tuple[int, tuple[str, ...]]]:
    """(group number, members) for the parts of every group bigger than ``size``.

    A part is made of the finest groups of the same Louvain run (the first level of
    :func:`~actorgraph.questions.analysis.bloc_levels`, a few actors each), gathered
    by place: the group's pieces are halved along the wider side of where they stand
    until each half holds at most ``size`` actors. So a part is a region of its bloc's
    disc, and no tight little group is cut in two (unless it alone is bigger than ``size``).
    """
    piece_of = {a: n for n, g in enumerate(finest) for a in g}
    parts = []
    for number, members in enumerate(groups):
        if len(members) <= size:
            continue
        pieces: dict[object, list[str]] = {}
        for actor in members:
            pieces.setdefault(piece_of.get(actor, actor), []).append(actor)
        for part in _halve(list(pieces.values()), positions, size):
            parts.append((number, tuple(sorted(part))))
    return parts


def _halve(
    pieces: list[list[str]], positions: dict[str, tuple[float, float]], size: int
) -> list[list[str]]:
    total = sum(map(len, pieces))
    if total <= size:
        return [[a for piece in pieces for a in piece]]
    if len(pieces) == 1:  # one piece too big on its own: its actors, one by one
        pieces = [[a] for a in pieces[0]]
    centres = [
        tuple(sum(positions[a][axis] for a in piece) / len(piece) for axis in (0, 1))
        for piece in pieces
    ]
    spans = [max(c[axis] for c in centres) - min(c[axis] for c in centres) for axis in (0, 1)]
    axis = 0 if spans[0] >= spans[1] else 1
    order = sorted(range(len(pieces)), key=lambda i: (centres[i][axis], pieces[i][0]))
    count = cut = 0
    while cut < len(order) - 1 and count + len(pieces[order[cut]]) <= total / 2:
        count += len(pieces[order[cut]])
        cut += 1
    cut = max(cut, 1)
    return _halve([pieces[i] for i in order[:cut]], positions, size) + _halve(
        [pieces[i] for i in order[cut:]], positions, size
    )


def _day(value: str | None, last: bool) -> int | None:
    """A partial date's first (or last) day as a proleptic ordinal, for the time slider."""
    bounds = parse_partial_date(value) if value else None
    return None if bounds is None else bounds[1 if last else 0].toordinal()


def _evidence(
    item: Any, source_index: dict[str, int], titles: dict[str, str], cites: dict[str, int]
) -> list[Any]:
    """[source, citation, claim, extras?]: the citation as the CLI writes it (Evidence.cite:
    a dataset's row under the dataset's title), numbered in a table of the distinct ones."""
    extras = {k: getattr(item, k) for k in EVIDENCE_EXTRAS if getattr(item, k, None) is not None}
    claim = item.claim or getattr(item, "statement", "")  # a proposal may have only a quote
    cite = cites.setdefault(item.cite(titles.get(item.source)), len(cites))
    row = [source_index.get(item.source, -1), cite, claim]
    return [*row, extras] if extras else row


def _ties(graph: Graph, index: dict[str, int], large: bool) -> dict[str, Any]:
    types = {t: i for i, t in enumerate(graph.vocabulary.relation_types)}
    sources = {s.id: i for i, s in enumerate(graph.sources)}
    titles = {s.id: s.title for s in graph.sources}
    cites: dict[str, int] = {}
    relations = graph.relations
    parallel: dict[frozenset[str], int] = {}
    nth = []
    for relation in relations:
        pair = frozenset((relation.source, relation.target))
        nth.append(parallel.setdefault(pair, -1) + 1)
        parallel[pair] += 1
    ties: dict[str, Any] = {
        "from": [index[r.source] for r in relations],
        "to": [index[r.target] for r in relations],
        "type": [types[r.type] for r in relations],
        "strength": [r.strength for r in relations],
        "confidence": [CONFIDENCE_LEVELS.index(r.confidence) for r in relations],
        "nth": nth,
        "evidence": [[_evidence(e, sources, titles, cites) for e in r.evidence] for r in relations],
    }
    ties["citations"] = list(cites)
    if any(not r.reviewed for r in relations):
        # proposals (from `actorgraph draft`) are drawn grey-dashed and carry no influence
        ties["status"] = [r.status or "" for r in relations]
        ties["proposed"] = [0 if r.reviewed else 1 for r in relations]
    if any(r.note for r in relations):
        ties["note"] = [r.note for r in relations]
    if any(r.id for r in relations):
        ties["id"] = [r.id for r in relations]
    if any(r.since or r.until for r in relations):
        ties["since"] = [r.since for r in relations]
        ties["until"] = [r.until for r in relations]
        ties["first"] = [_day(r.since, last=False) for r in relations]
        ties["last"] = [_day(r.until, last=True) for r in relations]
    return ties


def _time(ties: dict[str, Any], as_of: str | None) -> dict[str, Any] | None:
    """The slider's range and step, or None when no tie is dated."""
    if "first" not in ties:
        return None
    days = [d for d in ties["first"] + ties["last"] if d is not None]
    start = _day(as_of, last=False) if as_of else None
    if start is not None:
        days.append(start)
    low, high = min(days), max(days)
    span = high - low
    step = "year" if span > 10 * 366 else "month" if span > 2 * 366 else "day"
    return {
        "min": low,
        "max": high,
        "step": step,
        "start": as_of,
        # the as-of's first and last day, as Relation.active_on reads it: the page keeps them
        "startDays": [start, _day(as_of, last=True)] if start is not None else None,
        "epoch": dt.date(1970, 1, 1).toordinal(),
    }


def _metrics(graph: Graph, large: bool, scores: dict[str, float]) -> dict[str, Any]:
    """Columns for the page's table: the analysis metrics, or rank and degrees when large."""
    if not large:
        from actorgraph.questions.analysis import actor_metrics

        metrics, _notes = actor_metrics(graph)
        columns = ("rank", "betweenness", "reach", "reached_by", "moves", "moved_by")
        return {c: [getattr(m, c) for m in metrics] for c in columns}
    return {
        "rank": [round(scores.get(a.id, 0.0), 4) for a in graph.actors],
        "ties_out": [graph.degree(a.id)[1] for a in graph.actors],
        "ties_in": [graph.degree(a.id)[0] for a in graph.actors],
    }


def bloc_level(levels: list[list[tuple[str, ...]]]) -> list[tuple[str, ...]]:
    """The finest level of a Louvain run (none when nothing cooperates)."""
    return levels[0] if levels else []


def _with_loose(graph: Graph, groups: list[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """The blocs, and the actors in none as one more group at the end (when there are any)."""
    seen = {a for g in groups for a in g}
    loose = tuple(a.id for a in graph.actors if a.id not in seen)
    return [*groups, loose] if loose else list(groups)


def _leaders(
    names: dict[str, str], members: tuple[str, ...], scores: dict[str, float]
) -> list[str]:
    return [names[a] for a in sorted(members, key=lambda a: (-scores.get(a, 0.0), a))[:2]]


def _blocs(
    graph: Graph,
    groups: list[tuple[str, ...]],
    everyone: list[tuple[str, ...]],
    index: dict[str, int],
    scores: dict[str, float],
) -> list[dict[str, Any]]:
    names = {a.id: a.name for a in graph.actors}
    return [
        {
            "members": sorted(index[a] for a in members),
            "leaders": _leaders(names, members, scores),
            "loose": number == len(groups),
        }
        for number, members in enumerate(everyone)
    ]


def page_data(graph: Graph, as_of: str | None = None) -> dict[str, Any]:
    """Everything the page script needs, as plain JSON-ready data."""
    from actorgraph.questions.analysis import bloc_levels, blocs

    vocabulary = graph.vocabulary
    large = len(graph.actors) > LARGE_GRAPH
    bloc_map = len(graph.actors) > BLOC_MAP
    scores = importance(graph)
    index = {a.id: i for i, a in enumerate(graph.actors)}
    kinds = {k: i for i, k in enumerate(vocabulary.actor_kinds)}
    groups = blocs(graph)
    everyone = _with_loose(graph, groups)
    bloc_of = {a: n for n, members in enumerate(groups) for a in members}
    actors = graph.actors
    positions = placed_in_blocs(graph, groups) if bloc_map else layout(graph)
    finest = bloc_level(bloc_levels(graph)) if bloc_map else []
    parts = bloc_parts(everyone, finest, positions, PART_SIZE) if bloc_map else []
    part_of = {a: n for n, (_, members) in enumerate(parts) for a in members}
    names = {a.id: a.name for a in actors}
    data: dict[str, Any] = {
        "actors": {
            "id": [a.id for a in actors],
            "name": [a.name for a in actors],
            "kind": [kinds[a.kind] for a in actors],
            "aliases": [list(a.aliases) for a in actors],
            "about": [a.description for a in actors],
            "size": [actor_size(scores.get(a.id, 0.0)) for a in actors],
            "bloc": [bloc_of.get(a.id, -1) for a in actors],
        },
        "ties": _ties(graph, index, large),
        "kinds": [
            {"id": k.id, "label": k.label, "color": k.color, "shape": k.shape}
            for k in vocabulary.actor_kinds.values()
        ],
        "types": [
            {
                "id": t.id,
                "label": t.label,
                "polarity": t.polarity,
                "influence": t.influence,
                "symmetric": t.symmetric,  # no direction: drawn without an arrowhead
            }
            for t in vocabulary.relation_types.values()
        ],
        "confidence": list(CONFIDENCE_LEVELS),
        "polarities": [{"id": p, **s} for p, s in POLARITY_STYLE.items()]
        + ([{"id": "proposed", **PROPOSED_STYLE}] if graph.reviewed() is not graph else []),
        "sources": [
            {
                "id": s.id,
                "title": s.title,
                "authors": list(s.authors),
                "publisher": s.publisher or "",
                "published": s.published or "",
                "url": s.url or "",
            }
            for s in graph.sources
        ],
        "metrics": _metrics(graph, large, scores),
        "blocs": _blocs(graph, groups, everyone, index, scores),
        "parts": [
            {
                "bloc": number,
                "members": sorted(index[a] for a in members),
                "leaders": _leaders(names, members, scores),
            }
            for number, members in parts
        ],
        "large": large,
        "blocMap": bloc_map,
        "curve": CURVE,
    }
    if parts:
        data["actors"]["part"] = [part_of.get(a.id, -1) for a in actors]
    data["time"] = _time(data["ties"], as_of)
    data["actors"]["x"] = [positions[a.id][0] for a in actors]
    data["actors"]["y"] = [positions[a.id][1] for a in actors]
    return data


def legend_counts(graph: Graph) -> dict[str, Any]:
    """Actor kinds and relation types in use, in vocabulary order, with counts."""
    kind_counts: dict[str, int] = {}
    for actor in graph.actors:
        kind_counts[actor.kind] = kind_counts.get(actor.kind, 0) + 1
    type_counts: dict[str, int] = {}
    for relation in graph.relations:
        type_counts[relation.type] = type_counts.get(relation.type, 0) + 1
    return {"kinds": kind_counts, "types": type_counts}


def meta(graph: Graph, as_of: str | None = None) -> dict[str, Any]:
    """The page header: title, description, counts, date and sources."""
    return {
        "title": graph.title,
        "description": graph.description,
        "as_of": as_of or graph.as_of_date or "",
        "counts": size_text(graph),
        "sources": [
            {
                "id": s.id,
                "title": s.title,
                "authors": ", ".join(s.authors),
                "publisher": s.publisher or "",
                "published": s.published or "",
            }
            for s in graph.sources
        ],
    }


def vis_options(graph: Graph) -> dict[str, Any]:
    """vis-network options: the shared positions, physics off until the reader asks.

    No string here may hold a space: pyvis's ``set_options`` strips them.
    """
    large = len(graph.actors) > LARGE_GRAPH
    physics: dict[str, Any] = {
        "enabled": False,
        "solver": "forceAtlas2Based",
        "forceAtlas2Based": {
            "gravitationalConstant": -90,
            "springLength": 130,
            "springConstant": 0.05,
            "avoidOverlap": 0.6,
        },
        "stabilization": {"enabled": False, "iterations": 400, "fit": True},
    }
    return {
        "autoResize": True,
        "nodes": {
            "font": {"size": LABEL_PX, "face": "sans-serif", "strokeWidth": 3},
            "borderWidth": 1.5,
        },
        "edges": {
            "font": {"size": 11, "face": "sans-serif", "strokeWidth": 3, "align": "middle"},
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.6}},
            "selectionWidth": 2,
            "hoverWidth": 1.5,
        },
        "interaction": {
            "hover": True,
            "tooltipDelay": 120,
            "keyboard": False,
            "multiselect": False,
            "hideEdgesOnDrag": large,
            "hideEdgesOnZoom": large,
        },
        "physics": physics,
        "layout": {"randomSeed": LAYOUT_SEED, "improvedLayout": not large},
    }
