"""Large pages: results kept beside the store (blocs, ranks, bloc layout) and bloc parts."""

from __future__ import annotations

import json
import os
import zlib
from pathlib import Path

import pytest

from actorgraph import read_graph
from actorgraph.io import derived
from actorgraph.io.load import format_graph
from actorgraph.io.synthetic import synthetic_graph
from actorgraph.outputs.render import data as page_data
from actorgraph.questions import analysis


def kept() -> list[Path]:
    return sorted(Path(os.environ["ACTORGRAPH_CACHE_DIR"]).glob("derived-*.json"))


@pytest.fixture
def graph_file(tmp_path) -> Path:
    path = tmp_path / "g.yaml"
    path.write_text(format_graph(synthetic_graph(300, ties_per_actor=3)), encoding="utf-8")
    return path


def test_blocs_are_the_last_level_of_the_same_seeded_louvain_run(graph_file):
    import networkx as nx

    graph = read_graph(graph_file, cache=False)
    cooperative = nx.Graph()
    for pair, sign in analysis.signed_ties(graph).items():
        if sign > 0:
            cooperative.add_edge(*sorted(pair))
    expected = [tuple(sorted(g)) for g in nx.community.louvain_communities(cooperative, seed=42)]
    expected = sorted((g for g in expected if len(g) > 1), key=lambda g: (-len(g), g))
    assert analysis.blocs(graph) == expected
    levels = analysis.bloc_levels(graph)
    final = {a: n for n, g in enumerate(levels[-1]) for a in g}
    assert all(len({final[a] for a in g}) == 1 for g in levels[0])  # finer groups nest


def test_results_are_kept_reused_and_never_trusted_blindly(graph_file, monkeypatch):
    graph = read_graph(graph_file)  # parsed and stored: its results are kept from the start
    first = (analysis.blocs(graph), page_data.importance(graph))
    assert len(kept()) == 2
    calls = []
    real = analysis._louvain_levels
    monkeypatch.setattr(analysis, "_louvain_levels", lambda g: calls.append(1) or real(g))
    again = read_graph(graph_file)  # from the store now
    assert (analysis.blocs(again), page_data.importance(again)) == first
    assert calls == []  # read back, not run again
    entry = next(p for p in kept() if json.loads(p.read_bytes())["key"].find("louvain") > 0)
    damaged = bytearray(entry.read_bytes())
    damaged[-3] ^= 1  # one bit: its check no longer matches
    entry.write_bytes(bytes(damaged))
    assert analysis.blocs(read_graph(graph_file)) == first[0]
    assert calls == [1]
    # a file with the right name and check but another key (planted) is ignored too
    text = json.dumps({"key": "another graph", "value": [[["x", "y"]]]}).encode()
    for path in kept():
        path.unlink()
    stem = entry.name.split(".")[0]
    (entry.parent / f"{stem}.{zlib.crc32(text):08x}.json").write_bytes(text)
    assert analysis.blocs(read_graph(graph_file)) == first[0]
    assert calls == [1, 1]


def test_no_cache_keeps_nothing(graph_file):
    graph = read_graph(graph_file, cache=False)
    analysis.blocs(graph)
    page_data.importance(graph)
    assert kept() == []


def test_a_change_to_the_code_that_computes_a_result_computes_it_again(graph_file, tmp_path):
    graph = read_graph(graph_file)
    code = tmp_path / "code.py"
    code.write_text("one")
    assert derived.remembered(graph, "n", [code], lambda: 1) == 1
    assert derived.remembered(graph, "n", [code], lambda: 2) == 1
    code.write_text("two, longer")
    assert derived.remembered(graph, "n", [code], lambda: 3) == 3
    assert derived.remembered(graph, "n", [code], lambda: 4, parameters={"k": 1}) == 4
    for path in kept():
        assert path.stat().st_mode & 0o777 == 0o600


def test_bloc_parts_are_regions_of_their_bloc_no_bigger_than_the_part_size():
    graph = synthetic_graph(1200, ties_per_actor=3)
    groups = analysis.blocs(graph)
    finest = analysis.bloc_levels(graph)[0]
    positions = page_data.placed_in_blocs(graph, groups)
    parts = page_data.bloc_parts(groups, finest, positions, size=40)
    assert parts and all(len(members) <= 40 for _, members in parts)
    for number, members in enumerate(groups):
        mine = [m for n, m in parts if n == number]
        if len(members) > 40:  # every actor of a big bloc in exactly one of its parts
            assert sorted(a for m in mine for a in m) == sorted(members)
        else:
            assert mine == []
    part_of = {a: n for n, (_, m) in enumerate(parts) for a in m}
    for group in finest:  # Louvain's finest groups are never cut in two
        if len(group) <= 40 and group[0] in part_of:
            assert len({part_of[a] for a in group}) == 1
