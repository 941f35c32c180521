"""A static picture of a graph, SVG or PNG, for print, PDF and reports.

Drawn with matplotlib from the same positions as the interactive page
(:func:`~actorgraph.outputs.render.data.layout`), with its colours, shapes and
line styles. Each label takes the free place nearest its actor that covers no
other label or actor and crosses the fewest ties, and the legend draws ties
with the very arrows of the figure.
SVG keeps labels as text, so they stay searchable, selectable and sharp; each
actor's mark is the SVG group ``ag-node-ID`` and its label ``ag-label-ID``.

Graph text is drawn as plain text: never as matplotlib math ("$x$") nor through
LaTeX, and cut to a bounded length with an ellipsis (the full text stays in the
data), so that any graph file the loader accepts draws in seconds. Above
:data:`MANY_TIES` ties, ties are drawn as one collection of lines per style,
without arrowheads: an arrow per tie costs about 3 ms.
"""

from __future__ import annotations

import io
from collections.abc import Collection
from typing import Any

from actorgraph.exceptions import require_choice
from actorgraph.model import Graph
from actorgraph.outputs.render.data import importance, layout
from actorgraph.vocabulary import LARGE_GRAPH, PICTURE_FORMATS, POLARITY_STYLE, tie_style

HIGHLIGHT = "#ffd166"
MAX_LABEL = 60
"""Characters of an actor's name drawn beside it."""
MAX_TITLE = 120
"""Characters of the graph's title, and of each legend entry (at most MAX_LEGEND kinds)."""
MAX_LEGEND = 24
MANY_TIES = 1000
LABEL_POINTS = 10.5
"""Label size: about 7.5 pt once a 10-inch picture is fitted to an A4 or Letter page."""
LABELS_ON_LARGE = 40
"""Above LARGE_GRAPH actors, how many of the most important are named (where they fit)."""
_MARKERS = {
    "dot": "o",
    "ellipse": "o",
    "diamond": "D",
    "square": "s",
    "triangle": "^",
    "triangleDown": "v",
    "star": "*",
    "hexagon": "h",
}


def shorten(text: str, limit: int) -> str:
    """At most ``limit`` characters, the cut marked with an ellipsis.

    >>> shorten("Aleksandr Lukashenko", 10)
    'Aleksandr…'
    """
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _line_style(dashes: Any) -> Any:
    if dashes is False:
        return "solid"
    return (0, tuple(d / 2 for d in dashes))


def _tie_props(polarity: str, strength: float, status: str | None = None) -> dict[str, Any]:
    """How a tie is drawn: the figure and the legend share this (proposals grey, dashed)."""
    style = tie_style(polarity, status)
    return {
        "arrowstyle": "-|>",
        "color": style["color"],
        "alpha": 0.8,
        "linewidth": 0.7 + 2.3 * strength,
        "linestyle": _line_style(style["dashes"]),
        "mutation_scale": 10,
        "capstyle": "round",
    }


