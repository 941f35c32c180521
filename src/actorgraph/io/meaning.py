"""Checks a schema cannot express: unique ids, known kinds and types, names that pick
out one actor, ties between declared actors with evidence from declared sources, dates
in order. Tolerant of items the schema already rejected (the schema says why).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Iterator
from typing import Any

from actorgraph.exceptions import Problem
from actorgraph.io.positioned import PathKey, PositionedData
from actorgraph.model import RELATION_IDENTITY, name_key, parse_partial_date
from actorgraph.vocabulary import (
    BUILTIN,
    UNREVIEWED,
    ActorKind,
    RelationType,
    Vocabulary,
    closest_names,
    declared_entry,
    trigger_problem,
)

SINGULAR = {
    "actors": "actor",
    "relations": "relation",
    "sources": "source",
    "evidence": "evidence item",
    "actor_kinds": "actor kind",
    "relation_types": "relation type",
    "vocabulary": "vocabulary",
}
END_WORDS = {"source": "first actor (source)", "target": "second actor (target)"}
_MAX_LISTED = 40


def did_you_mean(
    name: str, known: Iterable[str], label: str, other_names: dict[str, str] | None = None
) -> str:
    """A hint naming the closest known id (also matched by ``other_names``) and the choices."""
    known = list(known)
    pairs = [(k, k) for k in known] + list((other_names or {}).items())
    close = closest_names(name, pairs, limit=1)
    listed = (
        f"{label}: {', '.join(known)}" if len(known) <= _MAX_LISTED else f"{len(known)} {label}"
    )
    return f"did you mean '{close[0]}'? {listed}" if close else listed


def _items(data: dict[str, Any], key: str) -> Iterator[tuple[int, dict[str, Any]]]:
    value = data.get(key)
    if isinstance(value, list):
        for index, item in enumerate(value):
            if isinstance(item, dict):
                yield index, item


class Meaning:
    """Checks a schema cannot express; tolerant of items the schema already rejected."""

    def __init__(self, doc: PositionedData, filename: str):
        self.doc, self.data, self.filename = doc, doc.data, filename
        self.found: list[Problem] = []

    def add(self, path: PathKey, message: str, hint: str = "") -> None:
        self.found.append(
            Problem(self.doc.file_of(path, self.filename), self.doc.line_of(path), message, hint)
        )

    def problems(self) -> list[Problem]:
        vocabulary = self.vocabulary()
        sources = self.unique_ids("sources", "source")
        actors = self.unique_ids("actors", "actor")
        names = self.check_actors(vocabulary)
        self.check_relations(vocabulary, actors, names, sources)
        self.check_views(vocabulary, actors, names)
        self.check_dates()
        return self.found

    def unique_ids(self, section: str, word: str) -> dict[str, int]:
        seen: dict[str, int] = {}
        for index, item in _items(self.data, section):
            ident = item.get("id")
            if not isinstance(ident, str):
                continue
            first = seen.setdefault(ident, index)
            if first != index:
                self.add(
                    (section, index, "id"),
                    f"duplicate {word} id '{ident}'",
                    f"first defined on line {self.doc.line_of((section, first, 'id'))}",
                )
        return seen

    def vocabulary(self) -> Vocabulary:
        declared = self.data.get("vocabulary")
        if not isinstance(declared, dict):
            return BUILTIN
        kinds: list[ActorKind] = []
        types: list[RelationType] = []
        for section, builtins, out in (
            ("actor_kinds", BUILTIN.actor_kinds, kinds),
            ("relation_types", BUILTIN.relation_types, types),
        ):
            seen: dict[str, int] = {}
            for index, item in _items(declared, section):
                ident = item.get("id")
                path = ("vocabulary", section, index, "id")
                if not isinstance(ident, str):
                    continue
                word = SINGULAR[section]
                if ident in builtins:
                    self.add(
                        path,
                        f"{word} '{ident}' is built in already",
                        "use the built-in one or choose another id",
                    )
                elif ident in seen:
                    self.add(
                        path,
                        f"{word} '{ident}' is declared twice",
                        f"first declared on line {seen[ident]}",
                    )
                else:
                    seen[ident] = self.doc.line_of(path)
                    out.append(declared_entry(section, item))
                triggers = item.get("triggers") if section == "relation_types" else None
                for t_index, trigger in enumerate(triggers if isinstance(triggers, list) else []):
                    problem = trigger_problem(trigger) if isinstance(trigger, str) else None
                    if problem:
                        self.add(
                            ("vocabulary", section, index, "triggers", t_index),
                            f"trigger {trigger!r}: {problem}",
                        )
        return BUILTIN.extended(kinds, types)

    def check_actors(self, vocabulary: Vocabulary) -> dict[str, str]:
        """Check kinds and name clashes; return every casefolded name -> actor id."""
        owners: dict[str, tuple[str, int]] = {}
        for index, actor in _items(self.data, "actors"):
            kind = actor.get("kind")
            if isinstance(kind, str) and kind not in vocabulary.actor_kinds:
                self.add(
                    ("actors", index, "kind"),
                    f"unknown actor kind '{kind}'",
                    did_you_mean(kind, vocabulary.actor_kinds, "known kinds"),
                )
            ident = actor.get("id")
            aliases = actor.get("aliases") if isinstance(actor.get("aliases"), list) else []
            names = [actor.get("id"), actor.get("name"), *aliases]
            for name in dict.fromkeys(name_key(n) for n in names if isinstance(n, str)):
                owner = owners.get(name)
                if owner and owner[0] != ident:
                    self.add(
                        ("actors", index),
                        f"name '{name}' is used by both '{owner[0]}' "
                        f"(line {self.doc.line_of(('actors', owner[1]))}) and '{ident}'",
                        "names and aliases must pick out one actor",
                    )
                elif not owner:
                    owners[name] = (str(ident), index)
        return {name: owner[0] for name, owner in owners.items()}

    def check_relations(
        self,
        vocabulary: Vocabulary,
        actors: dict[str, int],
        names: dict[str, str],
        sources: dict[str, int],
    ) -> None:
        # the hot loop for big graphs: plain lookups first, messages only on a problem
        # (isinstance first: a list where an id belongs cannot be looked up)
        types = vocabulary.relation_types
        first_index: dict[tuple[Any, ...], int] = {}
        for index, relation in _items(self.data, "relations"):
            get = relation.get
            source, target, rtype = get("source"), get("target"), get("type")
            if isinstance(source, str) and source not in actors:
                self.unknown_end(index, "source", source, actors, names)
            if isinstance(target, str) and target not in actors:
                self.unknown_end(index, "target", target, actors, names)
            if isinstance(rtype, str) and rtype not in types:
                self.add(
                    ("relations", index, "type"),
                    f"unknown relation type '{rtype}'",
                    did_you_mean(rtype, types, "known types"),
                )
            if source == target and source is not None:
                self.add(
                    ("relations", index),
                    f"relation from '{source}' to itself",
                    "self-loops are refused: a tie needs two actors",
                )
            strength = get("strength")
            if isinstance(strength, float) and not math.isfinite(strength):
                self.add(
                    ("relations", index, "strength"),
                    f"strength must be between 0 and 1, got {strength}",
                )
            evidence = get("evidence")
            if isinstance(evidence, list):
                for e_index, item in enumerate(evidence):
                    if not isinstance(item, dict):
                        continue
                    if "claim" not in item:
                        self.check_unclaimed(index, e_index, relation, item)
                    cited = item.get("source")
                    if isinstance(cited, str) and cited not in sources:
                        self.add(
                            ("relations", index, "evidence", e_index, "source"),
                            f"unknown evidence source '{cited}'",
                            did_you_mean(cited, sources, "sources in this file")
                            if sources
                            else "declare it under 'sources:'",
                        )
            signature = tuple(map(get, RELATION_IDENTITY))
            try:
                first = first_index.setdefault(signature, index)
            except TypeError:  # a list or mapping where a value belongs; the schema says so
                first = first_index.setdefault(tuple(map(repr, signature)), index)
            if first != index:
                self.add(
                    ("relations", index),
                    "the same relation is stated twice",
                    f"first on line {self.doc.line_of(('relations', first))}; merge their evidence",
                )

    def unknown_end(
        self, index: int, end: str, name: str, actors: dict[str, int], names: dict[str, str]
    ) -> None:
        """A relation's end names no actor of the file."""
        self.add(
            ("relations", index, end),
            f"unknown {END_WORDS[end]} '{name}'",
            did_you_mean(name, actors, "known actors", names),
        )

    def check_unclaimed(
        self, index: int, e_index: int, relation: dict[str, Any], item: dict[str, Any]
    ) -> None:
        """A quote may stand alone in a proposal; a reviewed tie needs the analyst's claim."""
        path = ("relations", index, "evidence", e_index)
        if "quote" not in item:
            self.add(path, "evidence item is missing 'claim'", "say what the source shows")
        elif relation.get("status") not in UNREVIEWED:
            self.add(
                path,
                "evidence has a quote but no claim",
                "write the claim in your own words, or mark the relation 'status: proposed'",
            )

    def check_views(
        self, vocabulary: Vocabulary, actors: dict[str, int], names: dict[str, str]
    ) -> None:
        """A view names actors, kinds and types the file knows."""
        self.unique_ids("views", "view")
        for index, view in _items(self.data, "views"):
            named = [("focus", view.get("focus"))]
            for p_index, pair in enumerate(view.get("paths") or ()):
                if isinstance(pair, list):
                    named += [(("paths", p_index, end), a) for end, a in enumerate(pair)]
            for where, actor in named:
                if isinstance(actor, str) and actor not in actors:
                    path = ("views", index, *(where if isinstance(where, tuple) else (where,)))
                    self.add(
                        path,
                        f"view names unknown actor '{actor}'",
                        did_you_mean(actor, actors, "known actors", names),
                    )
            for field_name, known, word in (
                ("kinds", vocabulary.actor_kinds, "actor kind"),
                ("types", vocabulary.relation_types, "relation type"),
            ):
                for k_index, value in enumerate(view.get(field_name) or ()):
                    if isinstance(value, str) and value not in known:
                        self.add(
                            ("views", index, field_name, k_index),
                            f"view names unknown {word} '{value}'",
                            did_you_mean(value, known, f"known {word}s"),
                        )

    def check_dates(self) -> None:
        def check(path: PathKey, value: Any) -> dt.date | None:
            if isinstance(value, (str, int)) and not isinstance(value, bool):
                bounds = parse_partial_date(value)
                if bounds is None:
                    self.add(path, f"invalid date {value!r}", "use YYYY, YYYY-MM or YYYY-MM-DD")
                    return None
                return bounds[0]
            return None

        if "as_of" in self.data:
            check(("as_of",), self.data["as_of"])
        for index, source in _items(self.data, "sources"):
            if "published" in source:
                check(("sources", index, "published"), source["published"])
        for index, view in _items(self.data, "views"):
            if "as_of" in view:
                check(("views", index, "as_of"), view["as_of"])
        for index, relation in _items(self.data, "relations"):
            if "since" not in relation and "until" not in relation:
                continue
            since = until = None
            if "since" in relation:
                since = check(("relations", index, "since"), relation["since"])
            if "until" in relation:
                until = check(("relations", index, "until"), relation["until"])
            if since and until and until < since:
                self.add(
                    ("relations", index, "until"),
                    f"until ({relation['until']}) is before since ({relation['since']})",
                )
