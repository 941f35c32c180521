"""Bringing in the field's data: the shared datasets, networkx's samples, Gephi, Kumu, Excel;
the mapping flags; every failure class with its exact message; CSV that stays inert."""

from __future__ import annotations

import csv
import io
import json
import shlex

import networkx as nx
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from actorgraph import read_graph
from actorgraph.cli import cli
from actorgraph.io.load import format_graph, parse_graph, validate_text
from actorgraph.outputs.export import csv_tables, export_text
from actorgraph.outputs.formatting import FORMULA_STARTS
from actorgraph.outputs.importing import ImportOptions, import_file, import_graph
from actorgraph.questions.analysis import blocs
from conftest import ROOT, SEED, SMALL
from test_readme import console_examples

DATASETS = ROOT.parent / "shared" / "datasets"
shared = pytest.mark.skipif(
    not DATASETS.is_dir(), reason=f"{DATASETS} is absent: the shared datasets are not here"
)


def readme_command(dataset: str) -> list[str]:
    """The README's (successful) import command for a shared dataset, as arguments."""
    for command, output in console_examples():
        if f"../shared/datasets/{dataset}" in command and "Error" not in output:
            args = shlex.split(command)[1:]
            return [a.replace("../shared/datasets/", f"{DATASETS}/") for a in args]
    raise AssertionError(f"no README command imports {dataset}")


# -- the shared datasets ----------------------------------------------------------------


@shared
def test_les_miserables_gexf_imports_with_the_readme_command(runner, in_project):
    result = runner.invoke(cli, readme_command("Les-Miserables.gexf"))
    assert result.output == "wrote graph/les-miserables.yaml (77 actors, 254 relations)\n"
    assert runner.invoke(cli, ["validate", "graph/les-miserables.yaml"]).exit_code == 0
    graph = read_graph("graph/les-miserables.yaml")
    valjean = graph.actor("Valjean")
    assert (valjean.id, valjean.kind) == ("11", "person")
    assert dict(valjean.attributes) == {
        "modularity_class": 1,
        "viz_color": "#f55b5b",
        "viz_size": 100.0,
        "viz_x": -87.93029,
        "viz_y": 6.8120565,
    }
    [source] = graph.sources
    assert (source.title, source.file) == ("Les Misérables", "Les-Miserables.gexf")
    weighted = next(r for r in graph.relations if r.evidence[0].element == "geid_138_1")
    assert dict(weighted.attributes) == {"cooccurrence": 8, "weight": 8.0}
    result = runner.invoke(cli, ["path", "-g", "graph/les-miserables.yaml", "Valjean", "Javert"])
    assert "evidence: Les Misérables, element geid_138_57: Javert consults Valjean\n" in (
        result.output
    )
    # its CSV export (attribute columns sorted) comes back as the same graph
    runner.invoke(
        cli, ["export", "-g", "graph/les-miserables.yaml", "--to", "csv", "-o", "rt/l.csv"]
    )
    assert runner.invoke(cli, ["import", "rt/l.relations.csv", "-o", "rt.yaml"]).exit_code == 0
    diff = runner.invoke(cli, ["diff", "graph/les-miserables.yaml", "rt.yaml"])
    assert (diff.exit_code, diff.output) == (0, "no changes\n")


@shared
def test_cow_alliances_import_with_the_readme_command(runner, in_project):
    result = runner.invoke(cli, readme_command("cow-alliance_v4.1_by_dyad.csv"))
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[-1] == "wrote graph/cow-alliances.yaml (180 actors, 3,211 relations)"
    left_out = [line.split(":")[1].strip() for line in lines if line.startswith("note: row")]
    assert left_out == [
        "row 1,140", "row 1,147", "row 1,954", "row 2,183", "row 2,189", "row 2,210",
        "row 2,212", "row 2,214", "row 2,215", "row 2,218", "row 2,220",
    ]  # fmt: skip
    assert runner.invoke(cli, ["validate", "graph/cow-alliances.yaml"]).exit_code == 0
    graph = read_graph("graph/cow-alliances.yaml")
    [source] = graph.sources
    assert (source.id, source.title, source.file) == (
        "cow-alliance_v4.1_by_dyad",
        "COW Formal Alliances v4.1",
        "cow-alliance_v4.1_by_dyad.csv",
    )
    assert source.url == "https://correlatesofwar.org/data-sets/formal-alliances/"
    first = graph.relations[0]
    assert (first.source, first.type, first.target, first.since, first.until) == (
        "united-kingdom", "allied_with", "portugal", "1816-01-01", None,
    )  # fmt: skip
    assert first.evidence[0].row == 2
    europe_1914 = {frozenset(b) for b in blocs(graph.as_of("1914-08-01"))}
    assert frozenset({"austria-hungary", "germany", "italy", "romania"}) in europe_1914
    assert (
        frozenset({"france", "japan", "portugal", "russia", "spain", "united-kingdom"})
        in europe_1914
    )
    result = runner.invoke(
        cli,
        ["path", "-g", "graph/cow-alliances.yaml", "United Kingdom", "Russia", "--as-of", "1914"],
    )
    assert (
        "evidence: COW Formal Alliances v4.1, row 256: France allied with Russia (defense: 1)\n"
        in result.output
    )


