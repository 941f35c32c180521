"""GML, the Graph Modelling Language many published networks come in (Newman's
collection, Pajek exports, the political blogs of 2004).

Read with a small tokenizer of our own rather than networkx's reader, which refuses a
file with a repeated edge unless told it is a multigraph and gives no line numbers.
Lists nest with an explicit stack (no recursion), nested lists inside a node or edge
(``graphics [ x 1 y 2 ]``) become attributes such as ``graphics_x``, and strings have
their HTML entities decoded, as the format says.
"""

from __future__ import annotations

import html
import os
import re
from typing import Any

from actorgraph.exceptions import GraphFileError, Problem
from actorgraph.outputs.importing.records import Dataset, Record
from actorgraph.outputs.importing.tables import read_text

MAX_DEPTH = 64
_TOKEN = re.compile(
    r'(?P<comment>#[^\n]*)|(?P<open>\[)|(?P<close>\])|(?P<string>"[^"]*")'
    r"|(?P<number>[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)"
    r"|(?P<key>[A-Za-z_][A-Za-z0-9_]*)"
)


class _List(list):  # type: ignore[type-arg]
    """A GML list: (key, value, line) triples, and the line it opened on."""

    line = 0


def parse_gml(text: str, name: str) -> _List:
    """The document as nested lists of (key, value, line); a problem with its line on
    anything that is not GML."""
    root = _List()
    stack = [root]
    key: tuple[str, int] | None = None
    line, last = 1, 0
    for match in _TOKEN.finditer(text):
        begin = match.start()
        if begin > last:  # only white space may stand between tokens
            gap = text[last:begin]
            if not gap.isspace():
                line += text.count("\n", last, last + len(gap) - len(gap.lstrip()))
                raise GraphFileError(
                    [Problem(name, line, f"not GML: unexpected {gap.strip()[:20]!r}")]
                )
            line += gap.count("\n")
        last = match.end()
        kind, token = match.lastgroup, match[0]
        if kind == "comment":
            continue
        if kind == "close":
            if len(stack) == 1 or key is not None:
                raise GraphFileError([Problem(name, line, "not GML: a ']' closes nothing")])
            stack.pop()
        elif kind == "key" and key is None:
            key = (token, line)
        elif key is None:
            raise GraphFileError(
                [Problem(name, line, f"not GML: a value {token[:20]!r} without a key")]
            )
        elif kind == "open":
            if len(stack) > MAX_DEPTH:
                raise GraphFileError(
                    [Problem(name, line, f"lists nested more than {MAX_DEPTH} deep")]
                )
            inner = _List()
            inner.line = key[1]
            stack[-1].append((key[0], inner, key[1]))
            stack.append(inner)
            key = None
        else:
            value: Any = token
            if kind == "string":
                value = html.unescape(token[1:-1]) if "&" in token else token[1:-1]
                line += token.count("\n")
            elif kind == "number":
                value = float(token) if any(c in token for c in ".eE") else int(token)
            stack[-1].append((key[0], value, key[1]))
            key = None
    if text[last:].strip():
        raise GraphFileError(
            [Problem(name, line, f"not GML: unexpected {text[last:].strip()[:20]!r}")]
        )
    if len(stack) > 1 or key is not None:
        raise GraphFileError([Problem(name, line, "not GML: the file ends inside a list")])
    return root


def _fields(items: _List, prefix: str = "") -> dict[str, Any]:
    """A node's or edge's fields; nested lists flattened into ``outer_inner`` names."""
    fields: dict[str, Any] = {}
    pending = [(prefix, items)]
    while pending:
        outer, block = pending.pop()
        for key, value, _ in block:
            name = f"{outer}_{key}" if outer else key
            if isinstance(value, _List):
                pending.append((name, value))
            else:
                fields.setdefault(name, value)
    return fields


def read_gml(path: str | os.PathLike[str]) -> Dataset:
    """The first ``graph`` of a GML file: its nodes, edges and ``directed`` flag."""
    name = str(path)
    document = parse_gml(read_text(path), name)
    graph = next((v for k, v, _ in document if k == "graph" and isinstance(v, _List)), None)
    if graph is None:
        raise GraphFileError([Problem(name, 1, "the GML file holds no 'graph [ ... ]'")])
    nodes, edges = [], []
    directed = False  # GML's default
    meta: dict[str, Any] = {}
    for key, value, line in graph:
        if key == "node" and isinstance(value, _List):
            fields = _fields(value)
            nodes.append(Record(fields, line, str(fields.get("id", f"#{len(nodes) + 1}")), "node"))
        elif key == "edge" and isinstance(value, _List):
            fields = _fields(value)
            edges.append(Record(fields, line, str(fields.get("id", f"#{len(edges) + 1}"))))
        elif key == "directed":
            directed = value == 1
        elif key in ("label", "name", "title") and isinstance(value, str):
            meta.setdefault("title", value)
    title = meta.get("title")
    return Dataset(name, edges, nodes, directed=directed, title=title)
