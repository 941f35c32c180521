"""What changed between two versions of a graph: for reviewing a change in git.

Actors are matched by id; relations by source, type, target and ``since`` (a
relation that starts again later is another statement). Anything else that
differs is a change, listed field by field.

>>> from actorgraph.io.load import parse_graph
>>> old = parse_graph('''
... title: t
... sources: [{id: s, title: S}]
... actors: [{id: a, name: A, kind: state}, {id: b, name: B, kind: state}]
... relations:
...   - {source: a, type: controls, target: b, strength: 0.5, confidence: low,
...      evidence: [{source: s, claim: A runs B.}]}
... ''')
>>> new = parse_graph('''
... title: t
... sources: [{id: s, title: S}]
... actors: [{id: a, name: A, kind: state}, {id: b, name: Bee, kind: state}]
... relations:
...   - {source: a, type: controls, target: b, strength: 0.8, confidence: low,
...      evidence: [{source: s, claim: A runs B.}]}
... ''')
>>> print(diff_text(diff_graphs(old, new)), end="")
~ actor b: name 'B' → 'Bee'
~ relation a:controls:b: strength 0.5 → 0.8
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from typing import Any

from actorgraph.model import Graph, Relation
from actorgraph.text import md_escape

_IGNORED = {"line"}


class _Absent:
    """An attribute one side does not have (a ``null`` value is not the same)."""

    def __repr__(self) -> str:
        return "absent"


ABSENT = _Absent()


@dataclass(frozen=True)
class Change:
    """One actor or relation added, removed or changed (with the fields that changed)."""

    what: str
    key: str
    status: str
    fields: tuple[tuple[str, Any, Any], ...] = field(default=())


@dataclass(frozen=True)
class GraphDiff:
    """Every change between two graphs, actors first, each in file order."""

    changes: tuple[Change, ...]
    graph_fields: tuple[tuple[str, Any, Any], ...] = ()

    def __bool__(self) -> bool:
        return bool(self.changes or self.graph_fields)

    def to_dict(self) -> dict[str, Any]:
        """Plain data for JSON output."""
        return {
            "graph": [
                {"field": f, "old": _plain(o), "new": _plain(n)} for f, o, n in self.graph_fields
            ],
            "changes": [
                {
                    "what": c.what,
                    "key": c.key,
                    "status": c.status,
                    "fields": [
                        {"field": f, "old": _plain(o), "new": _plain(n)} for f, o, n in c.fields
                    ],
                }
                for c in self.changes
            ],
        }


def _plain(value: Any) -> Any:
    if value is ABSENT:
        return None
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    if hasattr(value, "__dataclass_fields__"):
        return {f.name: _plain(getattr(value, f.name)) for f in fields(value)}
    return value


def _field_changes(old: Any, new: Any) -> tuple[tuple[str, Any, Any], ...]:
    """The fields that differ; ``attributes`` compared as a mapping, key by key (their
    order in a file, or a table's column order, is no change)."""
    found: list[tuple[str, Any, Any]] = []
    for f in fields(old):
        before, after = getattr(old, f.name), getattr(new, f.name)
        if f.name in _IGNORED or before == after:
            continue
        if f.name == "attributes":
            was, now = dict(before), dict(after)
            found += [
                (f"attribute {key}", was.get(key, ABSENT), now.get(key, ABSENT))
                for key in dict.fromkeys([*was, *now])
                if was.get(key, ABSENT) != now.get(key, ABSENT)
            ]
        else:
            found.append((f.name, before, after))
    return tuple(found)


def _by_id(
    what: str, was: Mapping[str, Any], now: Mapping[str, Any], shown: str = "label"
) -> list[tuple[str, Any, Any]]:
    """Entries matched by id: added or removed (shown by their ``shown`` field), or changed
    field by field."""
    found: list[tuple[str, Any, Any]] = []
    for ident in dict.fromkeys([*was, *now]):
        if ident not in now:
            found.append((f"{what} {ident}", getattr(was[ident], shown), None))
        elif ident not in was:
            found.append((f"{what} {ident}", None, getattr(now[ident], shown)))
        else:
            found += [
                (f"{what} {ident} {f}", o, n) for f, o, n in _field_changes(was[ident], now[ident])
            ]
    return found


def _graph_changes(old: Graph, new: Graph) -> tuple[tuple[str, Any, Any], ...]:
    """Title, date, description; sources by id, field by field; declared vocabulary."""
    found: list[tuple[str, Any, Any]] = [
        (label, getattr(old, name), getattr(new, name))
        for name, label in (
            ("title", "title"),
            ("as_of_date", "as_of"),
            ("description", "description"),
        )
        if getattr(old, name) != getattr(new, name)
    ]
    found += _by_id("source", old.sources_by_id, new.sources_by_id, "title")
    for section, label in (("actor_kinds", "actor kind"), ("relation_types", "relation type")):
        found += _by_id(label, getattr(old.vocabulary, section), getattr(new.vocabulary, section))
    return tuple(found)


def _label(relation: Relation) -> str:
    label = f"{relation.source}:{relation.type}:{relation.target}"
    dates = [
        f"{word} {value}"
        for word, value in (("since", relation.since), ("until", relation.until))
        if value
    ]
    return f"{label} ({', '.join(dates)})" if dates else label


def _compare(what: str, old: dict[Any, Any], new: dict[Any, Any], label: Any) -> list[Change]:
    found = []
    for key, item in new.items():
        if key not in old:
            found.append(Change(what, label(item), "added"))
        else:
            changed = _field_changes(old[key], item)
            if changed:
                found.append(Change(what, label(item), "changed", changed))
    found += [Change(what, label(item), "removed") for key, item in old.items() if key not in new]
    return found


def diff_graphs(old: Graph, new: Graph) -> GraphDiff:
    """The changes from ``old`` to ``new``."""
    graph_fields = _graph_changes(old, new)
    actors = _compare(
        "actor", {a.id: a for a in old.actors}, {a.id: a for a in new.actors}, lambda a: a.id
    )
    relations = _compare(
        "relation",
        {r.identity: r for r in old.relations},
        {r.identity: r for r in new.relations},
        _label,
    )
    return GraphDiff(tuple(actors + relations), graph_fields)


def _one_line(text: str) -> str:
    """A text on one line, its breaks shown as escapes: a claim cannot forge a change line."""
    return text.replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n")


def _short(value: Any) -> str:
    """A value as a reader wants it on one line: text quoted, nothing as ``none``."""
    if value is None or value == () or value is ABSENT:
        return "none" if value is not ABSENT else "absent"
    if isinstance(value, tuple) and value and hasattr(value[0], "claim"):
        return "; ".join(f"{e.cite()}: {_one_line(e.statement)}" for e in value)
    if isinstance(value, tuple):
        return ", ".join(_short(v) for v in value)
    if isinstance(value, str):
        return repr(_one_line(value))
    if isinstance(value, dict | list):
        import json

        return _one_line(json.dumps(value, ensure_ascii=False, sort_keys=True))
    return str(value)


def diff_text(diff: GraphDiff, markdown: bool = False) -> str:
    """One line per change: ``+`` added, ``-`` removed, ``~`` changed (or a Markdown list,
    every text in it escaped by :func:`~actorgraph.text.md_escape`)."""
    mark = {"added": "+", "removed": "-", "changed": "~"}
    lines = []
    for name, old, new in diff.graph_fields:
        lines.append(f"~ graph {name}: {_short(old)} → {_short(new)}")
    for change in diff.changes:
        detail = "; ".join(f"{f} {_short(o)} → {_short(n)}" for f, o, n in change.fields)
        text = f"{mark[change.status]} {change.what} {change.key}" + (
            f": {detail}" if detail else ""
        )
        lines.append(text)
    if markdown:
        words = {"+": "**added**", "-": "**removed**", "~": "**changed**"}
        lines = [f"- {words[line[0]]} {md_escape(line[2:])}" for line in lines]
        added = sum(c.status == "added" for c in diff.changes)
        removed = sum(c.status == "removed" for c in diff.changes)
        changed = sum(c.status == "changed" for c in diff.changes) + bool(diff.graph_fields)
        lines.insert(0, f"**Graph changes:** {added} added, {removed} removed, {changed} changed\n")
    return "\n".join(lines) + ("\n" if lines else "")
