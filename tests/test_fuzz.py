"""Hostile input, generated: any text or bytes give a graph or a clear error, never a
traceback; generated valid graphs survive saving and loading unchanged."""

from __future__ import annotations

import json
import os
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from actorgraph import GraphFileError, parse_graph
from actorgraph.cli import cli
from actorgraph.io.load import format_graph, graph_to_data
from actorgraph.vocabulary import BUILTIN
from conftest import SEED, SMALL

SEED_TEXT = SEED.read_text(encoding="utf-8")
COMMANDS = [
    ["validate", "{file}"],
    ["actors", "-g", "{file}", "--no-cache"],
    ["show", "a", "-g", "{file}"],
    ["path", "a", "b", "-g", "{file}", "--format", "json"],
    ["analyze", "-g", "{file}", "--format", "json"],
    ["whatif", "--remove", "a", "-g", "{file}"],
    ["render", "{file}", "-o", "{out}"],
    ["report", "-g", "{file}", "-o", "{out}.md"],
    ["export", "-g", "{file}", "--to", "graphml", "-o", "{out}.graphml"],
    ["diff", "{file}", "{file}"],
    ["import", "{file}", "-o", "{out}.yaml"],
]
PROBLEM_LINE = re.compile(r"^\S.*?(:\d+)?: \S")
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "60"))  # more for a deeper local run
SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


def mutations(base: str) -> st.SearchStrategy[str]:
    """Small edits of a valid file: deleted, duplicated or garbled lines and characters."""
    lines = base.splitlines(keepends=True)

    def edit(choice: tuple[int, int, str, int]) -> str:
        kind, index, text, position = choice
        changed = list(lines)
        index %= len(changed)
        if kind == 0:
            del changed[index]
        elif kind == 1:
            changed.insert(index, changed[index])
        elif kind == 2:
            line = changed[index]
            cut = position % (len(line) or 1)
            changed[index] = line[:cut] + text + line[cut:]
        else:
            changed[index] = text + "\n"
        return "".join(changed)

    return st.tuples(
        st.integers(0, 3), st.integers(0, 10_000), st.text(max_size=12), st.integers(0, 200)
    ).map(edit)


def hostile_text() -> st.SearchStrategy[str]:
    return st.one_of(
        st.text(max_size=400),
        mutations(SMALL),
        mutations(SEED_TEXT),
        mutations(json.dumps(graph_to_data(parse_graph(SMALL)), indent=1)),
    )


def assert_clean_outcome(result, file) -> None:
    """Exit 0, 1 or 2 with words, never an exception escaping the command."""
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code in (0, 1, 2), result.output  # diff says 1 for "they differ"
    assert "Traceback" not in result.output
    if result.exit_code == 2 and "Usage:" not in result.stderr:
        problems = [line for line in result.output.splitlines() if line.startswith(str(file))]
        assert problems, result.output
        assert all(PROBLEM_LINE.match(line) for line in problems)


@SETTINGS
@given(
    text=hostile_text(),
    command=st.sampled_from(COMMANDS),
    suffix=st.sampled_from([".yaml", ".json"]),
)
def test_every_command_survives_any_text(runner, tmp_path, text, command, suffix):
    file = tmp_path / f"fuzz{suffix}"
    file.write_text(text, encoding="utf-8")
    args = [a.format(file=file, out=tmp_path / "out.html") for a in command]
    assert_clean_outcome(runner.invoke(cli, args), file)


@SETTINGS
@given(data=st.binary(max_size=300))
def test_any_bytes_give_a_graph_or_problems(runner, tmp_path, data):
    file = tmp_path / "bytes.yaml"
    file.write_bytes(data)
    assert_clean_outcome(runner.invoke(cli, ["validate", str(file)]), file)


@settings(max_examples=5 * EXAMPLES, deadline=None)
@given(text=hostile_text())
def test_parse_graph_raises_only_graph_file_errors(text):
    try:
        parse_graph(text, "fuzz.yaml")
    except GraphFileError as error:
        assert error.problems
        assert all(p.file == "fuzz.yaml" and p.line >= 1 and p.message for p in error.problems)


# -- round trips ----------------------------------------------------------------------

# text a graph may hold: no controls, surrogates or non-characters (the loader refuses them)
text_chars = st.characters(blacklist_categories=["Cs", "Cc"]).filter(
    lambda c: (ord(c) & 0xFFFE) != 0xFFFE and not 0xFDD0 <= ord(c) <= 0xFDEF
)
names = st.text(text_chars, min_size=1, max_size=20).filter(str.strip)


@st.composite
def valid_graphs(draw):
    count = draw(st.integers(2, 6))
    ids = [f"actor-{i}" for i in range(count)]
    actors = [
        {
            "id": ident,
            "name": f"{draw(names)} #{i}",
            "kind": draw(st.sampled_from(sorted(BUILTIN.actor_kinds))),
            "aliases": [
                f"{alias} ({ident})" for alias in draw(st.lists(names, max_size=2, unique=True))
            ],
            "description": draw(st.text(text_chars, max_size=30)),
        }
        for i, ident in enumerate(ids)
    ]
    relations = []
    used = set()
    for _ in range(draw(st.integers(0, 8))):
        source, target = draw(st.permutations(ids))[:2]
        rtype = draw(st.sampled_from(sorted(BUILTIN.relation_types)))
        since = draw(st.one_of(st.none(), st.sampled_from(["2020", "2021-05", "2022-02-24"])))
        if (source, rtype, target, since) in used:
            continue
        used.add((source, rtype, target, since))
        relation = {
            "source": source,
            "type": rtype,
            "target": target,
            "strength": draw(st.floats(0, 1)),
            "confidence": draw(st.sampled_from(["low", "medium", "high"])),
            "evidence": [
                {"source": "s", "claim": draw(names), "paragraph": draw(st.integers(1, 99))}
            ],
        }
        if since:
            relation["since"] = since
        relations.append(relation)
    data = {
        "title": draw(names),
        "sources": [{"id": "s", "title": draw(names)}],
        "actors": actors,
        "relations": relations,
    }
    return parse_graph(json.dumps(data), "generated.json")


@settings(max_examples=150 * EXAMPLES // 60, deadline=None)
@given(graph=valid_graphs())
def test_valid_graphs_survive_yaml_and_json_round_trips(graph):
    assert parse_graph(format_graph(graph), "again.yaml") == graph
    assert parse_graph(json.dumps(graph_to_data(graph)), "again.json") == graph
