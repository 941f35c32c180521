"""The interactive page: pyvis builds it through the project's own template.

Stock pyvis loads Bootstrap and vis-network from CDNs and, in some modes,
inserts titles as HTML. Here pyvis fills our autoescaped template instead:
vis-network is inlined from the copy pyvis ships, every text from the graph
file travels as JSON data and reaches the page through ``textContent``, and a
full page carries a Content-Security-Policy that allows only its own scripts,
by hash.

Embedding modes: ``page`` (a whole HTML file), ``fragment`` (a ``<div>`` with
its styles and scripts, to paste into another page, as often as you like) and
``iframe`` (a whole page meant for an ``<iframe>``; see :func:`iframe_snippet`).
"""

from __future__ import annotations

import base64
import hashlib
import json
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from actorgraph.exceptions import require_choice
from actorgraph.model import Graph
from actorgraph.outputs.render.data import page_data, vis_options
from actorgraph.vocabulary import EMBED_MODES, FRAGMENT_HEIGHT

_VIS_DIR = "vis-9.1.2"


@lru_cache(maxsize=1)
def page_assets() -> dict[str, str]:
    """vis-network and our script and styles, inlined so pages need no network."""
    import pyvis

    vis = Path(pyvis.__file__).parent / "lib" / _VIS_DIR
    ours = resources.files("actorgraph.outputs.render")
    return {
        "vis_js": (vis / "vis-network.min.js").read_text(encoding="utf-8"),
        "vis_css": (vis / "vis-network.css").read_text(encoding="utf-8"),
        "app_js": (ours / "static" / "actorgraph.js").read_text(encoding="utf-8"),
        "app_css": (ours / "static" / "actorgraph.css").read_text(encoding="utf-8"),
        "mount_js": (ours / "static" / "mount.js").read_text(encoding="utf-8"),
    }


def csp_hash(script: str) -> str:
    """The Content-Security-Policy source that lets exactly this inline script run."""
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def template_environment(**page_globals: Any) -> Any:
    """A fresh autoescaping environment holding this page's globals."""
    from jinja2 import Environment, PackageLoader, select_autoescape

    env = Environment(
        loader=PackageLoader("actorgraph.outputs.render", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        keep_trailing_newline=True,
    )
    env.filters["fromjson"] = json.loads
    env.globals.update(page_globals)
    return env


def render_page(graph: Graph, embed: str = "page", height: int = FRAGMENT_HEIGHT) -> str:
    """The graph as HTML in one of :data:`EMBED_MODES`; a fragment is ``height`` px tall."""
    from markupsafe import Markup
    from pyvis.network import Network

    require_choice("embed", embed, EMBED_MODES)
    data = page_data(graph)
    network = Network(height="100%", width="100%", directed=True, heading=graph.title)
    network.nodes = data["nodes"]
    network.edges = data["edges"]
    network.options = vis_options(graph)
    assets = page_assets()
    network.templateEnv = template_environment(
        # vendor and project assets are trusted code; graph text never goes here
        **{name: Markup(text) for name, text in assets.items()},
        legend=data["legend"],
        large=data["large"],
        meta=data["meta"],
        fragment_height=int(height),  # pyvis passes its own "height" to templates
        csp_scripts=Markup(" ".join(csp_hash(assets[k]) for k in ("vis_js", "app_js"))),
    )
    network.path = "fragment.html" if embed == "fragment" else "page.html"
    return network.generate_html()


def iframe_snippet(src: str, title: str, height: int = FRAGMENT_HEIGHT) -> str:
    """HTML to paste into another page to show a rendered page file in an iframe.

    >>> print(iframe_snippet("belarus.html", 'Russia & "Belarus"'))
    <iframe src="belarus.html" title="Russia &amp; &#34;Belarus&#34;" style="width: 100%; height: 640px; border: 0" sandbox="allow-scripts" loading="lazy"></iframe>
    """  # noqa: E501
    from markupsafe import escape

    return (
        f'<iframe src="{escape(src)}" title="{escape(title)}" '
        f'style="width: 100%; height: {int(height)}px; border: 0" '
        'sandbox="allow-scripts" loading="lazy"></iframe>'
    )


def notebook_html(graph: Graph, height: int = FRAGMENT_HEIGHT) -> str:
    """An ``<iframe srcdoc>`` holding the whole page: shows inline in Jupyter, offline."""
    from markupsafe import escape

    return (
        f'<iframe srcdoc="{escape(render_page(graph))}" title="{escape(graph.title)}" '
        f'style="width: 100%; height: {int(height)}px; border: 0" '
        'sandbox="allow-scripts"></iframe>'
    )