# -- other tools' files --------------------------------------------------------------------

SAMPLES = {
    "florentine": nx.florentine_families_graph,
    "les_miserables": nx.les_miserables_graph,
    "karate": nx.karate_club_graph,
}
FLAGS = ["--default-type", "consults", "--default-strength", "0.5", "--default-confidence", "low"]


@pytest.mark.parametrize("name", SAMPLES)
def test_networkx_samples_import(runner, tmp_path, name):
    sample = SAMPLES[name]()
    files = {"graphml": tmp_path / f"{name}.graphml", "gml": tmp_path / f"{name}.gml"}
    nx.write_graphml(sample, files["graphml"])
    nx.write_gml(sample, files["gml"])
    for key in ("edges", "links"):
        files[key] = tmp_path / f"{name}.{key}.json"
        files[key].write_text(json.dumps(nx.node_link_data(sample, edges=key)))
    for path in files.values():
        output = tmp_path / f"{path.name}.yaml"
        result = runner.invoke(cli, ["import", str(path), "-o", str(output), *FLAGS])
        assert result.exit_code == 0, result.output
        graph = read_graph(output)
        assert (len(graph.actors), len(graph.relations)) == (
            sample.number_of_nodes(),
            sample.number_of_edges(),
        )
    if name == "florentine":
        assert graph.actor("medici").name == "Medici"
    if name == "les_miserables":  # 'MmeMagloire' is no slug: the original stays as the name
        assert (graph.actor("mmemagloire").name, graph.actor("MmeMagloire").id) == (
            "MmeMagloire",
            "mmemagloire",
        )


GEXF_13 = """\
<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">
  <meta><title>Two parties</title></meta>
  <graph defaultedgetype="directed">
    <attributes class="node">
      <attribute id="0" title="seats" type="integer"><default>0</default></attribute>
    </attributes>
    <nodes>
      <node id="Red Party" label="Reds"><attvalues><attvalue for="0" value="12"/></attvalues>
        <viz:color hex="#ff0000"/><viz:position x="1.5" y="-2" z="0"/></node>
      <node id="blue" label="Blues"/>
    </nodes>
    <edges>
      <edge id="e1" source="Red Party" target="blue" weight="2.5" kind="rivalry"/>
    </edges>
  </graph>
</gexf>
"""


def test_gexf_13_reads_where_networkx_cannot(runner, tmp_path):
    path = tmp_path / "parties.gexf"
    path.write_text(GEXF_13)
    with pytest.raises(Exception):  # noqa: B017 - networkx's reader stops on GEXF 1.3
        nx.read_gexf(path)
    result = runner.invoke(
        cli,
        ["import", str(path), "-o", str(tmp_path / "p.yaml"), "--default-type", "opposes",
         "--default-strength", "0.4", "--default-confidence", "medium", "--default-kind", "party"],
    )  # fmt: skip
    assert result.output == f"wrote {tmp_path / 'p.yaml'} (2 actors, 1 relation)\n"
    graph = read_graph(tmp_path / "p.yaml")
    reds = graph.actor("Reds")
    assert (reds.id, reds.aliases) == ("red-party", ("Red Party",))
    assert dict(reds.attributes) == {
        "seats": 12, "viz_color": "#ff0000", "viz_x": 1.5, "viz_y": -2.0, "viz_z": 0.0,
    }  # fmt: skip
    assert dict(graph.actor("blue").attributes) == {"seats": 0}
    [tie] = graph.relations
    assert dict(tie.attributes) == {"weight": 2.5, "kind": "rivalry"}
    assert tie.evidence[0].cite(graph.sources[0].title) == "Two parties, element e1"


def test_kumu_export_round_trips(runner, in_project):
    result = runner.invoke(cli, ["export", "--to", "kumu", "-o", "seed.kumu.json"])
    assert result.output == "wrote seed.kumu.json\n"
    document = json.loads((in_project / "seed.kumu.json").read_text())
    assert document["connections"][0]["attributes"]["connection type"] == "controls"
    assert document["elements"][0]["attributes"]["element type"] == "person"
    result = runner.invoke(cli, ["import", "seed.kumu.json", "-o", "graph/back.yaml"])
    assert result.output == "wrote graph/back.yaml (21 actors, 55 relations)\n"
    result = runner.invoke(cli, ["diff", f"graph/{SEED.name}", "graph/back.yaml"])
    assert (result.exit_code, result.output) == (0, "no changes\n")


