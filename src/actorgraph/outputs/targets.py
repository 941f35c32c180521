"""Which format a file is written in: never one format under another's extension.

``render`` and ``export`` both take a format (``--to``) and a file (``-o``); the
file's extension decides when no format is given, and a file named for one format
while another is asked for is refused rather than written.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path

from actorgraph.exceptions import QueryError
from actorgraph.vocabulary import EXPORT_FORMATS, PICTURE_FORMATS

RENDER_SUFFIXES: dict[str, tuple[str, ...]] = {
    "html": (".html", ".htm"),
    **{to: (f".{to}",) for to in PICTURE_FORMATS},
}
"""The extensions each ``render --to`` format is known by."""

EXPORT_SUFFIXES: dict[str, tuple[str, ...]] = {
    to: (suffix, ".json") if to == "json" else (suffix,) for to, suffix in EXPORT_FORMATS.items()
}
"""The extensions each ``export --to`` format is known by."""


def named_format(
    output: str | os.PathLike[str] | None, suffixes: Mapping[str, Sequence[str]]
) -> str | None:
    """The format ``output``'s extension names, or None when it names none."""
    if output is None:
        return None
    name = str(output).lower()
    by_length = sorted(
        ((suffix, to) for to, known in suffixes.items() for suffix in known),
        key=lambda pair: -len(pair[0]),
    )  # .kumu.json before .json
    return next((to for suffix, to in by_length if name.endswith(suffix)), None)


def format_for(
    output: str | os.PathLike[str] | None,
    to: str | None,
    suffixes: Mapping[str, Sequence[str]],
    default: str,
) -> str:
    """``to`` if given, else what ``output``'s extension says, else ``default``; a file
    named for one format while another is asked for is refused.

    >>> format_for("out/b.svg", None, RENDER_SUFFIXES, "html")
    'svg'
    >>> format_for("x.html", "png", RENDER_SUFFIXES, "html")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    actorgraph.exceptions.QueryError: -o x.html is named for html, but --to png was asked; ...
    """
    named = named_format(output, suffixes)
    if to is None:
        return named or default
    if named is not None and named != to:
        given = Path(str(output))
        fixed = given.parent / (given.name.split(".")[0] + suffixes[to][0])
        raise QueryError(
            f"-o {output} is named for {named}, but --to {to} was asked; "
            f"name it {fixed}, or ask for --to {named}"
        )
    return to
