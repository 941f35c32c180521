"""YAML to plain data, remembering the line of every value.

PyYAML composes a node tree that knows where each node starts; we build the
data ourselves from that tree so that we can (a) report duplicate keys, which
PyYAML accepts silently, (b) keep a line for every path in the document, and
(c) refuse alias bombs before anything walks the expanded data.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from actorgraph.exceptions import Problem
from actorgraph.memory import collector_paused

if TYPE_CHECKING:  # PyYAML loads only when YAML is read: a clean JSON file never needs it
    import yaml
    from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

PathKey = tuple[str | int, ...]

_MAP_TAG = "tag:yaml.org,2002:map"
_STR_TAG = "tag:yaml.org,2002:str"
_SEQ_TAG = "tag:yaml.org,2002:seq"
_MERGE_TAG = "tag:yaml.org,2002:merge"
MAX_ALIAS_EXPANSION = 1_000_000


@dataclass
class PositionedData:
    """Data read from YAML, the line of each path in it, and what went wrong."""

    data: Any
    lines: dict[PathKey, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    files: dict[str, str] = field(default_factory=dict)  # section -> file, when data is split

    def file_of(self, path: PathKey, default: str) -> str:
        """The file that holds ``path`` (imports read sections from separate files)."""
        return self.files.get(str(path[0]), default) if path else default

    def line_of(self, path: PathKey) -> int:
        """The line of ``path``, or of its nearest ancestor that has one."""
        for end in range(len(path), -1, -1):
            line = self.lines.get(tuple(path[:end]))
            if line is not None:
                return line
        return 1


def _line(node: Node) -> int:
    return node.start_mark.line + 1


def _alias_expansion(root: Node) -> int:
    """How many values aliases add to the document once every alias is expanded."""
    sizes: dict[int, int] = {}
    active: set[int] = set()

    def size(node: Node) -> int:
        key = id(node)
        if key in sizes:
            return sizes[key]
        if key in active:
            raise _RecursiveAlias(node)
        active.add(key)
        if node.id == "mapping":
            total = 1 + sum(size(k) + size(v) for k, v in node.value)
        elif node.id == "sequence":
            total = 1 + sum(size(item) for item in node.value)
        else:
            total = 1
        active.discard(key)
        sizes[key] = total
        return total

    return size(root) - len(sizes)


class _RecursiveAlias(Exception):
    def __init__(self, node: Node):
        self.node = node


class _Builder:
    def __init__(self, filename: str):
        self.filename = filename
        import yaml

        self.constructor = yaml.constructor.SafeConstructor()
        self.error = yaml.YAMLError
        self.result = PositionedData(None)
        self.built: dict[int, Any] = {}

    def problem(self, node: Node, message: str, hint: str = "") -> None:
        self.result.problems.append(Problem(self.filename, _line(node), message, hint))

    def build(self, node: Node, path: PathKey) -> Any:
        self.result.lines.setdefault(path, _line(node))
        if id(node) in self.built:  # an alias: share the object, as PyYAML does
            return self.built[id(node)]
        if node.id == "mapping":  # PyYAML's node kinds: mapping, sequence, scalar
            value: Any = self._mapping(node, path)
        elif node.id == "sequence":
            value = self._sequence(node, path)
        else:
            value = self._scalar(node)
        self.built[id(node)] = value
        return value

    def _check_tag(self, node: Node, expected: str) -> None:
        if node.tag != expected:
            self.problem(node, f"unsupported YAML tag {node.tag!r}", "remove the tag")

    def _mapping(self, node: MappingNode, path: PathKey) -> dict[str, Any]:
        self._check_tag(node, _MAP_TAG)
        result: dict[str, Any] = {}
        self.built[id(node)] = result
        first_seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            if key_node.tag == _MERGE_TAG:
                self.problem(
                    key_node,
                    "YAML merge keys ('<<') are not supported",
                    "write the fields out in full",
                )
                continue
            scalar = key_node.id == "scalar"
            key = self._scalar(key_node) if scalar else None
            if not isinstance(key, str):
                shown = key_node.value if scalar else "a collection"
                self.problem(
                    key_node,
                    f"field name {shown!r} is not text",
                    "field names are words such as 'name'; quote it if you must",
                )
                continue
            if key in first_seen:
                self.problem(
                    key_node,
                    f"duplicate key {key!r}",
                    f"it is already set on line {first_seen[key]}; keep one",
                )
                continue
            first_seen[key] = _line(key_node)
            result[key] = self.build(value_node, (*path, key))
        return result

    def _sequence(self, node: SequenceNode, path: PathKey) -> list[Any]:
        self._check_tag(node, _SEQ_TAG)
        result: list[Any] = []
        self.built[id(node)] = result
        result.extend(self.build(item, (*path, i)) for i, item in enumerate(node.value))
        return result

    def _scalar(self, node: ScalarNode) -> Any:
        if node.tag == _STR_TAG:  # most values: what PyYAML's constructor would return
            return node.value
        try:
            value = self.constructor.construct_object(node)
        except (ValueError, TypeError, OverflowError):
            # a date-like value off the calendar (2022-13-45): keep the text; the
            # date check reports it where a date belongs
            return node.value
        except self.error as error:
            reason = getattr(error, "problem", None) or str(error)
            self.problem(node, f"cannot read {node.value!r}: {reason}")
            return node.value
        if isinstance(value, dt.datetime):
            return value.date().isoformat()
        if isinstance(value, dt.date):
            return value.isoformat()
        return value


_YAML_HINTS = (
    ("another document", "a graph file is one YAML document: remove the '---' line"),
    ("end of stream", "a quoted text is not closed: end it with the quote it starts with"),
    (
        "expected '-' indicator",
        "check the indentation: a list's items start with '- ' at one column, "
        "and an item's keys line up under its first key",
    ),
    ("block end", "check the indentation: keys of one mapping line up at one column"),
    (
        "mapping values are not allowed",
        "a value holding ': ' must be quoted, or the line is indented too far",
    ),
    ("expected ':'", "a key needs ': ' after it"),
    ("expected ',' or ']'", "a [...] list is not closed, or needs a comma between items"),
    ("expected ',' or '}'", "a {...} mapping is not closed, or needs a comma between items"),
)


def _yaml_hint(error: yaml.MarkedYAMLError) -> str:
    """What to do about the usual YAML slips, from PyYAML's own words."""
    said = f"{error.context or ''} {error.problem or ''}"
    return next((hint for words, hint in _YAML_HINTS if words in said), "")


