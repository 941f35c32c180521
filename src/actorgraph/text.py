"""Graph text made safe for where it goes: Markdown that renders as text, terminals
that see no control sequences.

Graph files are checked on load (no control characters get in), but a graph can
also be built in code; these are the defence in depth every writer uses.
"""

from __future__ import annotations

import re
from typing import Any

# What means something in GitHub's Markdown (cmark-gfm, and GitHub's math between
# "$"), backslash-escaped: these characters wherever they stand; a list, quote or
# heading marker at the start; the "." of "www." and the ":" of "://" (autolinks).
# Numbers such as "-0.5" or "1.00" are left as they are.
# The rest of the punctuation is left as is, so the Markdown stays readable.
_MD_ANYWHERE = r"[\\`*_\[\]<>&|~#$^]"
_MD_SPECIAL = re.compile(
    rf"({_MD_ANYWHERE})"
    # at the start: a list marker ("- ", "+ ", "1. ", "1) "), or a line of "-" or "="
    rf"|^([-+](?=[ \t]|$)|[0-9]{{1,9}}(?=[.)](?:[ \t]|$))|[-=](?=[-= \t]*$))"
    rf"|(?<=[wW]{{3}})(\.)|(:)(?=//)"
)
_LINE_BREAK = re.compile(r"\r\n?|\n")
WORD_JOINER = "\u2060"


def slug(text: str, dots: bool = False) -> str:
    """An id from any name: spelt in ASCII letters (anyascii), lowercase, every run of
    other characters one '-'. ``dots`` keeps '.' (source ids may hold them).

    Transliterating keeps ids readable and distinct for names in any script, where
    dropping what is not ASCII would leave "ukaszenka", or nothing at all.

    >>> slug("Mme. Magloire"), slug("Côte d'Ivoire"), slug("v4.1 data", dots=True)
    ('mme-magloire', 'cote-d-ivoire', 'v4.1-data')
    >>> slug("Łukaszenka"), slug("Путин"), slug("習近平"), slug("Ελλάδα")
    ('lukaszenka', 'putin', 'xijinping', 'ellada')
    """
    from anyascii import anyascii  # its tables load only when an id is made from a name

    plain = anyascii(text).lower()
    text = re.sub(r"[^a-z0-9_.]+" if dots else r"[^a-z0-9_]+", "-", plain)
    return re.sub(r"([-_.])[-_.]+", r"\1", text).strip("-_.")


def _escape(match: re.Match[str]) -> str:
    text = match.group()
    if match.group(2) and text[0].isdigit():  # "1." or "1)": escape what follows the digits
        return text + "\\"
    return "\\" + text


def md_escape(text: Any) -> str:
    r"""Graph text as inert Markdown: shown as written, on one line, in any inline place.

    Every character that would mean something is backslash-escaped (no HTML,
    entity, emphasis, code, link, autolink, strikethrough, table cell break,
    heading, quote or list); line breaks
    (\n, \r\n, a bare \r) become spaces, and the ends are trimmed (leading blanks
    would indent a code block). An invisible word joiner follows each "@", so that
    neither GitHub's e-mail autolinks nor its @mentions fire. Used by every
    Markdown writer, exactly once per text.

    >>> print(md_escape("<b>*bold*</b> | [x](y) at http://t.example, 1. www.x.org"))
    \<b\>\*bold\*\</b\> \| \[x\](y) at http\://t.example, 1. www\.x.org
    """
    flat = " ".join(_LINE_BREAK.split(str(text))).strip(" \t")
    return _MD_SPECIAL.sub(_escape, flat).replace("@", "@" + WORD_JOINER)


# Controls a terminal acts on (C0 but tab and newline, DEL, C1): escape sequences
# that clear the screen, set the window title or the clipboard (OSC 52), or a
# carriage return that writes over what a line said (CR LF ends a line, as ever).
_TERMINAL_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]|\r(?!\n)")


def terminal_safe(text: str) -> str:
    r"""Text with every control character a terminal would act on shown as an escape.

    >>> terminal_safe("Putin\x1b]52;c;cHduZWQ=\x07\r\tok\n")
    'Putin\\x1b]52;c;cHduZWQ=\\x07\\x0d\tok\n'
    """
    return _TERMINAL_UNSAFE.sub(lambda match: f"\\x{ord(match.group()):02x}", text)


def md_url(url: str) -> str:
    """A URL or file name safe as a Markdown link destination, ``(...)`` or ``<...>``:
    blanks, brackets, quotes, backslashes, pipes and non-ASCII percent-encoded.

    >>> md_url("http://x.example/a b)![t](http://t.example/p.gif>")
    'http://x.example/a%20b%29![t]%28http://t.example/p.gif%3E'
    """
    from urllib.parse import quote

    return quote(url, safe=":/?#[]@!$&'*+,;=%~")
