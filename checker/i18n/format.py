"""Values formatted for a reader's locale, through babel.

``quantity(q, lang)`` renders a ``plugins.numeric`` Quantity (anything with its attributes:
``qtype``, ``unit``, ``low``, ``high``, ``nominal``, ``approx``, ``extra``...) the way an article
in that language would write it: "13,75 milliards de dollars" / "$13.75 billion",
"1 800 personnes" / "1,800 people", "12 mars" / "March 12", "6 heures" / "6 hours", "30 %" /
"30%".  Babel's non-breaking spaces become plain spaces so that messages compare and wrap
like any text.
"""

from __future__ import annotations

import datetime as _dt
import math
from functools import lru_cache

from checker.i18n import supported

#: currency names in French (singular, plural); other currencies keep their ISO code
_FR_CURRENCY = {
    "USD": ("dollar", "dollars"),
    "EUR": ("euro", "euros"),
    "GBP": ("livre sterling", "livres sterling"),
    "CHF": ("franc suisse", "francs suisses"),
    "JPY": ("yen", "yens"),
    "CAD": ("dollar canadien", "dollars canadiens"),
    "CNY": ("yuan", "yuans"),
}
#: approximate and bounded values: the sign before the number (the same in every language)
APPROX_SIGNS = {
    "gt": "> ",
    "ge": "≥ ",
    "lt": "< ",
    "le": "≤ ",
    "about": "≈ ",
    "rough": "≈ ",
    "nearly": "≲ ",
    "just_over": "≳ ",
}
_DURATIONS = ("year", "month", "week", "day", "hour", "minute", "second")
_RANKS = {
    "fr": {"phase": "phase {n}", "stage": "stade {n}", "place": "{n}{e} place"},
    "en": {"phase": "phase {n}", "stage": "stage {n}", "place": "{n}{e} place"},
}


def _plain(text: str) -> str:
    return text.replace("\u202f", " ").replace("\xa0", " ")


@lru_cache(maxsize=8)
def _locale(lang: str):
    from babel import Locale

    return Locale.parse(supported(lang))


def number(x: float, lang: str = "en", *, compact: bool = True) -> str:
    """``1 800`` / ``1,800``; from a million on, with the scale word (``13,75 milliards``)."""
    from babel.numbers import format_compact_decimal, format_decimal

    if math.isinf(x):
        return "∞" if x > 0 else "-∞"
    loc = _locale(lang)
    if compact and abs(x) >= 1e6:
        return _plain(format_compact_decimal(x, format_type="long", locale=loc, fraction_digits=3))
    return _plain(format_decimal(x, format="#,##0.###", locale=loc))


def decimal(x: float, lang: str = "en", digits: int = 3, *, fixed: bool = False) -> str:
    """A score or ratio: ``0,118`` / ``0.118`` (no grouping); ``fixed``: always ``digits``
    decimals (``1,00``)."""
    from babel.numbers import format_decimal

    pattern = "0." + ("0" if fixed else "#") * digits
    return _plain(format_decimal(round(x, digits), format=pattern, locale=_locale(lang)))


def percent(x: float, lang: str = "en") -> str:
    """``30 %`` / ``30%`` (``x`` in percent, not a fraction): the locale's sign and spacing."""
    pattern = _plain(_locale(lang).percent_formats[None].pattern)
    return pattern.replace("#,##0", number(x, lang, compact=False)).replace("'", "")


def share(x: float, lang: str = "en") -> str:
    """A fraction as a percentage: ``0.02`` -> ``2 %`` / ``2%``."""
    return percent(x * 100.0, lang)


def _fr_of(noun: str) -> str:
    """``de dollars``, ``d'euros``: French elides ``de`` before a vowel or a mute h."""
    return f"d'{noun}" if noun[:1].lower() in "aeiouyéèêâîôh" else f"de {noun}"


def _fr_plural(x: float) -> bool:
    return abs(x) >= 2 or abs(x) >= 1e6


def money(x: float, code: str, lang: str = "en") -> str:
    """``13,75 milliards de dollars`` / ``$13.75 billion``; ``1 800 euros`` / ``€1,800``."""
    from babel.numbers import get_currency_symbol

    lang = supported(lang)
    amount = number(x, lang)
    if lang == "fr":
        names = _FR_CURRENCY.get(code)
        if names is None:
            return f"{amount} {code}"
        noun = names[1] if _fr_plural(x) else names[0]
        return f"{amount} {_fr_of(noun)}" if abs(x) >= 1e6 else f"{amount} {noun}"
    symbol = _plain(get_currency_symbol(code, locale=_locale(lang)))
    if symbol == code or len(symbol) > 1 and symbol.isalpha():
        return f"{code} {amount}"
    return f"{symbol}{amount}"


def counted(x: float, noun: str, lang: str = "en") -> str:
    """``1 800 personnes``, ``2 millions de personnes`` / ``2 million people`` (noun as written)."""
    amount = number(x, lang)
    if not noun:
        return amount
    if supported(lang) == "fr" and abs(x) >= 1e6:
        return f"{amount} {_fr_of(noun)}"
    return f"{amount} {noun}"


