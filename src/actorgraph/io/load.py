"""Graph files to the model, with every problem reported at once by file and line.

:func:`parse_graph` is pure (text in, graph out); :func:`read_graph` reads a
file. Both raise :class:`~actorgraph.exceptions.GraphFileError` listing every
problem found: the YAML, the shape (checked against
:data:`~actorgraph.io.schema.GRAPH_SCHEMA` with :mod:`jsonschema`) and the meaning
(ids that must exist, the vocabulary, dates).

Examples
--------
>>> text = '''
... title: Demo
... sources: [{id: s, title: A report}]
... actors:
...   - {id: a, name: Alpha, kind: state}
...   - {id: b, name: Beta, kind: person}
... relations:
...   - {source: b, type: leads, target: a, strength: 0.9, confidence: high,
...      evidence: [{source: s, paragraph: 2, claim: Beta runs Alpha.}]}
... '''
>>> parse_graph(text, "demo.yaml").actor("alpha").kind
'state'
>>> bad = text.replace("target: a", "target: c")
>>> for problem in validate_text(bad, "demo.yaml"):
...     print(problem)
demo.yaml:8: unknown second actor (target) 'c'; known actors: a, b
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from actorgraph.exceptions import GraphFileError, Problem
from actorgraph.memory import collector_paused
from actorgraph.model import Actor, Evidence, Graph, Relation, Source, View
from actorgraph.vocabulary import BUILTIN, declared_vocabulary

if TYPE_CHECKING:  # the checks (PyYAML, jsonschema-rs) load only when a file is parsed
    from actorgraph.io.positioned import PositionedData

FORMATS = {".yaml": "yaml", ".yml": "yaml", ".json": "json"}
GRAPH_SUFFIXES = tuple(FORMATS)
MAX_FILE_BYTES = {"yaml": 64 * 2**20, "json": 256 * 2**20}


def format_of(filename: str | os.PathLike[str]) -> str:
    """``json`` for a .json file, else ``yaml`` (which also reads JSON)."""
    return FORMATS.get(Path(filename).suffix.lower(), "yaml")


def _check(text: str, filename: str, format: str | None) -> tuple[PositionedData, list[Problem]]:
    from actorgraph.io.checks import check_json, check_yaml

    if (format or format_of(filename)) == "json":
        return check_json(text, filename)
    return check_yaml(text, filename)


def _checked(text: str, filename: str, format: str | None = None) -> PositionedData:
    doc, problems = _check(text, filename, format)
    if problems:
        raise GraphFileError(problems)
    return doc


def parse_graph(text: str, filename: str = "<string>", format: str | None = None) -> Graph:
    """Parse a graph from YAML or JSON text; raise :class:`GraphFileError` on any problem.

    ``format`` is ``yaml`` or ``json``; by default it follows the file name.
    """
    with collector_paused():  # a big graph is a million small acyclic objects
        doc = _checked(text, filename, format)
        return build_graph(doc.data, doc, filename)


def read_graph(path: str | os.PathLike[str], cache: bool = True) -> Graph:
    """Read and check one graph file (.yaml, .yml or .json).

    Files are kept in the compiled store once checked (see
    :mod:`actorgraph.io.store`), and read from it, the first time too: a graph
    whose rows load when asked for. ``cache=False`` neither reads nor writes
    the store (nor does a store that cannot be used): a graph built in memory.
    """
    name = str(path)
    file = Path(path)
    folder = None
    if cache:
        from actorgraph.io import store

        _check_size(file)
        folder = store.private_folder()
    if folder is not None:
        seen = time.time_ns()
        try:
            info = file.stat()
        except OSError as error:
            raise GraphFileError([Problem(name, 0, f"cannot read: {error.strerror}")]) from None
        stored = store.open_graph(folder, file, info, name)
        if stored is not None:
            return stored
    data = _read_bytes(file)
    with collector_paused():  # a big graph is a million small acyclic objects
        doc = _checked(_decode(data, name), name)
        records = relation_records(doc.data, doc)
        if folder is not None:
            # stored, then read as a stored graph: a question builds only the objects
            # it needs, not one per relation (most of the time a first read took)
            head = _graph(doc.data, doc, name, ())
            written = store.save(folder, file, info, seen, data, head, records)
            if written is not None:
                return written
        return _graph(doc.data, doc, name, relations_of(records))


def validate_text(
    text: str, filename: str = "<string>", format: str | None = None
) -> list[Problem]:
    """Every problem in a graph given as text, sorted by line; empty when it is clean."""
    return _check(text, filename, format)[1]


def validate_file(path: str | os.PathLike[str]) -> list[Problem]:
    """Every problem in a graph file, sorted by line; empty when it is clean."""
    try:
        text = _decode(_read_bytes(Path(path)), str(path))
    except GraphFileError as error:
        return error.problems
    return validate_text(text, str(path))


def find_graph_files(directory: str | os.PathLike[str] = "graph") -> list[Path]:
    """The graph files in a folder, sorted by name."""
    folder = Path(directory)
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.suffix in GRAPH_SUFFIXES and p.is_file())


def _check_size(path: Path) -> int:
    """The file's size; GraphFileError for a folder, a missing file or one too big."""
    name = str(path)
    if path.is_dir():
        raise GraphFileError(
            [Problem(name, 0, "is a folder, not a graph file", "name a .yaml file inside it")]
        )
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise GraphFileError([Problem(name, 0, "no such file")]) from None
    except OSError as error:
        raise GraphFileError([Problem(name, 0, f"cannot read: {error.strerror}")]) from None
    fmt = format_of(path)
    if size > MAX_FILE_BYTES[fmt]:
        limit = MAX_FILE_BYTES[fmt] // 2**20
        hint = "save big graphs as JSON" if fmt == "yaml" else "split the graph"
        raise GraphFileError(
            [
                Problem(
                    name,
                    0,
                    f"file is {size / 2**20:.0f} MiB; {fmt.upper()} graph files over "
                    f"{limit} MiB are refused",
                    hint,
                )
            ]
        )
    return size


