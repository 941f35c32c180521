"""Draft a graph from an article: proposed actors and ties, each with its paragraph.

Event coders (TABARI, PETRARCH) read news with actor dictionaries and verb
patterns; this is the same recipe, offline and deterministic, in plain Python:
the graph's names (or a built-in gazetteer) find the actors, the vocabulary's
triggers find the ties, and every tie is a proposal (``status: proposed``,
``confidence: low``) quoting its sentence, for the analyst to review with
``actorgraph review``. Proposals never enter analyses until reviewed.

>>> text = "Russia backs Belarus.\\n\\nThe EU is backed by the United States."
>>> draft = draft_article(text, source_id="note", title="A note")
>>> [(r.source, r.type, r.target, r.evidence[0].paragraph) for r in draft.graph.relations]
[('russia', 'supports', 'belarus', 1), ('united-states', 'supports', 'european-union', 2)]
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from actorgraph.exceptions import ActorgraphError
from actorgraph.model import Actor, Evidence, Graph, Relation, Source, parse_partial_date
from actorgraph.outputs.draft.extract import (
    Found,
    Sentence,
    match_trigger,
    possessive_ties,
    resolve_pronouns,
    role_ties,
    roles,
)
from actorgraph.outputs.draft.mentions import Lexicon, find_mentions, slug
from actorgraph.outputs.draft.patterns import compile_triggers
from actorgraph.outputs.draft.text import paragraphs, sentences, tokens
from actorgraph.vocabulary import BUILTIN

DECIDED = ("accepted", "rejected")

_NEGATIONS = frozenset(
    {"not", "n't", "never", "no", "without", "refused", "refuses", "refuse", "declined", "denied"}
)
PROPOSED_STRENGTH = 0.5
"""Strength a proposal starts with: a middle value, for the analyst to set."""


class DraftError(ActorgraphError):
    """The article or the options cannot make a draft (bad date, empty text)."""


@dataclass
class Draft:
    """A drafted graph and, per proposal, the trigger that found it."""

    graph: Graph
    triggers: dict[str, list[str]] = field(default_factory=dict)
    paragraphs: int = 0

    @property
    def new_actors(self) -> list[Actor]:
        return [a for a in self.graph.actors if a.status == "proposed"]


def draft_article(
    text: str,
    graph: Graph | None = None,
    source_id: str = "article",
    title: str | None = None,
    url: str | None = None,
    published: str | None = None,
) -> Draft:
    """Propose actors and ties found in ``text``, reusing ``graph``'s actors and types."""
    if published is not None and parse_partial_date(published) is None:
        raise DraftError(
            f"invalid date {published!r} for --published; use YYYY, YYYY-MM or YYYY-MM-DD"
        )
    if slug(source_id) != source_id:
        raise DraftError(f"source id {source_id!r} is not a slug; try {slug(source_id)!r}")
    found = _read(text, graph)
    lexicon, proposals, mentioned, count = found
    if count == 0:
        raise DraftError("the article has no text")
    vocabulary = graph.vocabulary if graph else BUILTIN
    source = Source(source_id, title or source_id, published=published, url=url)
    known = graph.actors_by_id if graph else {}
    ends = [actor for src, _, tgt in proposals for actor in (src, tgt)]
    used = list(dict.fromkeys([*mentioned, *ends]))  # a role phrase may hide a mention
    actors = []
    for ident in used:
        if ident in known:
            actors.append(known[ident])
        else:
            info = lexicon.actors[ident]
            actors.append(Actor(info.id, info.name, info.kind, status="proposed"))
    relations = []
    triggers: dict[str, list[str]] = {}
    for (src, rtype, tgt), (evidence, words) in proposals.items():
        relation = Relation(
            src,
            rtype,
            tgt,
            PROPOSED_STRENGTH,
            "low",
            tuple(Evidence(source_id, "", n, quote=quote) for n, quote in evidence),
            note=f"drafted from {', '.join(repr(w) for w in words)}",
            status="proposed",
        )
        relations.append(relation)
        triggers[relation.key] = words
    drafted = Graph(
        title=f"Draft: {title or source_id}",
        actors=tuple(actors),
        relations=tuple(relations),
        sources=(source,),
        vocabulary=vocabulary,
        as_of_date=published,
        description="Proposed by actorgraph draft; review with actorgraph review.",
    )
    return Draft(drafted, triggers, count)


Proposals = dict[tuple[str, str, str], tuple[list[tuple[int, str]], list[str]]]