def duration(x: float, unit: str, lang: str = "en") -> str:
    """``6 heures`` / ``6 hours`` (``unit``: year, month, week, day, hour, minute, second)."""
    from babel.units import format_unit

    if unit not in _DURATIONS:
        return f"{number(x, lang)} {unit}"
    value: float = int(x) if float(x).is_integer() else round(x, 3)
    return _plain(format_unit(value, f"duration-{unit}", length="long", locale=_locale(lang)))


def date(ordinal: float, lang: str = "en", *, no_year: bool = False, month_only: bool = False) -> str:
    """``12 mars 2024`` / ``March 12, 2024``; without the year ``12 mars`` / ``March 12``;
    a month ``mars 2024`` / ``March 2024``."""
    from babel.dates import format_date, format_skeleton

    day = _dt.date.fromordinal(int(ordinal))
    loc = _locale(lang)
    if no_year:
        return _plain(format_skeleton("MMMMd", day, locale=loc))
    if month_only:
        return _plain(format_skeleton("yMMMM", day, locale=loc))
    return _plain(format_date(day, "long", locale=loc))


def _ordinal_suffix(n: int, lang: str) -> str:
    if lang == "fr":
        return "re" if n == 1 else "e"
    if n % 100 in (11, 12, 13):
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def rank(kind: str, n: int, lang: str = "en") -> str:
    """``3e place`` / ``3rd place``, ``stade 2`` / ``stage 2``."""
    lang = supported(lang)
    template = _RANKS[lang].get(kind, kind + " {n}")
    return template.format(n=n, e=_ordinal_suffix(n, lang))


def tally(votes_for: int, against: int | None, lang: str = "en") -> str:
    """A vote tally: "7–2", or the votes in favour alone ("7 in favour", "7 voix pour")."""
    if against is not None:
        return f"{number(votes_for, lang)}–{number(against, lang)}"
    return f"{number(votes_for, lang)} " + ("voix pour" if lang == "fr" else "in favour")


def weekday(index: int, lang: str = "en") -> str:
    """A weekday's name (0 = Monday) as the locale writes it: "Tuesday", "mardi"."""
    from babel.dates import get_day_names

    return str(get_day_names("wide", locale=_locale(lang))[index])


def clock(minutes: float, lang: str = "en") -> str:
    """A time of day (minutes after midnight) as the locale writes it: "6:42 AM", "06:42"."""
    from babel.dates import format_time

    h, m = divmod(int(round(minutes)) % (24 * 60), 60)
    return str(format_time(_dt.time(h, m), format="short", locale=_locale(lang)))


def _temporal(q, lang: str) -> str:
    if q.extra.get("granularity") == "weekday" and q.extra.get("weekday") is not None:
        return weekday(int(q.extra["weekday"]), lang)

    def one(o: float) -> str:
        if q.qtype == "year":
            return str(_dt.date.fromordinal(int(o)).year)
        return date(o, lang)

    lo = one(q.low) if not math.isinf(q.low) else None
    hi = one(q.high) if not math.isinf(q.high) else None
    if lo is None:
        return f"≤ {hi}"
    if hi is None:
        return f"≥ {lo}"
    if q.qtype == "date" and q.extra.get("no_year"):
        return date(q.low, lang, no_year=True)
    if q.qtype == "date" and q.extra.get("month_only"):
        return date(q.low, lang, month_only=True)
    return lo if lo == hi else f"{lo}–{hi}"


def _amount(q, x: float, lang: str) -> str:
    """One value of ``q`` (stored units) with its unit, as the locale writes it."""
    extra = q.extra or {}
    factor = float(extra.get("factor") or 1.0)
    if q.qtype == "money":
        return money(x, q.unit, lang)
    if q.unit == "percent":
        return percent(x, lang)
    if q.qtype == "count" and q.noun:
        return counted(x, str(extra.get("noun_text", q.noun)), lang)
    if q.qtype == "duration" and extra.get("unit_text") == "race":
        return f"{number(x / factor, lang, compact=False)} s"
    if q.qtype == "duration":
        return duration(x / factor, str(extra.get("unit_text", "day")), lang)
    if "unit_text" in extra:
        return f"{number(x / factor, lang)} {extra['unit_text']}"
    return number(x, lang)


def quantity(q, lang: str = "en") -> str:
    """A quantity as a reader of ``lang`` reads it (see the module docstring)."""
    lang = supported(lang)
    if q.qtype in ("year", "date"):
        return _temporal(q, lang)
    if q.qtype == "clock":
        return APPROX_SIGNS.get(q.approx or "", "") + clock(q.nominal, lang)
    if q.qtype == "rank":
        return rank(str(q.unit), int(q.nominal), lang)
    if q.qtype == "tally":
        return tally(q.extra.get("for"), q.extra.get("against"), lang)
    if q.vague:
        return f"«{q.text}» (vague)"
    if q.approx == "range":
        return f"{_amount(q, q.low, lang)} – {_amount(q, q.high, lang)}"
    return APPROX_SIGNS.get(q.approx or "", "") + _amount(q, q.nominal, lang)
