"""Fractions in words as shares: "quatre cinquièmes du capital" (80 %), "two thirds of the
vote", "la moitié des salariés", "three-quarters of the staff", and ratios: "one in ten
employees", "un salarié sur dix" (10 %).

A fraction is exact to half a point: "deux tiers" agrees with "67 %", "quatre cinquièmes"
disagrees with "75 %".  It is a fraction only when "of" a whole follows ("du", "de la",
"des", "of"): "trois quarts d'heure" is a span, "les quarts de finale" a round, "un tiers de
confiance" a party, "finished third of 40" a rank.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from plugins.numeric.numbers import read_number
from plugins.numeric.quantity import Quantity
from plugins.numeric.vocab import NUM_DIGITS, WORD_NUM

#: numerators in words (a fraction's numerator is small)
_NUMERATORS = {
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9,
    "a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "seven": 7, "eight": 8, "nine": 9,
}  # fmt: skip
#: denominators by their noun, singular and plural, French and English
_DENOMINATORS = {
    "tiers": 3, "quart": 4, "quarts": 4, "cinquième": 5, "cinquièmes": 5, "sixième": 6, "sixièmes": 6,
    "huitième": 8, "huitièmes": 8, "dixième": 10, "dixièmes": 10,
    "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6,
    "eighth": 8, "eighths": 8, "tenth": 10, "tenths": 10,
}  # fmt: skip
_OF = r"(?:du|de\s+la|de\s+l['’]|des|d['’]|of)\b"
_FRACTION_RE = re.compile(
    rf"(?<![\w-])(?P<n>{'|'.join(_NUMERATORS)})[\s-]+"
    rf"(?P<d>{'|'.join(sorted(_DENOMINATORS, key=len, reverse=True))})\s+(?P<of>{_OF})",
    re.I,
)
_HALF_RE = re.compile(
    r"(?<![\w-])(?:(?:la\s+)?(?P<fr>moiti[ée])\s+(?:du|de\s+la|de\s+l['’]|des|d['’])|(?P<en>half)\s+of)\b", re.I
)
#: what follows when the fraction is no share of a whole: a span, a round of a cup, a party,
#: a unit ("un contrat sur cinq ans", "one in 200 metres")
_NOT_A_WHOLE_AFTER = re.compile(
    r"\s*(?:heures?|hours?|finale|finals?|si[èe]cle|century|mile|miles|confiance|temps|time|ans|années|mois|"
    r"jours|semaines|years|months|days|weeks|points|km|kilom[èe]tres|m[èe]tres|metres|meters)\b",
    re.I,
)
_NUM = rf"(?:{NUM_DIGITS}|{WORD_NUM})"
#: "one in ten employees", "3 in 4 voters"; "un salarié sur dix", "une école sur cinq" (in
#: French, a numerator in words: "3 matchs sur 10" stays a count of matches)
_RATIO_RE = re.compile(
    rf"(?<![\w,.-])(?P<n>{_NUM})\s+(?:in|out\s+of)\s+(?P<d>{_NUM})(?![\w,.])"
    rf"|(?<![\w,.-])(?P<fn>{WORD_NUM})\s+(?:[^\W\d_][\w’'-]*\s+){{0,2}}?sur\s+(?P<fd>{_NUM})(?![\w,.])",
    re.I,
)


def find_fractions(text: str, lang: str) -> Iterator[Quantity]:
    """Shares written as fractions in words."""
    for m in _FRACTION_RE.finditer(text):
        if _NOT_A_WHOLE_AFTER.match(text, m.end()):
            continue
        n = _NUMERATORS[m.group("n").lower()]
        d = _DENOMINATORS[m.group("d").lower()]
        if 0 < n < d:
            yield _share(text, m.start(), m.end("d"), 100.0 * n / d)
    for m in _HALF_RE.finditer(text):
        if not _NOT_A_WHOLE_AFTER.match(text, m.end()):
            word = "fr" if m.group("fr") else "en"
            yield _share(text, m.start(), m.end(word), 50.0)
    for m in _RATIO_RE.finditer(text):
        n_text, d_text = (m.group("n"), m.group("d")) if m.group("n") else (m.group("fn"), m.group("fd"))
        n, d = read_number(n_text, lang), read_number(d_text, lang)
        end = m.end("d") if m.group("n") else m.end("fd")
        if n and d and 0 < n[0] < d[0] <= 1000 and not _NOT_A_WHOLE_AFTER.match(text, end):
            yield _share(text, m.start(), end, 100.0 * n[0] / d[0])


def _share(text: str, start: int, end: int, value: float) -> Quantity:
    q = Quantity(
        start=start,
        end=end,
        text=text[start:end],
        low=value - 0.5,
        high=value + 0.5,
        unit="percent",
        qtype="share",
        nominal=value,
        precision=0.5,
    )
    q.extra["fraction"] = True  # exact to half a point: "deux tiers" is 67 %, not 75 %
    return q