def picture(
    graph: Graph,
    to: str = "svg",
    width: float = 10.0,
    height: float | None = None,
    title: bool = True,
    highlight: Collection[str] = (),
    placed_as: Graph | None = None,
) -> bytes:
    """The graph drawn as SVG or PNG bytes; ``height`` follows the layout when not given.

    Ties whose keys are in ``highlight`` (a view's paths) get a yellow band beneath.
    With ``placed_as`` (the whole graph a view was cut from), actors keep the places
    they have in the whole graph, so a reader finds them where the full figure has them.

    >>> from actorgraph.io.load import read_graph
    >>> svg = picture(read_graph("graph/belarus-2022.yaml"), "svg")
    >>> b"Aleksandr Lukashenko" in svg and svg.lstrip().startswith(b"<?xml")
    True
    """
    require_choice("picture format", to, PICTURE_FORMATS)
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    placed = layout(placed_as or graph, scale=100.0)
    positions = {a.id: (placed[a.id][0], -placed[a.id][1]) for a in graph.actors}
    xs = [p[0] for p in positions.values()] or [0.0]
    ys = [p[1] for p in positions.values()] or [0.0]
    aspect = (max(ys) - min(ys) + 12) / (max(xs) - min(xs) + 12)
    kinds_shown = min(len({a.kind for a in graph.actors}), MAX_LEGEND + 1)  # "… more" is one
    legend_rows = 1 + (kinds_shown + len(POLARITY_STYLE)) // 4
    if height is None:
        height = min(max(width * aspect * 0.92, 4.5), 12.0) + 0.35 * legend_rows
        height += 0.5 if title else 0.0
    with plt.rc_context(
        {
            "svg.fonttype": "none",
            "font.family": "DejaVu Sans",
            "svg.hashsalt": "actorgraph",
            "text.usetex": False,  # whatever a matplotlibrc says: graph text never meets LaTeX
        }
    ):
        figure, axes = plt.subplots(figsize=(width, height), dpi=150)
        axes.set_axis_off()
        if title:
            axes.set_title(
                shorten(graph.title, MAX_TITLE),
                fontsize=15,
                loc="left",
                fontweight="bold",
                parse_math=False,
            )
        _draw_ties(axes, graph, positions, set(highlight))
        _draw_actors(axes, graph, positions)
        axes.margins(0.05)
        axes.set_aspect("equal", adjustable="datalim")
        _legend(axes, graph, legend_rows)
        figure.tight_layout()
        _draw_labels(figure, axes, graph, positions)
        buffer = io.BytesIO()
        metadata = {"Date": None} if to == "svg" else {}
        figure.savefig(buffer, format=to, metadata=metadata)
        plt.close(figure)
    return buffer.getvalue()


