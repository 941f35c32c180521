"""The code keeps its shape: no module reaches into another's private names."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "actorgraph"


def private_imports(path: Path) -> list[str]:
    """``from actorgraph.x import _name`` and ``import actorgraph.x._y`` in one file."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("actorgraph"):
            found += [
                f"{node.module}.{alias.name}"
                for alias in node.names
                if alias.name.startswith("_") and not alias.name.startswith("__")
            ]
            found += [node.module] if any(p.startswith("_") for p in node.module.split(".")) else []
        elif isinstance(node, ast.Import):
            found += [
                alias.name
                for alias in node.names
                if alias.name.startswith("actorgraph")
                and any(p.startswith("_") for p in alias.name.split("."))
            ]
    return found


def test_private_import_finder_sees_both_spellings(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("from actorgraph.io.load import _build, build_graph\nimport actorgraph._x\n")
    assert private_imports(sample) == ["actorgraph.io.load._build", "actorgraph._x"]


@pytest.mark.parametrize(
    "path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: str(p.relative_to(PACKAGE))
)
def test_no_module_imports_another_modules_private_names(path):
    assert private_imports(path) == []
