"""Words for readers: one definition of each measure and idea, shown by
``analyze --help``, the reports' "How to read this" and README."""

from __future__ import annotations

from dataclasses import dataclass

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

METRICS = tuple(term.id for term in MEASURES)
"""The per-actor measures ``analyze`` computes, in the order tables show them."""
WHATIF_METRICS = ("rank", "betweenness", "reach", "reached_by")
"""The measures whose changes ``whatif`` lists (the per-actor ones it recomputes)."""
