"""Reports a reader can be handed: one layout, plain words, sources, views, print and PDF."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from actorgraph import parse_graph, read_graph, render_html
from actorgraph.api import report as api_report
from actorgraph.cli import cli
from actorgraph.outputs.render.picture import picture
from actorgraph.outputs.report import build_report, report_html
from actorgraph.vocabulary import CONCEPTS, MEASURES
from conftest import ROOT, SEED
from test_browser import Visit

POPPLER = shutil.which("pdftotext") and shutil.which("pdfimages")


@pytest.fixture(scope="module")
def seed():
    return read_graph(SEED)


def svg_node_centres(svg: bytes) -> dict[str, tuple[float, float]]:
    """Each actor's mark in a picture: the <use> inside its ag-node-ID group."""
    text = svg.decode("utf-8")
    found = {}
    for actor, body in re.findall(r'<g id="ag-node-([^"]+)">(.*?)</g>', text, re.S):
        x, y = re.search(r'<use [^>]*x="([-\d.]+)" y="([-\d.]+)"', body).groups()
        found[actor] = (float(x), float(y))
    return found


def normalised(points: dict[str, tuple[float, float]]) -> dict[str, tuple[float, float]]:
    """Positions moved to their centre and scaled to unit spread: what 'relative' means."""
    xs, ys = zip(*points.values(), strict=True)
    cx, cy = sum(xs) / len(xs), sum(ys) / len(ys)
    spread = (sum((x - cx) ** 2 + (y - cy) ** 2 for x, y in points.values()) / len(xs)) ** 0.5
    return {a: ((x - cx) / spread, (y - cy) / spread) for a, (x, y) in points.items()}


# -- words, sources, views ------------------------------------------------------------


def test_readme_and_help_define_the_measures_as_the_library_does(runner):
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    helptext = " ".join(runner.invoke(cli, ["analyze", "--help"]).output.split())
    for term in (*MEASURES, *CONCEPTS):
        line = f"**{term.label}**: {term.definition}"
        assert line in readme, line
        assert f"{term.label}: {term.definition}" in helptext, term.label


def test_citations_are_numbered_with_a_bibliography_and_safe_links(seed):
    text = """
title: Cited
sources:
  - {id: paper, title: A paper, authors: [A. Writer], publisher: Press, published: 2021,
     url: "https://example.org/paper"}
  - {id: bad, title: Bad link, url: "javascript:alert(1)"}
actors:
  - {id: a, name: AT&T, kind: business}
  - {id: b, name: Beta, kind: state}
relations:
  - {source: a, type: funds, target: b, strength: 0.5, confidence: high,
     evidence: [{source: bad, paragraph: 3, claim: A pays B.}]}
"""
    built = build_report(parse_graph(text), [("a", "b")])
    html = report_html(built, interactive=False)
    assert '<a href="#source-2">[2]</a> ¶3' in html
    assert (
        '<li id="source-1">A. Writer. A paper. Press, 2021. '
        '<a href="https://example.org/paper">https://example.org/paper</a></li>' in html
    )
    assert "javascript:" not in html
    assert "AT&amp;T" in html and "&amp;amp;" not in html
    markdown = api_report(parse_graph(text), [("a", "b")], to="md")
    assert "- **AT\\&T** (Business / sector)" in markdown and "&amp;" not in markdown
    assert "     - A pays B. [2] ¶3\n" in markdown
    assert "1. A. Writer. A paper. Press, 2021. <https://example.org/paper>" in markdown


def test_report_with_views_has_captioned_figures_and_their_paths(runner, in_project):
    result = runner.invoke(
        cli, ["report", "--view", "china-reach", "--view", "West-Pressure", "-o", "output/v.html"]
    )
    assert result.output == "wrote output/v.html\n" and result.exit_code == 0
    html = (in_project / "output" / "v.html").read_text()
    assert "<strong>Figure 1. Through whom China reaches Minsk.</strong>" in html
    assert "<strong>Figure 2. The West&#39;s levers on Lukashenko.</strong>" in html
    assert "Paths: China → Belarusian armed forces" in html
    assert "Paths: The West → Aleksandr Lukashenko" in html
    bad = runner.invoke(cli, ["report", "--view", "nope"])
    assert bad.exit_code == 2
    assert "no view named 'nope'; views in this graph: china-reach, west-pressure" in bad.stderr


def test_render_view_draws_the_view_with_its_paths_highlighted(runner, in_project, seed):
    result = runner.invoke(cli, ["render", "--view", "china-reach", "--to", "svg", "-o", "c.svg"])
    shown = seed.in_view("china-reach")
    assert result.output == (
        f"wrote c.svg ({len(shown.actors)} actors, {len(shown.relations)} relations)\n"
    )
    svg = (in_project / "c.svg").read_bytes()
    assert set(svg_node_centres(svg)) == {a.id for a in shown.actors}
    assert b"#ffd166" in svg  # the highlighted path's band


