"""Date mentions in French and English news text, read through ``dateparser``.

``find_dates(text, lang, anchor=...)`` returns every date a reader would see in ``text``
as a :class:`DateMention`: a span of days ``[low, high]`` with its granularity, the
weekday the text states (and whether it contradicts the date), whether it was resolved
against ``anchor`` (the article's publication date) and whether the year was written.

How the work is split
---------------------
* The **vocabulary** (month and weekday names and abbreviations) comes from dateparser's
  own locale data, and dateparser **parses** every day/month/year, numeric date and
  relative day word ("hier", "yesterday", "avant-hier").  A small amount of glue finds
  *where* a mention starts and ends (dateparser's ``search_dates`` gives no offsets, is
  slow and merges neighbours: "Hier, en 2019"), and reads what dateparser has no notion
  of: spans ("du 3 au 5 mai", "dans la nuit de dimanche 16 à lundi 17"), parts of months
  ("fin mars", "early April"), year ranges, "lundi dernier", weekday checks.
* **Precision first.** A bare number is never a date: a year needs a date context
  ("en 2019", "since 2019", a month or a range), a day needs a month (or a weekday and
  an anchor), English month and weekday names must be capitalised ("may", "march" and
  "sun" are words), abbreviations ("Aug.", "janv.") must touch a day or a year, and a
  relative day without an anchor ("hier") yields nothing.
* **Years not written** are taken as the occurrence nearest to the reference date: a
  day-level mention stating its year that ends at most 300 characters before, else
  ``anchor``, else today (``year_stated`` is then False: compare such dates with care).
  When the stated weekday matches another candidate year within 200 days, that year is
  used instead; otherwise a mismatching weekday is flagged ``weekday_conflict``.  With
  no anchor and no stated year nearby, the weekday picks the year and never conflicts.
  A weekday without a month ("le mardi 4") takes the nearest month around the anchor
  where the 4th is a Tuesday; none within a month and the mention is dropped.  Such
  mentions, and nights without a month ("nuit du 16 au 17"), are ``relative`` too:
  they need the anchor.  A night's ``weekday`` is its first ("dimanche 16 à lundi 17"
  gives Sunday); its ``weekday_conflict`` covers both.
* Bare weekdays ("mardi", "on Monday") take the tense cue nearest them ("a
  perquisitionné", "will rule", "se réunira"): past = the latest such day on or before
  the anchor, future = the next on or after; with no cue, the nearest occurrence.
  "dernier"/"last" is strictly before, "prochain"/"next" strictly after, "ce"/"this" the
  nearest.  Habits and names ("le mardi", "every Monday", "Black Friday", "Mail on
  Sunday", "Mardi gras") are no dates.  Without an anchor a bare weekday is granularity
  ``weekday``: any day (``low``/``high`` the extreme dates) of that ``weekday``; its day is
  unknown, its weekday is not.

Span semantics (``compatible``)
-------------------------------
Each mention covers the inclusive day interval ``[low, high]``:

* ``day``: one day; ``days``: a stated span ("du 3 au 5 mai" = 3..5 May; a night,
  "nuit du 16 au 17", = the two days 16..17); ``years``: a stated year range.  These are
  *exact* extents: two exact mentions are compatible only when one interval contains
  the other.  So "nuit du 16 au 17 novembre" and "17 novembre" agree (the event happened
  in that night), "du 3 au 5 mai" and "4 mai" agree, but the nights "16 au 17" and
  "15 au 16" do not (they share the 16th, yet neither contains the other), nor do
  "du 3 au 5 mai" and "du 4 au 6 mai".
* ``month``, ``part_of_month`` and ``year`` are *vague*: they say "some time in".
  A vague mention is compatible with any mention whose interval overlaps it
  ("mars 2026" vs "12 mars", "fin mars" vs "31 mars", "2019" vs "2019-2021").
  Parts of months are: début/early/beginning of = 1st-10th, mi-/mid = 10th-20th,
  fin/late/end of = 20th-last day, première quinzaine = 1st-15th, seconde
  quinzaine = 16th-last day; the shared edges absorb writers' rounding.
  "courant mars" is the month.  Parts of years ("fin 2019", "early 2020") are read
  as the year alone (mention text "2019"), covering the whole year.

The relation is symmetric by construction.  Which event a date belongs to is the
caller's job (this module only reads dates).
"""

from __future__ import annotations

import calendar
import datetime
import functools
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from dateparser.date import DateDataParser
from dateparser.languages.loader import default_loader

__all__ = ["DateMention", "compatible", "find_dates", "publication_date"]

_LANGS = ("fr", "en")
_EXACT = frozenset({"day", "days", "years"})


@dataclass(frozen=True)
class DateMention:
    start: int  # character offsets of the mention in `text`
    end: int
    text: str  # text[start:end]
    low: datetime.date  # first day covered (inclusive)
    high: datetime.date  # last day covered (inclusive)
    granularity: str  # "day" | "days" | "month" | "part_of_month" | "year" | "years" | "weekday"
    weekday: int | None  # weekday stated in the text (0 = Monday), else None
    weekday_conflict: bool  # the stated weekday is not the weekday of the date
    relative: bool  # resolved from a relative expression against `anchor`
    year_stated: bool  # the year was written (False: inferred)


# --------------------------------------------------------------------------- vocabulary

_MONTH_KEYS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_WEEKDAY_KEYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _fold(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word.lower()) if unicodedata.category(c) != "Mn")


@cache
def _vocab(lang: str):
    """(full month names, month abbreviations, weekday names -> index), from dateparser."""
    info = default_loader.get_locale(lang).info
    full, abbr = {}, {}
    for index, key in enumerate(_MONTH_KEYS, 1):
        forms = [f for f in info[key] if len(f) >= 3 and f.isalpha()]
        longest = max(forms, key=len)
        for form in forms:
            for variant in {form, _fold(form)}:
                (full if form == longest else abbr)[variant] = index
    weekdays = {}
    for index, key in enumerate(_WEEKDAY_KEYS):
        longest = max(info[key], key=len)
        weekdays[longest] = weekdays[_fold(longest)] = index
    return full, abbr, weekdays


