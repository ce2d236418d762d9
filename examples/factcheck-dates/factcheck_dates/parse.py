"""Find calendar dates in French and English sentences.

Recognised forms (the day may carry a weekday before it, ``1er``/``1st`` ordinals are
accepted, accents and case are optional in French month names)::

    12 décembre 2024   le 1er janvier 2025   12 déc. 2024   décembre 2024
    December 12, 2024  12 December 2024      Dec. 12        December 2024
    2024-12-12         12/12/2024 (day first in French, month first in English)

Relative dates ("hier", "last week") are not resolved: they carry no calendar value
that another article could contradict without knowing the publication date.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass

# Month names as written in running text (lower case, accents folded for French).
FR_MONTHS = {
    "janvier": 1,
    "janv": 1,
    "fevrier": 2,
    "fevr": 2,
    "fev": 2,
    "mars": 3,
    "avril": 4,
    "avr": 4,
    "mai": 5,
    "juin": 6,
    "juillet": 7,
    "juil": 7,
    "aout": 8,
    "septembre": 9,
    "sept": 9,
    "octobre": 10,
    "oct": 10,
    "novembre": 11,
    "nov": 11,
    "decembre": 12,
    "dec": 12,
}
EN_MONTHS = {
    "January": 1,
    "Jan": 1,
    "February": 2,
    "Feb": 2,
    "March": 3,
    "Mar": 3,
    "April": 4,
    "Apr": 4,
    "May": 5,
    "June": 6,
    "Jun": 6,
    "July": 7,
    "Jul": 7,
    "August": 8,
    "Aug": 8,
    "September": 9,
    "Sept": 9,
    "Sep": 9,
    "October": 10,
    "Oct": 10,
    "November": 11,
    "Nov": 11,
    "December": 12,
    "Dec": 12,
}


def fold(text: str) -> str:
    """Lower case without accents (``Décembre`` -> ``decembre``)."""
    return "".join(c for c in unicodedata.normalize("NFD", text.lower()) if not unicodedata.combining(c))


def _alternation(names) -> str:
    return "|".join(sorted((re.escape(n) for n in names), key=len, reverse=True))


# French month names are matched on folded text, where accents are gone and case is lower.
_FR_MONTH = rf"(?P<fm>{_alternation(FR_MONTHS)})\.?"
# English month names need their capital ("may" is a verb, "march" a noun).
_EN_MONTH = rf"(?P<em>{_alternation(EN_MONTHS)})\.?"
_DAY = r"(?P<d>[12]\d|3[01]|0?[1-9])(?:er|re|st|nd|rd|th)?"
_YEAR = r"(?P<y>(?:19|20)\d\d)(?!\d)"

_PATTERNS = [
    # ISO 2024-12-12
    ("iso", re.compile(r"(?<![\d-])(?P<y>(?:19|20)\d\d)-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?![\d-])")),
    # 12/12/2024 or 12.12.2024
    ("numeric", re.compile(r"(?<![\d/.])(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<y>(?:19|20)\d\d)(?![\d/])")),
    # December 12, 2024 / Dec. 12
    ("en-mdy", re.compile(rf"\b{_EN_MONTH}\s+{_DAY}\b(?:,?\s+{_YEAR})?")),
    # 12 December 2024 / 12th of December
    ("en-dmy", re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_EN_MONTH}(?![a-z])(?:,?\s+{_YEAR})?")),
    # December 2024
    ("en-my", re.compile(rf"\b{_EN_MONTH}\s+(?:of\s+)?{_YEAR}")),
]
# matched on folded (lower-case, unaccented, same length) text
_FOLDED_PATTERNS = [
    ("fr-dmy", re.compile(rf"\b{_DAY}\s+{_FR_MONTH}(?![a-z])(?:\s+{_YEAR})?")),
    ("fr-my", re.compile(rf"\b{_FR_MONTH}(?![a-z])\s+(?:de\s+l'an\s+)?{_YEAR}")),
]


@dataclass(frozen=True)
class DateMention:
    """A date found in a text: ``start``/``end`` are offsets into that text."""

    start: int
    end: int
    year: int | None
    month: int
    day: int | None  # None: month precision ("décembre 2024")

    @property
    def precision(self) -> str:
        return "day" if self.day is not None else "month"

    def iso(self) -> str:
        """``2024-12-12``, ``--12-12`` (no year) or ``2024-12`` (month precision)."""
        year = f"{self.year:04d}" if self.year is not None else "-"
        if self.day is None:
            return f"{year}-{self.month:02d}"
        return f"{year}-{self.month:02d}-{self.day:02d}"

    def to_value(self) -> dict:
        return {"date": self.iso(), "precision": self.precision}


def _fold_same_length(text: str) -> str:
    """Fold accents and case character by character so offsets stay valid."""
    out = []
    for ch in text:
        f = fold(ch)
        out.append(f if len(f) == 1 else ch.lower()[:1] or ch)
    return "".join(out)


def _valid(year: int | None, month: int, day: int | None) -> bool:
    if not 1 <= month <= 12:
        return False
    if day is None:
        return True
    try:
        dt.date(year if year is not None else 2000, month, day)  # 2000: leap year, 29 Feb allowed
    except ValueError:
        return False
    return True


def find_dates(text: str, language: str = "fr") -> list[DateMention]:
    """Every date in ``text``, longest match first when forms overlap, in text order."""
    found: list[DateMention] = []
    folded = _fold_same_length(text)
    for kind, pattern in _PATTERNS + _FOLDED_PATTERNS:
        source = folded if kind.startswith("fr") else text
        for m in pattern.finditer(source):
            g = m.groupdict()
            year = int(g["y"]) if g.get("y") else None
            if kind == "iso":
                month, day = int(g["m"]), int(g["d"])
            elif kind == "numeric":
                a, b = int(g["a"]), int(g["b"])
                day, month = (b, a) if language == "en" else (a, b)
            else:
                month = FR_MONTHS[g["fm"]] if g.get("fm") else EN_MONTHS[g["em"]]
                day = int(g["d"]) if g.get("d") else None
            if day is None and year is None:
                continue
            if not _valid(year, month, day):
                continue
            found.append(DateMention(m.start(), m.end(), year, month, day))
    # keep the longest of overlapping mentions, then text order
    found.sort(key=lambda d: (-(d.end - d.start), d.start))
    kept: list[DateMention] = []
    for d in found:
        if any(d.start < k.end and k.start < d.end for k in kept):
            continue
        kept.append(d)
    return sorted(kept, key=lambda d: d.start)


def days_apart(a: DateMention, b: DateMention) -> int | None:
    """Distance in days at the precision both share; ``None`` when not comparable.

    Month precision on either side compares months (0 when the month matches).  A
    missing year on either side compares month and day only.
    """
    if a.year is not None and b.year is not None:
        if a.day is None or b.day is None:
            return abs((a.year * 12 + a.month) - (b.year * 12 + b.month)) * 30
        return abs((dt.date(a.year, a.month, a.day) - dt.date(b.year, b.month, b.day)).days)
    if a.day is None or b.day is None:
        return abs(a.month - b.month) * 30
    # no year on one side: distance within a (leap) year, the shorter way round
    da = dt.date(2000, a.month, a.day).timetuple().tm_yday
    db = dt.date(2000, b.month, b.day).timetuple().tm_yday
    diff = abs(da - db)
    return min(diff, 366 - diff)
