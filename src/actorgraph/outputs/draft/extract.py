"""From a sentence's mentions and triggers to (source, type, target) proposals.

For a plain trigger the source is the nearest actor before it in the same
clause (skipping asides such as ", especially X," and relative clauses, whose
antecedent stands in for "who"), and the target the first actor after it, with
actors joined by "and" taken together. The passive turns this round ("Y is
backed by X", "companies owned by X"), so do "support from X" and a leading
``~``; "between X and Y" names both ends; "X's dependence on Y" and
"Chinese investments in Belarus" read the possessive or adjective as the
source. Role phrases add their own ties: "Belarusian president Aleksandr
Lukashenko" (leads), "the Chinese ambassador, Xie Xiaoyong" (represents),
"Russian troops" (part of).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from actorgraph.outputs.draft.mentions import (
    FORCES,
    PRONOUNS,
    STATE_LIKE,
    TITLES,
    Lexicon,
    Mention,
)
from actorgraph.outputs.draft.patterns import SKIPPABLE, Trigger, blocked
from actorgraph.outputs.draft.text import Token

_CLAUSE_WORDS = {"but", "while", "whereas", "although", "though", "because"}
_AFTER_COMMA = _CLAUSE_WORDS | {"and", "which", "who", "whom", "whose", "where", "when", "if"}
_RELATIVE = {"who", "which", "that", "whose"}
_ASIDE_OPENERS = {
    "especially", "including", "notably", "particularly", "mainly", "mostly", "like", "such",
    "in", "at", "during", "after", "before", "with", "according", "despite", "among",
    "which", "who", "whose", "for", "once", "then", "now", "reportedly",
}  # fmt: skip
_DASHES = {"–", "—", "(", ")", "-"}
PATIENT_WINDOW = 5
AGENT_WINDOW = 20


@dataclass(frozen=True)
class Found:
    """One proposed tie in one sentence."""

    source: str
    type: str
    target: str
    trigger: str


class Sentence:
    """A tokenised sentence with its mentions, clauses and asides worked out."""

    def __init__(self, toks: list[Token], mentions: list[Mention]):
        self.toks, self.mentions = toks, mentions
        self.keys = [t.key for t in toks]
        self.owner: dict[int, Mention] = {i: m for m in mentions for i in range(m.start, m.end)}
        self.clause = self._clauses()
        self.aside = self._asides()

    def _clauses(self) -> list[int]:
        clause, ids = 0, []
        for i, key in enumerate(self.keys):
            after = self.keys[i + 1] if i + 1 < len(self.keys) else ""
            if (
                key in (";", ":")
                or key in _CLAUSE_WORDS
                and i not in self.owner
                or key == ","
                and (after in _AFTER_COMMA or _participle(after))
            ):
                clause += 1
            ids.append(clause)
        return ids

    def _asides(self) -> list[int]:
        """For each token, the number of the aside it sits in (0: none)."""
        marks = [0] * len(self.keys)
        number, i = 0, 0
        while i < len(self.keys):
            key = self.keys[i]
            closer = {"(": ")", ",": ",", "–": "–", "—": "—"}.get(key)
            nxt = self.keys[i + 1] if i + 1 < len(self.keys) else ""
            if closer and (key != "," or nxt in _ASIDE_OPENERS or self._apposition(i)):
                end = next(
                    (j for j in range(i + 1, len(self.keys)) if self.keys[j] in (closer, ".")),
                    None,
                )
                if end is not None and self.keys[end] == closer and end - i > 1:
                    number += 1
                    for j in range(i + 1, end):
                        marks[j] = number
                    i = end
                    continue
            i += 1
        return marks

    def _apposition(self, comma: int) -> bool:
        """ ", the US secretary of state," or ", Iran's proxy," describes who stands
        before it: an aside."""
        words = []
        for key in self.keys[comma + 1 : comma + 9]:
            if key in (",", "."):
                break
            words.append(key)
        if "'s" in words[1:4] and len(words) <= 6:
            return True
        if not words or words[0] not in ("the", "a", "an"):
            return False
        return any(
            " ".join(words[i : i + n]) in TITLES for i in range(len(words)) for n in (1, 2, 3)
        )

    def free(self, i: int) -> bool:
        """Whether token ``i`` may be part of a trigger (it names no actor)."""
        return i not in self.owner


def _participle(word: str) -> bool:
    """ "stressing", "hoping": after a comma, a clause whose subject is the sentence's."""
    return len(word) > 5 and word.endswith("ing") and word.isalpha()


_BE = {"is", "are", "was", "were", "be", "been", "being", "get", "got", "gets", "getting"}


