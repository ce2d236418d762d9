"""Interval semantics: what an exact figure, an approximation, a bound or a range allows,
and whether two quantities can both be true.

* an integer is exact ("two years" is not "three years"); a decimal allows half a unit of
  its last digit ("13,75" is 13.745..13.755);
* an approximation widens by its qualifier, as a fraction of the value: ``about`` ±10 %,
  ``nearly`` up to 10 % below, ``just_over`` up to 10 % above, ``rough`` ±20 % ("une
  trentaine", "a dozen");
* a bound is open on one side; it also implies a *soft* opposite bound (nobody writes "no
  less than 8 billion" for 13.75 billion), used at a lower confidence;
* a tolerance (relative to the value, or absolute) widens both sides; the relative part is
  for rounding and conversions, so it widens only a figure that may be rounded ("14,000",
  "3 millions", "about 40", "2,5 %") or one converted from another unit: a precise figure
  ("14,236") is exact, and so is a bound's own figure ("more than 22,000").

Every test here is symmetric: ``disjoint(a, b) == disjoint(b, a)``.
"""

from __future__ import annotations

import math
from typing import Any

INF = math.inf

#: Upper bound implied by a lower bound ("plus de 13 milliards" is not 40 milliards).
DEFAULT_BOUND_SLACK = 1.5
#: Half-width of "environ / about" as a fraction of the value.
ABOUT_WIDTH = 0.10
#: Half-width of an approximate number noun ("une trentaine", "a dozen").
ROUGH_WIDTH = 0.20


def bounds(kind: str | None, x: float, prec: float, slack: float) -> dict[str, Any]:
    """Interval for nominal value ``x`` (precision ``prec``) under approximator ``kind``."""
    b: dict[str, Any] = {
        "low": x - prec,
        "high": x + prec,
        "low_inclusive": True,
        "high_inclusive": True,
        "soft_low": None,
        "soft_high": None,
    }
    if kind == "gt":
        b.update(low=x, low_inclusive=False, high=INF, soft_high=x * slack)
    elif kind == "ge":
        b.update(low=x, high=INF, soft_high=x * slack)
    elif kind == "just_over":
        b.update(low=x, low_inclusive=False, high=x * (1 + ABOUT_WIDTH))
    elif kind == "lt":
        b.update(low=0.0, high=x, high_inclusive=False, soft_low=x / slack)
    elif kind == "le":
        b.update(low=0.0, high=x, soft_low=x / slack)
    elif kind == "nearly":
        b.update(low=x * (1 - ABOUT_WIDTH), high=x + prec)
    elif kind in ("about", "rough"):
        w = max(abs(x) * (ROUGH_WIDTH if kind == "rough" else ABOUT_WIDTH), prec)
        b.update(low=x - w, high=x + w)
    return b


def widen(q, rel: float, ab: float, soft: bool) -> tuple[float, bool, float, bool]:
    """(low, low inclusive, high, high inclusive) of ``q`` after tolerance (soft bounds with ``soft``)."""
    lo, hi = q.low, q.high
    if soft:
        lo = q.soft_low if q.soft_low is not None else lo
        hi = q.soft_high if q.soft_high is not None else hi
    lo_inc, hi_inc = q.low_inclusive, q.high_inclusive
    if q.is_temporal:
        return lo, lo_inc, hi, hi_inc  # years and dates: exact, tolerance in days via absolute
    t = max(ab, rel * abs(q.nominal))
    if t > 0:
        if not math.isinf(lo):
            lo, lo_inc = lo - t, True
        if not math.isinf(hi):
            hi, hi_inc = hi + t, True
    return lo, lo_inc, hi, hi_inc


#: approximators that make a figure a bound: its own figure is the threshold, not a rounding
BOUND_KINDS = frozenset({"gt", "ge", "lt", "le"})
#: a written integer ending in this many zeros may be a rounded one ("1 500", "14,000")
ROUND_TO = 100


def may_be_rounded(q) -> bool:
    """Whether the relative tolerance applies to ``q``: an approximation, a figure with a
    scale word or decimals, or a whole number ending in zeros; not a precise figure
    ("14,236") nor a bound's threshold ("more than 22,000")."""
    if q.approx in BOUND_KINDS:
        return False
    if q.approx or q.scale_word or q.precision > 0:
        return True
    written = abs(q.nominal) / (q.scale or 1.0) / (q.extra.get("factor") or 1.0)
    rounded = round(written)
    return abs(written - rounded) < 1e-6 and rounded >= ROUND_TO and rounded % ROUND_TO == 0


def _converted(qa, qb) -> bool:
    """Figures written in two units ("15 mph" / "24 km/h"): the conversion rounds."""
    return qa.extra.get("unit_text") != qb.extra.get("unit_text")


def tolerance_applies(qa, qb) -> bool:
    """Whether the relative tolerance widens either figure (what a message may say)."""
    return _converted(qa, qb) or may_be_rounded(qa) or may_be_rounded(qb)


def disjoint(qa, qb, rel: float, ab: float, *, soft: bool) -> bool:
    """Whether ``qa`` and ``qb`` cannot both be true (after tolerance)."""
    conv = _converted(qa, qb)
    a_lo, a_li, a_hi, a_hi_inc = widen(qa, rel if conv or may_be_rounded(qa) else 0.0, ab, soft)
    b_lo, b_li, b_hi, b_hi_inc = widen(qb, rel if conv or may_be_rounded(qb) else 0.0, ab, soft)
    if qa.is_temporal and ab:
        a_lo, a_hi, b_lo, b_hi = a_lo - ab, a_hi + ab, b_lo - ab, b_hi + ab
    return before(a_hi, a_hi_inc, b_lo, b_li) or before(b_hi, b_hi_inc, a_lo, a_li)


def before(hi: float, hi_inc: bool, lo: float, lo_inc: bool) -> bool:
    """True when every value <= hi lies below every value >= lo."""
    if hi < lo:
        return True
    if hi == lo:
        return not (hi_inc and lo_inc)
    return False


def fits_in(part, whole, rel: float, ab: float) -> bool:
    """Whether ``part`` can be a part of ``whole`` (not larger than it)."""
    p_lo, _, _, _ = widen(part, rel, ab, soft=False)
    _, _, w_hi, _ = widen(whole, rel, ab, soft=True)
    return p_lo <= w_hi
