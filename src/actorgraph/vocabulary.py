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

import difflib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

POLARITIES = ("cooperative", "hostile", "neutral")
INFLUENCE_DIRECTIONS = ("forward", "reverse", "both", "none")
SHAPES = ("dot", "diamond", "square", "triangle", "triangleDown", "star", "hexagon", "ellipse")
RELATION_STATUSES = ("proposed", "accepted", "rejected")
"""A relation's review status. No status means written by the analyst; ``proposed``
ties come from ``actorgraph draft`` and ``rejected`` ones stay in a draft as a record:
neither enters analyses. ``accepted`` marks a draft's tie copied into a graph."""
UNREVIEWED = frozenset({"proposed", "rejected"})

# The rule book: every constant that the library, the CLI, the exports and the
# page share is defined here once; the CLI builds its choices from these and the
# page receives them as data.

CONFIDENCE_LEVELS = ("low", "medium", "high")
"""How sure the evidence is, weakest first."""
CONFIDENCE_RANK = {level: rank for rank, level in enumerate(CONFIDENCE_LEVELS)}

FOLLOW_MODES = ("influence", "stored", "any")
"""How path and reach questions walk ties: declared influence, stored arrows, or both ways."""
FOLLOW_WORDS = {"influence": "influence", "stored": "stored-direction", "any": "undirected"}

PATH_WEIGHTS = ("hops", "strength")
"""Path rankings: fewest hops, or the strongest chain (each hop costs -log strength)."""

EMBED_MODES = ("page", "fragment", "iframe")
"""HTML outputs: a whole page, a fragment to paste into a page, a page for an <iframe>."""
EMBED_SUFFIXES = {"page": ".html", "fragment": ".fragment.html", "iframe": ".iframe.html"}
FRAGMENT_HEIGHT = 640
"""Height in px of a fragment, an iframe snippet or a notebook graph, whatever the host."""

REPORT_FORMATS = ("html", "md", "pdf")
"""Reports: one offline HTML file, Markdown with its picture beside it, or PDF."""
PAPER_SIZES = ("a4", "letter")
"""Printed and PDF page sizes of a report."""

PICTURE_FORMATS = ("svg", "png")
"""Static pictures, for print and PDF."""

EXPORT_FORMATS = {
    "graphml": ".graphml",
    "gexf": ".gexf",
    "json": ".nodelink.json",
    "kumu": ".kumu.json",
    "csv": ".csv",
    "dot": ".dot",
    "mermaid": ".mmd",
}
"""Interchange formats and the file suffix each is written with."""