def _passive(sentence: Sentence, start: int) -> bool:
    """Whether the trigger at ``start`` is a passive participle: "were dragged into"."""
    word = sentence.keys[start]
    if not (word.endswith(("ed", "en", "wn")) or word in ("led", "sent", "held", "lent")):
        return False
    at = start - 1
    while at >= 0 and (sentence.keys[at] in SKIPPABLE or sentence.keys[at] == "not"):
        at -= 1
    return at >= 0 and sentence.keys[at] in _BE


def _coordinated(sentence: Sentence, first: Mention, step: int) -> list[Mention]:
    """``first`` and the actors joined to it by "and", "or", "," (forwards or backwards)."""
    group = [first]
    joined_by_and = False
    ms = sentence.mentions
    at = ms.index(first)
    while 0 <= at + step < len(ms):
        nxt = ms[at + step]
        if sentence.clause[nxt.start] != sentence.clause[first.start]:
            break
        gap = range(first.end, nxt.start) if step > 0 else range(nxt.end, group[-1].start)
        words = [sentence.keys[i] for i in gap if sentence.keys[i] not in ("'s", "the")]
        if not words or any(w not in ("and", "or", ",", "as", "well") for w in words):
            break
        if not any(w in ("and", "or", ",") for w in words):
            break
        group.append(nxt)
        joined_by_and = joined_by_and or any(w in ("and", "or") for w in words)
        first, at = nxt, at + step
    # "X, Y and Z" is a list; "X, the Y-led alliance" with commas only is an apposition
    return group if joined_by_and else group[:1]


def _before(sentence: Sentence, at: int) -> list[Mention]:
    """The source side of a trigger starting at token ``at``."""
    clause, aside = sentence.clause[at], sentence.aside[at]
    for m in reversed(sentence.mentions):
        if m.end > at:
            continue
        if at - m.end > AGENT_WINDOW:
            break
        if sentence.aside[m.start] and sentence.aside[m.start] != aside:
            continue  # inside an aside the trigger is not part of
        if sentence.clause[m.start] != clause:
            break
        return _coordinated(sentence, m, -1)
    # none in the clause: "X, who served Y" -> X; "X ..., while undercutting Y" -> X
    start = next(i for i in range(at, -1, -1) if sentence.clause[i] != clause or i == 0)
    boundary = start if sentence.clause[start] != clause else -1
    opener = next((k for k in sentence.keys[boundary + 1 : at + 1] if k[:1].isalnum()), "")
    if aside and boundary < 0:  # a trigger in an aside: its head stands before it
        head = min(i for i, a in enumerate(sentence.aside) if a == aside)
        return [m for m in sentence.mentions if m.end < head][-1:]
    if boundary >= 0 and opener in _RELATIVE:
        return [m for m in sentence.mentions if m.end <= boundary + 1][-1:]
    if boundary >= 0 and (opener in ("while", "and", "but", "whereas") or _participle(opener)):
        subjects = [m for m in sentence.mentions if not sentence.aside[m.start]]
        return subjects[:1] if subjects and subjects[0].end <= boundary + 1 else []
    return []


def _after(sentence: Sentence, at: int, window: int = PATIENT_WINDOW) -> list[Mention]:
    """The target side of a trigger ending before token ``at``."""
    clause = sentence.clause[at - 1] if at else 0
    for m in sentence.mentions:
        if m.start < at:
            continue
        if m.start - at > window or sentence.clause[m.start] != clause:
            return []
        if sentence.aside[m.start] and not sentence.aside[at - 1]:
            continue
        return _coordinated(sentence, m, 1)
    return []


def _mention_at(sentence: Sentence, at: int, reach: int = 3) -> Mention | None:
    for m in sentence.mentions:
        if at <= m.start <= at + reach and all(
            sentence.keys[i] in SKIPPABLE for i in range(at, m.start)
        ):
            return m
    return None


def match_trigger(
    sentence: Sentence, trigger: Trigger, used: set[int]
) -> Iterator[tuple[int, int, dict]]:
    """Where a trigger matches: (start, end, slots) with slots naming mentions."""
    keys, items = sentence.keys, trigger.items
    first = items[0]
    for start in range(len(keys)):
        if isinstance(first, frozenset) and (keys[start] not in first or start in used):
            continue
        at, slots, ok = start, {}, True
        for n, item in enumerate(items):
            if isinstance(item, str):
                mention = _mention_at(sentence, at, 1 if n else 0)
                if mention is None:
                    ok = False
                    break
                slots[item] = mention
                at = mention.end
                continue
            skipped = 0
            while (
                at < len(keys)
                and keys[at] not in item
                and keys[at] in SKIPPABLE
                and skipped < 2
                and n
            ):
                at, skipped = at + 1, skipped + 1
            if at >= len(keys) or keys[at] not in item or not sentence.free(at) or at in used:
                ok = False
                break
            at += 1
        if ok and not blocked(keys, start, at):
            yield start, at, slots


