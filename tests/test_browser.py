"""The rendered page in a real headless Chromium, opened from disk as a reader would."""

from __future__ import annotations

import itertools
import time
from pathlib import Path

import pytest

from actorgraph import NoPath, find_paths, parse_graph, read_graph, render_html, write_html
from actorgraph.io.synthetic import synthetic_graph
from conftest import SEED
from test_render import PAYLOADS, hostile_graph_text

pytestmark = pytest.mark.browser


class Visit:
    """A page opened from file:// with every request, console message and dialog recorded."""

    def __init__(self, browser, path: Path, views: int = 1, size=(1280, 860), suffix: str = ""):
        self.context = browser.new_context(viewport={"width": size[0], "height": size[1]})
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.console: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("console", lambda m: self.console.append(f"{m.type}: {m.text}"))
        self.page.on("pageerror", lambda e: self.console.append(f"pageerror: {e}"))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.url = path.as_uri()
        self.page.goto(self.url + suffix)
        self.wait_for(
            f"window.actorgraph && window.actorgraph.views.length === {views} && "
            "window.actorgraph.views.every(v => v.ready)"
        )

    def wait_for(self, expression: str, timeout: float = 60.0) -> None:
        """Poll an expression from outside: the page's CSP forbids Playwright's in-page eval."""
        deadline = time.monotonic() + timeout
        while not self.page.evaluate(f"!!({expression})"):
            assert time.monotonic() < deadline, f"timed out waiting for {expression}"
            self.page.wait_for_timeout(50)

    def evaluate(self, script: str, arg=None):
        return self.page.evaluate(script, arg)

    def outside_requests(self) -> list[str]:
        return [url for url in self.requests if url != self.url]

    def visible(self, view: int = 0) -> list[int]:
        """Counts of nodes and edges vis-network draws (hidden ones excluded)."""
        return self.evaluate(
            "(i) => { const b = window.actorgraph.views[i].network.body;"
            " return [b.nodeIndices.length, b.edgeIndices.length]; }",
            view,
        )

    def click_actor(self, actor: str, view: int = 0) -> None:
        x, y = self.evaluate(
            "([i, id]) => { const v = window.actorgraph.views[i], n = v.actorIndex(id);"
            " const r = v.container.getBoundingClientRect();"
            " const d = v.network.canvasToDOM(v.network.getPositions([n])[n]);"
            " return [r.left + d.x, r.top + d.y]; }",
            [view, actor],
        )
        self.page.mouse.click(x, y)

    def selected(self, view: int = 0) -> list[str]:
        """Actor ids of the selected nodes (vis-network knows actors by their index)."""
        return self.evaluate(
            "(i) => { const v = window.actorgraph.views[i];"
            " return v.network.getSelectedNodes().map(n => v.data.actors.id[n]); }",
            view,
        )

    def emphasised(self, view: int = 0) -> list[str]:
        return sorted(self.evaluate("(i) => window.actorgraph.views[i].emphasised.nodes", view))

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def visit(browser, tmp_path):
    opened: list[Visit] = []

    def _visit(graph=None, name="page.html", html=None, views=1):
        path = tmp_path / name
        if html is None:
            write_html(graph, path)
        else:
            path.write_text(html, encoding="utf-8")
        opened.append(Visit(browser, path, views))
        return opened[-1]

    yield _visit
    for page in opened:
        page.close()


@pytest.fixture(scope="module")
def seed():
    return read_graph(SEED)


HOVER_TARGETS = """(i) => {
  const view = window.actorgraph.views[i], net = view.network;
  const rect = view.container.getBoundingClientRect();
  const toPage = (p) => { const d = net.canvasToDOM(p); return [rect.left + d.x, rect.top + d.y]; };
  const nodes = Object.entries(net.getPositions()).map(([id, p]) => ["node", id, ...toPage(p)]);
  const edges = net.body.edgeIndices.map((id) => {
    const edge = net.body.edges[id];
    return ["edge", String(id), ...toPage(edge.edgeType.getPoint(0.5))];
  });
  return nodes.concat(edges);
}"""