def test_kumu_blueprint_json_and_spreadsheet(runner, tmp_path):
    from openpyxl import Workbook

    blueprint = {
        "elements": [
            {"label": "Alpha Corp", "type": "Business", "tags": ["energy"]},
            {"label": "Beta", "type": "Person"},
        ],
        "connections": [{"from": "Beta", "to": "Alpha Corp", "type": "Leads", "direction": ""}],
    }
    (tmp_path / "map.json").write_text(json.dumps(blueprint))
    book = Workbook()
    elements = book.active
    elements.title = "Elements"
    elements.append(["Label", "Type", "Description", "Tags"])
    elements.append(["Alpha Corp", "Business", "An energy firm", "energy"])
    elements.append(["Beta", "Person", None, None])
    connections = book.create_sheet("Connections")
    connections.append(["From", "To", "Type", "Direction"])
    connections.append(["Beta", "Alpha Corp", "leads", "directed"])
    book.save(tmp_path / "map.xlsx")
    flags = ["--default-strength", "0.7", "--default-confidence", "high"]
    for name in ("map.json", "map.xlsx"):
        output = tmp_path / f"{name}.yaml"
        result = runner.invoke(cli, ["import", str(tmp_path / name), "-o", str(output), *flags])
        assert result.output == f"wrote {output} (2 actors, 1 relation)\n"
        graph = read_graph(output)
        assert [(a.id, a.kind) for a in graph.actors] == [
            ("alpha-corp", "business"), ("beta", "person"),
        ]  # fmt: skip
        [tie] = graph.relations
        assert (tie.source, tie.type, tie.target) == ("beta", "leads", "alpha-corp")
    assert tie.evidence[0].row == 2  # the spreadsheet's own row number
    assert graph.actor("alpha-corp").description == "An energy firm"


# -- failures, each with its exact message ---------------------------------------------


def _import(runner, path, *flags):
    return runner.invoke(cli, ["import", str(path), "-o", str(path) + ".yaml", *flags])


def test_a_header_without_the_needed_columns_names_what_it_found(runner, tmp_path):
    path = tmp_path / "edges.csv"
    path.write_text("Source,Target,Id,Label,Type\nA,B,0,,Directed\n")
    result = _import(runner, path)
    assert (result.exit_code, result.stderr) == (
        2,
        "Error: 1 problem found\n"
        f"{path}:1: no column gives the relation type, strength, confidence; columns found: "
        "Source, Target, Id, Label, Type; give --map COLUMN=type (or --type-from COLUMN with "
        "--type-map VALUE=TYPE, or --default-type TYPE); --map COLUMN=strength (or "
        "--default-strength X, 0 to 1); --map COLUMN=confidence (or --default-confidence "
        "low|medium|high)\n",
    )
    assert not (tmp_path / "edges.csv.yaml").exists()
    result = _import(runner, path, *FLAGS)  # Gephi's Type column is the direction
    assert result.exit_code == 0, result.output


def test_problems_in_rows_and_values_are_all_reported(runner, tmp_path):
    path = tmp_path / "ties.csv"
    path.write_text("a,b,kind,since\nx,y,1,2020\nx,,2,2021\ny,z,9,2019\nz,x,1,2022-13\n")
    result = _import(
        runner, path, "--map", "a=source", "--map", "b=target", "--type-from", "kind",
        "--type-map", "1=controls", "--type-map", "2=allied_with", "--undirected",
        "--default-strength", "0.5", "--default-confidence", "low",
    )  # fmt: skip
    symmetric = "member_of, allied_with, cooperates_with, trades_with, negotiates_with, "
    assert result.stderr == (
        "Error: 4 problems found\n"
        f"{path}:2: 2 undirected ties have type 'controls', which runs one way; give a "
        f"symmetric type ({symmetric}consults, fights) or leave out --undirected\n"
        f"{path}:3: no second actor (target): the 'b' cell is empty\n"
        f"{path}:4: kind is '9', which no --type-map names; add --type-map 9=TYPE\n"
        f"{path}:5: invalid date '2022-13'; use YYYY, YYYY-MM or YYYY-MM-DD\n"
    )


GEXF_BAD = """\
<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://www.gexf.net/1.2draft" version="1.2">
  <graph defaultedgetype="directed">
    <attributes class="node">
      <attribute id="0" title="score" type="integer"/>
    </attributes>
    <nodes>
      <node id="a" label="A"><attvalues><attvalue for="0" value="x"/></attvalues></node>
      <node id="b" label="B"/>
    </nodes>
    <edges>
      <edge id="e1" source="a" target="zz"/>
    </edges>
  </graph>
</gexf>
"""


def test_graph_files_report_the_element_and_its_line(runner, tmp_path):
    path = tmp_path / "bad.gexf"
    path.write_text(GEXF_BAD)
    assert _import(runner, path, *FLAGS).stderr == (
        f"Error: 1 problem found\n{path}:8: node 'a': 'score' should be integer, not 'x'\n"
    )
    path.write_text(GEXF_BAD.replace('value="x"', 'value="3"'))
    assert _import(runner, path, *FLAGS).stderr == (
        f"Error: 1 problem found\n{path}:12: edge 'e1': unknown second actor (target) 'zz'; "
        "known actors: a, b\n"
    )
    graphml = tmp_path / "bad.graphml"
    nx.write_graphml(nx.path_graph(["p", "q"]), graphml)
    text = graphml.read_text().replace('target="q"', 'target="p"')
    graphml.write_text(text)
    line = text[: text.index('target="p"')].count("\n") + 1
    assert _import(runner, graphml, *FLAGS).stderr == (
        f"Error: 1 problem found\n{graphml}:{line}: edge '#1': relation from 'p' to itself; "
        "self-loops are refused: a tie needs two actors\n"
    )
    path.write_text('<!DOCTYPE g [<!ENTITY x "boom">]><gexf>&x;</gexf>')
    assert _import(runner, path).stderr == (
        f"Error: 1 problem found\n{path}:1: the file declares XML entities; remove the "
        "DOCTYPE's entity declarations\n"
    )


