"""The interactive page: pyvis builds it through the project's own template.

Stock pyvis loads Bootstrap and vis-network from CDNs and, in some modes,
inserts titles as HTML. Here pyvis fills our autoescaped template instead:
vis-network is inlined from the copy pyvis ships for its own ``in_line`` mode,
every text from the graph file travels as JSON data and reaches the page
through ``textContent``, and a full page carries a Content-Security-Policy that
allows only its own scripts, by hash.

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
from urllib.parse import quote

from actorgraph.exceptions import require_choice
from actorgraph.model import Graph
from actorgraph.outputs.render.data import meta, page_data, vis_options
from actorgraph.vocabulary import EMBED_MODES, FRAGMENT_HEIGHT

# The page script, in parts; joined into one script (one CSP hash) in this order.
SCRIPT_PARTS = ("core.js", "draw.js", "panels.js", "controls.js", "paths.js", "start.js")


def _templates() -> Path:
    return Path(str(resources.files("actorgraph.outputs.render").joinpath("templates")))


@lru_cache(maxsize=1)
def page_assets() -> dict[str, str]:
    """vis-network (from pyvis's own template folder) and the project's script and styles."""
    from pyvis.network import Network

    vis = sorted(Path(Network().template_dir).glob("lib/vis-*/vis-network.min.js"))[-1].parent
    static = resources.files("actorgraph.outputs.render").joinpath("static")
    parts = [static.joinpath(p).read_text(encoding="utf-8") for p in SCRIPT_PARTS]
    return {
        "vis_js": (vis / "vis-network.min.js").read_text(encoding="utf-8"),
        "vis_css": (vis / "vis-network.css").read_text(encoding="utf-8"),
        "app_js": "(function () {\n" + "\n".join(parts) + "\n})();\n",
        "app_css": static.joinpath("actorgraph.css").read_text(encoding="utf-8"),
        "mount_js": static.joinpath("mount.js").read_text(encoding="utf-8"),
    }


def csp_hash(script: str) -> str:
    """The Content-Security-Policy source that lets exactly this inline script run."""
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def script_hashes() -> str:
    """The CSP ``script-src`` sources that allow exactly the page's two scripts."""
    return " ".join(csp_hash(page_assets()[k]) for k in ("vis_js", "app_js"))


def template_environment(**page_globals: Any) -> Any:
    """A fresh autoescaping environment for the project's templates (the report's too)."""
    from jinja2 import Environment, PackageLoader, select_autoescape

    env = Environment(
        loader=PackageLoader("actorgraph.outputs.render", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        keep_trailing_newline=True,
    )
    env.filters["fromjson"] = json.loads
    env.globals.update(page_globals)
    return env


def script_json(data: Any) -> str:
    """JSON safe inside a ``<script>`` element: ``<``, ``>``, ``&`` and ``'`` escaped."""
    text = json.dumps(data, separators=(",", ":"), ensure_ascii=False)
    for char, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("'", "\\u0027")):
        text = text.replace(char, escaped)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def render_page(
    graph: Graph, embed: str = "page", height: int = FRAGMENT_HEIGHT, as_of: str | None = None
) -> str:
    """The graph as HTML in one of :data:`EMBED_MODES`; a fragment is ``height`` px tall;
    ``as_of`` opens the time slider at that date."""
    from jinja2 import select_autoescape
    from markupsafe import Markup
    from pyvis.network import Network

    require_choice("embed", embed, EMBED_MODES)
    network = Network(height="100%", width="100%", directed=True, heading=graph.title)
    network.set_options(json.dumps(vis_options(graph)))
    network.set_template_dir(
        str(_templates()), "fragment.html" if embed == "fragment" else "page.html"
    )
    # pyvis makes a plain Environment; ours escapes every {{ }} (templates compile lazily)
    network.templateEnv.autoescape = select_autoescape(default=True, default_for_string=True)
    data = page_data(graph, as_of)
    data["useHash"] = embed != "fragment"
    # The actors and ties do not go through Network.add_node/add_edge: pyvis checks each
    # against a list of those before it, measured 1.6 s for 10,000 add_node calls and
    # 0.3 ms per add_edge (15 s for 50,000 ties), against a 10,000-actor goal of 8 s for
    # the whole command. They travel as one compact JSON blob the page script reads.
    network.templateEnv.globals.update(
        # vendor and project assets are trusted code; graph text only reaches the page as JSON
        {name: Markup(text) for name, text in page_assets().items()},
        data_json=Markup(script_json(data)),
        meta=meta(graph, as_of),
        fragment_height=int(height),  # pyvis passes its own "height" to templates
        csp_scripts=Markup(script_hashes()),
    )
    network.templateEnv.filters["fromjson"] = json.loads
    return network.generate_html()


def iframe_snippet(src: str, title: str, height: int = FRAGMENT_HEIGHT) -> str:
    """HTML to paste into another page to show a rendered page file in an iframe.

    ``src`` is a file name or path, URL-encoded here (spaces, ``#``, ``?``, quotes).

    >>> print(iframe_snippet("my graph #1.html", 'Russia & "Belarus"'))
    <iframe src="my%20graph%20%231.html" title="Russia &amp; &#34;Belarus&#34;" style="width: 100%; height: 640px; border: 0" sandbox="allow-scripts" loading="lazy"></iframe>
    """  # noqa: E501
    from markupsafe import escape

    return (
        f'<iframe src="{escape(quote(src, safe="/"))}" title="{escape(title)}" '
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
