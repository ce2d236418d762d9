"""Length-preserving text normalisation for matching.

``fold(text)`` lower-cases, strips accents and unifies apostrophes, dashes and
spaces *character by character*, so that an offset in the folded text is the same
offset in the original: a regex match on the folded sentence maps straight back to
document offsets.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_APOSTROPHES = "’‘ʼ`´′ʹ＇"
_DASHES = "‐‑‒–—―−"
_SPACES = "\u00a0\u202f\u2007\u2009\u200a\u2002\u2003"


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    if ch in _APOSTROPHES:
        return "'"
    if ch in _DASHES:
        return "-"
    if ch in _SPACES or ch == "\t":
        return " "
    decomposed = unicodedata.normalize("NFD", ch)
    base = "".join(c for c in decomposed if not unicodedata.combining(c)) or ch
    low = base.lower()
    if len(low) == 1:
        return low
    low = ch.lower()
    return low if len(low) == 1 else ch


class _FoldTable(dict):
    """``str.translate`` table of ``_fold_char``, filled with each character the first time it is read."""

    def __missing__(self, code: int) -> str:
        folded = self[code] = _fold_char(chr(code))
        return folded


_FOLD_TABLE = _FoldTable()


def fold(text: str) -> str:
    """Case-, accent- and punctuation-folded copy of ``text`` with the same length."""
    return text.translate(_FOLD_TABLE)


_KEY_DROP = re.compile(r"[\s\-.]+")


def key(text: str) -> str:
    """Lookup key of a name or phrase: folded, spaces/hyphens/dots removed.

    ``"Start-up"``, ``"start up"`` and ``"startup"`` share a key, and so do
    ``"Microsoft Corp."`` and ``"microsoft corp"``.
    """
    return _KEY_DROP.sub("", fold(text.strip()))


def phrase_regex(phrase: str) -> str:
    """Regex (for folded text) of a literal phrase: flexible spaces, hyphens and apostrophes."""
    folded = fold(phrase.strip())
    out = []
    for token in re.split(r"(\s+|-|')", folded):
        if not token:
            continue
        if token.isspace():
            out.append(r"[\s\-]+")
        elif token == "-":
            out.append(r"[\s\-]?")
        elif token == "'":
            out.append(r"'\s*")
        else:
            out.append(re.escape(token))
    return "".join(out)


#: adjectives of a level of government, by the body they stand for (``Regional president X``: the
#: region's; ``conseiller départemental``): capitalised at the start of a sentence, never a name
LEVEL_ADJECTIVES: dict[str, str] = {
    "regional": "region",
    "departmental": "departement",
    "municipal": "commune",
    "provincial": "province",
    "federal": "federation",
    "national": "nation",
}
