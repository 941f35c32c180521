"""Hostile graphs for pictures and analyses (issue 12, items 6 and 7): names that
matplotlib would read as math, names a megabyte long, more kinds than a legend can
hold, ties of strength 5e-324."""

from __future__ import annotations

import dataclasses
import re

import pytest

from actorgraph.cli import cli
from actorgraph.io.load import read_graph
from actorgraph.model import Actor
from actorgraph.outputs.render.picture import MAX_LABEL, MAX_LEGEND, picture, shorten
from actorgraph.questions.analysis import influence_rank
from actorgraph.vocabulary import ActorKind
from conftest import SEED


def renamed(graph, actor_id: str, name: str):
    actors = tuple(
        dataclasses.replace(a, name=name) if a.id == actor_id else a for a in graph.actors
    )
    return dataclasses.replace(graph, actors=actors)


@pytest.fixture(scope="module")
def seed():
    return read_graph(SEED)


@pytest.mark.parametrize("to", ["svg", "png"])
def test_dollar_signs_are_drawn_as_written(seed, to):
    name = r"Vladimir $\frac{1}{0}$ Putin $x^{$"
    drawn = picture(renamed(seed, "putin", name), to)
    if to == "svg":
        assert rb"Vladimir $\frac{1}{0}$ Putin $x^{$" in drawn
    else:
        assert drawn.startswith(b"\x89PNG")


def test_a_latex_setting_outside_never_reaches_graph_text(seed):
    import matplotlib

    with matplotlib.rc_context({"text.usetex": True}):
        drawn = picture(renamed(seed, "putin", r"\input{/etc/passwd} $x$"), "svg")
    assert rb"\input{/etc/passwd} $x$" in drawn


def test_a_megabyte_name_is_cut_in_the_picture_and_kept_in_the_data(seed):
    graph = renamed(seed, "putin", "Putin " + "x" * 2**20)
    drawn = picture(graph, "svg")
    label = shorten(graph.actor("putin").name, MAX_LABEL)
    assert len(label) == MAX_LABEL and label.endswith("…")
    assert label.encode() in drawn
    assert len(drawn) < 200_000  # the megabyte is not in it
    assert len(graph.actor("putin").name) == 2**20 + 6


def test_the_legend_names_at_most_its_share_of_kinds(seed):
    kinds = [ActorKind(f"kind-{i}", f"Kind {i}") for i in range(MAX_LEGEND + 6)]
    vocabulary = seed.vocabulary.extended(kinds, [])
    actors = tuple(
        dataclasses.replace(a, kind=kinds[i % len(kinds)].id) for i, a in enumerate(seed.actors)
    ) + tuple(Actor(f"extra-{i}", f"Extra {i}", kinds[i].id) for i in range(len(kinds)))
    drawn = picture(dataclasses.replace(seed, actors=actors, vocabulary=vocabulary), "svg")
    assert b"and 6 more kinds" in drawn
    assert f"Kind {MAX_LEGEND - 1}<".encode() in drawn
    assert f"Kind {MAX_LEGEND}<".encode() not in drawn


def test_many_ties_are_drawn_as_lines(tmp_path):
    from actorgraph.io.synthetic import synthetic_graph

    graph = synthetic_graph(600)
    assert len(graph.relations) > 1000
    assert picture(graph, "svg").lstrip().startswith(b"<?xml")


def with_strength(graph, strength: float):
    return dataclasses.replace(
        graph, relations=tuple(dataclasses.replace(r, strength=strength) for r in graph.relations)
    )


def test_subnormal_strengths_rank_as_any_equal_strengths_do(seed):
    from actorgraph.network import collapsed_influence

    tiny = influence_rank(collapsed_influence(with_strength(seed, 5e-324)))
    even = influence_rank(collapsed_influence(with_strength(seed, 0.5)))
    assert tiny.keys() == even.keys()
    assert all(tiny[a] == pytest.approx(even[a], abs=1e-9) for a in even)


@pytest.mark.parametrize(
    "command",
    [
        ["analyze", "--top", "3"],
        ["whatif", "--remove", "putin"],
        ["render", "-o", "{tmp}/g.svg"],
        ["report", "-o", "{tmp}/r.md"],
    ],
)
def test_a_strength_of_5e_324_answers_everywhere(tmp_path, runner, command):
    # every tie that small: networkx's own PageRank divides by a subnormal total
    text = re.sub(r"strength: [0-9.]+\n", "strength: 5.0e-324\n", SEED.read_text())
    assert text.count("5.0e-324") > 50
    graph_file = tmp_path / "tiny.yaml"
    graph_file.write_text(text)
    args = [part.format(tmp=tmp_path) for part in command]
    if command[0] == "render":
        args.insert(1, str(graph_file))
    else:
        args += ["-g", str(graph_file)]
    result = runner.invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
