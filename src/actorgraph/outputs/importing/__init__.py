"""Graphs from other tools' files: CSV, Excel, node-link JSON, Kumu, GraphML, GEXF, GML.

The format comes from the file's extension (or is named); each reader turns the file
into rows or elements (:mod:`.tables`, :mod:`.xmlgraphs`, :mod:`.jsongraphs`) and
:func:`.assemble.build` makes the checked graph, mapping columns to fields as
:class:`ImportOptions` says. Data published by others goes in with flags, not code: the
dataset becomes a source, and each tie cites its row or element.

>>> from actorgraph.io.load import read_graph
>>> from actorgraph.outputs.export import export_text
>>> import pathlib, tempfile
>>> seed = read_graph("graph/belarus-2022.yaml")
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "seed.kumu.json").write_text(export_text(seed, "kumu"), encoding="utf-8")
>>> import_graph(folder / "seed.kumu.json") == seed
True
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Sequence
from pathlib import Path

from actorgraph.exceptions import GraphFileError, OutputError, Problem
from actorgraph.model import Graph
from actorgraph.outputs.importing.assemble import build
from actorgraph.outputs.importing.options import (
    ImportOptionError,
    ImportOptions,
    pairs,
)
from actorgraph.outputs.importing.records import Dataset, Imported, split_list
from actorgraph.outputs.importing.tables import csv_files, read_csv, read_xlsx
from actorgraph.vocabulary import IMPORT_FORMATS

__all__ = [
    "IMPORT_FORMATS",
    "ImportOptionError",
    "ImportOptions",
    "Imported",
    "csv_files",
    "format_of",
    "import_file",
    "import_graph",
    "import_to_file",
    "one_graph",
    "pairs",
    "split_list",
]

_EXTENSIONS = {
    ".csv": "csv",
    ".tsv": "csv",
    ".xlsx": "xlsx",
    ".xlsm": "xlsx",
    ".json": "json",
    ".graphml": "graphml",
    ".gexf": "gexf",
    ".gml": "gml",
}


def format_of(path: str | os.PathLike[str], named: str | None = None) -> str:
    """The import format: the one named, else from the extension (a folder is CSV)."""
    if named:
        return "json" if named == "kumu" else named
    if Path(path).is_dir():
        return "csv"
    found = _EXTENSIONS.get(Path(path).suffix.lower())
    if found is None:
        raise GraphFileError(
            [
                Problem(
                    str(path),
                    0,
                    "cannot tell the format from the extension",
                    f"give --from {'|'.join(IMPORT_FORMATS)}",
                )
            ]
        )
    return found


def read_dataset(path: str | os.PathLike[str], named: str | None = None) -> Dataset:
    """The rows or elements of one file, before any mapping."""
    from actorgraph.outputs.importing.gml import read_gml
    from actorgraph.outputs.importing.jsongraphs import read_json
    from actorgraph.outputs.importing.xmlgraphs import read_gexf, read_graphml

    readers = {
        "csv": read_csv,
        "xlsx": read_xlsx,
        "json": read_json,
        "graphml": read_graphml,
        "gexf": read_gexf,
        "gml": read_gml,
    }
    return readers[format_of(path, named)](path)


def import_file(path: str | os.PathLike[str], options: ImportOptions | None = None) -> Imported:
    """A checked graph from a file, and the notes on what the import decided
    (ids numbered apart, rows left out); :class:`GraphFileError` lists every problem."""
    options = options or ImportOptions()
    imported = build(read_dataset(path, options.source_format), options)
    if options.title:
        imported.graph = dataclasses.replace(imported.graph, title=options.title)
    return imported


def import_graph(path: str | os.PathLike[str], title: str | None = None) -> Graph:
    """A graph from a file of another format, read as it is (no mapping flags)."""
    return import_file(path, ImportOptions(title=title)).graph


def import_to_file(
    path: str | os.PathLike[str],
    output: str | os.PathLike[str],
    options: ImportOptions | None = None,
    force: bool = False,
) -> Imported:
    """Import ``path`` and write the graph file ``output`` (YAML, or JSON by extension).

    An existing ``output`` is only replaced with ``force``: an import must not
    silently overwrite a curated graph. Nothing is written when anything is wrong.
    """
    from actorgraph.io.files import write_atomic
    from actorgraph.io.load import graph_file_text

    target = Path(output)
    if target.exists() and not force:
        raise OutputError(f"{target} exists; give --force to replace it")
    imported = import_file(path, options)
    write_atomic(target, graph_file_text(imported.graph, target))
    return imported


def one_graph(files: Sequence[str]) -> bool:
    """Whether ``files`` make one graph: a single file, or tables of one CSV set."""
    if len(files) <= 1:
        return True
    return all(f.lower().endswith(".csv") for f in files) and (
        len({tuple(sorted(csv_files(f).values())) for f in files}) == 1
    )
