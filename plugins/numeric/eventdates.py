"""Date mentions of a document as numeric quantities, read by ``plugins.numeric.dates``
(dateparser) over the whole article, anchored to its publication date.

* days, spans ("nuit du 16 au 17 novembre"), months and parts of months ("fin mars",
  "early April") and relative days ("mardi", "hier") become ``date`` quantities; years
  stay with the year reader of ``parse`` (it knows "d'ici 2030", "avant 2030");
* a day whose year is neither written nor anchored is a ``daymonth`` (compared only with
  another day without year);
* the dateline's date ("PARIS, June 10 -") is the publication date, never an event date:
  it comes back marked ``extra["dateline"]`` so that ``parse`` gives its digits to no
  other reader ("Genève, lundi 21 septembre 2026" holds no count of 21) and drops it;
* ``extra["weekday_conflict"]``: the stated weekday contradicts the date;
* a weekday in an article with no publication date ("ruled on Wednesday") is a date of
  unit ``weekday`` (any day, ``extra["weekday"]`` known): compared by weekday only.

Anything the date reader cannot read is skipped: an exception here leaves the regex
reader of ``parse`` in charge.
"""

from __future__ import annotations

import dataclasses
import datetime as _dt
import re
from bisect import bisect_left

from plugins.numeric.quantity import Quantity

_GRANULARITIES = {"day", "days", "month", "part_of_month", "weekday"}
_DATELINE_AFTER = re.compile(r"\s*(?:\([\w\s.'’-]+\)\s*)?(?:[-–—:]|\n)")
#: "PARIS, ", "LYON, France, ", "PORT SELWYN (Reuters), ": the place of a dateline, in capitals,
#: with perhaps its country
_PLACE_BEFORE = re.compile(
    r"\s*(?:[A-ZÀ-Ý][A-ZÀ-Ý'’.\-]*\s*)+(?:,\s*[A-ZÀ-Ý][\w'’.\-]*(?:\s+[A-ZÀ-Ý][\w'’.\-]*){0,2})?"
    r"(?:\([\w\s.-]+\))?\s*[,(]?\s*(?:le\s+|on\s+)?"
)


def document_dates(text: str, lang: str) -> list[Quantity] | None:
    """Date quantities of a document (offsets into ``text``); None when the date reader is unavailable."""
    return dated_document(text, lang)[0]


def dated_document(text: str, lang: str) -> tuple[list[Quantity] | None, _dt.date | None]:
    """(``document_dates``, the publication date they are anchored to): the dateline or byline
    is read once for both (the anchor's year also scopes far years, ``scope._another_year``)."""
    try:
        from plugins.numeric.dates import find_dates, publication_date
    except ImportError:
        return None, None
    lang = (lang or "fr")[:2].lower()
    anchor = None
    try:
        anchor = publication_date(text, lang)
        mentions = find_dates(text, lang, anchor=anchor)
    except Exception:  # noqa: BLE001 - an unreadable date is skipped, never a traceback
        return None, anchor
    out = []
    for m in mentions:
        if m.granularity not in _GRANULARITIES:
            continue
        q = _quantity(m, anchored=anchor is not None)
        if _is_dateline(text, m, anchor):
            q.extra["dateline"] = True  # the report's date: its digits are read by no one (``parse_quantities``)
        out.append(q)
    return out, anchor


def _is_dateline(text: str, m, anchor: _dt.date | None) -> bool:
    """ "PORT SELWYN, Sept 11 (Global Wire) -": the date of the report, at the start of a line."""
    line_start = text.rfind("\n", 0, m.start) + 1
    if m.start - line_start >= 60 or not _DATELINE_AFTER.match(text, m.end):
        return False
    is_anchor = anchor is not None and m.low == anchor == m.high
    return is_anchor or bool(_PLACE_BEFORE.fullmatch(text, line_start, m.start))


