"""Who a sentence names: actors by name, alias, adjective, people, pronoun and role.

A :class:`Lexicon` knows every way of naming an actor: the graph's own names
and aliases (also with a possessive inside: "Lukashenko's regime" for
"Lukashenko regime"), and, from the gazetteer, the capitals, adjectives
("Belarusian") and peoples ("Russians") of the graph's states. Places the graph
lacks become candidate actors, as do capitalised names with an organisation word
("Ministry", "Institute") or a title before them ("President Emmanuel Macron").
The longest name wins: "Belarusian armed forces" before "Belarusian".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from actorgraph.model import Graph
from actorgraph.outputs.draft import gazetteer
from actorgraph.outputs.draft.text import Token, tokens, word_set
from actorgraph.text import slug as text_slug

CONNECTORS = {"of", "and", "for", "the", "de", "on", "in", "&"}
"""Lowercase words inside a proper name: Ministry of Defence, Institute for Peace."""

STATE_LIKE = {"state", "organisation", "bloc", "government"}

# organisation words in a capitalised name, and the kind they suggest
ORGANISATION_WORDS = {
    **dict.fromkeys(
        word_set(
            "ministry department government agency office cabinet parliament senate congress "
            "duma council commission presidency administration embassy"
        ),
        "government",
    ),
    **dict.fromkeys(
        word_set(
            "army forces navy guard guards brigade battalion regiment command militia corps fleet"
        ),
        "military",
    ),
    **dict.fromkeys(word_set("party movement opposition coalition"), "party"),
    **dict.fromkeys(
        word_set(
            "television tv radio news times post journal gazette press broadcasting newspaper"
        ),
        "media",
    ),
    **dict.fromkeys(
        word_set(
            "company corporation corp inc ltd bank group holdings airlines energy gazprom "
            "rosneft industries"
        ),
        "business",
    ),
    **dict.fromkeys(
        word_set(
            "union organisation organization alliance association committee institute "
            "university foundation fund centre center academy network court league federation "
            "programme program"
        ),
        "organisation",
    ),
}

# capitalised words that start sentences or headings but name no one
_NOT_NAMES = word_set(
    "the this that these those in on at for with but and as if when while meanwhile "
    "however so first second third here there it he she they we you i what given "
    "another a an by from to after before despite although since until yet also still "
    "even some many most other such both each every why how where who which our their "
    "his her its my your one two three all no not then thus hence moreover "
    "furthermore instead indeed perhaps january february march april may june july "
    "august september october november december monday tuesday wednesday thursday "
    "friday saturday sunday"
)

TITLES = {
    "president": "leads", "prime minister": "leads", "premier": "leads",
    "chancellor": "leads", "king": "leads", "queen": "leads", "emir": "leads",
    "leader": "leads", "supreme leader": "leads", "dictator": "leads", "ruler": "leads",
    "head of state": "leads", "monarch": "leads", "ambassador": "represents",
    "envoy": "represents", "foreign minister": "represents", "minister": "represents",
    "defence minister": "represents", "defense minister": "represents",
    "spokesman": "represents", "spokeswoman": "represents", "spokesperson": "represents",
    "diplomat": "represents", "representative": "represents", "negotiator": "represents",
    "emissary": "represents", "consul": "represents", "secretary of state": "represents",
    "foreign secretary": "represents", "defence secretary": "represents",
    "defense secretary": "represents", "secretary-general": "leads",
}  # fmt: skip
"""Person roles: "the Chinese ambassador, Xie Xiaoyong" -> Xie represents China."""

FORCES = {
    "army": "armed forces", "armed forces": "armed forces", "military": "armed forces",
    "troops": "armed forces", "forces": "armed forces", "soldiers": "armed forces",
    "units": "armed forces", "personnel": "armed forces", "navy": "navy",
    "air force": "air force", "security forces": "security forces",
    "security services": "security services", "police": "police",
    "intelligence": "intelligence services", "national guard": "national guard",
    "peacekeepers": "peacekeepers", "peacekeeping forces": "peacekeepers",
    "special forces": "special forces", "paratroopers": "armed forces",
    "marines": "armed forces", "mercenaries": "mercenaries", "fighters": "fighters",
}  # fmt: skip
"""Forces of a state: "Russian troops" are part of Russia (named "Russian armed forces")."""

_HONORIFICS = {"mr", "mrs", "ms", "dr", "sir", "general", "gen", "professor", "prof", "pope"}
_TITLE_WORDS = _HONORIFICS | set(TITLES)
PERSON_CUES = word_set(
    "billionaire oligarch businessman businesswoman tycoon founder chairman chairwoman ceo mp "
    "senator general commander colonel lieutenant lawyer journalist activist dissident "
    "blogger leader chief former late opposition rival critic mayor governor candidate"
)
"""Words before a capitalised name that say it is a person's: "billionaire Bidzina Ivanishvili"."""
_LOWER_ORGANISATION_WORDS = word_set("party movement ministry government army")
PRONOUNS = {"he", "him", "his", "himself", "she", "her", "hers", "herself"}


