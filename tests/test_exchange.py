"""Reports, exports, imports, diffs and the schema: round trips and independent readers."""

from __future__ import annotations

import dataclasses
import json
import shutil
import subprocess
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import given, settings

from actorgraph import GraphFileError, read_graph
from actorgraph.cli import cli
from actorgraph.io.load import format_graph, graph_to_data, parse_graph
from actorgraph.outputs.export import FORMATS, csv_tables, export_text
from actorgraph.outputs.importing import import_graph
from actorgraph.outputs.render.picture import picture
from actorgraph.questions.diff import diff_graphs, diff_text
from conftest import SEED, SMALL
from test_fuzz import EXAMPLES, valid_graphs


@pytest.fixture(scope="module")
def seed():
    return read_graph(SEED)


def write_export(graph, to: str, folder: Path) -> Path:
    if to == "csv":
        for table, text in csv_tables(graph).items():
            (folder / f"g.{table}.csv").write_text(text, encoding="utf-8")
        return folder / "g.actors.csv"
    path = folder / {"graphml": "g.graphml", "json": "g.json"}[to]
    path.write_text(export_text(graph, to), encoding="utf-8")
    return path


@pytest.mark.parametrize("to", ["graphml", "json", "csv"])
def test_seed_round_trips_through_each_importable_format(seed, tmp_path, to):
    back = import_graph(write_export(seed, to, tmp_path))
    assert back == seed
    assert parse_graph(format_graph(back)) == seed


