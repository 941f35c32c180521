"""What a reader makes of a file: :class:`Record` s in a :class:`Dataset`.

Each reader (tables, XML, JSON) turns its file into records: a mapping of column or
attribute names to values, and where each stood (a table's row, an element's id and
line). :mod:`.builder` maps them to fields, :mod:`.assemble` makes the checked graph.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from actorgraph.model import Graph
from actorgraph.outputs.importing.options import MAX_CELL_BYTES


@dataclass
class Record:
    """One row or element: its fields as the file names them, and where it stood."""

    fields: dict[str, Any]
    line: int = 0
    element: str | None = None  # the element's id or position; None for a table's row
    tag: str = "edge"
    sheet: str | None = None  # a workbook's sheet the row is on

    def label(self) -> str:
        """Where, in words, for messages: ``edge 'e42'``, ``sheet 'Connections'`` (a
        table's row is its line)."""
        if self.element is None:
            return f"sheet '{self.sheet}'" if self.sheet else ""
        return f"{self.tag} '{self.element}'" if self.tag else self.element


@dataclass
class Dataset:
    """What a reader found in a file: ties, actors (None when only the ties name them)."""

    file: str
    edges: list[Record]
    nodes: list[Record] | None = None
    node_file: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    directed: bool = True
    title: str | None = None
    header_line: int = 0  # 1 for tables: problems with columns are reported there
    rows: bool = False  # a table: cite by row, values are text
    sources_from_citations: bool = False  # no sources table: each cited id is a source

    def columns(self, records: Iterable[Record]) -> list[str]:
        return list(dict.fromkeys(k for r in records for k in r.fields))


@dataclass
class Imported:
    """A graph read from another format, and what the import decided on its own."""

    graph: Graph
    notes: list[str] = field(default_factory=list)


def number(value: Any) -> Any:
    """'0.5' -> 0.5, '3' -> 3; anything else unchanged (the checks say if it must not be)."""
    if not isinstance(value, str):
        return value
    for kind in (int, float):
        try:
            result = kind(value)
        except (ValueError, OverflowError):
            continue
        return result if not isinstance(result, float) or math.isfinite(result) else value
    return value


def unpack(value: Any, default: Any) -> Any:
    """JSON text where a list or mapping belongs (GraphML, GEXF, CSV) back into data."""
    if isinstance(value, str) and value.strip()[:1] in ("[", "{"):
        try:
            return json.loads(value)
        except (json.JSONDecodeError, RecursionError, ValueError):
            return value  # the checks report the wrong type
    return default if value in (None, "") else value


def split_list(text: Any) -> Any:
    """A cell back into a list: JSON if it is a JSON list, else split on ``;``.

    >>> split_list("Minsk; Belarus"), split_list('["a; b", " c"]')
    (['Minsk', 'Belarus'], ['a; b', ' c'])
    """
    if not isinstance(text, str):
        return text
    items = unpack(text, None)
    if isinstance(items, list):
        return items
    return [item.strip() for item in text.split(";") if item.strip()]


def too_long(value: Any) -> bool:
    """Whether a value is over :data:`MAX_CELL_BYTES` (cheap for short text)."""
    return (
        isinstance(value, str)
        and len(value) > MAX_CELL_BYTES // 4
        and (len(value.encode("utf-8", "surrogatepass")) > MAX_CELL_BYTES)
    )


def text_or_none(value: Any) -> str | None:
    """Text with something in it, else None (a title that is blank or not text)."""
    return value if isinstance(value, str) and value.strip() else None
