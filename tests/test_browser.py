"""The rendered page in a real headless Chromium, opened from disk as a reader would."""

from __future__ import annotations

import pytest

from actorgraph import parse_graph, read_graph, write_html
from conftest import SEED
from test_render import PAYLOADS, hostile_graph_text

pytestmark = pytest.mark.browser


class Visit:
    """A page opened from file:// with every request, console message and dialog recorded."""

    def __init__(self, browser, path):
        self.context = browser.new_context(viewport={"width": 1280, "height": 860})
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.console: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("request", lambda r: self.requests.append(r.url))
        self.page.on("console", lambda m: self.console.append(f"{m.type}: {m.text}"))
        self.page.on("pageerror", lambda e: self.console.append(f"pageerror: {e}"))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.url = path.as_uri()
        self.page.goto(self.url)
        self.page.wait_for_function(
            "window.actorgraph && window.actorgraph.views[0].ready", timeout=30_000
        )

    def evaluate(self, script: str):
        return self.page.evaluate(script)

    def outside_requests(self) -> list[str]:
        return [url for url in self.requests if url != self.url]

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def visit(browser, tmp_path):
    opened: list[Visit] = []

    def _visit(graph, name="page.html"):
        opened.append(Visit(browser, write_html(graph, tmp_path / name)))
        return opened[-1]

    yield _visit
    for page in opened:
        page.close()


DRAWN = """() => {
  const view = window.actorgraph.views[0];
  return [Object.keys(view.network.getPositions()).length, view.network.body.edgeIndices.length];
}"""

HOVER_TARGETS = """() => {
  const net = window.actorgraph.views[0].network;
  const rect = window.actorgraph.views[0].container.getBoundingClientRect();
  const toPage = (p) => { const d = net.canvasToDOM(p); return [rect.left + d.x, rect.top + d.y]; };
  const nodes = Object.entries(net.getPositions()).map(([id, p]) => ["node", id, ...toPage(p)]);
  const edges = net.body.edgeIndices.map((id) => {
    const edge = net.body.edges[id];
    return ["edge", String(id), ...toPage(edge.edgeType.getPoint(0.5))];
  });
  return nodes.concat(edges);
}"""


def test_seed_page_draws_every_actor_offline_without_errors(visit):
    graph = read_graph(SEED)
    page = visit(graph)
    assert page.evaluate(DRAWN) == [len(graph.actors), len(graph.relations)]
    assert page.outside_requests() == []
    assert page.console == []
    legend = page.page.inner_text("#ag-legend")
    assert "Military / security forces" in legend and "sanctions" in legend
    assert page.page.inner_text("h1") == graph.title


def test_hovering_shows_evidence_as_text(visit):
    graph = read_graph(SEED)
    page = visit(graph)
    index = next(i for i, r in enumerate(graph.relations) if r.type == "courts")
    page.page.mouse.move(
        *next(
            (x, y)
            for kind, ident, x, y in page.evaluate(HOVER_TARGETS)
            if kind == "edge" and ident == str(index)
        )
    )
    tooltip = page.page.wait_for_selector("div.vis-tooltip", state="visible")
    text = tooltip.inner_text()
    assert "Aleksandr Lukashenko — courts → China" in text
    assert "Influence: target can move source" in text
    assert "Confidence: high" in text
    assert "wolff-bayok-2022 ¶13: Lukashenko is playing a China card" in text


def test_script_payloads_in_every_field_stay_inert(visit):
    graph = parse_graph(hostile_graph_text(), "hostile.yaml")
    page = visit(graph)
    assert page.page.inner_text("h1") == PAYLOADS[1]
    assert PAYLOADS[0] in page.page.inner_text(".ag-meta") + page.page.inner_text(".ag-description")
    shown = []
    for _kind, _ident, x, y in page.evaluate(HOVER_TARGETS):
        page.page.mouse.move(1, 1)
        page.page.mouse.move(x, y)
        tooltip = page.page.wait_for_selector("div.vis-tooltip", state="visible", timeout=5_000)
        shown.append(tooltip.inner_text())
    text = "\n".join(shown)
    for payload in PAYLOADS:
        assert payload in text
    assert page.evaluate("window.__pwned === undefined")
    assert page.evaluate("document.querySelectorAll('img, iframe, a[href]').length") == 0
    assert page.dialogs == []
    assert page.outside_requests() == []
    assert page.console == []