def day_names(lang: str) -> tuple[list[str], list[str]]:
    """(weekday names Monday first, month names January first) of ``lang``, from dateparser."""
    info = default_loader.get_locale(lang[:2]).info
    weekdays = [max(info[k], key=len) for k in _WEEKDAY_KEYS]
    months = [max((f for f in info[k] if f.isalpha()), key=len) for k in _MONTH_KEYS]
    return weekdays, months


def is_calendar_word(word: str) -> bool:
    """Whether ``word`` names a month or a weekday in a language the reader knows ("December",
    "Mardi", "Sept"), from dateparser's locales."""
    folded = _fold(word.rstrip("."))
    return any(folded in names for lang in _LANGS for names in _vocab(lang))


def weekday_pattern(langs: tuple[str, ...] = _LANGS) -> str:
    """A regular-expression alternation of the weekday names of ``langs`` (from dateparser)."""
    return _alt({w for lang in langs for w in _vocab(lang)[2]})


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# ------------------------------------------------------------------------ pattern pieces

_SP = r"[ \t\u00a0\u202f]+"  # no newline inside a mention


def _grammar(lang: str):
    full, abbr, weekdays = _vocab(lang)
    mf, ma, wd = _alt(full), _alt(abbr), _alt(weekdays)
    suffix = r"(?:er|ᵉʳ)?" if lang == "fr" else r"(?:st|nd|rd|th)?"

    def DAY(n, dash=False):
        before = r"(?<![\w.,/:'’])" if dash else r"(?<![\w.,/:'’-])"
        return rf"{before}(?P<d{n}>3[01]|[12]\d|0?[1-9]){suffix}(?![\w'’])(?![.,:/]\d)"

    def YEAR(n, dash=False):
        before = r"(?<![\w.,/'’])" if dash else r"(?<![\w.,/'’-])"
        return (
            rf"{before}(?P<y{n}>1\d{{3}}|20\d\d|2100)(?![\w'’])(?![.,]\d)"
            rf"(?!{_SP}\d{{3}}\b)"
        )

    def MONF(n):  # full names only
        return rf"(?P<mo{n}>(?:{mf}))(?![\w])"

    def MONA(n):  # full names or abbreviations (these need an adjacent number)
        return rf"(?P<mo{n}>(?:{mf})(?![\w])|(?:{ma})(?:\.|(?![\w])))"

    def WD(n):
        return rf"\b(?P<w{n}>{wd})(?![\w])"

    return DAY, YEAR, MONF, MONA, WD


_NUMERIC = (
    r"(?<![\w.,/:-])(?P<m>(?:\d{1,2}(?P<sep>[/.])\d{1,2}(?P=sep)(?:1[89]|20)\d\d|"
    r"(?:1[89]|20)\d\d-\d\d-\d\d))(?![\w]|[/.:,-]\d)"
)


def _raw_fr(DAY, YEAR, MONF, MONA, WD, S):
    return [
        (
            "night_wd",
            (
                rf"\b(?P<m>nuit{S}(?:de{S}|du{S})?{WD(1)}(?:{S}{DAY(1)})?(?:{S}{MONA(1)})?"
                rf"{S}(?:à|au){S}{WD(2)}(?:{S}{DAY(2)})?(?:{S}{MONA(2)})?(?:{S}{YEAR(2)})?)"
            ),
        ),
        (
            "span",
            (
                rf"(?P<m>(?:\b(?P<night>nuit){S})?\bdu{S}(?:{WD(1)}{S})?{DAY(1)}"
                rf"(?:{S}{MONA(1)}(?:{S}{YEAR(1)})?)?{S}au{S}(?:{WD(2)}{S})?{DAY(2)}"
                rf"(?:{S}{MONA(2)}(?:{S}{YEAR(2)})?)?)"
            ),
        ),
        (
            "span",
            (
                rf"(?P<m>\bentre{S}le{S}{DAY(1)}(?:{S}{MONA(1)}(?:{S}{YEAR(1)})?)?{S}et{S}le{S}"
                rf"{DAY(2)}{S}{MONA(2)}(?:{S}{YEAR(2)})?)"
            ),
        ),
        ("span", rf"\bles{S}(?P<m>{DAY(1)}{S}et{S}{DAY(2)}{S}{MONA(2)}(?:{S}{YEAR(2)})?)"),
        ("span", rf"(?P<m>{DAY(1)}\s?[-–]\s?{DAY(2, True)}{S}{MONA(2)}(?:{S}{YEAR(2)})?)"),
        ("day", rf"(?P<m>(?:{WD(1)},?{S})?{DAY(1)}{S}{MONA(1)}(?:{S}{YEAR(1)})?)"),
        (
            "wd_day",
            (
                rf"(?P<m>(?:\b(?:le|ce){S})?{WD(1)}{S}{DAY(1)})"
                rf"(?!{S}?(?:h|heures?|min|%|€|euros?|ans?|jours?|mois)\b)(?!{S}?\d)"
                rf"(?!{S}{MONA(9)})"
            ),
        ),
        (
            "part",
            (
                rf"\b(?P<m>(?P<part>fin|début|debut|mi|courant|premi[eè]re{S}quinzaine|"
                rf"(?:seconde|deuxi[eè]me){S}quinzaine)(?:-|{S})(?:du{S}mois{S})?"
                rf"(?:de{S}|d['’])?{MONF(1)}(?:{S}{YEAR(1)})?)"
            ),
        ),
        (
            "month",
            (
                rf"\b(?:en|depuis|dès|jusqu['’]en|d['’]ici|courant|mois{S}de|mois{S}d['’])"
                rf"{S}?(?P<m>{MONF(1)}(?:{S}{YEAR(1)})?(?:{S}(?P<rel>dernier|prochain))?)"
            ),
        ),
        ("month", rf"(?P<m>{MONF(1)}{S}{YEAR(1)})"),
        ("month", rf"(?P<m>{MONF(1)}{S}(?P<rel>dernier|prochain))"),
        ("years", rf"(?P<m>{YEAR(1)}\s?[-–]\s?{YEAR(2, True)})"),
        ("years", rf"(?P<m>\b(?:de|entre){S}{YEAR(1)}{S}(?:à|et){S}{YEAR(2)})"),
        (
            "year",
            (
                rf"(?:\b(?:en|depuis|dès|jusqu['’]en|d['’]ici|avant|après|l['’]année|année|"
                rf"l['’]an|fin|début|debut|mi|courant)(?:{S}|-)|\b(?:de|du){S}l['’]année{S})"
                rf"(?P<m>{YEAR(1)})"
            ),
        ),
        ("rel", r"\b(?P<m>avant-hier|hier|aujourd['’]hui|après-demain|demain)(?![\w-])"),
        (
            "rel",
            (
                r"\b(?P<m>il\s+y\s+a\s+(?:[1-9]|[12]\d|30|une?|deux|trois|quatre|cinq|six|sept|"
                r"huit|neuf|dix|onze|douze|quinze)\s+jours?)\b"
            ),
        ),
        ("wd_rel", rf"(?P<m>(?:\b(?P<ce>ce){S})?{WD(1)}(?:{S}(?P<rel>dernier|prochain))?)"),
    ]


