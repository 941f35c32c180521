"""The loader: valid files become graphs; every problem is reported at once, by line."""

from __future__ import annotations

import pytest

from actorgraph import GraphFileError, parse_graph, read_graph, validate_file, validate_text
from actorgraph.io.load import find_graph_files
from conftest import SMALL


def problems(text: str) -> list[str]:
    return [str(p) for p in validate_text(text, "g.yaml")]


def test_small_graph_loads_into_the_model():
    graph = parse_graph(SMALL, "g.yaml")
    assert graph.title == "Small"
    assert [a.id for a in graph.actors] == ["a", "b", "c"]
    assert graph.actors[0].aliases == ("First",)
    assert graph.actors[1].line == 6
    leads = graph.relations[0]
    assert (leads.source, leads.type, leads.target, leads.strength) == ("b", "leads", "a", 0.9)
    assert leads.evidence[0].cite() == "s ¶1"
    assert leads.line == 9
    assert graph.sources_by_id["s"].title == "Report"


def test_unknown_actor_and_duplicate_id_are_both_reported_with_lines():
    text = SMALL.replace("{id: c, name: Gamma", "{id: a, name: Gamma").replace(
        "target: a\n    strength: 0.9", "target: alpah\n    strength: 0.9"
    )
    assert problems(text) == [
        "g.yaml:7: duplicate actor id 'a'; first defined on line 5",
        "g.yaml:11: unknown second actor (target) 'alpah'; did you mean 'a'? known actors: a, b",
        "g.yaml:16: unknown first actor (source) 'c'; known actors: a, b",
    ]


def test_duplicate_yaml_keys_are_caught():
    text = SMALL.replace("    strength: 0.9\n", "    strength: 0.9\n    strength: 0.3\n")
    assert problems(text) == [
        "g.yaml:13: duplicate key 'strength'; it is already set on line 12; keep one"
    ]


def test_unknown_relation_type_and_kind_list_the_valid_ones():
    text = SMALL.replace("type: leads", "type: lead").replace("kind: military", "kind: army")
    found = problems(text)
    assert len(found) == 2
    assert found[0].startswith(
        "g.yaml:7: unknown actor kind 'army'; did you mean 'party'? known kinds: person, state"
    )
    assert found[1].startswith(
        "g.yaml:10: unknown relation type 'lead'; "
        "did you mean 'leads'? known types: controls, commands, leads"
    )
    assert "fights" in found[1]


def test_strength_outside_range_and_non_finite():
    text = SMALL.replace("strength: 0.9", "strength: 1.5").replace(
        "strength: 0.8", "strength: .nan"
    )
    assert problems(text) == [
        "g.yaml:12: strength must be between 0 and 1, got 1.5",
        "g.yaml:19: strength must be between 0 and 1, got nan",
    ]


def test_bad_dates_are_reported():
    text = SMALL.replace(
        "    confidence: high\n",
        "    confidence: high\n    since: 2022-13-45\n    until: 2022-14\n",
    )
    assert problems(text) == [
        "g.yaml:14: invalid date '2022-13-45'; use YYYY, YYYY-MM or YYYY-MM-DD",
        "g.yaml:15: invalid date '2022-14'; use YYYY, YYYY-MM or YYYY-MM-DD",
    ]


def test_until_before_since():
    text = SMALL.replace(
        "    confidence: high\n", "    confidence: high\n    since: 2022-03\n    until: 2021\n"
    )
    assert problems(text) == ["g.yaml:15: until (2021) is before since (2022-03)"]


def test_evidence_naming_unknown_source():
    text = SMALL.replace("{source: s, paragraph: 2", "{source: report, paragraph: 2")
    assert problems(text) == [
        "g.yaml:22: unknown evidence source 'report'; sources in this file: s"
    ]


def test_wrong_types_and_missing_fields():
    text = (
        SMALL.replace("name: Beta", "name: yes")
        .replace("    confidence: medium\n", "")
        .replace("paragraph: 1", "paragraph: first")
    )
    assert problems(text) == [
        "g.yaml:6: name must be text, not true (YAML reads yes/no/on/off as true/false: "
        "put the text in quotes)",
        "g.yaml:15: paragraph must be a whole number, not text 'first'",
        "g.yaml:16: relation is missing 'confidence'",
    ]


def test_unknown_field_suggests_the_right_one():
    text = SMALL.replace("    strength: 0.9\n", "    strenght: 0.9\n")
    found = problems(text)
    assert found == [
        "g.yaml:9: relation is missing 'strength'",
        "g.yaml:12: unknown field 'strenght' in relation; did you mean 'strength'? allowed "
        "fields: id, source, type, target, strength, confidence, since, until, evidence, note, "
        "attributes, status",
    ]


def test_relation_without_evidence_is_refused():
    text = SMALL.replace(
        "    evidence:\n      - {source: s, paragraph: 1, claim: Beta heads Alpha.}\n",
        "    evidence: []\n",
    )
    assert problems(text) == ["g.yaml:14: evidence needs at least 1 item"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "g.yaml:1: the file is empty; a graph needs at least title, actors and relations"),
        (
            "- a\n- b\n",
            "g.yaml:1: the file holds a list, not a graph; "
            "start with 'title:', 'actors:', 'relations:'",
        ),
        (
            "just words\n",
            "g.yaml:1: the file holds text 'just words', not a graph; "
            "start with 'title:', 'actors:', 'relations:'",
        ),
        (
            "title: [unclosed\n",
            "g.yaml:2: not valid YAML: did not find expected ',' or ']'; "
            "a [...] list is not closed, or needs a comma between items",
        ),
        (
            "title: x\n\tactors: []\n",
            "g.yaml:2: not valid YAML: found a tab character that "
            "violates indentation; YAML indents with spaces, never tabs",
        ),
    ],
)
def test_files_that_are_not_graphs(text, expected):
    assert problems(text) == [expected]