def roles(
    sentence: Sentence, trigger: Trigger, start: int, end: int, symmetric: bool
) -> list[tuple[Mention, Mention]]:
    """(source, target) mention pairs for a plain trigger at ``start..end``."""
    keys = sentence.keys
    nxt = keys[end] if end < len(keys) else ""
    sources: list[Mention]
    targets: list[Mention]
    if nxt in ("by", "from") and (agent := _mention_at(sentence, end + 1)):
        if nxt == "from" and trigger.type == "withdraws_from":
            return []
        sources, targets = _coordinated(sentence, agent, 1), _before(sentence, start)
    elif nxt == "between" and (first := _mention_at(sentence, end + 1)):
        pair = _coordinated(sentence, first, 1)
        return [(pair[0], pair[1])] if len(pair) >= 2 else []
    elif _passive(sentence, start):
        return []  # "Belarus was dragged into": the one who did it is not named
    else:
        sources, targets = _before(sentence, start), _after(sentence, end)
        if symmetric and not targets and len(sources) == 1 and start - sources[0].end <= 3:
            # "X, Y's closest ally": the partner stands just before
            sources = (
                sources
                + [
                    m
                    for m in sentence.mentions
                    if m.end <= sources[0].start
                    and sentence.clause[m.start] == sentence.clause[sources[0].start]
                    and sources[0].start - m.end <= AGENT_WINDOW
                    and m.actor != sources[0].actor
                ][-1:]
            )
        if symmetric and not targets and len(sources) >= 2:
            sources, targets = sources[1:2], sources[:1]
    pairs = [(s, t) for s in sources[:3] for t in targets[:3]]
    return [(t, s) for s, t in pairs] if trigger.inverted else pairs


def role_ties(lexicon: Lexicon, sentence: Sentence) -> tuple[list[Mention], list[Found]]:
    """Role phrases: merge "Belarusian president Aleksandr Lukashenko" into one mention
    of Lukashenko and tie him to Belarus; make "Belarusian ambassador" an actor."""
    keys, mentions, found = sentence.keys, list(sentence.mentions), []
    states = {m.start: m for m in mentions if _state_like(lexicon, m)}
    for m in list(mentions):
        inner = _inner_role(lexicon, sentence, m)
        if inner:
            found.append(inner)
    for q_start, q in states.items():
        role, kind = _role_after(keys, q.end)
        if role is None:
            continue
        r_end = q.end + (keys[q.end] == "'s") + len(role.split())
        rtype = TITLES.get(role, "part_of")
        holder = _holder(sentence, mentions, q, r_end)
        if holder is not None:
            merged = Mention(
                min(holder.start, q_start), max(holder.end, r_end), holder.actor, "role"
            )
            mentions = [x for x in mentions if x is not holder and x is not q]
            mentions.append(merged)
            if holder.actor != q.actor:
                found.append(Found(holder.actor, rtype, q.actor, role))
            continue
        words = tuple(keys[q.start : r_end])
        actor = lexicon.prefix_match(words)
        if actor is None and role in FORCES:  # "Russian troops" for the graph's "Russian military"
            actor = lexicon.known_forces(keys[q.start])
        if actor is None and q.form == "adjective" and sentence.free(r_end - 1):
            adjective = sentence.toks[q.start].text
            label = FORCES.get(role, role)
            actor = lexicon.candidate(f"{adjective} {label}", kind)
        if actor is not None and actor != q.actor:
            mentions = [x for x in mentions if x is not q]
            mentions.append(Mention(q_start, r_end, actor, "role"))
            found.append(Found(actor, rtype, q.actor, role))
    mentions.extend(_their_forces(lexicon, sentence, mentions, found))
    mentions.sort(key=lambda x: x.start)
    return mentions, found


def _their_forces(
    lexicon: Lexicon, sentence: Sentence, mentions: list[Mention], found: list[Found]
) -> list[Mention]:
    """ "Russia ... its own forces": the forces of the state last named."""
    keys, added = sentence.keys, []
    for i, key in enumerate(keys):
        if key not in ("its", "their") or i in sentence.owner:
            continue
        at = i + 1 + (i + 1 < len(keys) and keys[i + 1] == "own")
        role, _ = _role_after(keys, at)
        if role not in FORCES or any(m.start <= at < m.end for m in mentions):
            continue
        state = next(
            (m for m in reversed(mentions) if m.end <= i and _state_like(lexicon, m)), None
        )
        adjective = lexicon.adjective_of(state.actor) if state else None
        if state is None or adjective is None:
            continue
        actor = lexicon.candidate(f"{adjective} {FORCES[role]}", "military")
        added.append(Mention(at, at + len(role.split()), actor, "role"))
        found.append(Found(actor, "part_of", state.actor, role))
    return added


_POSSESSED = {"government": "leads", "party": "leads", "military": "commands"}


