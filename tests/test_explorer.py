"""The explorer's state, cards, screens, time and URL in real headless Chromium (issue 13)."""

from __future__ import annotations

import pytest

from actorgraph import find_paths, parse_graph, read_graph, write_html
from actorgraph.outputs.render import iframe_snippet
from actorgraph.questions.analysis import blocs as find_blocs
from conftest import SEED
from test_browser import Visit

pytestmark = pytest.mark.browser

PROTO = """\
title: Prototype names
sources:
  - {id: s, title: Field notes, authors: [A. Writer], publisher: Desk, published: 2020-05,
     url: "https://example.org/notes?a=1&b=2"}
  - {id: bad, title: Odd source, url: "javascript:window.__pwned=5"}
vocabulary:
  actor_kinds:
    - {id: constructor, label: Constructor kind, color: "#224466", shape: star}
  relation_types:
    - {id: constructor, label: builds, polarity: cooperative, influence: forward}
actors:
  - {id: constructor, name: __proto__, kind: constructor, aliases: [toString]}
  - {id: hasownproperty, name: valueOf, kind: person}
  - {id: prototype, name: toString Junior, kind: state}
relations:
  - {source: constructor, type: constructor, target: hasownproperty, strength: 0.8,
     confidence: high, since: "2019", until: "2021-06",
     evidence: [{source: s, paragraph: 4, claim: It builds the other.},
                {source: bad, claim: Said elsewhere.}]}
  - {source: hasownproperty, type: leads, target: prototype, strength: 0.6, confidence: low,
     since: "2020-03", evidence: [{source: s, claim: Leads it.}]}
  - {source: prototype, type: fights, target: constructor, strength: 0.5, confidence: medium,
     evidence: [{source: s, claim: Fights back.}]}
"""


@pytest.fixture
def open_page(browser, tmp_path):
    opened: list[Visit] = []

    def _open(graph, name="page.html", size=(1280, 860), suffix="", **render):
        path = tmp_path / name
        write_html(graph, path, **render)
        visit = Visit(browser, path, size=size, suffix=suffix)
        opened.append(visit)
        return visit

    yield _open
    for visit in opened:
        visit.close()


@pytest.fixture(scope="module")
def seed():
    return read_graph(SEED)


def edge_point(visit: Visit, tie: int) -> tuple[float, float]:
    return visit.evaluate(
        "(t) => { const v = window.actorgraph.views[0], net = v.network;"
        " const r = v.container.getBoundingClientRect();"
        " const d = net.canvasToDOM(net.body.edges[t].edgeType.getPoint(0.5));"
        " return [r.left + d.x, r.top + d.y]; }",
        tie,
    )


def view_position(visit: Visit) -> list[float]:
    return visit.evaluate(
        "(() => { const n = window.actorgraph.views[0].network, p = n.getViewPosition();"
        " return [p.x, p.y, n.getScale()]; })()"
    )


# -- state bugs ----------------------------------------------------------------------


def test_find_leaves_the_camera_free_and_reset_clears_everything_in_one_click(open_page, seed):
    page = open_page(seed)
    page.page.fill(".ag-search", "Putin")
    page.page.press(".ag-search", "Enter")
    page.page.wait_for_timeout(500)
    focused = view_position(page)
    box = page.page.locator(".ag-graph").bounding_box()
    x, y = box["x"] + 200, box["y"] + box["height"] - 60  # an empty corner: drag the canvas
    page.page.mouse.move(x, y)
    page.page.mouse.down()
    page.page.mouse.move(x + 150, y - 40, steps=8)
    page.page.mouse.up()
    assert view_position(page)[:2] != focused[:2]  # the camera follows the hand, not Putin
    page.page.fill(".ag-path-from", "China")
    page.page.fill(".ag-path-to", "Belarusian military")
    page.page.press(".ag-path-to", "Enter")  # Enter runs the query
    actors = page.emphasised()
    inside = page.evaluate(
        "(ids) => { const v = window.actorgraph.views[0], r = v.container.getBoundingClientRect();"
        " return ids.every(id => { const n = v.actorIndex(id);"
        " const d = v.network.canvasToDOM(v.network.getPositions([n])[n]);"
        " return d.x >= 0 && d.y >= 0 && d.x <= r.width && d.y <= r.height; }); }",
        actors,
    )
    assert inside  # the whole path is in view
    page.wait_for("location.hash.includes('from=China')")
    page.page.click(".ag-reset")
    page.page.wait_for_timeout(300)
    assert page.page.is_hidden(".ag-panel")
    for field in (".ag-search", ".ag-path-from", ".ag-path-to"):
        assert page.page.input_value(field) == ""
    assert page.page.inner_text(".ag-search-result") == ""
    assert page.page.inner_text(".ag-path-result") == ""
    assert page.evaluate("window.actorgraph.views[0].emphasised") is None
    assert page.evaluate("window.actorgraph.views[0].network.getSelectedNodes()") == []
    after_reset = view_position(page)
    page.evaluate("window.actorgraph.views[0].network.fit({animation: false})")
    assert [round(v) for v in after_reset] == [round(v) for v in view_position(page)]
    page.wait_for("location.hash === ''")
    assert page.console == []


