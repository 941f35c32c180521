"""The shapes of a vocabulary: actor kinds, relation types and the pair of tables."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any


@dataclass(frozen=True)
class ActorKind:
    """A kind of actor (person, state, military, ...) and how it is drawn."""

    id: str
    label: str
    color: str = "#8d99ae"
    shape: str = "dot"
    description: str = ""


@dataclass(frozen=True)
class RelationType:
    """A relation type with its polarity and the direction influence runs."""

    id: str
    label: str
    polarity: str
    influence: str
    score: float | None = None
    plover: str | None = None
    description: str = ""
    triggers: tuple[str, ...] = ()
    """Words and patterns that ``actorgraph draft`` reads as this relation in text:
    ``"depend on"`` (the subject is the source), ``"~owe"`` (the subject is the
    target), or with slots ``"withdrawal of {a} from {b}"`` (a: source, b: target)."""

    @property
    def symmetric(self) -> bool:
        """Whether a tie of this type reads the same either way round, so that it has no
        direction to draw: "A allied with B" is "B allied with A" (influence both ways), while
        "A member of B" is not, though A and B move each other.

        >>> from actorgraph.vocabulary import BUILTIN
        >>> [BUILTIN.relation_types[t].symmetric for t in ("consults", "member_of", "funds")]
        [True, False, False]
        """
        return self.influence == "both" and not self.id.endswith("_of")

    def influence_pairs(self, source: str, target: str) -> list[tuple[str, str]]:
        """The (mover, moved) pairs this tie creates between ``source`` and ``target``.

        >>> from actorgraph.vocabulary import BUILTIN
        >>> BUILTIN.relation_types["depends_on"].influence_pairs("belarus", "russia")
        [('russia', 'belarus')]
        >>> BUILTIN.relation_types["allied_with"].influence_pairs("a", "b")
        [('a', 'b'), ('b', 'a')]
        """
        if self.influence == "forward":
            return [(source, target)]
        if self.influence == "reverse":
            return [(target, source)]
        if self.influence == "both":
            return [(source, target), (target, source)]
        return []


@dataclass(frozen=True)
class Vocabulary:
    """The actor kinds and relation types a graph may use, keyed by id."""

    actor_kinds: Mapping[str, ActorKind] = field(default_factory=dict)
    relation_types: Mapping[str, RelationType] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # read-only views, so a vocabulary shared by graphs cannot be changed through one
        object.__setattr__(self, "actor_kinds", MappingProxyType(dict(self.actor_kinds)))
        object.__setattr__(self, "relation_types", MappingProxyType(dict(self.relation_types)))

    def __reduce__(self) -> tuple[Any, ...]:
        return (Vocabulary, (dict(self.actor_kinds), dict(self.relation_types)))

    def extended(
        self, kinds: Iterable[ActorKind] = (), types: Iterable[RelationType] = ()
    ) -> Vocabulary:
        """A new vocabulary with a graph file's own kinds and types added."""
        return Vocabulary(
            {**self.actor_kinds, **{k.id: k for k in kinds}},
            {**self.relation_types, **{t.id: t for t in types}},
        )


def trigger_problem(text: str) -> str | None:
    """What is wrong with a trigger string, or None: slots come in pairs, words are needed.

    >>> print(trigger_problem("{a} backs"))
    a pattern with {a} needs {b} too (and the other way round)
    >>> trigger_problem("{b} is backed by {a}") is None
    True
    """
    has_a, has_b = "{a}" in text, "{b}" in text
    if has_a != has_b:
        return "a pattern with {a} needs {b} too (and the other way round)"
    if text.count("{a}") > 1 or text.count("{b}") > 1:
        return "each slot ({a}, {b}) may appear once"
    if not re.search(r"\w", text.lstrip("~").replace("{a}", "").replace("{b}", "")):
        return "a trigger needs at least one word"
    if has_a and text.startswith("~"):
        return "'~' swaps the roles of a plain trigger; in a pattern, swap {a} and {b}"
    return None
