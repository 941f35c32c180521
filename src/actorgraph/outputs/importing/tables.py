"""Tables: CSV files and Excel workbooks, as actorgraph writes them or as published.

actorgraph's own CSV set is the spreadsheet an analyst already keeps: ``NAME.actors.csv``
and ``NAME.relations.csv`` (one row per piece of evidence; rows naming the same relation
are joined), optionally ``NAME.sources.csv`` and ``NAME.graph.csv``. Any other CSV is a
table of ties, one per row (a dyad list, Gephi's edge table), its columns named with
``--map``. A workbook holds the same tables as sheets (``actors``/``relations``, or Kumu's
``Elements``/``Connections``); a workbook without them is one table of ties.

Rows are numbered as a spreadsheet numbers them: the header is row 1. Cells are bounded
(:data:`~.options.MAX_CELL_BYTES`, :data:`~.options.MAX_COLUMNS`), a header naming a
column twice is refused, and a cell our CSV export protected from spreadsheets (``'=``)
is read back as it was.
"""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path
from typing import Any

from actorgraph.exceptions import GraphFileError, Problem
from actorgraph.outputs.formatting import restore_formula
from actorgraph.outputs.importing.options import MAX_CELL_BYTES, MAX_COLUMNS, MAX_IMPORT_BYTES
from actorgraph.outputs.importing.records import (
    Dataset,
    Record,
    number,
    split_list,
    too_long,
    unpack,
)

TABLES = ("graph", "sources", "actors", "relations")


