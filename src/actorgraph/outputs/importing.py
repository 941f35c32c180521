"""Graphs from other files: the CSV tables, node-link JSON and GraphML.

The CSV tables are the spreadsheet an analyst already keeps: ``actors.csv``
and ``relations.csv`` (one row per piece of evidence; rows naming the same
relation are joined), optionally ``sources.csv`` and ``graph.csv``. Columns
actorgraph does not know are kept as the actor's or relation's attributes.
Every problem is reported with its file and row (the header is row 1).

>>> from actorgraph.io.load import read_graph
>>> from actorgraph.outputs.export import export_text
>>> seed = read_graph("graph/belarus-2022.yaml")
>>> graph_from_node_link(export_text(seed, "json"), "seed.json") == seed
True
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from actorgraph.exceptions import GraphFileError, Problem
from actorgraph.io.checks import check_data
from actorgraph.io.positioned import PositionedData
from actorgraph.memory import collector_paused
from actorgraph.model import RELATION_IDENTITY, Graph
from actorgraph.outputs.export import ACTOR_COLUMNS, RELATION_COLUMNS, SOURCE_COLUMNS


def _number(text: str) -> Any:
    """'0.5' -> 0.5, '3' -> 3, anything else stays text (the checks say if it must not)."""
    for kind in (int, float):
        try:
            return kind(text)
        except ValueError:
            pass
    return text


def _finish(data: dict[str, Any], doc: PositionedData, name: str) -> Graph:
    from actorgraph.io.load import build_graph

    with collector_paused():
        problems = sorted(set(check_data(doc, name)))
        if problems:
            raise GraphFileError(problems)
        return build_graph(data, doc, name)


def _json_list(text: str, default: Any) -> Any:
    if not text:
        return default
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return text  # left as text: the checks report it as the wrong type


# -- CSV ------------------------------------------------------------------------------


def split_list(text: str) -> Any:
    """A CSV cell back into a list: JSON if it is a JSON list, else split on ``;``.

    >>> split_list("Minsk; Belarus"), split_list('["a; b", " c"]')
    (['Minsk', 'Belarus'], ['a; b', ' c'])
    """
    if text.startswith("["):
        try:
            items = json.loads(text)
        except json.JSONDecodeError:
            items = None
        if isinstance(items, list):
            return items
    return [item.strip() for item in text.split(";") if item.strip()]


def _keep_unknown_columns(row: dict[str, str], known: list[str], item: dict[str, Any]) -> None:
    """Columns actorgraph does not know become the item's attributes."""
    extra = {k: _number(v) for k, v in row.items() if k not in known and k is not None and v}
    if extra:
        item["attributes"] = extra


def csv_files(path: str | os.PathLike[str]) -> dict[str, Path]:
    """The CSV tables that belong together: ``NAME.actors.csv``, ``NAME.relations.csv``, ...
    (or ``actors.csv``, ``relations.csv``, ... in one folder), found from any one of them."""
    given = Path(path)
    folder = given if given.is_dir() else given.parent
    stem = given.name if given.is_dir() else given.name[: -len(".csv")]
    prefix = ""
    for table in ("graph", "sources", "actors", "relations"):
        if stem == table or stem.endswith(f".{table}"):
            prefix = stem[: -len(table)]
            break
    found = {t: folder / f"{prefix}{t}.csv" for t in ("graph", "sources", "actors", "relations")}
    return {t: p for t, p in found.items() if p.is_file()}


