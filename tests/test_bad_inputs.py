"""A catalogue of bad inputs and outputs, each with the exact message a user sees."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from actorgraph.cli import cli
from actorgraph.io.load import validate_file, validate_text
from conftest import SMALL


def bomb() -> str:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 9)]
    return "\n".join(lines) + "\n"


CATALOGUE = [
    (
        "empty file",
        "",
        ["g.yaml:1: the file is empty; a graph needs at least title, actors and relations"],
    ),
    (
        "not YAML",
        "title: [a, b\nactors: {",
        [
            "g.yaml:2: not valid YAML: did not find expected ',' or ']'; "
            "a [...] list is not closed, or needs a comma between items"
        ],
    ),
    (
        "a list",
        "- title\n- actors\n",
        [
            "g.yaml:1: the file holds a list, not a graph; start "
            "with 'title:', 'actors:', 'relations:'"
        ],
    ),
    (
        "a scalar",
        "42\n",
        [
            "g.yaml:1: the file holds int 42, not a graph; start with "
            "'title:', 'actors:', 'relations:'"
        ],
    ),
    (
        "duplicate keys",
        SMALL.replace("title: Small\n", "title: Small\ntitle: Again\n"),
        ["g.yaml:2: duplicate key 'title'; it is already set on line 1; keep one"],
    ),
    (
        "alias bomb",
        bomb(),
        [
            "g.yaml:1: YAML aliases expand to more than 1,000,000 values; "
            "refused; write the repeated parts out or use fewer aliases"
        ],
    ),
    (
        "tabs",
        SMALL.replace("  - {id: b", "\t- {id: b"),
        [
            "g.yaml:6: not valid YAML: found character that cannot start any token; "
            "YAML indents with spaces, never tabs"
        ],
    ),
    (
        "NaN strength",
        SMALL.replace("strength: 0.9", "strength: .nan"),
        ["g.yaml:12: strength must be between 0 and 1, got nan"],
    ),
    (
        "infinite strength",
        SMALL.replace("strength: 0.9", "strength: -.inf"),
        ["g.yaml:12: strength must be between 0 and 1, got -inf"],
    ),
    (
        "date off the calendar",
        SMALL.replace("    confidence: high\n", "    confidence: high\n    since: 2022-13-45\n"),
        ["g.yaml:14: invalid date '2022-13-45'; use YYYY, YYYY-MM or YYYY-MM-DD"],
    ),
    (
        "self-loop",
        SMALL.replace("source: c", "source: a"),
        ["g.yaml:16: relation from 'a' to itself; self-loops are refused: a tie needs two actors"],
    ),
    (
        "type declared twice",
        SMALL.replace(
            "relations:\n",
            "vocabulary:\n  relation_types:\n"
            "    - {id: bribes, polarity: hostile, influence: forward}\n"
            "    - {id: bribes, polarity: hostile, influence: reverse}\nrelations:\n",
        ),
        ["g.yaml:11: relation type 'bribes' is declared twice; first declared on line 10"],
    ),
    (
        "ids differing only in case",
        SMALL.replace("{id: b, name: Beta", "{id: A, name: Beta").replace("source: b", "source: A"),
        [
            "g.yaml:6: id 'A' is not a valid id; use lowercase letters, digits, and '-' or '_' "
            "between them (e.g. 'belarusian-military')",
            "g.yaml:6: name 'a' is used by both 'a' (line 5) and 'A'; names and aliases must "
            "pick out one actor",
            "g.yaml:9: first actor (source) 'A' is not a valid id; use lowercase letters, "
            "digits, and '-' or '_' between them (e.g. 'belarusian-military')",
        ],
    ),
]


@pytest.mark.parametrize(("name", "text", "expected"), CATALOGUE, ids=[c[0] for c in CATALOGUE])
def test_bad_file(runner, tmp_path, monkeypatch, name, text, expected):
    monkeypatch.chdir(tmp_path)
    Path("g.yaml").write_text(text, encoding="utf-8")
    result = runner.invoke(cli, ["validate", "g.yaml"])
    assert result.exit_code == 2
    assert result.stdout.splitlines() == expected
    count = len(expected)
    assert result.stderr == (f"Error: {count} problem{'s' if count > 1 else ''} in 1 file\n")


def test_bom_is_accepted(runner, tmp_path):
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + SMALL.encode())
    result = runner.invoke(cli, ["validate", str(path)])
    assert (result.exit_code, result.output) == (0, f"{path}: ok (3 actors, 2 relations)\n")


def test_non_utf8_bytes(runner, tmp_path):
    path = tmp_path / "g.yaml"
    path.write_bytes(SMALL.replace("Gamma", "G\xe4mma").encode("latin-1"))
    result = runner.invoke(cli, ["validate", str(path)])
    assert result.stdout == f"{path}:7: not UTF-8 text (byte 0xe4); save the file as UTF-8\n"


def test_a_200_mb_file_is_refused_without_reading_it(runner, tmp_path):
    path = tmp_path / "huge.yaml"
    with path.open("wb") as stream:  # sparse: 200 MiB on paper, nothing on disk
        stream.truncate(200 * 2**20)
    result = runner.invoke(cli, ["validate", str(path)])
    assert result.exit_code == 2
    assert result.stdout == (
        f"{path}: file is 200 MiB; YAML graph files over 64 MiB are "
        "refused; save big graphs as JSON\n"
    )


def test_directory_and_missing_path_as_graph(runner, tmp_path):
    result = runner.invoke(cli, ["validate", str(tmp_path), str(tmp_path / "nope.yaml")])
    assert result.exit_code == 2
    assert result.stdout == (
        f"{tmp_path}: is a folder, not a graph file; name a .yaml file inside it\n"
        f"{tmp_path / 'nope.yaml'}: no such file\n"
    )
    result = runner.invoke(cli, ["show", "a", "-g", str(tmp_path / "nope.yaml")])
    assert (result.exit_code, result.stderr) == (
        2,
        f"Error: 1 problem found\n{tmp_path / 'nope.yaml'}: no such file\n",
    )


def test_unwritable_output_directory(runner, write):
    result = runner.invoke(cli, ["render", str(write(SMALL)), "-o", "/proc/actorgraph/p.html"])
    assert result.exit_code == 2
    assert result.stderr == (
        "Error: cannot write /proc/actorgraph/p.html: No such file or directory\n"
    )


def test_output_path_that_is_a_directory(runner, write, tmp_path):
    (tmp_path / "page.html").mkdir()
    result = runner.invoke(cli, ["render", str(write(SMALL)), "-o", str(tmp_path / "page.html")])
    assert result.exit_code == 2
    assert result.stderr == (
        f"Error: {tmp_path / 'page.html'} is a folder; give a file name "
        f"such as {tmp_path / 'page.html' / 'graph.html'}\n"
    )


# -- interrupted and concurrent writes ----------------------------------------------

STALL = """
import os, sys, time
from actorgraph.io import files
stage = sys.argv[1]
real_fsync, real_replace = os.fsync, os.replace
def fsync(fd):
    real_fsync(fd)
    if stage == "writing":
        print("stalled", flush=True); time.sleep(60)
