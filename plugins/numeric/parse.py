"""Finding quantities in a sentence: text -> ``Quantity`` list (interval, unit, provenance).

Reads figures the way a careful editor does, in French and English:

* digits in every common grouping and numbers in words (``numbers``), scale words,
  currencies before or after, percentages;
* units of measure through pint (``units``): lengths, areas, masses, speeds, volumes,
  power, energy and amounts of data; durations in any unit ("30 mois", "two years"), race times
  (``2:11:05``, "2 h 11 min 5 s") compared in days;
* ranges (``30 à 35 %``, ``entre 10 et 12``, ``between 3 and 5``), bounds and
  approximations mapped to intervals (``intervals``), approximate number nouns
  ("une trentaine", "a dozen");
* years, full dates and ranks ("phase 3", "3e place", "third place").

Model names (``GPT-4``), ages (``36 ans``), list numbering (``1.``), clock times ("à 8 h
42", "vers 5 heures du matin", "7:42 a.m.") are not compared quantities.  Offsets are
character offsets into the given text.  Anything the reader cannot read is skipped.
"""

from __future__ import annotations

import calendar
import functools
import re

from plugins.numeric.dates import is_calendar_word
from plugins.numeric.intervals import DEFAULT_BOUND_SLACK, INF, bounds
from plugins.numeric.nouns import elliptic_noun, is_age, person_before, refine_noun, toll_of
from plugins.numeric.numbers import approx_kind, currency_of, read_number, scale_of
from plugins.numeric.quantity import Quantity, ordinal_date, year_interval
from plugins.numeric.slots import unaccent_lower
from plugins.numeric.units import duration_factor, unit_after
from plugins.numeric.vocab import (
    AGE_BEFORE,
    APPROX_NOUNS,
    APPROX_RE,
    CLOCK_AFTER,
    CLOCK_BEFORE,
    CUR_PREFIX_RE,
    CUR_RE,
    DEADLINE_AFTER,
    DURATION_PREP,
    DURATION_UNITS,
    DURATION_VERB_BEFORE,
    HYPHEN_UNIT,
    INTENSIFIER_RE,
    MONTH_RE,
    MONTHS,
    NOUN_CLASS,
    NUM,
    NUM_DIGITS,
    OF_THEM_RE,
    ORDINAL_AFTER,
    ORDINAL_WORDS,
    PERCENT_RE,
    PERSON_NOUN_BEFORE,
    PHASE_RE,
    POSSESSIVE,
    RANK_NOUNS,
    RATE_AFTER,
    REF_BEFORE,
    ROMAN,
    SCALE_RE,
    SENTENCE_AFTER,
    SMALL_WORDS,
    STOP_NOUNS,
    TIME_AFTER,
    WORD_AFTER,
    WORD_NUM,
    YEAR_PREP,
    YEAR_PREP_RE,
)

__all__ = ["DEFAULT_BOUND_SLACK", "Quantity", "parse_quantities", "words_to_number", "display"]
from plugins.numeric.clock import find_clock_times  # noqa: E402
from plugins.numeric.fractions import find_fractions  # noqa: E402
from plugins.numeric.numbers import words_to_number  # noqa: E402  (re-exported)
from plugins.numeric.quantity import display  # noqa: E402  (re-exported)
from plugins.numeric.tallies import find_tallies  # noqa: E402

#: what makes "un mois" / "a month" a duration: "pendant un mois", "for a month", "lasted a year"
ONE_UNIT_BEFORE = re.compile(r"(?:\b(?:pendant|durant|during|for|within|over)\s*)$", re.I)
#: counted nouns whose small counts are reported figures ("un mort", "two people have died")
_TOLL_CLASSES = {"deaths", "injured", "missing", "displaced", "people"}
_YEAR_NUM = re.compile(r"(?:1[89]\d\d|20\d\d|2100)")


def _qty_pattern(ranges: bool = True, scales: bool = True) -> re.Pattern:
    range_part = (
        rf"(?:\s*(?P<sep>à|-|–|—|to|et|and|ou|or)\s*(?:(?P<cur1b>{CUR_PREFIX_RE})\s?)?"
        rf"(?P<num2>{NUM_DIGITS}|(?<![\w])(?:{WORD_NUM})(?![\w])))?"
        if ranges
        else r"(?P<sep>(?!))?(?P<cur1b>(?!))?(?P<num2>(?!))?"
    )
    scale_part = rf"(?:[\s\-‑]?(?P<scale>{SCALE_RE})(?![\w]))?" if scales else r"(?P<scale>(?!))?"
    return re.compile(
        rf"""
        (?:(?<![\w])(?P<approx>{APPROX_RE})(?:(?<=['’~])|(?![\w]))\s*(?:{INTENSIFIER_RE}\s+)?(?:(?:les|la|le|l['’]|des|the)\s+)?)?
        (?:(?P<between>entre|between|de|from)\s+)?
        (?:(?P<cur1>{CUR_PREFIX_RE})\s?)?
        (?P<num>{NUM})
        {range_part}
        {scale_part}
        (?:\s?(?:(?:de|d['’]|of)\s*)?(?P<cur2>{CUR_RE})(?![\w]))?
        (?:\s?(?P<pct>{PERCENT_RE})(?![\w]))?
        """,
        re.VERBOSE | re.IGNORECASE,
    )


_QTY_RE = _qty_pattern()
_QTY_SIMPLE = _qty_pattern(ranges=False)
_QTY_SIMPLE_NOSCALE = _qty_pattern(ranges=False, scales=False)

