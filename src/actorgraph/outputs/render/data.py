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
around the bloc's place on the map so that opening one keeps the picture.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from actorgraph.model import Graph, parse_partial_date
from actorgraph.outputs.render.layout import LAYOUT_SEED, bloc_layout, importance, layout
from actorgraph.outputs.render.spacing import CURVE, LABEL_PX, actor_size
from actorgraph.vocabulary import CONFIDENCE_LEVELS, LARGE_GRAPH, POLARITY_STYLE, PROPOSED_STYLE

__all__ = ["BLOC_MAP", "LARGE_GRAPH", "POLARITY_STYLE", "importance", "layout", "page_data"]

# Above this many actors the page opens on the bloc map. Measured with bench/render on the
# (shared, loaded) 2-core machine: 2,000 actors drawn whole took 2.2 s for the longest task
# during hover/click/pan/search/paths (a focus repaints 2,000 actors and 10,000 ties), so the
# map starts well below that; see README "Benchmarks".
BLOC_MAP = 1000
EVIDENCE_EXTRAS = ("url", "quote", "page", "row", "element")


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


def _blocs(
    graph: Graph, groups: list[tuple[str, ...]], index: dict[str, int], scores: dict[str, float]
) -> list[dict[str, Any]]:
    names = {a.id: a.name for a in graph.actors}
    seen = {a for g in groups for a in g}
    loose = tuple(a.id for a in graph.actors if a.id not in seen)
    found = []
    for number, members in enumerate([*groups, loose] if loose else groups):
        leaders = sorted(members, key=lambda a: (-scores.get(a, 0.0), a))[:2]
        found.append(
            {
                "members": sorted(index[a] for a in members),
                "leaders": [names[a] for a in leaders],
                "loose": bool(loose) and number == len(groups),
            }
        )
    return found


def page_data(graph: Graph, as_of: str | None = None) -> dict[str, Any]:
    """Everything the page script needs, as plain JSON-ready data."""
    from actorgraph.questions.analysis import blocs

    vocabulary = graph.vocabulary
    large = len(graph.actors) > LARGE_GRAPH
    bloc_map = len(graph.actors) > BLOC_MAP
    scores = importance(graph)
    index = {a.id: i for i, a in enumerate(graph.actors)}
    kinds = {k: i for i, k in enumerate(vocabulary.actor_kinds)}
    groups = blocs(graph)
    bloc_of = {a: n for n, members in enumerate(groups) for a in members}
    actors = graph.actors
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
        "blocs": _blocs(graph, groups, index, scores),
        "large": large,
        "blocMap": bloc_map,
        "curve": CURVE,
    }
    data["time"] = _time(data["ties"], as_of)
    positions = bloc_layout(graph, groups) if bloc_map else layout(graph)
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
        "counts": f"{len(graph.actors)} actors, {len(graph.relations)} relations",
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
