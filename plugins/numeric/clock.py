"""Clock times as figures of their own: "at 6.42am", "7:42 a.m.", "18:05", "à 14 h 20",
"vers 5 heures du matin", "9 o'clock", as minutes of the day (qtype ``clock``).

A time of day is no duration ("24 hours", "48 h", "en 2 h 11" stay spans), and a page's
stamp ("Publié le 12 décembre à 08h07", "Updated 9:15 a.m.") is no fact of the story.  "Vers", "around", "about"
widen a time by :data:`ROUGH` minutes either way; "peu avant" / "shortly before" reach
:data:`ROUGH` minutes before it, "peu après" / "shortly after" as much after it.  A time
after "before", "until", "by", "avant", "jusqu'à", "dès", "from" bounds some other event
("under control by 11am") and is left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from plugins.numeric.quantity import Quantity

#: minutes a rough time ("vers 14 h 20", "around 8.40am") spans on either side
ROUGH = 30.0

_AMPM = r"(?:(?P<ap>[ap])\.\s?m\.|(?P<ap2>[ap])\.?\s?m\b)"  # "a.m." keeps its last dot, "11am." not
_PATTERNS = [
    # 6.42am, 7:42 a.m., 9 p.m.
    re.compile(rf"(?<![\w.:,])(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<m>[0-5]\d))?\s?{_AMPM}", re.I),
    # 18:05 (two-digit minutes, not a race time "2:11:05" nor a score "2:1")
    re.compile(r"(?<![\w.:,])(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)(?![\d:])"),
    # 14 h 20, 14h20, 14 h (the bare hour only after "à", "vers"...: see _HOUR_ONLY_BEFORE)
    re.compile(r"(?<![\w.,])(?P<h>[01]?\d|2[0-3])\s?h\s?(?P<m>[0-5]\d)?(?![\w])(?!\s*(?:min|mn|s\b|sec))", re.I),
    # 5 heures du matin, 8 heures du soir, 3 heures de l'après-midi, à 8 heures
    re.compile(
        r"(?<![\w.,])(?P<h>[01]?\d|2[0-3])\s+heures?(?:\s+(?P<part>du\s+matin|du\s+soir|de\s+l['’]apr[èe]s-midi))?\b",
        re.I,
    ),
    # 9 o'clock
    re.compile(r"(?<![\w.,])(?P<h>1[0-2]|0?[1-9])\s+o['’]clock\b", re.I),
]
_HOUR_ONLY_BEFORE = re.compile(
    r"(?:\b[àa]|\bvers|\bpeu\s+(?:avant|apr[èe]s)|\baux\s+alentours\s+de|"
    r"\b(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier|demain|aujourd['’]hui|ce\s+matin|ce\s+soir))\s*$",
    re.I,
)  # "à 6 heures", "de mardi 16 heures à vendredi 6 heures"
_ROUGH_BEFORE = re.compile(
    r"(?:\bvers|\baux\s+alentours\s+de|\baround|\babout|\bapproximately|\broughly|\bat\s+around|\bat\s+about)\s*$",
    re.I,
)
#: a span, not a time: "en 2 h 11" (a race), "pendant 3 h 30"
_SPAN_BEFORE = re.compile(r"(?:\ben|\bpendant|\bdurant|\bin|\bfor|\bwithin)\s*$", re.I)
#: the time a page was published or updated ("Publié le 12 décembre à 08h07", "Updated 9:15
#: a.m."): page furniture, not a fact of the story
_STAMP_BEFORE = re.compile(r"(?:publi|mis\s+[àa]\s+jour|modifi|actualis|updated|posted|published)[^;\n]{0,40}$", re.I)
_SHORTLY_BEFORE = re.compile(r"(?:\bpeu\s+avant|\bshortly\s+before|\bjust\s+before)\s*$", re.I)
_SHORTLY_AFTER = re.compile(r"(?:\bpeu\s+apr[èe]s|\bshortly\s+after|\bjust\s+after)\s*$", re.I)
_OTHER_BOUND_BEFORE = re.compile(
    r"(?:\bbefore|\buntil|\btill|\bby|\bfrom|\bsince|\bavant|\bjusqu['’]\s?[àa]|\bd[èe]s|\bdepuis|\bapr[èe]s|\bafter)\s*$",
    re.I,
)


def find_clock_times(text: str, lang: str = "", slack: float = 0.0) -> Iterator[Quantity]:
    """The times of day of ``text``, in order of the patterns (callers drop overlaps); a
    finder of ``parse.parse_quantities`` (``lang`` and ``slack`` unused: both languages'
    forms are read, and a time has no bound to slacken)."""
    for k, rx in enumerate(_PATTERNS):
        for m in rx.finditer(text):
            q = _clock(text, m, hour_only=k >= 2 and not m.groupdict().get("m") and not m.groupdict().get("part"))
            if q is not None:
                yield q


def _clock(text: str, m: re.Match, hour_only: bool) -> Quantity | None:
    g = m.groupdict()
    h, minute = int(g["h"]), int(g.get("m") or 0)
    ap = (g.get("ap") or g.get("ap2") or "").lower()
    part = (g.get("part") or "").lower()
    if ap == "p" and h < 12 or (part and not part.endswith("matin") and h < 12):
        h += 12
    elif ap == "a" and h == 12:
        h = 0
    before = text[max(0, m.start() - 30) : m.start()]
    if hour_only and not _HOUR_ONLY_BEFORE.search(before):
        return None  # "48 h", "pendant 3 heures": a span
    if _SPAN_BEFORE.search(before) or _STAMP_BEFORE.search(text[max(0, m.start() - 60) : m.start()]):
        return None  # "en 2 h 11" is a race's span; "Publié ... à 08h07" a page's stamp
    t = float(h * 60 + minute)
    low, high, approx, start = t, t, None, m.start()
    for rx, lo, hi, kind in (
        (_SHORTLY_BEFORE, -ROUGH, 0.0, "le"),
        (_SHORTLY_AFTER, 0.0, ROUGH, "ge"),
        (_ROUGH_BEFORE, -ROUGH, ROUGH, "about"),
    ):
        got = rx.search(before)
        if got:
            low, high, approx = max(0.0, t + lo), min(24 * 60.0, t + hi), kind
            start = m.start() - (len(before) - got.start())
            break
    else:
        if _OTHER_BOUND_BEFORE.search(before):
            return None  # "under control by 11am", "jusqu'à 18 h": the bound of another fact
    return Quantity(
        start=start,
        end=m.end(),
        text=text[start : m.end()],
        low=low,
        high=high,
        unit="minute",
        qtype="clock",
        nominal=t,
        precision=0.5,
        approx=approx,
        approx_text=text[start : m.start()].strip(),
    )
