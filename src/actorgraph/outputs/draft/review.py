"""Review a draft's proposals one by one, moving the accepted ones into a graph.

Both files are edited in place with ruamel.yaml's round-trip mode, so the graph
keeps its comments, key order, flow lists and quoting; each decision is saved at
once (atomically) in both files, so quitting, or a crash, loses nothing and the
next run resumes with the first proposal still undecided. The draft records each
decision as the relation's ``status`` (``accepted`` or ``rejected``).

The terminal side (what to show, what to ask) is the caller's: it passes a
``decide`` function that gets a :class:`Proposal` and returns a :class:`Decision`.
"""

from __future__ import annotations

import io
import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from actorgraph.exceptions import ActorgraphError, GraphFileError
from actorgraph.io.files import write_atomic
from actorgraph.io.load import format_of, read_graph, validate_text
from actorgraph.model import Graph
from actorgraph.outputs.draft.mentions import Lexicon, find_mentions
from actorgraph.outputs.draft.text import paragraphs, tokens

ACTIONS = ("accept", "skip", "reject", "quit")


class ReviewError(ActorgraphError):
    """The draft or the graph cannot be reviewed into (not a draft, bad file)."""


@dataclass
class Proposal:
    """One undecided tie of the draft, as the analyst may change it before accepting."""

    number: int
    total: int
    source: str
    type: str
    target: str
    strength: float
    evidence: list[dict[str, Any]]
    note: str = ""

    @property
    def key(self) -> str:
        return f"{self.source} {self.type} {self.target}"


@dataclass
class Decision:
    """What the analyst decided: an action, and for ``accept`` the tie as changed."""

    action: str
    proposal: Proposal | None = None
    claim: str = ""


@dataclass
class ReviewResult:
    """What a review run did."""

    accepted: list[str] = field(default_factory=list)
    merged: list[str] = field(default_factory=list)
    rejected: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    new_actors: list[str] = field(default_factory=list)
    left: int = 0
    quit: bool = False


def _yaml() -> Any:
    from ruamel.yaml import YAML

    yaml = YAML()  # round-trip: comments, order, flow style and quotes survive
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def _load(path: Path) -> Any:
    try:
        graph = read_graph(path, cache=False)  # checked first: every problem, with lines
    except GraphFileError as error:
        raise ReviewError(str(error)) from None
    text = path.read_text(encoding="utf-8-sig")
    data = json.loads(text) if format_of(path) == "json" else _yaml().load(text)
    return graph, data


def _dump(data: Any, path: Path) -> str:
    if format_of(path) == "json":  # a JSON graph stays JSON
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    out = io.StringIO()
    _yaml().dump(data, out)
    return out.getvalue()


def review(
    draft_path: str | os.PathLike[str],
    graph_path: str | os.PathLike[str],
    decide: Callable[[Proposal], Decision],
) -> ReviewResult:
    """Walk the draft's undecided proposals, asking ``decide`` about each."""
    draft_file, graph_file = Path(draft_path), Path(graph_path)
    draft, draft_data = _load(draft_file)
    graph, graph_data = _load(graph_file)
    pending = [i for i, r in enumerate(draft.relations) if r.status == "proposed"]
    if not draft.sources:
        raise ReviewError(f"{draft_file} names no source; is it a draft from actorgraph draft?")
    result = ReviewResult()
    for number, index in enumerate(pending, 1):
        item = draft_data["relations"][index]
        proposal = Proposal(
            number,
            len(pending),
            str(item["source"]),
            str(item["type"]),
            str(item["target"]),
            float(item["strength"]),
            [dict(e) for e in item["evidence"]],
            str(item.get("note", "")),
        )
        decision = decide(proposal)
        if decision.action == "quit":
            result.quit = True
            result.left = len(pending) - number + 1
            break
        if decision.action == "skip":
            result.skipped.append(proposal.key)
            continue
        if decision.action == "reject":
            item["status"] = "rejected"
            result.rejected.append(proposal.key)
        elif decision.action == "accept" and decision.proposal is not None:
            final = decision.proposal
            merged = _accept(graph, graph_data, draft, final, decision.claim, result)
            (result.merged if merged else result.accepted).append(final.key)
            item["status"] = "accepted"
            for evidence in item["evidence"]:  # the draft keeps the claim with its record
                evidence["claim"] = decision.claim
            if final.key != proposal.key:
                item["note"] = f"{proposal.note}; accepted as {final.key}".lstrip("; ")
            _save(graph_file, graph_data)
            graph = read_graph(graph_file, cache=False)
        else:
            raise ValueError(f"unknown review action {decision.action!r}")
        _save(draft_file, draft_data)
    return result


def _save(path: Path, data: Any) -> None:
    text = _dump(data, path)
    problems = validate_text(text, str(path))
    if problems:
        raise ReviewError("\n".join(map(str, problems)))
    write_atomic(path, text)