def _raw_en(DAY, YEAR, MONF, MONA, WD, S):
    return [
        (
            "span",
            (
                rf"\b(?P<m>(?:between|from){S}{MONA(1)}{S}{DAY(1)}(?:,?{S}{YEAR(1)})?{S}"
                rf"(?:and|to|until|through|till){S}(?:{MONA(2)}{S})?{DAY(2)}(?:,?{S}{YEAR(2)})?)"
            ),
        ),
        (
            "span",
            (
                rf"\b(?P<m>(?:between|from){S}(?:the{S})?{DAY(1)}(?:{S}(?:of{S})?{MONA(1)})?{S}"
                rf"(?:and|to|until|through|till){S}(?:the{S})?{DAY(2)}{S}(?:of{S})?{MONA(2)}"
                rf"(?:,?{S}{YEAR(2)})?)"
            ),
        ),
        ("span", rf"(?P<m>{MONA(1)}{S}{DAY(1)}\s?[-–]\s?(?:{MONA(2)}{S})?{DAY(2, True)}(?:,?{S}{YEAR(2)})?)"),
        ("span", rf"(?P<m>{DAY(1)}\s?[-–]\s?{DAY(2, True)}{S}{MONA(2)}(?:,?{S}{YEAR(2)})?)"),
        (
            "span",
            (
                rf"\b(?P<m>(?P<night>night){S}of{S}(?:{WD(1)},?{S})?{MONA(1)}{S}{DAY(1)}{S}?"
                rf"(?:[-–]|to|into){S}?(?:{WD(2)},?{S})?(?:{MONA(2)}{S})?{DAY(2)}(?:,?{S}{YEAR(2)})?)"
            ),
        ),
        ("day", rf"(?P<m>(?:{WD(1)},?{S})?{MONA(1)}{S}{DAY(1)}(?:,?{S}{YEAR(1)})?)"),
        (
            "day",
            (
                rf"(?:\bthe{S})?(?P<m>(?:{WD(1)},?{S})?{DAY(1)}{S}(?:of{S})?{MONA(1)}"
                rf"(?:,?{S}{YEAR(1)})?)"
            ),
        ),
        (
            "part",
            (
                rf"(?:\bthe{S})?\b(?P<m>(?P<part>(?:end|beginning|start|middle){S}of|early|mid|late|end)"
                rf"(?:-|{S}){MONF(1)}(?:,?{S}{YEAR(1)})?)"
            ),
        ),
        (
            "month",
            (
                rf"\b(?:in|since|by|until|till|during|through|throughout|from|before|after)"
                rf"{S}(?P<m>{MONF(1)}(?:,?{S}{YEAR(1)})?)"
            ),
        ),
        ("month", rf"\b(?P<m>(?P<rel>last|next){S}{MONF(1)})"),
        ("month", rf"(?P<m>{MONF(1)},?{S}{YEAR(1)})"),
        ("years", rf"(?P<m>{YEAR(1)}\s?[-–]\s?{YEAR(2, True)})"),
        ("years", rf"\b(?P<m>(?:from|between){S}{YEAR(1)}{S}(?:to|and|until|through){S}{YEAR(2)})"),
        (
            "year",
            (
                rf"\b(?:in|since|by|until|till|before|after|during|from|early|mid|late|"
                rf"end{S}of|the{S}year|throughout)(?:{S}|-)(?P<m>{YEAR(1)})"
            ),
        ),
        (
            "rel",
            (
                r"\b(?P<m>(?:[1-9]|[12]\d|30|an?|one|two|three|four|five|six|seven|eight|nine|"
                r"ten|eleven|twelve|fifteen)\s+days?\s+ago)\b"
            ),
        ),
        (
            "rel",
            (
                r"\b(?P<m>the\s+day\s+before\s+yesterday|yesterday|today|tomorrow|"
                r"(?P<night>last\s+night))\b"
            ),
        ),
        ("wd_rel", rf"(?P<m>(?:\b(?P<rel>last|next|this|past){S})?{WD(1)})"),
    ]


@cache
def _patterns(lang: str):
    """(kind, compiled regex) pairs; every regex has a group ``m`` = the mention."""
    raw = (_raw_fr if lang == "fr" else _raw_en)(*_grammar(lang), _SP)
    raw.append(("numeric", _NUMERIC))
    flags = re.IGNORECASE | re.UNICODE
    return [(kind, re.compile(rx, flags)) for kind, rx in raw]


@cache
def _prefilter(lang: str):
    full, abbr, weekdays = _vocab(lang)
    words = list(full) + list(abbr) + list(weekdays)
    words += (
        ["hier", "aujourd", "demain", "il y a"] if lang == "fr" else ["yesterday", "today", "tomorrow", "night", "ago"]
    )
    return re.compile(rf"\b(?:{_alt(words)})|\b(?:1[89]|20)\d\d\b|\d[/.]\d{1, 2}[/.]\d", re.IGNORECASE)


# ------------------------------------------------------------------------- dateparser

_BASE = datetime.datetime(2000, 1, 1)


