"""Vote tallies: "voted 7-2", "in a 6-3 vote", "by a vote of 7 to 2", "adopté par 312 voix
contre 220", "seven council members voted in favor".

A tally is one quantity (``qtype`` "tally") whose interval encodes both sides: for ``f``
votes in favour and ``a`` against, ``[f * SIDE + a, f * SIDE + a]``; a tally that states
only the votes in favour ("seven members voted in favor") covers every count against,
``[f * SIDE, f * SIDE + SIDE - 1]``.  Two tallies conflict exactly when their intervals are
disjoint: "7-2" against "6-3" or "seven voted in favor" against "6-3", not "7-2" against
"seven voted in favor".  A dash between two numbers is a tally only beside a word of
voting; elsewhere it is a range or a score.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from plugins.numeric.numbers import read_number
from plugins.numeric.quantity import Quantity
from plugins.numeric.vocab import WORD_NUM

#: votes per side are under this (an assembly of 577 seats, a court of nine)
SIDE = 100_000

_N = rf"(?:\d{{1,5}}|{WORD_NUM})"
_VOTE_WORD = {
    "en": re.compile(r"\b(?:vot(?:e|es|ed|ing)|ballot|majority)\b", re.I),
    "fr": re.compile(r"\b(?:vot(?:e|es|é|ée|és|ées|ant|ait|ent|er)|voix|scrutin|suffrages|majorité)\b", re.I),
}
_DASHED = re.compile(r"(?<![\w.,:/-])(?P<f>\d{1,5})\s?[-–]\s?(?P<a>\d{1,5})(?![\w,:/%-]|[.,]\d)")
_WRITTEN = {
    "en": re.compile(rf"\b(?:vote\s+of|by)\s+(?P<f>{_N})\s+(?:votes?\s+)?to\s+(?P<a>{_N})\b", re.I),
    "fr": re.compile(rf"\b(?P<f>{_N})\s+voix\s+(?:pour\s+et\s+|contre\s+)(?P<a>{_N})(?:\s+contre)?\b", re.I),
}
_FOR_ONLY = {
    "en": re.compile(
        rf"\b(?P<f>{_N})\s+(?:[a-z]+\s+){{0,3}}voted\s+(?:in\s+favou?r|for|yes)\b(?!\s+\w+\s+(?:to\s+)?\d)", re.I
    ),
    "fr": re.compile(rf"\b(?P<f>{_N})\s+(?:[a-zéèêà]+\s+){{0,3}}ont\s+voté\s+(?:pour|en\s+faveur)\b", re.I),
}


def _number(raw: str, lang: str) -> int | None:
    got = read_number(raw, lang)
    if got is None or got[0] != int(got[0]) or not 0 <= got[0] < SIDE:
        return None
    return int(got[0])


def _tally(text: str, start: int, end: int, f: int, a: int | None) -> Quantity:
    low = f * SIDE + (a if a is not None else 0)
    high = f * SIDE + (a if a is not None else SIDE - 1)
    return Quantity(
        start=start,
        end=end,
        text=text[start:end],
        low=float(low),
        high=float(high),
        unit="votes",
        qtype="tally",
        nominal=float(low),
        precision=0.0,
        extra={"for": f, "against": a},
    )


def find_tallies(text: str, lang: str, slack: float = 0.0) -> Iterator[Quantity]:  # noqa: ARG001
    """The vote tallies of a sentence (``slack``: the finders' common signature)."""
    lang = lang if lang in _WRITTEN else "en"
    vote = _VOTE_WORD[lang]
    for m in _WRITTEN[lang].finditer(text):
        f, a = _number(m.group("f"), lang), _number(m.group("a"), lang)
        if f is not None and a is not None and (lang == "fr" or vote.search(text, max(0, m.start() - 40), m.end())):
            yield _tally(text, m.start("f"), m.end("a"), f, a)
    for m in _DASHED.finditer(text):
        near = text[max(0, m.start() - 30) : m.end() + 20]
        if vote.search(near):
            yield _tally(text, m.start(), m.end(), int(m.group("f")), int(m.group("a")))
    for m in _FOR_ONLY[lang].finditer(text):
        f = _number(m.group("f"), lang)
        if f is not None:
            yield _tally(text, m.start("f"), m.end("f"), f, None)
