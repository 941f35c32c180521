"""Hostile text at the loader: control characters, non-characters, lone surrogates,
patterns that let a trailing newline through, numbers too long to read.

The loader is the one place these are refused (issue 12, items 4, 5 and 6), whatever
the file format spells them as: raw, a YAML escape or a JSON escape.
"""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from actorgraph.exceptions import GraphFileError
from actorgraph.io.load import parse_graph, validate_text
from actorgraph.io.schema import COLOR, LINE, PARTIAL_DATE, SLUG
from conftest import two_actor_data

# every character no graph may hold, by class
C0 = [chr(c) for c in range(0x20) if chr(c) not in "\t\n\r"]  # line ends in prose
C1 = [chr(c) for c in range(0x7F, 0xA0)]
NONCHARACTERS = [chr(c) for c in range(0xFDD0, 0xFDF0)] + [
    chr(plane * 0x10000 + low) for plane in range(17) for low in (0xFFFE, 0xFFFF)
]
SURROGATES = [chr(0xD800), chr(0xDBFF), chr(0xDC00), chr(0xDFFF)]
FORBIDDEN = st.sampled_from(C0 + C1 + NONCHARACTERS + SURROGATES)

# where graph text lives: (path to set, line of that field in the document below)
FIELDS = {
    "title": 1,
    "description": 2,
    "name": 6,
    "alias": 6,
    "actor description": 6,
    "attribute value": 6,
    "attribute name": 6,
    "claim": 11,
    "note": 11,
    "source title": 4,
}


def document(field: str, text: str) -> dict:
    """A small clean graph with ``text`` placed in ``field``."""
    if field == "attribute value":
        graph = two_actor_data()
        graph["actors"][0]["attributes"] = {"region": f"x{text}"}
        return graph
    if field == "attribute name":
        graph = two_actor_data()
        graph["actors"][0]["attributes"] = {f"x{text}": "y"}
        return graph
    key = {"name": "name_a", "source title": "source_title"}.get(field, field)
    key = key.replace(" ", "_")
    return two_actor_data(**{key: f"x{text}" if field == "alias" else f"x{text}y"})


def as_text(graph: dict, spelling: str) -> tuple[str, str]:
    """The graph as file text: JSON (escaped or raw) or YAML (escapes or JSON-style flow)."""
    if spelling == "json-escaped":
        return json.dumps(graph, indent=1), "g.json"
    if spelling == "json-raw":
        return json.dumps(graph, indent=1, ensure_ascii=False), "g.json"
    # YAML in block style, each line as in FIELDS; strings double-quoted with YAML's
    # own escapes (\e, \a, \0, \x.., \u....), which is how such a file is written
    return yaml_text(graph), "g.yaml"