def test_views_in_a_graph_file_are_checked(write):
    from actorgraph.io.load import validate_file

    path = write(
        "title: t\nactors:\n  - {id: a, name: A, kind: state, x: 3}\n"
        "  - {id: b, name: B, kind: state}\nrelations: []\nviews:\n"
        "  - {id: v, focus: c, kinds: [stat], paths: [[a, d]], as_of: 2022-13}\n  - {id: v}\n"
    )
    assert [str(p).split(": ", 1)[1] for p in validate_file(path)] == [
        "actor is missing 'y'",
        "invalid date '2022-13'; use YYYY, YYYY-MM or YYYY-MM-DD",
        "view names unknown actor 'c'; known actors: a, b",
        "view names unknown actor 'd'; known actors: a, b",
        "view names unknown actor kind 'stat'; did you mean 'state'? known actor kinds: person, "
        "state, government, military, armed_group, party, business, public, media, "
        "organisation, bloc, other",
        "duplicate view id 'v'; first defined on line 7",
    ]


def test_pinned_actors_keep_their_places(seed):
    from actorgraph.outputs.render.data import layout

    text = (
        SEED.read_text(encoding="utf-8")
        .replace("  - id: china\n", "  - id: china\n    x: 0\n    y: 0\n")
        .replace("  - id: the-west\n", "  - id: the-west\n    x: 600\n    y: 0\n")
    )
    pinned = normalised(layout(parse_graph(text)))
    # the two pinned actors lie on one horizontal line, China to the left
    assert abs(pinned["china"][1] - pinned["the-west"][1]) < 1e-6
    assert pinned["china"][0] < pinned["the-west"][0]


# -- in Chromium ------------------------------------------------------------------------


@pytest.mark.browser
def test_picture_and_embedded_graph_place_every_actor_alike(browser, seed, tmp_path):
    built = build_report(seed)
    path = tmp_path / "report.html"
    path.write_text(report_html(built), encoding="utf-8")
    visit = Visit(browser, path)
    try:
        page = normalised(
            {
                k: (p["x"], p["y"])
                for k, p in visit.evaluate(
                    # vis-network knows actors by their index in the page's data
                    "(() => { const v = window.actorgraph.views[0], d = v.data.actors.id;"
                    " return Object.fromEntries(Object.entries(v.network.getPositions())"
                    ".map(([n, p]) => [d[n], p])); })()"
                ).items()
            }
        )
        assert visit.outside_requests() == [] and visit.console == []
    finally:
        visit.close()
    figure = normalised(svg_node_centres(built.svg))
    assert set(page) == set(figure) == {a.id for a in seed.actors}
    for actor in page:
        assert abs(page[actor][0] - figure[actor][0]) < 0.01, actor
        assert abs(page[actor][1] - figure[actor][1]) < 0.01, actor


BOXES = """() => {
  const box = (e) => {
    const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom];
  };
  const labels = document.querySelectorAll('g[id^="ag-label-"] text');
  return {
    labels: [...labels].map((t) => [t.textContent, ...box(t)]),
    nodes: [...document.querySelectorAll('g[id^="ag-node-"] use')].map(box),
  };
}"""


@pytest.mark.browser
def test_no_two_labels_in_the_picture_overlap(browser, seed, tmp_path):
    path = tmp_path / "picture.svg"
    path.write_bytes(picture(seed, "svg"))
    context = browser.new_context(viewport={"width": 1400, "height": 1100})
    try:
        page = context.new_page()
        page.goto(path.as_uri())
        boxes = page.evaluate(BOXES)
    finally:
        context.close()
    labels, nodes = boxes["labels"], boxes["nodes"]
    assert sorted(name for name, *_ in labels) == sorted(a.name for a in seed.actors)

    def overlap(a, b):
        return a[0] < b[2] - 0.5 and b[0] < a[2] - 0.5 and a[1] < b[3] - 0.5 and b[1] < a[3] - 0.5

    for i, (name, *box) in enumerate(labels):
        for other, *other_box in labels[i + 1 :]:
            assert not overlap(box, other_box), (name, other)
        assert not any(overlap(box, node) for node in nodes), name


