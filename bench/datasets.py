"""The real datasets in ../shared/datasets/, brought in as the README shows: `actorgraph import`.

Benchmarks read no dataset by hand: each is imported with the README's own command
(its ```console examples that name ``../shared/datasets/FILE`` and succeed), run as a
whole process from a scratch folder, so a benchmark measures the graph an analyst gets.
"""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATASETS = ROOT.parent / "shared" / "datasets"
COW = DATASETS / "cow-alliance_v4.1_by_dyad.csv"
LES_MIS = DATASETS / "Les-Miserables.gexf"


def readme_commands() -> dict[str, list[str]]:
    """The README's successful import command for each shared dataset, by file name: the
    arguments after ``actorgraph``, with the datasets' folder made absolute."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    found = {}
    for block in re.findall(r"```console\n(.*?)```", text, re.S):
        for chunk in re.split(r"^\$ ", block, flags=re.M)[1:]:
            command, _, output = re.sub(r"\\\n\s*", "", chunk).partition("\n")
            named = re.search(r"\.\./shared/datasets/(\S+)", command)
            if command.startswith("actorgraph import ") and named and "Error" not in output:
                args = shlex.split(command)[1:]
                found[named[1]] = [a.replace("../shared/datasets/", f"{DATASETS}/") for a in args]
    return found


def import_dataset(name: str, folder: Path, python: str = sys.executable) -> Path:
    """Run the README's import of dataset ``name`` in ``folder``; the graph file it wrote."""
    args = readme_commands()[name]
    (folder / "graph").mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [python, "-m", "actorgraph", *args, "--force"], cwd=folder, check=True, capture_output=True
    )
    return folder / args[args.index("-o") + 1]
