"""A layout that reads (issue 13): no label covers another label or actor, no tie runs through
another actor's label or mark, and one seeded layout in the page, the picture and the report."""

from __future__ import annotations

import re

import pytest

from actorgraph import read_graph
from actorgraph.outputs.render import layout as layout_module
from actorgraph.outputs.render.data import page_data
from actorgraph.outputs.render.layout import layout, page_arrangement
from actorgraph.outputs.render.picture import picture
from actorgraph.outputs.render.spacing import clashes, footprint, text_width
from conftest import SEED
from test_browser import Visit
from test_import import readme_command, shared


@pytest.fixture(scope="module")
def seed():
    return read_graph(SEED)


def test_label_widths_are_the_page_fonts():
    # DejaVu Sans at 15 px, as Chromium measured "Aleksandr Lukashenko" on the page
    assert abs(text_width("Aleksandr Lukashenko") - 167.9) < 0.2
    assert text_width("WWW") > text_width("iii") > 0


def test_belarus_layout_leaves_no_label_overlap_and_no_tie_through_another_label(seed):
    points, prints, ties = page_arrangement(seed)
    found = clashes(points, prints, ties)
    assert found.overlaps == [] and found.crossings == []
    # the same graph laid out by force alone crowds its centre
    crowded = clashes(
        layout_module._fit(layout_module._unit_layout(*layout_module._shape(seed)), 917.0),
        prints,
        ties,
    )
    assert len(crowded.overlaps) + len(crowded.crossings) > 10


@shared
def test_les_miserables_gets_room_for_every_name_without_growing_much(runner, in_project):
    from actorgraph.cli import cli

    assert runner.invoke(cli, readme_command("Les-Miserables.gexf")).exit_code == 0
    graph = read_graph("graph/les-miserables.yaml")
    points, prints, ties = page_arrangement(graph)
    found = clashes(points, prints, ties)
    assert found.overlaps == [] and found.crossings == []
    # no bigger than twice the force layout's old size (200 units per square root of actors)
    extent = max(max(p[axis] for p in points) - min(p[axis] for p in points) for axis in (0, 1))
    assert extent < 2 * 200 * len(graph.actors) ** 0.5


def test_layout_is_deterministic_and_names_take_their_width(seed):
    first = layout(seed)
    layout_module._room_for_labels.cache_clear()
    layout_module._unit_layout.cache_clear()
    assert layout(seed) == first
    # labels and marks as the page sizes them: a longer name takes more room
    assert (
        footprint("A much longer name", "dot", 12).label[2] > footprint("Short", "dot", 12).label[2]
    )


def test_picture_and_page_place_actors_alike(seed):
    page = page_data(seed)["actors"]
    svg = picture(seed, "svg").decode()
    drawn = {}
    for actor, group in re.findall(r'<g id="ag-node-([^"]+)">(.*?)</g>', svg, re.S):
        x, y = re.search(r'<use [^>]*x="([-\d.]+)" y="([-\d.]+)"', group).groups()
        drawn[actor] = (float(x), float(y))
    assert set(drawn) == set(page["id"])
    # one affine map (scale and shift, y down in both) takes the page's places to the picture's
    ids = page["id"]
    a, b = ids[0], max(ids, key=lambda i: abs(page["x"][ids.index(i)] - page["x"][0]))
    scale = (drawn[b][0] - drawn[a][0]) / (page["x"][ids.index(b)] - page["x"][0])
    for n, actor in enumerate(ids):
        assert drawn[actor][0] == pytest.approx(
            drawn[a][0] + scale * (page["x"][n] - page["x"][0]), abs=0.6
        )
        assert drawn[actor][1] == pytest.approx(
            drawn[a][1] + scale * (page["y"][n] - page["y"][0]), abs=0.6
        )


# -- as Chromium draws it ---------------------------------------------------------------

DRAWN = """() => {
  const v = window.actorgraph.views[0], net = v.network, body = net.body;
  const nodes = body.nodeIndices.map((id) => { const n = body.nodes[id], s = n.labelModule.size;
    const inside = n.options.shape === "ellipse", r = n.options.size;
    return {id: id, x: n.x, y: n.y, label: [s.left, s.top, s.left + s.width, s.top + s.height],
      mark: inside ? [n.x - n.shape.width / 2, n.y - n.shape.height / 2, n.x + n.shape.width / 2,
        n.y + n.shape.height / 2] : [n.x - r, n.y - r, n.x + r, n.y + r],
      inside: inside, text: n.options.label}; });
  const edges = body.edgeIndices.map((id) => { const e = body.edges[id], pts = [];
    for (let k = 0; k <= 32; k++) { const p = e.edgeType.getPoint(k / 32); pts.push([p.x, p.y]); }
    return {from: e.fromId, to: e.toId, pts: pts, label: e.options.label || ""}; });
  return {nodes: nodes, edges: edges};
}"""


def _overlap(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _through(p, q, box) -> bool:
    """Does the segment p-q pass through the box (Liang-Barsky)."""
    low, high = 0.0, 1.0
    dx, dy = q[0] - p[0], q[1] - p[1]
    for d, room in (
        (-dx, p[0] - box[0]),
        (dx, box[2] - p[0]),
        (-dy, p[1] - box[1]),
        (dy, box[3] - p[1]),
    ):
        if d == 0:
            if room < 0:
                return False
        elif d < 0:
            low = max(low, room / d)
        else:
            high = min(high, room / d)
    return low < high


@pytest.mark.browser
@pytest.mark.parametrize("size", [(1280, 800), (390, 844)])
def test_the_first_view_of_belarus_reads(browser, seed, tmp_path, size):
    from actorgraph import write_html

    path = write_html(seed, tmp_path / "belarus.html")
    visit = Visit(browser, path, size=size)
    try:
        drawn = visit.evaluate(DRAWN)
        data = page_data(seed)["actors"]
        # the page draws the layout's own places: no physics moved them
        assert [(n["x"], n["y"]) for n in drawn["nodes"]] == list(
            zip(data["x"], data["y"], strict=True)
        )
        assert visit.evaluate("window.actorgraph.views[0].network.physics.options.enabled") is False
        nodes = drawn["nodes"]
        assert all(n["text"] for n in nodes)
        overlaps = [
            (a["text"], b["text"])
            for i, a in enumerate(nodes)
            for b in nodes[i + 1 :]
            if _overlap(a["label"], b["label"])
            or _overlap(a["label"], b["mark"])
            or _overlap(b["label"], a["mark"])
            or _overlap(a["mark"], b["mark"])
        ]
        assert overlaps == []
        through = [
            (e["from"], e["to"], n["text"])
            for e in drawn["edges"]
            for n in nodes
            if n["id"] not in (e["from"], e["to"])
            and any(
                _through(e["pts"][k], e["pts"][k + 1], n["label"])
                or _through(e["pts"][k], e["pts"][k + 1], n["mark"])
                for k in range(len(e["pts"]) - 1)
            )
        ]
        assert through == []
        # tie labels wait for hover, focus and paths
        assert [e["label"] for e in drawn["edges"]] == [""] * len(seed.relations)
        # and the whole graph is in view
        inside = visit.evaluate(
            "(() => { const v = window.actorgraph.views[0];"
            " const r = v.container.getBoundingClientRect();"
            " return Object.values(v.network.getPositions()).every((p) => {"
            " const d = v.network.canvasToDOM(p);"
            " return d.x >= 0 && d.y >= 0 && d.x <= r.width && d.y <= r.height; }); })()"
        )
        assert inside
    finally:
        visit.close()