def hover_all(page: Visit) -> str:
    shown = []
    for _kind, _ident, x, y in page.evaluate(HOVER_TARGETS, 0):
        page.page.mouse.move(1, 1)
        page.page.mouse.move(x, y)
        tooltip = page.page.wait_for_selector("div.vis-tooltip", state="visible", timeout=5_000)
        shown.append(tooltip.inner_text())
    return "\n".join(shown)


# -- offline, complete, inert --------------------------------------------------------


def test_seed_page_draws_every_actor_offline_without_errors(visit, seed):
    page = visit(seed)
    assert page.visible() == [len(seed.actors), len(seed.relations)]
    assert page.outside_requests() == []
    assert page.console == []
    legend = page.page.inner_text(".ag-legend")
    assert "Military / security forces" in legend and "sanctions" in legend
    assert page.page.inner_text("h1") == seed.title


def test_hovering_a_tie_shows_its_evidence_as_text(visit, seed):
    page = visit(seed)
    index = next(i for i, r in enumerate(seed.relations) if r.type == "courts")
    page.page.mouse.move(
        *next(
            (x, y)
            for kind, ident, x, y in page.evaluate(HOVER_TARGETS, 0)
            if kind == "edge" and ident == str(index)
        )
    )
    text = page.page.wait_for_selector("div.vis-tooltip", state="visible").inner_text()
    assert "Aleksandr Lukashenko — courts → China" in text
    assert "Influence: China can move Aleksandr Lukashenko" in text
    assert "Confidence: high" in text
    assert "wolff-bayok-2022 ¶13: Lukashenko is playing a China card" in text


@pytest.mark.parametrize("embed", ["page", "iframe", "fragment"])
def test_script_payloads_in_every_field_stay_inert(visit, embed):
    graph = parse_graph(hostile_graph_text(), "hostile.yaml")
    if embed == "fragment":  # a host page of the user's, with no CSP to lean on
        page = visit(
            html="<!DOCTYPE html><html><head><meta charset='utf-8'></head><body>"
            "<div style='height:700px'>"
            + render_html(graph, embed="fragment")
            + "</div></body></html>",
            name="host.html",
        )
    else:
        page = visit(html=render_html(graph, embed=embed))
    assert page.page.inner_text("h1") == PAYLOADS[1]
    header = page.page.inner_text(".ag-header")
    assert PAYLOADS[0] in header and PAYLOADS[2] in header
    text = hover_all(page)
    for payload in PAYLOADS:
        assert payload in text
    legend = page.page.inner_text(".ag-legend")
    assert PAYLOADS[3] in legend and PAYLOADS[0] in legend  # declared kind and type labels
    for actor in graph.actors:  # search finds each by its hostile name; the panel shows it
        page.page.fill(".ag-search", actor.name)
        page.page.press(".ag-search", "Enter")
        assert page.page.inner_text(".ag-search-result") == actor.name
        assert actor.name in page.page.inner_text(".ag-panel")
    page.page.fill(".ag-path-from", graph.actors[0].name)
    page.page.fill(".ag-path-to", graph.actors[2].name)
    page.page.click(".ag-path-go")
    assert PAYLOADS[0] in page.page.inner_text(".ag-path-result")
    assert page.evaluate("window.__pwned === undefined")
    assert page.evaluate("document.querySelectorAll('img, iframe, a[href]').length") == 0
    assert page.dialogs == []
    assert page.outside_requests() == []
    assert page.console == []


# -- reading the graph ----------------------------------------------------------------


