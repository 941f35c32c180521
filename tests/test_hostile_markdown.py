"""Hostile text in Markdown: every graph text comes out as inert text on GitHub's
renderer, cmark-gfm itself (through cmarkgfm), with every GFM extension on.

Issue 12, item 3. The claim: whatever the text, the rendered HTML holds exactly the
elements our own Markdown asked for, and the text reads back as written.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from actorgraph.outputs.formatting import markdown_table
from actorgraph.text import WORD_JOINER, md_escape

cmarkgfm = pytest.importorskip("cmarkgfm", reason="cmarkgfm (test extra) renders GFM")
from cmarkgfm.cmark import Options  # noqa: E402

# Markdown's special members: inline syntax, block starts, autolinks, HTML, entities,
# GFM's extensions (tables, strikethrough, task lists, footnotes), line breaks of
# every kind, and plain letters and spaces around them
MARKDOWN_SPECIALS = [
    *"\\`*_[]()<>!#|~&;:@.+-=^{}$'\"/0123456789 \t",
    "\r",
    "\n",
    "\r\n",
    "\n\n",
    "    ",
    "```",
    "~~~",
    "---",
    "===",
    "***",
    "- ",
    "1. ",
    "1) ",
    "# ",
    "> ",
    "* [ ] ",
    "[^1]",
    "[^1]: x",
    "[x]: http://evil.example",
    "<img src=x>",
    "<details>",
    "</details>",
    "<!--",
    "-->",
    "<script>",
    "&amp;",
    "&#65;",
    "&#x41;",
    "&copy;",
    "www.example.com",
    "http://evil.example/?d=1",
    "https://x.y",
    "ftp://x.y",
    "a@b.com",
    "mailto:a@b.co",
    "xmpp:a@b.co/r",
    "@user",
    "#12",
    "![i](http://t.example/p.gif)",
    "[l](javascript:alert(1))",
    "<http://x.y>",
    "**",
    "__",
    "\\|",
    "|---|",
    ":smile:",
]
TEXT = st.lists(
    st.one_of(st.sampled_from(MARKDOWN_SPECIALS), st.text("abcXYZ é→", max_size=3)),
    max_size=12,
).map("".join)


class _Elements(HTMLParser):
    """The elements and the text of rendered HTML."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.text: list[str] = []
        self.other: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)

    def handle_data(self, data):
        self.text.append(data)

    def handle_comment(self, data):
        self.other.append(f"<!--{data}-->")

    def handle_decl(self, decl):
        self.other.append(decl)

    def handle_pi(self, data):
        self.other.append(data)


def render(markdown: str) -> _Elements:
    rendered = cmarkgfm.github_flavored_markdown_to_html(
        markdown, options=Options.CMARK_OPT_UNSAFE | Options.CMARK_OPT_FOOTNOTES
    )
    parser = _Elements()
    parser.feed(rendered)
    parser.close()
    return parser


def shown(text: str) -> str:
    """What a reader should see: the text on one line, blanks collapsed as HTML does."""
    return " ".join(re.split(r"[ \t\r\n]+", text)).strip()


def read_back(parsed: _Elements) -> str:
    return shown("".join(parsed.text).replace(WORD_JOINER, ""))


# each: the Markdown around one escaped text, and the elements that Markdown asks for
CONTEXTS = {
    "paragraph": ("{} end", ["p"]),
    "heading": ("# {}", ["h1"]),
    "list item": ("- **added** {}", ["ul", "li", "strong"]),
    "bare item": ("- {}", ["ul", "li"]),
    "numbered item": ("1. {}", ["ol", "li"]),
    "nested item": ("1. x\n   - {}: y", ["ol", "li", "ul", "li"]),
    "strong": ("{} **{}** done", ["p", "strong"]),
    "image alt": ("![{}](picture.svg)", ["p", "img"]),
}


@settings(max_examples=300, deadline=None)
@given(text=TEXT, context=st.sampled_from(sorted(CONTEXTS)))
def test_escaped_text_renders_as_text_in_every_context(text, context):
    assume(shown(text))  # a blank text is trivially inert, and makes no strong element
    template, elements = CONTEXTS[context]
    escaped = md_escape(text)
    parsed = render(template.format(escaped, escaped))
    assert parsed.tags == elements, (escaped, parsed.tags)
    assert parsed.other == []
    if context == "paragraph":
        assert read_back(parsed) == shown(f"{text} end")
    elif context == "heading":
        assert read_back(parsed) == shown(text)


ROW = ["table", "thead", "tr", "th", "th", "th", "tbody", "tr", "td", "td", "td"]


