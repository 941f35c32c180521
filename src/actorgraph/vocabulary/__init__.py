"""Actor kinds and relation types: what a tie means, which way it moves whom.

Every relation type declares its *polarity* (cooperative, hostile or neutral,
with a cooperation-conflict score on the -10..+10 Goldstein scale) and its
*influence direction*: whether the tie lets the source move the target
(``forward``), the target move the source (``reverse``; e.g. ``depends_on``:
whoever is depended on holds leverage), both (``both``) or neither (``none``;
e.g. ``monitors``). Path queries follow influence, not arrow direction.

A graph file may add its own kinds and types under ``vocabulary:``; the
built-ins below cover geopolitics out of the box.

Examples
--------
>>> BUILTIN.relation_types["depends_on"].influence
'reverse'
>>> BUILTIN.relation_types["sanctions"].polarity
'hostile'
>>> BUILTIN.actor_kinds["military"].label
'Military / security forces'
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from actorgraph.vocabulary.builtin import ACTOR_KINDS, RELATION_TYPES, TRIGGERS
from actorgraph.vocabulary.definitions import ActorKind, RelationType, Vocabulary, trigger_problem
from actorgraph.vocabulary.rules import (
    CONFIDENCE_LEVELS,
    CONFIDENCE_RANK,
    EMBED_MODES,
    EMBED_SUFFIXES,
    EXPORT_FORMATS,
    FOLLOW_MODES,
    FOLLOW_WORDS,
    FORMULA_STARTS,
    FRAGMENT_HEIGHT,
    IMPORT_FORMATS,
    INFLUENCE_DIRECTIONS,
    LARGE_GRAPH,
    OUTPUT_FORMATS,
    PAPER_SIZES,
    PATH_WEIGHTS,
    PICTURE_FORMATS,
    POLARITIES,
    POLARITY_STYLE,
    PROPOSED_STYLE,
    RELATION_STATUSES,
    REPORT_FORMATS,
    SHAPES,
    UNREVIEWED,
    closest_names,
    tie_style,
)
from actorgraph.vocabulary.terms import CONCEPTS, MEASURES, METRICS, TERMS, WHATIF_METRICS, Term


def declared_entry(section: str, item: Mapping[str, Any]) -> ActorKind | RelationType:
    """An actor kind or relation type as a graph file declares it (already checked).

    >>> declared_entry("relation_types", {"id": "courts"}).label
    'courts'
    """
    if section == "actor_kinds":
        return ActorKind(
            item["id"],
            item.get("label", item["id"]),
            item.get("color", "#8d99ae"),
            item.get("shape", "dot"),
            item.get("description", ""),
        )
    return RelationType(
        item["id"],
        item.get("label", item["id"].replace("_", " ")),
        item.get("polarity", "neutral"),
        item.get("influence", "forward"),
        item.get("score"),
        item.get("plover"),
        item.get("description", ""),
        tuple(t for t in item.get("triggers", ()) if isinstance(t, str)),
    )


def declared_vocabulary(declared: Any) -> Vocabulary:
    """The built-ins plus what a file's ``vocabulary:`` section adds.

    Entries that clash with a built-in or an earlier declaration are skipped (the
    checks report them); anything not a mapping adds nothing.
    """
    if not isinstance(declared, Mapping):
        return BUILTIN
    found: dict[str, list[Any]] = {"actor_kinds": [], "relation_types": []}
    for section, builtins in (
        ("actor_kinds", BUILTIN.actor_kinds),
        ("relation_types", BUILTIN.relation_types),
    ):
        items = declared.get(section)
        seen: set[str] = set()
        for item in items if isinstance(items, list) else ():
            ident = item.get("id") if isinstance(item, Mapping) else None
            if isinstance(ident, str) and ident not in builtins and ident not in seen:
                seen.add(ident)
                found[section].append(declared_entry(section, item))
    return BUILTIN.extended(found["actor_kinds"], found["relation_types"])


BUILTIN = Vocabulary({k.id: k for k in ACTOR_KINDS}, {t.id: t for t in RELATION_TYPES})
"""The built-in geopolitical vocabulary every graph starts from."""

__all__ = [
    "ACTOR_KINDS",
    "ActorKind",
    "BUILTIN",
    "CONCEPTS",
    "CONFIDENCE_LEVELS",
    "CONFIDENCE_RANK",
    "EMBED_MODES",
    "EMBED_SUFFIXES",
    "EXPORT_FORMATS",
    "FOLLOW_MODES",
    "FOLLOW_WORDS",
    "FORMULA_STARTS",
    "FRAGMENT_HEIGHT",
    "IMPORT_FORMATS",
    "INFLUENCE_DIRECTIONS",
    "LARGE_GRAPH",
    "MEASURES",
    "METRICS",
    "OUTPUT_FORMATS",
    "PAPER_SIZES",
    "PATH_WEIGHTS",
    "PICTURE_FORMATS",
    "POLARITIES",
    "POLARITY_STYLE",
    "PROPOSED_STYLE",
    "RELATION_STATUSES",
    "RELATION_TYPES",
    "REPORT_FORMATS",
    "RelationType",
    "SHAPES",
    "TERMS",
    "TRIGGERS",
    "Term",
    "UNREVIEWED",
    "Vocabulary",
    "WHATIF_METRICS",
    "closest_names",
    "declared_entry",
    "declared_vocabulary",
    "tie_style",
    "trigger_problem",
]
