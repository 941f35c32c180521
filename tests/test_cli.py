"""The command line, driven through click's CliRunner as a user would."""

from __future__ import annotations

import json
import textwrap

import pytest

from actorgraph.cli import cli
from conftest import SMALL


def test_every_command_has_help(runner):
    for name, command in cli.commands.items():
        assert command.help, f"{name} has no help text"
        result = runner.invoke(cli, [name, "--help"])
        assert result.exit_code == 0, name
        assert result.output.startswith(f"Usage: cli {name} ")


def test_version(runner):
    result = runner.invoke(cli, ["--version"])
    assert result.exit_code == 0
    assert "version" in result.output


# -- validate ------------------------------------------------------------------


def test_validate_default_graph_is_clean(runner, in_project):
    result = runner.invoke(cli, ["validate"])
    assert result.exit_code == 0
    assert result.output == "graph/belarus-2022.yaml: ok (21 actors, 55 relations)\n"


def test_validate_lists_every_problem_and_exits_2(runner, write):
    broken = write(
        SMALL.replace("{id: c, name: Gamma", "{id: a, name: Gamma").replace(
            "target: a\n    strength: 0.9", "target: alpah\n    strength: 0.9"
        )
    )
    result = runner.invoke(cli, ["validate", str(broken)])
    assert result.exit_code == 2
    assert result.stdout == (
        f"{broken}:7: duplicate actor id 'a'; first defined on line 5\n"
        f"{broken}:11: unknown second actor (target) 'alpah'; did you mean 'a'? "
        "known actors: a, b\n"
        f"{broken}:16: unknown first actor (source) 'c'; known actors: a, b\n"
    )
    assert result.stderr == "Error: 3 problems in 1 file\n"


def test_validate_several_files(runner, write):
    good, bad = write(SMALL, "good.yaml"), write("title: x\n", "bad.yaml")
    result = runner.invoke(cli, ["validate", str(good), str(bad)])
    assert result.exit_code == 2
    assert result.stdout == (
        f"{good}: ok (3 actors, 2 relations)\n"
        f"{bad}:1: the graph is missing 'actors'\n"
        f"{bad}:1: the graph is missing 'relations'\n"
    )
    assert result.stderr == "Error: 2 problems in 1 file\n"


def test_no_graph_folder_is_a_usage_error(runner, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(cli, ["validate"])
    assert result.exit_code == 2
    assert "no graph files in graph/" in result.stderr


# -- render --------------------------------------------------------------------


def test_render_writes_every_graph_to_output(runner, in_project):
    result = runner.invoke(cli, ["render"])
    assert result.exit_code == 0, result.output
    assert result.output == "wrote output/belarus-2022.html (21 actors, 55 relations)\n"
    page = (in_project / "output" / "belarus-2022.html").read_text()
    assert page.startswith("<!DOCTYPE html>")
    assert not list((in_project / "output").glob(".*.tmp"))


def test_render_to_named_file_and_folder(runner, write, tmp_path):
    graph = write(SMALL)
    result = runner.invoke(cli, ["render", str(graph), "-o", str(tmp_path / "x" / "page.html")])
    assert result.exit_code == 0
    assert (tmp_path / "x" / "page.html").is_file()
    result = runner.invoke(cli, ["render", str(graph), "-o", str(tmp_path / "pages")])
    assert result.output == f"wrote {tmp_path / 'pages' / 'g.html'} (3 actors, 2 relations)\n"


def test_render_one_file_for_several_graphs_is_refused(runner, write, tmp_path):
    one, two = write(SMALL, "one.yaml"), write(SMALL, "two.yaml")
    result = runner.invoke(cli, ["render", str(one), str(two), "-o", str(tmp_path / "a.html")])
    assert result.exit_code == 2
    assert "-o names one file but several graphs were given" in result.stderr


def test_render_broken_graph_keeps_the_old_page(runner, write, tmp_path):
    target = tmp_path / "page.html"
    target.write_text("old page")
    broken = write("title: x\n")
    result = runner.invoke(cli, ["render", str(broken), "-o", str(target)])
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: 2 problems found\n"
        f"{broken}:1: the graph is missing 'actors'\n"
        f"{broken}:1: the graph is missing 'relations'\n"
    )
    assert target.read_text() == "old page"