def _quantity(m, *, anchored: bool) -> Quantity:
    if m.granularity == "weekday":
        return _weekday_only(m)
    no_year = not m.year_stated and not anchored and not m.relative
    low, high = m.low, m.high
    if no_year:  # a leap year, as the regex reader does: "29 février" is a date
        low, high = _year_2000(low), _year_2000(high)
    return Quantity(
        start=m.start,
        end=m.end,
        text=m.text,
        low=float(low.toordinal()),
        high=float(high.toordinal()),
        unit="daymonth" if no_year else "date",
        qtype="date",
        nominal=float(low.toordinal()),
        extra={
            "month_only": m.granularity == "month",
            "no_year": no_year,
            "granularity": m.granularity,
            "weekday_conflict": bool(m.weekday_conflict),
            "weekday": m.weekday,
            "relative": bool(m.relative),
            # the anchor chose the year ("opened on Nov. 27 last season"): a guess, see day_and_month
            "year_inferred": anchored and not m.year_stated and not m.relative,
        },
    )


def _weekday_only(m) -> Quantity:
    """A weekday in an article with no publication date ("on Tuesday"): any day, of that
    weekday (``extra["weekday"]``); compared by its weekday only (``weekday_of``)."""
    return Quantity(
        start=m.start,
        end=m.end,
        text=m.text,
        low=float("-inf"),
        high=float("inf"),
        unit="weekday",
        qtype="date",
        nominal=-1.0 - m.weekday,
        extra={"granularity": "weekday", "weekday": m.weekday, "relative": True, "no_year": False},
    )


def weekday_of(q: Quantity) -> int | None:
    """The weekday a date quantity stands for: a weekday-only mention's, or a single day's
    (a day without a year has none)."""
    if q.qtype != "date":
        return None
    if q.extra.get("granularity") == "weekday":
        return q.extra.get("weekday")
    if q.extra.get("no_year") or q.low != q.high or q.extra.get("granularity") not in (None, "day"):
        return None
    return _dt.date.fromordinal(int(q.low)).weekday()


def day_and_month(qa: Quantity, qb: Quantity) -> tuple[Quantity, Quantity]:
    """Two single days, one without its year (``daymonth``, kept in the leap year 2000) or
    with a year the anchor guessed (``year_inferred``: "Nov. 27" is this year's or last
    year's, the weekday or the publication date chose): both moved to 2000, so that they
    compare by day and month; else unchanged."""
    if qa.qtype != "date" or qb.qtype != "date":
        return qa, qb
    if not any(q.unit == "daymonth" or q.extra.get("year_inferred") for q in (qa, qb)):
        return qa, qb
    if any(q.unit != "daymonth" and q.low != q.high for q in (qa, qb)):
        return qa, qb
    return _without_year(qa), _without_year(qb)


def _without_year(q: Quantity) -> Quantity:
    if q.unit == "daymonth":
        return q
    day = _year_2000(_dt.date.fromordinal(int(q.low)))
    moved = dataclasses.replace(q, low=float(day.toordinal()), high=float(day.toordinal()), unit="daymonth")
    moved.extra = {**q.extra, "no_year": True}
    return moved


def _year_2000(d: _dt.date) -> _dt.date:
    try:
        return d.replace(year=2000)
    except ValueError:
        return _dt.date(2000, d.month, 28)


def in_sentence(dates: list[Quantity], start: int, end: int) -> list[Quantity]:
    """The dates of ``dates`` inside [start, end), with offsets made relative to ``start``."""
    out = []
    for q in dates:
        if start <= q.start and q.end <= end:
            c = Quantity(**{**q.__dict__, "extra": dict(q.extra)})
            c.start, c.end = q.start - start, q.end - start
            out.append(c)
    return out


class DateIndex:
    """A document's dates indexed by start offset: ``in_sentence`` per sentence in
    O(log n + dates of the sentence) instead of a scan of the whole document's dates
    (a long article has thousands of sentences and thousands of dates)."""

    def __init__(self, dates: list[Quantity]) -> None:
        self.dates = dates
        self._order = sorted(range(len(dates)), key=lambda i: dates[i].start)
        self._starts = [dates[i].start for i in self._order]

    def in_sentence(self, start: int, end: int) -> list[Quantity]:
        """``in_sentence(dates, start, end)``: same dates, same order."""
        lo, hi = bisect_left(self._starts, start), bisect_left(self._starts, end)
        return in_sentence([self.dates[i] for i in sorted(self._order[lo:hi])], start, end)
