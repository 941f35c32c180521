"""A static picture of a graph, SVG or PNG, for print, PDF and reports.

Drawn with matplotlib from the same positions, colours, shapes and line
styles as the interactive page (igraph's seeded layout, so the same file gives
the same picture), with a legend of actor kinds and tie polarities. SVG keeps
labels as text, so they stay searchable and sharp.

Graph text is drawn as plain text: never as matplotlib math ("$x$") nor through
LaTeX, and cut to a bounded length with an ellipsis (the full text stays in the
data), so that any graph file the loader accepts draws in seconds. Above
:data:`MANY_TIES` ties, ties are drawn as one collection of lines per style,
without arrowheads: per-tie arrows cost about 3 ms each.
"""

from __future__ import annotations

import io
from typing import Any

from actorgraph.exceptions import require_choice
from actorgraph.model import Graph
from actorgraph.outputs.render.data import importance, layout
from actorgraph.vocabulary import LARGE_GRAPH, PICTURE_FORMATS, POLARITY_STYLE

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


MAX_LABEL = 60
"""Characters of an actor's name drawn under it."""
MAX_TITLE = 120
"""Characters of the graph's title, and of each legend entry (at most MAX_LEGEND kinds)."""
MAX_LEGEND = 24
MANY_TIES = 1000


def shorten(text: str, limit: int) -> str:
    """At most ``limit`` characters, the cut marked with an ellipsis.

    >>> shorten("Aleksandr Lukashenko", 10)
    'Aleksandr…'
    """
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _line_style(dashes: Any) -> Any:
    if dashes is False:
        return "solid"
    return (0, tuple(dashes))


def picture(graph: Graph, to: str = "svg", width: float = 13.0, height: float = 9.0) -> bytes:
    """The graph drawn as SVG or PNG bytes.

    >>> from actorgraph.io.load import read_graph
    >>> svg = picture(read_graph("graph/belarus-2022.yaml"), "svg")
    >>> b"Aleksandr Lukashenko" in svg and svg.lstrip().startswith(b"<?xml")
    True
    """
    require_choice("picture format", to, PICTURE_FORMATS)
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D

    vocabulary = graph.vocabulary
    positions = {a: (x, -y) for a, (x, y) in layout(graph, scale=100.0).items()}
    scores = importance(graph)
    small = len(graph.actors) <= LARGE_GRAPH
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
        axes.set_title(
            shorten(graph.title, MAX_TITLE),
            fontsize=15,
            loc="left",
            fontweight="bold",
            parse_math=False,
        )
        _draw_ties(axes, graph, positions)
        members: dict[str, list[str]] = {}
        for actor in graph.actors:
            members.setdefault(actor.kind, []).append(actor.id)
        for kind_id, ids in members.items():
            kind = vocabulary.actor_kinds[kind_id]
            axes.scatter(
                [positions[a][0] for a in ids],
                [positions[a][1] for a in ids],
                s=[60 + 340 * scores.get(a, 0.0) for a in ids],
                c=kind.color,
                marker=_MARKERS.get(kind.shape, "o"),
                edgecolors="#333333",
                linewidths=0.8,
                zorder=3,
            )
        if small:
            # a light box rather than a stroked outline, which SVG would turn into paths
            backdrop = {
                "boxstyle": "round,pad=0.15",
                "facecolor": "white",
                "alpha": 0.75,
                "edgecolor": "none",
            }
            for actor in graph.actors:
                x, y = positions[actor.id]
                axes.annotate(
                    shorten(actor.name, MAX_LABEL),
                    (x, y),
                    xytext=(0, -11),
                    textcoords="offset points",
                    ha="center",
                    va="top",
                    fontsize=8.5,
                    zorder=4,
                    bbox=backdrop,
                    parse_math=False,
                )
        shown_kinds = list(members)[:MAX_LEGEND]
        handles = [
            Line2D(
                [],
                [],
                marker=_MARKERS.get(vocabulary.actor_kinds[k].shape, "o"),
                linestyle="none",
                markersize=8,
                markeredgecolor="#333333",
                markerfacecolor=vocabulary.actor_kinds[k].color,
                label=shorten(vocabulary.actor_kinds[k].label, MAX_TITLE // 2),
            )
            for k in shown_kinds
        ]
        if len(members) > len(shown_kinds):
            more = len(members) - len(shown_kinds)
            handles.append(Line2D([], [], linestyle="none", label=f"… and {more} more kinds"))
        handles += [
            Line2D(
                [],
                [],
                color=s["color"],
                linestyle=_line_style(s["dashes"]),
                linewidth=2,
                label=f"{name} tie",
            )
            for name, s in POLARITY_STYLE.items()
        ]
        legend = axes.legend(
            handles=handles,
            loc="upper left",
            bbox_to_anchor=(1.0, 1.0),
            fontsize=8.5,
            frameon=False,
            title="Legend",
            title_fontsize=9,
        )
        for text in legend.get_texts():
            text.set_parse_math(False)
        axes.margins(0.06)
        figure.tight_layout()
        buffer = io.BytesIO()
        metadata = {"Date": None} if to == "svg" else {}
        figure.savefig(buffer, format=to, metadata=metadata)
        plt.close(figure)
    return buffer.getvalue()


def _draw_ties(axes: Any, graph: Graph, positions: dict[str, tuple[float, float]]) -> None:
    """Each tie an arrow; above MANY_TIES, one collection of plain lines per style."""
    from matplotlib.collections import LineCollection

    vocabulary = graph.vocabulary
    if len(graph.relations) > MANY_TIES:
        groups: dict[str, tuple[list[Any], list[float]]] = {}
        for relation in graph.relations:
            segments, widths = groups.setdefault(
                vocabulary.relation_types[relation.type].polarity, ([], [])
            )
            segments.append((positions[relation.source], positions[relation.target]))
            widths.append(0.3 + 1.2 * relation.strength)
        for polarity, (segments, widths) in groups.items():
            style = POLARITY_STYLE[polarity]
            axes.add_collection(
                LineCollection(
                    segments,
                    colors=style["color"],
                    linewidths=widths,
                    linestyles=_line_style(style["dashes"]),
                    alpha=0.5,
                    zorder=1,
                )
            )
        return
    for relation in graph.relations:
        style = POLARITY_STYLE[vocabulary.relation_types[relation.type].polarity]
        (x1, y1), (x2, y2) = positions[relation.source], positions[relation.target]
        axes.annotate(
            "",
            xy=(x2, y2),
            xytext=(x1, y1),
            arrowprops={
                "arrowstyle": "-|>",
                "color": style["color"],
                "alpha": 0.75,
                "linewidth": 0.6 + 2.2 * relation.strength,
                "linestyle": _line_style(style["dashes"]),
                "shrinkA": 9,
                "shrinkB": 9,
                "mutation_scale": 9,
                "connectionstyle": "arc3,rad=0.06",
            },
        )
