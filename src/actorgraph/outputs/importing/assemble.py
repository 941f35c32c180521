"""The checked graph from a reader's :class:`~.records.Dataset`: build, then check.

The graph file's own checks run on the built data; their problems are told back by
row (tables), element and line (GraphML, GEXF) or place (JSON), never by internal
positions, together with the problems found while mapping, all at once.
"""

from __future__ import annotations

import math
import re
from pathlib import Path
from typing import Any

from actorgraph.exceptions import GraphFileError, Problem
from actorgraph.io.checks import check_data
from actorgraph.io.load import build_graph
from actorgraph.io.positioned import PositionedData
from actorgraph.memory import collector_paused
from actorgraph.model import Graph
from actorgraph.outputs.importing.builder import Builder
from actorgraph.outputs.importing.options import (
    ImportOptions,
)
from actorgraph.outputs.importing.records import (
    Dataset,
    Imported,
    Record,
    text_or_none,
    unpack,
)


def _file_order(record: Record, index: int) -> tuple[float, int]:
    """The order our exports record (networkx writes edges grouped by node); a file
    without it, or with anything but numbers there, keeps its own order."""
    order = record.fields.get("order")
    if isinstance(order, (int, float)) and not isinstance(order, bool) and math.isfinite(order):
        return (float(order), index)
    return (math.inf, index)


def build(dataset: Dataset, options: ImportOptions) -> Imported:
    """The checked graph a reader's records make; :class:`GraphFileError` lists every
    problem (with row, or element and line) when it cannot be made."""
    if any("order" in r.fields for r in dataset.edges):
        ordered = sorted(enumerate(dataset.edges), key=lambda p: _file_order(p[1], p[0]))
        dataset.edges = [record for _, record in ordered]
    builder = Builder(dataset, options)
    if dataset.nodes is not None:
        builder.read_nodes(dataset.nodes)
    read = builder.read_edges(dataset.edges)
    cited: dict[str, Any] = builder.source()
    kept = builder.relations(read, cited)
    if builder.header_failed:
        raise GraphFileError(sorted(set(builder.problems)))
    meta = {k: unpack(v, v) for k, v in dataset.meta.items()}
    sources = meta.get("sources") or []
    sources = list(sources) if isinstance(sources, list) else sources
    if dataset.sources_from_citations and not sources:
        listed = dict.fromkeys(
            e.get("source")
            for r, _ in kept
            for e in (r["evidence"] if isinstance(r["evidence"], list) else [])
            if isinstance(e, dict)
        )
        sources = [
            {"id": s, "title": s} for s in listed if isinstance(s, str) and s and s != cited["id"]
        ]
    if cited.pop("used", False) and isinstance(sources, list):
        sources.append(cited)
    data: dict[str, Any] = {
        "title": options.title
        or text_or_none(meta.get("title"))
        or dataset.title
        or Path(dataset.file).stem
    }
    for key in ("as_of", "description", "vocabulary"):
        if meta.get(key) not in (None, "", {}, []):
            data[key] = meta[key]
    data["sources"] = sources
    data["actors"] = builder.actors
    data["relations"] = [r for r, _ in kept]
    if builder.numbered:
        builder.notes.insert(
            0,
            "ids made from names that came out the same were numbered: "
            + "; ".join(builder.numbered),
        )
    return Imported(_check(data, dataset, builder, kept), builder.notes)


def _check(
    data: dict[str, Any],
    dataset: Dataset,
    builder: Builder,
    kept: list[tuple[dict[str, Any], Record]],
) -> Graph:
    """Run the graph file's checks, then say each problem's row or element, not a path."""
    records: dict[int, tuple[str, Record]] = {}
    lines: dict[Any, int] = {}
    base = 1_000_000_000  # stand-in lines, mapped back to the records below
    node_file = dataset.node_file or dataset.file
    for index, (_, record) in enumerate(builder.actor_records):
        lines[("actors", index)] = base + len(records)
        records[base + len(records)] = (node_file, record)
    for index, (_, record) in enumerate(kept):
        lines[("relations", index)] = base + len(records)
        records[base + len(records)] = (dataset.file, record)
    with collector_paused():
        found = check_data(PositionedData(data, lines=lines), dataset.file)
        problems = list(builder.problems)

        def where(match: re.Match[str]) -> str:  # "line 1000000003" -> "row 5", "edge 'e4'"
            record = records[int(match[1])][1]
            if record.element is not None and not record.line:
                return record.label()
            return f"{'row' if dataset.rows else 'line'} {record.line}"

        for problem in found:
            file, record = records.get(problem.line, (dataset.file, None))
            text = re.sub(r"line (1[0-9]{9})\b", where, problem.message)
            hint = re.sub(r"line (1[0-9]{9})\b", where, problem.hint)
            if record is None:
                problems.append(Problem(file, 0, text, hint))
            else:
                label = record.label()
                problems.append(
                    Problem(file, record.line, f"{label}: {text}" if label else text, hint)
                )
        if problems:
            raise GraphFileError(sorted(set(problems)))
        return build_graph(data, PositionedData(data), dataset.file)