def test_render_to_a_folder_path_ending_in_html_or_unwritable(runner, write, tmp_path):
    (tmp_path / "dir.html").mkdir()
    result = runner.invoke(cli, ["render", str(write(SMALL)), "-o", str(tmp_path / "dir.html")])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: {tmp_path / 'dir.html'} is a folder")
    blocker = tmp_path / "file"
    blocker.write_text("")
    result = runner.invoke(cli, ["render", str(write(SMALL)), "-o", str(blocker / "p.html")])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"Error: cannot write {blocker / 'p.html'}")


# -- path ----------------------------------------------------------------------

SMALL_PATH_TEXT = """\
BETA → GAMMA: 1 path, following influence

1. BETA → ALPHA → GAMMA
   2 hops · strength 0.72 · weakest link ALPHA → GAMMA (0.8)
   [1] BETA → ALPHA: BETA moves ALPHA
       BETA leads ALPHA · strength 0.9 · confidence high
       evidence: s ¶1: Beta heads Alpha.
   [2] ALPHA → GAMMA: ALPHA moves GAMMA, against the arrow
       GAMMA part of ALPHA · strength 0.8 · confidence medium · 2020–…
       evidence: s ¶2: Gamma belongs to Alpha.
"""


def test_path_text_is_explained_hop_by_hop(runner, write):
    text = SMALL.replace("Alpha,", "ALPHA,").replace("Beta,", "BETA,").replace("Gamma,", "GAMMA,")
    text = text.replace("    confidence: medium\n", "    confidence: medium\n    since: 2020\n")
    graph = write(text)
    result = runner.invoke(cli, ["path", "beta", "gamma", "-g", str(graph)])
    assert result.exit_code == 0, result.output
    assert result.output == SMALL_PATH_TEXT


def test_path_uses_the_environment_variable(runner, write, monkeypatch):
    monkeypatch.setenv("ACTORGRAPH_GRAPH", str(write(SMALL)))
    result = runner.invoke(cli, ["path", "gamma", "first", "--format", "json"])
    assert result.exit_code == 1
    assert result.stderr == "Error: no influence path from c (Gamma) to a (Alpha)\n"


def test_path_json_parses(runner, in_project):
    result = runner.invoke(
        cli, ["path", "china", "belarusian military", "--k", "3", "--format", "json"]
    )
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert (data["source"], data["target"], data["follow"]) == (
        "china",
        "belarusian-military",
        "influence",
    )
    assert len(data["paths"]) == 3
    for found in data["paths"]:
        assert found["actors"][0] == "china" and found["actors"][-1] == "belarusian-military"
        assert all(hop["relation"]["evidence"] for hop in found["hops"])


def test_path_on_the_seed_graph_has_evidence_for_every_hop(runner, in_project):
    result = runner.invoke(cli, ["path", "China", "Belarusian military", "-k", "3"])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0] == "China → Belarusian armed forces: 3 paths, following influence"
    assert "1. China → Belarus → Belarusian armed forces" in lines
    hops = [line for line in lines if line.lstrip().startswith("[")]
    evidence = [line for line in lines if line.lstrip().startswith("evidence:")]
    assert len(hops) == 7 and len(evidence) >= len(hops)


def test_unknown_actor_suggests_names(runner, in_project):
    result = runner.invoke(cli, ["path", "chna", "putin"])
    assert result.exit_code == 2
    assert result.stderr.endswith(
        "Error: Invalid value for 'A': no actor named 'chna'; did you mean 'china'?\n"
    )


def test_same_actor_twice_is_bad_usage(runner, in_project):
    result = runner.invoke(cli, ["path", "putin", "Vladimir Putin"])
    assert result.exit_code == 2
    assert "A and B are the same actor" in result.stderr


def test_several_graphs_need_a_choice(runner, in_project):
    (in_project / "graph" / "other.yaml").write_text(SMALL)
    result = runner.invoke(cli, ["actors"])
    assert result.exit_code == 2
    assert result.stderr.endswith(
        "Error: several graphs in graph/ (graph/belarus-2022.yaml, graph/other.yaml); "
        "pick one with -g/--graph\n"
    )


def test_broken_graph_in_a_query_command(runner, write):
    result = runner.invoke(cli, ["show", "a", "-g", str(write("title: [\n"))])
    assert result.exit_code == 2
    assert "not valid YAML" in result.stderr
    assert "Traceback" not in result.output


# -- show and actors -------------------------------------------------------------


