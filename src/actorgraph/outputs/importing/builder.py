"""Records to graph data: what every format shares.

Names become fields (``--map``, then known names, then synonyms such as Kumu's
``From``), missing fields take their defaults, ids that are not slugs are slugged
(collisions numbered), ties that name the same relation are joined, and a tie without
evidence cites the dataset, by row or element. Problems are collected, not raised.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import difflib
import json
import math
import re
from pathlib import Path
from typing import Any

from actorgraph.exceptions import Problem
from actorgraph.io.schema import SLUG
from actorgraph.model import RELATION_IDENTITY, name_key, parse_partial_date
from actorgraph.outputs.formatting import plural
from actorgraph.outputs.importing.options import (
    MAX_CELL_BYTES,
    ImportOptions,
    resolve_columns,
    type_id,
)
from actorgraph.outputs.importing.records import (
    Dataset,
    Record,
    number,
    split_list,
    text_or_none,
    too_long,
    unpack,
)
from actorgraph.text import slug
from actorgraph.vocabulary import BUILTIN, closest_names

_SLUG = re.compile(SLUG)
# fields our own exports derive from others; dropped when the file is one of ours
_DERIVED_EDGE = ("label", "polarity", "influence", "key", "networkx_key", "order", "weight", "_id")
_DIRECTIONS = {"directed": False, "undirected": True, "mutual": True}
_KIB = MAX_CELL_BYTES // 1024
_WORDS = {"source": "first actor (source)", "target": "second actor (target)"}


def _known_actors(name: str, known: list[str]) -> str:
    """The checks' hint: the closest id, and the ids (or how many there are)."""
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    listed = (
        f"known actors: {', '.join(known)}" if len(known) <= 40 else f"{len(known)} known actors"
    )
    return f"did you mean '{close[0]}'? {listed}" if close else listed


def _kind_of(value: Any) -> str:
    return {list: "a list", str: "text", bool: "true or false"}.get(type(value), "a number")


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


class Builder:
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
        base = raw if _SLUG.fullmatch(raw) else slug(raw)
        if base != raw:
            self.slugged += 1
        ident, number_ = base or "actor", 2
        while ident in self.taken:
            ident, number_ = f"{base or 'actor'}-{number_}", number_ + 1
        if not base:
            self.notes.append(f"'{raw}' has no letter or digit to make an id of: it is {ident}")
        elif ident != base:
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
        resolved = resolve_columns(self.dataset.columns(nodes), "actors", self.options)
        native = "name" in resolved.values()
        node_file = self.dataset.node_file
        for record in nodes:
            fields: dict[str, Any] = {}
            attributes: dict[str, Any] = {}
            for column, value in record.fields.items():
                target = resolved.get(column)
                if too_long(value):
                    self.add(record, f"'{column}' holds more than {_KIB} KiB", "", node_file)
                elif target == "attributes":
                    attributes.update(self.mapping(record, value, node_file))
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

    def evidence(self, fields: dict[str, Any], record: Record) -> list[dict[str, Any]] | None:
        """The evidence a file gives: ours (a list, or JSON text), or a CSV row's
        ``evidence_*`` cells; None when it gives none (the dataset is then cited)."""
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
                    numbered = part in ("paragraph", "page", "row")
                    item[part] = self.value(record, value) if numbered else _raw(value)
            return [item]
        return None

    def read_edges(self, edges: list[Record]) -> list[tuple[dict[str, Any], Record]]:
        dataset, options = self.dataset, self.options
        columns = dataset.columns(edges)
        resolved = resolve_columns(columns, "relations", options)
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
                if too_long(value):
                    self.add(record, f"'{column}' holds more than {_KIB} KiB")
                elif target == "attributes":
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
            # an edge's own direction over the file's default; --undirected over both
            said = _DIRECTIONS.get(direction, not dataset.directed)
            relation["_undirected"] = options.undirected or said
            relation["_claim"] = _raw(fields.get("claim"))
            relation["_type_value"] = (
                f" ({type_from_column}: {_text(fields['type_from'])})" if type_from_column else ""
            )
            relation["evidence"] = self.evidence(fields, record)
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
        missing += self.unknown_choices()
        for message, hint in missing:
            self.problems.append(Problem(dataset.file, dataset.header_line, message, hint))
        self.header_failed = bool(missing)
        return not missing

    def unknown_choices(self) -> list[tuple[str, str]]:
        """Kinds and types named by flags that the vocabulary lacks: said once, not on
        every row they would fill."""
        options = self.options
        declared = unpack(self.dataset.meta.get("vocabulary"), {})
        declared = declared if isinstance(declared, dict) else {}
        found = []
        for flag, values, builtin, section in (
            ("--default-kind", [options.default_kind], BUILTIN.actor_kinds, "actor_kinds"),
            (
                "--default-type",
                [options.default_type, *options.type_map.values()],
                BUILTIN.relation_types,
                "relation_types",
            ),
        ):
            items = declared.get(section)
            known = [*builtin, *(i.get("id") for i in items or [] if isinstance(i, dict))]
            for value in values:
                if value is not None and value not in known:
                    close = closest_names(value, ((k, k) for k in known if isinstance(k, str)), 1)
                    word = "kind" if section == "actor_kinds" else "relation type"
                    flag_name = flag if value == values[0] else "--type-map"
                    found.append(
                        (
                            f"{flag_name}: no {word} '{value}'",
                            f"did you mean '{close[0]}'?"
                            if close
                            else f"known: {', '.join(known)}",
                        )
                    )
        return found

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
            or text_or_none(meta_title)
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
        restated = 0
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
                place = record.label() if record.element is not None else f"row {record.line:,}"
                self.notes.append(f"{place}: ends ({until}) before it starts ({since}); left out")
                continue
            generated = relation["evidence"] is None  # rows with no evidence of their own
            if generated:
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
                restated += generated
                continue
            if earlier is None:
                with contextlib.suppress(TypeError):
                    joined[key] = relation
            kept.append((relation, record))
        if restated:
            what = plural(restated, "row" if self.dataset.rows else "tie")
            verb = "restates" if restated == 1 else "restate"
            self.notes.append(
                f"{what} {verb} a tie read before (same actors, type and dates): "
                "each is kept as further evidence of it; map the columns that tell them "
                "apart (e.g. dates) to keep them as ties of their own"
            )
        symmetric = ", ".join(
            t.id for t in BUILTIN.relation_types.values() if t.influence == "both"
        )
        for rtype, (record, count) in one_way.items():
            self.add(
                record,
                f"{count:,} undirected tie{'s have' if count != 1 else ' has'} type "
                f"'{rtype}', which runs one way",
                f"give a symmetric type ({symmetric})"
                + (" or leave out --undirected" if self.options.undirected else ""),
            )
        return kept
