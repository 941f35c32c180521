"""Properties of path and what-if answers over generated graphs (Hypothesis)."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from actorgraph import NoPath, find_paths, parse_graph
from actorgraph.questions.analysis import whatif
from actorgraph.vocabulary import BUILTIN

ACTORS = list("abcdefg")
TYPES = sorted(BUILTIN.relation_types)


@st.composite
def graphs(draw):
    pairs = [(s, t) for s, t in itertools.permutations(ACTORS, 2)]
    chosen = draw(st.lists(st.sampled_from(pairs), min_size=1, max_size=18))
    lines = []
    for index, (source, target) in enumerate(chosen):
        rtype = draw(st.sampled_from(TYPES))
        strength = draw(st.sampled_from([0.1, 0.3, 0.5, 0.8, 1.0]))
        confidence = draw(st.sampled_from(["low", "medium", "high"]))
        lines.append(
            f"  - {{source: {source}, type: {rtype}, target: {target}, strength: {strength}, "
            f"confidence: {confidence}, since: {2000 + index}, "
            f"evidence: [{{source: s, paragraph: {index + 1}, claim: tie {index}}}]}}"
        )
    actors = "\n".join(f"  - {{id: {a}, name: Actor {a}, kind: state}}" for a in ACTORS)
    text = (
        f"title: generated\nsources: [{{id: s, title: S}}]\nactors:\n{actors}\n"
        "relations:\n" + "\n".join(lines) + "\n"
    )
    return parse_graph(text, "generated.yaml")


ends = st.tuples(st.sampled_from(ACTORS), st.sampled_from(ACTORS)).filter(lambda p: p[0] != p[1])


def hops_or_none(graph, source, target, **options):
    try:
        return len(find_paths(graph, source, target, **options)[0].hops)
    except NoPath:
        return None


@settings(max_examples=150, deadline=None)
@given(graphs(), ends, st.sets(st.sampled_from(TYPES), max_size=6))
def test_paths_never_use_excluded_types(graph, pair, excluded):
    try:
        paths = find_paths(graph, *pair, k=3, exclude_types=excluded)
    except NoPath:
        return
    for found in paths:
        for hop in found.hops:
            assert hop.relation.type not in excluded
            assert not {r.type for r in hop.alternatives} & excluded


@settings(max_examples=150, deadline=None)
@given(graphs(), ends, st.sampled_from(["hops", "strength"]))
def test_every_hop_is_a_real_tie_with_evidence(graph, pair, weight):
    try:
        paths = find_paths(graph, *pair, k=3, weight=weight)
    except NoPath:
        return
    types = graph.vocabulary.relation_types
    for found in paths:
        ids = [a.id for a in found.actors]
        assert ids[0] == pair[0] and ids[-1] == pair[1] and len(set(ids)) == len(ids)
        for hop in found.hops:
            relation = hop.relation
            assert any(relation is r for r in graph.relations)
            assert relation.evidence and all(
                e.source in graph.sources_by_id for e in relation.evidence
            )
            assert (hop.mover.id, hop.moved.id) in types[relation.type].influence_pairs(
                relation.source, relation.target
            )


@settings(max_examples=150, deadline=None)
@given(graphs(), ends, st.sampled_from(ACTORS))
def test_removing_an_actor_never_shortens_a_path(graph, pair, gone):
    if gone in pair:
        return
    before = hops_or_none(graph, *pair)
    after = hops_or_none(graph.without([gone]), *pair)
    if before is None:
        assert after is None
    elif after is not None:
        assert after >= before


@settings(max_examples=60, deadline=None)
@given(graphs(), st.sampled_from(ACTORS))
def test_whatif_broken_paths_really_break(graph, gone):
    change = whatif(graph, remove=[gone])
    reduced = graph.without([gone])
    for lost in change.broken:
        with pytest.raises(NoPath):
            find_paths(reduced, lost.source, lost.target)
        assert hops_or_none(graph, lost.source, lost.target) == lost.before


@settings(max_examples=100, deadline=None)
@given(graphs(), ends)
def test_strength_ranking_puts_the_strongest_chain_first(graph, pair):
    try:
        strongest = find_paths(graph, *pair, weight="strength")[0]
        every = find_paths(graph, *pair, all_paths=True, max_hops=6)
    except NoPath:
        return
    assert strongest.strength == pytest.approx(max(p.strength for p in every))