def _rows(path: Path) -> list[dict[str, str]]:
    text = path.read_text(encoding="utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def graph_from_csv(path: str | os.PathLike[str], title: str | None = None) -> Graph:
    """Read the CSV tables next to ``path`` into a checked graph."""
    files = csv_files(path)
    missing = [t for t in ("actors", "relations") if t not in files]
    if missing:
        raise GraphFileError(
            [
                Problem(
                    str(path),
                    0,
                    f"no {' or '.join(missing)} table found",
                    "name files NAME.actors.csv and NAME.relations.csv",
                )
            ]
        )
    settings = {r["key"]: r["value"] for r in _rows(files["graph"])} if "graph" in files else {}
    data: dict[str, Any] = {
        "title": title
        or settings.get("title")
        or files["actors"].name.removesuffix(".csv").removesuffix(".actors")
        or "Imported graph"
    }
    for key in ("as_of", "description"):
        if settings.get(key):
            data[key] = _number(settings[key]) if key == "as_of" else settings[key]
    vocabulary = _json_list(settings.get("vocabulary", ""), {})
    if vocabulary:
        data["vocabulary"] = vocabulary
    lines: dict[tuple[Any, ...], int] = {}
    sources: list[dict[str, Any]] = []
    for row_number, row in enumerate(_rows(files["sources"]) if "sources" in files else [], 2):
        source = {k: v for k, v in row.items() if v and k in SOURCE_COLUMNS}
        if row.get("authors"):
            source["authors"] = split_list(row["authors"])
        if "published" in source:
            source["published"] = _number(source["published"])
        lines[("sources", len(sources))] = row_number
        sources.append(source)
    actors: list[dict[str, Any]] = []
    for row_number, row in enumerate(_rows(files["actors"]), 2):
        actor: dict[str, Any] = {k: row[k] for k in ACTOR_COLUMNS if row.get(k)}
        if "aliases" in actor:
            actor["aliases"] = split_list(actor["aliases"])
        _keep_unknown_columns(row, ACTOR_COLUMNS, actor)
        lines[("actors", len(actors))] = row_number
        actors.append(actor)
    relations: list[dict[str, Any]] = []
    joined: dict[tuple[str, ...], dict[str, Any]] = {}
    for row_number, row in enumerate(_rows(files["relations"]), 2):
        key = tuple(row.get(k, "") for k in RELATION_IDENTITY)
        evidence = {
            "source": row.get("evidence_source", ""),
            "claim": row.get("evidence_claim", ""),
        }
        if row.get("evidence_paragraph"):
            evidence["paragraph"] = _number(row["evidence_paragraph"])
        if key in joined:
            joined[key]["evidence"].append(evidence)
            continue
        relation: dict[str, Any] = {k: row[k] for k in RELATION_COLUMNS[:9] if row.get(k)}
        for field in ("strength", "since", "until"):
            if field in relation:
                relation[field] = _number(relation[field])
        relation["evidence"] = [evidence]
        _keep_unknown_columns(row, RELATION_COLUMNS, relation)
        joined[key] = relation
        lines[("relations", len(relations))] = row_number
        relations.append(relation)
    if not sources:  # a spreadsheet without a sources table: each cited id is a source
        cited = dict.fromkeys(e["source"] for r in relations for e in r["evidence"] if e["source"])
        sources = [{"id": s, "title": s} for s in cited]
    data.update(sources=sources, actors=actors, relations=relations)
    files_by_section = {t: str(p) for t, p in files.items()}
    doc = PositionedData(data, lines=lines, files=files_by_section)
    return _finish(data, doc, str(files["actors"]))


# -- node-link JSON and GraphML ----------------------------------------------------


def _from_networkx(view: Any, name: str, packed: bool) -> Graph:
    """A graph from a MultiDiGraph as :func:`actorgraph.outputs.export.to_networkx` builds it."""

    def unpack(value: Any, default: Any) -> Any:
        return (
            _json_list(value, default)
            if packed and isinstance(value, str)
            else (default if value in (None, "") else value)
        )

    known_node = {"label", "name", "kind", "aliases", "description", "attributes"}
    known_edge = {
        "relation_type",
        "label",
        "polarity",
        "influence",
        "strength",
        "confidence",
        "since",
        "until",
        "relation_id",
        "note",
        "evidence",
        "attributes",
        "key",
        "id",
        "order",
    }
    meta = view.graph
    data: dict[str, Any] = {
        "title": meta.get("title") or Path(name).stem,
        "sources": unpack(meta.get("sources"), []),
    }
    if meta.get("as_of"):
        data["as_of"] = meta["as_of"]
    if meta.get("description"):
        data["description"] = meta["description"]
    vocabulary = unpack(meta.get("vocabulary"), {})
    if vocabulary:
        data["vocabulary"] = vocabulary
    actors = []
    for node, attrs in view.nodes(data=True):
        actor = {
            "id": node,
            "name": attrs.get("name") or attrs.get("label") or node,
            "kind": attrs.get("kind", "other"),
        }
        if unpack(attrs.get("aliases"), []):
            actor["aliases"] = unpack(attrs.get("aliases"), [])
        if attrs.get("description"):
            actor["description"] = attrs["description"]
        extra = {
            **unpack(attrs.get("attributes"), {}),
            **{k: v for k, v in attrs.items() if k not in known_node},
        }
        if extra:
            actor["attributes"] = extra
        actors.append(actor)
    relations = []
    edges = sorted(view.edges(data=True), key=lambda e: e[2].get("order", 0))  # file order
    for source, target, attrs in edges:
        relation = {
            "source": source,
            "type": attrs.get("relation_type", attrs.get("label")),
            "target": target,
            "strength": attrs.get("strength"),
            "confidence": attrs.get("confidence"),
            "evidence": unpack(attrs.get("evidence"), []),
        }
        for field, key in (
            ("since", "since"),
            ("until", "until"),
            ("id", "relation_id"),
            ("note", "note"),
        ):
            if attrs.get(key) not in (None, ""):
                relation[field] = attrs[key]
        extra = {
            **unpack(attrs.get("attributes"), {}),
            **{k: v for k, v in attrs.items() if k not in known_edge},
        }
        if extra:
            relation["attributes"] = extra
        relations.append(relation)
    data.update(actors=actors, relations=relations)
    return _finish(data, PositionedData(data), name)


def graph_from_node_link(text: str, name: str = "<json>") -> Graph:
    """A graph from node-link JSON (as ``actorgraph export --to json`` writes it)."""
    import networkx as nx

    try:
        document = json.loads(text)
        view = nx.node_link_graph(document, directed=True, multigraph=True, edges="edges")
    except (json.JSONDecodeError, KeyError, TypeError, nx.NetworkXError) as error:
        raise GraphFileError(
            [Problem(name, getattr(error, "lineno", 1), f"not node-link JSON: {error}")]
        ) from None
    return _from_networkx(view, name, packed=False)


def graph_from_graphml(path: str | os.PathLike[str]) -> Graph:
    """A graph from GraphML (as ``actorgraph export --to graphml`` writes it)."""
    import networkx as nx

    try:
        view = nx.read_graphml(path, force_multigraph=True)
    except Exception as error:  # noqa: BLE001 - any unreadable file is one problem
        raise GraphFileError([Problem(str(path), 0, f"not GraphML: {error}")]) from None
    return _from_networkx(view, str(path), packed=True)


def import_graph(path: str | os.PathLike[str], title: str | None = None) -> Graph:
    """Read a CSV table, node-link JSON or GraphML file by its extension."""
    name = str(path).lower()
    if name.endswith(".csv") or Path(path).is_dir():
        return graph_from_csv(path, title)
    if name.endswith(".graphml"):
        graph = graph_from_graphml(path)
    elif name.endswith(".json"):
        graph = graph_from_node_link(Path(path).read_text(encoding="utf-8"), str(path))
    else:
        raise GraphFileError(
            [
                Problem(
                    str(path),
                    0,
                    "cannot tell the format",
                    "import .csv tables, node-link .json or .graphml",
                )
            ]
        )
    if title:
        import dataclasses

        graph = dataclasses.replace(graph, title=title)
    return graph


def one_graph(files: Sequence[str]) -> bool:
    """Whether ``files`` make one graph: a single file, or tables of one CSV set."""
    if len(files) <= 1:
        return True
    return all(f.lower().endswith(".csv") for f in files) and (
        len({tuple(sorted(csv_files(f).values())) for f in files}) == 1
    )
