"""The compiled store: data only, private, never trusted blindly, same answers."""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import signal
import sqlite3
import stat
import subprocess
import sys
import tempfile
import zlib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from actorgraph import GraphFileError, read_graph
from actorgraph.cli import cli
from actorgraph.io import load as loader
from actorgraph.io import store, stored
from actorgraph.io.load import graph_to_data
from actorgraph.io.stored import StoredGraph
from actorgraph.io.synthetic import synthetic_graph
from actorgraph.outputs.formatting import actor_text
from actorgraph.questions import paths as path_search
from actorgraph.questions.paths import find_paths
from conftest import SMALL


def as_json(graph) -> str:
    return json.dumps(graph_to_data(graph))


@pytest.fixture(scope="module")
def big_text() -> str:
    return as_json(synthetic_graph(600, ties_per_actor=3))


@pytest.fixture
def big(tmp_path, big_text) -> Path:
    path = tmp_path / "big.json"
    path.write_text(big_text)
    return path


def folder() -> Path:
    return Path(os.environ["ACTORGRAPH_CACHE_DIR"])


def entries() -> list[Path]:
    return sorted(folder().glob("*.sqlite"))


def planted(path: Path, content: bytes) -> Path:
    """Write ``content`` where the next read of ``path`` looks for its entry (named, as
    entries are, with the check of its own bytes)."""
    stem = store.entry_name(path, store.code_version())
    target = folder() / f"{stem}.{zlib.crc32(content):08x}.sqlite"
    target.write_bytes(content)
    return target


def path_answer(runner, path: Path, *options: str) -> tuple[int, str]:
    result = runner.invoke(
        cli, ["path", "actor-007", "actor-512", "-g", str(path), "--k", "3", *options]
    )
    return result.exit_code, result.output


def test_stored_once_then_read_without_parsing_private_and_lazy(big, monkeypatch):
    first = read_graph(big)
    [entry] = entries()
    stem = store.entry_name(big, store.code_version())
    assert entry.name == f"{stem}.{zlib.crc32(entry.read_bytes()):08x}.sqlite"
    assert stat.S_IMODE(folder().stat().st_mode) == 0o700
    assert stat.S_IMODE(entry.stat().st_mode) == 0o600

    def no_parsing(*_args, **_kwargs):
        raise AssertionError("parsed although stored")

    monkeypatch.setattr(loader, "parse_graph", no_parsing)
    monkeypatch.setattr(path_search, "REGION_SEARCH_ACTORS", 100)  # as on big graphs
    monkeypatch.setattr(stored, "SMALL", 100)
    second = read_graph(big)
    assert isinstance(second, StoredGraph) and second.path == str(big)
    # a path question and one actor's card read rows, not the whole graph
    answer = [p.to_dict() for p in find_paths(second, "actor-007", "A512", k=3)]
    card = actor_text(second.actor("actor 042"), second)
    assert "relations" not in second.__dict__ and "actors" not in second.__dict__
    assert answer == [p.to_dict() for p in find_paths(first, "actor-007", "A512", k=3)]
    assert card == actor_text(first.actor("actor 042"), first)
    assert second == first and first == second  # reads everything to compare