@dataclass
class ActorInfo:
    """An actor a draft may use: one of the graph's, or a new candidate."""

    id: str
    name: str
    kind: str
    known: bool
    aliases: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Mention:
    """Tokens ``start``..``end`` (exclusive) of a sentence naming ``actor``.

    ``form`` is ``name``, ``adjective`` ("Russian"), ``people`` ("Russians"),
    ``pronoun`` or ``role`` (a role phrase such as "Belarusian president X").
    """

    start: int
    end: int
    actor: str
    form: str = "name"


@dataclass(frozen=True)
class _Entry:
    words: tuple[str, ...]
    actor: str
    form: str
    exact_case: bool  # an acronym such as US, UK, EU: only in capitals
    capital: bool  # a proper name: its first word must be capitalised


def slug(name: str) -> str:
    """An actor id from a name: "UK Ministry of Defence's" -> "uk-ministry-of-defence"."""
    return (
        text_slug(name.casefold().replace("'s", "").replace("’s", "")).replace("_", "-") or "actor"
    )


def _words(name: str) -> tuple[str, ...]:
    return tuple(t.key for t in tokens(name))


class Lexicon:
    """Every name of every actor a draft may use, longest first."""

    def __init__(self, graph: Graph | None = None):
        self.actors: dict[str, ActorInfo] = {}
        self._index: dict[str, list[_Entry]] = {}
        self._taken: set[tuple[str, ...]] = set()
        self.adjectives: dict[str, str] = {}  # casefolded adjective -> actor id
        places = dict(gazetteer.ENTRIES)
        for actor in graph.actors if graph else ():
            self.actors[actor.id] = ActorInfo(
                actor.id, actor.name, actor.kind, True, list(actor.aliases)
            )
            for name in actor.names()[1:]:
                self.add(name, actor.id)
        for actor in graph.actors if graph else ():
            if actor.kind == "person":
                for name in actor.names()[1:]:
                    self.add_surname(name, actor.id)
        for actor in graph.actors if graph else ():
            place = next(filter(None, map(gazetteer.lookup, actor.names()[1:])), None)
            if place is not None and places.pop(place.id, None) is not None:
                self.add_place(place, actor.id)
        for place in places.values():
            if place.id not in self.actors:
                self.actors[place.id] = ActorInfo(place.id, place.name, place.kind, False)
                self.add_place(place, place.id)

    def add_place(self, place: gazetteer.Place, actor: str) -> None:
        for name in place.names():
            self.add(name, actor)
        for adjective in place.adjectives:
            self.add(adjective, actor, "adjective")
            self.adjectives.setdefault(adjective.casefold(), actor)
        for people in place.people:
            self.add(people, actor, "people")

    def add(self, name: str, actor: str, form: str = "name") -> None:
        """Teach one more name; the first actor to claim a name keeps it."""
        words = _words(name)
        if words and words[0] == "the" and len(words) > 1:
            words = words[1:]
        if not words or words in self._taken:
            return
        self._taken.add(words)
        parts = name.split()
        exact = len(name) <= 3 and name.isupper()
        capital = all(p[:1].isupper() or p.casefold() in CONNECTORS for p in parts) and (
            name[:1].isupper()
        )
        entry = _Entry(words, actor, form, exact, capital)
        self._index.setdefault(words[0], []).append(entry)
        self._index[words[0]].sort(key=lambda e: -len(e.words))
        if len(words) >= 2 and "'s" not in words:  # "Lukashenko regime": "Lukashenko's regime"
            variant = (words[0], "'s", *words[1:])
            if variant not in self._taken:
                self._taken.add(variant)
                self._index[words[0]].append(_Entry(variant, actor, form, exact, capital))
                self._index[words[0]].sort(key=lambda e: -len(e.words))

    def known_forces(self, adjective: str) -> str | None:
        """The one known military actor named "<adjective> <forces word>" ("Russian military")."""
        found = {
            e.actor
            for e in self._index.get(adjective, ())
            if len(e.words) >= 2
            and " ".join(e.words[1:]) in FORCES
            and self.actors[e.actor].known
            and self.actors[e.actor].kind in ("military", "armed_group")
        }
        return found.pop() if len(found) == 1 else None

    def adjective_of(self, actor: str) -> str | None:
        """The adjective of a state ("Russian" for Russia), as written in the gazetteer."""
        for entries in self._index.values():
            for e in entries:
                if e.actor == actor and e.form == "adjective" and "'s" not in e.words:
                    return " ".join(w.capitalize() for w in e.words)
        return None

    def add_surname(self, name: str, actor: str) -> None:
        """ "Putin" for "Vladimir Putin", when no one else answers to it."""
        parts = name.split()
        if len(parts) >= 2 and parts[-1][:1].isupper() and len(parts[-1]) >= 3:
            self.add(parts[-1], actor)

    def candidate(self, name: str, kind: str) -> str:
        """The id of a new candidate actor named ``name`` (made on first use).

        A name some actor already answers to ("Ukrainian armed forces") is that actor.
        """
        words = _words(name)
        for entry in self._index.get(words[0] if words else "", ()):
            if entry.words == words and entry.form == "name":
                return entry.actor
        ident = slug(name)
        existing = self.actors.get(ident)
        if existing is None:
            self.actors[ident] = ActorInfo(ident, name, kind, False)
            self.add(name, ident)
            if kind == "person":
                self.add_surname(name, ident)
        return ident

    def prefix_match(self, words: tuple[str, ...]) -> str | None:
        """The one known actor whose name starts with these words ("Belarusian ambassador")."""
        found = {
            e.actor
            for entries in self._index.values()
            for e in entries
            if len(e.words) > len(words) >= 2
            and e.words[: len(words)] == words
            and self.actors[e.actor].known
        }
        return found.pop() if len(found) == 1 else None

    def match(self, toks: list[Token], at: int) -> _Entry | None:
        """The longest name starting at token ``at``."""
        for entry in self._index.get(toks[at].key, ()):
            n = len(entry.words)
            if tuple(t.key for t in toks[at : at + n]) != entry.words:
                continue
            first = toks[at].text
            if entry.exact_case and not first.isupper():
                continue
            if entry.capital and not first[:1].isupper():
                continue
            return entry
        return None


