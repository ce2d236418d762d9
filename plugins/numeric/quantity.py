"""The value type: one quantity read in a sentence, as an interval with unit and provenance,
and its short display form."""

from __future__ import annotations

import datetime as _dt
import math
from dataclasses import dataclass, field
from typing import Any

from checker.i18n.format import APPROX_SIGNS, weekday

INF = math.inf


@dataclass
class Quantity:
    """One quantity expression with its normalised interval and where it was read."""

    start: int
    end: int
    text: str
    low: float
    high: float
    low_inclusive: bool = True
    high_inclusive: bool = True
    unit: str = "count"  # ISO currency | percent | year | date | count | duration:<unit>
    qtype: str = "count"  # money | share | year | date | count | duration | age | speed | rank
    scale: float = 1.0
    scale_word: str = ""
    approx: str | None = None  # gt ge lt le about nearly just_over range
    approx_text: str = ""
    vague: bool = False
    nominal: float = 0.0  # the written value (times scale)
    precision: float = 0.0  # half a unit of the last written digit (times scale)
    soft_low: float | None = None  # implied bounds (pragmatics), None = same as hard
    soft_high: float | None = None
    noun: str = ""  # counted noun for counts ("employés")
    prep: str = ""  # time preposition for years ("en", "d'ici")
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def is_temporal(self) -> bool:
        return self.qtype in ("year", "date")

    def to_value(self) -> dict[str, Any]:
        """JSON-ready normalised value (infinite bounds become ``None``)."""

        def num(x):
            if x is None or math.isinf(x):
                return None
            return round(x, 6) if not float(x).is_integer() else int(x)

        out: dict[str, Any] = {
            "low": num(self.low),
            "high": num(self.high),
            "low_inclusive": self.low_inclusive,
            "high_inclusive": self.high_inclusive,
            "unit": self.unit,
            "type": self.qtype,
            "scale": num(self.scale),
            "approx": self.approx,
            "vague": self.vague,
            "text": self.text,
            "display": display(self),
        }
        if self.is_temporal:
            out["low_date"] = _dt.date.fromordinal(int(self.low)).isoformat() if not math.isinf(self.low) else None
            out["high_date"] = _dt.date.fromordinal(int(self.high)).isoformat() if not math.isinf(self.high) else None
        if self.noun:
            out["noun"] = self.noun
        return out


def ordinal_date(y: int, m: int, d: int) -> int | None:
    try:
        return _dt.date(y, m, d).toordinal()
    except ValueError:
        return None


def year_interval(y: int, y2: int | None = None) -> tuple[float, float]:
    return float(_dt.date(y, 1, 1).toordinal()), float(_dt.date(y2 or y, 12, 31).toordinal())


def fmt_num(x: float, lang: str = "en") -> str:
    if math.isinf(x):
        return "∞"
    for div, suf in ((1e12, " T"), (1e9, " bn"), (1e6, " M"), (1e3, " k")):
        if abs(x) >= div and (abs(x) >= 10 * div or (x / div * 100).is_integer() or div >= 1e6):
            v = x / div
            s = f"{v:.3f}".rstrip("0").rstrip(".")
            return s + suf
    return f"{x:.4f}".rstrip("0").rstrip(".")


def display(q: Quantity) -> str:
    """Short human form: ``13.75 bn USD``, ``≥ 8 bn USD``, ``30–35 %``, ``2030``."""
    if q.extra.get("granularity") == "weekday" and q.extra.get("weekday") is not None:
        return weekday(int(q.extra["weekday"]), "en")
    if q.is_temporal:

        def d(o):
            dd = _dt.date.fromordinal(int(o))
            if q.qtype == "year":
                return str(dd.year)
            return dd.isoformat()

        lo = d(q.low) if not math.isinf(q.low) else None
        hi = d(q.high) if not math.isinf(q.high) else None
        if lo is None:
            return f"≤ {hi}"
        if hi is None:
            return f"≥ {lo}"
        if q.qtype == "date" and q.extra.get("no_year"):
            dd = _dt.date.fromordinal(int(q.low))
            return f"--{dd.month:02d}-{dd.day:02d}"
        if q.qtype == "date" and q.extra.get("month_only"):
            dd = _dt.date.fromordinal(int(q.low))
            return f"{dd.year}-{dd.month:02d}"
        return lo if lo == hi else f"{lo}–{hi}"
    if q.qtype == "clock":
        h, minute = divmod(int(round(q.nominal)), 60)
        return f"{APPROX_SIGNS.get(q.approx or '', '')}{h:02d}:{minute:02d}"
    if q.qtype == "rank":
        return f"{q.unit} {int(q.nominal)}"
    if q.qtype == "tally":
        f, a = q.extra.get("for"), q.extra.get("against")
        return f"{f}–{a} votes" if a is not None else f"{f} votes for"
    unit, f = _display_unit(q)
    if q.vague:
        return f"{q.text!r} (vague){unit}"
    if q.approx == "range":
        return f"{fmt_num(q.low / f)}–{fmt_num(q.high / f)}{unit}"
    sym = APPROX_SIGNS.get(q.approx or "", "")
    return f"{sym}{fmt_num(q.nominal / f)}{unit}"


def _display_unit(q: Quantity) -> tuple[str, float]:
    """(" unit" as written or canonical, factor from the written unit to the stored value)."""
    f = float(q.extra.get("factor") or 1.0)
    if q.qtype == "money":
        return " " + q.unit, 1.0
    if q.unit == "percent":
        return " %", 1.0
    if q.qtype == "count" and q.noun:
        return " " + q.extra.get("noun_text", q.noun), 1.0
    if q.qtype == "duration" and q.extra.get("unit_text") == "race":
        return " s", f
    if q.qtype == "duration":
        return " " + str(q.extra.get("unit_text", "day")) + "s", f
    if "unit_text" in q.extra:
        return " " + str(q.extra["unit_text"]), f
    return "", 1.0
