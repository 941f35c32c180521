"""Trigger words and slot patterns, compiled for matching against sentence tokens.

A relation type's triggers (see :attr:`actorgraph.vocabulary.RelationType.triggers`)
are written in base form; each word also matches its inflections, so
``"prop up"`` finds "propped up" and ``"ally"`` finds "allies" and "allied".
A leading ``~`` swaps the roles (the subject is the relation's target), and
``{a}`` / ``{b}`` mark where the source and the target stand.

>>> sorted(forms("rely"))
['relied', 'relies', 'rely', 'relying']
>>> compile_trigger("depends_on", "~lifeline for").inverted
True
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from actorgraph.outputs.draft.text import tokens, word_set
from actorgraph.vocabulary import RelationType

FUNCTION_WORDS = word_set(
    "to of on in into with for from by the a an and or over against about out up down "
    "between at as 's , under is are was were be been being"
)
# words a multiword trigger may skip: "call all the shots", "prop up Lukashenko's regime"
SKIPPABLE = word_set(
    "the a an all its their his her also further still even more most very really "
    "actively directly openly increasingly heavily largely strongly firmly constant "
    "repeated new renewed fresh first own"
)
_IRREGULAR = {
    "lead": "led", "fight": "fought", "lend": "lent", "hold": "held", "send": "sent",
    "meet": "met", "seek": "sought", "withdraw": "withdrew withdrawn", "strike": "struck",
    "buy": "bought", "sell": "sold", "pay": "paid", "leave": "left", "stand": "stood",
    "speak": "spoke spoken", "undercut": "undercut", "quit": "quit", "shoot": "shot",
    "bring": "brought", "drive": "drove driven", "take": "took taken", "give": "gave given",
    "fly": "flew flown", "tell": "told", "win": "won", "keep": "kept", "owe": "owed",
}  # fmt: skip
_BLOCKED = {
    ("as", "part", "of"), ("lead", "to"), ("led", "to"), ("leads", "to"), ("leading", "to"),
    ("back", "to"), ("back", "in"), ("back", "into"), ("take", "part"), ("took", "part"),
    ("in", "part"), ("left", "wing"), ("the", "left"), ("its", "own"), ("their", "own"),
    ("his", "own"), ("her", "own"), ("supply", "line"), ("supply", "lines"), ("supply", "route"),
    ("supply", "routes"), ("supply", "chain"), ("supply", "chains"),
}  # fmt: skip
"""Word sequences that look like a trigger but are idioms: "as part of", "lead to"."""


def forms(word: str) -> set[str]:
    """A word and its likely inflections (a superset: extra non-words never match)."""
    if word in FUNCTION_WORDS or not word.isalpha() or len(word) < 3:
        return {word}
    if word.endswith("y") and word[-2] not in "aeiou":
        found = {word, word + "ing", word[:-1] + "ies", word[:-1] + "ied"}
    else:
        found = {word, word + "s", word + "es", word + "ed", word + "ing"}
    if word.endswith("e"):
        found |= {word + "d", word[:-1] + "ing"}
    if word[-1] not in "aeiouwxy" and word[-2] in "aeiou" and word[-3] not in "aeiou":
        found |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    found |= set(_IRREGULAR.get(word, "").split())
    return found


@dataclass(frozen=True)
class Trigger:
    """One compiled trigger: word-form sets and slots, for one relation type."""

    type: str
    text: str
    items: tuple[frozenset[str] | str, ...]  # a set of forms, or the slot "a" / "b"
    inverted: bool = False

    @property
    def slotted(self) -> bool:
        return any(isinstance(item, str) for item in self.items)

    @cached_property
    def words(self) -> frozenset[str]:
        """Every form of the trigger's rarest-looking word: a sentence without one of them
        cannot match (the longest word stands in for "rarest")."""
        sets = [item for item in self.items if isinstance(item, frozenset)]
        return max(sets, key=lambda forms: max(map(len, forms))) if sets else frozenset()


def compile_trigger(relation_type: str, text: str) -> Trigger:
    """Compile one trigger string of a relation type."""
    inverted = text.startswith("~")
    body = text.lstrip("~").replace("{a}", " \x00a ").replace("{b}", " \x00b ")
    items: list[frozenset[str] | str] = []
    for part in body.split():
        if part in ("\x00a", "\x00b"):
            items.append(part[1])
        else:
            items.extend(frozenset(forms(t.key)) for t in tokens(part))
    return Trigger(relation_type, text, tuple(items), inverted)


def compile_triggers(types: Iterable[RelationType]) -> list[Trigger]:
    """Every trigger of every type; slot patterns first, then longer triggers first."""
    compiled = [compile_trigger(t.id, text) for t in types for text in t.triggers]
    return sorted(compiled, key=lambda t: (not t.slotted, -len(t.items), t.type, t.text))


def blocked(keys: list[str], start: int, end: int) -> bool:
    """Whether the words around ``start..end`` form an idiom that is no trigger."""
    for idiom in _BLOCKED:
        n = len(idiom)
        for at in range(max(0, start - n + 1), min(end, len(keys) - n + 1)):
            if tuple(keys[at : at + n]) == idiom:
                return True
    return False