def test_an_actor_clicked_under_a_long_path_list_shows_at_the_top(open_page, seed):
    page = open_page(seed, size=(1280, 700))
    page.page.fill(".ag-path-from", "The West")
    page.page.fill(".ag-path-to", "Belarusian military")
    page.page.select_option(".ag-path-k", "5")
    page.page.click(".ag-path-go")
    page.page.locator(".ag-path-result").scroll_into_view_if_needed()
    page.evaluate("document.querySelector('.ag-side').scrollTop = 10000")
    page.click_actor("china")
    panel = page.page.locator(".ag-panel").bounding_box()
    assert 0 <= panel["y"] < 700 - 100
    assert page.page.inner_text(".ag-panel h3") == "China"


def test_hover_keeps_polarity_and_kind_colours(open_page, seed):
    page = open_page(seed)
    looks = page.evaluate(
        "(() => { const b = window.actorgraph.views[0].network.body;"
        " const n = Object.values(b.nodes).map(x => x.options.color);"
        " const e = Object.values(b.edges).map(x => x.options.color);"
        " return [n.every(c => c.hover.background === c.background && c.hover.border === c.border),"
        " e.every(c => c.hover === c.color)]; })()"
    )
    assert looks == [True, True]
    x, y = edge_point(page, 0)
    page.page.mouse.move(x, y)
    page.page.wait_for_selector("div.vis-tooltip", state="visible")
    colour = page.evaluate("window.actorgraph.views[0].network.body.edges[0].options.color")
    assert colour["color"] == colour["hover"] == "#2a9d8f"


def test_partial_search_lists_the_matches_instead_of_taking_the_first(open_page, seed):
    page = open_page(seed)
    page.page.fill(".ag-search", "belarusian")
    page.page.press(".ag-search", "Enter")
    status = page.page.inner_text(".ag-search-result")
    expected = sorted(
        a.name for a in seed.actors if any("belarusian" in n.lower() for n in a.names())
    )
    assert status.startswith(f"{len(expected)} actors match “belarusian”")
    buttons = page.page.locator(".ag-search-result button")
    assert sorted(buttons.all_inner_texts()) == expected[:8]
    assert page.evaluate("window.actorgraph.views[0].emphasised") is None
    page.page.locator(".ag-search-result button", has_text="Belarusian public").click()
    assert page.page.inner_text(".ag-panel h3") == "Belarusian public"
    assert page.page.input_value(".ag-search") == "Belarusian public"


def test_prototype_names_as_ids_kinds_and_types_just_work(open_page):
    graph = parse_graph(PROTO, "proto.yaml")
    page = open_page(graph)
    assert page.visible() == [3, 3]
    paths = page.evaluate("window.actorgraph.views[0].findPaths('constructor', 'prototype', 3)")
    expected = [
        [a.id for a in p.actors] for p in find_paths(graph, "constructor", "prototype", k=3)
    ]
    assert [p["actors"] for p in paths] == expected and len(expected) == 2
    page.page.fill(".ag-search", "toString")  # an alias of '__proto__', exact, before partials
    page.page.press(".ag-search", "Enter")
    assert page.page.inner_text(".ag-panel h3") == "__proto__"
    page.page.locator(".ag-kinds label", has_text="Constructor kind").click()
    assert page.visible() == [2, 1]
    page.page.locator(".ag-types label", has_text="builds").click()
    assert page.visible() == [2, 1]
    page.wait_for("/hide-kinds=constructor.*hide-types=constructor/.test(location.hash)")
    page.page.fill(".ag-path-from", "valueOf")
    page.page.fill(".ag-path-to", "__proto__")
    page.page.click(".ag-path-go")
    assert "No influence path" in page.page.inner_text(".ag-path-result")
    assert page.console == [] and page.outside_requests() == []


