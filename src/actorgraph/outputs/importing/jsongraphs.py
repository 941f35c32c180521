"""JSON graphs: networkx's node-link JSON (``edges`` or D3's ``links``) and Kumu exports.

Kumu comes in two shapes, both read: its project export (``elements`` and ``connections``
with ``_id``, ``from``/``to``, ``direction`` and an ``attributes`` mapping holding
``label``, ``element type``, ``connection type``, ``tags``...) and its flat import
blueprint (``label``, ``type``, ``from``, ``to`` at the top of each item).
"""

from __future__ import annotations

import json
import os
import re
from typing import Any

from actorgraph.exceptions import GraphFileError, Problem
from actorgraph.outputs.importing.records import Dataset, Record
from actorgraph.outputs.importing.tables import read_text

_LONG_NUMBER = re.compile(r"[0-9]{4000,}")


def load_json(text: str, name: str) -> Any:
    """Parsed JSON, or a problem with its line: bad syntax, too deep, a huge number."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise GraphFileError(
            [Problem(name, error.lineno, f"not valid JSON: {error.msg}")]
        ) from None
    except RecursionError:
        raise GraphFileError([Problem(name, 1, "the JSON is nested too deeply")]) from None
    except ValueError:  # Python refuses integers of more than 4,300 digits
        found = _LONG_NUMBER.search(text)
        line = text[: found.start()].count("\n") + 1 if found else 1
        raise GraphFileError(
            [Problem(name, line, "a number has thousands of digits", "write it as text")]
        ) from None


def _describe(value: Any) -> str:
    return {list: "a list", str: "text", dict: "an object"}.get(type(value), type(value).__name__)


def _items(document: dict[str, Any], key: str, name: str) -> list[Any]:
    value = document.get(key, [])
    if not isinstance(value, list):
        raise GraphFileError([Problem(name, 1, f"'{key}' holds {_describe(value)}, not a list")])
    return value


def read_json(path: str | os.PathLike[str]) -> Dataset:
    """Node-link JSON or a Kumu export, told apart by their keys."""
    name = str(path)
    document = load_json(read_text(path), name)
    if not isinstance(document, dict):
        raise GraphFileError(
            [
                Problem(
                    name,
                    1,
                    f"the file holds {_describe(document)}, not a graph",
                    "node-link JSON has 'nodes' and 'edges' or 'links'; "
                    "a Kumu export has 'elements' and 'connections'",
                )
            ]
        )
    if "elements" in document or "connections" in document:
        return _kumu(document, name)
    if "nodes" not in document or not ({"edges", "links"} & set(document)):
        found = ", ".join(map(repr, list(document)[:10])) or "none"
        raise GraphFileError(
            [
                Problem(
                    name,
                    1,
                    f"not node-link JSON or a Kumu export: keys found: {found}",
                    "node-link JSON has 'nodes' and 'edges' or 'links'",
                )
            ]
        )
    key = "edges" if "edges" in document else "links"
    problems = []
    nodes = []
    for index, node in enumerate(_items(document, "nodes", name)):
        if not isinstance(node, dict):
            problems.append(Problem(name, 0, f"nodes[{index}] is {_describe(node)}, not an object"))
            continue
        nodes.append(Record(dict(node), 0, f"nodes[{index}]", ""))
    edges = []
    for index, edge in enumerate(_items(document, key, name)):
        if not isinstance(edge, dict):
            problems.append(Problem(name, 0, f"{key}[{index}] is {_describe(edge)}, not an object"))
            continue
        edges.append(Record(dict(edge), 0, str(edge.get("id") or f"{key}[{index}]"), ""))
    if problems:
        raise GraphFileError(problems)
    meta = document.get("graph") if isinstance(document.get("graph"), dict) else {}
    directed = document.get("directed", True) is not False
    return Dataset(name, edges, nodes, meta=meta, directed=directed)


def _flat(item: dict[str, Any]) -> dict[str, Any]:
    """A Kumu item's fields: the top level and its ``attributes`` together."""
    fields = {k: v for k, v in item.items() if k != "attributes"}
    if isinstance(item.get("attributes"), dict):
        fields.update(item["attributes"])
    elif "attributes" in item:
        fields["attributes"] = item["attributes"]  # reported as the wrong type
    return fields


def _kumu(document: dict[str, Any], name: str) -> Dataset:
    problems = []
    records: dict[str, list[Record]] = {"elements": [], "connections": []}
    for key in records:
        for index, item in enumerate(_items(document, key, name)):
            if not isinstance(item, dict):
                problems.append(
                    Problem(name, 0, f"{key}[{index}] is {_describe(item)}, not an object")
                )
                continue
            fields = _flat(item)
            element = f"{key}[{index}]"
            if key == "connections" and "_id" in fields:
                element = str(fields.pop("_id"))
            records[key].append(Record(fields, 0, element, ""))
    if problems:
        raise GraphFileError(problems)
    meta = document.get("actorgraph") if isinstance(document.get("actorgraph"), dict) else {}
    return Dataset(name, records["connections"], records["elements"], meta=meta)