def replace(a, b):
    if stage == "renaming":
        print("stalled", flush=True); time.sleep(60)
    real_replace(a, b)
files.os.fsync, files.os.replace = fsync, replace
from actorgraph.cli import cli
from actorgraph.io.load import validate_text
cli(["render", sys.argv[2], "-o", sys.argv[3]])
"""


@pytest.mark.parametrize("stage", ["writing", "renaming"])
def test_killed_render_leaves_the_old_page(tmp_path, write, stage):
    graph, page = write(SMALL), tmp_path / "page.html"
    page.write_text("the previous page")
    with subprocess.Popen(
        [sys.executable, "-c", STALL, stage, str(graph), str(page)],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    ) as process:
        assert process.stdout.readline() == "stalled\n"  # mid-write, before the rename
        process.kill()
    assert page.read_text() == "the previous page"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("page")) == ["page.html"]


def test_two_renders_to_one_path_leave_one_whole_page(tmp_path, write):
    first = write(SMALL, "first.yaml")
    second = write(SMALL.replace("title: Small", "title: Second"), "second.yaml")
    page = tmp_path / "page.html"
    runs = [
        subprocess.Popen(
            [sys.executable, "-m", "actorgraph", "render", str(g), "-o", str(page)],
            stdout=subprocess.DEVNULL,
        )
        for g in (first, second) * 3
    ]
    assert [run.wait() for run in runs] == [0] * 6
    html = page.read_text()
    assert html.rstrip().endswith("</html>")
    assert html.count("<!DOCTYPE html>") == 1
    assert ('<h1 class="ag-title">Small</h1>' in html) != (
        '<h1 class="ag-title">Second</h1>' in html
    )
    assert not list(tmp_path.glob(".page.html.*"))


def test_a_list_where_an_id_belongs_is_reported_not_a_traceback():
    # the meaning checks look ids up; a list cannot be looked up (it was a TypeError)
    text = (
        '{"title": "t", "sources": [{"id": "s", "title": "S"}],\n'
        '"actors": [{"id": "a", "name": "A", "kind": "state"}],\n'
        '"relations": [{"source": ["a"], "type": ["supports"], "target": "a",\n'
        '"strength": 0.5, "confidence": "high", "evidence": [{"source": ["s"], "claim": "c"}]}]}'
    )
    assert [str(p) for p in validate_text(text, "g.json")] == [
        "g.json:3: first actor (source) must be text, not a list",
        "g.json:3: type must be text, not a list",
        "g.json:4: evidence source must be text, not a list",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("title: x\n---\nfoo: 1\n", "2: not valid YAML: but found another document; a graph file "
         "is one YAML document: remove the '---' line"),
        ('title: "x\n', "2: not valid YAML: found unexpected end of stream; a quoted text is not "
         "closed: end it with the quote it starts with"),
        ("title: a: b\n", "1: not valid YAML: mapping values are not allowed in this context; "
         "a value holding ': ' must be quoted, or the line is indented too far"),
    ],
)  # fmt: skip
def test_yaml_slips_say_what_to_do(tmp_path, text, expected):
    path = tmp_path / "g.yaml"
    path.write_text(text, encoding="utf-8")
    assert [str(p) for p in validate_file(path)] == [f"{path}:{expected}"]
