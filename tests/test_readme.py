"""README examples are real: each console block and the Python session run as shown."""

from __future__ import annotations

import contextlib
import doctest
import re
import shlex
import shutil

import pytest

from actorgraph.cli import cli
from conftest import ROOT

README = ROOT / "README.md"


def console_examples() -> list[tuple[str, str]]:
    """(command, expected output) for every `$ actorgraph ...` in README console blocks."""
    examples = []
    for block in re.findall(r"```console\n(.*?)```", README.read_text(encoding="utf-8"), re.S):
        for chunk in re.split(r"^\$ ", block, flags=re.M)[1:]:
            chunk = re.sub(r"\\\n\s*", "", chunk)  # a long command continues with '\'
            command, _, output = chunk.partition("\n")
            examples.append((command, output))
    return examples


def program_args_are_a_diff(args: list[str]) -> bool:
    return bool(args) and args[0] == "diff"


DATASETS = ROOT.parent / "shared" / "datasets"


@pytest.fixture
def project(in_project):
    shutil.copytree(ROOT / "docs" / "examples", in_project / "docs" / "examples")
    # examples read the shared datasets as ../shared/datasets, as from the project's root
    shared = in_project.parent / "shared"
    if DATASETS.is_dir() and not shared.exists():
        with contextlib.suppress(FileExistsError):
            shared.symlink_to(DATASETS.parent, target_is_directory=True)
    return in_project


@pytest.mark.parametrize(("command", "expected"), console_examples())
def test_console_example(runner, project, command, expected):
    program, *args = shlex.split(command)
    assert program == "actorgraph"
    if "../shared/datasets/" in command and not DATASETS.is_dir():
        pytest.skip(f"{DATASETS} is absent: the shared datasets are not on this machine")
    result = runner.invoke(cli, args)
    assert result.output == expected
    if program_args_are_a_diff(args) and expected != "no changes\n":
        assert result.exit_code == 1  # like diff(1): the files differ
    else:
        assert result.exit_code == (
            0 if "Error:" not in expected else 1 if "no influence path" in expected else 2
        )


def test_python_session(project):
    failures, tried = doctest.testfile(
        str(README), module_relative=False, optionflags=doctest.ELLIPSIS
    )
    assert tried > 5 and failures == 0


def test_schema_copy_is_current(runner):
    assert (ROOT / "docs" / "actorgraph.schema.json").read_text() == runner.invoke(
        cli, ["schema"]
    ).output