def test_show_text(runner, write):
    result = runner.invoke(cli, ["show", "ALPHA", "-g", str(write(SMALL))])
    assert result.exit_code == 0
    assert result.output == textwrap.dedent("""\
        Alpha (a) · State
        Also known as: First

        Out (0):

        In (2):
          Beta leads Alpha · strength 0.9 · confidence high
              evidence: s ¶1: Beta heads Alpha.
          Gamma part of Alpha · strength 0.8 · confidence medium
              evidence: s ¶2: Gamma belongs to Alpha.
        """)


def test_show_json(runner, in_project):
    result = runner.invoke(cli, ["show", "xie-xiaoyong", "--format", "json"])
    data = json.loads(result.output)
    assert data["name"] == "Xie Xiaoyong"
    assert [r["type"] for r in data["out"]] == ["represents"]
    assert [r["source"] for r in data["in"]] == ["lukashenko"]


def test_actors_table(runner, write):
    result = runner.invoke(cli, ["actors", "-g", str(write(SMALL)), "--sort", "degree"])
    assert result.exit_code == 0
    assert result.output == textwrap.dedent("""\
        id  name   kind      in  out
        --  -----  --------  --  ---
        a   Alpha  state      2    0
        b   Beta   person     0    1
        c   Gamma  military   0    1
        """)


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [
        (
            "csv",
            "id,name,kind,in,out,degree\nc,Gamma,military,0,1,1\nb,Beta,person,0,1,1\n"
            "a,Alpha,state,2,0,2\n",
        ),
        ("json", None),
    ],
)
def test_actors_csv_and_json(runner, write, fmt, expected):
    result = runner.invoke(
        cli, ["actors", "-g", str(write(SMALL)), "--sort", "kind", "--format", fmt]
    )
    assert result.exit_code == 0
    if expected:
        assert result.output == expected
    else:
        assert [row["id"] for row in json.loads(result.output)] == ["c", "b", "a"]


def test_python_dash_m_runs_the_cli(in_project):
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-m", "actorgraph", "validate"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (result.returncode, result.stdout) == (
        0,
        "graph/belarus-2022.yaml: ok (21 actors, 55 relations)\n",
    )


@pytest.mark.parametrize("command", [["validate"], ["path", "china", "putin"], ["show", "eu"]])
def test_query_commands_do_not_import_the_renderer(in_project, command):
    import subprocess
    import sys

    probe = (
        "import sys\nfrom actorgraph.cli import cli\n"
        f"try:\n    cli({command!r})\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('pyvis', 'IPython', 'jinja2') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=False
    )
    assert result.stdout.splitlines()[-1] == "[]"


# -- questions: path options, analyze, whatif, as-of -------------------------------


def test_path_options_restrict_and_rank(runner, in_project):
    result = runner.invoke(
        cli,
        [
            "path",
            "china",
            "belarusian military",
            "--format",
            "json",
            "--exclude-types",
            "invests_in,trades_with",
        ],
    )
    assert result.exit_code == 0
    [found] = json.loads(result.output)["paths"]
    assert found["actors"] == ["china", "lukashenko", "belarusian-military"]
    result = runner.invoke(
        cli, ["path", "china", "belarusian military", "--format", "json", "--kinds", "person"]
    )
    assert json.loads(result.output)["paths"][0]["actors"] == [
        "china",
        "lukashenko",
        "belarusian-military",
    ]
    result = runner.invoke(
        cli,
        ["path", "china", "belarusian military", "--all", "--max-hops", "3", "--format", "json"],
    )
    paths = json.loads(result.output)["paths"]
    assert len(paths) > 3 and all(p["length"] <= 3 for p in paths)
    result = runner.invoke(
        cli,
        [
            "path",
            "china",
            "belarusian military",
            "--weight",
            "strength",
            "--min-confidence",
            "high",
            "--format",
            "json",
        ],
    )
    strongest = json.loads(result.output)["paths"][0]
    assert all(h["relation"]["confidence"] == "high" for h in strongest["hops"])


def test_path_with_unknown_type_is_a_usage_error(runner, in_project):
    result = runner.invoke(cli, ["path", "china", "putin", "--types", "bribes"])
    assert result.exit_code == 2
    assert "unknown relation type 'bribes'" in result.stderr


