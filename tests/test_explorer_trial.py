"""Defects a user trial found in the page, each checked in real headless Chromium: the date,
undirected data, dark mode, citations, the phone table, labels and paths, the drawer."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from actorgraph import find_paths, read_graph, write_html
from actorgraph.cli import cli
from actorgraph.outputs.formatting import paths_text
from conftest import SEED
from test_browser import Visit
from test_import import DATASETS, readme_command

pytestmark = pytest.mark.browser

DAY = "1914-08-01"  # Germany and Bulgaria ally with Turkey on 2 and 19 August


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    """A project with the shared datasets imported by the README's commands."""
    if not DATASETS.is_dir():
        pytest.skip(f"{DATASETS} is absent: the shared datasets are not here")
    folder = tmp_path_factory.mktemp("trial")
    (folder / "graph").mkdir()
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(folder)
        for name in ("cow-alliance_v4.1_by_dyad.csv", "Les-Miserables.gexf"):
            result = CliRunner().invoke(cli, readme_command(name))
            assert result.exit_code == 0, result.output
    return folder


@pytest.fixture(scope="module")
def cow(project):
    return read_graph(project / "graph" / "cow-alliances.yaml")


@pytest.fixture(scope="module")
def cow_page(project, cow):
    return write_html(cow, project / "cow-1914.html", as_of=DAY)


@pytest.fixture
def visits(browser):
    opened: list[Visit] = []

    def _open(path, size=(1280, 800), suffix=""):
        opened.append(Visit(browser, path, size=size, suffix=suffix))
        return opened[-1]

    yield _open
    for visit in opened:
        visit.close()


def drawn_ties(page: Visit) -> list[int]:
    return sorted(page.evaluate("window.actorgraph.views[0].network.body.edgeIndices"))


def active(graph, when: str) -> list[int]:
    return [i for i, r in enumerate(graph.relations) if r.active_on(when)]


def test_the_page_shows_the_cli_graph_for_the_exact_as_of_date(project, cow, cow_page, visits):
    shown = CliRunner().invoke(
        cli, ["show", "-g", str(project / "graph" / "cow-alliances.yaml"), "Turkey", "--as-of", DAY]
    )
    assert shown.output == "Turkey (turkey) · State\n\nOut (0):\n\nIn (0):\n"
    page = visits(cow_page)
    assert drawn_ties(page) == active(cow, DAY) != active(cow, "1914")
    assert page.page.inner_text(".ag-asof-text") == DAY
    assert page.page.inner_text(".ag-asof-means") == "(ties in force on that day)"
    assert f"as of {DAY}" in page.page.inner_text(".ag-meta")
    page.page.locator(".ag-asof").fill("1915")  # the slider steps by year, and says so
    assert drawn_ties(page) == active(cow, "1915")
    assert page.page.inner_text(".ag-asof-means") == "(ties in force on any day of that year)"
    page.page.click(".ag-reset")
    assert drawn_ties(page) == active(cow, DAY)
    page.page.select_option(".ag-min-confidence", "medium")  # a shared link keeps the day
    page.wait_for(f"location.hash.includes('as-of={DAY}')")
    assert page.console == []


def test_undirected_ties_have_no_arrowheads_and_no_out_or_in(project, visits):
    graph = read_graph(project / "graph" / "les-miserables.yaml")
    page = visits(write_html(graph, project / "lesmis.html"))
    arrows = page.evaluate(
        "Object.values(window.actorgraph.views[0].network.body.edges)"
        ".map(e => e.options.arrows.to.enabled)"
    )
    assert len(arrows) == len(graph.relations) and not any(arrows)
    page.page.fill(".ag-search", "Valjean")
    page.page.press(".ag-search", "Enter")
    card = page.page.inner_text(".ag-panel")
    valjean = next(a.id for a in graph.actors if a.name == "Valjean")
    ties = sum(1 for r in graph.relations if valjean in (r.source, r.target))
    assert f"TIES ({ties})" in card.upper() and "TIES OUT" not in card.upper()
    assert "consults ↔" in card and "→" not in card
    assert "a tie without one reads the same both ways" in page.page.inner_text(".ag-legend")
    seed = visits(write_html(read_graph(SEED), project / "seed.html"))  # directed types keep theirs
    assert seed.evaluate(
        "window.actorgraph.views[0].network.body.edges[0].options.arrows.to.enabled"
    )
    path = CliRunner().invoke(
        cli, ["path", "-g", str(project / "graph" / "les-miserables.yaml"), "Valjean", "Javert"]
    )
    assert "   [1] Valjean → Javert: Valjean moves Javert\n" in path.output


