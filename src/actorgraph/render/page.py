"""The interactive page: pyvis builds it through the project's own template.

Stock pyvis loads Bootstrap and vis-network from CDNs and, in some modes,
inserts titles as HTML. Here pyvis fills our autoescaped template instead:
vis-network is inlined from the copy pyvis ships, every text from the graph
file travels as JSON data and reaches the page through ``textContent``, and a
Content-Security-Policy allows only the page's own scripts, by hash.
"""

from __future__ import annotations

import base64
import hashlib
import json
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from ..model import Graph

_VIS_DIR = "vis-9.1.2"
POLARITY_STYLE = {
    "cooperative": {"color": "#2a9d8f", "dashes": False},
    "hostile": {"color": "#d62828", "dashes": [8, 5]},
    "neutral": {"color": "#6c757d", "dashes": [2, 5]},
}


@lru_cache(maxsize=1)
def _assets() -> dict[str, str]:
    import pyvis

    vis = Path(pyvis.__file__).parent / "lib" / _VIS_DIR
    ours = resources.files("actorgraph.render")
    return {
        "vis_js": (vis / "vis-network.min.js").read_text(encoding="utf-8"),
        "vis_css": (vis / "vis-network.css").read_text(encoding="utf-8"),
        "app_js": (ours / "static" / "actorgraph.js").read_text(encoding="utf-8"),
        "app_css": (ours / "static" / "actorgraph.css").read_text(encoding="utf-8"),
    }