def test_iframe_snippet_encodes_the_address():
    snippet = iframe_snippet('graphs/my "best" #1?.html', "T")
    assert snippet.startswith('<iframe src="graphs/my%20%22best%22%20%231%3F.html"')


# -- ties as first-class ------------------------------------------------------------


def test_clicking_a_tie_opens_its_card_with_sources_and_safe_links(open_page):
    graph = parse_graph(PROTO, "proto.yaml")
    page = open_page(graph)
    page.page.mouse.click(*edge_point(page, 0))
    card = page.page.inner_text(".ag-panel")
    assert card.startswith("__proto__ — builds → valueOf\n")
    for text in (
        "Type: builds",
        "Polarity: cooperative",
        "Influence: __proto__ can move valueOf",
        "Strength: 0.8",
        "Confidence: high",
        "When: 2019 – 2021-06",
        "s ¶4: It builds the other.",
        "Field notes — A. Writer, Desk, 2020-05",
        "bad: Said elsewhere.",
        "Address: javascript:window.__pwned=5",
    ):
        assert text in card, text
    links = page.page.locator(".ag-panel a")
    assert links.count() == 1
    assert links.first.get_attribute("href") == "https://example.org/notes?a=1&b=2"
    assert links.first.get_attribute("rel") == "noopener noreferrer"
    page.wait_for("location.hash === '#tie=constructor%3Aconstructor%3Ahasownproperty'")


def test_parallel_ties_are_curved_apart_and_each_clickable(open_page, seed):
    page = open_page(seed)
    ties = [
        i for i, r in enumerate(seed.relations) if {r.source, r.target} == {"lukashenko", "putin"}
    ]
    points = [edge_point(page, t) for t in ties]
    assert len({(round(x), round(y)) for x, y in points}) == len(ties)
    cards = []
    for point in points:
        page.page.mouse.click(*point)
        cards.append(page.page.inner_text(".ag-panel h3"))
    types = seed.vocabulary.relation_types
    assert cards == [  # a tie that reads the same both ways has no arrow: ↔
        f"{seed.actor(r.source).name} — {types[r.type].label} "
        f"{'↔' if types[r.type].symmetric else '→'} {seed.actor(r.target).name}"
        for r in (seed.relations[t] for t in ties)
    ]
    assert "OTHER TIES BETWEEN THEM (3)" in page.page.inner_text(".ag-panel").upper()


# -- time, URL state, screens ---------------------------------------------------------

DATED = """\
title: Dated
sources: [{id: s, title: Notes}]
actors:
  - {id: a, name: Alpha, kind: state}
  - {id: b, name: Beta, kind: state}
  - {id: c, name: Gamma, kind: state}
  - {id: d, name: Delta, kind: person}
relations:
  - {source: a, type: allied_with, target: b, strength: 0.9, confidence: high, since: "1900",
     until: "1910", evidence: [{source: s, claim: Early pact.}]}
  - {source: b, type: allied_with, target: c, strength: 0.4, confidence: low, since: "1905",
     evidence: [{source: s, claim: Later pact.}]}
  - {source: c, type: fights, target: a, strength: 0.7, confidence: medium, since: "1912-05",
     until: "1913", evidence: [{source: s, claim: A war.}]}
  - {source: d, type: leads, target: c, strength: 1.0, confidence: high,
     evidence: [{source: s, claim: Undated.}]}
"""


def shown_ties(page: Visit) -> list[str]:
    return sorted(
        page.evaluate(
            "(() => { const v = window.actorgraph.views[0], b = v.network.body, d = v.data;"
            " const id = (i) => d.actors.id[i];"
            " return b.edgeIndices.map(t => id(d.ties.from[t]) + '-' + id(d.ties.to[t])); })()"
        )
    )