def _read(text: str, graph: Graph | None) -> tuple[Lexicon, Proposals, list[str], int]:
    lexicon = Lexicon(graph)
    vocabulary = graph.vocabulary if graph else BUILTIN
    types = vocabulary.relation_types
    compiled = compile_triggers(types.values())
    proposals: Proposals = {}
    mentioned: list[str] = []
    numbered = paragraphs(text)
    for paragraph in numbered:
        last: dict[str, str] = {}  # "he", "its" refer back within a paragraph, no further
        for _, quote in sentences(paragraph.text):
            toks = tokens(quote)
            sentence = Sentence(toks, find_mentions(lexicon, toks))
            mentions, found = role_ties(lexicon, sentence)
            mentions = resolve_pronouns(Sentence(toks, mentions), lexicon, last)
            sentence = Sentence(toks, mentions)
            found.extend(possessive_ties(lexicon, sentence))
            mentioned.extend(m.actor for m in mentions if m.form != "pronoun")
            found.extend(_ties(sentence, compiled, types))
            for tie in found:
                if tie.source == tie.target:
                    continue
                evidence, words = proposals.setdefault((tie.source, tie.type, tie.target), ([], []))
                if (paragraph.number, quote) not in evidence:
                    evidence.append((paragraph.number, quote))
                if tie.trigger not in words:
                    words.append(tie.trigger)
    return lexicon, proposals, mentioned, len(numbered)


def _ties(sentence: Sentence, compiled: list, types: dict) -> list[Found]:
    found: list[Found] = []
    used: set[int] = set()
    words_here = set(sentence.keys)
    for trigger in compiled:
        if not words_here & trigger.words:
            continue  # none of its words is in the sentence: skip the scan
        # ties that read the same both ways ("X and Y's alliance"); "X member of Y" does not
        symmetric = types[trigger.type].symmetric
        for start, end, slots in list(match_trigger(sentence, trigger, used)):
            used.update(range(start, end))
            if trigger.slotted:
                pairs = [(slots["a"], slots["b"])]
            else:
                pairs = roles(sentence, trigger, start, end, symmetric)
            # "did not back", "refused to join": kept, but the note says so
            negated = _NEGATIONS & set(sentence.keys[max(0, start - 3) : start])
            said = f"not {trigger.text}" if negated else trigger.text
            found.extend(Found(a.actor, trigger.type, b.actor, said) for a, b in pairs)
    return found


DRAFT_HEADER = (
    "# Drafted by `actorgraph draft`: every tie and every new actor is a proposal.\n"
    "# Review with `actorgraph review THIS_FILE --into GRAPH`; proposals stay out of\n"
    "# analyses until then. Quotes are the article's words; claims are yours to write.\n"
)
"""The first lines of a YAML draft: they also tell a draft that found no ties from a graph."""


def draft_text(draft: Draft, format: str = "yaml") -> str:
    """The draft as a graph file (YAML, or JSON), checked: a draft always validates."""
    import json

    from actorgraph.io.load import format_graph, graph_to_data, validate_text

    if format == "json":
        text = json.dumps(graph_to_data(draft.graph), indent=2, ensure_ascii=False) + "\n"
        problems = validate_text(text, "draft", "json")
        if problems:
            raise DraftError("the draft does not validate:\n" + "\n".join(map(str, problems)))
        return text
    text = DRAFT_HEADER + format_graph(draft.graph)
    problems = validate_text(text, "draft")
    if problems:  # a bug, not bad input: say so plainly
        raise DraftError("the draft does not validate:\n" + "\n".join(map(str, problems)))
    return text


def write_draft(draft: Draft, path: str | os.PathLike[str], force: bool = False) -> Path:
    """Write the draft atomically; without ``force``, replace only an earlier draft
    whose review has not begun: never a hand-made graph or any other file."""
    from actorgraph.io.files import write_atomic
    from actorgraph.io.load import format_of

    target = Path(path)
    if target.exists() and not force:
        refusal = _replacing(target)
        if refusal:
            raise DraftError(f"{target} {refusal}; give --force to replace it, or write elsewhere")
    return write_atomic(target, draft_text(draft, format_of(target)))


def _replacing(target: Path) -> str | None:
    """Why an existing file is not a draft to replace quietly (None: it is one)."""
    from actorgraph.io.load import read_graph

    try:
        graph = read_graph(target, cache=False)
    except ActorgraphError:
        return "exists and is not a graph file"
    decided = [r for r in graph.relations if r.status in DECIDED]
    if decided:
        return f"records {len(decided)} review decision(s)"
    by_hand = [r for r in graph.relations if r.status is None]
    drafted = target.read_text(encoding="utf-8", errors="replace").startswith(DRAFT_HEADER)
    if by_hand or not (graph.relations or drafted):
        return "exists and is not a draft (its ties are not proposals)"
    return None


def proposals_data(draft: Draft) -> dict[str, Any]:
    """The proposals as plain data, for ``--format json``."""
    from actorgraph.io.load import evidence_data

    graph = draft.graph
    return {
        "source": {k: v for k, v in vars_of(graph.sources[0]).items() if v not in (None, ())},
        "paragraphs": draft.paragraphs,
        "actors": [
            {"id": a.id, "name": a.name, "kind": a.kind, "new": a.status == "proposed"}
            for a in graph.actors
        ],
        "proposals": [
            {
                "source": r.source,
                "type": r.type,
                "target": r.target,
                "triggers": draft.triggers[r.key],
                "evidence": [evidence_data(e) for e in r.evidence],
            }
            for r in graph.relations
        ],
    }


def vars_of(source: Source) -> dict[str, Any]:
    return {
        "id": source.id,
        "title": source.title,
        "published": source.published,
        "url": source.url,
    }