@settings(max_examples=40 * EXAMPLES // 60, deadline=None)
@given(graph=valid_graphs())
def test_generated_graphs_round_trip(tmp_path_factory, graph):
    folder = tmp_path_factory.mktemp("roundtrip")
    for to in ("graphml", "json", "csv"):
        back = import_graph(write_export(graph, to, folder))
        assert dataclasses.replace(back, path=None) == dataclasses.replace(graph, path=None)


def test_networkx_reads_graphml_and_gexf_with_every_attribute(seed, tmp_path):
    for to, reader in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        path = tmp_path / f"g.{to}"
        path.write_text(export_text(seed, to), encoding="utf-8")
        view = reader(path)
        assert view.number_of_nodes() == len(seed.actors)
        assert view.number_of_edges() == len(seed.relations)
        assert view.nodes["xie-xiaoyong"]["kind"] == "person"
        attrs = next(d for u, v, d in view.edges(data=True) if (u, v) == ("lukashenko", "china"))
        assert attrs["relation_type"] == "courts" and attrs["strength"] == 0.5
        assert attrs["confidence"] == "high" and attrs["since"] == "2022-03"
        assert attrs["influence"] == "reverse" and attrs["polarity"] == "cooperative"
        assert json.loads(attrs["evidence"])[0]["paragraph"] == 13


def test_igraph_reads_the_graphml(seed, tmp_path):
    import igraph

    path = tmp_path / "g.graphml"
    path.write_text(export_text(seed, "graphml"), encoding="utf-8")
    view = igraph.Graph.Read_GraphML(str(path))
    assert (view.vcount(), view.ecount()) == (len(seed.actors), len(seed.relations))
    assert set(view.vs["name"]) == {a.name for a in seed.actors}


def test_graphviz_renders_the_dot(seed, tmp_path):
    dot = shutil.which("dot")
    assert dot, "Graphviz is missing: apt-get install graphviz"
    hostile = seed.with_relations(seed.relations)
    hostile = dataclasses.replace(hostile, title='say "hi" \\ <b>bold</b>')
    result = subprocess.run(
        [dot, "-Tsvg"],
        input=export_text(hostile, "dot"),
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    svg = ElementTree.fromstring(result.stdout)
    texts = {t.text for t in svg.iter("{http://www.w3.org/2000/svg}text")}
    assert {a.name for a in seed.actors} <= texts
    assert 'say "hi" \\ <b>bold</b>' in texts


def test_mermaid_escapes_labels(seed):
    text = export_text(
        dataclasses.replace(
            seed,
            actors=(
                dataclasses.replace(seed.actors[0], name='A "quoted" <b>|name|</b>'),
                *seed.actors[1:],
            ),
        ),
        "mermaid",
    )
    assert 'a0["A #quot;quoted#quot; #lt;b#gt;#124;name#124;#lt;/b#gt;"]:::person' in text
    assert text.count("-->") + text.count("-.->") == len(seed.relations)


def test_every_format_has_an_export_command(runner, in_project):
    for to in FORMATS:
        result = runner.invoke(cli, ["export", "--to", to])
        assert result.exit_code == 0, result.output
        assert result.output.startswith("wrote output/belarus-2022.")
    assert sorted(p.name for p in (in_project / "output").iterdir()) == [
        "belarus-2022.actors.csv",
        "belarus-2022.dot",
        "belarus-2022.gexf",
        "belarus-2022.graph.csv",
        "belarus-2022.graphml",
        "belarus-2022.kumu.json",
        "belarus-2022.mmd",
        "belarus-2022.nodelink.json",
        "belarus-2022.relations.csv",
        "belarus-2022.sources.csv",
    ]
    result = runner.invoke(cli, ["export", "--to", "mermaid", "-o", "-"])
    assert result.output.startswith("flowchart LR\n")


def test_import_command_writes_a_valid_graph(runner, in_project, seed):
    runner.invoke(cli, ["export", "--to", "csv"])
    result = runner.invoke(
        cli, ["import", "output/belarus-2022.relations.csv", "-o", "graph/copy.yaml"]
    )
    assert result.output == "wrote graph/copy.yaml (21 actors, 55 relations)\n"
    assert read_graph(in_project / "graph" / "copy.yaml") == seed


def test_import_keeps_unknown_columns_and_reports_bad_rows(tmp_path, runner):
    (tmp_path / "x.actors.csv").write_text(
        "id,name,kind,region\na,Alpha,state,north\nb,Beta,persn,south\n"
    )
    (tmp_path / "x.relations.csv").write_text(
        "source,type,target,strength,confidence,evidence_source,evidence_claim,desk\n"
        "a,controls,b,0.5,high,s,A runs B.,europe\n"
        "b,funds,a,lots,high,s,B pays A.,europe\n"
        "b,funds,a,lots,high,s,B pays A again.,europe\n"
        "a,funds,c,0.3,low,s,A pays C.,asia\n"
    )
    result = runner.invoke(
        cli, ["import", str(tmp_path / "x.actors.csv"), "-o", str(tmp_path / "x.yaml")]
    )
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: 3 problems found\n"
        f"{tmp_path / 'x.actors.csv'}:3: unknown actor kind 'persn'; did you mean 'person'? "
        "known kinds: person, state, government, military, armed_group, party, business, "
        "public, media, organisation, bloc, other\n"
        f"{tmp_path / 'x.relations.csv'}:3: strength must be a number, not text 'lots'\n"
        f"{tmp_path / 'x.relations.csv'}:5: unknown second actor (target) 'c'; known actors: a, b\n"
    )
    assert not (tmp_path / "x.yaml").exists()
    (tmp_path / "x.actors.csv").write_text(
        "id,name,kind,region\na,Alpha,state,north\nb,Beta,person,south\n"
    )
    (tmp_path / "x.relations.csv").write_text(
        "source,type,target,strength,confidence,evidence_source,evidence_claim,desk\n"
        "a,controls,b,0.5,high,s,A runs B.,europe\n"
        "a,controls,b,0.5,high,s,Seen again.,europe\n"
    )
    result = runner.invoke(
        cli,
        [
            "import",
            str(tmp_path / "x.actors.csv"),
            "-o",
            str(tmp_path / "x.yaml"),
            "--title",
            "Desk view",
        ],
    )
    assert result.exit_code == 0, result.output
    graph = read_graph(tmp_path / "x.yaml")
    assert graph.title == "Desk view"
    assert dict(graph.actors[0].attributes) == {"region": "north"}
    [relation] = graph.relations
    assert [e.claim for e in relation.evidence] == ["A runs B.", "Seen again."]
    assert dict(relation.attributes) == {"desk": "europe"}


def test_import_refuses_what_it_cannot_read(tmp_path):
    (tmp_path / "x.txt").write_text("nothing")
    with pytest.raises(GraphFileError, match="cannot tell the format"):
        import_graph(tmp_path / "x.txt")
    (tmp_path / "y.actors.csv").write_text("id,name,kind\n")
    with pytest.raises(GraphFileError, match="no relations table found"):
        import_graph(tmp_path / "y.actors.csv")


# -- diff ---------------------------------------------------------------------------


def test_diff_lists_exactly_what_changed(runner, seed, tmp_path):
    data = graph_to_data(seed)
    data["actors"].append({"id": "kremlin-tv", "name": "Russian state TV", "kind": "media"})
    data["relations"][0]["strength"] = 0.95
    removed = data["relations"].pop(5)
    data["relations"].append(
        {
            "source": "kremlin-tv",
            "type": "supports",
            "target": "putin",
            "strength": 0.7,
            "confidence": "low",
            "evidence": [{"source": "wolff-bayok-2022", "claim": "Assumed."}],
        }
    )
    new = tmp_path / "new.yaml"
    new.write_text(json.dumps(data))
    new = new.rename(tmp_path / "new.json")
    result = runner.invoke(cli, ["diff", str(SEED), str(new)])
    assert result.exit_code == 1
    assert result.output == (
        "+ actor kremlin-tv\n"
        "~ relation putin:controls:lukashenko (since 2022-02): strength 0.9 → 0.95\n"
        "+ relation kremlin-tv:supports:putin\n"
        f"- relation {removed['source']}:{removed['type']}:{removed['target']}\n"
    )
    markdown = runner.invoke(cli, ["diff", str(SEED), str(new), "--format", "markdown"]).output
    assert markdown.startswith("**Graph changes:** 2 added, 1 removed, 1 changed\n")
    assert "- **changed** relation putin:controls:lukashenko" in markdown
    same = runner.invoke(cli, ["diff", str(SEED), str(SEED)])
    assert (same.exit_code, same.output) == (0, "no changes\n")
    data = json.loads(runner.invoke(cli, ["diff", str(SEED), str(new), "--format", "json"]).output)
    assert [c["status"] for c in data["changes"]] == ["added", "changed", "added", "removed"]


def test_diff_of_evidence_and_title(seed):
    changed = dataclasses.replace(
        seed,
        title="New title",
        relations=(
            dataclasses.replace(seed.relations[0], evidence=seed.relations[0].evidence[:1]),
            *seed.relations[1:],
        ),
    )
    text = diff_text(diff_graphs(seed, changed))
    assert text.splitlines()[0] == (
        "~ graph title: \"Will Belarus join Russia's war in Ukraine?\" → 'New title'"
    )
    assert "evidence wolff-bayok-2022 ¶9:" in text.splitlines()[1]


def test_diff_tells_apart_relations_that_differ_only_in_until(runner, tmp_path):
    # Regression: diff matched relations without `until`, so editing one of two such
    # relations (valid: they are different statements) printed "no changes", exit 0.
    tie = (
        "  - {{source: a, type: controls, target: b, strength: 0.5, confidence: low, "
        "since: 2020, until: {until}, evidence: [{{source: s, claim: {claim}}}]}}\n"
    )
    head = (
        "title: T\nsources: [{id: s, title: S}]\nactors:\n"
        "  - {id: a, name: A, kind: state}\n  - {id: b, name: B, kind: state}\nrelations:\n"
    )
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(head + tie.format(until=2021, claim="X") + tie.format(until=2022, claim="Y"))
    new.write_text(head + tie.format(until=2021, claim="X") + tie.format(until=2022, claim="Z"))
    result = runner.invoke(cli, ["diff", str(old), str(new)])
    assert result.exit_code == 1
    assert result.output.startswith("~ relation a:controls:b (since 2020, until 2022): evidence")


# -- schema, picture, report -----------------------------------------------------------


def test_schema_command_prints_a_schema_that_accepts_the_seed(runner):
    from jsonschema import Draft202012Validator

    schema = json.loads(runner.invoke(cli, ["schema"]).output)
    Draft202012Validator.check_schema(schema)
    assert list(Draft202012Validator(schema).iter_errors(graph_to_data(read_graph(SEED)))) == []


def test_svg_parses_and_names_every_actor(seed):
    svg = ElementTree.fromstring(picture(seed, "svg"))
    texts = "".join(t.text or "" for t in svg.iter("{http://www.w3.org/2000/svg}text"))
    for actor in seed.actors:
        assert actor.name in texts
    assert "Military / security forces" in texts and "hostile tie" in texts


def _svg_texts(svg: bytes) -> list[str]:
    return [
        t.text or "" for t in ElementTree.fromstring(svg).iter("{http://www.w3.org/2000/svg}text")
    ]


def test_large_picture_names_its_leading_actors():
    # Regression (user trial): above 150 actors pictures named nobody.
    from actorgraph.io.synthetic import synthetic_graph
    from actorgraph.outputs.render.data import importance

    big = synthetic_graph(200, ties_per_actor=2)
    texts = _svg_texts(picture(big, "svg"))
    top = max(big.actors, key=lambda a: importance(big)[a.id])
    assert top.name in texts and 10 <= len(texts) <= 60


def test_a_picture_or_report_of_a_date_shows_the_actors_in_play_then(runner, tmp_path):
    # Regression (user trial): as of 1914 the COW picture drew 160 states that did not exist
    # yet, and the report listed them.
    graph = tmp_path / "g.yaml"
    graph.write_text(
        "title: T\nsources: [{id: s, title: S}]\nactors:\n"
        "  - {id: a, name: Alpha, kind: state}\n  - {id: b, name: Beta, kind: state}\n"
        "  - {id: c, name: Gamma Later, kind: state}\nrelations:\n"
        "  - {source: a, type: allied_with, target: b, strength: 0.5, confidence: low, "
        "since: 1900, evidence: [{source: s, claim: A and B.}]}\n"
        "  - {source: a, type: allied_with, target: c, strength: 0.5, confidence: low, "
        "since: 1950, evidence: [{source: s, claim: A and C.}]}\n",
        encoding="utf-8",
    )
    svg = tmp_path / "g.svg"
    result = runner.invoke(cli, ["render", str(graph), "--as-of", "1914", "-o", str(svg)])
    assert result.output == f"wrote {svg} (2 actors, 1 relation)\n"
    assert "Gamma Later" not in _svg_texts(svg.read_bytes())
    assert "Gamma Later" in _svg_texts(picture(read_graph(graph), "svg"))
    report = tmp_path / "r.md"
    runner.invoke(cli, ["report", "-g", str(graph), "--as-of", "1914", "-o", str(report)])
    text = report.read_text(encoding="utf-8")
    assert "*2 actors, 1 relation, as of 1914.*" in text and "Gamma Later" not in text


def test_render_pictures(runner, write, tmp_path):
    graph = write(SMALL)
    result = runner.invoke(
        cli, ["render", str(graph), "--to", "png", "-o", str(tmp_path / "g.png")]
    )
    assert result.exit_code == 0
    assert (tmp_path / "g.png").read_bytes().startswith(b"\x89PNG")
    result = runner.invoke(cli, ["render", str(graph), "--to", "svg", "-o", str(tmp_path)])
    assert (tmp_path / "g.svg").read_bytes().lstrip().startswith(b"<?xml")


def test_markdown_report(runner, in_project):
    result = runner.invoke(
        cli,
        [
            "report",
            "-o",
            "output/r.md",
            "--path",
            "china",
            "belarusian military",
            "--path",
            "putin",
            "it sector",
        ],
    )
    assert result.output == "wrote output/r.svg\nwrote output/r.md\n"
    text = (in_project / "output" / "r.md").read_text()
    assert text.startswith("# Will Belarus join Russia's war in Ukraine?\n")
    assert "![Will Belarus join Russia's war in Ukraine?](r.svg)" in text
    assert "## Key actors by influence rank\n\n| Actor | Kind | Influence rank |" in text
    assert "| Aleksandr Lukashenko | Person | 1.00 | 0.299 | 16 | 10 | 7 | 6 | 4.3 | 3.9 |" in text
    assert text.count("## Dependencies") == 1
    assert "1. Stefan Wolff, Anastasiya Bayok. Analysis of whether Belarus" in text
    assert (
        "## Paths: China → Belarusian armed forces\n\n1. **China → Belarus → Belarusian "
        "armed forces** (2 hops, strength 0.54)" in text
    )
    assert "No influence path from Vladimir Putin to Belarusian IT sector." in text
    assert (
        "     - Through its Belt and Road programme, China has financed roughly US\\$6 billion "
        "of infrastructure in Belarus. [1] ¶14\n" in text
    )


def test_report_refuses_other_suffixes(runner, in_project):
    result = runner.invoke(cli, ["report", "-o", "output/r.txt"])
    assert result.exit_code == 2 and "name a .html, .md or .pdf file" in result.stderr
    result = runner.invoke(cli, ["report", "--to", "pdf", "-o", "output/r.html"])
    assert result.exit_code == 2 and "name a .pdf file" in result.stderr


def test_import_takes_several_tables_of_one_graph_but_not_two_graphs(runner, in_project):
    runner.invoke(cli, ["export", "--to", "csv"])
    tables = ["output/belarus-2022.actors.csv", "output/belarus-2022.relations.csv"]
    result = runner.invoke(cli, ["import", *tables, "-o", "graph/copy.yaml"])
    assert result.output == "wrote graph/copy.yaml (21 actors, 55 relations)\n"
    result = runner.invoke(cli, ["import", tables[0], "graph/belarus-2022.yaml", "-o", "x.yaml"])
    assert result.exit_code == 2
    assert "give the files of one graph" in result.stderr


def test_diff_compares_attributes_by_key_and_shows_values_plainly(seed):
    # Regression (user trial): a CSV round trip reordered attribute columns and diff
    # listed every actor as changed, in Python reprs; the graph's date showed as as_of_date.
    actor = dataclasses.replace(seed.actors[0], attributes=(("b", 1), ("a", "x")))
    shuffled = dataclasses.replace(actor, attributes=(("a", "x"), ("b", 1)))
    edited = dataclasses.replace(actor, attributes=(("a", "y"), ("c", None)))
    base = dataclasses.replace(seed, actors=(actor, *seed.actors[1:]))
    assert not diff_graphs(base, dataclasses.replace(seed, actors=(shuffled, *seed.actors[1:])))
    changed = dataclasses.replace(seed, actors=(edited, *seed.actors[1:]), as_of_date=None)
    assert diff_text(diff_graphs(base, changed)).splitlines() == [
        f"~ graph as_of: '{seed.as_of_date}' → none",
        f"~ actor {actor.id}: attribute b 1 → absent; attribute a 'x' → 'y'; "
        "attribute c absent → none",
    ]


def test_diff_lists_a_changed_declared_relation_type_field_by_field(seed):
    # Regression (review): a type declared in both files with another polarity showed
    # as 'declared' -> 'declared'.
    from actorgraph.vocabulary import RelationType

    def declaring(polarity):
        vocabulary = seed.vocabulary.extended(
            [], [RelationType("backs", "backs", polarity, "forward")]
        )
        return dataclasses.replace(seed, vocabulary=vocabulary)

    assert diff_text(diff_graphs(seed, declaring("hostile"))) == (
        "~ graph relation type backs: none → 'backs'\n"
    )
    assert diff_text(diff_graphs(declaring("hostile"), declaring("cooperative"))) == (
        "~ graph relation type backs polarity: 'hostile' → 'cooperative'\n"
    )
