"""The JSON Schema of a graph file: the shape, before meaning is checked.

The loader checks this shape with :mod:`jsonschema`, then checks what a schema
cannot say (ids that must exist, vocabulary, dates on the calendar). Editors
can use the same schema to complete and check graph files.

>>> sorted(GRAPH_SCHEMA["required"])
['actors', 'relations', 'title']
"""

from __future__ import annotations

from typing import Any

from actorgraph.vocabulary import (
    CONFIDENCE_LEVELS,
    INFLUENCE_DIRECTIONS,
    POLARITIES,
    RELATION_STATUSES,
    SHAPES,
)

# Every pattern ends in "$(?!\n)": Python's "$" also matches before a final
# newline ("putin\n" would pass as an id), while the lookahead keeps the pattern
# valid for editors, whose ECMA-262 regexes have no "\Z".
SLUG = r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$(?!\n)"
SOURCE_SLUG = r"^[a-z0-9]+(?:[-_.][a-z0-9]+)*$(?!\n)"
"""Source ids may also hold dots, as dataset names do (``cow-alliance-v4.1``)."""
PARTIAL_DATE = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$(?!\n)"
COLOR = r"^#[0-9a-fA-F]{6}$(?!\n)"
LINE = r"^(?=[^\t\n\r]*\S)[^\t\n\r]*$(?!\n)"
"""One line of text, not blank: names, titles, labels (prose may span lines)."""

_TEXT: dict[str, Any] = {"type": "string", "pattern": r"\S"}
_LINE: dict[str, Any] = {"type": "string", "pattern": LINE}
_SLUG: dict[str, Any] = {"type": "string", "pattern": SLUG}
_SOURCE_SLUG: dict[str, Any] = {"type": "string", "pattern": SOURCE_SLUG}
_DATE: dict[str, Any] = {
    "type": ["string", "integer"],
    "pattern": PARTIAL_DATE,
    "minimum": 1,
    "maximum": 9999,
    "description": "YYYY, YYYY-MM or YYYY-MM-DD",
}


_ATTRIBUTES: dict[str, Any] = {
    "type": "object",
    "additionalProperties": {"type": ["string", "number", "boolean"]},
    "propertyNames": {"pattern": LINE},
    "description": "Free fields of your own (columns an import kept); text, numbers, true/false",
}


def _object(required: list[str], properties: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "object",
        "required": required,
        "properties": properties,
        "additionalProperties": False,
    }


EVIDENCE_SCHEMA = _object(
    ["source"],
    {
        "source": _SOURCE_SLUG,
        "paragraph": {"type": "integer", "minimum": 1},
        "claim": {**_TEXT, "description": "What the source shows, in the graph author's words"},
        "url": _LINE,
        "quote": {**_TEXT, "description": "The source's own words, kept as a quote"},
        "page": {"type": ["integer", "string"], "minimum": 1, "pattern": r"\S"},
        "row": {"type": "integer", "minimum": 1, "description": "row of the table it came from"},
        "element": {"type": "string", "minLength": 1, "description": "id of the file's element"},
    },
)
_STATUS: dict[str, Any] = {
    "enum": list(RELATION_STATUSES),
    "description": "proposed: drafted from text, not yet reviewed; kept out of analyses",
}

SOURCE_SCHEMA = _object(
    ["id", "title"],
    {
        "id": _SOURCE_SLUG,
        "title": _LINE,
        "authors": {"type": "array", "items": _LINE},
        "publisher": _LINE,
        "published": _DATE,
        "url": _LINE,
        "file": {"type": "string", "minLength": 1, "description": "the file an import read"},
        "retrieved": {**_DATE, "description": "when the file was read (YYYY-MM-DD)"},
    },
)

ACTOR_SCHEMA = {
    **_object(
        ["id", "name", "kind"],
        {
            "id": _SLUG,
            "name": _LINE,
            "kind": _SLUG,
            "aliases": {"type": "array", "items": _LINE},
            "description": {"type": "string"},
            "attributes": _ATTRIBUTES,
            "x": {"type": "number", "description": "Pinned position across (with y)"},
            "y": {"type": "number", "description": "Pinned position down (with x)"},
            "status": _STATUS,
        },
    ),
    # a pinned actor needs both coordinates (if/then, as the messages expect)
    "allOf": [
        {"if": {"required": ["x"]}, "then": {"required": ["y"]}},
        {"if": {"required": ["y"]}, "then": {"required": ["x"]}},
    ],
}

RELATION_SCHEMA = _object(
    ["source", "type", "target", "strength", "confidence", "evidence"],
    {
        "id": _SLUG,
        "source": _SLUG,
        "type": _SLUG,
        "target": _SLUG,
        "strength": {"type": "number", "minimum": 0, "maximum": 1},
        "confidence": {"enum": list(CONFIDENCE_LEVELS)},
        "since": _DATE,
        "until": _DATE,
        "evidence": {"type": "array", "minItems": 1, "items": EVIDENCE_SCHEMA},
        "note": {"type": "string"},
        "attributes": _ATTRIBUTES,
        "status": _STATUS,
    },
)

ACTOR_KIND_SCHEMA = _object(
    ["id", "label"],
    {
        "id": _SLUG,
        "label": _LINE,
        "color": {"type": "string", "pattern": COLOR},
        "shape": {"enum": list(SHAPES)},
        "description": {"type": "string"},
    },
)

RELATION_TYPE_SCHEMA = _object(
    ["id", "polarity", "influence"],
    {
        "id": _SLUG,
        "label": _LINE,
        "polarity": {"enum": list(POLARITIES)},
        "influence": {"enum": list(INFLUENCE_DIRECTIONS)},
        "score": {"type": "number", "minimum": -10, "maximum": 10},
        "plover": _LINE,
        "description": {"type": "string"},
        "triggers": {
            "type": "array",
            "items": _LINE,
            "description": "Words and patterns `actorgraph draft` reads as this type",
        },
    },
)

VIEW_SCHEMA = _object(
    ["id"],
    {
        "id": _SLUG,
        "title": _LINE,
        "caption": {"type": "string", "description": "Shown under the view's figure"},
        "focus": {**_SLUG, "description": "Keep this actor's neighbourhood"},
        "depth": {"type": "integer", "minimum": 0, "description": "Ties out from focus"},
        "kinds": {"type": "array", "items": _SLUG, "description": "Actor kinds shown"},
        "types": {"type": "array", "items": _SLUG, "description": "Relation types shown"},
        "as_of": _DATE,
        "min_strength": {"type": "number", "minimum": 0, "maximum": 1},
        "paths": {
            "type": "array",
            "description": "Influence paths to highlight, each [from, to]",
            "items": {"type": "array", "items": _SLUG, "minItems": 2, "maxItems": 2},
        },
    },
)

GRAPH_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "actorgraph graph file",
    **_object(
        ["title", "actors", "relations"],
        {
            "title": _LINE,
            "as_of": _DATE,
            "description": {"type": "string"},
            "sources": {"type": "array", "items": SOURCE_SCHEMA},
            "vocabulary": _object(
                [],
                {
                    "actor_kinds": {"type": "array", "items": ACTOR_KIND_SCHEMA},
                    "relation_types": {"type": "array", "items": RELATION_TYPE_SCHEMA},
                },
            ),
            "actors": {"type": "array", "items": ACTOR_SCHEMA},
            "relations": {"type": "array", "items": RELATION_SCHEMA},
            "views": {"type": "array", "items": VIEW_SCHEMA},
        },
    ),
}
"""JSON Schema (draft 2020-12) of a graph file."""