@cache
def _parser(lang: str, parts: tuple[str, ...]) -> DateDataParser:
    return DateDataParser(
        languages=[lang],
        settings={
            "RELATIVE_BASE": _BASE,
            "PREFER_DAY_OF_MONTH": "first",
            "REQUIRE_PARTS": list(parts),
            "RETURN_AS_TIMEZONE_AWARE": False,
        },
    )


@lru_cache(maxsize=4096)
def _parse(lang: str, text: str, parts: tuple[str, ...] = ("day", "month", "year")):
    try:
        data = _parser(lang, parts).get_date_data(text)
    except Exception:  # noqa: BLE001 -- dateparser raises on odd input: no date
        return None
    return data.date_obj.date() if data and data.date_obj else None


@lru_cache(maxsize=512)
def _month_number(lang: str, token: str) -> int | None:
    """The month a (possibly abbreviated) month word names, read by dateparser once per
    word; dates are then built from it (a dateparser call per date costs ~1 ms)."""
    got = _parse(lang, f"15 {token.rstrip('.')} 2000")
    return got.month if got else None


def _day_month(lang: str, day: str, token: str) -> tuple[int, int] | None:
    """(day, month) of "<day> <month word>", if that day exists in some year."""
    month = _month_number(lang, token)
    if month is None or _safe_date(2000, month, int(day)) is None:  # 2000: 29 Feb exists
        return None
    return int(day), month


@lru_cache(maxsize=256)
def _relative_word(lang: str, word: str) -> int | None:
    """Offset in days of a relative day word ("hier" = -1), read by dateparser."""
    got = _parse(lang, word, ("day",))
    return (got - _BASE.date()).days if got else None


# ------------------------------------------------------------------------ resolution


def _safe_date(y: int, m: int, d: int) -> datetime.date | None:
    try:
        return datetime.date(y, m, d)
    except ValueError:
        return None


def _pick_year(day: int, month: int, ref: datetime.date, weekday: int | None):
    """(date, conflict): the occurrence of day/month nearest to ``ref``, preferring one
    within 200 days whose weekday matches the stated one."""
    cands = [c for c in (_safe_date(ref.year + k, month, day) for k in (-1, 0, 1)) if c]
    if not cands:
        return None, False
    cands.sort(key=lambda c: abs((c - ref).days))
    best = cands[0]
    if weekday is None or best.weekday() == weekday:
        return best, False
    for c in cands[1:]:
        if c.weekday() == weekday and abs((c - ref).days) <= 200:
            return c, False
    return best, True


def _infer(ctx, day: int, month: int, weekday: int | None):
    """(date, conflict) of a day and month whose year is not written."""
    if ctx.unanchored() and weekday is not None:
        return _year_of_weekday(day, month, weekday, ctx.ref()), False
    return _pick_year(day, month, ctx.ref(), weekday)


def _year_of_weekday(day: int, month: int, weekday: int, ref: datetime.date):
    """With nothing to anchor it, a weekday + day + month is read as the latest such date
    up to a year after ``ref`` whose weekday matches (no conflict can be told)."""
    for year in range(ref.year + 1, ref.year - 12, -1):
        c = _safe_date(year, month, day)
        if c and c.weekday() == weekday and (c - ref).days <= 366:
            return c
    return None


def _month_of_day(day: int, ref: datetime.date, weekday: int | None):
    """The date with day-of-month ``day`` nearest ``ref`` (month before, same, after) whose
    weekday is ``weekday`` (any weekday when None)."""
    cands = []
    for k in (-1, 0, 1):
        y, m = divmod(ref.year * 12 + ref.month - 1 + k, 12)
        c = _safe_date(y, m + 1, day)
        if c and (weekday is None or c.weekday() == weekday):
            cands.append(c)
    return min(cands, key=lambda c: abs((c - ref).days)) if cands else None


def _month_range(y: int, m: int) -> tuple[datetime.date, datetime.date]:
    return datetime.date(y, m, 1), datetime.date(y, m, calendar.monthrange(y, m)[1])


def _nearest_month_year(month: int, ref: datetime.date, tense: str | None = None) -> int:
    """The year of a month named without one: the last such month when the verb is in the
    past ("avait été retrouvée en décembre", read in October: last December), the next one
    when it is in the future, else the nearest.  The tense overrules the nearest month only
    when that month lies more than six weeks on the other side ("finira fin mars" read on
    5 April may be a late article's)."""
    best = min((ref.year + k for k in (-1, 0, 1)), key=lambda y: abs((datetime.date(y, month, 15) - ref).days))
    ahead = (datetime.date(best, month, 15) - ref).days
    if tense == "past" and ahead > 45:
        return best - 1
    if tense == "future" and ahead < -45:
        return best + 1
    return best


_PARTS = {  # part word -> (first day, last day or None = end of month)
    "fin": (20, None),
    "late": (20, None),
    "end": (20, None),
    "end of": (20, None),
    "début": (1, 10),
    "debut": (1, 10),
    "early": (1, 10),
    "beginning of": (1, 10),
    "start of": (1, 10),
    "mi": (10, 20),
    "mid": (10, 20),
    "middle of": (10, 20),
    "première quinzaine": (1, 15),
    "premiere quinzaine": (1, 15),
    "seconde quinzaine": (16, None),
    "deuxième quinzaine": (16, None),
    "deuxieme quinzaine": (16, None),
    "courant": (1, None),
}

_FUTURE = {
    "fr": r"\b(?:aura|auront|sera|seront|va|vont|devra|devront|doit|doivent|prévue?s?|"
    r"\w{3,}(?:era|eront|ira|iront))\b",
    "en": r"\b(?:will|shall|(?:is|are)\s+(?:due|set|scheduled|expected|going)\s+to|plans?\s+to)\b|'ll\b",
}
_PAST = {
    "fr": r"\b(?:a|ont|avait|avaient|est|sont|était|étaient|s['’]est|se\s+sont)\s+(?:\w+\s+)?"
    r"\w+(?:é|ée|és|ées|i|ie|is|it|u|ue|us|ert|ort)\b|\b\w{3,}(?:èrent|ait|aient)\b",
    "en": r"\b(?:said|was|were|had|did|told|took|came|began|won|lost|fell|rose)\b|\b\w{3,}ed\b",
}
_CUES = {lang: re.compile(rf"(?P<future>{_FUTURE[lang]})|(?P<past>{_PAST[lang]})", re.IGNORECASE) for lang in _LANGS}


