"""An article's text as numbered paragraphs, sentences and word tokens.

Paragraphs are numbered the way evidence cites them: blocks separated by blank
lines, or, in a file with no blank line, one paragraph a line (the number is
then the line number).

>>> [(p.number, p.text) for p in paragraphs("One.\\nTwo\\nlines.\\n\\nThree.")]
[(1, 'One. Two lines.'), (2, 'Three.')]
>>> [(p.number, p.text) for p in paragraphs("One.\\nTwo.\\n")]
[(1, 'One.'), (2, 'Two.')]
>>> [t.text for t in tokens("Russia’s 90% push, and the U.S.")]
['Russia', "'s", '90', '%', 'push', ',', 'and', 'the', 'U.S.']
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Paragraph:
    """One paragraph and the number evidence uses for it."""

    number: int
    text: str


@dataclass(frozen=True)
class Token:
    """A word or a mark, with where it starts and ends in its sentence."""

    text: str
    start: int
    end: int

    @property
    def key(self) -> str:
        """The casefolded form patterns match on."""
        return self.text.casefold()

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()


_BLANK = re.compile(r"\n[ \t]*\n")


def paragraphs(text: str) -> list[Paragraph]:
    """The article's paragraphs, numbered as its evidence cites them."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    if _BLANK.search(text.strip("\n")):
        blocks = [" ".join(b.split()) for b in _BLANK.split(text)]
        return [Paragraph(n, b) for n, b in enumerate((b for b in blocks if b), 1)]
    return [
        Paragraph(n, " ".join(line.split()))
        for n, line in enumerate(text.split("\n"), 1)
        if line.strip()
    ]


_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "st", "sen", "rep", "gov",
    "pres", "jr", "sr", "vs", "no", "inc", "ltd", "co", "corp", "e.g", "i.e", "etc", "approx",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "u.s", "u.k", "u.n", "a.m", "p.m",
}  # fmt: skip
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")


def sentences(text: str) -> list[tuple[int, str]]:
    """(offset, sentence) pairs: split after . ! ? before a capital, not after Mr. or U.S.

    >>> [s for _, s in sentences("Mr. Smith met the U.S. envoy. Then he left! Why?")]
    ['Mr. Smith met the U.S. envoy.', 'Then he left!', 'Why?']
    """
    found, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        word = text[start : match.start()].rsplit(None, 1)[-1:] or [""]
        if word[0].lower().rstrip(".") in _ABBREVIATIONS or re.fullmatch(r"[A-Z]", word[0]):
            continue
        found.append((start, text[start : match.end()].strip()))
        start = match.end()
        while start < len(text) and text[start].isspace():
            start += 1
    if text[start:].strip():
        found.append((start, text[start:].strip()))
    return found


_TOKEN = re.compile(
    r"(?:[A-Z]\.){2,}"  # U.S., U.N.
    r"|['’]s\b"  # a possessive 's, its own token
    r"|\w+(?:[-&]\w+|['’](?!s\b)\w+)*"  # words, with inner hyphens and apostrophes
    r"|[^\w\s]"  # one mark
)


# "Moscow-led", "Iran-backed": the name and the participle are read apart
_COMPOUND = re.compile(
    r"^(.+)-(led|backed|funded|controlled|owned|sponsored|aligned|allied|supported|financed"
    r"|brokered|armed|trained|installed|dominated|occupied|annexed)$",
    re.I,
)


def tokens(text: str) -> list[Token]:
    """Word and mark tokens; a possessive ``'s`` is its own token, quotes are plain.

    >>> [t.text for t in tokens("the Iran-backed Houthis")]
    ['the', 'Iran', '-', 'backed', 'Houthis']
    """
    found = []
    for match in _TOKEN.finditer(text):
        word = match.group()
        compound = _COMPOUND.match(word)
        if compound:
            head, tail = compound.group(1), compound.group(2)
            start, cut = match.start(), match.start() + len(head)
            found.append(Token(head, start, cut))
            found.append(Token("-", cut, cut + 1))
            found.append(Token(tail, cut + 1, match.end()))
            continue
        if word[0] in "'’" and len(word) == 2:
            word = "'s"
        elif word.endswith(("s'", "s’")) and len(word) > 2:
            word = word[:-1]
        found.append(Token(word.replace("’", "'"), match.start(), match.end()))
    return found


def word_set(text: str) -> frozenset[str]:
    """The words of a space-separated list (long word lists read better as text)."""
    return frozenset(text.split())