@pytest.mark.browser
@pytest.mark.parametrize(("paper", "width"), [("a4", 680), ("letter", 703)])
def test_printed_report_fits_the_page(browser, seed, tmp_path, paper, width):
    """Printable width at 96 px per inch: A4 210 mm and Letter 8.5 in, less 2 x 15 mm."""
    path = tmp_path / "report.html"
    path.write_text(report_html(build_report(seed, [("china", "lukashenko")]), paper=paper))
    context = browser.new_context(viewport={"width": width, "height": 1000})
    try:
        page = context.new_page()
        page.emulate_media(media="print")
        page.goto(path.as_uri())
        widest = page.evaluate(
            "Math.max(...[...document.querySelectorAll('body *')]"
            ".filter((e) => e.getClientRects().length).map((e) => e.getBoundingClientRect().right))"
        )
        assert widest <= width + 0.5
        assert page.evaluate("document.querySelector('.ag-report-interactive').offsetHeight") == 0
        assert page.evaluate("document.querySelector('figure img').offsetHeight") > 300
        pdf = page.pdf(prefer_css_page_size=True)
        assert (
            pdf.count(b"/Type /Page\n") + pdf.count(b"/Type /Page ") + pdf.count(b"/Type/Page") >= 2
        )
    finally:
        context.close()


@pytest.mark.browser
def test_fragment_in_a_bare_host_page_keeps_its_height_and_styles(browser, seed, tmp_path):
    host = (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>host</title>"
        "<style>div { padding: 30px; } h1 { font-size: 50px; color: rgb(255, 0, 0); }</style>"
        "</head><body><h1 class='ag-title'>Host</h1>"
        + render_html(seed, embed="fragment")
        + "<p id='after'>after</p></body></html>"
    )
    path = tmp_path / "host.html"
    path.write_text(host, encoding="utf-8")
    visit = Visit(browser, path)
    try:
        height = visit.evaluate(
            "document.querySelector('.actorgraph-host').getBoundingClientRect().height"
        )
        assert 480 <= height <= 700
        canvas = visit.evaluate(
            "(() => { const r = window.actorgraph.views[0].container.querySelector('canvas')"
            ".getBoundingClientRect(); return [r.top, r.bottom, r.width, r.height]; })()"
        )
        assert canvas[0] >= 0 and canvas[1] <= 860 and canvas[2] > 300 and canvas[3] > 250
        # host CSS stays out, fragment CSS stays in
        title = visit.evaluate(
            "getComputedStyle(document.querySelector('.actorgraph-host').shadowRoot"
            ".querySelector('.ag-title')).fontSize"
        )
        assert title == "20px"
        assert visit.evaluate("getComputedStyle(document.querySelector('h1')).fontSize") == "50px"
        assert visit.outside_requests() == [] and visit.console == []
    finally:
        visit.close()


# -- PDF --------------------------------------------------------------------------------


@pytest.mark.skipif(not POPPLER, reason="needs poppler-utils (pdftotext, pdfimages): .ci/setup")
def test_pdf_report_has_every_actor_as_text_and_vector_figures(runner, in_project, seed):
    result = runner.invoke(cli, ["report", "--to", "pdf", "--path", "china", "lukashenko"])
    assert result.output == "wrote output/belarus-2022-report.pdf\n" and result.exit_code == 0
    pdf = in_project / "output" / "belarus-2022-report.pdf"
    text = " ".join(
        subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout.split()
    )
    for actor in seed.actors:
        assert actor.name in text, actor.name
    assert "Sources 1. Stefan Wolff, Anastasiya Bayok. Analysis of whether Belarus" in text
    assert "Page 1 of" in text
    listed = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True)
    assert listed.stdout.splitlines()[2:] == []  # a header, a rule, and no raster image


def test_evidence_locators_quotes_and_links_when_present():
    """Imported data and documents may give evidence a page, row, element, quote and url."""
    text = """
title: Located
sources: [{id: table, title: Alliances dataset, publisher: COW, url: "https://example.org/cow"}]
actors:
  - {id: a, name: Alpha, kind: state}
  - {id: b, name: Beta, kind: state}
relations:
  - {source: a, type: allied_with, target: b, strength: 0.5, confidence: high,
     evidence: [{source: table, claim: Alpha and Beta signed a defence pact.}]}
"""
    graph = parse_graph(text)
    evidence = graph.relations[0].evidence[0]
    for name, value in (
        ("row", 14),
        ("page", 3),
        ("quote", "a pact of mutual defence"),
        ("url", "https://example.org/cow#row-14"),
    ):
        object.__setattr__(evidence, name, value)  # fields another branch adds to Evidence
    html = report_html(build_report(graph, [("a", "b")]), interactive=False)
    assert (
        '<li class="ag-evidence">Alpha and Beta signed a defence pact. <q>a pact of mutual '
        'defence</q> <span class="ag-cite"><a href="#source-1">[1]</a> '
        '<a href="https://example.org/cow#row-14">p. 3, row 14</a></span></li>' in html
    )