def test_time_slider_starts_at_as_of_hides_ties_and_fades_actors(open_page):
    graph = parse_graph(DATED, "dated.yaml")
    page = open_page(graph, as_of="1906")
    assert page.page.inner_text(".ag-asof-text") == "1906"
    assert "as of 1906" in page.page.inner_text(".ag-meta")
    expected = sorted(f"{r.source}-{r.target}" for r in graph.as_of("1906").relations)
    assert shown_ties(page) == expected == ["a-b", "b-c", "d-c"]
    colour = "window.actorgraph.views[0].network.body.nodes[0].options.color.background"
    page.page.locator(".ag-asof").fill("1911")  # a range input takes fill() as a value
    assert page.evaluate(colour).startswith("rgba(")  # Alpha: pact ended 1910, war from 1912
    page.page.locator(".ag-asof").fill("1912")
    assert page.page.inner_text(".ag-asof-text") == "1912"
    assert shown_ties(page) == sorted(
        f"{r.source}-{r.target}" for r in graph.as_of("1912").relations
    )
    assert page.evaluate(colour) == "#264653"
    page.page.locator(".ag-min-strength").fill("0.8")
    assert shown_ties(page) == ["d-c"]
    page.page.select_option(".ag-min-confidence", "high")
    page.wait_for("location.hash.includes('min-confidence=high')")
    assert "as-of=1912" in page.page.url and "min-strength=0.8" in page.page.url
    page.page.click(".ag-play")
    page.wait_for("document.querySelector('.ag-asof-text').textContent === '1913'", timeout=10)
    page.page.click(".ag-reset")
    assert page.page.inner_text(".ag-asof-text") == "1906"
    assert shown_ties(page) == expected


def test_the_url_hash_restores_a_view(open_page, seed, tmp_path):
    page = open_page(seed)
    page.page.locator(".ag-types label", has_text="sanctions").click()
    page.page.select_option(".ag-colour", "bloc")
    page.page.fill(".ag-path-from", "China")
    page.page.fill(".ag-path-to", "Belarusian military")
    page.page.press(".ag-path-to", "Enter")
    page.click_actor("china")
    page.wait_for("location.hash.includes('focus=china')")
    hash_ = page.evaluate("location.hash")
    for part in ("hide-types=sanctions", "colour=bloc", "from=China", "k=3"):
        assert part in hash_
    again = open_page(seed, name="again.html", suffix=hash_)
    assert again.page.inner_text(".ag-panel h3") == "China"
    assert again.page.input_value(".ag-path-from") == "China"
    assert "China → Belarus → Belarusian armed forces" in again.page.inner_text(".ag-path-result")
    assert again.page.is_checked(".ag-types label:has-text('sanctions') input") is False
    assert again.page.input_value(".ag-colour") == "bloc"
    assert again.emphasised() == page.emphasised()
    again.page.click(".ag-reset")
    again.wait_for("location.hash === ''")
    assert again.page.is_checked(".ag-types label:has-text('sanctions') input")
    assert again.console == []


def test_phone_gets_the_graph_and_a_drawer(open_page, seed, tmp_path):
    page = open_page(seed, size=(390, 844))
    graph = page.page.locator(".ag-graph").bounding_box()
    assert graph["width"] >= 0.9 * 390
    side = page.page.locator(".ag-side").bounding_box()
    assert side["x"] >= 390  # off screen until asked for
    page.page.click(".ag-drawer-toggle")
    page.page.wait_for_timeout(400)
    side = page.page.locator(".ag-side").bounding_box()
    assert 0 < side["x"] < 390 and side["x"] + side["width"] <= 391
    page.page.screenshot(path=tmp_path / "phone.png")
    page.page.click(".ag-drawer-toggle")
    page.page.fill(".ag-search", "Russia")
    page.page.press(".ag-search", "Enter")
    page.page.wait_for_timeout(400)
    assert page.page.locator(".ag-panel h3").bounding_box()["x"] < 390  # the card opens the drawer


# -- large graphs: the bloc map --------------------------------------------------------