@settings(max_examples=200, deadline=None)
@given(cells=st.lists(TEXT, min_size=2, max_size=2))
def test_table_cells_stay_in_their_cells(cells):
    table = markdown_table([{"a": cells[0], "b": cells[1], "n": 1.5}], ["a", "b", "n"])
    parsed = render(table)
    assert parsed.tags == ROW
    assert parsed.other == []
    rendered = cmarkgfm.github_flavored_markdown_to_html(table)
    texts = re.findall(r"<td[^>]*>(.*?)</td>", rendered, flags=re.S)
    assert [shown(html.unescape(t).replace(WORD_JOINER, "")) for t in texts] == [
        *map(shown, cells),
        "1.5",
    ]


@pytest.mark.parametrize(
    ("text", "markdown"),
    [
        ("x\rlukashenko", "x lukashenko"),
        ("a\r\nb\nc", "a b c"),
        ("~~gone~~", "\\~\\~gone\\~\\~"),
        ("- [x] done", "\\- \\[x\\] done"),
        ("12) twelve", "12\\) twelve"),
        ("see https://x.example", "see https\\://x.example"),
        ("`code`", "\\`code\\`"),
        ("<img src=x>", "\\<img src=x\\>"),
        ("&amp;", "\\&amp;"),
        ("www.evil.example", "www\\.evil.example"),
        ("a@b.com", "a@\u2060b.com"),
        ("    indented", "indented"),
        ("1. one", "1\\. one"),
        ("putin:controls:lukashenko", "putin:controls:lukashenko"),
    ],
)
def test_the_members_named_in_the_issue(text, markdown):
    assert md_escape(text) == markdown


# -- whole documents: the report, the diff, analyze and whatif ----------------------


def hostile_graph(texts: list[str]):
    """Four actors, a tension and a path, with ``texts`` as every piece of graph text
    (ids hold a "t", which TEXT never does, so no name is taken for an id)."""
    from actorgraph.model import Actor, Evidence, Graph, Relation, Source

    name = texts.__getitem__

    def tie(source, kind, target, claim):
        return Relation(source, kind, target, 0.8, "high", (Evidence("s", claim, 2),))

    return Graph(
        title=name(0),
        description=name(1),
        sources=(
            Source("s", name(2), (name(3),), name(4), "2022", "https://x.example/" + name(0)),
        ),
        actors=(
            Actor("ta", name(5), "state"),
            Actor("tb", name(6), "person"),
            Actor("tc", name(7), "military"),
            Actor("td", name(8), "state"),
        ),
        relations=(
            tie("tb", "leads", "ta", name(9)),
            tie("ta", "controls", "tc", name(10)),
            tie("td", "opposes", "ta", name(11)),
            tie("td", "allied_with", "tb", name(12)),
        ),
    )


def documents(texts: list[str]) -> dict[str, str]:
    """Every Markdown output of the graph made with ``texts``."""
    import dataclasses

    from actorgraph.outputs.formatting import analysis_text, whatif_text
    from actorgraph.outputs.report import Figure, PathQuestion, Report, report_markdown
    from actorgraph.questions.analysis import analyze, whatif
    from actorgraph.questions.diff import diff_graphs, diff_text
    from actorgraph.questions.paths import find_paths

    graph = hostile_graph(texts)
    analysis = analyze(graph, top=4)
    paths = tuple(find_paths(graph, "tb", "tc", k=2))
    figure = Figure(graph.title, graph.description, b"", 4, 4)
    report = Report(graph, analysis, (PathQuestion("tb", "tc", paths),), (figure,))
    other = hostile_graph(texts[1:] + texts[:1])
    changed = dataclasses.replace(other, relations=other.relations[:-1])
    return {
        "report": report_markdown(report, "picture.svg"),
        "analyze": analysis_text(analysis, graph, "markdown"),
        "whatif": whatif_text(whatif(graph, remove=["ta"]), graph, "markdown"),
        "diff": diff_text(diff_graphs(graph, changed), markdown=True),
    }


@settings(max_examples=25, deadline=None)
@given(texts=st.lists(TEXT.filter(lambda t: shown(t) != ""), min_size=13, max_size=13, unique=True))
def test_markdown_outputs_hold_only_their_own_elements(texts):
    hostile = documents(texts)
    plain = documents([f"plain{i}" for i in range(13)])
    for name, markdown in hostile.items():
        parsed, expected = render(markdown), render(plain[name])
        assert parsed.tags == expected.tags, (name, markdown)
        assert parsed.other == []


def test_a_claim_cannot_forge_a_line_of_the_plain_diff():
    import dataclasses

    from actorgraph.model import Evidence
    from actorgraph.questions.diff import diff_graphs, diff_text

    old = hostile_graph([f"plain{i}" for i in range(13)])
    forged = "x\n+ relation tb:controls:td\r+ actor ghost"
    first = dataclasses.replace(old.relations[0], evidence=(Evidence("s", forged, 2),))
    new = dataclasses.replace(old, relations=(first, *old.relations[1:]))
    text = diff_text(diff_graphs(old, new))
    assert text == (
        "~ relation tb:leads:ta: evidence s ¶2: plain9 → "
        "s ¶2: x\\n+ relation tb:controls:td\\r+ actor ghost\n"
    )
