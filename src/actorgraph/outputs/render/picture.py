"""A static picture of a graph, SVG or PNG, for print, PDF and reports.

Drawn with matplotlib from the same positions, colours, shapes and line
styles as the interactive page (igraph's seeded layout, so the same file gives
the same picture), with a legend of actor kinds and tie polarities. SVG keeps
labels as text, so they stay searchable and sharp.
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
        {"svg.fonttype": "none", "font.family": "DejaVu Sans", "svg.hashsalt": "actorgraph"}
    ):
        figure, axes = plt.subplots(figsize=(width, height), dpi=150)
        axes.set_axis_off()
        axes.set_title(graph.title, fontsize=15, loc="left", fontweight="bold")
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
        for kind_id in dict.fromkeys(a.kind for a in graph.actors):
            kind = vocabulary.actor_kinds[kind_id]
            members = [a for a in graph.actors if a.kind == kind_id]
            axes.scatter(
                [positions[a.id][0] for a in members],
                [positions[a.id][1] for a in members],
                s=[60 + 340 * scores.get(a.id, 0.0) for a in members],
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
                    actor.name,
                    (x, y),
                    xytext=(0, -11),
                    textcoords="offset points",
                    ha="center",
                    va="top",
                    fontsize=8.5,
                    zorder=4,
                    bbox=backdrop,
                )
        handles = [
            Line2D(
                [],
                [],
                marker=_MARKERS.get(vocabulary.actor_kinds[k].shape, "o"),
                linestyle="none",
                markersize=8,
                markeredgecolor="#333333",
                markerfacecolor=vocabulary.actor_kinds[k].color,
                label=vocabulary.actor_kinds[k].label,
            )
            for k in dict.fromkeys(a.kind for a in graph.actors)
        ]
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
        axes.legend(
            handles=handles,
            loc="upper left",
            bbox_to_anchor=(1.0, 1.0),
            fontsize=8.5,
            frameon=False,
            title="Legend",
            title_fontsize=9,
        )
        axes.margins(0.06)
        figure.tight_layout()
        buffer = io.BytesIO()
        metadata = {"Date": None} if to == "svg" else {}
        figure.savefig(buffer, format=to, metadata=metadata)
        plt.close(figure)
    return buffer.getvalue()
