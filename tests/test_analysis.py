"""Analyses on small graphs whose answers are worked out by hand in each test."""

from __future__ import annotations

import dataclasses

import pytest

from actorgraph.questions.analysis import (
    analyze,
    blocs,
    dependencies,
    find_relation,
    rank_by,
    signed_ties,
    triads,
    whatif,
)
from test_paths import graph_of

# Influence: a→b, b→c, c→d (d depends on c), a↔e (allies), a→f (a opposes f), e→f.
HAND = (
    "a controls b 0.8",
    "b controls c 0.5",
    "d depends_on c 0.4",
    "e allied_with a 0.6",
    "a opposes f 0.7",
    "e supports f 0.3",
)


@pytest.fixture
def hand():
    return graph_of(*HAND)


def by_id(result):
    return {m.id: m for m in result.actors}


def test_direct_and_reach_counts(hand):
    metrics = by_id(analyze(hand))
    assert (metrics["a"].moves, metrics["a"].moved_by) == (3, 1)  # b, e, f / e
    assert metrics["a"].reach == 4  # b, e, f in one hop; c in two; d is three away
    assert metrics["d"].reached_by == 2  # c, b within two hops
    assert metrics["a"].out_strength == pytest.approx(0.8 + 0.6 + 0.7)
    assert metrics["f"].in_strength == pytest.approx(0.7 + 0.3)


def test_betweenness_names_the_brokers(hand):
    # directed, normalised by (n-1)(n-2) = 20: b lies on a→c, a→d, e→c, e→d;
    # a on e→b, e→c, e→d; c on a→d, b→d, e→d
    result = analyze(hand)
    assert [(m.id, m.betweenness) for m in result.brokers] == [("b", 0.2), ("a", 0.15), ("c", 0.15)]


def test_rank_favours_those_who_move_many(hand):
    ranked = [m.id for m in analyze(hand).actors]
    assert ranked[0] == "a"
    assert ranked[-1] in {"d", "f"}  # move nobody
    assert analyze(hand).actors[0].rank == 1.0


def test_dependencies_and_single_points_of_failure(hand):
    found = dependencies(hand, "D")
    assert found.direct == (("c", "depends_on", 0.4),)
    assert found.transitive == (("c", 1), ("b", 2), ("a", 3), ("e", 4))
    # every path from a, b or e to d passes through c; from a and e through b; from e through a
    assert found.chokepoints == (("c", ("a", "b", "e")), ("b", ("a", "e")), ("a", ("e",)))


def test_mutual_ties_leave_no_single_point_of_failure():
    graph = graph_of("a allied_with b 0.5", "a controls c 0.5", "b controls c 0.5")
    assert dependencies(graph, "c").chokepoints == ()


def test_tensions_follow_heider(hand):
    [triad] = triads(hand)
    assert triad.actors == ("a", "e", "f")
    assert triad.signs == (1, -1, 1)
    assert not triad.balanced
    assert triad.explanation == "E cooperates with both A and F, who are hostile to each other"
    result = analyze(hand)
    assert (len(result.tensions), result.balanced_triads) == (1, 0)


def test_shared_enemy_is_balanced_and_mixed_ties_net_out():
    graph = graph_of(
        "a allied_with b 0.5", "a opposes c 0.5", "b opposes c 0.5", "b supports c 0.2"
    )
    assert signed_ties(graph)[frozenset("bc")] == -1  # 0.2 cooperative - 0.5 hostile
    [triad] = triads(graph)
    assert triad.balanced
    assert triad.explanation == "A and B cooperate and share an adversary in C"


def test_blocs_split_on_hostile_ties():
    graph = graph_of(
        "a allied_with b 0.9",
        "b allied_with c 0.9",
        "a allied_with c 0.9",
        "x allied_with y 0.9",
        "y allied_with z 0.9",
        "x allied_with z 0.9",
        "c opposes x 0.9",
        "q monitors a 0.5",
    )
    assert blocs(graph) == [("a", "b", "c"), ("x", "y", "z")]


def test_whatif_remove_a_broker(hand):
    change = whatif(hand, remove=["b"])
    assert [(c.source, c.target) for c in change.broken] == [
        ("a", "c"),
        ("a", "d"),
        ("e", "c"),
        ("e", "d"),
    ]
    assert change.lengthened == ()
    assert change.cut_off == ()
    assert {r[0] for r in change.deltas()} == {"a", "c", "d", "e", "f"}


def test_whatif_cut_a_tie_lengthens_and_cuts_off():
    graph = graph_of("a controls b 0.5", "b controls c 0.5", "a controls c 0.5", "c controls d 0.5")
    change = whatif(graph, cut=["a:controls:c"])
    assert [(c.source, c.target, c.before, c.after) for c in change.lengthened] == [
        ("a", "c", 1, 2),
        ("a", "d", 2, 3),
    ]
    change = whatif(graph, cut=["c:controls:d"])
    assert change.cut_off == ("d",)


def test_find_relation_errors():
    graph = graph_of("a controls b 0.5")
    assert find_relation(graph, "A:controls:B").key == "a:controls:b"
    with pytest.raises(ValueError, match="name a tie as SOURCE:TYPE:TARGET"):
        find_relation(graph, "a-controls-b")
    with pytest.raises(
        ValueError, match="no funds tie from a to b; the ties from a to b: controls"
    ):
        find_relation(graph, "a:funds:b")
    with pytest.raises(
        ValueError, match="unknown relation type 'contrls' .*did you mean 'controls'"
    ):
        find_relation(graph, "a:contrls:b")


def test_rank_by_rejects_unknown_metric(hand):
    with pytest.raises(ValueError, match="metric must be one of"):
        rank_by(analyze(hand).actors, "fame")


def test_as_of_keeps_actors_and_drops_inactive_ties():
    graph = graph_of("a controls b 0.5", "b controls c 0.5")
    dated = graph.with_relations(
        [dataclasses.replace(graph.relations[0], since="2022-02"), graph.relations[1]]
    )
    assert len(dated.as_of("2022-01").relations) == 1
    assert len(dated.as_of("2022").relations) == 2
    assert len(dated.as_of("2022-01").actors) == 3
    with pytest.raises(ValueError, match="invalid date '2022-13'"):
        dated.as_of("2022-13")


def test_results_are_deterministic():
    first = analyze(graph_of(*HAND)).to_dict()
    assert analyze(graph_of(*HAND)).to_dict() == first