def test_large_graphs_open_on_a_bloc_map_that_opens_and_closes(open_page, monkeypatch):
    from actorgraph.io.synthetic import synthetic_graph
    from actorgraph.outputs.render import data as page_data

    monkeypatch.setattr(page_data, "BLOC_MAP", 300)  # the same map, on a graph a test can afford
    graph = synthetic_graph(400, ties_per_actor=3)
    blocs = find_blocs(graph)
    page = open_page(graph)
    count = len(blocs) + (1 if sum(map(len, blocs)) < 400 else 0)
    assert page.visible()[0] == count
    labels = page.evaluate(
        "window.actorgraph.views[0].nodes.get().filter(n => typeof n.id === 'string')"
        ".map(n => n.label)"
    )
    assert all(label.endswith(")") for label in labels)  # leaders and member count
    first = page.evaluate(
        "(() => { const v = window.actorgraph.views[0], p = v.network.getPositions(['b0']).b0;"
        " const d = v.network.canvasToDOM(p), r = v.container.getBoundingClientRect();"
        " return [r.left + d.x, r.top + d.y]; })()"
    )
    page.page.mouse.click(*first)
    page.wait_for("!window.actorgraph.views[0].filling")
    assert page.visible()[0] == count - 1 + len(blocs[0])
    assert "open=1" in page.evaluate("location.hash")
    assert page.page.inner_text(".ag-panel h3").endswith(f"({len(blocs[0])})")
    page.page.locator(".ag-bloc-open").first.uncheck()
    assert page.visible()[0] == count
    member = graph.actors_by_id[blocs[1][0]]
    page.page.fill(".ag-search", member.name)
    page.page.press(".ag-search", "Enter")
    page.wait_for("!window.actorgraph.views[0].filling")
    assert page.visible()[0] == count - 1 + len(blocs[1])
    assert page.page.inner_text(".ag-panel h3") == member.name
    assert page.selected() == [member.id]
    page.page.click(".ag-reset")
    assert page.visible()[0] == count
    assert page.console == []


# -- keyboard and the table ------------------------------------------------------------


def test_keyboard_alone_runs_a_path_query(open_page, seed):
    page = open_page(seed)
    page.page.focus(".ag-path-from")
    page.page.keyboard.type("China")
    page.page.keyboard.press("Tab")
    page.page.keyboard.type("Belarusian military")
    page.page.keyboard.press("Enter")
    first = page.page.locator(".ag-path-result li.ag-path .ag-path-actors").first.inner_text()
    assert first == " → ".join(
        a.name for a in find_paths(seed, "china", "belarusian-military", k=1)[0].actors
    )
    page.page.locator(".ag-path-result .ag-tie-link").first.focus()
    page.page.keyboard.press("Enter")  # a tie in a path opens its card from the keyboard
    assert "EVIDENCE" in page.page.inner_text(".ag-panel").upper()


def test_table_lists_actors_and_ties_sortable_as_the_text_alternative(open_page, seed):
    page = open_page(seed)
    page.page.click(".ag-table-toggle")
    assert page.page.is_hidden(".ag-graph")
    actors = page.page.locator(".ag-table-actors tbody tr")
    ties = page.page.locator(".ag-table-ties tbody tr")
    assert actors.count() == len(seed.actors) and ties.count() == len(seed.relations)
    page.page.locator(".ag-table-actors th button", has_text="rank").click()  # highest first
    assert actors.first.locator("td").first.inner_text() == "Aleksandr Lukashenko"
    assert page.page.get_attribute(".ag-table-actors th[aria-sort]", "aria-sort") == "descending"
    text = page.page.inner_text(".ag-table-ties")
    assert "wolff-bayok-2022 ¶13: Lukashenko is playing a China card" in text
    page.wait_for("location.hash.includes('table=1')")
    actors.nth(1).locator("button").click()  # back to the graph, focused on that actor
    assert page.page.is_visible(".ag-graph")
    assert page.page.inner_text(".ag-panel h3") in {a.name for a in seed.actors}
    assert page.evaluate("window.actorgraph.views[0].state().focus") is not None


def test_proposed_ties_are_grey_carry_no_influence_and_say_so(open_page):
    from actorgraph.vocabulary import PROPOSED_STYLE

    graph = parse_graph(
        "title: t\nsources: [{id: s, title: s}]\n"
        "actors: [{id: a, name: A, kind: state}, {id: b, name: B, kind: state}]\n"
        "relations:\n"
        "  - {source: a, type: supports, target: b, strength: 0.5, confidence: low,\n"
        "     status: proposed, evidence: [{source: s, paragraph: 1, quote: A backs B.}]}\n",
        "draft.yaml",
    )
    page = open_page(graph)
    colour = page.evaluate("window.actorgraph.views[0].network.body.edges[0].options.color.color")
    assert colour == PROPOSED_STYLE["color"]
    assert page.evaluate("window.actorgraph.views[0].findPaths('a', 'b', 3)") == []
    page.page.mouse.click(*edge_point(page, 0))
    card = page.page.inner_text(".ag-panel")
    assert "Status: proposed (awaiting review" in card and "A backs B." in card
    assert "proposed" in page.page.inner_text(".ag-legend")
