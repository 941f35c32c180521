"""Whether plain graph data means something: shape, references, vocabulary, dates.

The shape is checked against :data:`~actorgraph.io.schema.GRAPH_SCHEMA`
(jsonschema-rs first, jsonschema to list what is wrong); the meaning by
:class:`Meaning`. Every problem is reported at once, each with the line the
positioned reader (:mod:`actorgraph.io.positioned`) recorded for it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from actorgraph.exceptions import Problem
from actorgraph.io.meaning import END_WORDS, SINGULAR, Meaning, did_you_mean
from actorgraph.io.positioned import PathKey, PositionedData, read_positioned_yaml
from actorgraph.io.schema import COLOR, LINE
from actorgraph.memory import collector_paused

_TYPE_WORDS = {
    "string": "text",
    "number": "a number",
    "integer": "a whole number",
    "array": "a list",
    "object": "a mapping of fields",
    "boolean": "true or false",
}


def check_yaml(text: str, filename: str) -> tuple[PositionedData, list[Problem]]:
    """Read YAML with positions and list every problem in it, sorted by line."""
    doc = read_positioned_yaml(text, filename)
    problems = list(doc.problems)
    if not problems or doc.data is not None:
        problems.extend(check_data(doc, filename))
    return doc, sorted(set(problems))


# Characters no graph text may hold, however the file spelled them (raw, or as a
# YAML or JSON escape): C0 and C1 controls (but tab, line feed and carriage
# return, which end lines in files written on Windows) and DEL, which
# drive terminals (clear screen, window titles, clipboard) and which XML cannot
# hold; lone surrogates, which are not text and cannot be encoded; Unicode
# non-characters. Tab and line breaks are refused outside prose by the schema
# (:data:`~actorgraph.io.schema.LINE`).
_NONCHARACTERS = "\ufdd0-\ufdef" + "".join(
    chr(plane * 0x10000 + 0xFFFE) + chr(plane * 0x10000 + 0xFFFF) for plane in range(17)
)
_FORBIDDEN = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff{_NONCHARACTERS}]")
# A JSON text that may hold such a character: as an escape that makes one, or raw
# (JSON refuses raw C0 in strings itself). Only such a file is walked string by
# string; a clean big file is not. Scanning 10 MB with a character class takes
# Python's re most of a second, so the raw check looks at the non-ASCII part only.
_SUSPECT_ESCAPE = re.compile(
    r"\\(?:[bf]|u(?:00[01]|007[fF]|00[89]|[dD][89a-fA-F]|[fF][dD][dDeE]|[fF]{3}[eEfF]))"
)
_ASCII = bytes(range(0x80))


def _may_hold_forbidden(json_text: str) -> bool:
    if "\x7f" in json_text or _SUSPECT_ESCAPE.search(json_text):
        return True
    if json_text.isascii():
        return False
    beyond_ascii = json_text.encode("utf-8", "surrogatepass").translate(None, _ASCII)
    return bool(_FORBIDDEN.search(beyond_ascii.decode("utf-8", "surrogatepass")))


def _character_problem(char: str) -> tuple[str, str]:
    code = ord(char)
    if 0xD800 <= code <= 0xDFFF:
        return (
            f"a lone surrogate (U+{code:04X}), which is not text",
            "remove it; a \\u escape of a surrogate must be one half of a pair",
        )
    if code < 0x20 or 0x7F <= code <= 0x9F:
        return f"a control character (U+{code:04X})", "remove it"
    return f"a Unicode non-character (U+{code:04X})", "remove it"


def text_problems(doc: PositionedData, filename: str) -> list[Problem]:
    """Every text (and field name) that holds a character no graph may hold.

    The one place these are refused, whatever the file format or importer.

    >>> from actorgraph.io.positioned import read_positioned_yaml
    >>> doc = read_positioned_yaml('title: "a\\\\eb"\\nnote: "x\\\\ty"\\n', "g.yaml")
    >>> [str(p) for p in text_problems(doc, "g.yaml")]
    ['g.yaml:1: title holds a control character (U+001B); remove it']
    """
    found = []
    search = _FORBIDDEN.search
    pending: list[tuple[Any, PathKey]] = [(doc.data, ())]  # a stack: any depth, no recursion
    while pending:
        value, path = pending.pop()
        if isinstance(value, str):
            match = search(value)
            if match:
                message, hint = _character_problem(match.group())
                found.append(
                    Problem(
                        doc.file_of(path, filename),
                        doc.line_of(path),
                        f"{_field_word(path)} holds {message}",
                        hint,
                    )
                )
        elif isinstance(value, dict):
            for key, item in value.items():
                pending.append((item, (*path, key)))
                pending.append((key, (*path, key)))
        elif isinstance(value, list):
            pending.extend((item, (*path, index)) for index, item in enumerate(value))
    return found


def check_json(text: str, filename: str) -> tuple[PositionedData, list[Problem]]:
    r"""Read JSON and list every problem in it, sorted by line.

    The clean case is fast: the standard library's parser, no positions kept.
    When anything is wrong the text is read again as YAML (JSON is YAML), with
    positions, to say on which line; duplicate keys count as wrong too.

    >>> check_json('{"title": "t", "actors": [], "relations": []}', "g.json")[1]
    []
    >>> [str(p) for p in check_json('{"title": "t",\n "title": "u"}', "g.json")[1]][-1]
    "g.json:2: duplicate key 'title'; it is already set on line 1; keep one"
    """
    duplicate = False

    def pairs_hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        nonlocal duplicate
        mapping = dict(pairs)
        duplicate = duplicate or len(mapping) != len(pairs)
        return mapping

    with collector_paused():
        try:
            data = json.loads(text, object_pairs_hook=pairs_hook)
        except json.JSONDecodeError as error:
            return PositionedData(None), [
                Problem(filename, error.lineno, f"not valid JSON: {error.msg}")
            ]
        except RecursionError:
            return PositionedData(None), [Problem(filename, 1, "the document is nested too deeply")]
        except ValueError:  # Python refuses to read a number of more than 4,300 digits
            return PositionedData(None), [_long_number(text, filename)]
        suspect = duplicate or _may_hold_forbidden(text)
        if not suspect and isinstance(data, dict) and schema_valid(data):
            doc = PositionedData(data)
            if not Meaning(doc, filename).problems():
                return doc, []
    # the lines come from reading the text again as YAML; the data stays JSON's
    # (YAML reads a raw U+0085 or U+2028 as a line break, and refuses surrogate escapes)
    positioned = read_positioned_yaml(text, filename)
    doc = PositionedData(data, lines=positioned.lines if positioned.data is not None else {})
    found = check_data(doc, filename)
    if positioned.data is not None:
        found += positioned.problems
    elif duplicate:
        found.append(Problem(filename, 1, "duplicate keys in a JSON object", "keep one of each"))
    return doc, sorted(set(found))


def _long_number(text: str, filename: str) -> Problem:
    match = re.search(r"[0-9]{4301,}", text)
    line = text.count("\n", 0, match.start()) + 1 if match else 1
    digits = len(match.group()) if match else "too many"
    return Problem(
        filename,
        line,
        f"not valid JSON: a number with {digits} digits (at most 4,300 can be read)",
        "write it with fewer digits, or as text in quotes",
    )


def check_data(doc: PositionedData, filename: str) -> list[Problem]:
    """Problems in data already read: not a graph at all, its shape, its meaning."""
    if doc.data is None:
        return [
            Problem(
                filename,
                1,
                "the file is empty",
                "a graph needs at least title, actors and relations",
            )
        ]
    if not isinstance(doc.data, dict):
        return [
            Problem(
                filename,
                1,
                f"the file holds {_describe(doc.data)}, not a graph",
                "start with 'title:', 'actors:', 'relations:'",
            )
        ]
    forbidden = text_problems(doc, filename)
    return [
        *_schema_problems(doc, filename, quick=not forbidden),
        *Meaning(doc, filename).problems(),
        *forbidden,
    ]


@lru_cache(maxsize=1)
def _validator() -> Any:
    from jsonschema import Draft202012Validator

    from actorgraph.io.schema import GRAPH_SCHEMA

    return Draft202012Validator(GRAPH_SCHEMA)


@lru_cache(maxsize=1)
def _quick_check() -> Any:
    import jsonschema_rs

    from actorgraph.io.schema import GRAPH_SCHEMA

    return jsonschema_rs.validator_for(GRAPH_SCHEMA)


def schema_valid(data: Any) -> bool:
    """Whether data fits the schema: jsonschema-rs's compiled check, ~100x faster than
    jsonschema, which then only runs to list what is wrong (or to decide, for data the
    quick check cannot read, such as a number too big for 64 bits).

    The two agree on every text but one that holds a character no graph may hold
    (Python's ``\\S`` calls U+001C-U+001F and U+0085 space, Rust's does not): for such
    data only jsonschema decides (see :func:`check_data`)."""
    try:
        return bool(_quick_check().is_valid(data))
    except (ValueError, TypeError, OverflowError, RecursionError):
        return False


def _schema_problems(doc: PositionedData, filename: str, quick: bool) -> Iterator[Problem]:
    if quick and schema_valid(doc.data):
        return
    for error in _validator().iter_errors(doc.data):
        path: PathKey = tuple(error.absolute_path)
        kind = error.validator
        if kind == "required":
            owner = _owner_word(path)
            for name in error.validator_value:
                if name not in error.instance:
                    yield Problem(
                        doc.file_of(path, filename),
                        doc.line_of(path),
                        f"{owner} is missing '{name}'",
                    )
        elif kind == "additionalProperties":
            allowed = list(error.schema.get("properties", {}))
            for name in error.instance:
                if name not in allowed:
                    yield Problem(
                        doc.file_of(path, filename),
                        doc.line_of((*path, name)),
                        f"unknown field '{name}' in {_owner_word(path)}",
                        did_you_mean(name, allowed, "allowed fields"),
                    )
        else:
            yield Problem(
                doc.file_of(path, filename), doc.line_of(path), _schema_message(path, error)
            )


def _schema_message(path: PathKey, error: Any) -> str:
    field = _field_word(path)
    value, kind = error.instance, error.validator
    if kind == "type":
        wanted = error.validator_value
        wanted = [wanted] if isinstance(wanted, str) else wanted
        words = " or ".join(_TYPE_WORDS.get(w, w) for w in wanted)
        hint = ""
        if isinstance(value, bool) and "string" in wanted:
            hint = " (YAML reads yes/no/on/off as true/false: put the text in quotes)"
        return f"{field} must be {words}, not {_describe(value)}{hint}"
    if kind == "enum":
        return (
            f"{field} must be one of: {', '.join(map(str, error.validator_value))}; got {value!r}"
        )
    if kind in ("minimum", "maximum") and path and path[-1] == "strength":
        return f"strength must be between 0 and 1, got {value!r}"
    if kind == "pattern" and error.validator_value in (r"\S", LINE):
        if not str(value).strip():
            return f"{field} must not be blank"
        what = "field name" if path and path[-1] == "attributes" else field
        shown = _describe(value).partition(" ")[2]
        return f"{what} {shown} must be one line: no tabs or line breaks"
    if kind == "pattern" and error.validator_value == COLOR:
        return f"{field} must be a colour such as '#7f5539', not {value!r}"
    if kind == "pattern" and "[0-9]{4}" in error.validator_value:
        return f"{field}: invalid date {value!r}; use YYYY, YYYY-MM or YYYY-MM-DD"
    if kind == "pattern":
        dots = "[-_.]" in error.validator_value
        return f"{field} {value!r} is not a valid id; use lowercase letters, digits, " + (
            "and '-', '_' or '.' between them (e.g. 'cow-alliance-v4.1')"
            if dots
            else "and '-' or '_' between them (e.g. 'belarusian-military')"
        )
    if kind == "minItems":
        return (
            f"{field} needs at least {error.validator_value} item"
            f"{'s' if error.validator_value != 1 else ''}"
        )
    return f"{field}: {error.message}"


def _owner_word(path: PathKey) -> str:
    for part in reversed(path):
        if isinstance(part, str):
            return SINGULAR.get(part, part)
    return "the graph"


# "source" is both a tie's first actor and a piece of evidence's document: say which


def _field_word(path: PathKey) -> str:
    if path and path[-1] in END_WORDS and len(path) == 3 and path[0] == "relations":
        return END_WORDS[str(path[-1])]
    if path and path[-1] == "source" and "evidence" in path:
        return "evidence source"
    for part in reversed(path):
        if isinstance(part, str):
            return part
    return "the graph"


def _describe(value: Any) -> str:
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"{str(value).lower()}"
    if isinstance(value, (dict, list)):
        return "a mapping" if isinstance(value, dict) else "a list"
    shown = repr(value)
    if len(shown) > 60:  # a 5,000-digit number or a page of text: its start says enough
        shown = f"{shown[:50]}… ({len(str(value)):,} characters)"
    return f"{type(value).__name__.replace('str', 'text')} {shown}"