def _csp_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def _environment(**page_globals: Any) -> Any:
    """A fresh autoescaping environment holding this page's globals."""
    from jinja2 import Environment, PackageLoader, select_autoescape

    env = Environment(
        loader=PackageLoader("actorgraph.render", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        keep_trailing_newline=True,
    )
    env.filters["fromjson"] = json.loads
    env.globals.update(page_globals)
    return env


def importance(graph: Graph) -> dict[str, float]:
    """Influence rank (see :mod:`actorgraph.analysis`): 1 for the actor who moves most."""
    from ..analysis import influence_rank
    from ..network import collapsed_influence

    return influence_rank(collapsed_influence(graph))


def page_data(graph: Graph) -> dict[str, Any]:
    """Nodes, edges and legend for the page, as plain JSON-ready data."""
    vocabulary = graph.vocabulary
    scores = importance(graph)
    sources = graph.sources_by_id
    nodes = []
    for actor in graph.actors:
        kind = vocabulary.actor_kinds[actor.kind]
        incoming, outgoing = graph.degree(actor.id)
        nodes.append(
            {
                "id": actor.id,
                "label": actor.name,
                "shape": kind.shape,
                "color": {
                    "background": kind.color,
                    "border": "#333333",
                    "highlight": {"background": kind.color, "border": "#000000"},
                },
                "size": round(12 + 22 * scores.get(actor.id, 0.0), 2),
                "kind": actor.kind,
                "kindLabel": kind.label,
                "name": actor.name,
                "aliases": list(actor.aliases),
                "description": actor.description,
                "inDegree": incoming,
                "outDegree": outgoing,
            }
        )
    edges = []
    parallel: dict[frozenset[str], int] = {}
    for index, relation in enumerate(graph.relations):
        rtype = vocabulary.relation_types[relation.type]
        pair = frozenset((relation.source, relation.target))
        nth = parallel[pair] = parallel.get(pair, -1) + 1
        style = POLARITY_STYLE[rtype.polarity]
        edges.append(
            {
                "id": index,
                "from": relation.source,
                "to": relation.target,
                "arrows": "to",
                "label": rtype.label,
                "color": {"color": style["color"], "highlight": style["color"], "opacity": 0.85},
                "dashes": style["dashes"],
                "width": round(1 + 4 * relation.strength, 2),
                "smooth": {
                    "enabled": True,
                    "type": "curvedCW" if nth % 2 else "curvedCCW",
                    "roundness": 0.12 + 0.12 * (nth // 2),
                }
                if nth
                else {"enabled": False},
                "key": relation.key,
                "type": relation.type,
                "typeLabel": rtype.label,
                "polarity": rtype.polarity,
                "influence": rtype.influence,
                "strength": relation.strength,
                "confidence": relation.confidence,
                "since": relation.since,
                "until": relation.until,
                "note": relation.note,
                "evidence": [
                    {
                        "cite": e.cite(),
                        "source": e.source,
                        "paragraph": e.paragraph,
                        "claim": e.claim,
                        "sourceTitle": sources[e.source].title if e.source in sources else "",
                    }
                    for e in relation.evidence
                ],
            }
        )
    used_kinds = dict.fromkeys(a.kind for a in graph.actors)
    used_types = dict.fromkeys(r.type for r in graph.relations)
    legend = {
        "kinds": [
            {
                "id": k,
                "label": vocabulary.actor_kinds[k].label,
                "color": vocabulary.actor_kinds[k].color,
                "shape": vocabulary.actor_kinds[k].shape,
            }
            for k in used_kinds
        ],
        "types": [
            {
                "id": t,
                "label": vocabulary.relation_types[t].label,
                "polarity": vocabulary.relation_types[t].polarity,
                "influence": vocabulary.relation_types[t].influence,
            }
            for t in used_types
        ],
        "polarities": [{"id": p, **s} for p, s in POLARITY_STYLE.items()],
    }
    return {"nodes": nodes, "edges": edges, "legend": legend}


def vis_options(graph: Graph) -> dict[str, Any]:
    """vis-network options: physics to lay out, hover tooltips, readable labels."""
    return {
        "autoResize": True,
        "nodes": {
            "font": {"size": 15, "face": "sans-serif", "strokeWidth": 3, "strokeColor": "#ffffff"},
            "borderWidth": 1.5,
        },
        "edges": {
            "font": {
                "size": 10,
                "face": "sans-serif",
                "color": "#444444",
                "strokeWidth": 3,
                "strokeColor": "#ffffff",
                "align": "middle",
            },
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.6}},
            "selectionWidth": 2,
        },
        "interaction": {
            "hover": True,
            "tooltipDelay": 120,
            "navigationButtons": False,
            "keyboard": False,
            "multiselect": False,
        },
        "physics": {
            "enabled": True,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {
                "gravitationalConstant": -90,
                "springLength": 130,
                "springConstant": 0.05,
                "avoidOverlap": 0.6,
            },
            "stabilization": {"enabled": True, "iterations": 400, "fit": True},
        },
        "layout": {"randomSeed": 7, "improvedLayout": len(graph.actors) <= 150},
    }


def render_page(graph: Graph) -> str:
    """The full, self-contained HTML page for a graph."""
    from pyvis.network import Network

    data = page_data(graph)
    network = Network(height="100%", width="100%", directed=True, heading=graph.title)
    network.nodes = data["nodes"]
    network.edges = data["edges"]
    network.options = vis_options(graph)

    from markupsafe import Markup

    assets = _assets()
    network.templateEnv = _environment(
        # vendor and project assets are trusted code; graph text never goes here
        **{name: Markup(text) for name, text in assets.items()},
        legend=data["legend"],
        meta=_meta(graph),
        csp_scripts=" ".join(_csp_hash(assets[k]) for k in ("vis_js", "app_js")),
    )
    network.path = "page.html"
    return network.generate_html()


def _meta(graph: Graph) -> dict[str, Any]:
    return {
        "title": graph.title,
        "description": graph.description,
        "as_of": graph.as_of_date or "",
        "counts": f"{len(graph.actors)} actors, {len(graph.relations)} relations",
        "sources": [
            {
                "id": s.id,
                "title": s.title,
                "authors": ", ".join(s.authors),
                "publisher": s.publisher or "",
                "published": s.published or "",
            }
            for s in graph.sources
        ],
    }