_DATE_RES = [
    # 12 décembre 2024, 1er janvier 2024, 12 December 2024
    (
        "dmy",
        re.compile(rf"(?<![\w])(?P<d>\d{{1,2}})(?:er|st|nd|rd|th)?\s+(?P<m>{MONTH_RE})\s+(?P<y>\d{{4}})(?![\w])", re.I),
    ),
    # December 12, 2024
    (
        "mdy",
        re.compile(rf"(?<![\w])(?P<m>{MONTH_RE})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})(?![\w])", re.I),
    ),
    # janvier 2023, January 2023
    ("my", re.compile(rf"(?<![\w])(?P<m>{MONTH_RE})\s+(?:d['’]\s?)?(?P<y>\d{{4}})(?![\w])", re.I)),
    # a day and a month without a year ("le dimanche 22 mars", "Tuesday 9 September", "on 16 August")
    (
        "dm",
        re.compile(
            rf"(?<![\w])(?P<d>\d{{1,2}})(?:er|st|nd|rd|th)?\s+(?P<m>{MONTH_RE})(?![\w])(?!\s+(?:d['’]\s?)?\d)", re.I
        ),
    ),
    # September 9 / August 16th (English; the month capitalised, so "may 5" is not a date)
    ("md", re.compile(r"(?<![\w])(?P<m>[A-Z][a-z]+\.?)\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?(?![\w])(?!,?\s+\d)")),
    # 2024-12-12
    ("iso", re.compile(r"(?<![\w-])(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?![\w-])")),
]
_YEAR_RE = re.compile(
    rf"(?:(?P<prep>{YEAR_PREP_RE})\s+)?(?:(?P<between>entre|between|de|from)\s+)?"
    rf"(?<![\w.,\-])(?P<y>1[89]\d\d|20\d\d|2100)(?:\s*(?P<sep>-|–|à|et|and|to)\s*(?P<y2>1[89]\d\d|20\d\d|2100))?(?![\w%€$]|[.,]\d)",
    re.I,
)
_VAGUE_RE = re.compile(
    rf"(?<![\w])(?P<det>des|de|plusieurs|quelques|de\s+nombreux|nombreux|several|a\s+few|many|tens\s+of|hundreds\s+of"
    rf"|des\s+dizaines\s+de|des\s+centaines\s+de|dizaines\s+de|centaines\s+de)\s+(?P<scale>milliards?|millions?|billions?|millions?)"
    rf"(?:\s*(?:(?:de|d['’]|of)\s*)?(?P<cur>{CUR_RE}))?(?![\w])"
    rf"|(?<![\w])(?P<scale2>billions|millions)\s+of(?:\s+(?P<cur2>{CUR_RE}))?(?![\w])",
    re.I,
)
_ROUGH_RE = re.compile(
    rf"(?<![\w])(?:(?P<approx>{APPROX_RE})(?:(?<=['’])|\s+))?(?:une?|a|an|some)\s+(?P<nn>(?P<n>{'|'.join(APPROX_NOUNS)})s?)"
    r"(?:\s+(?:de|d['’]|of)\s*|(?=\s+[^\W\d_]))",
    re.I,
)
_RACE_RE = re.compile(r"(?<![\w:])(?P<h>\d{1,2}):(?P<m>[0-5]\d):(?P<s>[0-5]\d)(?![\w:])")
_HMS_RE = re.compile(
    rf"(?<![\w])(?P<h>\d{{1,2}}|{WORD_NUM})\s*(?:h|heures?|hours?|hrs?)\.?,?\s*(?:et\s+|and\s+)?"
    rf"(?P<m>\d{{1,2}}|{WORD_NUM})\s*(?:min(?:utes?)?|mn|['’])\.?"
    rf"(?:,?\s*(?:et\s+|and\s+)?(?P<s>\d{{1,2}}|{WORD_NUM})\s*(?:s|sec(?:ondes?|onds?)?|\"|″))?(?![\w])",
    re.I,
)
_RANK_RE = re.compile(
    rf"(?<![\w])(?:(?P<d>\d{{1,2}})\s?(?:e|è|ème|eme|er|re|st|nd|rd|th)|(?P<w>{'|'.join(ORDINAL_WORDS)}))"
    rf"\s+(?P<noun>{RANK_NOUNS})(?![\w])",
    re.I,
)