def test_search_by_alias_focuses_the_actor_and_its_neighbours(visit, seed):
    page = visit(seed)
    page.page.fill(".ag-search", "lukashenka")
    page.page.press(".ag-search", "Enter")
    assert page.page.inner_text(".ag-search-result") == "Aleksandr Lukashenko"
    neighbours = {
        r.target if r.source == "lukashenko" else r.source for r in seed.relations_of("lukashenko")
    }
    assert page.emphasised() == sorted(neighbours | {"lukashenko"})
    assert page.selected() == ["lukashenko"]
    page.page.fill(".ag-search", "nobody at all")
    page.page.press(".ag-search", "Enter")
    assert page.page.inner_text(".ag-search-result") == "No actor matches “nobody at all”"


def test_kind_and_type_filters_hide_what_they_name(visit, seed):
    page = visit(seed)
    military = {a.id for a in seed.actors if a.kind == "military"}
    touching = [r for r in seed.relations if {r.source, r.target} & military]
    page.page.locator(".ag-kinds label", has_text="Military / security forces").click()
    assert page.visible() == [len(seed.actors) - len(military), len(seed.relations) - len(touching)]
    page.page.locator(".ag-types label", has_text="sanctions").click()
    sanctions = [r for r in seed.relations if r.type == "sanctions" and r not in touching]
    assert page.visible()[1] == len(seed.relations) - len(touching) - len(sanctions)
    page.page.locator(".ag-kinds label", has_text="Military / security forces").click()
    page.page.locator(".ag-types label", has_text="sanctions").click()
    assert page.visible() == [len(seed.actors), len(seed.relations)]


def test_clicking_an_actor_lists_its_ties_with_evidence(visit, seed):
    page = visit(seed)
    page.click_actor("china")
    panel = page.page.inner_text(".ag-panel")
    assert panel.startswith("China\n")
    # "Belarus trades with China" reads the same both ways: no direction, listed apart
    assert "TIES (1)" in panel.upper() and "Belarus — trades with ↔ China" in panel
    assert "TIES OUT (2)" in panel.upper() and "TIES IN (2)" in panel.upper()
    assert "wolff-bayok-2022 ¶14: Through its Belt and Road programme" in panel
    assert page.emphasised() == ["belarus", "china", "lukashenko", "russia", "xie-xiaoyong"]
    page.page.click(".ag-reset")
    assert page.page.is_hidden(".ag-panel")


def test_physics_switch_turns_layout_on_and_off(visit, seed):
    page = visit(seed)
    physics = "window.actorgraph.views[0].network.physics.options.enabled"
    assert page.evaluate(physics) is False  # switched off once the layout settled
    page.page.check(".ag-physics")
    assert page.evaluate(physics) is True
    page.page.uncheck(".ag-physics")
    assert page.evaluate(physics) is False


# -- paths in the page agree with `actorgraph path` ---------------------------------


def test_path_picker_shows_paths_hop_by_hop(visit, seed):
    page = visit(seed)
    page.page.fill(".ag-path-from", "China")
    page.page.fill(".ag-path-to", "Belarusian military")
    page.page.select_option(".ag-path-k", "3")
    page.page.click(".ag-path-go")
    items = page.page.locator(".ag-path-result li.ag-path")
    expected = [
        " → ".join(a.name for a in p.actors)
        for p in find_paths(seed, "china", "belarusian-military", k=3)
    ]
    assert [items.nth(i).locator(".ag-path-actors").inner_text() for i in range(3)] == expected
    text = page.page.inner_text(".ag-path-result")
    assert "China moves Belarus: China — invests in → Belarus" in text
    assert "(against the arrow)" in text
    assert page.emphasised() == ["belarus", "belarusian-military", "china", "lukashenko"]


def test_in_page_paths_equal_the_cli_for_every_pair(visit, seed):
    page = visit(seed)
    ids = [a.id for a in seed.actors]
    pairs = list(itertools.permutations(ids, 2))
    in_page = page.evaluate(
        "(pairs) => pairs.map(([a, b]) =>"
        " window.actorgraph.views[0].findPaths(a, b, 3).map(p => p.actors))",
        pairs,
    )
    for (source, target), found in zip(pairs, in_page, strict=True):
        try:
            expected = [[a.id for a in p.actors] for p in find_paths(seed, source, target, k=3)]
        except NoPath:
            expected = []
        assert found == expected, (source, target)


