"""How a file's columns become a graph: the ``--map``, ``--default-*`` and ``--type-*`` flags.

Published data names its columns its own way (``state_name1``, ``Source``, ``From``);
:class:`ImportOptions` says which column is which field and what a missing field
defaults to, so that a dataset goes in with flags instead of a conversion script.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from actorgraph.exceptions import QueryError
from actorgraph.outputs.export import RELATION_COLUMNS
from actorgraph.text import slug
from actorgraph.vocabulary import CONFIDENCE_LEVELS

ACTOR_FIELDS = ("id", "name", "kind", "aliases", "description")
RELATION_FIELDS = (
    *RELATION_COLUMNS[:9],  # source, type, target, strength, confidence, since, until, id, note
    "claim",
    "direction",
    *(f"{end}_{part}" for end in ("since", "until") for part in ("year", "month", "day")),
)
MAP_FIELDS = tuple(dict.fromkeys((*RELATION_FIELDS, *ACTOR_FIELDS, "attribute")))
"""What ``--map COLUMN=FIELD`` may name: ``since_year`` etc. build a date from parts, and
``attribute`` keeps a column as a plain attribute when its name would mean a field."""

MAX_COLUMNS = 1_000
"""Columns a table may have: a 10^6-column CSV is refused before its rows are read."""
MAX_CELL_BYTES = 128 * 1024
"""Largest cell, attribute or XML text value an import accepts (128 KiB)."""
MAX_IMPORT_BYTES = 256 * 2**20
"""Largest file an import reads, as for JSON graph files."""


class ImportOptionError(QueryError):
    """A mapping flag that cannot be used: an unknown field, a malformed ``A=B``."""


@dataclass(frozen=True)
class ImportOptions:
    """Everything said on the command line about how to read a file."""

    title: str | None = None
    source_format: str | None = None
    mapping: dict[str, str] = field(default_factory=dict)
    default_kind: str | None = None
    default_type: str | None = None
    default_strength: float | None = None
    default_confidence: str | None = None
    type_from: str | None = None
    type_map: dict[str, str] = field(default_factory=dict)
    undirected: bool = False
    url: str | None = None

    def __post_init__(self) -> None:
        for column, name in self.mapping.items():
            if name not in MAP_FIELDS:
                raise ImportOptionError(
                    f"--map {column}={name}: unknown field '{name}'; "
                    f"fields: {', '.join(MAP_FIELDS)}"
                )
        if self.default_confidence not in (None, *CONFIDENCE_LEVELS):
            raise ImportOptionError(
                f"--default-confidence must be one of {', '.join(CONFIDENCE_LEVELS)}"
            )
        if self.default_strength is not None and not 0 <= self.default_strength <= 1:
            raise ImportOptionError("--default-strength must be between 0 and 1")
        if self.type_map and not self.type_from:
            raise ImportOptionError("--type-map needs --type-from COLUMN")


# fields of actorgraph's own files, read by name when a file is one of ours
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


def resolve_columns(columns: list[str], role: str, options: ImportOptions) -> dict[str, str]:
    """Column -> field, for the columns that are fields (the rest are attributes).

    ``--map`` first, then a column named as a field (ignoring case and spaces), then
    synonyms; a field is taken by one column only.
    """
    fields, extra, synonyms = (
        (ACTOR_FIELDS, _NODE_EXTRA, _NODE_SYNONYMS)
        if role == "actors"
        else (RELATION_FIELDS, _EDGE_EXTRA, _EDGE_SYNONYMS)
    )
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


def pairs(values: tuple[str, ...] | list[str], flag: str) -> dict[str, str]:
    """``("a=b", "c=d")`` -> ``{"a": "b", "c": "d"}``; the column may itself hold '='.

    >>> pairs(["state_name1=source", "x=y=target"], "--map")
    {'state_name1': 'source', 'x=y': 'target'}
    """
    found: dict[str, str] = {}
    for value in values:
        left, equals, right = value.rpartition("=")
        if not equals or not left or not right.strip():
            raise ImportOptionError(f"{flag} {value!r}: write it as NAME=VALUE")
        found[left] = right.strip()
    return found


def type_id(text: str) -> str:
    """A relation type as data often spells it ('Allied with', 'allied-with') -> 'allied_with'.

    >>> type_id("Allied with")
    'allied_with'
    """
    return slug(text).replace("-", "_")