def find_mentions(lexicon: Lexicon, toks: list[Token]) -> list[Mention]:
    """Mentions of known and gazetteer actors, then of new candidates, left to right."""
    found: list[Mention] = []
    at = 0
    while at < len(toks):
        entry = lexicon.match(toks, at)
        n = len(entry.words) if entry else 0
        currency = at + n < len(toks) and toks[at + n].text == "$"  # US$6 billion
        if entry is None or currency and toks[at + n].start == toks[at + n - 1].end:
            at += 1
            continue
        if not _directional(entry, toks, at + n):
            found.append(Mention(at, at + n, entry.actor, entry.form))
        at += n
    return _with_candidates(lexicon, toks, found)


_PLACE_NOUNS = word_set(
    "part parts region regions border borders side city cities coast flank province provinces "
    "area areas front edge outskirts frontier"
)


def _directional(entry: _Entry, toks: list[Token], after: int) -> bool:
    """ "the western part", "western Ukraine": a lowercase adjective used for a direction."""
    if entry.form != "adjective" or entry.capital or after >= len(toks):
        return False
    following = toks[after]
    return following.key in _PLACE_NOUNS or following.capitalised


def _capitalised_runs(toks: list[Token], covered: set[int]) -> Iterable[tuple[int, int]]:
    """Runs of capitalised words (with connectors inside) not already claimed."""
    at = 0
    while at < len(toks):
        if at in covered or not _name_word(toks[at], at == 0):
            at += 1
            continue
        end = at + 1
        while end < len(toks) and end not in covered:
            if _name_word(toks[end], False):
                end += 1
            elif (
                toks[end].key in CONNECTORS
                and end + 1 < len(toks)
                and end + 1 not in covered
                and _name_word(toks[end + 1], False)
            ):
                end += 2
            else:
                break
        yield at, end
        at = end


