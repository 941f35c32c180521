"""Backends fall back to networkx with a note; progress shows only on a terminal."""

from __future__ import annotations

import io
import json
import time

import networkx as nx
import pytest

from actorgraph.cli import cli
from actorgraph.cli.progress import working
from actorgraph.questions import backends


def picky() -> str:
    """Fails whenever a backend is preferred, like a backend that breaks."""
    if backends._priority():
        raise RuntimeError("kernel crashed")
    return "plain"


@pytest.fixture
def fake_backend(monkeypatch):
    """A backend called 'fake' is installed; priorities live in a plain list."""
    state = {"algos": []}
    monkeypatch.setattr(backends, "installed", lambda: ["fake"])
    monkeypatch.setattr(backends, "_priority", lambda: list(state["algos"]))
    monkeypatch.setattr(backends, "_set_priority", lambda names: state.update(algos=names))
    return state


def test_missing_backend_falls_back_with_a_note():
    assert backends.run("nope", picky) == (
        "plain",
        ["backend 'nope' is not installed (installed: none); used networkx"],
    )
    assert backends.run(None, picky) == ("plain", [])
    assert backends.run("networkx", picky) == ("plain", [])


def test_broken_backend_falls_back_with_a_note(fake_backend):
    assert backends.run("fake", picky) == (
        "plain",
        ["backend 'fake' failed (RuntimeError: kernel crashed); used networkx"],
    )
    assert fake_backend["algos"] == []


def test_backend_priority_from_the_environment_falls_back_too(fake_backend):
    fake_backend["algos"] = ["fake"]
    assert backends.run(None, picky) == (
        "plain",
        ["backend 'fake' failed (RuntimeError: kernel crashed); used networkx"],
    )
    assert fake_backend["algos"] == ["fake"]


def test_working_backend_is_used(fake_backend):
    assert backends.run("fake", lambda: backends._priority()) == (
        ["fake"],
        ["computed with backend 'fake'"],
    )
    assert nx.config.backend_priority.algos == []


def test_cli_backend_option_keeps_results_and_says_why(runner, in_project):
    plain = json.loads(runner.invoke(cli, ["analyze", "--format", "json"]).output)
    result = runner.invoke(cli, ["analyze", "--format", "json", "--backend", "nope"])
    assert result.exit_code == 0
    assert result.stderr == (
        "note: backend 'nope' is not installed (installed: none); used networkx\n"
    )
    data = json.loads(result.stdout)
    assert data["actors"] == plain["actors"]
    assert data["notes"][-1].startswith("backend 'nope' is not installed")
    result = runner.invoke(cli, ["whatif", "--remove", "china", "--backend", "nope"])
    assert result.exit_code == 0 and "note: backend 'nope'" in result.stderr


def test_progress_is_silent_off_a_terminal_and_for_quick_work():
    quiet = io.StringIO()
    with working("Reading", delay=0, stream=quiet):
        time.sleep(0.3)
    assert quiet.getvalue() == ""
    quick = io.StringIO()
    with working("Reading", delay=5, stream=quick, interactive=True):
        pass
    assert quick.getvalue() == ""


def test_progress_shows_elapsed_time_on_a_terminal():
    screen = io.StringIO()
    with working("Reading big.json", delay=0, stream=screen, interactive=True):
        time.sleep(0.5)
    shown = screen.getvalue()
    assert shown.startswith("\rReading big.json ")
    assert shown.rstrip().endswith("s") and "Reading big.json done in" in shown


@pytest.mark.parametrize("command", [["validate"], ["actors"]])
def test_commands_print_no_progress_when_piped(runner, in_project, command):
    assert "\r" not in runner.invoke(cli, command).output