def read_positioned_yaml(text: str, filename: str) -> PositionedData:
    """Parse one YAML document into plain data with a line for every path.
    See :func:`_read_positioned_yaml`; this runs it with the collector paused."""
    with collector_paused():
        return _read_positioned_yaml(text, filename)


def _read_positioned_yaml(text: str, filename: str) -> PositionedData:
    """Parse one YAML document into plain data with a line for every path.

    >>> doc = read_positioned_yaml("a: 1\\nb:\\n  - x\\n  - y\\n", "f.yaml")
    >>> doc.data, doc.lines[("b", 1)]
    ({'a': 1, 'b': ['x', 'y']}, 4)
    >>> [str(p) for p in read_positioned_yaml("a: 1\\na: 2\\n", "f.yaml").problems]
    ["f.yaml:2: duplicate key 'a'; it is already set on line 1; keep one"]
    """
    import yaml

    try:
        root = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        reason = error.problem or error.context or "not valid YAML"
        hint = "YAML indents with spaces, never tabs" if "\t" in text else _yaml_hint(error)
        return PositionedData(
            None, problems=[Problem(filename, line, f"not valid YAML: {reason}", hint)]
        )
    except yaml.YAMLError as error:
        return PositionedData(None, problems=[Problem(filename, 1, f"not valid YAML: {error}")])
    if root is None:
        return PositionedData(None)
    builder = _Builder(filename)
    try:  # an alias is written '*name': without a '*' there is none to expand
        expansion = _alias_expansion(root) if "*" in text else 0
    except _RecursiveAlias as error:
        builder.problem(error.node, "a YAML alias refers to itself", "remove the anchor loop")
        return builder.result
    except RecursionError:
        builder.problem(root, "the document is nested too deeply")
        return builder.result
    if expansion > MAX_ALIAS_EXPANSION:
        builder.problem(
            root,
            f"YAML aliases expand to more than {MAX_ALIAS_EXPANSION:,} values",
            "refused; write the repeated parts out or use fewer aliases",
        )
        return builder.result
    try:
        builder.result.data = builder.build(root, ())
    except RecursionError:
        builder.problem(root, "the document is nested too deeply")
    return builder.result