IMPORT_FORMATS = ("csv", "xlsx", "json", "kumu", "graphml", "gexf", "gml")
"""What ``import --from`` reads (kumu is JSON; the reader tells the two apart)."""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What makes a spreadsheet read a CSV cell as a formula (OWASP's list)."""

OUTPUT_FORMATS = ("text", "json", "csv", "markdown")
"""What ``--format`` can ask of a command: text for people, json for programs,
csv and markdown where the answer is a table. Each command offers a subset."""

LARGE_GRAPH = 150
"""Above this many actors, ties lose their labels and hide while dragging; every graph's
positions come from one seeded layout computed in Python (page, picture and report)."""

POLARITY_STYLE = {
    "cooperative": {"color": "#2a9d8f", "dashes": False},
    "hostile": {"color": "#d62828", "dashes": [8, 5]},
    "neutral": {"color": "#6c757d", "dashes": [2, 5]},
}
"""How each polarity is drawn: the page, the picture and the DOT/Mermaid exports agree."""
PROPOSED_STYLE = {"color": "#9aa0a6", "dashes": [6, 6]}
"""How a proposed tie (from ``actorgraph draft``, not yet reviewed) is drawn: grey, dashed."""


def tie_style(polarity: str, status: str | None = None) -> dict[str, Any]:
    """How a tie is drawn: by its polarity, or as a proposal while it awaits review.

    >>> tie_style("hostile")["color"], tie_style("hostile", "proposed")["color"]
    ('#d62828', '#9aa0a6')
    """
    return PROPOSED_STYLE if status in UNREVIEWED else POLARITY_STYLE[polarity]


def closest_names(
    name: str, candidates: Iterable[tuple[str, str]], limit: int = 3, cutoff: float = 0.6
) -> list[str]:
    """The ids whose names look most like ``name``, best first: "did you mean ...?".

    ``candidates`` are (name, id) pairs; an id may have several names. A name that
    contains the other, or is contained in it, counts as close.

    >>> closest_names("Lukashenka", [("lukashenko", "lukashenko"), ("putin", "putin")])
    ['lukashenko']
    >>> closest_names("xie", [("Xie Xiaoyong", "xie-xiaoyong")])
    ['xie-xiaoyong']
    """
    wanted = name.strip().casefold()
    scored: dict[str, float] = {}
    for known, ident in candidates:
        folded = known.casefold()
        ratio = difflib.SequenceMatcher(None, wanted, folded).ratio()
        if wanted and (wanted in folded or folded in wanted):
            ratio = max(ratio, 0.75)
        if ratio >= cutoff:
            scored[ident] = max(scored.get(ident, 0.0), ratio)
    return sorted(scored, key=lambda ident: (-scored[ident], ident))[:limit]


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

    def influence_pairs(self, source: str, target: str) -> list[tuple[str, str]]:
        """The (mover, moved) pairs this tie creates between ``source`` and ``target``.

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


def _kind(id: str, label: str, color: str, shape: str, description: str) -> ActorKind:
    return ActorKind(id, label, color, shape, description)


_ACTOR_KINDS = [
    _kind("person", "Person", "#f4a261", "dot", "An individual: leader, official, envoy."),
    _kind("state", "State", "#264653", "hexagon", "A country as an actor in its own right."),
    _kind(
        "government",
        "Government / agency",
        "#2a9d8f",
        "square",
        "A government, regime, ministry or agency.",
    ),
    _kind(
        "military",
        "Military / security forces",
        "#6d597a",
        "triangle",
        "Armed forces, security services, military staff.",
    ),
    _kind(
        "armed_group",
        "Armed group",
        "#9d0208",
        "triangleDown",
        "A non-state armed group, militia or insurgency.",
    ),
    _kind(
        "party",
        "Party / opposition",
        "#e76f51",
        "diamond",
        "A political party, opposition movement or exile government.",
    ),
    _kind(
        "business",
        "Business / sector",
        "#e9c46a",
        "square",
        "A company, investors or an economic sector.",
    ),
    _kind(
        "public",
        "Civil society / public",
        "#90be6d",
        "ellipse",
        "A population, civil-society group, protest movement or diaspora.",
    ),
    _kind("media", "Media", "#adb5bd", "dot", "A broadcaster, newspaper or outlet."),
    _kind(
        "organisation",
        "International organisation",
        "#457b9d",
        "star",
        "An intergovernmental organisation or alliance (EU, NATO, UN).",
    ),
    _kind(
        "bloc",
        "Bloc / coalition",
        "#1d3557",
        "star",
        "An informal grouping of states such as 'the West'.",
    ),
    _kind("other", "Other", "#8d99ae", "dot", "Anything that fits no other kind."),
]


def _type(
    id: str, polarity: str, influence: str, score: float, plover: str | None, description: str
) -> RelationType:
    triggers = tuple(t.strip() for t in TRIGGERS.get(id, "").split(";") if t.strip())
    return RelationType(
        id, id.replace("_", " "), polarity, influence, score, plover, description, triggers
    )


# Trigger words and patterns, in our own words, after the CAMEO/PLOVER event categories
# (e.g. SUPPORT, AID, COERCE, SANCTION, THREATEN, ASSAULT). Verbs and nouns are written in
# their base form; their inflections match too (back: backs, backed, backing).
TRIGGERS = {
    "controls": "control; control over; control of; in control of; in charge of; call the shots;"
    " pull the strings; dictate to; decide for; dominate; rule over; own; puppet of;"
    " {b} under {a} 's control; {b} under the control of {a}; {b} is subordinate to {a};"
    " {b} , a vassal of {a}; {b} , a puppet of {a}; annex; {b} is a client state of {a};"
    " {b} , a client state of {a}; {a} 's proxy {b}; {b} , {a} 's proxy; {b} , a proxy of {a}",
    "commands": "command; in command of; order; deploy; dispatch; send troops; mobilise;"
    " mobilize; commander of",
    "leads": "lead; head; leader of; president of; prime minister of; chair; preside over; head of",
    "influences": "influence; influence over; influence on; influence in; sway; sway over;"
    " leverage over; clout in; clout over; persuade; convince",
    "part_of": "part of; belong to; unit of; wing of; arm of; branch of; division of;"
    " subsidiary of",
    "member_of": "member of; membership of; membership in; join; accede to; accession to;"
    " participation in",
    "represents": "represent; speak for; on behalf of; spokesman for; spokeswoman for;"
    " spokesperson for; negotiator for; envoy of; ambassador of",
    "depends_on": "depend on; dependence on; dependent on; dependency on; rely on; reliance on;"
    " reliant on; hinge on; beholden to; at the mercy of; ~lifeline for; ~lifeline to",
    "courts": "court; woo; appeal to; turn to; curry favour with; reach out to; lobby;"
    " seek support from; seek help from; hope that; count on; look to; move closer to; call on;"
    " pivot to; pivot towards; tilt towards; turn towards",
    "supports": "support; back; prop up; bolster; shore up; aid; help; assist; endorse;"
    " side with; stand by; stand with; defend; protect; serve; commit troops to; arm;"
    " supply weapons to; provide weapons to; military aid; military assistance;"
    " supply weapons; supply arms; supply drones; sell weapons to; sell arms to; weapons to;"
    " arms to; drones to; missiles to; ammunition to; defence systems to; defense systems to",
    "allied_with": "ally; allied with; alliance; aligned with; partnership; pact; pact with;"
    " defence pact; defense pact; mutual defence; strategic partner; union with",
    "cooperates_with": "cooperate; cooperation; co-operate; co-operation; collaborate;"
    " collaboration; joint exercise; joint drill; work with; work together; coordinate with;"
    " exercise with; drill with; close ties with; close ties to; close relations with;"
    " friendly relations with",
    "hosts_forces": "host troops; host forces; ~station troops in; ~station forces in;"
    " ~base troops in; ~presence in; ~garrison in; {b} troops in {a}; {b} forces in {a};"
    " ~deploy troops to; ~deploy troops in; ~deploy forces to; ~deploy forces in",
    "funds": "fund; funding; finance; financing; pay; bankroll; subsidise; subsidize;"
    " subsidy; grant; donate; sponsor; salary; bail out",
    "invests_in": "invest; invest in; investment; investment in; stake in; acquire",
    "lends_to": "lend; loan; loan to; credit line; ~borrow; ~owe; ~repay; ~debt to; creditor of",
    "trades_with": "trade; trade with; economic relations; economic ties; commercial ties;"
    " trading partner; export; export to; import; import from; sell to; buy from; supply;"
    " supply gas to;"
    " supply oil to",
    "mediates": "mediate; mediate between; mediation; mediator; broker talks; go-between;"
    " intermediary; facilitate talks",
    "negotiates_with": "negotiate; negotiation; negotiations with; talks with; agreement with;"
    " ceasefire with; peace talks; talks; sign agreement; sign deal; sign treaty",
    "consults": "meet; meeting; meet with; meeting with; visit; phone call with; speak with;"
    " talk with; talk to; consult; discuss with; summit with; hold talks",
    "monitors": "monitor; assess; observe; watch; track; investigate; spy on; surveil",
    "withdraws_from": "withdraw from; withdrawal from; pull out of; pull out from; leave;"
    " exit; relocate; move out of; quit; depart from; departure from; evacuate from;"
    " withdrawal of {a} from {b}; departure of {a} from {b}",
    "pressures": "pressure; press; push; urge; demand; coerce; drag into; blackmail;"
    " squeeze; lean on; undercut; compel",
    "opposes": "oppose; opposition to; resist; reject; criticise; criticize; condemn;"
    " denounce; accuse; blame; complain about; push back against; pushback against;"
    " confront; challenge; defy; undermine; obstruct; block; veto; hostile to; rival; critic of",
    "protests_against": "protest; protest against; demonstrate against; rally against;"
    " march against; boycott",
    "sanctions": "sanction; sanctions on; sanctions against; embargo; blacklist; freeze assets;"
    " impose sanctions on; penalise; penalize; expel; tariff; tariffs on; cut off",
    "threatens": "threaten; threat; threat to; warn; menace; intimidate; ultimatum;"
    " destabilise; destabilize; destabilisation; destabilization; endanger; jeopardise;"
    " jeopardize; create chaos; sow chaos; stir unrest; foment unrest",
    "fights": "fight; fight against; attack; invade; invasion; war against; war on; war with;"
    " strike; bomb; shell; assault; offensive against; advance in; advance into; advance on;"
    " occupy; occupation; encircle; besiege; clash with; battle; kill; aggression against;"
    " incursion into; raid; war between {a} and {b}; conflict between {a} and {b}",
}


_RELATION_TYPES = [
    # hierarchy and control: the source moves the target
    _type("controls", "cooperative", "forward", 2, None, "The source decides for the target."),
    _type(
        "commands",
        "cooperative",
        "forward",
        3,
        None,
        "The source gives orders the target carries out (chain of command).",
    ),
    _type(
        "leads",
        "cooperative",
        "forward",
        3,
        None,
        "The source heads the target (a president and a state, a chief and an agency).",
    ),
    _type(
        "influences",
        "neutral",
        "forward",
        0,
        None,
        "The source can sway the target without controlling it.",
    ),
    # belonging: the whole or the principal moves the part or the agent
    _type(
        "part_of",
        "cooperative",
        "reverse",
        3,
        None,
        "The source is a part of the target (forces of a state, ministry of a government).",
    ),
    _type(
        "member_of",
        "cooperative",
        "both",
        3,
        None,
        "The source belongs to the target organisation or bloc.",
    ),
    _type(
        "represents",
        "cooperative",
        "reverse",
        3,
        None,
        "The source acts on behalf of the target (an envoy, a spokesperson).",
    ),
    # dependence and support
    _type(
        "depends_on",
        "cooperative",
        "reverse",
        2,
        None,
        "The source relies on the target; whoever is depended on holds leverage.",
    ),
    _type(
        "courts",
        "cooperative",
        "reverse",
        3,
        "REQUEST",
        "The source seeks the target's favour or backing, giving the target leverage.",
    ),
    _type(
        "supports",
        "cooperative",
        "forward",
        5,
        "SUPPORT",
        "The source backs the target politically or materially.",
    ),
    _type(
        "allied_with",
        "cooperative",
        "both",
        7,
        "COOPERATE",
        "A declared or working alliance; each side can move the other.",
    ),
    _type(
        "cooperates_with",
        "cooperative",
        "both",
        5,
        "COOPERATE",
        "Joint activity such as exercises or projects.",
    ),
    _type(
        "hosts_forces",
        "cooperative",
        "reverse",
        4,
        "MOBILIZE",
        "The source has the target's forces on its soil, which gives the target leverage.",
    ),
    # money
    _type("funds", "cooperative", "forward", 6, "AID", "The source pays for the target."),
    _type(
        "invests_in",
        "cooperative",
        "forward",
        5,
        "AID",
        "The source holds investments in the target.",
    ),
    _type("lends_to", "cooperative", "forward", 5, "AID", "The source is the target's creditor."),
    _type(
        "trades_with", "cooperative", "both", 4, "COOPERATE", "Economic exchange; mutual leverage."
    ),
    # talk
    _type(
        "mediates",
        "cooperative",
        "forward",
        3,
        "CONSULT",
        "The source mediates in a conflict the target is party to.",
    ),
    _type(
        "negotiates_with",
        "cooperative",
        "both",
        2,
        "CONSULT",
        "Talks or negotiation between the two.",
    ),
    _type("consults", "neutral", "both", 1, "CONSULT", "A meeting or exchange of views."),
    _type(
        "monitors",
        "neutral",
        "none",
        0,
        None,
        "The source watches or assesses the target; no leverage either way.",
    ),
    # conflict: the source acts on the target
    _type(
        "withdraws_from",
        "hostile",
        "forward",
        -2,
        "RETREAT",
        "The source pulls people, money or presence out of the target.",
    ),
    _type(
        "pressures",
        "hostile",
        "forward",
        -4,
        "COERCE",
        "The source pushes the target to act or refrain.",
    ),
    _type(
        "opposes",
        "hostile",
        "forward",
        -4,
        "REJECT",
        "The source resists or works against the target.",
    ),
    _type(
        "protests_against",
        "hostile",
        "forward",
        -5,
        "PROTEST",
        "Public protest by the source against the target.",
    ),
    _type(
        "sanctions",
        "hostile",
        "forward",
        -6,
        "SANCTION",
        "Economic or political sanctions imposed by the source.",
    ),
    _type(
        "threatens",
        "hostile",
        "forward",
        -7,
        "THREATEN",
        "The source threatens the target with force or harm.",
    ),
    _type("fights", "hostile", "both", -10, "ASSAULT", "Armed conflict between the two."),
]


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


BUILTIN = Vocabulary({k.id: k for k in _ACTOR_KINDS}, {t.id: t for t in _RELATION_TYPES})
"""The built-in geopolitical vocabulary every graph starts from."""


# -- words for readers ---------------------------------------------------------
# One definition of each measure and idea, shown by `analyze --help`, the reports'
# "How to read this" and README (tests/test_report.py checks that README agrees).


@dataclass(frozen=True)
class Term:
    """A measure or idea with the heading readers see and one sentence defining it.

    ``decimals`` says how a measure's numbers are shown (None: whole numbers).
    """

    id: str
    label: str
    definition: str
    decimals: int | None = None


MEASURES = (
    Term(
        "rank",
        "Influence rank",
        "how much an actor can move others, directly or through the actors it moves, "
        "weighted by tie strength (PageRank over reversed influence); the top actor scores 1.",
        2,
    ),
    Term(
        "betweenness",
        "Broker score",
        "the share of shortest influence paths between two other actors that pass through "
        "this one (betweenness).",
        3,
    ),
    Term("reach", "Can move", "how many actors it can move within the reach hops (2 by default)."),
    Term("reached_by", "Moved by", "how many actors can move it within the reach hops."),
    Term("moves", "Moves directly", "how many actors it moves through a tie of its own."),
    Term("moved_by", "Moved directly by", "how many actors move it through a tie of their own."),
    Term("out_strength", "Strength out", "the summed strength of its influence ties out.", 1),
    Term("in_strength", "Strength in", "the summed strength of its influence ties in.", 1),
)
"""Every measure of ``actorgraph analyze``, in table order."""

CONCEPTS = (
    Term(
        "brokers",
        "Brokers",
        "actors with a broker score above 0: others' shortest influence paths run through them.",
    ),
    Term(
        "dependencies",
        "Dependencies",
        "who moves an actor directly, and how many actors can move it at all.",
    ),
    Term(
        "single_points_of_failure",
        "Single points of failure",
        "actors through which every influence path from some others to an actor passes: "
        "take one away and those others lose all leverage over it.",
    ),
    Term(
        "tensions",
        "Tensions",
        "triangles of signed ties that do not balance (Heider), such as two allies who treat "
        "a third actor in opposite ways; a pair's sign is its cooperative strength minus its "
        "hostile strength.",
    ),
    Term("blocs", "Blocs", "groups bound together by cooperative ties (Louvain, fixed seed)."),
)
"""The ideas a report explains besides the measures."""

TERMS = {term.id: term for term in (*MEASURES, *CONCEPTS)}
