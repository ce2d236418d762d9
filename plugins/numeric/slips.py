"""The signature of one figure misreported: a shifted decimal ("1,5 million" / "150 000",
"610 millions" / "6.1 billion"), two transposed digits ("18,412" / "18,142", "14" / "41")
or one written number in another unit ("40 secondes" / "40 minutes", "15 mph" / "15 km/h");
for dates, one day given two weekdays ("mardi 3 mars" / "lundi 3 mars").

Unrelated figures rarely share one, so it makes two statements of one measure worth
comparing when their sentences are worded apart, and it says why in the finding; it decides
nothing alone (the measure, the owners and the scopes still apply).  Symmetric.
"""

from __future__ import annotations

import math

from plugins.numeric.intervals import BOUND_KINDS
from plugins.numeric.quantity import Quantity

#: ratios of a shifted decimal, a thousand read for a million, a million for a billion
SHIFTS = (10.0, 100.0, 1000.0)
#: below this, a tenfold figure is too common a coincidence ("5" / "50" wounded)
MIN_SHIFTED = 100.0
#: measures whose figures can be misreported this way (years, dates, ranks and tallies cannot)
_KINDS = frozenset(
    {"count", "money", "share", "duration", "length", "area", "mass", "speed", "volume", "power", "energy", "data"}
)


def written(q: Quantity) -> float:
    """The number as written in its own unit, with its scale (a duration in minutes, a length
    in km, "1,5 million" as 1 500 000)."""
    return q.nominal / (q.extra.get("factor") or 1.0)


def _digits(x: float) -> str | None:
    r = round(x)
    return str(r) if r > 0 and math.isclose(x, r, rel_tol=0.0, abs_tol=1e-6) else None


def _transposed(x: float, y: float) -> bool:
    """Whether two whole numbers differ by swapping two adjacent digits."""
    dx, dy = _digits(x), _digits(y)
    if dx is None or dy is None or len(dx) != len(dy) or dx == dy:
        return False
    diff = [i for i in range(len(dx)) if dx[i] != dy[i]]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and dx[diff[0]] == dy[diff[1]] and dx[diff[1]] == dy[diff[0]]


def _shifted(x: float, y: float) -> float | None:
    lo, hi = sorted((x, y))
    if lo < MIN_SHIFTED:
        return None
    return next((r for r in SHIFTS if math.isclose(hi / lo, r, rel_tol=1e-9)), None)


def _weekdays_differ(qa: Quantity, qb: Quantity) -> bool:
    """One day given two stated weekdays ("mardi 3 mars" / "lundi 3 mars"): one is wrong."""
    if not (qa.qtype == qb.qtype == "date") or qa.low != qa.high or (qa.low, qa.high) != (qb.low, qb.high):
        return False
    wa, wb = qa.extra.get("weekday"), qb.extra.get("weekday")
    days = all(q.extra.get("granularity") in (None, "day") for q in (qa, qb))
    return days and wa is not None and wb is not None and wa != wb


def slip(qa: Quantity, qb: Quantity) -> str | None:
    """ "scale", "digits", "unit" or "weekday" when ``qa`` and ``qb`` look like one figure
    misreported (for dates: one day given two weekdays)."""
    if _weekdays_differ(qa, qb):
        return "weekday"
    if qa.qtype != qb.qtype or qa.qtype not in _KINDS or qa.unit != qb.unit:
        return None
    if any(q.approx in BOUND_KINDS or q.approx == "range" or q.vague or q.nominal <= 0 for q in (qa, qb)):
        return None
    if math.isclose(qa.nominal, qb.nominal, rel_tol=1e-9):
        return None
    ua, ub = qa.extra.get("unit_text"), qb.extra.get("unit_text")
    if ua != ub:
        return "unit" if unit_slip(qa, qb) else None
    if not (_in_digits(qa) and _in_digits(qb)):
        return None  # a slip of the keyboard: "cinq ans" / "près de cinquante ans" are two spans
    if _shifted(written(qa), written(qb)) is not None:
        return "scale"
    return "digits" if _transposed(written(qa), written(qb)) else None


#: durations from the shortest unit: a unit slip takes one unit for the next one ("40
#: secondes" / "40 minutes", "3 weeks" / "3 months"), never hours for years
DURATION_LADDER = ("second", "minute", "hour", "day", "week", "month", "year")


def unit_slip(qa: Quantity, qb: Quantity) -> bool:
    """One written number in two units of a family, next to each other for durations."""
    ua, ub = qa.extra.get("unit_text"), qb.extra.get("unit_text")
    if ua == ub or not ua or not ub or not math.isclose(written(qa), written(qb), rel_tol=1e-9):
        return False
    if qa.qtype != "duration":
        return True  # "15 mph" / "15 km/h", "12 km" / "12 miles"
    if ua not in DURATION_LADDER or ub not in DURATION_LADDER:
        return False
    return abs(DURATION_LADDER.index(ua) - DURATION_LADDER.index(ub)) == 1


def _in_digits(q: Quantity) -> bool:
    return any(ch.isdigit() for ch in q.text)


def shift_of(qa: Quantity, qb: Quantity) -> float | None:
    """The ratio of a shifted decimal (10, 100, 1000), None without one."""
    return _shifted(written(qa), written(qb))
