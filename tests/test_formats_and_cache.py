"""Graphs as JSON, and the compiled cache that makes big ones start fast."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from actorgraph import GraphFileError, parse_graph, read_graph, validate_file
from actorgraph.cli import cli
from actorgraph.io import cache as compiled
from actorgraph.io import load as loader
from actorgraph.io.load import find_graph_files, format_graph, graph_to_data
from actorgraph.io.synthetic import synthetic_graph
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


@pytest.fixture
def big(tmp_path) -> Path:
    path = tmp_path / "big.json"
    path.write_text(as_json(synthetic_graph(1500)))
    return path


def entries() -> list[Path]:
    return sorted(Path(os.environ["ACTORGRAPH_CACHE_DIR"]).glob("*.pickle"))


def test_big_graph_is_cached_once_and_then_read_from_the_cache(big, monkeypatch):
    first = read_graph(big)
    [entry] = entries()
    assert entry.stem == compiled.cache_key(big.read_bytes())

    def no_parsing(*_args, **_kwargs):
        raise AssertionError("parsed although cached")

    monkeypatch.setattr(loader, "parse_graph", no_parsing)
    second = read_graph(big)
    assert second == first and second.path == str(big)


def test_corrupt_or_foreign_entries_are_rebuilt(big):
    graph = read_graph(big)
    [entry] = entries()
    blob = bytearray(entry.read_bytes())
    blob[-10] ^= 0xFF
    entry.write_bytes(bytes(blob))
    assert compiled.load(entry.stem) is None
    assert read_graph(big) == graph
    assert compiled.load(entry.stem) == graph  # rewritten
    entry.write_bytes(b"not a cache at all")
    assert read_graph(big) == graph


def test_old_entries_are_pruned(tmp_path, monkeypatch):
    monkeypatch.setattr(compiled, "MAX_ENTRIES", 3)
    for n in range(5):
        path = tmp_path / f"g{n}.yaml"
        path.write_text(SMALL.replace("title: Small", f"title: Small {n}"))
        read_graph(path)
    assert len(entries()) == 3


def test_edited_file_gets_a_new_entry_and_no_cache_writes_none(big, runner):
    read_graph(big)
    data = json.loads(big.read_text())
    data["title"] = "Edited"
    big.write_text(json.dumps(data))
    assert read_graph(big).title == "Edited"
    assert len(entries()) == 2
    big.write_text(json.dumps({**data, "title": "Again"}))
    result = runner.invoke(cli, ["actors", "-g", str(big), "--no-cache", "--format", "csv"])
    assert result.exit_code == 0
    assert len(entries()) == 2


def test_broken_big_file_is_never_cached(tmp_path):
    path = tmp_path / "broken.json"
    data = graph_to_data(synthetic_graph(1500))
    data["relations"][5]["type"] = "befriends"
    path.write_text(json.dumps(data))
    with pytest.raises(GraphFileError, match="unknown relation type 'befriends'"):
        read_graph(path)
    assert entries() == []


def test_oversized_yaml_is_refused_with_a_hint(tmp_path, monkeypatch):
    monkeypatch.setitem(loader.MAX_FILE_BYTES, "yaml", 10)
    path = tmp_path / "g.yaml"
    path.write_text(SMALL)
    assert [str(p) for p in validate_file(path)] == [
        f"{path}: file is 0 MiB; YAML graph files over 0 MiB are refused; save big graphs as JSON"
    ]