def _tense(text: str, start: int, end: int, lang: str) -> str | None:
    """ "future" or "past" from the tense cue nearest the mention in its sentence: ending
    at most 30 characters before it or starting at most 25 after, with no other date
    word in between.  None when there is no such cue."""
    lo = _sentence_start(text, start)
    ends = [i for i in (text.find(c, end) for c in ".!?\n") if i >= 0]
    hi = min(ends) if ends else len(text)
    best, best_dist = None, 10**6
    for cue in _CUES[lang].finditer(text, lo, hi):
        if cue.end() <= start:
            dist, limit = start - cue.end(), 30
        elif cue.start() >= end:
            dist, limit = cue.start() - end, 25
        else:
            continue
        gap = text[cue.end() : start] if cue.end() <= start else text[end : cue.start()]
        if _prefilter(lang).search(gap):
            continue  # another date word sits between: the cue is that date's
        if dist <= limit and dist < best_dist:
            best, best_dist = ("future" if cue.group("future") else "past"), dist
    return best


_HABITUAL = {  # a weekday that names no day: habits, feasts, newspapers
    "fr": re.compile(r"(?:\ble|\bles|chaque|tous\s+les|vendredi)\s+$", re.IGNORECASE),
    "en": re.compile(
        r"(?:\bevery|\beach|\bblack|\bgood|\bholy|\bcyber|\bcasual|"
        r"\bmail\s+on|\bthe)\s+$",
        re.IGNORECASE,
    ),
}
_NOT_A_DAY_AFTER = {
    "fr": re.compile(r"^\s+(?:gras|saint|noir)\b", re.IGNORECASE),
    "en": re.compile(
        r"^\s+(?:Times|Telegraph|Express|Mirror|Post|Night|Mail|Herald|Sport|Star|"
        r"People|Independent|Observer|Morning\s+Herald|Service)\b"
    ),
}
_AFTER_YEAR_UNIT = re.compile(
    r"^\s*(?:%|€|\$|£|euros?|dollars?|livres?|pounds?|francs?|personnes|people|habitants|"
    r"hommes|femmes|policiers|gendarmes|officers|soldats|soldiers|morts|victimes|km|mètres?|"
    r"metres?|meters?|tonnes?|tons?|exemplaires|copies|voix|votes|emplois|jobs|salariés|"
    r"employees|workers|points?|heures?|hours?)\b",
    re.IGNORECASE,
)


def _weekday_occurrence(wd: int, ref: datetime.date, mode: str) -> datetime.date:
    """``mode``: "last" strictly before, "next" strictly after, "this" nearest,
    "past" on or before, "future" on or after."""
    back = (ref.weekday() - wd) % 7
    fwd = (wd - ref.weekday()) % 7
    if mode == "last":
        return ref - datetime.timedelta(days=back or 7)
    if mode == "next":
        return ref + datetime.timedelta(days=fwd or 7)
    if mode == "this":
        return ref - datetime.timedelta(days=back) if back <= fwd else ref + datetime.timedelta(days=fwd)
    if mode == "future":
        return ref + datetime.timedelta(days=fwd)
    return ref - datetime.timedelta(days=back)


# ------------------------------------------------------------------------- the scanner


class _Ctx:
    def __init__(self, text, lang, anchor):
        self.text, self.lang, self.anchor = text, lang, anchor
        self.full, self.abbr, self.weekdays = _vocab(lang)
        self.ref_stated: datetime.date | None = None  # last stated-year date seen

    def ref(self) -> datetime.date:
        return self.ref_stated or self.anchor or datetime.date.today()

    def unanchored(self) -> bool:
        return self.ref_stated is None and self.anchor is None

    def weekday(self, m, n) -> int | None:
        token = m.group(f"w{n}") if f"w{n}" in m.re.groupindex else None
        if not token:
            return None
        return self.weekdays.get(token.lower(), self.weekdays.get(_fold(token)))

    def capital_ok(self, m) -> bool:
        """English month and weekday names are capitalised ("may", "march", "sun" are
        words).  (A French month alone must be lower case: see ``_do_month``.)"""
        if self.lang != "en":
            return True
        groups = m.re.groupindex
        return all(not m.group(n) or m.group(n)[0].isupper() for n in ("mo1", "mo2", "w1", "w2") if n in groups)


def _mention(ctx, m, low, high, gran, weekday=None, conflict=False, relative=False, stated=True):
    start, end = m.span("m")
    for g in ("y1", "y2"):  # "le 3 mai 2000 euros": that "year" is an amount
        if g in m.re.groupindex and m.group(g) and not _year_ok(ctx, m, g):
            return None
    return DateMention(start, end, ctx.text[start:end], low, high, gran, weekday, conflict, relative, stated)


def _resolve_dm(ctx, m, n, year_group=None):
    """(date, year_stated, conflict) of day group ``d{n}`` with month ``mo{n}``."""
    dm = _day_month(ctx.lang, m.group(f"d{n}"), m.group(f"mo{n}"))
    if dm is None:
        return None
    day, month = dm
    year = m.group(year_group) if year_group else None
    wd = ctx.weekday(m, n)
    if year:
        date = _safe_date(int(year), month, day)
        if date is None:
            return None
        return date, True, wd is not None and date.weekday() != wd
    if _year_before(ctx.text, m.start()):
        ref = ctx.ref()
        date, conflict = _pick_year(day, month, ref.replace(year=ref.year - 1, day=min(ref.day, 28)), wd)
    else:
        date, conflict = _infer(ctx, day, month, wd)
        if conflict and ctx.ref_stated is not None and ctx.anchor is not None:
            # the year of an earlier date is a guess: the publication year that gives the
            # stated weekday is the reader's reading ("Fermée le 1er septembre 2025 ... prévue le
            # lundi 31 août" in an article of November 2026); a weekday wrong in both is a finding
            by_anchor, wrong = _pick_year(day, month, ctx.anchor, wd)
            if by_anchor is not None and not wrong:
                date, conflict = by_anchor, False
    return (date, False, conflict) if date else None