def _draw_ties(
    axes: Any, graph: Graph, positions: dict[str, tuple[float, float]], highlight: set[str]
) -> None:
    from matplotlib.patches import FancyArrowPatch

    vocabulary = graph.vocabulary
    if len(graph.relations) > MANY_TIES:
        _draw_many_ties(axes, graph, positions, highlight)
        return
    parallel: dict[frozenset[str], int] = {}
    for relation in graph.relations:
        pair = frozenset((relation.source, relation.target))
        nth = parallel[pair] = parallel.get(pair, -1) + 1
        # like the page: the first tie of a pair straight, the others curving either side
        bend = 0.0 if nth == 0 else (0.12 + 0.12 * ((nth - 1) // 2)) * (1 if nth % 2 else -1)
        polarity = vocabulary.relation_types[relation.type].polarity
        styles = [{"zorder": 2, **_tie_props(polarity, relation.strength, relation.status)}]
        if vocabulary.relation_types[relation.type].symmetric:  # no direction, no arrowhead
            styles[0]["arrowstyle"] = "-"
        if relation.key in highlight:  # a band beneath the tie
            styles.insert(
                0,
                {
                    "zorder": 1,
                    "arrowstyle": "-",
                    "color": HIGHLIGHT,
                    "linewidth": 9,
                    "capstyle": "round",
                },
            )
        for style in styles:
            axes.add_patch(
                FancyArrowPatch(
                    positions[relation.source],
                    positions[relation.target],
                    connectionstyle=f"arc3,rad={bend}",
                    shrinkA=7,
                    shrinkB=9,
                    **style,
                )
            )


def _draw_many_ties(
    axes: Any, graph: Graph, positions: dict[str, tuple[float, float]], highlight: set[str]
) -> None:
    """One collection of plain lines per style (and one for highlighted ties)."""
    from matplotlib.collections import LineCollection

    groups: dict[str, tuple[list[Any], list[float]]] = {}
    band: list[Any] = []
    for relation in graph.relations:
        segment = (positions[relation.source], positions[relation.target])
        polarity = graph.vocabulary.relation_types[relation.type].polarity
        segments, widths = groups.setdefault(polarity, ([], []))
        segments.append(segment)
        widths.append(0.3 + 1.2 * relation.strength)
        if relation.key in highlight:
            band.append(segment)
    if band:
        axes.add_collection(LineCollection(band, colors=HIGHLIGHT, linewidths=6, zorder=1))
    for polarity, (segments, widths) in groups.items():
        style = POLARITY_STYLE[polarity]
        axes.add_collection(
            LineCollection(
                segments,
                colors=style["color"],
                linewidths=widths,
                linestyles=_line_style(style["dashes"]),
                alpha=0.5,
                zorder=2,
            )
        )


def _draw_actors(axes: Any, graph: Graph, positions: dict[str, tuple[float, float]]) -> None:
    vocabulary = graph.vocabulary
    scores = importance(graph)
    small = len(graph.actors) <= LARGE_GRAPH
    # one mark per actor in small graphs, so each can be found by its id; one per kind in big
    by_kind: dict[str, list[Any]] = {}
    for actor in graph.actors:
        by_kind.setdefault(actor.kind, []).append(actor)
    groups = (
        [(a.kind, [a], f"ag-node-{a.id}") for a in graph.actors]
        if small
        else [(kind, members, f"ag-kind-{kind}") for kind, members in by_kind.items()]
    )
    for kind_id, members, gid in groups:
        kind = vocabulary.actor_kinds[kind_id]
        marks = axes.scatter(
            [positions[a.id][0] for a in members],
            [positions[a.id][1] for a in members],
            s=[70 + 330 * scores.get(a.id, 0.0) for a in members],
            c=kind.color,
            marker=_MARKERS.get(kind.shape, "o"),
            edgecolors="#333333",
            linewidths=0.8,
            zorder=3,
        )
        marks.set_gid(gid)


def _draw_labels(
    figure: Any, axes: Any, graph: Graph, positions: dict[str, tuple[float, float]]
) -> None:
    """Names beside their actors, each where it covers no other label, actor or tie.

    Greedy, most connected actors first: every label tries places all around its
    actor, nearest first, and takes the one that crosses the fewest ties among
    those that overlap no label or actor placed so far. On a large graph only the
    :data:`LABELS_ON_LARGE` most important actors with a free place are named (an
    unnamed picture says nothing; a named hairball says less).
    """
    import numpy as np

    renderer = figure.canvas.get_renderer()
    to_screen = axes.transData.transform
    frame = axes.get_window_extent(renderer)
    centres = {a: to_screen(p) for a, p in positions.items()}
    scores = importance(graph)
    pixels = figure.dpi / 72.0
    radius = {
        a.id: (70 + 330 * scores.get(a.id, 0.0)) ** 0.5 / 2 * pixels + 2 for a in graph.actors
    }
    segments = np.array(
        [[*centres[r.source], *centres[r.target]] for r in graph.relations], dtype=float
    ).reshape(-1, 4)
    taken: list[tuple[float, float, float, float]] = [
        (x - radius[a], y - radius[a], x + radius[a], y + radius[a])
        for a, (x, y) in centres.items()
    ]
    large = len(graph.actors) > LARGE_GRAPH
    if large:
        order = sorted(graph.actors, key=lambda a: (-scores.get(a.id, 0), a.id))
    else:
        degree = {a.id: sum(graph.degree(a.id)) for a in graph.actors}
        order = sorted(graph.actors, key=lambda a: (-degree[a.id], a.id))
    named = 0
    angles = [k * np.pi / 8 for k in (12, 4, 0, 8, 14, 10, 2, 6, 13, 11, 15, 9, 3, 5, 1, 7)]
    for actor in order:
        if large and named >= LABELS_ON_LARGE:
            break
        text = axes.text(
            0,
            0,
            shorten(actor.name, MAX_LABEL),
            fontsize=LABEL_POINTS,
            parse_math=False,
            zorder=4,
            color="#1d2731",
            # a light backdrop keeps a name readable where a tie must pass behind it
            bbox={"boxstyle": "square,pad=0.05", "facecolor": "white", "alpha": 0.8, "lw": 0},
        )
        text.set_gid(f"ag-label-{actor.id}")
        box = text.get_window_extent(renderer)
        half_w, half_h = box.width / 2 + 1.5, box.height / 2 + 1
        x, y = centres[actor.id]
        best: tuple[float, float, float] | None = None
        for ring, gap in enumerate((3.0, 12.0, 26.0, 45.0, 70.0)):
            for turn, angle in enumerate(angles):
                cx = x + np.cos(angle) * (radius[actor.id] + gap + half_w)
                cy = y + np.sin(angle) * (radius[actor.id] + gap + half_h)
                rect = (cx - half_w, cy - half_h, cx + half_w, cy + half_h)
                if (
                    not (frame.x0 <= rect[0] and rect[2] <= frame.x1 and frame.y0 <= rect[1])
                    or rect[3] > frame.y1
                    or any(_overlap(rect, other) for other in taken)
                ):
                    continue
                cost = 4.0 * _crossings(segments, rect) + ring * 6.0 + turn * 0.1
                if best is None or cost < best[0]:
                    best = (cost, cx, cy)
            if best is not None and best[0] < (ring + 1) * 6.0:
                break  # crosses no tie: nothing further out can do better
        if best is None and large:  # nowhere free: a large graph leaves it unnamed
            text.remove()
            continue
        if best is None:  # nowhere free: keep the label under its actor
            best = (0.0, x, y - radius[actor.id] - half_h - 2)
        named += 1
        _, cx, cy = best
        taken.append((cx - half_w, cy - half_h, cx + half_w, cy + half_h))
        text.set_position(axes.transData.inverted().transform((cx, cy)))
        text.set_horizontalalignment("center")
        text.set_verticalalignment("center_baseline")


def _overlap(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _crossings(segments: Any, rect: tuple[float, float, float, float]) -> int:
    """How many segments (x1, y1, x2, y2 rows) pass through a rectangle (Liang-Barsky)."""
    import numpy as np

    if not len(segments):
        return 0
    x1, y1, x2, y2 = segments.T
    dx, dy = x2 - x1, y2 - y1
    low, high = np.zeros(len(segments)), np.ones(len(segments))
    inside = np.ones(len(segments), dtype=bool)
    for p, q in (
        (-dx, x1 - rect[0]),
        (dx, rect[2] - x1),
        (-dy, y1 - rect[1]),
        (dy, rect[3] - y1),
    ):
        parallel = p == 0
        inside &= ~(parallel & (q < 0))
        with np.errstate(divide="ignore", invalid="ignore"):
            ratio = np.where(parallel, 0.0, q / np.where(parallel, 1.0, p))
        low = np.where(~parallel & (p < 0), np.maximum(low, ratio), low)
        high = np.where(~parallel & (p > 0), np.minimum(high, ratio), high)
    return int((inside & (low <= high)).sum())


def _legend(axes: Any, graph: Graph, rows: int) -> None:
    from matplotlib.legend_handler import HandlerPatch
    from matplotlib.lines import Line2D
    from matplotlib.patches import FancyArrowPatch

    vocabulary = graph.vocabulary
    present = {a.kind for a in graph.actors}
    kinds = [k for k in vocabulary.actor_kinds.values() if k.id in present]
    more = len(kinds) - MAX_LEGEND
    handles: list[Any] = [
        Line2D(
            [],
            [],
            marker=_MARKERS.get(kind.shape, "o"),
            linestyle="none",
            markersize=9,
            markeredgecolor="#333333",
            markeredgewidth=0.8,
            markerfacecolor=kind.color,
            label=shorten(kind.label, MAX_TITLE // 2),
        )
        for kind in kinds[:MAX_LEGEND]
    ]
    if more > 0:
        handles.append(Line2D([], [], linestyle="none", label=f"… and {more} more kinds"))
    handles += [
        FancyArrowPatch((0, 0), (1, 0), label=f"{name} tie", **_tie_props(name, 0.6))
        for name in POLARITY_STYLE
    ]

    def arrow(
        legend: Any,
        orig_handle: Any,
        xdescent: float,
        ydescent: float,
        width: float,
        height: float,
        fontsize: float,
    ) -> Any:
        return FancyArrowPatch(
            (-xdescent, height / 2 - ydescent),
            (width - xdescent, height / 2 - ydescent),
            arrowstyle=orig_handle.get_arrowstyle(),
            mutation_scale=orig_handle.get_mutation_scale(),
        )

    legend = axes.legend(
        handles=handles,
        handler_map={FancyArrowPatch: HandlerPatch(patch_func=arrow)},
        loc="upper center",
        bbox_to_anchor=(0.5, 0.0),
        ncol=min(4, len(handles)),
        fontsize=9.5,
        frameon=False,
        handlelength=3.2,
        columnspacing=1.6,
    )
    for text in legend.get_texts():
        text.set_parse_math(False)
