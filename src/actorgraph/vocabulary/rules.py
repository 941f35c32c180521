"""The rule book: every constant that the library, the CLI, the exports and the page
share, defined once; the CLI builds its choices from these and the page receives them
as data."""

from __future__ import annotations

from collections.abc import Iterable
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
    import difflib  # only when a name is not found: most commands never need it

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