#: the sentence names the year (or season) before the article's: "Last season, ... on Friday, Nov 28"
_YEAR_BEFORE = re.compile(
    r"\b(?:last\s+(?:year|season|winter|summer|spring|autumn|fall)|the\s+(?:previous|prior)\s+(?:year|season)|"
    r"a\s+year\s+(?:earlier|ago|before)|l['’]\s?(?:an|année|hiver|été)\s+(?:dernier|dernière|passé|passée|précédent|précédente)|"
    r"la\s+saison\s+(?:dernière|passée|précédente)|il\s+y\s+a\s+un\s+an)\b",
    re.IGNORECASE,
)


def _year_before(text: str, start: int) -> bool:
    """Whether the sentence before ``start`` says the year before the article's ("l'an dernier")."""
    return bool(_YEAR_BEFORE.search(text, _sentence_start(text, start), start))


def _sentence_start(text: str, pos: int) -> int:
    """Offset of the start of the sentence holding ``pos`` (after the last ., !, ? or newline)."""
    return max(text.rfind(c, 0, pos) for c in ".!?\n") + 1


def _do_day(ctx, m):
    got = _resolve_dm(ctx, m, 1, "y1")
    if got is None:
        return None
    date, stated, conflict = got
    return _mention(ctx, m, date, date, "day", ctx.weekday(m, 1), conflict, False, stated)


def _do_wd_day(ctx, m):
    if ctx.anchor is None:
        return None
    wd = ctx.weekday(m, 1)
    date = _month_of_day(int(m.group("d1")), ctx.ref(), wd)
    if date is None:
        return None
    return _mention(ctx, m, date, date, "day", wd, False, True, False)


def _do_span(ctx, m):
    g = m.groupdict()
    mo1, mo2 = g.get("mo1"), g.get("mo2")
    night = bool(g.get("night"))
    d1, d2 = int(g["d1"]), int(g["d2"])
    wd1, wd2 = ctx.weekday(m, 1), ctx.weekday(m, 2)
    if mo2 is None and mo1 is None:
        if not night or ctx.anchor is None:
            return None
        hi = _month_of_day(d2, ctx.ref(), wd2)
        if hi is None:
            return None
        lo = hi - datetime.timedelta(days=1) if d1 == d2 - 1 or (d2 == 1 and d1 >= 28) else None
        if lo is None or lo.day != d1:
            return None
        return _mention(ctx, m, lo, hi, "days", wd1 if wd1 is not None else wd2, False, True, False)
    mo2 = mo2 or mo1
    year2 = g.get("y2") or g.get("y1")
    month2 = _month_number(ctx.lang, mo2)
    if month2 is None:
        return None
    if year2:
        hi = _safe_date(int(year2), month2, d2)
        stated = True
    else:
        hi, _ = _infer(ctx, d2, month2, wd2)
        stated = False
    if hi is None:
        return None
    month1 = _month_number(ctx.lang, mo1) if mo1 else month2
    if month1 is None:
        return None
    y1 = int(g["y1"]) if g.get("y1") else (hi.year if month1 <= month2 else hi.year - 1)
    lo = _safe_date(y1, month1, d1)
    if lo is None or not lo < hi or (hi - lo).days > 366:
        return None
    if night and (hi - lo).days != 1:
        return None
    conflict = (wd1 is not None and lo.weekday() != wd1) or (wd2 is not None and hi.weekday() != wd2)
    weekday = wd1 if wd1 is not None else wd2
    return _mention(ctx, m, lo, hi, "days", weekday, conflict, False, stated)


def _do_night_wd(ctx, m):
    g = m.groupdict()
    wd1, wd2 = ctx.weekday(m, 1), ctx.weekday(m, 2)
    if (wd2 - wd1) % 7 != 1:
        return None
    if g.get("d2") and (g.get("mo2") or g.get("mo1")):
        mo = g.get("mo2") or g.get("mo1")
        month = _month_number(ctx.lang, mo)
        if month is None:
            return None
        d2 = int(g["d2"])
        if g.get("y2"):
            hi, stated = _safe_date(int(g["y2"]), month, d2), True
            conflict = hi is not None and hi.weekday() != wd2
        else:
            hi, conflict = _infer(ctx, d2, month, wd2)
            stated = False
        if hi is None:
            return None
        lo = hi - datetime.timedelta(days=1)
        if g.get("d1") and int(g["d1"]) != lo.day:
            return None
        return _mention(ctx, m, lo, hi, "days", wd1, conflict, False, stated)
    if ctx.anchor is None:
        return None
    if g.get("d2"):
        hi = _month_of_day(int(g["d2"]), ctx.ref(), wd2)
    else:
        hi = _weekday_occurrence(wd2, ctx.anchor, "past")
    if hi is None:
        return None
    return _mention(ctx, m, hi - datetime.timedelta(days=1), hi, "days", wd1, False, True, False)


def _do_part(ctx, m):
    month = _month_number(ctx.lang, m.group("mo1"))
    if month is None:
        return None
    part = re.sub(r"\s+", " ", m.group("part").lower())
    first, last = _PARTS.get(part, (1, None))
    y = m.group("y1")
    year = int(y) if y else _nearest_month_year(month, ctx.ref(), _tense(ctx.text, m.start(), m.end(), ctx.lang))
    lo, hi = _month_range(year, month)
    lo = lo.replace(day=first)
    if last is not None:
        hi = hi.replace(day=last)
    gran = "month" if part == "courant" else "part_of_month"
    return _mention(ctx, m, lo, hi, gran, stated=bool(y))