def read_text(path: str | os.PathLike[str]) -> str:
    """A text file as UTF-8, with a clear problem when it is missing, huge or not UTF-8."""
    name = str(path)
    try:
        size = Path(path).stat().st_size
        if size > MAX_IMPORT_BYTES:
            raise GraphFileError(
                [
                    Problem(
                        name,
                        0,
                        f"file is {size / 2**20:.0f} MiB; imports over "
                        f"{MAX_IMPORT_BYTES // 2**20} MiB are refused",
                        "split the file",
                    )
                ]
            )
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise GraphFileError([Problem(name, 0, "no such file")]) from None
    except IsADirectoryError:
        raise GraphFileError([Problem(name, 0, "is a folder, not a file")]) from None
    except OSError as error:
        raise GraphFileError([Problem(name, 0, f"cannot read: {error.strerror}")]) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        utf16 = data[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in data[:64]
        raise GraphFileError(
            [
                Problem(
                    name,
                    line,
                    f"not UTF-8 text (byte 0x{data[error.start]:02x}"
                    + ("; it looks like UTF-16)" if utf16 else ")"),
                    "save the file as UTF-8",
                )
            ]
        ) from None


def _header(cells: list[str], name: str) -> list[str]:
    """The column names; one left blank (pandas' index) is called ``column_N``."""
    if len(cells) > MAX_COLUMNS:
        raise GraphFileError(
            [
                Problem(
                    name,
                    1,
                    f"the header has {len(cells):,} columns; at most {MAX_COLUMNS:,} are read",
                    "keep the columns the graph needs",
                )
            ]
        )
    cells = [cell or f"column_{number_}" for number_, cell in enumerate(cells, 1)]
    seen: dict[str, int] = {}
    problems = []
    for number_, cell in enumerate(cells, 1):
        if cell in seen:
            problems.append(
                Problem(
                    name,
                    1,
                    f"column '{cell}' appears twice (columns {seen[cell]} and {number_})",
                    "rename or remove one",
                )
            )
        seen.setdefault(cell, number_)
    if problems:
        raise GraphFileError(problems)
    return cells


def csv_rows(path: str | os.PathLike[str]) -> list[tuple[int, dict[str, str]]]:
    """(row number, cells by column) for each row of a CSV file; the header is row 1."""
    name = str(path)
    text = read_text(path)
    header = text[: text.find("\n")] if "\n" in text else text
    # a spreadsheet saved in a comma-decimal locale separates with ';', a .tsv with tabs
    delimiter = max((",", ";", "\t"), key=header.count) if header.count(",") == 0 else ","
    # newline="": a CR inside quotes stays in its cell
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    limit = csv.field_size_limit()
    csv.field_size_limit(MAX_CELL_BYTES)
    rows: list[tuple[int, dict[str, str]]] = []
    problems = []
    row = 1
    try:
        header = _header([restore_formula(c) for c in next(reader, [])], name)
        for row, cells in enumerate(reader, 2):
            if len(cells) > len(header) and any(cells[len(header) :]):
                problems.append(
                    Problem(
                        name,
                        row,
                        f"{len(cells)} cells under a header of {len(header)}",
                        "quote cells that hold commas",
                    )
                )
                continue
            if any(cells):
                cells = [restore_formula(c) for c in cells]
                rows.append((row, dict(zip(header, cells, strict=False))))
    except csv.Error as error:
        message = str(error)
        if "field larger than field limit" in message:
            message = f"a cell holds more than {MAX_CELL_BYTES // 1024} KiB"
        problems.append(Problem(name, row + 1, f"cannot read the CSV: {message}"))
    finally:
        csv.field_size_limit(limit)
    if problems:
        raise GraphFileError(problems)
    return rows


def csv_files(path: str | os.PathLike[str]) -> dict[str, Path]:
    """The CSV tables that belong together: ``NAME.actors.csv``, ``NAME.relations.csv``, ...
    (or ``actors.csv``, ``relations.csv``, ... in one folder), found from any one of them."""
    given = Path(path)
    folder = given if given.is_dir() else given.parent
    stem = given.name if given.is_dir() else given.name[: -len(".csv")]
    prefix = ""
    for table in TABLES:
        if stem == table or stem.endswith(f".{table}"):
            prefix = stem[: -len(table)]
            break
    found = {t: folder / f"{prefix}{t}.csv" for t in TABLES}
    return {t: p for t, p in found.items() if p.is_file()}


def _records(rows: list[tuple[int, dict[str, Any]]], sheet: str | None = None) -> list[Record]:
    return [Record(cells, row, sheet=sheet) for row, cells in rows]


def _meta(graph_rows: list[dict[str, Any]], source_rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Graph-level fields from the ``graph`` (key, value) and ``sources`` tables."""
    settings = {str(r.get("key")): r.get("value") for r in graph_rows}
    meta: dict[str, Any] = {
        k: number(settings[k]) if k == "as_of" else settings[k]
        for k in ("title", "as_of", "description")
        if settings.get(k) not in (None, "")
    }
    vocabulary = unpack(settings.get("vocabulary"), {})
    if vocabulary:
        meta["vocabulary"] = vocabulary
    sources = []
    for row in source_rows:
        source = {k: v for k, v in row.items() if v not in (None, "")}
        if "authors" in source:
            source["authors"] = split_list(source["authors"])
        if "published" in source:
            source["published"] = number(source["published"])
        sources.append(source)
    if sources:
        meta["sources"] = sources
    return meta


def read_csv(path: str | os.PathLike[str]) -> Dataset:
    """A CSV set (actors + relations tables) or, for any other CSV, one table of ties."""
    files = csv_files(path)
    if "actors" in files and "relations" in files:
        meta = _meta(
            [c for _, c in csv_rows(files["graph"])] if "graph" in files else [],
            [c for _, c in csv_rows(files["sources"])] if "sources" in files else [],
        )
        return Dataset(
            str(files["relations"]),
            _records(csv_rows(files["relations"])),
            _records(csv_rows(files["actors"])),
            node_file=str(files["actors"]),
            meta=meta,
            header_line=1,
            rows=True,
            title=files["actors"].name.removesuffix(".csv").removesuffix(".actors") or None,
            sources_from_citations="sources" not in files,
        )
    if Path(path).is_dir() or Path(path).name.endswith((".actors.csv", ".graph.csv")):
        raise GraphFileError(
            [
                Problem(
                    str(path),
                    0,
                    "no relations table found",
                    "name files NAME.actors.csv and NAME.relations.csv",
                )
            ]
        )
    return Dataset(str(path), _records(csv_rows(path)), header_line=1, rows=True)


# -- Excel workbooks ---------------------------------------------------------------

_SHEETS = {
    "actors": "nodes",
    "elements": "nodes",
    "nodes": "nodes",
    "relations": "edges",
    "connections": "edges",
    "edges": "edges",
    "ties": "edges",
    "sources": "sources",
    "graph": "graph",
}


def _unsaved_formulas(path: str | os.PathLike[str], title: str, rows: set[int]) -> list[Problem]:
    """Formulas whose value the workbook never saved, in the given rows: openpyxl reads
    them as empty, which would otherwise be reported as a missing value."""
    from openpyxl import load_workbook

    book = load_workbook(path, read_only=True, data_only=False)
    try:
        found = []
        for row, cells in enumerate(book[title].iter_rows(values_only=True), 1):
            if row not in rows:
                continue
            for column, cell in enumerate(cells, 1):
                if isinstance(cell, str) and cell.startswith("="):
                    found.append((row, column, cell))
    finally:
        book.close()
    from openpyxl.utils import get_column_letter

    return [
        Problem(
            str(path),
            row,
            f"sheet '{title}', cell {get_column_letter(column)}{row}: the formula "
            f"{formula[:40]!r} has no saved value (actorgraph never runs formulas)",
            "open the workbook in a spreadsheet program and save it, or type the value",
        )
        for row, column, formula in found
    ]


def _sheet_rows(sheet: Any, name: str) -> list[tuple[int, dict[str, Any]]]:
    if (sheet.max_column or 0) > MAX_COLUMNS:
        raise GraphFileError(
            [
                Problem(
                    name,
                    1,
                    f"sheet '{sheet.title}' has {sheet.max_column:,} columns; at "
                    f"most {MAX_COLUMNS:,} are read",
                    "keep the columns the graph needs",
                )
            ]
        )
    rows = sheet.iter_rows(values_only=True)
    header = _header([str(c).strip() if c is not None else "" for c in next(rows, ())], name)
    found = []
    problems = []
    holes: set[int] = set()
    for row, cells in enumerate(rows, 2):
        if not any(c not in (None, "") for c in cells):
            continue
        if any(too_long(c) for c in cells):
            problems.append(
                Problem(
                    name,
                    row,
                    f"sheet '{sheet.title}': a cell holds more than {MAX_CELL_BYTES // 1024} KiB",
                )
            )
            continue
        found.append((row, {h: c for h, c in zip(header, cells, strict=False) if h}))
        if any(c is None for h, c in zip(header, cells, strict=False) if h):
            holes.add(row)
    if holes:  # an empty cell may be a formula saved without its value: say so
        problems += _unsaved_formulas(name, sheet.title, holes)
    if problems:
        raise GraphFileError(problems)
    return found


def read_xlsx(path: str | os.PathLike[str]) -> Dataset:
    """A workbook's sheets of actors and ties (or its first sheet, as a table of ties).

    Formulas are never run: openpyxl gives the value the spreadsheet saved with them."""
    import zipfile

    from openpyxl import load_workbook

    name = str(path)
    if not Path(path).is_file():
        raise GraphFileError([Problem(name, 0, "no such file")])
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise GraphFileError([Problem(name, 0, f"not an Excel workbook: {error}")]) from None
    try:
        sheets = {
            _SHEETS[s.title.strip().lower()]: s
            for s in book.worksheets
            if s.title.strip().lower() in _SHEETS
        }
        edges = sheets.get("edges") or book.worksheets[0]
        nodes = sheets.get("nodes")
        meta = _meta(
            [c for _, c in _sheet_rows(sheets["graph"], name)] if "graph" in sheets else [],
            [c for _, c in _sheet_rows(sheets["sources"], name)] if "sources" in sheets else [],
        )
        return Dataset(
            name,
            _records(_sheet_rows(edges, name), edges.title),
            _records(_sheet_rows(nodes, name), nodes.title) if nodes is not None else None,
            node_file=name,
            meta=meta,
            header_line=1,
            rows=True,
            sources_from_citations=nodes is not None and "sources" not in sheets,
        )
    finally:
        book.close()