def _yaml_string(text: str) -> str:
    out = []
    for char in text:
        code = ord(char)
        if char in '"\\':
            out.append("\\" + char)
        elif code < 0x20 or 0x7F <= code <= 0x9F or 0xD800 <= code <= 0xDFFF:
            short = {0x1B: "\\e", 0x07: "\\a", 0x00: "\\0", 0x0B: "\\v", 0x0C: "\\f"}
            out.append(short.get(code, f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"))
        elif code > 0xFFFF:
            out.append(f"\\U{code:08x}")
        elif code >= 0xFDD0:
            out.append(f"\\u{code:04x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def yaml_text(graph: dict) -> str:
    q = _yaml_string
    actor = graph["actors"][0]
    relation = graph["relations"][0]
    extras = ""
    if "aliases" in actor:
        extras += f", aliases: [{q(actor['aliases'][0])}]"
    if "description" in actor:
        extras += f", description: {q(actor['description'])}"
    if "attributes" in actor:
        ((key, value),) = actor["attributes"].items()
        extras += f", attributes: {{{q(key)}: {q(value)}}}"
    return (
        f"title: {q(graph['title'])}\n"
        f"description: {q(graph['description'])}\n"
        "sources:\n"
        f"  - {{id: s, title: {q(graph['sources'][0]['title'])}}}\n"
        "actors:\n"
        f"  - {{id: a, name: {q(actor['name'])}, kind: state{extras}}}\n"
        "  - {id: b, name: Beta, kind: person}\n"
        "relations:\n"
        "  - {source: b, type: leads, target: a, strength: 0.5, confidence: high,\n"
        "     evidence: [\n"
        f"       {{source: s, claim: {q(relation['evidence'][0]['claim'])}}}], note: "
        f"{q(relation['note'])}}}\n"
    )


def test_the_clean_document_loads_in_every_spelling():
    for spelling in ("json-escaped", "json-raw", "yaml"):
        text, name = as_text(document("title", ""), spelling)
        assert validate_text(text, name) == []


@settings(max_examples=150, deadline=None)
@given(
    char=FORBIDDEN,
    field=st.sampled_from(sorted(FIELDS)),
    spelling=st.sampled_from(["json-escaped", "json-raw", "yaml"]),
)
def test_every_forbidden_character_is_refused_wherever_it_is(char, field, spelling):
    text, name = as_text(document(field, char), spelling)
    if spelling == "json-raw" and 0xD800 <= ord(char) <= 0xDFFF:
        text = json.dumps(document(field, char), indent=1)  # a raw surrogate is no UTF-8
    problems = validate_text(text, name)
    code = f"U+{ord(char):04X}"
    if name == "g.yaml" and 0xD800 <= ord(char) <= 0xDFFF:  # YAML refuses the escape itself
        assert [(p.line, p.message) for p in problems] == [
            (FIELDS[field], "not valid YAML: found invalid Unicode character escape code")
        ]
        return
    assert any(code in p.message for p in problems), (problems, code)
    if name == "g.yaml":  # YAML keeps the line of every value
        assert {p.line for p in problems if code in p.message} == {FIELDS[field]}
    with pytest.raises(GraphFileError, match=re.escape(code)):
        parse_graph(text, name)


@pytest.mark.parametrize(
    ("field", "text", "message"),
    [
        ("name", "\n", "name 'x\\ny' must be one line: no tabs or line breaks"),
        ("name", "\t", "name 'x\\ty' must be one line: no tabs or line breaks"),
        ("name", "\r", "name 'x\\ry' must be one line: no tabs or line breaks"),
        ("title", "\n", "title 'x\\ny' must be one line: no tabs or line breaks"),
        ("alias", "\n", "aliases 'x\\n' must be one line: no tabs or line breaks"),
        ("attribute name", "\n", "field name 'x\\n' must be one line: no tabs or line breaks"),
    ],
)
def test_one_line_fields_refuse_line_breaks_and_tabs(field, text, message):
    problems = validate_text(json.dumps(document(field, text)), "g.json")
    assert [p.message for p in problems] == [message]


@pytest.mark.parametrize("field", ["description", "actor description", "claim", "note"])
def test_prose_keeps_tabs_and_line_breaks(field):
    graph = parse_graph(json.dumps(document(field, "\tone\ntwo\n")), "g.json")
    assert parse_graph(json.dumps(document(field, "one\r\ntwo")), "g.json")
    texts = [graph.description, graph.actors[0].description, graph.relations[0].note]
    texts.append(graph.relations[0].evidence[0].claim)
    assert "x\tone\ntwo\ny" in texts


def test_the_terminal_escape_from_the_issue_is_refused_with_file_and_line(tmp_path, runner):
    from actorgraph.cli import cli

    path = tmp_path / "g.yaml"
    path.write_text(yaml_text(document("name", "\x1b]52;c;cHduZWQ=\x07")))
    result = runner.invoke(cli, ["validate", str(path)])
    assert result.exit_code == 2
    assert f"{path}:6: name holds a control character (U+001B); remove it" in result.output
    assert "\x1b" not in result.output


@settings(max_examples=40, deadline=None)
@given(
    pattern=st.sampled_from([SLUG, PARTIAL_DATE, COLOR, LINE]),
    good=st.sampled_from(["putin", "2022-02", "#7f5539", "Putin"]),
)
def test_no_pattern_lets_a_trailing_newline_through(pattern, good):
    if re.search(pattern, good):
        assert not re.search(pattern, good + "\n")


@pytest.mark.parametrize(
    ("where", "value", "message"),
    [
        ("id", "a\n", "id 'a\\n' is not a valid id"),
        ("color", "#7f5539\n", "color must be a colour such as '#7f5539'"),
        ("since", "2022\n", "since: invalid date '2022\\n'"),
    ],
)
def test_a_trailing_newline_in_an_id_colour_or_date_is_refused(where, value, message):
    graph = document("title", "")
    if where == "id":
        graph["actors"][0]["id"] = value
        graph["relations"][0]["target"] = value
    elif where == "color":
        graph["vocabulary"] = {"actor_kinds": [{"id": "k", "label": "K", "color": value}]}
    else:
        graph["relations"][0]["since"] = value
    problems = validate_text(json.dumps(graph), "g.json")
    assert any(p.message.startswith(message) for p in problems), problems


def test_unicode_digits_are_no_date():
    graph = document("title", "")
    graph["relations"][0]["since"] = "٢٠٢٢"
    assert validate_text(json.dumps(graph), "g.json")


def test_a_json_number_of_5000_digits_is_a_clear_problem(tmp_path, runner):
    from actorgraph.cli import cli

    path = tmp_path / "g.json"
    text = json.dumps(document("title", ""), indent=1)
    path.write_text(text.replace('"strength": 0.5', '"strength": ' + "9" * 5000))
    result = runner.invoke(cli, ["validate", str(path)])
    assert result.exit_code == 2
    line = text[: text.index('"strength"')].count("\n") + 1
    assert result.output == (
        f"{path}:{line}: not valid JSON: a number with 5000 digits (at most 4,300 can be "
        "read); write it with fewer digits, or as text in quotes\nError: 1 problem in 1 file\n"
    )


def test_a_yaml_number_of_5000_digits_is_shown_short():
    text = yaml_text(document("title", "")).replace("strength: 0.5", "strength: " + "9" * 5000)
    (problem,) = validate_text(text, "g.yaml")
    assert problem.line == 9
    assert "(5,000 characters)" in problem.message and len(problem.message) < 200


def test_a_terminal_sees_control_characters_as_escapes(tmp_path):
    """Defence in depth: a file name is not checked by the loader, yet is printed."""
    import os
    import pty
    import subprocess
    import sys
    from pathlib import Path

    name = str(tmp_path / "bad\x1b[2J\x1b]0;pwned\x07.yaml")
    command = Path(sys.executable).parent / "actorgraph"
    main, side = pty.openpty()  # actorgraph writes to a terminal, we read what it shows
    with subprocess.Popen([command, "validate", name], stdout=side, stderr=side) as child:
        os.close(side)
        said = b""
        while True:
            try:
                chunk = os.read(main, 4096)
            except OSError:  # the terminal closed with the child
                break
            if not chunk:
                break
            said += chunk
    os.close(main)
    assert child.returncode == 2
    assert b"\x1b" not in said and b"\x07" not in said
    assert "bad\\x1b[2J\\x1b]0;pwned\\x07.yaml: no such file" in said.decode()


def test_the_progress_line_keeps_its_own_return_and_escapes_a_file_name():
    import io
    import time

    from actorgraph.cli.options import _Guarded
    from actorgraph.cli.progress import working

    terminal = io.StringIO()
    with working(
        "Rendering bad\x1b[2J.html", delay=0.0, stream=_Guarded(terminal), interactive=True
    ):
        time.sleep(0.3)
    shown = terminal.getvalue()
    assert shown.startswith("\rRendering bad\\x1b[2J.html ")
    assert "\x1b" not in shown
