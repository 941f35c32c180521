"""The page as a file: self-contained, offline, graph text kept as data."""

from __future__ import annotations

import base64
import hashlib
import json
import re

import pytest

from actorgraph import parse_graph, read_graph, render_html, write_html
from actorgraph.api import notebook_html
from actorgraph.io.synthetic import synthetic_graph
from actorgraph.outputs.render import iframe_snippet
from actorgraph.outputs.render import render_html as render
from actorgraph.outputs.render.data import LARGE_GRAPH, layout, page_data
from conftest import SEED, SMALL

PAYLOADS = (
    '<img src=x onerror="window.__pwned=1">',
    "</script><script>window.__pwned=2</script>",
    "javascript:window.__pwned=3",
    '"onmouseover="window.__pwned=4',
)


def hostile_graph_text() -> str:
    """A valid graph whose every free-text field carries script payloads."""
    p = [json.dumps(x) for x in PAYLOADS]
    alias = [json.dumps(x + " (alias)") for x in PAYLOADS]
    return f"""\
title: {p[1]}
description: {p[0]}
sources:
  - {{id: s, title: {p[0]}, authors: [{p[1]}], publisher: {p[2]}, url: {p[2]}}}
vocabulary:
  actor_kinds:
    - {{id: shady, label: {p[3]}, color: "#123456"}}
  relation_types:
    - {{id: bribes, label: {p[0]}, polarity: hostile, influence: forward,
       description: {p[1]}}}
actors:
  - {{id: a, name: {p[0]}, kind: shady, aliases: [{alias[1]}], description: {p[2]}}}
  - {{id: b, name: {p[1]}, kind: person, aliases: [{alias[3]}], description: {p[0]}}}
  - {{id: c, name: {p[2]}, kind: state, description: {p[3]}}}
  - {{id: d, name: {p[3]}, kind: state, description: {p[1]}}}
relations:
  - {{source: a, type: bribes, target: b, strength: 0.5, confidence: low, note: {p[3]},
     evidence: [{{source: s, paragraph: 1, claim: {p[0]}}}, {{source: s, claim: {p[1]}}}]}}
  - {{source: b, type: controls, target: c, strength: 0.9, confidence: high, note: {p[0]},
     evidence: [{{source: s, paragraph: 2, claim: {p[2]}}}]}}
  - {{source: c, type: fights, target: d, strength: 0.7, confidence: medium,
     evidence: [{{source: s, paragraph: 3, claim: {p[3]}}}]}}
"""


@pytest.fixture(scope="module")
def hostile():
    return parse_graph(hostile_graph_text(), "hostile.yaml")


def inline_scripts(html: str) -> list[str]:
    return re.findall(r"<script>(.*?)</script>", html, flags=re.S)


def test_page_is_self_contained():
    html = render_html(read_graph(SEED))
    assert html.startswith("<!DOCTYPE html>")
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)=", html)
    assert "bootstrap" not in html.lower()
    assert "vis.Network" in html


def test_scripts_are_allowed_only_by_hash():
    html = render_html(parse_graph(SMALL))
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1)
    policy = policy.replace("&#39;", "'")
    assert "default-src 'none'" in policy
    scripts = inline_scripts(html)
    assert len(scripts) == 2
    for script in scripts:
        digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in policy


def payload_of(html: str) -> dict:
    text = re.search(
        r'<script type="application/json" class="ag-data">(.*?)</script>', html, flags=re.S
    ).group(1)
    assert "<" not in text  # JSON in a script element: <, > and & arrive escaped
    return json.loads(text)


def test_graph_text_never_reaches_the_markup_raw(hostile):
    for mode in ("page", "fragment", "iframe"):
        html = render(hostile, embed=mode)
        for payload in PAYLOADS[:2]:
            assert payload not in html
        # the heading is escaped text, the data is JSON with <, > and & escaped
        assert '<h1 class="ag-title">&lt;/script&gt;&lt;script&gt;' in html
        assert payload_of(html)["nodes"][0]["name"] == PAYLOADS[0]


def test_page_data_styles_by_kind_and_polarity():
    graph = read_graph(SEED)
    data = page_data(graph)
    nodes = {n["id"]: n for n in data["nodes"]}
    assert nodes["putin"]["color"]["background"] == graph.vocabulary.actor_kinds["person"].color
    assert nodes["russia"]["shape"] == "hexagon"
    edges = {(e["from"], e["type"], e["to"]): e for e in data["edges"]}
    assert edges[("the-west", "sanctions", "belarus")]["dashes"] == [8, 5]
    assert edges[("putin", "controls", "lukashenko")]["dashes"] is False
    assert edges[("putin", "controls", "lukashenko")]["width"] == 4.6
    assert nodes["lukashenko"]["size"] == 34  # the top influence rank
    assert [k["id"] for k in data["legend"]["kinds"]] == [
        "person",
        "state",
        "government",
        "military",
        "business",
        "public",
        "organisation",
        "bloc",
    ]
    assert sum(t["count"] for t in data["legend"]["types"]) == len(graph.relations)
    assert data["large"] is False
    assert (nodes["putin"]["x"], nodes["putin"]["y"]) == layout(graph)["putin"]


def test_large_graphs_get_fixed_deterministic_positions():
    graph = synthetic_graph(LARGE_GRAPH + 1)
    data = page_data(graph)
    assert data["large"] is True
    assert all("x" in n and "y" in n for n in data["nodes"])
    assert all(e["label"] == "" for e in data["edges"])
    assert layout(graph) == layout(synthetic_graph(LARGE_GRAPH + 1))
    html = render(graph)
    assert payload_of(html)["options"]["physics"]["enabled"] is False


def test_focus_and_min_strength_select_what_is_drawn():
    graph = read_graph(SEED)
    drawn = payload_of(render(graph, focus="Xie Xiaoyong", depth=1))
    assert sorted(n["id"] for n in drawn["nodes"]) == ["china", "lukashenko", "xie-xiaoyong"]
    strong = payload_of(render(graph, min_strength=0.9))
    assert all(e["strength"] >= 0.9 for e in strong["edges"])
    assert len(strong["nodes"]) == len(graph.actors)


def test_fragment_is_a_div_with_its_own_styles_and_no_document():
    html = render(parse_graph(SMALL), embed="fragment")
    assert html.startswith("<!-- actorgraph fragment") and "<!DOCTYPE" not in html
    assert html.count('<div class="actorgraph" data-actorgraph>') == 1
    assert "Content-Security-Policy" not in html
    assert ' id="' not in html  # ids would clash when pasted twice


def test_iframe_snippet_and_notebook_display():
    graph = parse_graph(SMALL)
    assert iframe_snippet("x.html", "Small").startswith('<iframe src="x.html" title="Small"')
    inline = notebook_html(graph)
    assert inline.startswith('<iframe srcdoc="&lt;!DOCTYPE html&gt;')
    assert 'sandbox="allow-scripts"' in inline
    with pytest.raises(ValueError, match="embed must be one of"):
        render(graph, embed="poster")


def test_write_html_is_atomic_and_returns_the_path(tmp_path):
    target = write_html(parse_graph(SMALL), tmp_path / "out" / "small.html")
    assert target == tmp_path / "out" / "small.html"
    assert [p.name for p in target.parent.iterdir()] == ["small.html"]
