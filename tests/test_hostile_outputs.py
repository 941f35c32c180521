"""Hostile output targets (issue 12, item 8): modes, special files, a format under
another's extension, and several files that must change together."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from actorgraph.cli import cli
from actorgraph.exceptions import OutputError
from actorgraph.io import files
from actorgraph.io.files import write_all, write_atomic
from conftest import SEED


@pytest.fixture
def umask_077():
    old = os.umask(0o077)
    yield
    os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_a_new_file_gets_the_umask(tmp_path, umask_077):
    assert mode(write_atomic(tmp_path / "private.csv", "x\n")) == 0o600


def test_a_replaced_file_keeps_its_mode(tmp_path):
    target = tmp_path / "export.csv"
    target.write_text("old\n")
    target.chmod(0o600)
    write_atomic(target, "new\n")
    assert (target.read_text(), mode(target)) == ("new\n", 0o600)


def test_a_special_file_is_refused_not_replaced(tmp_path):
    fifo = tmp_path / "pipe.html"
    os.mkfifo(fifo)
    with pytest.raises(OutputError, match="exists and is not a regular file"):
        write_atomic(fifo, "x")
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert leftovers(tmp_path) == []


def test_render_refuses_a_device_from_the_command_line(tmp_path, runner):
    fifo = tmp_path / "pipe.svg"
    os.mkfifo(fifo)
    result = runner.invoke(cli, ["render", str(SEED), "-o", str(fifo)])
    assert result.exit_code == 2
    assert result.output == (
        f"Error: {fifo} exists and is not a regular file (a device, pipe or socket); "
        "refused rather than replaced: name a new file\n"
    )
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_a_failure_before_the_renames_leaves_every_old_file(tmp_path):
    first = tmp_path / "a.csv"
    first.write_text("old\n")
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    with pytest.raises(OutputError, match="cannot write"):
        write_all({first: "new\n", blocker / "b.csv": "new\n"})
    assert first.read_text() == "old\n"
    assert leftovers(tmp_path) == []


def test_a_failed_rename_says_what_was_written_and_what_was_left(tmp_path, monkeypatch):
    names = [tmp_path / n for n in ("a.csv", "b.csv", "c.csv")]
    for name in names:
        name.write_text("old\n")
    real_replace = os.replace
    calls = []

    def replace(source, target):
        calls.append(target)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        real_replace(source, target)

    monkeypatch.setattr(files.os, "replace", replace)
    with pytest.raises(OutputError) as caught:
        write_all({name: "new\n" for name in names})
    a, b, c = names
    assert str(caught.value) == (
        f"cannot write {b}: No space left on device; already written: {a}; "
        f"left as they were: {c}; the set is now mixed: write it again"
    )
    assert [n.read_text() for n in names] == ["new\n", "old\n", "old\n"]
    assert leftovers(tmp_path) == []


def test_a_format_under_another_extension_is_refused(tmp_path, runner):
    target = tmp_path / "x.html"
    result = runner.invoke(cli, ["render", str(SEED), "-o", str(target), "--to", "png"])
    assert result.exit_code == 2
    assert result.output.endswith(
        f"Error: -o {target} is named for html, but --to png was asked; "
        f"name it {tmp_path / 'x.png'}, or ask for --to html\n"
    )
    assert not target.exists()


@pytest.mark.parametrize(("name", "start"), [("out.svg", b"<?xml"), ("out.png", b"\x89PNG")])
def test_the_extension_picks_the_format_when_to_is_not_given(tmp_path, runner, name, start):
    target = tmp_path / name
    result = runner.invoke(cli, ["render", str(SEED), "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert target.read_bytes().startswith(start)


def test_a_markdown_report_and_its_picture_are_written_together(tmp_path, runner, monkeypatch):
    report, picture = tmp_path / "r.md", tmp_path / "r.svg"
    report.write_text("old report\n")
    picture.write_text("old picture\n")

    def fail(source, target):
        raise OSError(13, "Permission denied")

    monkeypatch.setattr(files.os, "replace", fail)
    result = runner.invoke(cli, ["report", "-g", str(SEED), "-o", str(report)])
    assert result.exit_code == 2
    assert result.output == (
        f"Error: cannot write {picture}: Permission denied; left as they were: {report}\n"
    )
    assert (report.read_text(), picture.read_text()) == ("old report\n", "old picture\n")
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize(
    ("name", "to", "fixed"),
    [("x.gexf", "graphml", "x.graphml"), ("x.nodelink.json", "dot", "x.dot")],
)
def test_export_refuses_a_format_under_another_extension(tmp_path, runner, name, to, fixed):
    target = tmp_path / name
    result = runner.invoke(cli, ["export", "-g", str(SEED), "--to", to, "-o", str(target)])
    assert result.exit_code == 2
    assert result.output.endswith(
        f"Error: -o {target} is named for {name.split('.')[-1]}, but --to {to} was asked; "
        f"name it {tmp_path / fixed}, or ask for --to {name.split('.')[-1]}\n"
    )
    assert not target.exists()


def test_render_output_that_is_neither_a_folder_nor_a_page_is_refused(runner, in_project):
    # Regression (user trial): -o precious.txt said "cannot write precious.txt/belarus-2022.html:
    # Not a directory", and a name with an unknown extension became a folder.
    (in_project / "precious.txt").write_text("mine\n", encoding="utf-8")
    for output, what in (("precious.txt", "is a file, not a folder"), ("out.pdf", "ends .pdf")):
        result = runner.invoke(cli, ["render", "-o", output])
        assert result.exit_code == 2
        assert f"Error: -o {output} {what}; name a folder to write into" in result.output
    assert (in_project / "precious.txt").read_text(encoding="utf-8") == "mine\n"
    assert not (in_project / "out.pdf").exists()
    result = runner.invoke(cli, ["render", "-o", "site.v2/"])
    assert result.output == "wrote site.v2/belarus-2022.html (21 actors, 55 relations)\n"