def test_damaged_or_foreign_entries_are_rebuilt_never_trusted(big, tmp_path, runner):
    expected = path_answer(runner, big, "--no-cache")
    read_graph(big)
    [entry] = entries()
    good = entry.read_bytes()
    damaged = bytearray(good)
    damaged[len(good) // 2 : len(good) // 2 + 64] = bytes(64)  # zeroes in the middle
    for content in (bytes(damaged), good[: len(good) // 3], b"not a store at all"):
        entry.write_bytes(content)
        assert path_answer(runner, big) == expected
    # a view slipped into a valid entry (and the name fixed to match): not our schema
    spied = tmp_path / "spied.sqlite"
    spied.write_bytes(good)
    with sqlite3.connect(spied) as connection:
        connection.execute("CREATE VIEW spy AS SELECT * FROM actors")
    for entry in entries():
        entry.unlink()
    planted(big, spied.read_bytes())
    assert store.open_graph(folder(), big, big.stat(), "x") is None
    assert path_answer(runner, big) == expected
    assert store.open_graph(folder(), big, big.stat(), "x") is not None


class _Bomb:
    def __reduce__(self):
        return (os.system, (f"touch {self.marker}",))

    def __init__(self, marker: Path) -> None:
        self.marker = marker


def test_planted_entry_with_the_next_key_runs_no_code_and_changes_no_answer(big, tmp_path, runner):
    marker = tmp_path / "pwned"
    expected = path_answer(runner, big, "--no-cache")
    planted(big, pickle.dumps(_Bomb(marker)))  # under the key the next run looks for
    old_cache = folder() / f"{hashlib.sha256(big.read_bytes()).hexdigest()}.pickle"
    old_cache.write_bytes(pickle.dumps(_Bomb(marker)))  # and where the old cache looked
    assert path_answer(runner, big) == expected
    assert not marker.exists()
    assert not old_cache.exists()  # old pickle entries are swept, never read
    assert isinstance(read_graph(big), StoredGraph)  # the planted file was replaced


def test_swapped_entry_of_another_valid_graph_changes_no_answer(big, tmp_path, runner):
    other = tmp_path / "other.json"
    data = graph_to_data(synthetic_graph(600, ties_per_actor=3, seed=9))
    other.write_text(json.dumps(data))
    expected = path_answer(runner, big, "--no-cache")
    read_graph(other)
    [other_entry] = entries()
    planted(big, other_entry.read_bytes())  # a valid entry, under big's name
    assert path_answer(runner, other, "--no-cache") != expected  # it would change the answer
    assert path_answer(runner, big) == expected
    assert path_answer(runner, big) == expected  # and, rebuilt, from the store


def test_folder_writable_by_others_is_refused_with_one_line(big, runner):
    expected = path_answer(runner, big, "--no-cache")
    os.chmod(folder(), 0o770)
    store._refused.clear()
    result = runner.invoke(cli, ["path", "actor-007", "actor-512", "-g", str(big), "--k", "3"])
    assert (result.exit_code, result.stdout) == expected
    assert result.stderr == (
        f"actorgraph: not using the compiled store in {folder()}: it is writable by group or "
        "others (mode 0770); running without it (make it a private folder of yours, "
        "chmod 700, or set ACTORGRAPH_CACHE_DIR)\n"
    )
    assert entries() == [] and stat.S_IMODE(folder().stat().st_mode) == 0o770


def test_folder_of_another_user_is_refused_with_one_line(big, runner, monkeypatch):
    monkeypatch.setattr(store.os, "getuid", lambda: os.stat(folder()).st_uid + 1)
    store._refused.clear()
    result = runner.invoke(cli, ["show", "actor-007", "-g", str(big)])
    assert result.exit_code == 0 and result.stdout.startswith("Actor 007 (actor-007)")
    owner = os.stat(folder()).st_uid
    assert result.stderr == (
        f"actorgraph: not using the compiled store in {folder()}: it is owned by another "
        f"user (uid {owner}); running without it (make it a private folder of yours, "
        "chmod 700, or set ACTORGRAPH_CACHE_DIR)\n"
    )
    assert entries() == []


def test_entries_are_pruned_and_orphaned_temporary_files_swept(tmp_path, monkeypatch):
    import fcntl

    monkeypatch.setattr(store, "MAX_ENTRIES", 3)
    stem = "ab" * 32
    orphan = folder() / f".{stem}.x1.tmp"
    orphan.write_bytes(b"half")
    someone_elses = folder() / "notes.tmp"  # not ours: never touched
    someone_elses.write_bytes(b"mine")
    busy = folder() / f".{stem}.x2.tmp"
    with open(busy, "wb") as writing:
        fcntl.flock(writing, fcntl.LOCK_EX)  # a writer at work keeps its file
        for n in range(5):
            path = tmp_path / f"g{n}.yaml"
            path.write_text(SMALL.replace("title: Small", f"title: Small {n}"))
            read_graph(path)
        assert len(entries()) == 3
        assert not orphan.exists() and busy.exists() and someone_elses.exists()


_KILLED_WRITER = """
import sys, time
from actorgraph.io import store, stored
write = store._write
def write_then_hang(*args):
    write(*args)
    print("written", flush=True)
    time.sleep(60)
store._write = write_then_hang
from actorgraph.io.load import read_graph
read_graph(sys.argv[1])
"""


def test_writer_killed_mid_write_leaves_no_temporary_file_after_the_next_run(big):
    child = subprocess.Popen(
        [sys.executable, "-c", _KILLED_WRITER, str(big)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert child.stdout.readline() == "written\n"
        [temporary] = folder().glob(".*.tmp")
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait()
        child.stdout.close()
    assert temporary.exists() and entries() == []
    read_graph(big)  # the next run
    assert list(folder().glob(".*.tmp")) == [] and len(entries()) == 1


def test_edited_file_is_read_again_and_no_cache_writes_nothing(big, runner, monkeypatch):
    read_graph(big)
    [first] = entries()
    data = json.loads(big.read_text())
    data["title"] = "Edited"
    big.write_text(json.dumps(data))
    assert read_graph(big).title == "Edited"
    [second] = entries()  # replaces the entry of the older version
    assert second != first
    # same size, same times put back: the signature differs (change time), the hash decides
    stamp = big.stat()
    big.write_text(json.dumps({**data, "title": "Eddied"}))
    os.utime(big, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
    assert read_graph(big).title == "Eddied"
    # a settled, unchanged file is not hashed again
    monkeypatch.setattr(store, "SETTLED_NS", -(10**18))  # as if written long ago
    big.write_text(json.dumps({**data, "title": "Settled"}))
    read_graph(big)
    monkeypatch.setattr(store, "file_hash", lambda _path: pytest.fail("hashed again"))
    assert isinstance(read_graph(big), StoredGraph)
    big.write_text(json.dumps({**data, "title": "Again"}))
    result = runner.invoke(cli, ["actors", "-g", str(big), "--no-cache", "--format", "csv"])
    assert result.exit_code == 0
    assert len(entries()) == 1


def test_broken_file_is_never_stored(tmp_path):
    path = tmp_path / "broken.json"
    data = graph_to_data(synthetic_graph(50))
    data["relations"][5]["type"] = "befriends"
    path.write_text(json.dumps(data))
    with pytest.raises(GraphFileError, match="unknown relation type 'befriends'"):
        read_graph(path)
    assert entries() == []


@pytest.mark.parametrize("section", ["actors", "relations"])
def test_graph_the_store_cannot_keep_is_read_in_memory(tmp_path, section):
    # JSON reads NaN; the store keeps only what survives JSON text, so nothing is stored
    path = tmp_path / "nan.json"
    data = graph_to_data(synthetic_graph(50))
    data[section][0]["attributes"] = {"score": float("nan")}
    path.write_text(json.dumps(data))
    graph = read_graph(path)
    assert not isinstance(graph, StoredGraph)
    assert graph.relations == read_graph(path, cache=False).relations
    assert entries() == [] and list(folder().glob(".*.tmp")) == []


# -- same answers: cold, warm and --no-cache ------------------------------------

ACTORS = [f"a{i}" for i in range(7)]
# forward, reverse, both and no influence; two kinds
TYPES = ["controls", "depends_on", "allied_with", "monitors", "funds"]


@st.composite
def questions(draw) -> tuple[str, str, str]:
    """A valid graph file's text, and two of its actors."""
    count = draw(st.integers(4, len(ACTORS)))
    actors = ACTORS[:count]
    ties = [(s, kind, t) for s in actors for t in actors if s != t for kind in TYPES]
    relations = []
    for n, (source, kind, target) in enumerate(
        draw(st.lists(st.sampled_from(ties), min_size=4, max_size=18, unique=True))
    ):
        relation = {
            "source": source,
            "type": kind,
            "target": target,
            "strength": draw(st.sampled_from([0.0, 0.25, 0.5, 1.0])),  # ties are common
            "confidence": draw(st.sampled_from(["low", "medium", "high"])),
            "evidence": [
                {"source": "s", "claim": f"tie {n}, item {i}", "paragraph": n + 1}
                for i in range(draw(st.integers(1, 2)))
            ],
        }
        if draw(st.booleans()):
            relation["since"] = draw(st.sampled_from(["2020", "2021-06", "2022-01-15"]))
        relations.append(relation)
    source, target = draw(st.permutations(actors))[:2]
    text = json.dumps(
        {
            "title": "generated",
            "sources": [{"id": "s", "title": "S"}],
            "actors": [
                {"id": a, "name": f"Actor {a}", "kind": ("state", "person")[i % 2]}
                for i, a in enumerate(actors)
            ],
            "relations": relations,
        }
    )
    return text, source, target


options = st.fixed_dictionaries(
    {"--k": st.sampled_from(["1", "3", "5"])},
    optional={
        "--weight": st.just("strength"),
        "--max-hops": st.sampled_from(["1", "2", "3"]),
        "--follow": st.sampled_from(["stored", "any"]),
        "--kinds": st.just("state"),
        "--min-confidence": st.sampled_from(["medium", "high"]),
        "--types": st.just("controls,allied_with,funds"),
        "--as-of": st.sampled_from(["2021", "2022-01"]),
        "--all": st.just(None),
    },
)


@settings(max_examples=60, deadline=None)
@given(questions(), options)
def test_cold_warm_and_no_cache_answer_alike(question, chosen):
    from click.testing import CliRunner

    runner = CliRunner()
    text, source, target = question
    arguments = [
        item for name, value in chosen.items() for item in (name, value) if item is not None
    ]
    with tempfile.TemporaryDirectory() as work:
        path = Path(work) / "g.json"
        path.write_text(text)
        env = {"ACTORGRAPH_CACHE_DIR": str(Path(work) / "store")}

        def ask(*extra: str) -> tuple[int, str]:
            command = ["path", source, target, "-g", str(path), "--format", "json"]
            result = runner.invoke(cli, [*command, *arguments, *extra], env=env)
            return result.exit_code, result.output

        whole = ask("--no-cache")  # today's search over the whole view: the reference
        original = path_search.REGION_SEARCH_ACTORS
        path_search.REGION_SEARCH_ACTORS = 0  # search regions of the arrays instead
        try:
            answers = [ask("--no-cache"), ask(), ask()]  # no store, cold, warm
        finally:
            path_search.REGION_SEARCH_ACTORS = original
        answers.append(ask())  # warm, whole view of the stored graph
    assert whole[0] in (0, 1)  # an answer, or no path: the graph and options are valid
    assert answers == [whole] * 4


EVERY_FIELD = """
title: Every field
as_of: 2022-03
description: All that a graph file can say.
sources:
  - {id: s, title: S, authors: [A, B], publisher: P, published: 2022-03, url: "https://e.org",
     file: s.csv, retrieved: 2024-01-02}
actors:
  - {id: a, name: Alpha, kind: state, aliases: [Al], description: First, x: 120, y: -40.5,
     attributes: {founded: "1991", flag: true, ratio: 2.5}}
  - {id: b, name: Beta, kind: person}
  - {id: c, name: Gamma, kind: person}
relations:
  - source: a
    type: controls
    target: b
    strength: 0.5
    confidence: high
    since: 2020
    until: 2023-06
    id: a-b
    note: a note
    attributes: {n: 1}
    evidence:
      - {source: s, claim: One, paragraph: 2, url: "https://e.org/1", quote: Said so, page: iv,
         row: 12, element: e7}
      - {source: s, claim: Two, page: 3}
  - {source: c, type: depends_on, target: b, strength: 1, confidence: low,
     evidence: [{source: s, claim: Three}]}
views:
  - {id: v, title: T, caption: C, focus: a, depth: 2, kinds: [state], types: [controls],
     as_of: 2022, min_strength: 0.25, paths: [[a, c]]}
"""


def test_every_field_reads_back_from_the_store(tmp_path):
    path = tmp_path / "every.yaml"
    path.write_text(EVERY_FIELD)
    written = read_graph(path, cache=False)  # built in memory
    first, again = read_graph(path), read_graph(path)  # stored, then read from the store
    assert isinstance(first, StoredGraph) and isinstance(again, StoredGraph)
    assert not isinstance(written, StoredGraph)
    assert first == written and again == written
    assert again.views == written.views  # views do not take part in ==
    assert again.vocabulary.relation_types["controls"].triggers  # what drafts read text with
    assert [a.line for a in again.actors] == [a.line for a in written.actors]
    assert [r.line for r in again.relations] == [r.line for r in written.relations]
    assert [v.line for v in again.views] == [v.line for v in written.views]