def _overlaps(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    return any(s < b and a < e for a, b in spans)


def parse_quantities(
    text: str, lang: str = "fr", *, bound_slack: float = DEFAULT_BOUND_SLACK, dates: list[Quantity] | None = None
) -> list[Quantity]:
    """All quantity expressions in ``text`` (a sentence), in order of appearance.

    ``dates``: the sentence's date mentions read by the date reader (``eventdates``); when
    None, days and months are read by the regexes below.
    """
    lang = (lang or "fr")[:2].lower()
    out: list[Quantity] = []
    taken: list[tuple[int, int]] = []
    date_finder = _find_dates if dates is None else (lambda t, lg, sl: iter(dates))
    finders = (
        date_finder,
        _find_phases,
        _find_ranks,
        find_clock_times,
        _find_fractions,
        find_tallies,
        _find_race_times,
        _find_vague,
        _find_rough,
        _find_amounts,
        _find_years,
    )
    for finder in finders:
        for q in finder(text, lang, bound_slack):
            if q is None or _overlaps(taken, q.start, q.end):
                continue
            taken.append((q.start, q.end))
            if not q.extra.get("dateline"):
                out.append(q)  # a dateline's date is the report's: no figure of it (not "21" septembres)
    out.sort(key=lambda q: (q.start, q.end))
    _mark_dimensions(out, text)
    return out


#: "40 × 60 cm", "2 by 3 metres", "65 centimètres sur 81": the sides of one thing
_DIMENSION = re.compile(
    r"(?<![\d.,])(?P<n1>\d+(?:[.,]\d+)?)(?P<u1>\s*[^\W\d_]{1,12})?\s*(?:[×xX*]|\bby|\bsur|\bpar)\s*"
    r"(?P<n2>\d+(?:[.,]\d+)?)(?:\s*(?:[×xX*]|\bby|\bsur|\bpar)\s*\d+(?:[.,]\d+)?)*"
)


def _mark_dimensions(quantities: list[Quantity], text: str) -> None:
    """Mark the figures of a dimension (``extra["dimension"]``): two or three numbers joined
    by "×", "by" or "sur" with a length unit after the first or the last.  Each is one side
    of one thing, not a reading of the measure the other article gives."""
    for m in _DIMENSION.finditer(text):
        first = unit_after(text, m.end("n1"))
        last = unit_after(text, m.end())
        if not any(u is not None and u.family == "length" for u in (first, last)):
            continue
        end = last.end if last is not None else m.end()
        for q in quantities:
            if q.start < end and m.start() < q.end:
                q.extra["dimension"] = True


# --------------------------------------------------------------------------- dates, years, ranks
def _find_dates(text: str, lang: str, slack: float):
    for kind, rx in _DATE_RES:
        for m in rx.finditer(text):
            yield _date(kind, m)


def _date(kind: str, m: re.Match) -> Quantity | None:
    no_year = kind in ("dm", "md")
    y = 2000 if no_year else int(m.group("y"))  # a leap year: "29 février" is a date
    mon_raw = m.group("m")
    mon = int(mon_raw) if mon_raw.isdigit() else MONTHS.get(mon_raw.lower())
    if not mon or not 1 <= mon <= 12 or not 1000 <= y <= 2999:
        return None
    if kind == "my":
        lo, hi = ordinal_date(y, mon, 1), ordinal_date(y, mon, calendar.monthrange(y, mon)[1])
    else:
        lo = hi = ordinal_date(y, mon, int(m.group("d")))
    if lo is None or hi is None:
        return None
    return Quantity(
        start=m.start(),
        end=m.end(),
        text=m.group(0),
        low=float(lo),
        high=float(hi),
        unit="daymonth" if no_year else "date",
        qtype="date",
        nominal=float(lo),
        extra={"month_only": kind == "my", "no_year": no_year},
    )


def _find_phases(text: str, lang: str, slack: float):
    """Phases ("essai de phase 3", "a phase II trial"): a rank, compared as an exact integer."""
    for m in PHASE_RE.finditer(text):
        raw = m.group("n")
        n = int(raw) if raw.isdigit() else ROMAN.get(raw.upper())
        if n:
            yield Quantity(
                start=m.start(),
                end=m.end(),
                text=m.group(0),
                low=float(n),
                high=float(n),
                unit=m.group("kind").lower().replace("stade", "stage"),
                qtype="rank",
                nominal=float(n),
            )


def _find_ranks(text: str, lang: str, slack: float):
    """Places in a ranking ("3e place", "third place"): exact integers."""
    for m in _RANK_RE.finditer(text):
        n = int(m.group("d")) if m.group("d") else ORDINAL_WORDS.get(m.group("w").lower())
        if n:
            yield Quantity(
                start=m.start(),
                end=m.end(),
                text=m.group(0),
                low=float(n),
                high=float(n),
                unit="place",
                qtype="rank",
                nominal=float(n),
            )


_APPROX_BEFORE = re.compile(rf"(?<![\w])(?P<a>{APPROX_RE})(?:\s+|(?<=['’]))(?:(?:les|la|the)\s+)?$", re.I)


def _find_fractions(text: str, lang: str, slack: float):
    """Fractions and ratios in words ("quatre cinquièmes du", "roughly one in ten"), with the
    approximator before them."""
    for q in find_fractions(text, lang):
        m = _APPROX_BEFORE.search(text[max(0, q.start - 30) : q.start])
        kind = None
        if m:
            kind = approx_kind(m.group("a"))
            q.start -= len(m.group(0))
            q.approx_text, q.text = m.group("a"), text[q.start : q.end]
        yield _finish(q, kind, q.nominal, q.precision, None, 1.0, slack)


def _find_years(text: str, lang: str, slack: float):
    for m in _YEAR_RE.finditer(text):
        ys, ye = m.start("y"), m.end("y2") if m.group("y2") else m.end("y")
        if not _not_a_year(text, ys, ye):
            yield _year(m)


def _year(m: re.Match) -> Quantity:
    y = int(m.group("y"))
    y2 = int(m.group("y2")) if m.group("y2") else None
    if y2 is not None and y2 < y:
        y2 = None
    start = m.start("prep") if m.group("prep") else (m.start("between") if m.group("between") else m.start("y"))
    end = m.end("y2") if y2 is not None else m.end("y")
    lo, hi = year_interval(y, y2)
    prep = " ".join((m.group("prep") or "").lower().split())
    kind = next((k for pat, k in YEAR_PREP if prep and re.fullmatch(pat, prep, re.I)), None)
    q = Quantity(
        start=start,
        end=end,
        text=m.string[start:end],
        low=lo,
        high=hi,
        unit="year",
        qtype="year",
        nominal=float(y),
        prep=prep,
        approx="range" if y2 else kind,
    )
    if kind in ("le", "lt"):
        q.low, q.high = -INF, (hi if kind == "le" else lo - 1)
    elif kind in ("gt", "ge"):
        q.low, q.high = (hi + 1 if kind == "gt" else lo), INF
    return q


def _not_a_year(text: str, s: int, e: int) -> bool:
    before = text[max(0, s - 12) : s]
    if re.search(r"[A-Za-z][\-]?$", before) and not re.search(r"\s$", before):
        return True  # GPT-2030?, A2024
    return bool(REF_BEFORE.search(before))


# --------------------------------------------------------------------------- durations of races
def _find_race_times(text: str, lang: str, slack: float):
    """Race times "2:11:05" and written out "2 h 11 min 5 s", "2 hours, 11 minutes and 5 seconds"."""
    for rx in (_RACE_RE, _HMS_RE):
        for m in rx.finditer(text):
            parts = [_small_number(m.group(g), lang) for g in ("h", "m", "s")]
            if parts[0] is None or parts[1] is None or (m.group("s") and parts[2] is None):
                continue
            if rx is _HMS_RE and not m.group("s") and re.search(r"(?:min|mn)", m.group(0), re.I) is None:
                continue  # "8 h 42" is a clock time
            seconds = parts[0] * 3600 + parts[1] * 60 + (parts[2] or 0)
            days = seconds / 86400.0
            yield Quantity(
                start=m.start(),
                end=m.end(),
                text=m.group(0),
                low=days,
                high=days,
                unit="day",
                qtype="duration",
                nominal=days,
                extra={"unit_text": "race", "factor": 1 / 86400.0},
            )


def _small_number(raw: str | None, lang: str) -> float | None:
    if raw is None:
        return None
    got = read_number(raw, lang)
    return got[0] if got else None


# --------------------------------------------------------------------------- vague and rough amounts
def _find_vague(text: str, lang: str, slack: float):
    for m in _VAGUE_RE.finditer(text):
        scale_word = m.group("scale") or m.group("scale2")
        mult, _ = scale_of(scale_word, lang)
        det = (m.group("det") or "").lower()
        lo_mult = 20 if "dizaines" in det or "tens" in det else 200 if "centaines" in det or "hundreds" in det else 2
        cur = currency_of(m.group("cur") or m.group("cur2"))
        q = Quantity(
            start=m.start(),
            end=m.end(),
            text=m.group(0),
            low=lo_mult * mult,
            high=1000 * mult,
            high_inclusive=False,
            unit=cur or "count",
            qtype="money" if cur else "count",
            scale=mult,
            scale_word=scale_word,
            vague=True,
            nominal=lo_mult * mult,
        )
        if not cur:
            w = WORD_AFTER.match(text, m.end())
            if w and w.group("w").lower() not in STOP_NOUNS:
                q.noun = NOUN_CLASS.get(w.group("w").lower(), w.group("w").lower())
        yield q


def _find_rough(text: str, lang: str, slack: float):
    """Approximate number nouns with a counted noun: "une trentaine de morts", "a dozen people"."""
    for m in _ROUGH_RE.finditer(text):
        w = WORD_AFTER.match(text, m.end())
        word = (w.group("w") if w else "").lower()
        if not word or word in STOP_NOUNS:
            continue
        x = float(APPROX_NOUNS[m.group("n").lower()])
        kind = approx_kind(m.group("approx")) if m.group("approx") else "rough"
        q = Quantity(
            start=m.start(),
            end=m.end("nn"),
            text=text[m.start() : m.end("nn")],
            low=x,
            high=x,
            approx_text=m.group("approx") or "",
            nominal=x,
        )
        if word in DURATION_UNITS:  # "une vingtaine de secondes", "a dozen minutes"
            _set_duration(q, {"scale": 1.0}, DURATION_UNITS[word], w.end("w"))
            q.text = text[q.start : q.end]
            yield _finish(q, kind, q.nominal, 0.0, None, q.extra["factor"], slack)
            continue
        cls = NOUN_CLASS.get(word, word)
        q.unit, q.qtype, q.noun = "count", "count", refine_noun(text, m.start(), w.end("w"), cls)
        if q.noun != word:
            q.extra["noun_text"] = word
        yield _finish(q, kind, x, 0.0, None, 1.0, slack)


# --------------------------------------------------------------------------- amounts, counts, units
def _find_amounts(text: str, lang: str, slack: float):
    """Amounts, percentages, counts and measures (before years, so "2 000 milliards" is no year)."""
    for m in _QTY_RE.finditer(text):
        yield _amount(m, text, lang, slack)


class _Retry(Exception):
    """The pattern was too greedy: match again without the range (or the scale)."""

    def __init__(self, drop_scale: bool = False):
        super().__init__()
        self.drop_scale = drop_scale


def _amount(m: re.Match, text: str, lang: str, slack: float, retry: bool = True) -> Quantity | None:
    try:
        head = _head(m, text, lang)
    except _Retry as r:
        if not retry:
            return None
        m2 = (_QTY_SIMPLE_NOSCALE if r.drop_scale else _QTY_SIMPLE).match(text, m.start())
        return _amount(m2, text, lang, slack, retry=not r.drop_scale) if m2 else None
    if head is None or _rejected(head, text):
        return None
    q = Quantity(
        start=head["start"],
        end=head["end"],
        text=text[head["start"] : head["end"]],
        low=head["x"],
        high=head["x"],
        scale=head["scale"],
        scale_word=head["scale_word"],
        approx_text=head["approx_text"],
        nominal=head["x"],
        precision=head["p"],
    )
    if RATE_AFTER.match(text, q.end) and (head["currency"] or head["scale_word"]):
        q.extra["rate"] = "year"  # "2 milliards d'euros par an" is a yearly rate, not a total
    if head["currency"]:
        q.unit, q.qtype = head["currency"], "money"
    elif head["pct"]:
        q.unit, q.qtype = "percent", "share"
    elif not _assign_unit(q, head, text):
        return None
    if head.get("small_count") and q.qtype == "count":
        q.extra["small_count"] = True
    if q.qtype == "duration" and _over_as_during(head, text):
        head["kind"], q.approx_text, q.start = None, "", head["ns"]  # "counted by hand over three days"
    q.text = text[q.start : q.end]
    return _finish(q, head["kind"], q.nominal, q.precision, head["value2"], head["unit_factor"], slack)


#: words after which "over" before a span is "more than": "for over three days", "delays of
#: over two hours", "in over a decade", "lasted over a week"; elsewhere it is the span itself
_OVER_BOUND_BEFORE = re.compile(
    r"\b(?:for|of|in|than|after|last(?:s|ed|ing)?|took|take[sn]?|spent|spend|wait(?:ed)?|delay(?:ed|s)?|"
    r"ago|within|just|well|slightly|already)\s*$",
    re.I,
)


def _over_as_during(head: dict, text: str) -> bool:
    """Whether a bare "over" before a span says when, not how long at least ("counted by hand
    over three days", "spread over two years")."""
    if (head["approx_text"] or "").strip().lower() != "over":
        return False
    before = text[max(0, head["start"] - 20) : head["start"]]
    return bool(before.strip()) and not _OVER_BOUND_BEFORE.search(before)


def _head(m: re.Match, text: str, lang: str) -> dict | None:
    """The number, range, scale, currency and approximator of a match (``_Retry`` if too greedy)."""
    num_text = m.group("num")
    got = read_number(num_text, lang)
    if got is None:
        return None
    value, prec, in_words = got
    value2 = _second_value(m, text, lang, value)
    scale_word = m.group("scale") or ""
    cur_text = m.group("cur1") or m.group("cur1b") or m.group("cur2")
    pct = m.group("pct")
    if (
        scale_word in ("M", "B", "k", "K", "m", "b")
        and not (cur_text or pct)
        and text[m.end("scale") : m.end("scale") + 1] not in ("$", "€", "£")
    ):
        raise _Retry(drop_scale=True)  # a bare "M"/"k" after a number is a scale only next to a currency
    if scale_word and not (cur_text or pct) and "-" in text[m.end("num") : m.start("scale")].replace("‑", "-"):
        raise _Retry(drop_scale=True)  # "a $4-million upgrade": a hyphenated scale only with a currency
    mult, _ = scale_of(scale_word, lang)
    approx_text = m.group("approx") or ""
    end = m.end()
    while end > m.start() and text[end - 1].isspace():
        end -= 1  # trailing spaces captured by optional groups
    if approx_text:
        start = m.start("approx")
    elif m.group("between") and value2 is not None:
        start = m.start("between")
    else:
        start = m.start("cur1") if m.group("cur1") else m.start("num")
    return {
        "num_text": num_text,
        "value": value,
        "in_words": in_words,
        "value2": value2,
        "x": value * mult,
        "p": prec * mult,
        "scale": mult,
        "scale_word": scale_word,
        "unit_factor": mult,
        "currency": currency_of(cur_text),
        "pct": bool(pct),
        "approx_text": approx_text,
        "kind": approx_kind(approx_text) if approx_text else None,
        "ns": m.start("num"),
        "ne": m.end("num"),
        "start": start,
        "end": end,
        "has_num2": bool(m.group("num2")),
    }


def _second_value(m: re.Match, text: str, lang: str, value: float) -> float | None:
    """The upper end of a range ("30 à 35 %", "between 3 and 5"), None without one."""
    num2 = m.group("num2")
    if not num2:
        return None
    got2 = read_number(num2, lang)
    sepl = (m.group("sep") or "").lower()
    plausible = got2 is not None and (
        sepl in ("à", "-", "–", "—", "to") or (m.group("between") and sepl in ("et", "and", "à", "to"))
    )
    spaced_hyphen = sepl in ("-", "–", "—") and num2[:1].isdigit() and " " in text[m.end("num") : m.start("num2")]
    if plausible and got2[0] >= value and not spaced_hyphen:
        return got2[0]
    raise _Retry()


def _rejected(h: dict, text: str) -> bool:
    """Numbers that are no reported figure: "deux géants", GPT-4, 3D, 12h, 1er, list numbering, years."""
    marked = bool(h["currency"] or h["pct"] or h["scale_word"])
    if not marked and _ratio_denominator(text, h):
        return True  # "one in ten employees", "un salarié sur dix": a ratio's denominator
    num_l = h["num_text"].strip().lower()
    if num_l in ("a", "an") and not h["scale_word"]:
        return not _small_word_ok(text, h)  # "a month" only as a duration ("for a month")
    if h["in_words"] and not marked and (h["value"] < 10 or num_l in SMALL_WORDS):
        return not _small_word_ok(text, h)
    if not h["in_words"] and not marked and not _hyphen_unit(text, h["end"]) and _digits_excluded(text, h):
        return True
    if not marked and _YEAR_NUM.fullmatch(h["num_text"]):
        return True  # years are read by the year pass
    return False


_RATIO_BEFORE = re.compile(r"\b(?:one|un|une|1)(?P<noun>\s+[^\W\d_]+)?\s+(?:in|out\s+of|sur)\s+$", re.I)


def _ratio_denominator(text: str, h: dict) -> bool:
    """ "one in ten", "one out of five"; "un salarié sur dix" (not "une hausse sur 12 mois")."""
    m = _RATIO_BEFORE.search(text[max(0, h["ns"] - 30) : h["ns"]])
    if m is None:
        return False
    if not m.group("noun"):
        return True
    w = WORD_AFTER.match(text, h["end"])
    return unit_after(text, h["end"]) is None and not (w and w.group("w").lower() in DURATION_UNITS)


def _small_word_ok(text: str, h: dict) -> bool:
    """A small number in words is a figure before a duration or measure unit ("a two-mile
    radius") or a counted person class; never after a negation ("No one was hurt")."""
    if _NEGATED_ONE.search(text[max(0, h["start"] - 16) : h["start"]]):
        return False
    if _hyphen_unit(text, h["end"]):
        return True
    if _OF_THEM.match(text, h["end"]):
        return toll_of(text, h["ns"], h["end"]) is not None  # "Trois d'entre eux ont été blessés"
    w = WORD_AFTER.match(text, h["end"])
    behind = _noun_behind_modifiers(text, w)
    w = behind[0] if behind else w  # "Three RNLI lifeboats", "two earlier bids"
    wl = w.group("w").lower() if w else ""
    if wl in DURATION_UNITS:
        if h["num_text"].strip().lower() not in ("un", "une", "one", "a", "an"):
            return True
        before = text[max(0, h["start"] - 30) : h["start"]]
        return bool(h["approx_text"] or ONE_UNIT_BEFORE.search(before) or DURATION_VERB_BEFORE.search(before))
    cls = NOUN_CLASS.get(wl)
    if cls is None:
        if w is not None and toll_of(text, h["ns"], w.end("w")) is not None:
            return True  # "Quatre voyageurs sont morts"
        return _small_count(text, h, w)
    refined = refine_noun(text, h["ns"], w.end("w"), cls)
    if refined == "people" and _DEFINITE_BEFORE.search(text[max(0, h["start"] - 12) : h["start"]]):
        return False  # "the two men met": people already named, not a count
    if h["num_text"].strip().lower() in SMALL_WORDS:
        return refined in (
            "deaths",
            "injured",
            "missing",
            "seriously_injured",
            "injured:seriously_injured",
        )  # "un mort", "un blessé grave"
    return refined in _TOLL_CLASSES or cls in _TOLL_CLASSES or _small_count(text, h, w)


_PARTITIVE = re.compile(rf"\s*(?:of|de|d['’])\s*{POSSESSIVE}\s", re.I)
#: "no one", "not one", "pas un", "pas une seule": a negation, not a count of one
_NEGATED_ONE = re.compile(r"\b(?:no|not|pas)[\s-]+(?:a\s+single\s+)?$", re.I)
_DEFINITE_BEFORE = re.compile(
    r"\b(?:les|ces|ses|leurs|nos|vos|the|these|those|its|their|his|her|our|both|all)\s+$", re.I
)
#: plural nouns that do not end in -s / -x
_IRREGULAR_PLURALS = {"people", "men", "women", "children", "staff", "police", "personnel", "cattle"}


#: the lower-case word after a capitalised qualifier ("British households")
_QUALIFIED_NOUN = re.compile(r"\s+(?P<w>[a-zà-ÿ][\w’']*)(?![\w\-])")


def _plural_noun(word: str, shortest: int = 4) -> bool:
    """A plural common noun that a figure may count (not a stop noun, not a unit of time)."""
    wl = word.lower()
    return (
        len(wl) >= shortest
        and wl not in STOP_NOUNS
        and wl not in DURATION_UNITS
        and (wl.endswith(("s", "x")) or wl in _IRREGULAR_PLURALS)
    )


#: a word between a figure and the noun it counts ("three earlier bids", "Three RNLI lifeboats")
_NEXT_WORD = re.compile(r"\s+(?P<w>[^\W\d_][\w\-’']*)(?![\w\-])")
#: words that end the search for the counted noun: a verb, a determiner, a preposition, a pronoun
_NOT_MODIFIERS = frozenset(
    """the a an of in on at to for by with from into onto over under about after before than as or but
    was were is are be been being has have had will would could should may might can must did do does
    who which that this these those it its their his her our your my them they we he she there here
    not no nor also only just still now then when where while if so very
    le la les l un une des de du d et ou en au aux dans sur par pour avec sans sous chez entre vers
    est sont était étaient été être a ont avait avaient sera seront fut qui que qu dont où ce cet cette ces
    son sa ses leur leurs nos vos mon ma mes il elle ils elles on nous vous ne pas plus aussi déjà encore""".split()
)
#: French adjectives that come before their noun (a closed class: "trois anciens ministres",
#: "deux nouveaux gymnases"), so a plural one there is no counted noun yet
_FR_PRENOMINAL = frozenset(
    """grands grandes petits petites nouveaux nouvelles anciens anciennes jeunes vieux vieilles autres
    premiers premières derniers dernières principaux principales gros grosses bons bonnes mauvais
    mauvaises beaux belles seuls seules vrais vraies faux fausses hauts hautes longs longues""".split()
)
#: how many words may stand between a figure and its noun ("48,000 Vista and Rover compact utility trucks")
_MAX_MODIFIERS = 6


def _noun_behind_modifiers(text: str, w: re.Match | None) -> tuple[re.Match, tuple[str, ...]] | None:
    """The plural noun (or unit of time) a figure counts when pre-modifiers stand between them:
    adjectives ("two earlier bids", "trois anciens ministres"), capitalised qualifiers ("Three
    RNLI lifeboats"), nouns used as modifiers ("fire engines", "IT systems"), "and" between
    capitalised names; None when the word right after the figure is already the noun, or when a
    verb, a determiner or a preposition comes first ("Three were injured").  With the noun come
    its lower-case modifiers, folded: they say which kind ("140 permanent jobs" are not all the
    jobs; a capitalised qualifier, "RNLI", says whose)."""
    if w is None:
        return None
    word = w.group("w")
    wl = word.lower()
    if wl in DURATION_UNITS or wl in _NOT_MODIFIERS or wl in STOP_NOUNS:
        return None
    if _plural_noun(word, shortest=3) and not word[:1].isupper() and wl not in _FR_PRENOMINAL:
        return None  # the counted noun itself
    end, prev_upper = w.end("w"), word[:1].isupper()
    mods = [] if prev_upper else [wl]
    for _ in range(_MAX_MODIFIERS):
        m = _NEXT_WORD.match(text, end)
        if m is None:
            return None
        nxt = m.group("w")
        nl = nxt.lower()
        if nl in DURATION_UNITS or (
            not nxt[:1].isupper() and _plural_noun(nxt, shortest=3) and nl not in _FR_PRENOMINAL
        ):
            return m, tuple(unaccent_lower(x) for x in mods)
        if nl in ("and", "et") and prev_upper:
            end = m.end("w")  # "Ridge and Crest": two names qualifying one noun
            continue
        if nl in _NOT_MODIFIERS or nl.endswith("ly") and not nxt[:1].isupper():
            return None
        end, prev_upper = m.end("w"), nxt[:1].isupper()
        if not prev_upper:
            mods.append(nl)
    return None


def _small_count(text: str, h: dict, w: re.Match | None) -> bool:
    """ "three hospitals", "cinq hôpitaux": a number word from two to nine before a plural
    common noun counts it.  Such counts are everywhere in prose ("two sources", "three
    reasons"), so they are marked (``extra["small_count"]``) and pairing asks more of them."""
    if w is None or h["num_text"].strip().lower() in SMALL_WORDS or not 2 <= h["value"] <= 9:
        return False
    word = w.group("w")
    if word[:1].isupper() or not _plural_noun(word, shortest=3):
        return False
    if _DEFINITE_BEFORE.search(text[max(0, h["ns"] - 12) : h["ns"]]):
        return False  # "les deux géants", "the two men": a reference back, not a figure
    h["small_count"] = True
    return True


def _digits_excluded(text: str, h: dict) -> bool:
    ns, ne = h["ns"], h["ne"]
    before = text[max(0, ns - 16) : ns]
    after = text[ne : ne + 6]
    if re.search(r"[^\W\d_][\-_/.]?$", before) and not re.search(r"\s$", before):
        return True  # GPT-4, A100, H100, iOS17
    if re.search(r"\d:$", before):
        return True  # the seconds of "4:55 per mile", the minutes of "7:42": part of a time or a pace
    if re.match(r"[^\W\d_]", after) and unit_after(text, ne) is not None:
        pass  # "12km", "408mm": a unit written against its figure
    elif re.search(r"[\-_/][^\W\d_]", after[:2]) or re.match(r"[^\W\d_]", after):
        return True  # 3D, 5G, 4-way
    if TIME_AFTER.match(after) or ORDINAL_AFTER.match(after) or REF_BEFORE.search(before):
        return True
    if _name_number(text, ns):
        return True  # "le Palais 12 restera fermé", "France 3", "Ward 6": part of a name
    line_start = text.rfind("\n", 0, ns) + 1
    if not text[line_start:ns].strip() and (re.match(r"\s*[.)/]\s", after) or re.match(r"\s*[.)]$", after)):
        return True  # list numbering "1. ", "2) "
    return False


_NAME_WORD_BEFORE = re.compile(r"(?<=[\w,;:»)] )(?P<w>[A-Z][a-zà-ÿ]{2,}) $")


def _name_number(text: str, ns: int) -> bool:
    """Whether the digits at ``ns`` are part of a name: right after a capitalised word inside
    a sentence ("le Palais 12", "sur France 3", "in Ward 6"), that is no month or weekday
    (a day follows them: "December 9") in a sentence that is not a title-case headline."""
    m = _NAME_WORD_BEFORE.search(text, max(0, ns - 24), ns)
    if m is None or is_calendar_word(m.group("w")):
        return False
    return not _title_case(text)


@functools.lru_cache(maxsize=512)
def _title_case(text: str) -> bool:
    """Whether most words of ``text`` are capitalised (a headline), counted once per sentence."""
    words = re.findall(r"[^\W\d_]+", text)
    return sum(w[0].islower() for w in words) <= sum(w[0].isupper() for w in words)


def _assign_unit(q: Quantity, h: dict, text: str) -> bool:
    """Unit of a figure without currency or percent: a measure, a duration, an age or a count."""
    end = q.end
    hy = HYPHEN_UNIT.match(text, end)
    if hy and not re.match(r"[\-‑]\w+[\-‑]old", text[end:], re.I):
        return _set_duration(q, h, DURATION_UNITS[hy.group("u").lower()], hy.end())  # "a five-year contract"
    if _clock_time(text, q.start, end):
        return False
    um = unit_after(text, end) or _hyphen_measure(text, end)
    if um is not None:
        return _set_measure(q, h, um)
    toll = toll_of(text, h["ns"], end) if _OF_THEM.match(text, end) else None
    if toll is not None:  # "Trois d'entre eux ont été blessés", "two of them died"
        q.unit, q.qtype, q.noun = "count", "count", toll
        q.extra["refined"] = True
        return True
    w = WORD_AFTER.match(text, end)
    word = w.group("w") if w else ""
    wl = word.lower()
    if is_age(text, q.start, end, wl):
        return _set_age(q, text)
    behind = _noun_behind_modifiers(text, w)
    if behind is not None:
        if behind[1]:
            q.extra["modifiers"] = behind[1]  # which kind: "140 permanent jobs"
        w, word = behind[0], behind[0].group("w")  # the noun behind its pre-modifiers ("48,000 Vista and Rover trucks")
        wl = word.lower()
    if wl in DURATION_UNITS:
        return _duration_word(q, h, text, wl, w.end("w"))
    if word and wl not in STOP_NOUNS and not word[:1].isupper():
        return _set_count(q, text, h, wl, w.end("w"))
    qualified = _QUALIFIED_NOUN.match(text, w.end("w")) if word[:1].isupper() and not h["scale_word"] else None
    if qualified and _plural_noun(qualified.group("w")):
        # "780,000 British households", "300 Hartley employees": a name or a nationality that
        # qualifies a plural common noun, which is what is counted
        return _set_count(q, text, h, qualified.group("w").lower(), qualified.end("w"))
    if h["scale_word"] and word[:1].isupper():
        return False
    toll = toll_of(text, h["ns"], end)
    if toll is not None:  # "31 ont été blessés", "injuring thirty-one"
        q.unit, q.qtype, q.noun = "count", "count", toll
        q.extra["refined"] = True
        return True
    ell = elliptic_noun(text, q.start)
    if ell is None:
        return False  # a bare number: nothing says what it measures
    q.unit, q.qtype, q.noun = "count", "count", NOUN_CLASS.get(ell, ell)  # "420 magasins, Ostral 310"
    q.extra["elliptic"] = True
    return True


_OF_THEM = re.compile(rf"\s*{OF_THEM_RE}\b", re.I)


def _hyphen_unit(text: str, end: int) -> bool:
    """A hyphenated duration or measure adjective after the figure ("48-hour", "two-mile")."""
    return bool(HYPHEN_UNIT.match(text, end)) or _hyphen_measure(text, end) is not None


def _hyphen_measure(text: str, end: int):
    """The unit of a hyphenated measure adjective ("a two-mile radius", "a 12-kilometre
    stretch"), None when the hyphen carries no unit ("4-3", "GPT-4")."""
    if text[end : end + 1] not in ("-", "‑"):
        return None
    um = unit_after(text, end + 1)
    return um if um is not None and um.family != "duration" else None


def _clock_time(text: str, start: int, end: int) -> bool:
    """ "vers 5 heures du matin", "à 8 heures", "at 7 o'clock", "7:42 a.m.": a time of day."""
    if not CLOCK_AFTER.match(text, end):
        after = re.match(r"\s*(?:heures?|hours?|h)\b", text[end:], re.I)
        return bool(after and CLOCK_BEFORE.search(text[max(0, start - 20) : start]))
    return True


def _set_measure(q: Quantity, h: dict, um) -> bool:
    """A measure in a pint unit, expressed in the family's base unit (an interval for "tons")."""
    lo_f, hi_f = um.factors[0], um.factors[-1]
    q.unit, q.qtype = um.family, um.family
    q.extra["unit_text"], q.extra["factor"] = um.text, lo_f
    q.low, q.high, q.nominal, q.precision = q.nominal * lo_f, q.nominal * hi_f, q.nominal * lo_f, q.precision * lo_f
    if hi_f != lo_f:
        q.extra["factor_high"] = hi_f
    h["unit_factor"] = h["scale"] * lo_f
    q.end = um.end
    return True


def _set_duration(q: Quantity, h: dict, unit: str, end: int) -> bool:
    f = duration_factor(unit)
    q.unit, q.qtype = "day", "duration"
    q.extra["unit_text"], q.extra["factor"] = unit, f
    q.low = q.high = q.nominal = q.nominal * f
    q.precision *= f
    h["unit_factor"] = h["scale"] * f
    q.end = end
    return True


def _duration_word(q: Quantity, h: dict, text: str, wl: str, word_end: int) -> bool:
    """ "18 mois", "durera 2 ans", "un contrat de cinq ans", "six months to comply"; not an age."""
    unit = DURATION_UNITS[wl]
    before = text[max(0, q.start - 30) : q.start]
    if re.match(r"[\s\-]?\w+[\s\-]old", text[q.end : q.end + 14], re.I) or AGE_BEFORE.search(before):
        return False
    if unit != "year" or DURATION_VERB_BEFORE.search(before):
        return _set_duration(q, h, unit, word_end)
    if re.search(
        r"(?:\b(?:de|d['’]|of)|\w+\s+sur)\s*$", text[max(0, q.start - 20) : q.start], re.I
    ) and not PERSON_NOUN_BEFORE.search(before):
        return _set_duration(q, h, unit, word_end)  # "un contrat de cinq ans"
    if DURATION_PREP.search(before) or DEADLINE_AFTER.match(text, word_end) or SENTENCE_AFTER.match(text, word_end):
        return _set_duration(q, h, unit, word_end)
    return False  # an age ("36 ans")


def _set_age(q: Quantity, text: str) -> bool:
    q.unit, q.qtype = "age", "age"
    yo = re.match(r"[\s\-‑]*(?:ans|years?(?:[\s\-]old)?|yrs?(?:[\s\-]old)?)(?![\w])", text[q.end :], re.I)
    if yo:
        q.end += yo.end()
        q.text = text[q.start : q.end]
    q.extra["person"] = person_before(text, q.start)
    q.precision = 0.0  # an age is a whole number of years: 24 and 26 cannot both be true
    return True


def _set_count(q: Quantity, text: str, h: dict, wl: str, word_end: int) -> bool:
    cls = NOUN_CLASS.get(wl, wl)
    if wl in ("point", "points") and re.match(r"\s+de\s+vente", text[word_end:], re.I):
        cls = "stores"  # "132 points de vente"
    refined = refine_noun(text, h["ns"], word_end, cls)
    if refined == wl and wl not in NOUN_CLASS:
        refined = toll_of(text, h["ns"], word_end) or refined  # "Quatre voyageurs sont morts": deaths
    if refined != cls:
        q.extra["refined"] = True  # "people" who were killed are no headcount
    q.unit, q.qtype, q.noun = "count", "count", refined
    if _PARTITIVE.match(text, q.end):
        q.extra["partitive"] = True  # "112 of our people": a part of a group, its pairing asks more
    if q.noun != wl:
        q.extra["noun_text"] = wl
    return True


def _finish(q: Quantity, kind, x: float, p: float, value2, factor: float, slack: float) -> Quantity:
    """Apply the approximator or the range to a quantity whose unit is known (values in base units)."""
    if value2 is not None:
        q.low, q.high = x, value2 * factor
        q.approx = "range"
        if kind in ("gt", "ge"):
            q.low_inclusive = kind == "ge"
            q.soft_high = q.high * slack
            q.high = INF
        elif kind in ("lt", "le"):
            q.low = 0.0
        return q
    hi_factor = q.extra.get("factor_high")
    b = bounds(kind, x, p, slack)
    q.low, q.high = b["low"], b["high"]
    if hi_factor and not (kind in ("gt", "ge") or q.high == INF):
        q.high = b["high"] * hi_factor / q.extra["factor"]  # "tons": short to long ton
    q.low_inclusive, q.high_inclusive = b["low_inclusive"], b["high_inclusive"]
    q.soft_low, q.soft_high = b["soft_low"], b["soft_high"]
    q.approx = kind
    return q