def _do_month(ctx, m):
    token = m.group("mo1")
    if ctx.lang == "fr" and not m.group("y1") and not token.islower():
        return None  # "vers Mars", "en Mars": the planet or a name
    month = _month_number(ctx.lang, token)
    if month is None:
        return None
    rel = (m.groupdict().get("rel") or "").lower()
    y = m.group("y1")
    if y:
        year = int(y)
    elif rel:
        if ctx.anchor is None:
            return None
        a = ctx.anchor
        if rel in ("dernier", "last"):
            year = a.year if month < a.month else a.year - 1
        else:
            year = a.year if month > a.month else a.year + 1
    else:
        year = _nearest_month_year(month, ctx.ref(), _tense(ctx.text, m.start(), m.end(), ctx.lang))
    lo, hi = _month_range(year, month)
    return _mention(ctx, m, lo, hi, "month", relative=bool(rel) and not y, stated=bool(y))


def _do_numeric(ctx, m):
    date = _parse(ctx.lang, m.group("m"))  # day-first in French, month-first in English
    if date is None:
        return None
    return _mention(ctx, m, date, date, "day")


def _year_ok(ctx, m, group="y1") -> bool:
    return not _AFTER_YEAR_UNIT.match(ctx.text[m.end(group) : m.end(group) + 20])


def _do_year(ctx, m):
    y = int(m.group("y1"))
    if not 1800 <= y <= 2100 or not _year_ok(ctx, m):
        return None
    return _mention(ctx, m, datetime.date(y, 1, 1), datetime.date(y, 12, 31), "year")


def _do_years(ctx, m):
    y1, y2 = int(m.group("y1")), int(m.group("y2"))
    if not 1800 <= y1 < y2 <= min(y1 + 100, 2100) or not _year_ok(ctx, m, "y2"):
        return None
    return _mention(ctx, m, datetime.date(y1, 1, 1), datetime.date(y2, 12, 31), "years")


def _do_rel(ctx, m):
    if ctx.anchor is None:
        return None
    if m.groupdict().get("night"):
        day = ctx.anchor
        return _mention(ctx, m, day - datetime.timedelta(days=1), day, "days", relative=True, stated=False)
    word = re.sub(r"\s+", " ", m.group("m").lower()).replace("’", "'")
    offset = _relative_word(ctx.lang, word)
    if offset is None:
        return None
    day = ctx.anchor + datetime.timedelta(days=offset)
    return _mention(ctx, m, day, day, "day", relative=True, stated=False)


#: a range of weekdays with no day in it is a schedule ("ouvert du mardi au dimanche",
#: "open Tuesday through Sunday"), not two days
_WEEKDAY_RANGE = {
    "fr": r"\bdu{sp}(?:{wd}){sp}au{sp}(?:{wd})\b",
    "en": r"\b(?:{wd})s?{sp}(?:through|thru|to|until|-|–){sp}(?:{wd})s?\b",
}


@functools.cache
def _weekday_range(lang: str) -> re.Pattern:
    wd = weekday_pattern((lang,))
    return re.compile(_WEEKDAY_RANGE[lang].format(wd=wd, sp=_SP), re.IGNORECASE)


def _in_weekday_range(ctx, start: int, end: int) -> bool:
    lo = max(0, start - 24)
    near = _weekday_range(ctx.lang).finditer(ctx.text[lo : end + 24])
    return any(lo + r.start() <= start and end <= lo + r.end() for r in near)


def _do_wd_rel(ctx, m):
    start = m.start("m")
    if _HABITUAL[ctx.lang].search(ctx.text[max(0, start - 12) : start]) or _NOT_A_DAY_AFTER[ctx.lang].match(
        ctx.text[m.end("m") : m.end("m") + 30]
    ):
        return None
    if ctx.lang in _WEEKDAY_RANGE and _in_weekday_range(ctx, start, m.end("m")):
        return None
    if ctx.anchor is None:
        # no publication date: the day is unknown, its weekday is not ("ruled on Wednesday"
        # against "mardi 24 novembre" is a conflict whatever the year)
        wd = ctx.weekday(m, 1)
        return _mention(ctx, m, datetime.date.min, datetime.date.max, "weekday", wd, False, True, False)
    g = m.groupdict()
    rel = (g.get("rel") or "").lower()
    if g.get("ce") or rel == "this":
        mode = "this"
    elif rel in ("dernier", "last", "past"):
        mode = "last"
    elif rel in ("prochain", "next"):
        mode = "next"
    else:  # bare: the tense nearby, else the nearest occurrence (ties to the past)
        mode = _tense(ctx.text, start, m.end("m"), ctx.lang) or "this"
    wd = ctx.weekday(m, 1)
    day = _weekday_occurrence(wd, ctx.anchor, mode)
    return _mention(ctx, m, day, day, "day", wd, False, True, False)


_HANDLERS = {
    "day": _do_day,
    "wd_day": _do_wd_day,
    "span": _do_span,
    "night_wd": _do_night_wd,
    "part": _do_part,
    "month": _do_month,
    "year": _do_year,
    "years": _do_years,
    "rel": _do_rel,
    "wd_rel": _do_wd_rel,
    "numeric": _do_numeric,
}
_RANK = {
    k: i
    for i, k in enumerate(
        ("night_wd", "span", "day", "numeric", "part", "years", "month", "wd_day", "year", "rel", "wd_rel")
    )
}


def _windows(text: str, lang: str) -> list[tuple[int, int]]:
    """Stretches of text around the words that can start a date (every mention holds one,
    and none is longer than ~80 characters): only they are scanned."""
    spans: list[list[int]] = []
    for hit in _prefilter(lang).finditer(text):
        lo, hi = max(0, hit.start() - 100), min(len(text), hit.end() + 150)
        if spans and lo <= spans[-1][1]:
            spans[-1][1] = hi
        else:
            spans.append([lo, hi])
    return [(lo, hi) for lo, hi in spans]


def _candidates(text: str, lang: str):
    found, seen = [], set()
    windows = _windows(text, lang)
    for kind, rx in _patterns(lang):
        for lo, hi in windows:
            for m in rx.finditer(text, lo, hi):
                s, e = m.span("m")
                if e > s and (kind, s, e) not in seen:
                    seen.add((kind, s, e))
                    found.append((s, -(e - s), _RANK[kind], kind, m))
    found.sort(key=lambda t: (t[1], t[2], t[0]))  # longest first, then by kind, then leftmost
    return found


