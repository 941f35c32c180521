"""The Belarus graph is a faithful, evidenced encoding of the article."""

from __future__ import annotations

import re

import pytest

from actorgraph import read_graph
from conftest import ARTICLE, SEED

REQUIRED_ACTORS = {
    "lukashenko",
    "putin",
    "china",
    "the-west",
    "belarusian-military",
    "russia",
    "russian-forces",
    "ukraine",
    "belarusian-public",
    "retired-military",
    "xie-xiaoyong",
    "pentagon",
    "uk-mod",
    "eu",
    "nato",
    "it-sector",
}


@pytest.fixture(scope="module")
def graph():
    return read_graph(SEED)


@pytest.fixture(scope="module")
def paragraphs():
    if not ARTICLE.exists():
        pytest.skip(f"the source article is not beside the repository ({ARTICLE})")
    return ARTICLE.read_text(encoding="utf-8").splitlines()


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9$%]+", text.casefold().replace("’", "'"))


def test_size_and_required_actors(graph):
    assert len(graph.actors) >= 20
    assert len(graph.relations) >= 40
    assert set(graph.actors_by_id) >= REQUIRED_ACTORS


def test_every_actor_takes_part(graph):
    involved = {end for r in graph.relations for end in (r.source, r.target)}
    assert involved == set(graph.actors_by_id)


def test_evidence_points_at_real_paragraphs(graph, paragraphs):
    body = [i for i, text in enumerate(paragraphs, 1) if text.strip()]
    for relation in graph.relations:
        assert relation.evidence, relation.key
        for item in relation.evidence:
            assert item.source == "wolff-bayok-2022"
            assert item.paragraph in body, (relation.key, item.paragraph)


def test_claims_are_paraphrased_not_copied(graph, paragraphs):
    """No claim shares a run of six words with the paragraph it cites."""
    for relation in graph.relations:
        for item in relation.evidence:
            source = words(paragraphs[item.paragraph - 1])
            runs = {tuple(source[i : i + 6]) for i in range(len(source) - 5)}
            claim = words(item.claim)
            copied = [
                claim[i : i + 6] for i in range(len(claim) - 5) if tuple(claim[i : i + 6]) in runs
            ]
            assert not copied, (relation.key, " ".join(copied[0]))