def _accept(
    graph: Graph, data: Any, draft: Graph, tie: Proposal, claim: str, result: ReviewResult
) -> bool:
    """Add the tie (and its actors and source, when new) to the graph's data.

    Returns True when the graph already had the tie and only gained evidence.
    """
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    known = {a.id for a in graph.actors}
    for end in (tie.source, tie.target):
        if end in known:
            continue
        actor = draft.actors_by_id.get(end)
        if actor is None:
            raise ReviewError(f"actor '{end}' is in neither the draft nor the graph")
        entry = CommentedMap(id=actor.id, name=actor.name, kind=actor.kind)
        if actor.aliases:
            entry["aliases"] = CommentedSeq(actor.aliases)
        if actor.description:
            entry["description"] = actor.description
        _append(data.setdefault("actors", CommentedSeq()), entry)
        known.add(end)
        result.new_actors.append(end)
    sources = data.setdefault("sources", CommentedSeq())
    for source in draft.sources:
        if source.id not in graph.sources_by_id and all(s["id"] != source.id for s in sources):
            entry = CommentedMap(id=source.id, title=source.title)
            for name in ("publisher", "published", "url"):
                if getattr(source, name):
                    entry[name] = getattr(source, name)
            _append(sources, entry)
    evidence = CommentedSeq()
    for item in tie.evidence:
        kept = CommentedMap(
            (k, item[k]) for k in ("source", "paragraph", "page", "row", "url") if k in item
        )
        kept["claim"] = claim
        if "quote" in item:
            kept["quote"] = item["quote"]
        evidence.append(kept)
    relations = data.get("relations")
    if relations is None:
        relations = data["relations"] = CommentedSeq()
    for existing in relations:
        same = (existing["source"], existing["type"], existing["target"]) == (
            tie.source,
            tie.type,
            tie.target,
        )
        if same and "since" not in existing and "until" not in existing:
            for item in evidence:
                _append(existing["evidence"], item)
            return True
    _append(
        relations,
        CommentedMap(
            source=tie.source,
            type=tie.type,
            target=tie.target,
            strength=tie.strength,
            confidence="low",
            evidence=evidence,
        ),
    )
    return False


def _append(items: Any, entry: Any) -> None:
    """Append to a list in the file, moving the blank line or comment that followed the
    old last item (it separated the list from what comes next) after the new one."""
    last = items[-1] if len(items) else None
    items.append(entry)
    found = _trailing_comment(last)
    end = _deepest_end(entry)
    if found is None or end is None:
        return
    node, key, slot = found
    token = node.ca.items[key][slot]
    node.ca.items[key][slot] = None
    place, at = end
    if isinstance(at, int):  # the last item of a list
        place.ca.items[at] = [token, None]
    else:
        place.ca.items[at] = [None, None, token, None]


def _trailing_comment(node: Any) -> tuple[Any, Any, int] | None:
    """Where the comment (or blank line) after a node's very last value is kept:
    ruamel.yaml keeps it on the deepest last key or item."""
    if not hasattr(node, "ca") or not len(node):
        return None
    key = list(node)[-1] if isinstance(node, dict) else len(node) - 1
    deeper = _trailing_comment(node[key])
    if deeper is not None:
        return deeper
    slot = 2 if isinstance(node, dict) else 0
    kept = node.ca.items.get(key)
    return (node, key, slot) if kept and len(kept) > slot and kept[slot] is not None else None


def _deepest_end(node: Any) -> tuple[Any, Any] | None:
    """The deepest last key or item of a new entry: where a trailing comment goes."""
    if not hasattr(node, "ca") or not len(node):
        return None
    key = list(node)[-1] if isinstance(node, dict) else len(node) - 1
    return _deepest_end(node[key]) or (node, key)


def marked_text(draft: Graph, proposal: Proposal, article: str | None = None) -> list[str]:
    """Each cited passage with the tie's two actors marked: [source] and [target].

    With the article's text, the whole paragraph; otherwise the quoted sentence.
    """
    lexicon = Lexicon(draft)
    numbered = {p.number: p.text for p in paragraphs(article)} if article else {}
    shown = []
    for item in proposal.evidence:
        text = numbered.get(item.get("paragraph")) or item.get("quote") or item.get("claim", "")
        toks = tokens(text)
        pieces, last = [], 0
        for m in find_mentions(lexicon, toks):
            if m.actor in (proposal.source, proposal.target):
                start, end = toks[m.start].start, toks[m.end - 1].end
                pieces += [text[last:start], "[", text[start:end], "]"]
                last = end
        pieces.append(text[last:])
        where = f"¶{item['paragraph']}" if "paragraph" in item else item.get("source", "")
        shown.append(f"{where}: {''.join(pieces)}")
    return shown