def test_as_of_answers_for_a_date(runner, in_project):
    now = runner.invoke(cli, ["path", "china", "belarusian military", "-k", "3"])
    before = runner.invoke(
        cli, ["path", "china", "belarusian military", "-k", "3", "--as-of", "2021"]
    )
    assert before.exit_code == 0
    assert before.output.splitlines()[0] == (
        "China → Belarusian armed forces: 3 paths, following influence, as of 2021"
    )
    assert "courts" in now.output and "courts" not in before.output
    actors = runner.invoke(cli, ["actors", "--as-of", "2021", "--format", "json"])
    assert {r["id"]: r["degree"] for r in json.loads(actors.output)}["xie-xiaoyong"] == 1
    bad = runner.invoke(cli, ["show", "china", "--as-of", "March"])
    assert bad.exit_code == 2
    assert "invalid date 'March'" in bad.stderr


def test_analyze_json_names_brokers_and_dependencies(runner, in_project):
    result = runner.invoke(cli, ["analyze", "--format", "json", "--actor", "lukashenko"])
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert data["brokers"][:2] == ["belarus", "lukashenko"]
    [deps] = data["dependencies"]
    assert deps["actor"] == "lukashenko"
    assert deps["direct"][0] == {"actor": "putin", "type": "controls", "strength": 0.9}
    assert data["actors"][0]["id"] == "lukashenko"
    assert data["balance"] == {"balanced": 22, "unbalanced": 0}


def test_analyze_csv_and_markdown(runner, in_project):
    result = runner.invoke(
        cli, ["analyze", "--format", "csv", "--top", "2", "--metric", "betweenness"]
    )
    assert result.output.splitlines() == [
        "id,name,kind,rank,betweenness,reach,reached_by,moves,moved_by,out_strength,in_strength",
        "belarus,Belarus,state,0.676301,0.381009,11,19,5,8,3.2,5.15",
        "lukashenko,Aleksandr Lukashenko,person,1.0,0.298772,16,10,7,6,4.3,3.85",
    ]
    markdown = runner.invoke(cli, ["analyze", "--format", "markdown", "--top", "3"]).output
    assert "## Key actors by rank\n| id | name | kind | rank |" in markdown


def test_whatif_needs_something_to_remove(runner, in_project):
    result = runner.invoke(cli, ["whatif"])
    assert result.exit_code == 2
    assert "name something to take out with --remove or --cut" in result.stderr
    result = runner.invoke(cli, ["whatif", "--cut", "putin:funds:lukashenko"])
    assert result.exit_code == 2
    assert "no funds tie from putin to lukashenko" in result.stderr


def test_whatif_json(runner, in_project):
    result = runner.invoke(cli, ["whatif", "--remove", "russia", "--format", "json"])
    assert result.exit_code == 0
    data = json.loads(result.output)
    assert data["removed"] == ["russia"]
    assert "retired-military" in data["cut_off"]
    assert {"source", "target", "before", "after"} == set(data["broken"][0])


def test_every_command_that_answers_offers_json(runner):
    """One --format vocabulary: text and json everywhere an answer is printed."""
    for name, command in cli.commands.items():
        if name == "schema":  # prints the JSON Schema itself
            continue
        [option] = [p for p in command.params if p.name == "output_format"]
        assert {"text", "json"} <= set(option.type.choices), name
        assert option.default == "text", name


def test_commands_that_write_files_summarise_them_as_json(runner, in_project):
    result = runner.invoke(cli, ["render", "--format", "json", "-o", "output"])
    assert result.exit_code == 0, result.output
    [page] = json.loads(result.output)["written"]
    assert page == {"file": "output/belarus-2022.html", "actors": 21, "relations": 55}
    result = runner.invoke(cli, ["validate", "--format", "json"])
    assert json.loads(result.output) == [
        {
            "ok": True,
            "file": "graph/belarus-2022.yaml",
            "actors": 21,
            "relations": 55,
            "proposed": 0,
            "rejected": 0,
        }
    ]
    result = runner.invoke(cli, ["export", "--to", "dot", "--format", "json"])
    assert json.loads(result.output) == {"written": ["output/belarus-2022.dot"]}


def test_render_and_validate_take_graphs_with_g_as_the_query_commands_do(runner, in_project):
    # Regression (user trial): `render -g FILE` said "No such option '-g'".
    result = runner.invoke(cli, ["validate", "-g", "graph/belarus-2022.yaml"])
    assert result.output == "graph/belarus-2022.yaml: ok (21 actors, 55 relations)\n"
    result = runner.invoke(cli, ["render", "-g", "graph/belarus-2022.yaml", "-o", "b.html"])
    assert result.output == "wrote b.html (21 actors, 55 relations)\n"
