"""Rows and elements of any file into a checked graph.

Each reader (tables, XML, JSON) turns its file into :class:`Record` s: a mapping of
column or attribute names to values, and where it stood (a table's row, an element's
id and line). :func:`build` then does what every format shares: names become fields
(``--map``, then known names, then synonyms such as Kumu's ``From``), missing fields
take their defaults, ids that are not slugs are slugged, ties that name the same
relation are joined, and a tie without evidence cites the dataset, by row or element.
Every problem is reported at once, with where it is.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import difflib
import json
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from actorgraph.exceptions import GraphFileError, Problem
from actorgraph.io.checks import check_data
from actorgraph.io.load import build_graph
from actorgraph.io.positioned import PositionedData
from actorgraph.io.schema import SLUG
from actorgraph.memory import collector_paused
from actorgraph.model import RELATION_IDENTITY, Graph, name_key, parse_partial_date
from actorgraph.outputs.importing.options import (
    ACTOR_FIELDS,
    MAX_CELL_BYTES,
    RELATION_FIELDS,
    ImportOptions,
    slug,
    type_id,
)
from actorgraph.vocabulary import BUILTIN

_SLUG = re.compile(SLUG)
_NODE_EXTRA = ("attributes",)
_EDGE_EXTRA = (
    "evidence",
    "attributes",
    "relation_type",
    "relation_id",
    *(f"evidence_{f}" for f in ("source", "claim", "paragraph", "page", "row", "element")),
    *(f"evidence_{f}" for f in ("url", "quote")),
)
_NODE_SYNONYMS = {"label": "name", "element_type": "kind", "type": "kind", "_id": "id"}
_EDGE_SYNONYMS = {
    "from": "source",
    "to": "target",
    "connection_type": "type",
    "_id": "id",
}
# fields our own exports derive from others; dropped when the file is one of ours
_DERIVED_EDGE = ("label", "polarity", "influence", "key", "order", "weight", "_id")
_DIRECTIONS = {"directed": False, "undirected": True, "mutual": True}
_WORDS = {"source": "first actor (source)", "target": "second actor (target)"}


@dataclass
class Record:
    """One row or element: its fields as the file names them, and where it stood."""

    fields: dict[str, Any]
    line: int = 0
    element: str | None = None  # the element's id or position; None for a table's row
    tag: str = "edge"

    def label(self) -> str:
        """Where, in words, for messages: ``edge 'e42'`` (a table's row is its line)."""
        if self.element is None:
            return ""
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


def _resolve(
    columns: list[str],
    fields: tuple[str, ...],
    extra: tuple[str, ...],
    synonyms: dict[str, str],
    options: ImportOptions,
) -> dict[str, str]:
    """Column -> field, for the columns that are fields (the rest are attributes).

    ``--map`` first, then a column named as a field (ignoring case and spaces), then
    synonyms; a field is taken by one column only.
    """
    found: dict[str, str] = {}
    taken: set[str] = set()
    for column in columns:
        wanted = options.mapping.get(column)
        if column == options.type_from and "type" in fields:
            wanted = "type_from"
        if wanted and (wanted in fields or wanted == "type_from"):
            found[column] = wanted
            taken.add("type" if wanted == "type_from" else wanted)
        elif wanted:
            found[column] = "attribute"
    for table in ({f: f for f in (*fields, *extra)}, synonyms):
        for column in columns:
            name = column.strip().lower().replace(" ", "_")
            target = table.get(name)
            if column not in found and target and target not in taken:
                found[column] = target
                taken.add(target)
    return {c: f for c, f in found.items() if f != "attribute"}


def _known_actors(name: str, known: list[str]) -> str:
    """The checks' hint: the closest id, and the ids (or how many there are)."""
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    listed = (
        f"known actors: {', '.join(known)}" if len(known) <= 40 else f"{len(known)} known actors"
    )
    return f"did you mean '{close[0]}'? {listed}" if close else listed


def _kind_of(value: Any) -> str:
    return {list: "a list", str: "text", bool: "true or false"}.get(type(value), "a number")


def _text_or_none(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _raw(value: Any) -> str:
    """Text as written (prose keeps its spaces)."""
    return "" if value is None else str(value)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _scalar(value: Any) -> Any:
    """An attribute value: text, a finite number or true/false (lists travel as JSON)."""
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


class _Builder:
    """One import's state: ids handed out, problems and notes found so far."""

    def __init__(self, dataset: Dataset, options: ImportOptions):
        self.dataset, self.options = dataset, options
        self.problems: list[Problem] = []
        self.notes: list[str] = []
        self.ids: dict[str, str] = {}  # the file's id (or name) -> actor id
        self.by_name: dict[str, list[str]] = {}
        self.taken: set[str] = set()
        self.actors: list[dict[str, Any]] = []
        self.actor_records: list[tuple[str, Record]] = []
        self.numbered: list[str] = []
        self.header_failed = False
        self.slugged = 0

    def where(self, record: Record, file: str | None = None) -> tuple[str, int, str]:
        label = record.label()
        return (file or self.dataset.file, record.line, f"{label}: " if label else "")

    def add(self, record: Record, message: str, hint: str = "", file: str | None = None) -> None:
        name, line, label = self.where(record, file)
        self.problems.append(Problem(name, line, label + message, hint))

    def mapping(self, record: Record, value: Any, file: str | None = None) -> dict[str, Any]:
        """An ``attributes`` field: a mapping (or JSON text of one); anything else is a problem."""
        found = unpack(value, {})
        if isinstance(found, dict):
            return {str(k): _scalar(v) for k, v in found.items()}
        self.add(
            record, f"'attributes' must be a mapping of fields, not {_kind_of(found)}", "", file
        )
        return {}

    def value(self, record: Record, value: Any) -> Any:
        """Table cells are text: numbers are read as numbers."""
        return number(value) if self.dataset.rows else value

    # -- actors ----------------------------------------------------------------

    def new_actor(self, raw: str, fields: dict[str, Any], record: Record) -> str:
        base = raw if _SLUG.fullmatch(raw) else slug(raw) or "actor"
        if base != raw:
            self.slugged += 1
        ident, number_ = base, 2
        while ident in self.taken:
            ident, number_ = f"{base}-{number_}", number_ + 1
        if ident != base:
            self.numbered.append(f"'{raw}' is {ident}")
        self.taken.add(ident)
        self.ids[raw] = ident
        name = _raw(fields.get("name")) if _text(fields.get("name")) else raw
        aliases = [a for a in split_list(fields.get("aliases") or []) if isinstance(a, str)]
        if name_key(raw) != name_key(name) and not _SLUG.fullmatch(raw):
            aliases.append(raw)  # the file's own id still finds the actor
        actor: dict[str, Any] = {
            "id": ident,
            "name": name,
            "kind": self.kind(fields.get("kind")),
        }
        if aliases:
            actor["aliases"] = list(dict.fromkeys(aliases))
        if _raw(fields.get("description")):
            actor["description"] = _raw(fields["description"])
        if fields.get("attributes"):
            actor["attributes"] = fields["attributes"]
        self.actors.append(actor)
        self.actor_records.append((ident, record))
        for known in (raw, name, *aliases):
            self.by_name.setdefault(name_key(known), []).append(ident)
        return ident

    def kind(self, value: Any) -> str:
        text = _text(value)
        return slug(text).replace("-", "_") if text else (self.options.default_kind or "other")

    def read_nodes(self, nodes: list[Record]) -> None:
        resolved = _resolve(
            self.dataset.columns(nodes), ACTOR_FIELDS, _NODE_EXTRA, _NODE_SYNONYMS, self.options
        )
        native = "name" in resolved.values()
        for record in nodes:
            fields: dict[str, Any] = {}
            attributes: dict[str, Any] = {}
            for column, value in record.fields.items():
                target = resolved.get(column)
                if target == "attributes":
                    attributes.update(self.mapping(record, value, self.dataset.node_file))
                elif target:
                    fields[target] = value
                elif value not in (None, "") and not (native and column.lower() == "label"):
                    attributes[column] = _scalar(self.value(record, value))
            if attributes:
                fields["attributes"] = attributes
            raw = _text(fields.get("id")) or _text(fields.get("name"))
            if not raw:
                self.add(record, "an actor without an id or a name", "", self.dataset.node_file)
            elif raw in self.ids:
                self.add(
                    record, f"actor '{raw}' is listed twice", "keep one", self.dataset.node_file
                )
            else:
                self.new_actor(raw, fields, record)

    def actor_id(self, raw: str, end: str, record: Record) -> str | None:
        if raw in self.ids:
            return self.ids[raw]
        if self.dataset.nodes is None:
            return self.new_actor(raw, {}, record)
        named = self.by_name.get(name_key(raw), [])
        if len(named) == 1:
            return named[0]
        self.add(record, f"unknown {_WORDS[end]} '{raw}'", _known_actors(raw, list(self.ids)))
        return None

    # -- relations -------------------------------------------------------------

    def date(self, fields: dict[str, Any], end: str, record: Record) -> Any:
        if fields.get(end) not in (None, ""):
            value = fields[end]
            if isinstance(value, (dt.date, dt.datetime)):
                return value.strftime("%Y-%m-%d")
            return self.value(record, _text(value))
        parts = []
        for part in ("year", "month", "day"):
            text = _text(fields.get(f"{end}_{part}"))
            if not text:
                break
            if not text.isdigit():
                self.add(record, f"{end} {part} {text!r} is not a whole number")
                return None
            parts.append(int(text))
        if not parts:
            return None
        return "-".join(f"{p:0{4 if i == 0 else 2}d}" for i, p in enumerate(parts))

    def relation_type(self, fields: dict[str, Any], record: Record, column: str | None) -> Any:
        options = self.options
        if "type_from" in fields:
            value = _text(fields["type_from"])
            if options.type_map:
                if value in options.type_map:
                    return options.type_map[value]
                self.add(
                    record,
                    f"{column} is {value!r}, which no --type-map names",
                    f"add --type-map {value}=TYPE",
                )
                return None
            return type_id(value) if value else options.default_type
        value = _text(fields.get("type"))
        return type_id(value) if value else options.default_type

    def evidence(
        self, fields: dict[str, Any], record: Record, claim: str
    ) -> list[dict[str, Any]] | None:
        given = unpack(fields.get("evidence"), None)
        if given is not None:
            return given if isinstance(given, list) else [given]
        if fields.get("evidence_source") or fields.get("evidence_claim"):
            item: dict[str, Any] = {
                "source": _text(fields.get("evidence_source")),
                "claim": _raw(fields.get("evidence_claim")),
            }
            for part in ("paragraph", "page", "row", "element", "url", "quote"):
                value = fields.get(f"evidence_{part}")
                if value not in (None, ""):
                    item[part] = self.value(record, value) if part != "element" else _text(value)
            return [item]
        return None

    def read_edges(self, edges: list[Record]) -> list[tuple[dict[str, Any], Record]]:
        dataset, options = self.dataset, self.options
        columns = dataset.columns(edges)
        resolved = _resolve(columns, RELATION_FIELDS, _EDGE_EXTRA, _EDGE_SYNONYMS, options)
        native = "relation_type" in resolved.values()
        if native:
            resolved = {
                c: {"relation_type": "type", "relation_id": "id"}.get(f, f)
                for c, f in resolved.items()
            }
        type_column = next((c for c, f in resolved.items() if f == "type"), None)
        if type_column and not native and type_column not in options.mapping:
            values = {_text(r.fields.get(type_column)).lower() for r in edges}
            if values and values <= {*_DIRECTIONS, ""}:  # Gephi's edge table: Type = Directed
                resolved[type_column] = "direction"
        if not self.header_problems(columns, resolved, edges):
            return []
        type_from_column = next((c for c, f in resolved.items() if f == "type_from"), None)
        names = dict(zip(resolved.values(), resolved, strict=True))
        read: list[tuple[dict[str, Any], Record]] = []
        for record in edges:
            before = len(self.problems)
            fields: dict[str, Any] = {}
            attributes: dict[str, Any] = {}
            for column, value in record.fields.items():
                target = resolved.get(column)
                if target == "attributes":
                    attributes.update(self.mapping(record, value))
                elif target:
                    fields[target] = value
                elif value not in (None, "") and not (native and column in _DERIVED_EDGE):
                    attributes[column] = _scalar(self.value(record, value))
            ends = []
            for end in ("source", "target"):
                raw = _text(fields.get(end))
                if not raw:
                    self.add(record, f"no {_WORDS[end]}: the '{names.get(end, end)}' cell is empty")
                    ends.append(None)
                else:
                    ends.append(self.actor_id(raw, end, record))
            relation: dict[str, Any] = {"source": ends[0], "target": ends[1]}
            relation["type"] = self.relation_type(fields, record, type_from_column)
            strength = fields.get("strength")
            relation["strength"] = (
                self.value(record, strength)
                if strength not in (None, "")
                else options.default_strength
            )
            confidence = _text(fields.get("confidence")).lower()
            relation["confidence"] = confidence or options.default_confidence
            for end in ("since", "until"):
                when = self.date(fields, end, record)
                if when not in (None, ""):
                    relation[end] = when
            if _text(fields.get("id")):
                raw_id = _text(fields["id"])
                relation["id"] = raw_id if _SLUG.fullmatch(raw_id) else slug(raw_id)
            if _raw(fields.get("note")):
                relation["note"] = _raw(fields["note"])
            if attributes:
                relation["attributes"] = attributes
            direction = _text(fields.get("direction")).lower()
            relation["_undirected"] = (
                options.undirected or not dataset.directed or _DIRECTIONS.get(direction, False)
            )
            relation["_claim"] = _raw(fields.get("claim"))
            relation["_type_value"] = (
                f" ({type_from_column}: {_text(fields['type_from'])})" if type_from_column else ""
            )
            relation["evidence"] = self.evidence(fields, record, relation["_claim"])
            if len(self.problems) > before:  # reported: the checks need not say more
                continue
            read.append((relation, record))
        return read

    def header_problems(
        self, columns: list[str], resolved: dict[str, str], edges: list[Record]
    ) -> bool:
        """Fields no column gives and no default covers, in one problem naming the columns
        found; a ``--map`` or ``--type-from`` naming no column. False when the ties cannot be
        read at all."""
        options, dataset = self.options, self.dataset
        if not edges:
            return True
        has = set(resolved.values())
        found = ", ".join(columns) if columns else "none"
        where = "columns found" if dataset.rows else "edge attributes found"
        thing = "column" if dataset.rows else "edge attribute"
        needs = (
            ("source", None, "--map COLUMN=source"),
            ("target", None, "--map COLUMN=target"),
            (
                "type",
                options.default_type or options.type_from,
                "--map COLUMN=type (or "
                "--type-from COLUMN with --type-map VALUE=TYPE, or --default-type TYPE)",
            ),
            (
                "strength",
                options.default_strength,
                "--map COLUMN=strength (or --default-strength X, 0 to 1)",
            ),
            (
                "confidence",
                options.default_confidence,
                "--map COLUMN=confidence (or --default-confidence low|medium|high)",
            ),
        )
        lacking = [(n, h) for n, default, h in needs if n not in has and default is None]
        missing = []
        if lacking:
            words = ", ".join(
                _WORDS.get(n, "relation type" if n == "type" else n) for n, _ in lacking
            )
            missing.append(
                (
                    f"no {thing} gives the {words}; {where}: {found}",
                    "give " + "; ".join(h for _, h in lacking),
                )
            )
        known = set(columns) | set(dataset.columns(dataset.nodes or []))
        for column in options.mapping:
            if column not in known:
                missing.append((f"--map {column}=...: no column '{column}'; {where}: {found}", ""))
        if options.type_from and options.type_from not in columns:
            missing.append(
                (f"--type-from {options.type_from}: no column by that name; {where}: {found}", "")
            )
        for message, hint in missing:
            self.problems.append(Problem(dataset.file, dataset.header_line, message, hint))
        self.header_failed = bool(missing)
        return not missing

    # -- the graph -------------------------------------------------------------

    def source(self) -> dict[str, Any]:
        """The dataset as a source, for ties that cite it by row or element."""
        path = Path(self.dataset.file)
        meta_title = self.dataset.meta.get("title")
        listed = unpack(self.dataset.meta.get("sources"), [])
        taken = (
            {s.get("id") for s in listed if isinstance(s, dict)}
            if isinstance(listed, list)
            else set()
        )
        base = slug(path.name.removesuffix(path.suffix), dots=True) or "dataset"
        ident, count = base, 2
        while ident in taken:
            ident, count = f"{base}-{count}", count + 1
        source = {
            "id": ident,
            "title": self.options.title
            or self.dataset.title
            or _text_or_none(meta_title)
            or path.name,
            "file": path.name,
            "retrieved": dt.date.today().isoformat(),
        }
        if self.options.url:
            source["url"] = self.options.url
        return source

    def relations(
        self, read: list[tuple[dict[str, Any], Record]], cited: dict[str, Any]
    ) -> list[tuple[dict[str, Any], Record]]:
        """Ties joined when they name the same relation; undated-before-started ones out."""
        types = dict(BUILTIN.relation_types)
        declared = unpack(self.dataset.meta.get("vocabulary"), {})
        declared_types = declared.get("relation_types", []) if isinstance(declared, dict) else []
        one_way: dict[str, tuple[Record, int]] = {}
        joined: dict[tuple[Any, ...], dict[str, Any]] = {}
        kept: list[tuple[dict[str, Any], Record]] = []
        names = {a["id"]: a["name"] for a in self.actors}
        for relation, record in read:
            undirected = relation.pop("_undirected")
            claim, type_value = relation.pop("_claim"), relation.pop("_type_value")
            rtype = relation["type"]
            if isinstance(rtype, str) and undirected:
                influence = (
                    types[rtype].influence
                    if rtype in types
                    else next(
                        (
                            t.get("influence")
                            for t in declared_types
                            if isinstance(t, dict) and t.get("id") == rtype
                        ),
                        "forward",
                    )
                )
                if influence not in ("both", "none"):
                    first, count = one_way.get(rtype, (record, 0))
                    one_way[rtype] = (first, count + 1)
            since, until = relation.get("since"), relation.get("until")
            first_day = parse_partial_date(since) if since is not None else None
            last_day = parse_partial_date(until) if until is not None else None
            if first_day and last_day and last_day[0] < first_day[0]:
                place = record.label() or f"row {record.line:,}"
                self.notes.append(f"{place}: ends ({until}) before it starts ({since}); left out")
                continue
            if relation["evidence"] is None:
                label = types[rtype].label if rtype in types else str(rtype).replace("_", " ")
                text = claim or (
                    f"{names[relation['source']]} {label} {names[relation['target']]}{type_value}"
                )
                locator = {"row": record.line} if self.dataset.rows else {"element": record.element}
                relation["evidence"] = [{"source": cited["id"], **locator, "claim": text}]
                cited["used"] = True
            ends = (relation["source"], relation["target"])
            if undirected:
                ends = tuple(sorted(ends))
            identity = {**relation, "source": ends[0], "target": ends[1]}
            key = (*(str(identity.get(f)) for f in RELATION_IDENTITY), relation.get("id"))
            try:
                earlier = joined.get(key)
            except TypeError:  # a list where a value belongs: the checks say so
                earlier = None
            if earlier is not None and isinstance(relation["evidence"], list):
                earlier["evidence"].extend(relation["evidence"])
                continue
            if earlier is None:
                with contextlib.suppress(TypeError):
                    joined[key] = relation
            kept.append((relation, record))
        symmetric = ", ".join(
            t.id for t in BUILTIN.relation_types.values() if t.influence == "both"
        )
        for rtype, (record, count) in one_way.items():
            self.add(
                record,
                f"{count:,} undirected ties have type '{rtype}', which runs one way",
                f"give a symmetric type ({symmetric}) or leave out --undirected",
            )
        return kept


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
    builder = _Builder(dataset, options)
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
        or _text_or_none(meta.get("title"))
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
    builder: _Builder,
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


def too_long(value: Any) -> bool:
    """Whether a value is over :data:`MAX_CELL_BYTES` (cheap for short text)."""
    return (
        isinstance(value, str)
        and len(value) > MAX_CELL_BYTES // 4
        and (len(value.encode("utf-8", "surrogatepass")) > MAX_CELL_BYTES)
    )