def test_dark_mode_marks_and_text_stand_out(browser, tmp_path):
    page = Visit(browser, write_html(read_graph(SEED), tmp_path / "seed.html"))
    try:
        page.page.emulate_media(color_scheme="dark")  # the page follows the switch live
        page.wait_for(
            "window.actorgraph.views[0].network.body.nodes[0].options.font.color !== '#1d2731'"
        )
        looks = page.evaluate(
            "(() => { const v = window.actorgraph.views[0], root = v.root;"
            " const css = (n) => getComputedStyle(root).getPropertyValue(n).trim();"
            " const nodes = Object.values(v.network.body.nodes).map(n => [n.options.shape,"
            "   n.options.color.background, n.options.color.border, n.options.borderWidth,"
            "   n.options.font.color, n.options.color.highlight.border]);"
            " const icons = Array.from(root.querySelectorAll('.ag-kinds svg *')).map(s => {"
            "   const look = getComputedStyle(s);"
            "   return [s.getAttribute('fill'), look.stroke, look.strokeWidth]; });"
            " return {canvas: css('--ag-canvas'), panel: css('--ag-panel'), bg: css('--ag-bg'),"
            "   fg: css('--ag-fg'), muted: css('--ag-muted'), nodes: nodes, icons: icons}; })()"
        )
    finally:
        page.close()
    assert looks["canvas"] == "#11161c"  # dark
    for shape, fill, border, width, font, selected in looks["nodes"]:
        assert contrast(selected, looks["canvas"]) >= 3  # a path's actors are selected
        assert contrast(fill, looks["canvas"]) >= 3 or (
            width >= 2.5 and contrast(border, looks["canvas"]) >= 3
        ), (shape, fill)
        against = fill if shape == "ellipse" else looks["canvas"]  # labels inside or below
        assert contrast(font, against) >= 4.5, (shape, fill, font)
    for fill, stroke, width in looks["icons"]:
        assert contrast(fill, looks["panel"]) >= 3 or (
            float(width.rstrip("px")) >= 2 and contrast(rgb_hex(stroke), looks["panel"]) >= 3
        ), fill
    for text in ("fg", "muted"):
        for ground in ("canvas", "panel", "bg"):
            assert contrast(looks[text], looks[ground]) >= 4.5, (text, ground)


def test_citations_name_the_source_and_its_row_as_the_cli_does(cow, cow_page, visits):
    page = visits(cow_page)
    page.page.fill(".ag-path-from", "United Kingdom")
    page.page.fill(".ag-path-to", "Russia")
    page.page.click(".ag-path-go")
    shown = page.page.inner_text(".ag-path-result")
    then = cow.as_of(DAY)
    cli_text = paths_text(find_paths(then, "united-kingdom", "russia", k=3), then)
    cited = [
        line.split("evidence: ", 1)[1] for line in cli_text.splitlines() if "evidence: " in line
    ]
    assert "COW Formal Alliances v4.1, row 256: France allied with Russia (defense: 1)" in cited
    assert all(c in shown for c in cited) and "cow-alliance_v4.1_by_dyad" not in shown
    page.page.locator(".ag-path-result .ag-tie-link").first.click()
    assert cited[0] in page.page.inner_text(".ag-panel")


def test_on_a_phone_only_the_table_scrolls_sideways(browser, tmp_path):
    page = Visit(browser, write_html(read_graph(SEED), tmp_path / "seed.html"), size=(390, 844))
    try:
        page.page.click(".ag-table-toggle")
        widths = page.evaluate(
            "(() => { const t = document.querySelector('.ag-table');"
            " return [document.documentElement.scrollWidth, t.scrollWidth, t.clientWidth]; })()"
        )
    finally:
        page.close()
    assert widths[0] <= 390 and widths[1] > widths[2]


def test_active_labels_win_and_a_path_stays_readable(cow, cow_page, visits):
    page = visits(cow_page)
    labels = page.evaluate(
        "(() => { const v = window.actorgraph.views[0];"
        " return v.nodes.get().filter(n => n.label).map(n => v.data.actors.id[n.id]); })()"
    )
    ends = {e for i in active(cow, DAY) for e in (cow.relations[i].source, cow.relations[i].target)}
    assert labels and set(labels) <= ends  # no faded actor labelled over the active ones
    assert len(labels) >= 5
    page.page.fill(".ag-path-from", "United Kingdom")
    page.page.fill(".ag-path-to", "Russia")
    page.page.click(".ag-path-go")
    page.page.wait_for_timeout(300)
    colours = page.evaluate(
        "(() => { const v = window.actorgraph.views[0], net = v.network;"
        " const canvas = v.container.querySelector('canvas'), ctx = canvas.getContext('2d');"
        " const ratio = canvas.width / canvas.clientWidth;"
        " return v.onTop.map(t => {"
        "   const d = net.canvasToDOM(net.body.edges[t].edgeType.getPoint(0.5));"
        "   const x = Math.round(d.x * ratio), y = Math.round(d.y * ratio);"
        "   return Array.from(ctx.getImageData(x, y, 1, 1).data); }); })()"
    )
    assert len(colours) >= 4  # UK-France, France-Russia, UK-Japan, Japan-Russia, ...
    teal = (0x2A, 0x9D, 0x8F)  # cooperative: each path tie shows over the actors' marks
    assert all(
        max(abs(c - t) for c, t in zip(pixel[:3], teal, strict=True)) < 40 for pixel in colours
    )


def test_no_tooltip_peeks_out_behind_the_drawer(browser, tmp_path):
    graph = read_graph(SEED)
    page = Visit(browser, write_html(graph, tmp_path / "seed.html"), size=(390, 844))
    try:
        point = page.evaluate(
            "(() => { const v = window.actorgraph.views[0], net = v.network;"
            " const r = v.container.getBoundingClientRect();"
            " const d = net.canvasToDOM(net.body.edges[0].edgeType.getPoint(0.5));"
            " return [r.left + d.x, r.top + d.y]; })()"
        )
        page.page.mouse.move(*point)
        page.page.wait_for_selector("div.vis-tooltip", state="visible")
        page.page.mouse.click(*point)  # a tap: the tooltip, then the card in the drawer
        page.wait_for("document.querySelector('.actorgraph').classList.contains('ag-drawer-open')")
        page.page.wait_for_timeout(400)
        assert page.page.is_hidden("div.vis-tooltip")
    finally:
        page.close()


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two #rrggbb colours."""

    def luminance(colour: str) -> float:
        channels = [int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def rgb_hex(css: str) -> str:
    """``rgb(208, 215, 222)`` as ``#d0d7de``."""
    return "#" + "".join(f"{int(p):02x}" for p in css[css.index("(") + 1 : -1].split(",")[:3])
