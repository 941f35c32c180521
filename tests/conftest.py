"""Shared fixtures: small graphs written to disk, the CLI runner, the browser."""

from __future__ import annotations

import os
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import settings

# In CI the generated examples are the same every run: a red build is reproducible and
# never a matter of luck. Locally they vary, so repeated runs explore more.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "graph" / "belarus-2022.yaml"
ARTICLE = ROOT.parent / "shared" / "sources" / "belarus-article.txt"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]

SMALL = """\
title: Small
sources:
  - {id: s, title: Report}
actors:
  - {id: a, name: Alpha, kind: state, aliases: [First]}
  - {id: b, name: Beta, kind: person}
  - {id: c, name: Gamma, kind: military}
relations:
  - source: b
    type: leads
    target: a
    strength: 0.9
    confidence: high
    evidence:
      - {source: s, paragraph: 1, claim: Beta heads Alpha.}
  - source: c
    type: part_of
    target: a
    strength: 0.8
    confidence: medium
    evidence:
      - {source: s, paragraph: 2, claim: Gamma belongs to Alpha.}
"""


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Keep the compiled cache of big graphs out of the user's cache folder."""
    monkeypatch.setenv("ACTORGRAPH_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def write(tmp_path: Path) -> Callable[..., Path]:
    """Write a graph file (dedented) under tmp_path and return its path."""

    def _write(text: str, name: str = "g.yaml") -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    return _write


@pytest.fixture
def in_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Work in a fresh folder with graph/ holding a copy of the seed graph."""
    (tmp_path / "graph").mkdir()
    (tmp_path / "graph" / SEED.name).write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("ACTORGRAPH_GRAPH", raising=False)
    yield tmp_path


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright; a missing browser fails, never skips."""
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), f"{CHROMIUM} is missing: apt-get install chromium"
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


def two_actor_data(**texts: str) -> dict:
    """A small clean graph as file data: a source, actors a and b, b leads a.

    ``texts`` replaces any of: title, description, source_title, url, name_a,
    name_b, alias, actor_description, note, claim (the hostile-text tests).
    """
    text = {
        "title": "Hostile",
        "description": "Prose.",
        "source_title": "Report",
        "name_a": "Alpha",
        "name_b": "Beta",
        "note": "n",
        "claim": "Beta leads Alpha.",
        **texts,
    }
    source = {"id": "s", "title": text["source_title"]}
    actor = {"id": "a", "name": text["name_a"], "kind": "state"}
    if "url" in text:
        source["url"] = text["url"]
    if "alias" in text:
        actor["aliases"] = [text["alias"]]
    if "actor_description" in text:
        actor["description"] = text["actor_description"]
    return {
        "title": text["title"],
        "description": text["description"],
        "sources": [source],
        "actors": [actor, {"id": "b", "name": text["name_b"], "kind": "person"}],
        "relations": [
            {
                "source": "b",
                "type": "leads",
                "target": "a",
                "strength": 0.5,
                "confidence": "high",
                "note": text["note"],
                "evidence": [{"source": "s", "claim": text["claim"]}],
            }
        ],
    }