def _name_word(token: Token, sentence_start: bool) -> bool:
    text = token.text
    if not text[:1].isupper() or not text[:1].isalpha():
        return False
    return not (token.key in _NOT_NAMES and (sentence_start or token.key not in ("may",)))


def _role_beside(toks: list[Token], start: int, end: int) -> bool:
    """ "Russia's foreign minister, Sergei Lavrov" or "Sergei Lavrov, the foreign minister"."""
    keys = [t.key for t in toks]
    if start >= 2 and keys[start - 1] == "," and keys[start - 2] in _TITLE_WORDS:
        return True
    ahead = keys[end + 1 : end + 6] if end < len(keys) and keys[end] == "," else []
    return any(" ".join(ahead[i : i + n]) in TITLES for i in range(len(ahead)) for n in (1, 2, 3))


def _with_candidates(lexicon: Lexicon, toks: list[Token], found: list[Mention]) -> list[Mention]:
    covered = {i for m in found for i in range(m.start, m.end)}
    added = []
    for start, end in _capitalised_runs(toks, covered):
        words = [t.text for t in toks[start:end]]
        while words and words[0].casefold() in _NOT_NAMES:
            words, start = words[1:], start + 1
        if not words:
            continue
        if end < len(toks) and toks[end].key in _LOWER_ORGANISATION_WORDS and end not in covered:
            words, end = [*words, toks[end].text], end + 1  # "Georgian Dream party"
        kinds = [ORGANISATION_WORDS.get(w.casefold()) for w in words]
        kind = next((k for k in reversed(kinds) if k), None)
        if kind:
            # "United States Institute of Peace", "Georgian Dream party": a place right
            # before (not one of the graph's actors) is part of the name
            head = next((m for m in found if m.end == start and m.form != "pronoun"), None)
            if head is not None and not lexicon.actors[head.actor].known:
                found.remove(head)
                words, start = [t.text for t in toks[head.start : start]] + words, head.start
        if kind and len(words) >= 2:
            added.append(Mention(start, end, lexicon.candidate(" ".join(words), kind)))
            continue
        before = toks[start - 1].key if start else ""
        title = next(
            (n for n in (2, 1) if " ".join(words[:n]).casefold().rstrip(".") in _TITLE_WORDS), 0
        )
        words, start = words[title:], start + title
        if (
            (
                title
                or before in _TITLE_WORDS
                or before in PERSON_CUES
                or _role_beside(toks, start, end)
            )
            and 2 <= len(words) <= 3
            and all(w.isalpha() for w in words)
        ):
            added.append(Mention(start, end, lexicon.candidate(" ".join(words), "person")))
    return sorted(found + added, key=lambda m: m.start)
