"""Graphs as JSON (the compiled store is tested in test_store.py)."""

from __future__ import annotations

import json

import pytest

from actorgraph import parse_graph, read_graph, validate_file
from actorgraph.cli import cli
from actorgraph.io import load as loader
from actorgraph.io.load import find_graph_files, format_graph, graph_to_data
from conftest import SEED, SMALL


def as_json(graph, indent=None) -> str:
    return json.dumps(graph_to_data(graph), indent=indent)


def test_json_and_yaml_give_the_same_graph(tmp_path):
    seed = read_graph(SEED)
    path = tmp_path / "seed.json"
    path.write_text(as_json(seed, indent=2))
    again = read_graph(path)
    assert again == seed
    assert again.actors[0].line is None  # the fast JSON reader keeps no lines
    assert parse_graph(format_graph(seed)) == seed


def test_json_problems_are_reported_by_line(tmp_path):
    data = graph_to_data(parse_graph(SMALL))
    data["relations"][1]["target"] = "alfa"
    data["relations"][0]["strength"] = 3
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(data, indent=2))
    text = path.read_text().splitlines()
    target_line = next(i for i, line in enumerate(text, 1) if '"alfa"' in line)
    strength_line = next(i for i, line in enumerate(text, 1) if '"strength": 3' in line)
    assert [str(p) for p in validate_file(path)] == [
        f"{path}:{strength_line}: strength must be between 0 and 1, got 3",
        f"{path}:{target_line}: unknown second actor (target) 'alfa'; did you mean 'a'? "
        "known actors: a, b, c",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"title": "x",\n  "actors": [,]}', "g.json:2: not valid JSON: Expecting value"),
        ("", "g.json:1: not valid JSON: Expecting value"),
        (
            '{"title": "x", "actors": [], "relations": [],\n "title": "y"}',
            "g.json:2: duplicate key 'title'; it is already set on line 1; keep one",
        ),
        (
            "[1, 2]",
            "g.json:1: the file holds a list, not a graph; "
            "start with 'title:', 'actors:', 'relations:'",
        ),
    ],
)
def test_broken_json(text, expected):
    assert [str(p) for p in loader.validate_text(text, "g.json")] == [expected]


def test_json_graphs_are_found_and_queried(runner, tmp_path, monkeypatch):
    (tmp_path / "graph").mkdir()
    (tmp_path / "graph" / "small.json").write_text(as_json(parse_graph(SMALL)))
    monkeypatch.chdir(tmp_path)
    assert [p.name for p in find_graph_files("graph")] == ["small.json"]
    result = runner.invoke(cli, ["path", "beta", "gamma", "--format", "json"])
    assert result.exit_code == 0
    assert json.loads(result.output)["paths"][0]["actors"] == ["b", "a", "c"]


def test_oversized_yaml_is_refused_with_a_hint(tmp_path, monkeypatch):
    monkeypatch.setitem(loader.MAX_FILE_BYTES, "yaml", 10)
    path = tmp_path / "g.yaml"
    path.write_text(SMALL)
    assert [str(p) for p in validate_file(path)] == [
        f"{path}: file is 0 MiB; YAML graph files over 0 MiB are refused; save big graphs as JSON"
    ]