def _read_bytes(path: Path) -> bytes:
    _check_size(path)
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise GraphFileError([Problem(str(path), 0, "no such file")]) from None
    except OSError as error:
        raise GraphFileError([Problem(str(path), 0, f"cannot read: {error.strerror}")]) from None


def _decode(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        byte = data[error.start]
        raise GraphFileError(
            [Problem(name, line, f"not UTF-8 text (byte 0x{byte:02x})", "save the file as UTF-8")]
        ) from None


# -- building ---------------------------------------------------------------


def _optional_text(value: Any) -> str | None:
    return None if value is None else str(value)


def _optional_number(value: Any) -> float | None:
    return None if value is None else float(value)


def build_graph(data: dict[str, Any], doc: PositionedData, filename: str) -> Graph:
    """The model of checked file data; ``doc`` gives each actor and relation its line."""
    return _graph(data, doc, filename, relations_of(relation_records(data, doc)))


def relation_records(data: dict[str, Any], doc: PositionedData) -> list[tuple[Any, ...]]:
    """Each relation of checked data as the values of its :class:`Relation` fields, in
    their order, its evidence as tuples of :class:`Evidence` field values: what the
    store keeps, made without an object per relation (:func:`relations_of` makes them)."""
    lines = doc.line_of if doc.lines else None  # JSON read fast keeps no lines
    return [
        (
            r["source"],
            r["type"],
            r["target"],
            float(r["strength"]),
            r["confidence"],
            tuple(
                [
                    (
                        e["source"],
                        e.get("claim", ""),
                        e.get("paragraph"),
                        e.get("url"),
                        e.get("quote"),
                        e.get("page"),
                        e.get("row"),
                        e.get("element"),
                    )
                    for e in r["evidence"]
                ]
            ),
            _optional_text(r.get("since")),
            _optional_text(r.get("until")),
            r.get("id"),
            r.get("note", ""),
            lines(("relations", i)) if lines else None,
            tuple(r.get("attributes", {}).items()),
            r.get("status"),
        )
        for i, r in enumerate(data["relations"])
    ]


def relations_of(records: list[tuple[Any, ...]]) -> tuple[Relation, ...]:
    """The relations of :func:`relation_records`."""
    return tuple(Relation(*r[:5], tuple([Evidence(*e) for e in r[5]]), *r[6:]) for r in records)


def _graph(
    data: dict[str, Any], doc: PositionedData, filename: str, relations: tuple[Relation, ...]
) -> Graph:
    """The model of checked file data, with the relations given."""

    def line(path: tuple[str, int]) -> int | None:
        return doc.line_of(path) if doc.lines else None  # JSON read fast keeps no lines

    sources = tuple(
        Source(
            s["id"],
            s["title"],
            tuple(s.get("authors", ())),
            s.get("publisher"),
            _optional_text(s.get("published")),
            s.get("url"),
            s.get("file"),
            _optional_text(s.get("retrieved")),
        )
        for s in data.get("sources", ())
    )
    actors = tuple(
        Actor(
            a["id"],
            a["name"],
            a["kind"],
            tuple(a.get("aliases", ())),
            a.get("description", ""),
            line(("actors", i)),
            tuple(a.get("attributes", {}).items()),
            _optional_number(a.get("x")),
            _optional_number(a.get("y")),
            a.get("status"),
        )
        for i, a in enumerate(data["actors"])
    )
    views = tuple(
        View(
            v["id"],
            v.get("title", ""),
            v.get("caption", ""),
            v.get("focus"),
            v.get("depth", 1),
            tuple(v.get("kinds", ())),
            tuple(v.get("types", ())),
            _optional_text(v.get("as_of")),
            float(v.get("min_strength", 0.0)),
            tuple((a, b) for a, b in v.get("paths", ())),
            line(("views", i)),
        )
        for i, v in enumerate(data.get("views", ()))
    )
    return Graph(
        title=data["title"],
        actors=actors,
        relations=relations,
        sources=sources,
        vocabulary=declared_vocabulary(data.get("vocabulary")),
        as_of_date=_optional_text(data.get("as_of")),
        description=data.get("description", ""),
        path=filename,
        views=views,
    )


# -- writing ----------------------------------------------------------------


def compact(mapping: dict[str, Any]) -> dict[str, Any]:
    """The mapping without empty fields, as graph files leave them out."""
    return {k: v for k, v in mapping.items() if v not in (None, "", (), [], {})}


def evidence_data(evidence: Evidence) -> dict[str, Any]:
    """One piece of evidence as plain data in the file format, empty locators left out."""
    return compact(
        {
            "source": evidence.source,
            "paragraph": evidence.paragraph,
            "page": evidence.page,
            "row": evidence.row,
            "element": evidence.element,
            "url": evidence.url,
            "quote": evidence.quote,
            "claim": evidence.claim,
        }
    )


def relation_data(relation: Relation) -> dict[str, Any]:
    """A relation as plain data in the file format, evidence included; every JSON
    output (files, exports, ``path`` and ``show``) uses these field names."""
    return compact(
        {
            "id": relation.id,
            "source": relation.source,
            "type": relation.type,
            "target": relation.target,
            "strength": relation.strength,
            "confidence": relation.confidence,
            "since": relation.since,
            "until": relation.until,
            "note": relation.note,
            "status": relation.status,
            "evidence": [evidence_data(e) for e in relation.evidence],
            "attributes": dict(relation.attributes),
        }
    )


def graph_to_data(graph: Graph) -> dict[str, Any]:
    """The graph as plain data in the file format (fields left out when empty)."""

    declared_kinds = [
        k for k in graph.vocabulary.actor_kinds.values() if k.id not in BUILTIN.actor_kinds
    ]
    declared_types = [
        t for t in graph.vocabulary.relation_types.values() if t.id not in BUILTIN.relation_types
    ]
    data: dict[str, Any] = compact(
        {"title": graph.title, "as_of": graph.as_of_date, "description": graph.description}
    )
    data["sources"] = [
        compact(
            {
                "id": s.id,
                "title": s.title,
                "authors": list(s.authors),
                "publisher": s.publisher,
                "published": s.published,
                "url": s.url,
                "file": s.file,
                "retrieved": s.retrieved,
            }
        )
        for s in graph.sources
    ]
    if declared_kinds or declared_types:
        data["vocabulary"] = compact(
            {
                "actor_kinds": [
                    compact(
                        {
                            "id": k.id,
                            "label": k.label,
                            "color": k.color,
                            "shape": k.shape,
                            "description": k.description,
                        }
                    )
                    for k in declared_kinds
                ],
                "relation_types": [
                    compact(
                        {
                            "id": t.id,
                            "label": t.label,
                            "polarity": t.polarity,
                            "influence": t.influence,
                            "score": t.score,
                            "plover": t.plover,
                            "description": t.description,
                            "triggers": list(t.triggers),
                        }
                    )
                    for t in declared_types
                ],
            }
        )
    data["actors"] = [
        compact(
            {
                "id": a.id,
                "name": a.name,
                "kind": a.kind,
                "aliases": list(a.aliases),
                "description": a.description,
                "attributes": dict(a.attributes),
                "x": a.x,
                "y": a.y,
                "status": a.status,
            }
        )
        for a in graph.actors
    ]
    data["relations"] = [relation_data(r) for r in graph.relations]
    if graph.views:
        data["views"] = [
            compact(
                {
                    "id": v.id,
                    "title": v.title,
                    "caption": v.caption,
                    "focus": v.focus,
                    "depth": v.depth if v.depth != 1 else None,
                    "kinds": list(v.kinds),
                    "types": list(v.types),
                    "as_of": v.as_of,
                    "min_strength": v.min_strength or None,
                    "paths": [list(p) for p in v.paths],
                }
            )
            for v in graph.views
        ]
    return data


def format_graph(graph: Graph) -> str:
    """The graph as YAML text in the file format; :func:`parse_graph` reads it back.

    >>> from actorgraph.io.synthetic import synthetic_graph
    >>> graph = synthetic_graph(20)
    >>> parse_graph(format_graph(graph)) == graph
    True
    """
    import yaml

    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return yaml.dump(
        graph_to_data(graph), Dumper=dumper, sort_keys=False, allow_unicode=True, width=100
    )


def graph_file_text(graph: Graph, filename: str | os.PathLike[str]) -> str:
    """The graph as the text of a file called ``filename``: JSON for ``.json``, else YAML."""
    if format_of(filename) == "json":
        import json

        return json.dumps(graph_to_data(graph), indent=2, ensure_ascii=False) + "\n"
    return format_graph(graph)
