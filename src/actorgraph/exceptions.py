"""Typed exceptions, so callers (and the CLI) can tell bad input from no answer."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from actorgraph.vocabulary import FOLLOW_WORDS


class ActorgraphError(Exception):
    """Base class of every error actorgraph raises on purpose."""


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in a graph file, with where it is and what to do.

    ``line`` is 1-based; 0 means the file as a whole (missing, unreadable).
    """

    file: str
    line: int
    message: str
    hint: str = ""

    def to_dict(self) -> dict[str, object]:
        """The problem as JSON-ready data (``validate --format json``)."""
        return {"file": self.file, "line": self.line, "message": self.message, "hint": self.hint}

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        text = f"{where}: {self.message}"
        return f"{text}; {self.hint}" if self.hint else text


SAME_PROBLEM_SHOWN = 3
"""How many places one repeated problem lists before it says how many more there are."""


def problem_lines(problems: Sequence[Problem]) -> list[str]:
    """Every problem, one per line; the same problem at many places is one line listing
    the first few, so one mistake in a 3,000-row table does not fill the screen.

    >>> same = [Problem("t.csv", n, "kind is 'x'", "add --map") for n in (3, 7, 9, 12, 20)]
    >>> problem_lines([*same, Problem("t.csv", 4, "bad date")])
    ["t.csv:3: kind is 'x'; add --map (the same at 7, 9, 12 and 1 more)", 't.csv:4: bad date']
    """
    groups: dict[tuple[str, str, str], list[Problem]] = {}
    for problem in problems:
        groups.setdefault((problem.file, problem.message, problem.hint), []).append(problem)
    lines = []
    for group in groups.values():
        if len(group) <= SAME_PROBLEM_SHOWN + 1:
            lines += map(str, group)
            continue
        rest = group[1:]
        shown = ", ".join(f"{p.line:,}" for p in rest[:SAME_PROBLEM_SHOWN])
        more = len(rest) - SAME_PROBLEM_SHOWN
        lines.append(f"{group[0]} (the same at {shown} and {more:,} more)")
    return lines


class GraphFileError(ActorgraphError):
    """A graph file cannot be used; ``problems`` lists every reason at once."""

    def __init__(self, problems: Sequence[Problem]):
        self.problems = list(problems)
        count = len(self.problems)
        head = f"{count:,} problem{'s' if count != 1 else ''} found"
        super().__init__("\n".join([head, *problem_lines(self.problems)]))


class ActorNotFound(ActorgraphError, LookupError):
    """No actor answers to the name; ``suggestions`` holds close matches."""

    def __init__(
        self, name: str, suggestions: Sequence[str] = (), names: Mapping[str, str] | None = None
    ):
        self.name = name
        self.suggestions = list(suggestions)
        names = names or {}  # id -> name, for ids that do not say who they are ("3")
        message = f"no actor named {name!r}"
        if self.suggestions:
            shown = [repr(s) + (f" ({names[s]})" if s in names else "") for s in self.suggestions]
            message += "; did you mean " + " or ".join(shown) + "?"
        super().__init__(message)


class AmbiguousActor(ActorgraphError, LookupError):
    """The name belongs to several actors; use an id instead."""

    def __init__(self, name: str, ids: Sequence[str]):
        self.name = name
        self.ids = list(ids)
        super().__init__(f"{name!r} could be any of: {', '.join(self.ids)}; use an id")


class ViewNotFound(ActorgraphError, LookupError):
    """The graph file declares no view of that name; ``known`` lists those it does."""

    def __init__(self, name: str, known: Sequence[str] = ()):
        self.name = name
        self.known = list(known)
        where = (
            f"; views in this graph: {', '.join(self.known)}"
            if self.known
            else ("; this graph declares no views (add them under 'views:')")
        )
        super().__init__(f"no view named {name!r}{where}")


class NoPath(ActorgraphError):
    """A well-formed path question with no answer."""

    def __init__(self, source: str, target: str, follow: str):
        self.source, self.target, self.follow = source, target, follow
        how = FOLLOW_WORDS.get(follow, follow)
        super().__init__(f"no {how} path from {source} to {target}")


class QueryError(ActorgraphError, ValueError):
    """A question that cannot be asked as put: an unknown option value, a bad date."""


def require_choice(option: str, value: object, choices: Sequence[str]) -> None:
    """Refuse a value outside a rule-book list, naming the choices.

    >>> require_choice("follow", "sideways", ("influence", "stored", "any"))
    Traceback (most recent call last):
    ...
    actorgraph.exceptions.QueryError: follow must be one of influence, stored, any, not 'sideways'
    """
    if value not in choices:
        raise QueryError(f"{option} must be one of {', '.join(choices)}, not {value!r}")


class OutputError(ActorgraphError):
    """An output file could not be written; the previous file, if any, is untouched."""