def test_missing_top_level_fields():
    assert problems("title: x\n") == [
        "g.yaml:1: the graph is missing 'actors'",
        "g.yaml:1: the graph is missing 'relations'",
    ]


def test_self_loop_is_refused():
    text = SMALL.replace("source: c", "source: a")
    assert problems(text) == [
        "g.yaml:16: relation from 'a' to itself; self-loops are refused: a tie needs two actors"
    ]


def test_invalid_id_explains_the_slug_rule():
    text = SMALL.replace("{id: b, name: Beta", "{id: Big B, name: Beta").replace(
        "source: b", "source: Big B"
    )
    found = problems(text)
    assert found[0] == (
        "g.yaml:6: id 'Big B' is not a valid id; use lowercase letters, digits, "
        "and '-' or '_' between them (e.g. 'belarusian-military')"
    )


def test_names_must_pick_out_one_actor():
    text = SMALL.replace("name: Gamma", "name: Gamma, aliases: [first]")
    assert problems(text) == [
        "g.yaml:7: name 'first' is used by both 'a' (line 5) and 'c'; "
        "names and aliases must pick out one actor"
    ]


def test_same_relation_twice():
    text = SMALL + SMALL[SMALL.index("  - source: b") : SMALL.index("  - source: c")]
    assert problems(text) == [
        "g.yaml:23: the same relation is stated twice; first on line 9; merge their evidence"
    ]


def test_graph_can_declare_its_own_vocabulary():
    text = (
        SMALL.replace(
            "relations:\n",
            "vocabulary:\n  relation_types:\n"
            "    - {id: bribes, polarity: hostile, influence: forward}\n"
            "  actor_kinds:\n    - {id: think_tank, label: Think tank}\n"
            "relations:\n",
        )
        .replace("type: leads", "type: bribes")
        .replace("kind: military", "kind: think_tank")
    )
    graph = parse_graph(text)
    assert graph.vocabulary.relation_types["bribes"].influence == "forward"
    assert graph.vocabulary.actor_kinds["think_tank"].label == "Think tank"
    assert "bribes" not in parse_graph(SMALL).vocabulary.relation_types


def test_declaring_a_type_twice_or_over_a_builtin():
    text = SMALL.replace(
        "relations:\n",
        "vocabulary:\n  relation_types:\n"
        "    - {id: bribes, polarity: hostile, influence: forward}\n"
        "    - {id: bribes, polarity: hostile, influence: forward}\n"
        "    - {id: funds, polarity: hostile, influence: forward}\n"
        "relations:\n",
    )
    assert problems(text) == [
        "g.yaml:11: relation type 'bribes' is declared twice; first declared on line 10",
        "g.yaml:12: relation type 'funds' is built in already; "
        "use the built-in one or choose another id",
    ]


def test_alias_bomb_is_refused_quickly():
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 8)]
    found = problems("\n".join(lines) + "\n")
    assert found == [
        "g.yaml:1: YAML aliases expand to more than 1,000,000 values; "
        "refused; write the repeated parts out or use fewer aliases"
    ]


def test_unsupported_tags_are_reported():
    found = problems("title: !!python/object:os.system x\nactors: []\nrelations: []\n")
    assert found[0].startswith("g.yaml:1: cannot read 'x': could not determine a constructor")


def test_read_graph_from_disk_reports_bom_and_bad_bytes(tmp_path):
    good = tmp_path / "bom.yaml"
    good.write_bytes(b"\xef\xbb\xbf" + SMALL.encode())
    assert read_graph(good).title == "Small"
    bad = tmp_path / "latin1.yaml"
    bad.write_bytes(SMALL.replace("Beta", "B\xe9ta").encode("latin-1"))
    assert [str(p) for p in validate_file(bad)] == [
        f"{bad}:6: not UTF-8 text (byte 0xe9); save the file as UTF-8"
    ]


def test_missing_file_and_folder(tmp_path):
    assert [str(p) for p in validate_file(tmp_path / "nope.yaml")] == [
        f"{tmp_path / 'nope.yaml'}: no such file"
    ]
    assert [str(p) for p in validate_file(tmp_path)] == [
        f"{tmp_path}: is a folder, not a graph file; name a .yaml file inside it"
    ]


def test_graph_file_error_lists_everything():
    with pytest.raises(GraphFileError) as caught:
        parse_graph("title: x\n", "g.yaml")
    assert str(caught.value) == (
        "2 problems found\n"
        "g.yaml:1: the graph is missing 'actors'\n"
        "g.yaml:1: the graph is missing 'relations'"
    )


def test_find_graph_files(tmp_path):
    for name in ("b.yaml", "a.yml", "notes.txt"):
        (tmp_path / name).write_text("x")
    assert [p.name for p in find_graph_files(tmp_path)] == ["a.yml", "b.yaml"]
    assert find_graph_files(tmp_path / "missing") == []


@pytest.mark.parametrize("char", ["\x1c", "\x1f", "\x85"])
def test_quick_schema_check_defers_where_rust_and_python_differ(char):
    # Python's \S calls U+001C-U+001F and U+0085 space, Rust's regex does not: the
    # quick check (jsonschema-rs) would pass such a title; jsonschema must decide
    escape = f"\\u{ord(char):04x}"
    text = (
        '{"title": "' + escape + '", "actors": [{"id": "a", "name": "A", "kind": "state"}],\n'
        '"relations": []}'
    )
    code = f"U+{ord(char):04X}"
    assert [str(p) for p in validate_text(text, "g.json")] == [
        f"g.json:1: title holds a control character ({code}); remove it",
        "g.json:1: title must not be blank",
    ]
