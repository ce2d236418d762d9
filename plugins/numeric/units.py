"""Units of measure through pint: the unit written after a number, its family and the value
in the family's base unit, so "30 months" meets "two years" and "10 miles" meets "16 km".

Only the surface forms (French and English words, symbols) are listed here; every factor
comes from pint.  A unit whose written form is ambiguous ("tons": short, metric or long)
gives an interval covering its readings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

#: (surface regex, pint expression(s), family).  Longer forms first.
UNIT_WORDS: list[tuple[str, tuple[str, ...], str]] = [
    (
        r"km\s?/\s?h|kmh|kph|km\s+par\s+heure|kilom[èe]tres?[\s\-](?:par\s+|/\s?|à\s+l['’]\s?)heure|"
        r"kilomet(?:er|re)s?\s+(?:per|an)\s+hour",
        ("km/hour",),
        "speed",
    ),
    (r"mph|miles?\s+(?:per|an)\s+hour", ("mile/hour",), "speed"),
    (r"km²|km2|kilom[èe]tres?\s+carr[ée]s|square\s+kilomet(?:er|re)s?|sq\.?\s?km", ("km**2",), "area"),
    (r"m²|m[èe]tres?\s+carr[ée]s|square\s+met(?:er|re)s?", ("m**2",), "area"),
    (r"square\s+miles?|sq\.?\s?mi", ("mile**2",), "area"),
    (r"hectares?|ha", ("hectare",), "area"),
    (r"acres?", ("acre",), "area"),
    (r"kilom[èe]tres?|kilomet(?:er|re)s?|km", ("km",), "length"),
    (r"m[èe]tres?|met(?:er|re)s?", ("m",), "length"),
    (r"centim[èe]tres?|centimet(?:er|re)s?|cm", ("cm",), "length"),
    (r"miles?", ("mile",), "length"),
    (r"feet|foot|ft", ("foot",), "length"),
    (r"metric\s+tons?|tonnes?", ("metric_ton",), "mass"),
    (r"tons?", ("short_ton", "long_ton"), "mass"),
    (r"kilogrammes?|kilograms?|kilos?|kg", ("kg",), "mass"),
    (r"grammes?|grams?", ("g",), "mass"),
    (r"pounds?\s+weight|lbs?", ("pound",), "mass"),
    (r"litres?|liters?", ("liter",), "volume"),
    (r"m3|m³|m[èe]tres?\s+cubes?|cubic\s+met(?:er|re)s?", ("m**3",), "volume"),
    (r"gigawatts?|GW", ("GW",), "power"),
    (r"m[ée]gawatts?|megawatts?|MW", ("MW",), "power"),
    (r"kilowatts?|kW", ("kW",), "power"),
    (r"TWh|térawattheures?", ("TWh",), "energy"),
    (r"GWh|gigawattheures?", ("GWh",), "energy"),
    (r"MWh|mégawattheures?", ("MWh",), "energy"),
    (r"kWh|kilowattheures?", ("kWh",), "energy"),
    # amounts of data: "2 terabytes", "2 To", "500 Go" (French octets), "120 MB"
    (r"p[ée]taoctets?|petabytes?|PB|Po", ("PB",), "data"),
    (r"t[ée]raoctets?|terabytes?|TB|To", ("TB",), "data"),
    (r"gigaoctets?|gigabytes?|GB|Go", ("GB",), "data"),
    (r"m[ée]gaoctets?|megabytes?|MB|Mo", ("MB",), "data"),
]
#: base unit of each family (what intervals are expressed in)
BASE = {
    "speed": "km/hour",
    "area": "m**2",
    "length": "m",
    "mass": "kg",
    "volume": "liter",
    "power": "W",
    "energy": "kWh",
    "data": "GB",
    "duration": "day",
}
#: pint names of the duration units of ``vocab.DURATION_UNITS``
DURATION_PINT = {
    "year": "year",
    "month": "month",
    "week": "week",
    "day": "day",
    "hour": "hour",
    "minute": "minute",
    "second": "second",
}
# short symbols are case-sensitive ("t", "g", "l", "ha", "MW"); words are not
_CASED = {"ha", "GW", "MW", "kW", "TWh", "GWh", "MWh", "kWh", "ft", "PB", "Po", "TB", "To", "GB", "Go", "MB", "Mo"}
_CASED_LOWER = {c.lower() for c in _CASED}
_UNIT_RE = re.compile(
    r"\s?(?:" + "|".join(f"(?P<u{i}>{pat})" for i, (pat, _, _) in enumerate(UNIT_WORDS)) + r")(?![\w²³/])", re.I
)


@dataclass(frozen=True)
class UnitMatch:
    end: int
    text: str
    family: str
    factors: tuple[float, ...]  # one base-unit factor per reading (low to high)


@lru_cache(maxsize=1)
def registry():
    import pint

    return pint.UnitRegistry()


@lru_cache(maxsize=256)
def factor(expr: str, family: str) -> float:
    """How many base units of ``family`` one ``expr`` is (pint)."""
    ureg = registry()
    return float(ureg.Quantity(1.0, expr).to(BASE[family]).magnitude)


#: units of news copy that pint may read from any written form (name, plural, SI prefix,
#: symbol); pint also knows "point", "grain", "stone", "line" and hundreds of others, which
#: after a figure in an article are what is counted, not a unit
NEWS_UNITS = frozenset(
    {
        "meter", "gram", "liter", "watt", "watt_hour",  # with SI prefixes
        "inch", "foot", "yard", "mile", "nautical_mile", "acre", "hectare",
        "gallon", "oil_barrel", "knot", "metric_ton",
    }
)  # fmt: skip
_SI = frozenset({"meter", "gram", "liter", "watt", "watt_hour"})
_PREFIXES = frozenset({"", "milli", "centi", "deci", "hecto", "kilo", "mega", "giga", "tera"})
#: French unit words as pint's English names: the morphology, not a list of units
_FRENCH_FORMS = [
    (re.compile(r"metres?$"), "meter"),
    (re.compile(r"grammes?$"), "gram"),
    (re.compile(r"litres?$"), "liter"),
    (re.compile(r"watts?[-\s]?heures?$"), "watt_hour"),
    (re.compile(r"^pouces?$"), "inch"),
    (re.compile(r"^pieds?$"), "foot"),
    (re.compile(r"^milles?[-\s](?:nautiques?|marins?)$"), "nautical_mile"),
    (re.compile(r"^noeuds?$"), "knot"),
    (re.compile(r"^barils?$"), "oil_barrel"),
    (re.compile(r"^barrels?$"), "oil_barrel"),  # in the news a barrel is oil's (159 l)
]
_WORD_AFTER = re.compile(r"\s?(?P<w>[^\W\d_]+(?:[-\s](?:nautiques?|marins?|nautical|heures?))?)(?![\w²³/])")
_FAMILIES = {
    "[length]": "length",
    "[length] ** 2": "area",
    "[length] ** 3": "volume",
    "[mass]": "mass",
    "[length] / [time]": "speed",
    "[length] ** 2 * [mass] / [time] ** 3": "power",
    "[length] ** 2 * [mass] / [time] ** 2": "energy",
}


@lru_cache(maxsize=4096)
def pint_unit(word: str) -> tuple[str, str] | None:
    """(pint expression, family) of a written unit the table above does not list ("408 mm",
    "480 millimètres", "12 inches", "3 barrels"), read by pint; None for anything else."""
    import unicodedata

    plain = "".join(ch for ch in unicodedata.normalize("NFD", word) if not unicodedata.combining(ch))
    name = plain.lower()
    for pat, english in _FRENCH_FORMS:
        if pat.search(name):
            name = pat.sub(english, name)
            break
    name = name.replace(" ", "_").replace("-", "_")
    ureg = registry()
    short = len(word) < 4
    try:
        readings = ureg.parse_unit_name(word if short else name, case_sensitive=short)
    except Exception:  # noqa: BLE001 - pint could not read it: not a unit
        return None
    for prefix, unit, suffix in readings:
        if suffix or unit not in NEWS_UNITS or prefix not in _PREFIXES:
            continue
        if prefix and unit not in _SI:
            continue
        if short and (not prefix or unit not in _SI):
            continue  # a symbol is an SI-prefixed one ("mm", "kg", "ml"); "in", "mi", "m" are words or millions
        expr = prefix + unit
        family = _FAMILIES.get(str(ureg.Quantity(1.0, expr).dimensionality))
        if family is not None:
            return expr, family
    return None


def _unit_by_pint(text: str, pos: int) -> UnitMatch | None:
    m = _WORD_AFTER.match(text, pos)
    if m is None:
        return None
    written = m.group("w")
    found = pint_unit(written)
    if found is None and re.search(r"[-\s]", written):
        written = re.split(r"[-\s]", written)[0]  # the two words are no unit: perhaps the first is
        found = pint_unit(written)
    if found is None:
        return None
    return UnitMatch(end=m.start("w") + len(written), text=written, family=found[1], factors=(factor(*found),))


def unit_after(text: str, pos: int) -> UnitMatch | None:
    """The unit written right after a number ending at ``pos`` ("12 km", "300 hectares"):
    the surface forms above first, then any news unit pint reads ("408 mm", "12 inches")."""
    m = _UNIT_RE.match(text, pos)
    if m is None:
        return _unit_by_pint(text, pos)
    i = next(int(k[1:]) for k, v in m.groupdict().items() if v)
    written = m.group(f"u{i}")
    pat, exprs, family = UNIT_WORDS[i]
    if written.lower() in _CASED_LOWER and written not in _CASED:
        return None  # "HA", "Mw": not the symbol
    factors = tuple(sorted(factor(e, family) for e in exprs))
    return UnitMatch(end=m.end(), text=written, family=family, factors=factors)


def duration_factor(unit: str) -> float:
    """Days in one ``unit`` (year, month, week, day, hour, minute, second)."""
    return factor(DURATION_PINT[unit], "duration")