# -- embedding and size ---------------------------------------------------------------


def test_two_fragments_on_one_page_draw_without_sharing_state(visit, seed, tmp_path):
    small = parse_graph(hostile_graph_text())
    host = (
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>host</title></head><body>"
        "<h2>First</h2><div style='height:600px'>"
        + render_html(seed, embed="fragment")
        + "</div><h2>Second</h2><div style='height:600px'>"
        + render_html(small, embed="fragment")
        + "</div></body></html>"
    )
    page = visit(html=host, name="host.html", views=2)
    assert page.visible(0) == [len(seed.actors), len(seed.relations)]
    assert page.visible(1) == [len(small.actors), len(small.relations)]
    page.page.locator(".ag-kinds label", has_text="Person").first.click()
    people = sum(1 for a in seed.actors if a.kind == "person")
    assert page.visible(0)[0] == len(seed.actors) - people
    assert page.visible(1)[0] == len(small.actors)
    page.click_actor("china", 0)
    assert page.evaluate("window.actorgraph.views[1].emphasised") is None
    assert page.evaluate(  # each fragment in its own shadow root
        "[...document.querySelectorAll('.actorgraph-host')]"
        ".map((h) => h.shadowRoot.querySelectorAll('datalist').length)"
    ) == [1, 1]
    assert page.outside_requests() == []
    assert page.console == []
    assert page.evaluate("window.__pwned === undefined")


def test_large_graph_draws_with_physics_off_and_handles_clicks(visit, monkeypatch):
    from actorgraph.outputs.render import data

    monkeypatch.setattr(data, "BLOC_MAP", 2000)  # drawn whole: the bloc map has its own test
    graph = synthetic_graph(2000)
    page = visit(graph)
    assert page.evaluate("window.actorgraph.views[0].network.physics.options.enabled") is False
    assert page.visible() == [2000, len(graph.relations)]
    hub = max(graph.actors, key=lambda a: sum(graph.degree(a.id)))
    page.click_actor(hub.id)
    page.wait_for("window.actorgraph.views[0].clicks === 1")
    [picked] = page.selected()
    assert page.page.inner_text(".ag-panel h3") == graph.actors_by_id[picked].name
    assert page.console == []


# -- the HTML report ------------------------------------------------------------------


def test_html_report_is_offline_complete_and_inert(visit, seed):
    from actorgraph.outputs.report import build_report, report_html

    page = visit(
        html=report_html(build_report(seed, [("china", "belarusian military")])), name="report.html"
    )
    assert page.outside_requests() == [] and page.console == []
    assert page.visible() == [len(seed.actors), len(seed.relations)]
    text = page.page.inner_text("body")
    assert "Key actors by influence rank" in text and "How to read this" in text
    assert "China → Belarus → Belarusian armed forces" in text
    assert page.evaluate("document.querySelector('figure img').naturalWidth") > 0
    hostile = parse_graph(hostile_graph_text(), "hostile.yaml")
    page = visit(html=report_html(build_report(hostile, [("a", "c")])), name="hostile.html")
    body = page.page.inner_text("body")
    for payload in PAYLOADS:
        assert payload in body
    page.page.locator(".ag-graph").scroll_into_view_if_needed()
    hover_all(page)
    assert page.evaluate("window.__pwned === undefined")
    assert page.evaluate("document.querySelectorAll('iframe, script[src]').length") == 0
    # the only links: citations to the bibliography (the source's javascript: url is dropped)
    hrefs = page.evaluate("[...document.querySelectorAll('a[href]')].map((a) => a.href)")
    assert hrefs and all(h.startswith(page.url + "#source-") for h in hrefs)
    assert page.outside_requests() == [] and page.console == []
