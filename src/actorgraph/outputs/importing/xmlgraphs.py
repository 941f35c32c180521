"""GraphML and GEXF (1.1 to 1.3), read with the standard library's expat.

Read by hand rather than with networkx: networkx's GEXF reader fails on GEXF 1.3, and
neither of its readers says on which line an element stands. Entity declarations are
refused outright (no "billion laughs", no external files: nothing read from disk runs or
fetches anything). Namespaces are ignored, so the GEXF versions and Gephi's misspelt
``viz`` namespace all read alike. GEXF ``viz`` colours, sizes and positions are kept as
attributes (``viz_color``, ``viz_size``, ``viz_x``, ``viz_y``).
"""

from __future__ import annotations

import contextlib
import os
import re
import xml.parsers.expat
from dataclasses import dataclass, field
from typing import Any

from actorgraph.exceptions import GraphFileError, Problem
from actorgraph.outputs.importing.options import MAX_CELL_BYTES
from actorgraph.outputs.importing.records import Dataset, Record, too_long
from actorgraph.outputs.importing.tables import read_text

MAX_DEPTH = 64
"""Nesting an XML graph file may have (GraphML and GEXF need fewer than ten)."""


@dataclass
class Element:
    """An XML element with the line it starts on; the tag without its namespace."""

    tag: str
    attributes: dict[str, str]
    line: int
    children: list[Element] = field(default_factory=list)
    text: str = ""

    def find(self, tag: str) -> list[Element]:
        return [c for c in self.children if c.tag == tag]

    def first(self, tag: str) -> Element | None:
        return next((c for c in self.children if c.tag == tag), None)

    def walk(self, tag: str) -> list[Element]:
        """Every element named ``tag`` below this one, in document order."""
        found = []
        stack = list(reversed(self.children))
        while stack:
            element = stack.pop()
            if element.tag == tag:
                found.append(element)
            stack.extend(reversed(element.children))
        return found