def possessive_ties(lexicon: Lexicon, sentence: Sentence) -> list[Found]:
    """ "Lukashenko's regime", "his regime", "Putin's army": the person leads or commands it."""
    found = []
    keys = sentence.keys
    for m in sentence.mentions:
        kind = lexicon.actors[m.actor].kind
        if kind != "person" or m.form == "adjective":
            continue
        nxt = m.end + (1 if m.form != "pronoun" else 0)
        if m.form != "pronoun" and (m.end >= len(keys) or keys[m.end] != "'s"):
            continue
        owned = next((o for o in sentence.mentions if o.start == nxt), None)
        if owned is not None and owned.actor != m.actor:
            rtype = _POSSESSED.get(lexicon.actors[owned.actor].kind)
            if rtype:
                found.append(Found(m.actor, rtype, owned.actor, "'s"))
    for m in sentence.mentions:  # a name with the possessor inside: "Lukashenko's regime"
        inner = keys[m.start : m.end]
        rtype = _POSSESSED.get(lexicon.actors[m.actor].kind)
        if rtype and len(inner) >= 3 and inner[1] == "'s":
            owner = lexicon.match(sentence.toks[m.start : m.start + 1], 0)
            if owner and owner.actor != m.actor and lexicon.actors[owner.actor].kind == "person":
                found.append(Found(owner.actor, rtype, m.actor, "'s"))
    return found


def _state_like(lexicon: Lexicon, m: Mention) -> bool:
    return m.form in ("adjective", "name") and lexicon.actors[m.actor].kind in STATE_LIKE


def _role_after(keys: list[str], at: int) -> tuple[str | None, str]:
    if at < len(keys) and keys[at] == "'s":
        at += 1
    for size in (3, 2, 1):
        phrase = " ".join(keys[at : at + size])
        if phrase in TITLES:
            return phrase, "person"
        if phrase in FORCES:
            return phrase, "military"
    return None, ""


def _holder(sentence: Sentence, mentions: list[Mention], q: Mention, r_end: int) -> Mention | None:
    """The person a role phrase names: right after it, or before ", the ROLE"."""
    keys = sentence.keys
    after = r_end + (1 if r_end < len(keys) and keys[r_end] == "," else 0)
    for m in mentions:
        if m.start == after and m.form == "name" and m is not q:
            return m
    before = q.start - 1
    while before >= 0 and keys[before] in ("the", "a", "its", "their"):
        before -= 1
    if before >= 0 and keys[before] == ",":
        for m in mentions:
            if m.end == before and m.form == "name":
                return m
    return None


def _inner_role(lexicon: Lexicon, sentence: Sentence, m: Mention) -> Found | None:
    """A known actor named by a role phrase ("Chinese ambassador", "Russian troops")."""
    keys = sentence.keys[m.start : m.end]
    if len(keys) < 2 or m.form != "name":
        return None
    state = lexicon.adjectives.get(keys[0])
    role, _ = _role_after(keys, 1)
    if state is None or role is None or state == m.actor:
        return None
    return Found(m.actor, TITLES.get(role, "part_of"), state, role)


def _owned_by(lexicon: Lexicon, sentence: Sentence, at: int, person: str) -> Mention | None:
    if sentence.keys[at] not in ("his", "her") or at + 1 in sentence.owner:
        return None
    surname = lexicon.actors[person].name.split()[-1]
    probe = [Token(surname, 0, 0), Token("'s", 0, 0), *sentence.toks[at + 1 : at + 4]]
    entry = lexicon.match(probe, 0)
    if entry is None or len(entry.words) < 3 or entry.words[1] != "'s":
        return None
    return Mention(at + 1, at + len(entry.words) - 1, entry.actor)


def resolve_pronouns(sentence: Sentence, lexicon: Lexicon, last: dict[str, str]) -> list[Mention]:
    """Read "he", "his", "her" as the person last named and "its" as the state or body
    last named, in this sentence or before; ``last`` carries them from one to the next."""
    mentions = list(sentence.mentions)
    by_start = {m.start: m for m in mentions}
    for i, key in enumerate(sentence.keys):
        named = by_start.get(i)
        if named is not None and named.form != "pronoun":
            last["person" if lexicon.actors[named.actor].kind == "person" else "body"] = named.actor
        elif i in sentence.owner:
            continue
        elif key in PRONOUNS and "person" in last:
            owned = _owned_by(lexicon, sentence, i, last["person"])
            if owned is not None:  # "his regime" as "Lukashenko's regime"
                mentions.append(owned)
            mentions.append(Mention(i, i + 1, last["person"], "pronoun"))
        elif key == "its" and "body" in last:
            mentions.append(Mention(i, i + 1, last["body"], "pronoun"))
    mentions.sort(key=lambda x: x.start)
    return mentions