def _read(ctx, kind, m):
    try:
        return _HANDLERS[kind](ctx, m)
    except Exception:  # noqa: BLE001 -- a date the glue cannot read is skipped
        return None


def find_dates(text: str, lang: str, *, anchor: datetime.date | None = None) -> list[DateMention]:
    """Every date mention in ``text`` (``lang`` "fr" or "en"), in text order."""
    if not isinstance(text, str) or not text or lang not in _LANGS:
        return []
    if isinstance(anchor, datetime.datetime):
        anchor = anchor.date()
    if not _prefilter(lang).search(text):
        return []
    ctx = _Ctx(text, lang, anchor)
    taken: list[tuple[int, int]] = []
    out = []
    for s, neg, _, kind, m in _candidates(text, lang):
        e = s - neg
        if any(s < te and ts < e for ts, te in taken) or not ctx.capital_ok(m):
            continue
        mention = _read(ctx, kind, m)
        if mention is not None:
            taken.append((s, e))
            out.append((mention, kind, m))
    out.sort(key=lambda t: t[0].start)
    return _with_context_years(text, lang, anchor, out)


def _with_context_years(text, lang, anchor, found) -> list[DateMention]:
    """Re-read mentions whose year was inferred against the nearest preceding day-level
    mention that states its year, when it ends at most 300 characters before."""
    result, last, last_end = [], None, 0
    for d, kind, m in found:
        if (
            not d.year_stated
            and last is not None
            and not d.relative
            and d.granularity in ("day", "days", "month", "part_of_month")
            and d.start - last_end <= 300
        ):
            ctx = _Ctx(text, lang, anchor)
            ctx.ref_stated = last
            d = _read(ctx, kind, m) or d
        if d.year_stated and d.granularity in ("day", "days"):
            last, last_end = d.low, d.end
        result.append(d)
    return result


# -------------------------------------------------------------------- publication date

_BYLINE = {  # byline words just before the date ("Publié le lundi ...", "- Updated ")
    "fr": re.compile(
        r"(?:^|\W)(?:publi[ée]e?|mis[e]?\s+à\s+jour|mise\s+en\s+ligne|actualis[ée]e?|"
        r"modifi[ée]e?|date)\b[^\w]*(?:\w+\W+){0,2}$",
        re.IGNORECASE,
    ),
    "en": re.compile(
        r"(?:^|\W)(?:published|updated|last\s+updated|posted|first\s+published|date)\b"
        r"[^\w]*(?:\w+\W+){0,4}$",
        re.IGNORECASE,
    ),
}
_BYLINE_TAIL = re.compile(r"\s[-–—|·]\s*(?:par|by)\s.*$", re.IGNORECASE)
#: an author's byline ending in the date: "Par la rédaction, le mardi 8 décembre 2026", "By Jane
#: Doe | Dec. 3, 2026", "ici Nord – Par Julien C., le 3 mars 2026" (a few words after "par"/"by", no
#: sentence: "par" opens the line or follows an outlet's separator, never a verb, "prise par le conseil")
_AUTHOR_BEFORE = re.compile(
    r"(?:^|[\-–—|·]\s*)(?:par|by)\s+(?:[\w'’.\-]+\s+){0,4}[\w'’.\-]+\s*[,|·–—-]\s*(?:le\s+|on\s+)?$", re.IGNORECASE
)
_AGENCY = re.compile(
    r"\((?:AFP|Reuters|AP|ANSA|DPA|Belga|ATS|Xinhua|Bloomberg)\)|"
    r"^[A-ZÀ-Ý][A-ZÀ-Ý' .-]{1,40}(?:\([^)]{0,30}\))?,\s"
)  # "PARIS, "
#: "Manchester Evening News, 1 December 2026", "La Tribune, le 26 novembre 2026": a short
#: line of a few capitalised words (the outlet, a place) ending in the date
_OUTLET_LINE = re.compile(r"(?:[A-ZÀ-Ý0-9][\w'’.&-]*\s+){0,5}[A-ZÀ-Ý0-9][\w'’.&-]*\s*[,—–|·-]\s*(?:le\s+|on\s+)?")
_TIME = re.compile(r"\d{1,2}\s?(?:h|:)\s?\d{2}|\d{1,2}\s?h\b|a\.?m\.?|p\.?m\.?", re.IGNORECASE)


def publication_date(text: str, lang: str) -> datetime.date | None:
    """The date of a dateline or byline among the first lines of an article: "Le 17
    novembre 2025 à 11h20", "Published March 4, 2026", "Publié le ...", "Updated ...",
    "PARIS, 3 avril 2026 (AFP) -".  A body sentence that happens to hold a date is no
    dateline: the line must start with a byline word, carry an agency dateline, or be
    short and mostly the date."""
    if not isinstance(text, str) or lang not in _LANGS:
        return None
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()][:6]
    for line in lines:
        head = line[:200]
        for d in find_dates(head, lang):
            if d.granularity != "day" or not d.year_stated:
                continue
            before = head[: d.start]
            rest = _TIME.sub("", _BYLINE_TAIL.sub("", head[d.end :]))
            short = len(re.sub(r"[\W\d_]|\b(?:à|at|le|on|h|heures?)\b", "", before + rest)) <= 12
            if (
                _BYLINE[lang].search(before[-40:])
                or (_AGENCY.search(before) and d.start < 60)
                or (_AUTHOR_BEFORE.search(before) and len(before) <= 80)
                or (short and len(line) <= 90)
                or _OUTLET_LINE.fullmatch(before)
                and not rest.strip(" .")
            ):
                return d.low
    return None


# ------------------------------------------------------------------------ compatibility


def compatible(a: DateMention, b: DateMention) -> bool:
    """Whether two mentions can describe the same time (see the module docstring):
    two exact extents (day, days, years) must nest; a vague one (month,
    part_of_month, year) need only overlap the other."""
    if a.high < b.low or b.high < a.low:
        return False
    if a.granularity in _EXACT and b.granularity in _EXACT:
        return (a.low <= b.low and b.high <= a.high) or (b.low <= a.low and a.high <= b.high)
    return True