def parse_xml(text: str, name: str) -> Element:
    """The document's root element; :class:`GraphFileError` with the line on any error."""

    def refuse(*_: Any) -> None:
        raise GraphFileError(
            [
                Problem(
                    name,
                    parser.CurrentLineNumber,
                    "the file declares XML entities",
                    "remove the DOCTYPE's entity declarations",
                )
            ]
        )

    parser = xml.parsers.expat.ParserCreate(namespace_separator="}")
    parser.SetParamEntityParsing(xml.parsers.expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.EntityDeclHandler = refuse
    parser.UnparsedEntityDeclHandler = refuse
    parser.ExternalEntityRefHandler = refuse
    stack: list[Element] = []
    root: list[Element] = []

    def start(tag: str, attributes: dict[str, str]) -> None:
        element = Element(
            tag.rpartition("}")[2],
            {k.rpartition("}")[2]: v for k, v in attributes.items()},
            parser.CurrentLineNumber,
        )
        if len(stack) >= MAX_DEPTH:
            raise GraphFileError(
                [Problem(name, element.line, f"elements nested more than {MAX_DEPTH} deep")]
            )
        (stack[-1].children if stack else root).append(element)
        stack.append(element)

    def end(_: str) -> None:
        stack.pop()

    def characters(data: str) -> None:
        if stack:
            stack[-1].text += data

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = characters
    try:
        parser.Parse(text.encode("utf-8"), True)
    except xml.parsers.expat.ExpatError as error:
        message = xml.parsers.expat.ErrorString(error.code)
        raise GraphFileError(
            [Problem(name, error.lineno, f"not well-formed XML: {message}")]
        ) from None
    return root[0]


def _typed(value: str, kind: str) -> Any:
    kind = kind.lower()
    if kind in ("int", "integer", "long", "short", "byte"):
        return int(value)
    if kind in ("float", "double"):
        return float(value)
    if kind == "boolean":
        if value.strip().lower() not in ("true", "false", "1", "0"):
            raise ValueError(value)
        return value.strip().lower() in ("true", "1")
    return value


def _value(
    value: str, kind: str, title: str, element: Element, name: str, problems: list[Problem]
) -> Any:
    if too_long(value):
        problems.append(
            Problem(
                name,
                element.line,
                f"{element.tag} '{element.attributes.get('id', '')}': "
                f"'{title}' holds more than {MAX_CELL_BYTES // 1024} KiB",
            )
        )
        return None
    try:
        return _typed(value, kind)
    except (ValueError, OverflowError):
        problems.append(
            Problem(
                name,
                element.line,
                f"{element.tag} '{element.attributes.get('id', '')}': "
                f"'{title}' should be {kind}, not {value[:40]!r}",
            )
        )
        return None


def _graph_file(path: str | os.PathLike[str], tag: str, word: str) -> tuple[Element, Element]:
    """The root and its ``<graph>``, or a problem saying what the file is not."""
    name = str(path)
    root = parse_xml(read_text(path), name)
    if root.tag != tag:
        raise GraphFileError([Problem(name, root.line, f"not {word}: the root is <{root.tag}>")])
    graph = root.first("graph")
    if graph is None:
        raise GraphFileError([Problem(name, root.line, f"the {word} file holds no <graph>")])
    return root, graph


def read_graphml(path: str | os.PathLike[str]) -> Dataset:
    """GraphML: ``key`` declarations, then nodes and edges with their ``data``."""
    name = str(path)
    root, graph = _graph_file(path, "graphml", "GraphML")
    keys: dict[str, tuple[str, str, str]] = {}  # id -> (name, type, for)
    defaults: dict[str, dict[str, Any]] = {"node": {}, "edge": {}}
    for key in root.find("key"):
        ident = key.attributes.get("id", "")
        title = key.attributes.get("attr.name", ident)
        kind = key.attributes.get("attr.type", "string")
        scope = key.attributes.get("for", "all")
        keys[ident] = (title, kind, scope)
        default = key.first("default")
        if default is not None:
            for which in ("node", "edge"):
                if scope in (which, "all"):
                    defaults[which][title] = _typed(default.text, kind)
    problems: list[Problem] = []

    def data_of(element: Element, which: str) -> dict[str, Any]:
        fields = dict(defaults.get(which, {}))
        for data in element.find("data"):
            if data.children and not data.text.strip():  # yEd's drawing, not a value
                labels = [x.text.strip() for x in data.walk("NodeLabel") if x.text.strip()]
                if labels:
                    fields.setdefault("label", labels[0])
                continue
            ident = data.attributes.get("key", "")
            title, kind, _ = keys.get(ident, (ident, "string", "all"))
            value = _value(data.text, kind, title, element, name, problems)
            if value is not None:
                fields[title] = value
        return fields

    meta = data_of(graph, "graph")
    directed_default = graph.attributes.get("edgedefault", "directed") == "directed"
    nodes = [
        Record(
            {"id": n.attributes.get("id", ""), **data_of(n, "node")},
            n.line,
            n.attributes.get("id", ""),
            "node",
        )
        for n in graph.walk("node")
    ]
    edges = []
    undirected_edges = 0
    for number, edge in enumerate(graph.walk("edge")):
        fields = {k: edge.attributes[k] for k in ("source", "target") if k in edge.attributes}
        fields.update(data_of(edge, "edge"))
        if edge.attributes.get("directed", "").lower() == "false":
            fields.setdefault("direction", "undirected")
            undirected_edges += 1
        edges.append(Record(fields, edge.line, edge.attributes.get("id") or f"#{number + 1}"))
    if problems:
        raise GraphFileError(problems)
    return Dataset(name, edges, nodes, meta=meta, directed=directed_default)


def _viz(element: Element, name: str, problems: list[Problem]) -> dict[str, Any]:
    """Gephi's drawing: colour as #rrggbb, size, position."""
    found: dict[str, Any] = {}
    color = element.first("color")
    if color is not None:
        hexa = color.attributes.get("hex")
        channels = [color.attributes.get(c, "0").strip() for c in "rgb"]
        if hexa and re.fullmatch(r"#?[0-9a-fA-F]{6}", hexa):
            found["viz_color"] = "#" + hexa.lstrip("#").lower()
        elif not hexa and all(re.fullmatch(r"[0-9]{1,3}", c) and int(c) <= 255 for c in channels):
            found["viz_color"] = "#{:02x}{:02x}{:02x}".format(*map(int, channels))
        else:
            given = (
                f"hex={hexa!r}"
                if hexa
                else ", ".join(f"{c}={v!r}" for c, v in zip("rgb", channels, strict=True))
            )
            problems.append(
                Problem(
                    name,
                    color.line,
                    f"{element.tag} '{element.attributes.get('id', '')}': viz colour {given} "
                    "is not a colour (r, g and b from 0 to 255, or hex #rrggbb)",
                    "fix it, or remove the <viz:color> element",
                )
            )
    for tag, names in (
        ("position", ("x", "y", "z")),
        ("size", ("value",)),
        ("thickness", ("value",)),
    ):
        part = element.first(tag)
        if part is None:
            continue
        for axis in names:
            if axis in part.attributes:
                with contextlib.suppress(ValueError):
                    found[f"viz_{axis if tag == 'position' else tag}"] = float(
                        part.attributes[axis]
                    )
    shape = element.first("shape")
    if shape is not None and shape.attributes.get("value"):
        found["viz_shape"] = shape.attributes["value"]
    return found


def read_gexf(path: str | os.PathLike[str]) -> Dataset:
    """GEXF 1.1 to 1.3: attribute declarations, nodes and edges with ``attvalues``."""
    name = str(path)
    root, graph = _graph_file(path, "gexf", "GEXF")
    declared: dict[str, dict[str, tuple[str, str]]] = {"node": {}, "edge": {}}
    defaults: dict[str, dict[str, Any]] = {"node": {}, "edge": {}}
    for block in graph.find("attributes"):
        which = block.attributes.get("class", "node")
        for attribute in block.find("attribute"):
            ident = attribute.attributes.get("id", "")
            title = attribute.attributes.get("title", ident)
            kind = attribute.attributes.get("type", "string")
            declared.setdefault(which, {})[ident] = (title, kind)
            default = attribute.first("default")
            if default is not None:
                with contextlib.suppress(ValueError):
                    defaults.setdefault(which, {})[title] = _typed(default.text, kind)
    problems: list[Problem] = []

    def fields_of(element: Element, which: str) -> dict[str, Any]:
        fields = dict(defaults.get(which, {}))
        values = element.first("attvalues")
        for value in values.find("attvalue") if values is not None else []:
            ident = value.attributes.get("for", value.attributes.get("id", ""))
            title, kind = declared.get(which, {}).get(ident, (ident, "string"))
            typed = _value(value.attributes.get("value", ""), kind, title, element, name, problems)
            if typed is not None:
                fields[title] = typed
        fields.update(_viz(element, name, problems))
        return fields

    nodes = []
    for node in graph.walk("node"):
        ident = node.attributes.get("id", "")
        fields = {"id": ident, **fields_of(node, "node")}
        if node.attributes.get("label"):
            fields["label"] = node.attributes["label"]
        nodes.append(Record(fields, node.line, ident, "node"))
    edges = []
    default_type = graph.attributes.get("defaultedgetype", "directed").lower()
    dated = graph.attributes.get("timeformat", "").lower() in ("date", "datetime")
    for number, edge in enumerate(graph.walk("edge")):
        fields = {k: edge.attributes[k] for k in ("source", "target") if k in edge.attributes}
        fields.update(fields_of(edge, "edge"))
        for extra in ("weight", "label", "kind"):
            if extra in edge.attributes:
                raw = edge.attributes[extra]
                fields[extra] = (
                    _value(raw, "double", extra, edge, name, problems) if extra == "weight" else raw
                )
        if dated:  # a dynamic graph's dates (GEXF 'start'/'end') are the tie's since/until
            for end, field in (("start", "since"), ("end", "until")):
                if edge.attributes.get(end):
                    fields[field] = edge.attributes[end].strip()[:10]
        fields["direction"] = edge.attributes.get("type", default_type).lower()
        edges.append(Record(fields, edge.line, edge.attributes.get("id") or f"#{number + 1}"))
    if problems:
        raise GraphFileError(problems)
    meta = root.first("meta")
    title_element = meta.first("title") if meta is not None else None
    title = title_element.text.strip() if title_element is not None else None
    # GEXF has no place for a graph's sources: the ids evidence cites become sources
    return Dataset(
        name,
        edges,
        nodes,
        directed=default_type == "directed",
        title=title or None,
        sources_from_citations=True,
    )