HOSTILE = {
    "attributes-list.json": (
        '{"nodes": [{"id": "a", "attributes": [1]}], "edges": []}',
        "{path}: nodes[0]: 'attributes' must be a mapping of fields, not a list",
    ),
    "attributes-text.json": (
        '{"nodes": [{"id": "a", "attributes": "x"}], "edges": []}',
        "{path}: nodes[0]: 'attributes' must be a mapping of fields, not text",
    ),
    "order.json": (
        '{"nodes": [{"id": "a"}, {"id": "b"}], "edges": [{"source": "a", "target": "b", '
        '"order": "x", "relation_type": "leads", "strength": 2, "confidence": "high", '
        '"evidence": [{"source": "s", "claim": "c"}]}, {"source": "b", "target": "a", '
        '"order": 1}], "graph": {"sources": [{"id": "s", "title": "S"}]}}',
        "{path}: edges[0]: strength must be between 0 and 1, got 2",
    ),
    "deep.json": ("[" * 100_000 + "]" * 100_000, "{path}:1: the JSON is nested too deeply"),
    "number.json": (
        '{"nodes": [\n{"id": ' + "9" * 5000 + "}]}",
        "{path}:2: a number has thousands of digits; write it as text",
    ),
    "null-id.json": (
        '{"nodes": [{"id": null}], "edges": []}',
        "{path}: nodes[0]: an actor without an id or a name",
    ),
    "list.json": (
        "[]",
        "{path}:1: the file holds a list, not a graph; node-link JSON has 'nodes' and "
        "'edges' or 'links'; a Kumu export has 'elements' and 'connections'",
    ),
    "text.json": (
        '"graph"',
        "{path}:1: the file holds text, not a graph; node-link JSON has 'nodes' and "
        "'edges' or 'links'; a Kumu export has 'elements' and 'connections'",
    ),
    "latin1.csv": (
        b"source,target\nJos\xe9,Ana\n",
        "{path}:2: not UTF-8 text (byte 0xe9); save the file as UTF-8",
    ),
    "utf16.json": (
        '{"nodes": []}'.encode("utf-16"),
        "{path}:1: not UTF-8 text (byte 0xff; it looks like UTF-16); save the file as UTF-8",
    ),
    "big-cell.csv": (
        "source,target\na," + "b" * 140_000 + "\n",
        "{path}:2: cannot read the CSV: a cell holds more than 128 KiB",
    ),
    "wide.csv": (
        ",".join(f"c{i}" for i in range(1_001)) + "\n",
        "{path}:1: the header has 1,001 columns; at most 1,000 are read; keep the columns "
        "the graph needs",
    ),
    "twice.csv": (
        "source,target,source\na,b,c\n",
        "{path}:1: column 'source' appears twice (columns 1 and 3); rename or remove one",
    ),
    "missing.json": (None, "{path}: no such file"),
}


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_imports_end_in_one_clear_message(runner, tmp_path, name):
    content, expected = HOSTILE[name]
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif content is not None:
        path.write_text(content)
    result = _import(runner, path, *FLAGS)
    assert (result.exit_code, result.stderr) == (
        2,
        f"Error: 1 problem found\n{expected.format(path=path)}\n",
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ([name] if content is not None else [])


def test_import_over_an_existing_file_needs_force(runner, in_project):
    runner.invoke(cli, ["export", "--to", "json", "-o", "seed.json"])
    curated = in_project / "graph" / SEED.name
    before = curated.read_bytes()
    result = runner.invoke(cli, ["import", "seed.json", "-o", str(curated.relative_to(in_project))])
    assert (result.exit_code, result.stderr) == (
        2,
        f"Error: graph/{SEED.name} exists; give --force to replace it\n",
    )
    assert curated.read_bytes() == before
    result = runner.invoke(cli, ["import", "seed.json", "-o", f"graph/{SEED.name}", "--force"])
    assert result.exit_code == 0
    assert read_graph(curated) == read_graph(SEED)


def test_mapping_flags_that_cannot_work(runner, tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("a,b\nx,y\n")
    result = _import(runner, path, "--map", "a=src")
    assert result.exit_code == 2
    assert "--map a=src: unknown field 'src'; fields: source, type, target," in result.output
    result = _import(runner, path, "--map", "nope=source", *FLAGS, "--map", "b=target")
    assert result.stderr == (
        "Error: 2 problems found\n"
        f"{path}:1: --map nope=...: no column 'nope'; columns found: a, b\n"
        f"{path}:1: no column gives the first actor (source); columns found: a, b; give "
        "--map COLUMN=source\n"
    )


# -- the model's new rules --------------------------------------------------------------


def test_names_are_compared_after_nfkc_and_case_folding():
    text = SMALL.replace("{id: b, name: Beta", "{id: b, name: ＡＬＰＨＡ")
    assert [p.message for p in validate_text(text, "g.yaml")] == [
        "name 'alpha' is used by both 'a' (line 5) and 'b'"
    ]
    zero_width = SMALL.replace("{id: b, name: Beta", '{id: b, name: "Al\\u200bpha"')
    assert len(validate_text(zero_width, "g.yaml")) == 1
    assert (
        "is not a valid id"
        in validate_text(SMALL.replace("{id: b,", '{id: "b\\u200b",'), "g.yaml")[0].message
    )


def test_source_ids_may_hold_dots_and_evidence_its_locators():
    text = SMALL.replace("{id: s, title: Report}", "{id: cow-v4.1, title: Report, file: r.csv}")
    text = text.replace("{source: s, paragraph: 1,", "{source: cow-v4.1, row: 1204, page: 3,")
    text = text.replace("{source: s, paragraph: 2,", "{source: cow-v4.1, element: e42, url: u,")
    graph = parse_graph(text, "g.yaml")
    first, second = (r.evidence[0] for r in graph.relations)
    assert first.cite("COW") == "COW, p. 3, row 1,204"
    assert second.cite() == "cow-v4.1, element e42"
    assert parse_graph(format_graph(graph)) == graph
    bad = SMALL.replace("{source: s, paragraph: 1,", "{source: t, paragraph: 1,")
    assert [p.message for p in validate_text(bad, "g.yaml")] == ["unknown evidence source 't'"]


# -- exports for the same tools --------------------------------------------------------


def test_graphml_and_gexf_carry_weight_and_export_takes_as_of(runner, in_project, tmp_path):
    seed = read_graph(SEED)
    for to in ("graphml", "gexf"):
        path = tmp_path / f"g.{to}"
        path.write_text(export_text(seed, to))
        view = (nx.read_graphml if to == "graphml" else nx.read_gexf)(path)
        assert sorted(d["weight"] for *_, d in view.edges(data=True)) == sorted(
            r.strength for r in seed.relations
        )
    result = runner.invoke(cli, ["export", "--to", "json", "--as-of", "2021", "-o", "-"])
    assert len(json.loads(result.output)["edges"]) == len(seed.as_of("2021").relations) == 44
    result = runner.invoke(cli, ["report", "--as-of", "2021", "-o", "r.md"])
    assert result.exit_code == 0, result.output


# -- CSV stays inert and round-trips ----------------------------------------------------


def _is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


HOSTILE_TEXT = st.text(
    alphabet=st.sampled_from(["=", "+", "-", "@", "\t", "\r", "\n", "'", ",", '"', "a", " ", "1"]),
    min_size=1,
    max_size=12,
).filter(lambda t: t.strip() != "")


@settings(max_examples=60, deadline=None)
@given(claim=HOSTILE_TEXT, name=HOSTILE_TEXT, note=HOSTILE_TEXT)
def test_csv_cells_are_inert_and_round_trip(tmp_path_factory, claim, name, note):
    yaml = SMALL.replace("claim: Beta heads Alpha.", f"claim: {json.dumps(claim)}")
    one_line = name.replace("\t", " ").replace("\r", " ").replace("\n", " ")  # names: one line
    yaml = yaml.replace("name: Beta,", f"name: {json.dumps(one_line + ' (B)')},")
    yaml = yaml.replace("confidence: high\n", f"confidence: high\n    note: {json.dumps(note)}\n")
    graph = parse_graph(yaml, "g.yaml")
    folder = tmp_path_factory.mktemp("csv")
    for table, text in csv_tables(graph).items():
        (folder / f"g.{table}.csv").write_bytes(text.encode("utf-8"))
        rows = list(csv.reader(io.StringIO(text, newline="")))
        assert len({len(row) for row in rows}) == 1  # no cell split its row
        for cell in (cell for row in rows for cell in row):
            assert not cell.startswith(FORMULA_STARTS) or _is_number(cell), cell
    back = import_graph(folder / "g.actors.csv")
    assert format_graph(back) == format_graph(graph)


def test_a_carriage_return_cannot_forge_a_row(runner, in_project):
    forged = "x\rlukashenko,controls,putin,0.9,high,,,,,wolff-bayok-2022,1,forged"
    path = in_project / "graph" / SEED.name
    text = path.read_text().replace(
        "claim: Lukashenko is the president of Belarus.", f"claim: {json.dumps(forged)}"
    )
    path.write_text(text)
    runner.invoke(cli, ["export", "--to", "csv", "-o", "out"])
    result = runner.invoke(cli, ["import", "out/belarus-2022.actors.csv", "-o", "back.yaml"])
    assert result.output == "wrote back.yaml (21 actors, 55 relations)\n"
    result = runner.invoke(cli, ["diff", f"graph/{SEED.name}", "back.yaml"])
    assert (result.exit_code, result.output) == (0, "no changes\n")


def test_ids_that_come_out_the_same_are_numbered_and_said(runner, tmp_path):
    path = tmp_path / "ties.csv"
    path.write_text("from,to\nCôte d'Ivoire,Ghana\nCote d'Ivoire,COTE D IVOIRE\n")
    result = _import(runner, path, *FLAGS)
    assert result.output == (
        "note: ids made from names that came out the same were numbered: "
        "'Cote d'Ivoire' is cote-d-ivoire-2; 'COTE D IVOIRE' is cote-d-ivoire-3\n"
        f"wrote {path}.yaml (4 actors, 2 relations)\n"
    )
    graph = read_graph(f"{path}.yaml")
    assert [a.id for a in graph.actors] == [
        "cote-d-ivoire", "ghana", "cote-d-ivoire-2", "cote-d-ivoire-3",
    ]  # fmt: skip
    assert graph.actor("COTE D IVOIRE").id == "cote-d-ivoire-3"


def test_a_clash_reported_by_the_checks_names_rows_not_internal_lines(runner, tmp_path):
    path = tmp_path / "ties.csv"
    path.write_text("from,to\nA B,x\na-b,y\n")
    assert _import(runner, path, *FLAGS).stderr == (
        f"Error: 1 problem found\n{path}:3: name 'a-b' is used by both 'a-b' (row 2) and "
        "'a-b-2'; names and aliases must pick out one actor\n"
    )


@pytest.mark.parametrize("to", ["graphml", "json", "kumu", "csv"])
def test_evidence_locators_travel_through_every_importable_export(tmp_path, to):
    text = SMALL.replace("{id: s, title: Report}", "{id: s.v2, title: Report, file: r.csv}")
    text = text.replace("{source: s, paragraph: 1,", "{source: s.v2, row: 7, quote: q, url: u,")
    text = text.replace("{source: s, paragraph: 2,", "{source: s.v2, element: e1, page: iv,")
    graph = parse_graph(text, "g.yaml")
    if to == "csv":
        for table, body in csv_tables(graph).items():
            (tmp_path / f"g.{table}.csv").write_text(body)
        path = tmp_path / "g.actors.csv"
    else:
        path = tmp_path / "g.json" if to in ("json", "kumu") else tmp_path / "g.graphml"
        path.write_text(export_text(graph, to))
    assert format_graph(import_graph(path)) == format_graph(graph)


@pytest.mark.parametrize(
    ("version", "namespace"),
    [("1.1", "http://www.gexf.net/1.1draft"), ("1.2", "http://www.gexf.net/1.2draft")],
)
def test_older_gexf_versions_read_alike(tmp_path, version, namespace):
    path = tmp_path / "g.gexf"
    path.write_text(
        GEXF_13.replace('xmlns="http://gexf.net/1.3"', f'xmlns="{namespace}"')
        .replace('version="1.3"', f'version="{version}"')
        .replace('<viz:color hex="#ff0000"/>', '<viz:color r="255" g="0" b="0"/>')
        .replace('kind="rivalry"', 'label="rivalry"')
    )
    result = CliRunner().invoke(cli, ["import", str(path), "-o", str(tmp_path / "g.yaml"),
                                      "--default-type", "opposes", *FLAGS[2:]])  # fmt: skip
    assert result.exit_code == 0, result.output
    reds = read_graph(tmp_path / "g.yaml").actor("Reds")
    assert dict(reds.attributes)["viz_color"] == "#ff0000"


def test_flags_naming_unknown_kinds_or_types_are_said_once(runner, tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("source,target,rel\na,b,x\nb,c,y\n")
    result = _import(
        runner, path, "--default-kind", "persn", "--type-from", "rel", "--type-map", "x=alied",
        "--type-map", "y=leads", "--default-strength", "0.5", "--default-confidence", "low",
    )  # fmt: skip
    assert result.stderr == (
        "Error: 2 problems found\n"
        f"{path}:1: --default-kind: no kind 'persn'; did you mean 'person'?\n"
        f"{path}:1: --type-map: no relation type 'alied'; did you mean 'allied_with'?\n"
    )


def test_a_huge_json_value_is_refused_with_its_place(runner, tmp_path):
    path = tmp_path / "g.json"
    path.write_text(json.dumps({"nodes": [{"id": "a", "bio": "x" * 140_000}], "links": []}))
    assert _import(runner, path, *FLAGS).stderr == (
        f"Error: 1 problem found\n{path}: nodes[0]: 'bio' holds more than 128 KiB\n"
    )


def test_our_gexf_export_comes_back_with_every_actor_and_tie(tmp_path):
    seed = read_graph(SEED)
    path = tmp_path / "seed.gexf"
    path.write_text(export_text(seed, "gexf"))
    back = import_graph(path)  # GEXF has no place for the title or the sources' details
    assert (back.actors, back.relations) == (seed.actors, seed.relations)


@pytest.mark.parametrize(
    ("name", "text"), [("eu.csv", "from;to\nA;B\n"), ("t.tsv", "from\tto\nA\tB\n")]
)
def test_semicolon_and_tab_separated_tables(runner, tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text)
    assert _import(runner, path, *FLAGS).output == f"wrote {path}.yaml (2 actors, 1 relation)\n"


def test_a_workbook_problem_names_its_sheet_and_row(runner, tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Connections"
    sheet.append(["From", "To", "Type"])
    sheet.append(["a", "b", "leads"])
    sheet.append(["a", "c", "lead"])
    book.save(tmp_path / "ties.xlsx")
    result = _import(runner, tmp_path / "ties.xlsx", *FLAGS[2:])
    assert result.stderr == (
        f"Error: 1 problem found\n{tmp_path / 'ties.xlsx'}:3: sheet 'Connections': unknown "
        "relation type 'lead'; did you mean 'leads'? known types: controls, commands, leads, "
        "influences, part_of, member_of, represents, depends_on, courts, supports, allied_with, "
        "cooperates_with, hosts_forces, funds, invests_in, lends_to, trades_with, mediates, "
        "negotiates_with, consults, monitors, withdraws_from, pressures, opposes, "
        "protests_against, sanctions, threatens, fights\n"
    )


def test_gml_repeated_edges_join_and_bad_gml_says_where(runner, tmp_path):
    path = tmp_path / "blogs.gml"
    path.write_text(
        'graph [\n  directed 1\n  node [ id 1 label "left.example" value 0 ]\n'
        '  node [ id 2 label "right&amp;co" graphics [ x 1.5 ] ]\n'
        "  edge [ source 1 target 2 ]\n  edge [ source 1 target 2 ]\n]\n"
    )
    assert _import(runner, path, *FLAGS).output == (
        "note: 1 tie restates a tie read before (same actors, type and dates): each is kept as "
        "further evidence of it; map the columns that tell them apart (e.g. dates) to keep them "
        f"as ties of their own\nwrote {path}.yaml (2 actors, 1 relation)\n"
    )
    graph = read_graph(f"{path}.yaml")
    assert [e.element for e in graph.relations[0].evidence] == ["#1", "#2"]
    assert dict(graph.actor("right&co").attributes) == {"graphics_x": 1.5}
    path.write_text("graph [\n  node [ id 1 ]\n  ]\n]\n")
    assert _import(runner, path, "--force").stderr == (
        f"Error: 1 problem found\n{path}:4: not GML: a ']' closes nothing\n"
    )


def test_pandas_unnamed_index_column_gets_a_name(runner, tmp_path):
    path = tmp_path / "florentine.csv"
    path.write_text(",source,target,weight\n0,Acciaiuoli,Medici,1\n")
    assert _import(runner, path, *FLAGS).exit_code == 0
    [tie] = read_graph(f"{path}.yaml").relations
    assert dict(tie.attributes) == {"column_1": 0, "weight": 1}


YED = """\
<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/graphml">
  <key for="node" id="d6" yfiles.type="nodegraphics"/>
  <graph edgedefault="directed" id="G">
    <node id="n0"><data key="d6"><y:ShapeNode><y:NodeLabel>Alice</y:NodeLabel></y:ShapeNode>
    </data></node>
    <node id="n1"><data key="d6"><y:ShapeNode><y:NodeLabel>Bob</y:NodeLabel></y:ShapeNode>
    </data></node>
    <edge id="e0" source="n0" target="n1"/>
  </graph>
</graphml>
"""


def test_yed_graphml_labels_become_names(tmp_path):
    path = tmp_path / "yed.graphml"
    path.write_text(YED)
    options = ImportOptions(default_type="leads", default_strength=0.5, default_confidence="low")
    graph = import_file(path, options).graph
    assert [(a.id, a.name, a.attributes) for a in graph.actors] == [
        ("n0", "Alice", ()), ("n1", "Bob", ()),
    ]  # fmt: skip


def test_an_edge_says_its_own_direction(runner, tmp_path):
    path = tmp_path / "mixed.gexf"
    path.write_text(
        GEXF_BAD.replace('value="x"', 'value="1"')
        .replace('defaultedgetype="directed"', 'defaultedgetype="undirected"')
        .replace('target="zz"/>', 'target="b" type="directed"/>\n      <edge id="e2" source="b" '
                 'target="a"/>')
    )  # fmt: skip
    result = _import(runner, path, "--default-type", "leads", *FLAGS[2:])
    assert result.stderr == (
        f"Error: 1 problem found\n{path}:13: edge 'e2': 1 undirected tie has type 'leads', "
        "which runs one way; give a symmetric type (member_of, allied_with, cooperates_with, "
        "trades_with, negotiates_with, consults, fights)\n"
    )


def test_names_in_any_script_make_readable_ids_and_messages_name_them(runner, tmp_path):
    # Regression (user trial): 'Łukaszenka' became 'ukaszenka', Путин and 習近平 'actor',
    # 'actor-2', and messages then named actors by those ids alone.
    table = tmp_path / "names.csv"
    table.write_text("source,target\nŁukaszenka,Путин\n習近平,Ελλάδα\n★,Путин\n", encoding="utf-8")
    args = ["import", str(table), "-o", str(tmp_path / "n.yaml"), "--default-type", "allied_with"]
    args += ["--default-kind", "person", "--default-strength", "0.5", "--default-confidence", "low"]
    result = runner.invoke(cli, args)
    assert result.output.splitlines() == [
        "note: '★' has no letter or digit to make an id of: it is actor",
        f"wrote {tmp_path / 'n.yaml'} (5 actors, 3 relations)",
    ]
    graph = read_graph(tmp_path / "n.yaml")
    assert [a.id for a in graph.actors] == ["lukaszenka", "putin", "xijinping", "ellada", "actor"]
    no_path = runner.invoke(cli, ["path", "-g", str(tmp_path / "n.yaml"), "xijinping", "путин"])
    assert no_path.stderr == "Error: no influence path from xijinping (習近平) to putin (Путин)\n"
    miss = runner.invoke(cli, ["show", "-g", str(tmp_path / "n.yaml"), "Lukashenka"])
    assert "did you mean 'lukaszenka' (Łukaszenka)?" in miss.output


def test_one_mistake_in_many_rows_is_one_line(runner, tmp_path):
    # Regression (user trial): a missing --type-map printed 1,041 identical lines.
    table = tmp_path / "t.csv"
    table.write_text("source,target,flag\n" + "a,b,0\n" * 6 + "a,c,1\n", encoding="utf-8")
    args = ["import", str(table), "-o", str(tmp_path / "t.yaml"), "--type-from", "flag"]
    args += ["--type-map", "1=allied_with", "--default-kind", "state", "--default-strength", "1"]
    result = runner.invoke(cli, [*args, "--default-confidence", "low"])
    assert result.exit_code == 2
    assert result.output == (
        "Error: 6 problems found\n"
        f"{table}:2: flag is '0', which no --type-map names; add --type-map 0=TYPE "
        "(the same at 3, 4, 5 and 2 more)\n"
    )


def test_gexf_dates_become_since_and_until_and_a_bad_colour_is_refused(runner, tmp_path):
    # Regression (user trial): viz r="300" became '#12c0000'; edge start/end were ignored.
    gexf = tmp_path / "dyn.gexf"
    body = (
        '<gexf xmlns="http://www.gexf.net/1.2draft" xmlns:viz="http://www.gexf.net/1.2draft/viz" '
        'version="1.2"><graph defaultedgetype="undirected" mode="dynamic" timeformat="date">\n'
        '<nodes><node id="a" label="A"><viz:color r="{r}" g="0" b="0"/></node>'
        '<node id="b" label="B"/></nodes>\n<edges>'
        '<edge id="e1" source="a" target="b" start="2001-02-03" end="2000-01-01"/>'
        '<edge id="e2" source="b" target="a" start="2005-02-03"/></edges></graph></gexf>\n'
    )
    gexf.write_text(body.format(r=300), encoding="utf-8")
    args = ["import", str(gexf), "-o", str(tmp_path / "d.yaml"), "--default-kind", "state",
            "--default-type", "allied_with", "--default-strength", "0.5",
            "--default-confidence", "low", "--undirected"]  # fmt: skip
    refused = runner.invoke(cli, args)
    assert refused.stderr == (
        f"Error: 1 problem found\n{gexf}:2: node 'a': viz colour r='300', g='0', b='0' is not a "
        "colour (r, g and b from 0 to 255, or hex #rrggbb); fix it, or remove the <viz:color> "
        "element\n"
    )
    gexf.write_text(body.format(r=200), encoding="utf-8")
    result = runner.invoke(cli, args)
    assert result.output.splitlines()[0] == (
        "note: edge 'e1': ends (2000-01-01) before it starts (2001-02-03); left out"
    )
    [tie] = read_graph(tmp_path / "d.yaml").relations
    assert (tie.since, tie.until) == ("2005-02-03", None)
    assert dict(read_graph(tmp_path / "d.yaml").actor("a").attributes)["viz_color"] == "#c80000"


def test_a_formula_saved_without_its_value_is_named_as_such(runner, tmp_path):
    # Regression (user trial): '=0.2+0.3' never computed said "strength must be a number,
    # not nothing (null)".
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "relations"
    sheet.append(["source", "target", "type", "strength", "confidence", "note"])
    sheet.append(["a", "b", "allied_with", "=0.2+0.3", "low", None])
    sheet.append(["a", "c", "allied_with", 0.4, "low", None])
    book.save(tmp_path / "f.xlsx")
    args = ["import", str(tmp_path / "f.xlsx"), "-o", str(tmp_path / "f.yaml")]
    result = runner.invoke(cli, [*args, "--default-kind", "state"])
    assert result.exit_code == 2
    assert result.stderr == (
        f"Error: 1 problem found\n{tmp_path / 'f.xlsx'}:2: sheet 'relations', cell D2: the "
        "formula '=0.2+0.3' has no saved value (actorgraph never runs formulas); open the "
        "workbook in a spreadsheet program and save it, or type the value\n"
    )
