"""The built-in actor kinds and relation types: geopolitics out of the box, with the
words and patterns ``actorgraph draft`` reads as each type."""

from __future__ import annotations

from actorgraph.vocabulary.definitions import ActorKind, RelationType


def _kind(id: str, label: str, color: str, shape: str, description: str) -> ActorKind:
    return ActorKind(id, label, color, shape, description)


ACTOR_KINDS = [
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


RELATION_TYPES = [
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
