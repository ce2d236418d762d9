"""Quantity parser: text -> ``Quantity`` (interval, unit, scale, approximator, provenance).

Reads numbers the way a careful editor does, in French and English:

* digits with a decimal comma or point and thousands groups (``13,75``, ``1 000``,
  ``1,000``, ``1.000`` in French), scale words (``milliard(s)``, ``Md``, ``billion``,
  ``bn``, ``k``, ``M``...), currencies before or after (``$``, ``US$``, ``€``,
  ``dollars``, ``USD``...), percentages (``%``, ``pour cent``, ``percent``);
* numbers written in words, delegated to ``text2num`` (``dix milliards``,
  ``trente-cinq``, ``ten billion``);
* ranges (``30 à 35 %``, ``entre 10 et 12``, ``10-12``, ``between 10 and 12``);
* years and full dates (``en 2019``, ``12 décembre 2024``, ``January 2023``);
* approximators and bounds mapped to intervals (``plus de``, ``pas moins de``,
  ``dépassant``, ``jusqu'à``, ``près de``, ``environ``, ``more than``, ``up to``...);
  a lower bound also carries a *soft* upper bound (nobody writes "no less than 8
  billion" for 13.75 billion) that the comparison uses at a lower confidence;
* vague amounts (``des milliards``, ``plusieurs milliards``, ``billions of``).

Model names (``GPT-4``), ages (``36 ans``), list numbering (``1.``), ordinals and
clock times are not quantities.  Offsets are character offsets into the given text.
"""
from __future__ import annotations

import calendar
import datetime as _dt
import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

try:  # the number-words library (declared dependency ``text2num``)
    from text_to_num import text2num as _text2num
except ImportError:  # pragma: no cover - dependency missing: digits still work
    _text2num = None

INF = math.inf

#: Upper bound implied by a lower bound ("plus de 13 milliards" is not 40 milliards).
DEFAULT_BOUND_SLACK = 1.5
#: Half-width of "environ / about" as a fraction of the value.
ABOUT_WIDTH = 0.10

# --------------------------------------------------------------------------- vocabulary
_NUMBER_WORDS = {
    "fr": """zéro un une deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze
             seize vingt vingts trente quarante cinquante soixante septante huitante octante nonante cent cents
             mille""".split(),
    "en": """zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
             sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred
             thousand""".split(),
}
_ALL_NUMBER_WORDS = sorted({w for ws in _NUMBER_WORDS.values() for w in ws}, key=len, reverse=True)
_SMALL_WORDS = {"un", "une", "one", "a", "an"}

# scale words -> (multiplier, canonical label)
_SCALES: list[tuple[str, float, str]] = [
    (r"milliards?", 1e9, "billion"),
    (r"mrds?", 1e9, "billion"),
    (r"mds?", 1e9, "billion"),
    (r"billions?", 1e9, "billion"),  # French "billion" (1e12) handled by language below
    (r"bn", 1e9, "billion"),
    (r"trillions?", 1e12, "trillion"),
    (r"tn", 1e12, "trillion"),
    (r"millions?", 1e6, "million"),
    (r"mio", 1e6, "million"),
    (r"mn", 1e6, "million"),
    (r"mille", 1e3, "thousand"),
    (r"thousands?", 1e3, "thousand"),
    (r"k", 1e3, "thousand"),
    (r"M", 1e6, "million"),
    (r"B", 1e9, "billion"),
    (r"m", 1e6, "million"),  # "£40m" (UK press); only next to a currency
    (r"b", 1e9, "billion"),
]
_SCALE_RE = "|".join(s for s, _, _ in _SCALES)

_CURRENCY_WORDS = [
    (r"dollars?\s+(?:am[ée]ricains?|US)", "USD"),
    (r"dollars?", "USD"),
    (r"US\s?\$", "USD"),
    (r"\$", "USD"),
    (r"USD", "USD"),
    (r"euros?", "EUR"),
    (r"€", "EUR"),
    (r"EUR", "EUR"),
    (r"livres?\s+sterling", "GBP"),
    (r"pounds?(?:\s+sterling)?", "GBP"),
    (r"£", "GBP"),
    (r"GBP", "GBP"),
    (r"francs?\s+suisses?", "CHF"),
    (r"CHF", "CHF"),
    (r"yens?", "JPY"),
    (r"¥", "JPY"),
    (r"yuans?", "CNY"),
]
_CUR_RE = "|".join(c for c, _ in _CURRENCY_WORDS)
_CUR_PREFIX_RE = r"US\s?\$|\$|€|£|¥|USD|EUR|GBP|CHF"
_PERCENT_RE = r"%|pour\s?cents?|pourcents?|per\s?cent|percent|pct"

# approximators: phrase -> kind
_APPROX: list[tuple[str, str]] = [
    # lower bounds
    (r"pas\s+moins\s+d[e']", "ge"), (r"au\s+moins", "ge"), (r"au\s+minimum", "ge"), (r"minimum\s+d[e']", "ge"),
    (r"no\s+less\s+than", "ge"), (r"not\s+less\s+than", "ge"), (r"at\s+least", "ge"), (r"a\s+minimum\s+of", "ge"),
    (r"un\s+peu\s+plus\s+d[e']", "just_over"), (r"l[ée]g[èe]rement\s+plus\s+d[e']", "just_over"),
    (r"just\s+(?:over|above)", "just_over"), (r"slightly\s+(?:more\s+than|over|above)", "just_over"),
    (r"plus\s+d[e']", "gt"), (r"davantage\s+que", "gt"), (r"d[ée]passant", "gt"), (r"d[ée]passe", "gt"),
    (r"d[ée]passer", "gt"), (r"au[- ]del[àa]\s+d[e']", "gt"), (r"au[- ]del[àa]\s+des", "gt"),
    (r"sup[ée]rieure?s?\s+[àa]", "gt"), (r"more\s+than", "gt"), (r"in\s+excess\s+of", "gt"), (r"exceeding", "gt"),
    (r"upwards\s+of", "gt"), (r"over", "gt"), (r"above", "gt"), (r"beyond", "gt"),
    # upper bounds
    (r"pas\s+plus\s+d[e']", "le"), (r"jusqu['’]\s?[àa]", "le"), (r"au\s+plus", "le"), (r"au\s+maximum", "le"),
    (r"maximum\s+d[e']", "le"), (r"up\s+to", "le"), (r"at\s+most", "le"), (r"as\s+much\s+as", "le"),
    (r"as\s+many\s+as", "le"), (r"no\s+more\s+than", "le"), (r"a\s+maximum\s+of", "le"),
    (r"un\s+peu\s+moins\s+d[e']", "nearly"), (r"just\s+(?:under|below)", "nearly"),
    (r"moins\s+d[e']", "lt"), (r"inf[ée]rieure?s?\s+[àa]", "lt"), (r"less\s+than", "lt"), (r"fewer\s+than", "lt"),
    (r"under", "lt"), (r"below", "lt"),
    # approximations
    (r"pr[èe]s\s+d[e']", "nearly"), (r"presque", "nearly"), (r"quasiment", "nearly"), (r"pas\s+loin\s+d[e']", "nearly"),
    (r"nearly", "nearly"), (r"almost", "nearly"), (r"close\s+to", "nearly"),
    (r"environ", "about"), (r"quelque", "about"), (r"autour\s+d[e']", "about"), (r"aux\s+alentours\s+d[e']", "about"),
    (r"approximativement", "about"), (r"[àa]\s+peu\s+pr[èe]s", "about"), (r"grosso\s+modo", "about"),
    (r"about", "about"), (r"around", "about"), (r"approximately", "about"), (r"roughly", "about"),
    (r"some", "about"), (r"circa", "about"), (r"an\s+estimated", "about"), (r"~", "about"), (r"env\.", "about"),
]
_APPROX_KIND = {}
_APPROX_RE = "|".join(f"(?:{p})" for p, _ in _APPROX)

# years and time prepositions
_YEAR_PREP: list[tuple[str, str | None]] = [
    (r"d['’]ici(?:\s+[àa])?(?:\s+(?:la\s+)?fin\s+d[e'])?", "le"), (r"avant", "lt"), (r"apr[èe]s", "gt"),
    (r"jusqu['’]\s?en", "le"), (r"by", "le"), (r"before", "lt"), (r"after", "gt"), (r"until", "le"),
    (r"au[- ]del[àa]\s+d[e']", "gt"), (r"beyond", "gt"),
    (r"d[èe]s", None), (r"depuis", None), (r"[àa]\s+partir\s+d[e']", None), (r"en", None), (r"in", None),
    (r"since", None), (r"from", None), (r"au\s+cours\s+d[e']", None), (r"durant", None), (r"during", None),
]
_YEAR_PREP_RE = "|".join(f"(?:{p})" for p, _ in _YEAR_PREP)

MONTHS = {
    "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7, "août": 8,
    "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12, "decembre": 12,
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "janv.": 1, "févr.": 2, "jan.": 1, "feb.": 2, "aug.": 8, "sept.": 9, "oct.": 10, "nov.": 11, "déc.": 12, "dec.": 12,
}
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}
_PHASE_RE = re.compile(r"(?<![\w])(?P<kind>phase|stade|stage)\s+(?P<n>[1-4]|I{1,3}|IV)(?![\w/.,]\d|[\w])", re.I)
_MONTH_RE = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))

_NUM_DIGITS = (
    r"\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?:[.,]\d+)?(?![\d])"  # 1 000 / 1 000,5
    r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,])"  # 1,000,000.5 (English)
    r"|\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?(?![\d.])"  # 1.000.000 (French/German)
    r"|\d+(?:[.,]\d+)?"
)
_WORD_NUM = (
    r"(?:" + "|".join(_ALL_NUMBER_WORDS) + r")(?:(?:[\s\-]+|\s+(?:et|and)\s+)(?:" + "|".join(_ALL_NUMBER_WORDS) + r"))*"
)
_NUM = rf"(?:{_NUM_DIGITS}|(?<![\w])(?:{_WORD_NUM})(?![\w])|(?<![\w])(?:a|an)(?=\s+(?:{_SCALE_RE})\b))"

def _qty_pattern(ranges: bool = True, scales: bool = True) -> re.Pattern:
    range_part = (
        rf"(?:\s*(?P<sep>à|-|–|—|to|et|and|ou|or)\s*(?:(?P<cur1b>{_CUR_PREFIX_RE})\s?)?"
        rf"(?P<num2>{_NUM_DIGITS}|(?<![\w])(?:{_WORD_NUM})(?![\w])))?"
        if ranges else r"(?P<sep>(?!))?(?P<cur1b>(?!))?(?P<num2>(?!))?"
    )
    scale_part = rf"(?:\s?(?P<scale>{_SCALE_RE})(?![\w]))?" if scales else r"(?P<scale>(?!))?"
    return re.compile(
        rf"""
        (?:(?<![\w])(?P<approx>{_APPROX_RE})(?:(?<=['’~])|(?![\w]))\s*(?:(?:les|la|le|l['’]|des|the)\s+)?)?
        (?:(?P<between>entre|between|de|from)\s+)?
        (?:(?P<cur1>{_CUR_PREFIX_RE})\s?)?
        (?P<num>{_NUM})
        {range_part}
        {scale_part}
        (?:\s?(?:(?:de|d['’]|of)\s*)?(?P<cur2>{_CUR_RE})(?![\w]))?
        (?:\s?(?P<pct>{_PERCENT_RE})(?![\w]))?
        """,
        re.VERBOSE | re.IGNORECASE,
    )


_QTY_RE = _qty_pattern()
_QTY_SIMPLE = _qty_pattern(ranges=False)
_QTY_SIMPLE_NOSCALE = _qty_pattern(ranges=False, scales=False)

_DATE_RES = [
    # 12 décembre 2024, 1er janvier 2024, 12 December 2024
    ("dmy", re.compile(rf"(?<![\w])(?P<d>\d{{1,2}})(?:er|st|nd|rd|th)?\s+(?P<m>{_MONTH_RE})\s+(?P<y>\d{{4}})(?![\w])", re.I)),
    # December 12, 2024
    ("mdy", re.compile(rf"(?<![\w])(?P<m>{_MONTH_RE})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})(?![\w])", re.I)),
    # janvier 2023, January 2023
    ("my", re.compile(rf"(?<![\w])(?P<m>{_MONTH_RE})\s+(?:d['’]\s?)?(?P<y>\d{{4}})(?![\w])", re.I)),
    # a day and a month without a year ("le dimanche 22 mars", "Tuesday 9 September", "on 16 August")
    ("dm", re.compile(rf"(?<![\w])(?P<d>\d{{1,2}})(?:er|st|nd|rd|th)?\s+(?P<m>{_MONTH_RE})(?![\w])(?!\s+(?:d['’]\s?)?\d)", re.I)),
    # September 9 / August 16th (English; the month capitalised, so "may 5" is not a date)
    ("md", re.compile(rf"(?<![\w])(?P<m>(?:{_MONTH_RE[:0]})?[A-Z][a-z]+\.?)\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?![\w])(?!,?\s+\d)")),
    # 2024-12-12
    ("iso", re.compile(r"(?<![\w-])(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?![\w-])")),
]
_YEAR_RE = re.compile(
    rf"(?:(?P<prep>{_YEAR_PREP_RE})\s+)?(?:(?P<between>entre|between|de|from)\s+)?"
    rf"(?<![\w.,\-])(?P<y>1[89]\d\d|20\d\d|2100)(?:\s*(?P<sep>-|–|à|et|and|to)\s*(?P<y2>1[89]\d\d|20\d\d|2100))?(?![\w%€$]|[.,]\d)",
    re.I,
)
_VAGUE_RE = re.compile(
    rf"(?<![\w])(?P<det>des|de|plusieurs|quelques|de\s+nombreux|nombreux|several|a\s+few|many|tens\s+of|hundreds\s+of"
    rf"|des\s+dizaines\s+de|des\s+centaines\s+de|dizaines\s+de|centaines\s+de)\s+(?P<scale>milliards?|millions?|billions?|millions?)"
    rf"(?:\s*(?:(?:de|d['’]|of)\s*)?(?P<cur>{_CUR_RE}))?(?![\w])"
    rf"|(?<![\w])(?P<scale2>billions|millions)\s+of(?:\s+(?P<cur2>{_CUR_RE}))?(?![\w])",
    re.I,
)

# things that look like numbers but are not quantities
_TIME_AFTER = re.compile(r"\s?(?:h\d|h(?![\w])|:\d\d)", re.I)
_ORDINAL_AFTER = re.compile(r"(?:er|re|e|è|ème|eme|ème|nd|nde|st|rd|th|°)(?![\w])", re.I)
_AGE_AFTER = re.compile(r"[\s\-]?(?:ans|an|years?|yrs?)(?:[\s\-]old)?(?![\w])", re.I)
_DURATION_PREP = re.compile(
    r"(?:depuis|pendant|durant|en|sur|dans|il\s+y\s+a|d[ée]lai\s+d[e'’]|deadline\s+of|plus\s+d[e']|moins\s+d[e']|pr[èe]s\s+d[e']|environ|"
    r"for|over|within|in|after|since|more\s+than|less\s+than|nearly|about|the\s+past|the\s+last|next)\s*$",
    re.I,
)
_DEADLINE_AFTER = re.compile(
    r"\s+(?:to\s+[^\W\d_]|(?:pour|afin\s+d[e'’])\s+(?:se\s+|s['’])?[^\W\d_]+(?:er|ir|re)\b)", re.I)
_AGE_BEFORE = re.compile(r"(?:[âa]g[ée]e?s?\s+d[e']|aged|age)\s*$", re.I)
_REF_BEFORE = re.compile(
    r"(?:n°|no\.|nº|#|num[ée]ro|number|[ée]tape|step|chapitre|chapter|partie|part|page|p\.|pp\.|article|art\.|"
    r"section|version|v|saison|season|épisode|episode|tome|volume|vol\.|niveau|level|phase|top|rang|rank)\s*$",
    re.I,
)
_STOP_NOUNS = set(
    """de du des d et ou à a au aux en le la les l un une dans sur pour par avec que qui ce cette ces son sa ses
    leur leurs of and or the in on at to for by with from than that which this these those its their is are was were
    est sont été être a ont has have had dont où it""".split()
)
# Counted nouns that name the same thing in articles (and languages): a count of
# "salariés" and one of "employees" or "people employed" measure one headcount.  The
# class name becomes ``Quantity.noun`` (so counts of one class are compared); the word
# as written stays in ``extra["noun_text"]`` for display.
_NOUN_CLASSES = {
    "employees": """salarié salariés employé employés collaborateur collaborateurs agent agents
                    employee employees staff workers worker personnel""",
    "people": """personne personnes people habitants habitant résidents residents individus individuals persons""",
    "jobs": """emploi emplois poste postes job jobs""",
    "stores": """magasin magasins boutique boutiques enseigne store stores shop shops outlet outlets""",
    "customers": """client clients clientes customer customers""",
    "users": """utilisateur utilisateurs utilisatrices usager usagers abonné abonnés user users subscriber subscribers""",
    "vehicles": """véhicule véhicules voiture voitures vehicle vehicles car cars""",
    "deaths": """mort morts décès tué tués victime victimes dead deaths death fatalities killed""",
    "injured": """blessé blessés blessée blessées injured injuries wounded""",
    "displaced": """déplacé déplacés déplacées sinistrés évacués displaced evacuees""",
    "missing": """disparu disparus disparues missing""",
    "patients": """patient patients patiente patientes malades participants volontaires volunteers""",
    "votes": """voix vote votes suffrage suffrages ballots""",
    "seats": """siège sièges seat seats""",
    "goals": """but buts goal goals""",
    "matches": """match matchs matches rencontres""",
}
NOUN_CLASS = {w: cls for cls, words in _NOUN_CLASSES.items() for w in words.split()}

# What a count of people or jobs is *about*: "112 people were killed" counts deaths,
# "600 emplois sauvés" and "1 450 emplois menacés" are two different counts.  A word of
# this table right after the counted noun (auxiliaries skipped), or a verb just before
# the number ("killed 240 people", "supprimer 300 postes"), refines the noun class:
# a people count becomes that class, any other count becomes ``class:modifier``.
_MODIFIERS = {
    "deaths": """killed died dead perished tué tuée tués tuées morts mortes décédés décédées péri kill kills tuer tue
                 tuant""",
    "injured": """injured hurt wounded blessés blessées blessé blessée injuries""",
    "displaced": """displaced evacuated homeless déplacés déplacées évacués évacuées
                    sinistrés relogés forced""",
    "missing": """missing disparus disparues""",
    "threatened": """threatened menacés menacées menacé menace menacent threatens threaten risk risque jeu""",
    "cut": """cut cuts lost eliminated axed supprimés supprimées supprimer suppression supprime supprimera
              supprimeront détruits perdus slashed shed""",
    "saved": """saved preserved retained kept sauvés sauvées sauvegardés préservés maintenus conservés repris reprises
                sauver sauve préserver""",
    "employees": """employs employ employed employing emploie emploient emploiera emploieront employait
                    salarie salariés""",
    "created": """created create creates creating new créés créées créer crée créé créée créera créeront créent
                  création nouveaux nouvelles hiring""",
}
MODIFIER_CLASS = {w: cls for cls, words in _MODIFIERS.items() for w in words.split()}
_PEOPLE_CLASSES = {"people", "employees"}
_MOD_SKIP = set("""were was are is have has had been be being ont a été sont étaient était ont été ou et and or
                 remain remains remained restent reste demeurent still encore now désormais
                 or also aussi déjà already reportedly still toujours according for pour par by""".split())
_MODIFIABLE = {"people": {"deaths", "injured", "displaced", "missing", "employees"},
               "jobs": {"threatened", "cut", "saved"},  # created jobs are the plain class
               "employees": {"cut", "saved"}}  # "menace les 1 450 salariés": still the workforce


def _refine_noun(text: str, num_start: int, noun_end: int, cls: str) -> str:
    """The class of a counted noun refined by what is said of it (see ``_MODIFIERS``)."""
    allowed = _MODIFIABLE.get(cls)
    if not allowed:
        return cls
    mod = None
    for w in re.findall(r"[^\W\d_][\w\-’']*", text[noun_end:noun_end + 60])[:5]:
        wl = w.lower()
        if wl in MODIFIER_CLASS and MODIFIER_CLASS[wl] in allowed:
            mod = MODIFIER_CLASS[wl]
            break
        if wl not in _MOD_SKIP and wl not in ("de", "d", "people", "personnes", "of", "the", "their", "leurs", "from"):
            if not wl.endswith(("ed", "és", "ées", "és")):
                break
    if mod is None:
        before = re.findall(r"[^\W\d_][\w\-’']*", text[max(0, num_start - 40):num_start])[-3:]
        for w in reversed(before):
            wl = w.lower()
            if wl in MODIFIER_CLASS and MODIFIER_CLASS[wl] in allowed:
                mod = MODIFIER_CLASS[wl]
                break
    if mod is None:
        return cls
    if cls == "people":
        return mod
    return f"{cls}:{mod}"


_WORD_AFTER = re.compile(r"\s*(?:(?:de|of)\s+|d['’]\s*)?(?P<w>[^\W\d_][\w\-’']*)")
_DURATION_UNITS = {
    "ans": "year", "an": "year", "années": "year", "année": "year", "years": "year", "year": "year",
    "mois": "month", "months": "month", "month": "month", "semaines": "week", "semaine": "week", "weeks": "week",
    "week": "week", "jours": "day", "jour": "day", "days": "day", "day": "day", "heures": "hour", "hours": "hour",
}


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


# --------------------------------------------------------------------------- helpers
def _approx_kind(phrase: str) -> str:
    phrase = " ".join(phrase.lower().split())
    for pat, kind in _APPROX:
        if re.fullmatch(pat, phrase, re.I):
            return kind
    return "about"


def _scale_of(word: str, lang: str) -> tuple[float, str]:
    if not word:
        return 1.0, ""
    for pat, mult, label in _SCALES:
        flags = 0 if pat in ("M", "B", "m", "b") else re.I
        if re.fullmatch(pat, word, flags):
            if label == "billion" and lang == "fr" and re.fullmatch(r"billions?", word, re.I):
                return 1e12, "trillion"  # le billion français = 10^12
            return mult, label
    return 1.0, ""


def _currency_of(text: str | None) -> str | None:
    if not text:
        return None
    for pat, code in _CURRENCY_WORDS:
        if re.fullmatch(pat, text.strip(), re.I):
            return code
    return None


@lru_cache(maxsize=4096)
def words_to_number(text: str, lang: str) -> float | None:
    """Value of a number written in words (``dix``, ``trente-cinq``, ``ten``) via text2num."""
    t = " ".join(text.lower().replace("’", "'").split())
    if t in ("a", "an"):
        return 1.0
    if _text2num is None:
        return None
    langs = [lang] + [x for x in ("fr", "en") if x != lang] if lang in ("fr", "en") else ["fr", "en"]
    for lg in langs:
        for cand in (t, t.replace("-", " "), t.replace(" ", "-")):
            try:
                return float(_text2num(cand, lg))
            except (ValueError, TypeError):
                continue
    return None


def parse_digits(text: str, lang: str) -> tuple[float, float] | None:
    """Digits -> (value, precision) where precision is half a unit of the last digit."""
    t = text.replace("\u00a0", " ").replace("\u202f", " ").replace("\u2009", " ")
    if " " in t:
        t = t.replace(" ", "")
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", t) and (lang != "fr" or t.count(",") > 1 or "." in t):
        t = t.replace(",", "")  # English thousands
    elif re.fullmatch(r"\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?", t) or (
        lang == "fr" and re.fullmatch(r"\d{1,3}\.\d{3}", t)
    ):
        t = t.replace(".", "").replace(",", ".")  # French/German thousands
    else:
        t = t.replace(",", ".")
    try:
        value = float(t)
    except ValueError:
        return None
    decimals = len(t.split(".", 1)[1]) if "." in t else 0
    return value, 0.5 * 10 ** (-decimals)


def _number(text: str, lang: str) -> tuple[float, float, bool] | None:
    """(value, precision, written_in_words)."""
    if text[:1].isdigit():
        got = parse_digits(text, lang)
        return (got[0], got[1], False) if got else None
    val = words_to_number(text, lang)
    if val is None:
        return None
    return val, 0.5, True


def _ordinal_date(y: int, m: int, d: int) -> int | None:
    try:
        return _dt.date(y, m, d).toordinal()
    except ValueError:
        return None


def _year_interval(y: int, y2: int | None = None) -> tuple[float, float]:
    return float(_dt.date(y, 1, 1).toordinal()), float(_dt.date(y2 or y, 12, 31).toordinal())


def _fmt_num(x: float, lang: str = "en") -> str:
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
    if q.qtype == "rank":
        return f"{q.unit} {int(q.nominal)}"
    unit = {"percent": " %"}.get(q.unit, "")
    if q.qtype == "money":
        unit = " " + q.unit
    elif q.qtype == "count" and q.noun:
        unit = " " + q.extra.get("noun_text", q.noun)
    elif q.qtype == "duration":
        unit = " " + q.unit.split(":", 1)[1] + "s"
    if q.vague:
        return f"{q.text!r} (vague){unit}"
    n = q.nominal
    if q.approx == "range":
        return f"{_fmt_num(q.low)}–{_fmt_num(q.high)}{unit}"
    sym = {"gt": "> ", "ge": "≥ ", "lt": "< ", "le": "≤ ", "about": "≈ ", "nearly": "≲ ", "just_over": "≳ "}.get(q.approx or "", "")
    return f"{sym}{_fmt_num(n)}{unit}"


def _bounds(kind: str | None, x: float, prec: float, slack: float) -> dict[str, Any]:
    """Interval for nominal value ``x`` under approximator ``kind``."""
    b: dict[str, Any] = {"low": x - prec, "high": x + prec, "low_inclusive": True, "high_inclusive": True,
                         "soft_low": None, "soft_high": None}
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
    elif kind == "about":
        w = max(abs(x) * ABOUT_WIDTH, prec)
        b.update(low=x - w, high=x + w)
    return b


# --------------------------------------------------------------------------- parser
def _overlaps(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    return any(s < b and a < e for a, b in spans)


def parse_quantities(text: str, lang: str = "fr", *, bound_slack: float = DEFAULT_BOUND_SLACK) -> list[Quantity]:
    """All quantity expressions in ``text`` (a sentence), in order of appearance."""
    lang = (lang or "fr")[:2].lower()
    out: list[Quantity] = []
    taken: list[tuple[int, int]] = []

    # 1. full dates
    for kind, rx in _DATE_RES:
        for m in rx.finditer(text):
            if _overlaps(taken, m.start(), m.end()):
                continue
            no_year = kind in ("dm", "md")
            y = 2000 if no_year else int(m.group("y"))  # a leap year: "29 février" is a date
            mon_raw = m.group("m")
            mon = int(mon_raw) if mon_raw.isdigit() else MONTHS.get(mon_raw.lower())
            if not mon or not 1 <= mon <= 12 or not 1000 <= y <= 2999:
                continue
            if kind == "my":
                last = calendar.monthrange(y, mon)[1]
                lo, hi = _ordinal_date(y, mon, 1), _ordinal_date(y, mon, last)
            else:
                lo = hi = _ordinal_date(y, mon, int(m.group("d")))
            if lo is None or hi is None:
                continue
            q = Quantity(start=m.start(), end=m.end(), text=m.group(0), low=float(lo), high=float(hi),
                         unit="daymonth" if no_year else "date", qtype="date", nominal=float(lo),
                         extra={"month_only": kind == "my", "no_year": no_year})
            out.append(q)
            taken.append((m.start(), m.end()))

    # 1b. phases ("essai de phase 3", "a phase II trial"): a rank, compared as an exact integer
    for m in _PHASE_RE.finditer(text):
        if _overlaps(taken, m.start(), m.end()):
            continue
        raw = m.group("n")
        n = int(raw) if raw.isdigit() else _ROMAN.get(raw.upper())
        if not n:
            continue
        q = Quantity(start=m.start(), end=m.end(), text=m.group(0), low=float(n), high=float(n),
                     unit=m.group("kind").lower().replace("stade", "stage"), qtype="rank", nominal=float(n))
        out.append(q)
        taken.append((m.start(), m.end()))

    # 2. vague amounts
    for m in _VAGUE_RE.finditer(text):
        if _overlaps(taken, m.start(), m.end()):
            continue
        scale_word = m.group("scale") or m.group("scale2")
        mult, label = _scale_of(scale_word, lang)
        det = (m.group("det") or "").lower()
        lo_mult = 20 if "dizaines" in det or "tens" in det else 200 if "centaines" in det or "hundreds" in det else 2
        cur = _currency_of(m.group("cur") or m.group("cur2"))
        q = Quantity(start=m.start(), end=m.end(), text=m.group(0), low=lo_mult * mult, high=1000 * mult,
                     high_inclusive=False, unit=cur or "count", qtype="money" if cur else "count", scale=mult,
                     scale_word=scale_word, vague=True, nominal=lo_mult * mult)
        if not cur:
            w = _WORD_AFTER.match(text, m.end())
            if w and w.group("w").lower() not in _STOP_NOUNS:
                q.noun = NOUN_CLASS.get(w.group("w").lower(), w.group("w").lower())
        out.append(q)
        taken.append((m.start(), m.end()))

    # 3. amounts, percentages, counts (before years so "2 000 milliards" is not a year)
    for m in _QTY_RE.finditer(text):
        q = _amount(m, text, lang, bound_slack)
        if q is None or _overlaps(taken, q.start, q.end):
            continue
        out.append(q)
        taken.append((q.start, q.end))

    # 4. years
    for m in _YEAR_RE.finditer(text):
        ys, ye = m.start("y"), m.end("y2") if m.group("y2") else m.end("y")
        if _overlaps(taken, ys, ye):
            continue
        if _not_a_year(text, ys, ye):
            continue
        y = int(m.group("y"))
        y2 = int(m.group("y2")) if m.group("y2") else None
        if y2 is not None and y2 < y:
            y2 = None
        start = m.start("prep") if m.group("prep") else (m.start("between") if m.group("between") else ys)
        end = m.end("y2") if y2 is not None else m.end("y")
        lo, hi = _year_interval(y, y2)
        prep = " ".join((m.group("prep") or "").lower().split())
        kind = None
        for pat, k in _YEAR_PREP:
            if prep and re.fullmatch(pat, prep, re.I):
                kind = k
                break
        q = Quantity(start=start, end=end, text=text[start:end], low=lo, high=hi, unit="year", qtype="year",
                     nominal=float(y), prep=prep, approx="range" if y2 else kind)
        if kind in ("le", "lt"):
            q.low, q.high = -INF, (hi if kind == "le" else lo - 1)
        elif kind in ("gt", "ge"):
            q.low, q.high = (hi + 1 if kind == "gt" else lo), INF
        out.append(q)
        taken.append((start, end))

    out.sort(key=lambda q: (q.start, q.end))
    return out


def _not_a_year(text: str, s: int, e: int) -> bool:
    before = text[max(0, s - 12):s]
    if re.search(r"[A-Za-z][\-]?$", before) and not re.search(r"\s$", before):
        return True  # GPT-2030?, A2024
    if _REF_BEFORE.search(before):
        return True
    return False


def _amount(m: re.Match, text: str, lang: str, slack: float, retry: bool = True) -> Quantity | None:
    num_text = m.group("num")
    got = _number(num_text, lang)
    if got is None:
        return None
    value, prec, in_words = got
    ns, ne = m.start("num"), m.end("num")
    scale_word = m.group("scale") or ""
    cur_text = m.group("cur1") or m.group("cur1b") or m.group("cur2")
    pct = m.group("pct")
    sep, num2 = m.group("sep"), m.group("num2")
    # a second number only makes a range with a real separator
    value2 = None
    if num2:
        got2 = _number(num2, lang)
        sepl = (sep or "").lower()
        plausible = got2 is not None and (
            sepl in ("à", "-", "–", "—", "to") or (m.group("between") and sepl in ("et", "and", "à", "to"))
        )
        if plausible and got2[0] >= value and not (sepl in ("-", "–", "—") and num2[:1].isdigit() and " " in text[ne:m.start("num2")]):
            value2 = got2[0]
        else:
            # retry without the second number: the regex was greedy
            return _amount_simple(m, text, lang, slack) if retry else None
    if m.group("between") and value2 is None:
        # "de 13 milliards" -> "de" is only a preposition
        pass
    mult, label = _scale_of(scale_word, lang)
    if scale_word and scale_word in ("M", "B", "k", "K", "m", "b") and not (cur_text or pct):
        # a bare "M"/"k" after a number is a scale only next to a currency
        nxt = text[m.end("scale"):m.end("scale") + 1]
        if not (nxt in ("$", "€", "£")):
            return _amount_simple(m, text, lang, slack, drop_scale=True) if retry else None
    currency = _currency_of(cur_text)
    small_word = in_words and num_text.strip().lower() in _SMALL_WORDS
    if small_word and not (scale_word or currency or pct):
        return None
    hy = _HYPHEN_UNIT.match(text, m.end()) if not (scale_word or currency or pct) else None
    if in_words and value < 10 and not (scale_word or currency or pct):
        w_after = _WORD_AFTER.match(text, m.end())
        if not (hy or w_after and w_after.group("w").lower() in _DURATION_UNITS):
            return None  # "deux géants", "trois acteurs": not reported figures (but "deux mois" may be a duration)
    if num_text.strip().lower() in ("a", "an") and not scale_word:
        return None
    start = m.start()
    approx_text = m.group("approx") or ""
    kind = _approx_kind(approx_text) if approx_text else None
    end = m.end()
    # trim trailing spaces captured by optional groups
    while end > start and text[end - 1].isspace():
        end -= 1
    if not approx_text and m.group("between") and value2 is None:
        start = m.start("cur1") if m.group("cur1") else ns
    elif not approx_text and m.group("between"):
        start = m.start("between")
    elif approx_text:
        start = m.start("approx")
    else:
        start = m.start("cur1") if m.group("cur1") else ns
    # exclusions on digits
    if not in_words:
        before = text[max(0, ns - 16):ns]
        after = text[ne:ne + 6]
        if not (currency or pct or scale_word or hy):
            if re.search(r"[^\W\d_][\-_/.]?$", before) and not re.search(r"\s$", before):
                return None  # GPT-4, A100, H100, iOS17
            if re.search(r"[\-_/][^\W\d_]", after[:2]) or re.match(r"[^\W\d_]", after):
                return None  # 3D, 5G, 4-way
            if _TIME_AFTER.match(after) or _ORDINAL_AFTER.match(after):
                return None
            if _REF_BEFORE.search(before):
                return None
            line_start = text.rfind("\n", 0, ns) + 1
            if not text[line_start:ns].strip() and re.match(r"\s*[.)/]\s", after):
                return None  # list numbering "1. ", "2) "
            if not text[line_start:ns].strip() and re.match(r"\s*[.)]$", after):
                return None
        if re.match(r"[\-‑]\d", after) and not num2:
            pass
    # years are handled by the year pass (unless they carry a unit)
    if not (currency or pct or scale_word) and value2 is None and re.fullmatch(r"(?:1[89]\d\d|20\d\d|2100)", num_text):
        return None
    if not (currency or pct or scale_word) and value2 is not None and re.fullmatch(r"(?:1[89]\d\d|20\d\d|2100)", num_text):
        return None
    scale = mult
    x = value * scale
    p = prec * scale
    q = Quantity(start=start, end=end, text=text[start:end], low=x, high=x, scale=scale, scale_word=scale_word,
                 approx_text=approx_text, nominal=x, precision=p)
    rate = _RATE_AFTER.match(text, end)
    if rate and (currency or scale_word):
        q.extra["rate"] = "year"  # "2 milliards d'euros par an" is a yearly rate, not a total
    if currency:
        q.unit, q.qtype = currency, "money"
    elif pct:
        q.unit, q.qtype = "percent", "share"
    else:
        # counts need a counted noun; durations and ages are recognised apart
        w = _WORD_AFTER.match(text, end)
        word = w.group("w") if w else ""
        wl = word.lower()
        if hy and not re.match(r"[\-‑]\w+[\-‑]old", text[end:], re.I):
            # "a five-year contract", "a 4-year deal", "un contrat de trois ans"
            q.unit, q.qtype = f"duration:{_DURATION_UNITS[hy.group('u').lower()]}", "duration"
            q.end = hy.end()
            q.text = text[q.start:q.end]
            return _finish(q, kind, x, p, value2, scale, slack)
        sp = _SPEED_AFTER.match(text, end)
        if sp:
            q.unit, q.qtype = "km/h", "speed"
            q.end = sp.end()
            q.text = text[q.start:q.end]
            if sp.group("u").lower().startswith(("mph", "mile")):
                for attr in ("low", "high", "nominal", "precision"):
                    setattr(q, attr, getattr(q, attr) * 1.609344)
                x, p = q.nominal, q.precision
            return _finish(q, kind, x, p, value2, scale, slack)
        if _is_age(text, start, end, wl):
            q.unit, q.qtype = "age", "age"
            yo = re.match(r"[\s\-‑]*(?:ans|years?(?:[\s\-]old)?|yrs?(?:[\s\-]old)?)(?![\w])", text[end:], re.I)
            if yo:
                q.end = end + yo.end()
                q.text = text[q.start:q.end]
            q.extra["person"] = _person_before(text, start)
            q.precision = 0.0  # an age is a whole number of years: 24 and 26 cannot both be true
            return _finish(q, kind, x, 0.0, value2, scale, slack)
        if wl in _DURATION_UNITS and _DURATION_UNITS[wl] != "year" and not re.match(
                r"[\s\-]?\w+[\s\-]old", text[end:end + 14], re.I):
            q.unit, q.qtype = f"duration:{_DURATION_UNITS[wl]}", "duration"  # "18 mois", "24 months"
            q.end = w.end("w")
            q.text = text[q.start:q.end]
        elif wl in _DURATION_UNITS and re.search(r"(?:\b(?:de|d['’]|of)|\w+\s+sur)\s*$", text[max(0, start - 20):start], re.I) \
                and not _PERSON_NOUN_BEFORE.search(text[max(0, start - 30):start]) \
                and not _AGE_BEFORE.search(text[max(0, start - 30):start]):
            q.unit, q.qtype = f"duration:{_DURATION_UNITS[wl]}", "duration"  # "un contrat de cinq ans"
            q.end = w.end("w")
            q.text = text[q.start:q.end]
        elif wl in _DURATION_UNITS:
            before = text[max(0, start - 30):start]
            deadline = _DEADLINE_AFTER.match(text, w.end("w"))  # "six months to comply", "deux mois pour"
            if _AGE_BEFORE.search(before) or not (_DURATION_PREP.search(before) or deadline) or re.match(
                r"[\s\-]?(?:years?|yrs?)[\s\-]old", text[end:end + 12], re.I
            ):
                return None  # an age ("36 ans", "aged 36", "36-year-old")
            q.unit, q.qtype = f"duration:{_DURATION_UNITS[wl]}", "duration"
            q.end = w.end("w")
            q.text = text[q.start:q.end]
        elif word and wl not in _STOP_NOUNS and not word[:1].isupper():
            cls = NOUN_CLASS.get(wl, wl)
            if wl in ("point", "points") and re.match(r"\s+de\s+vente", text[w.end("w"):], re.I):
                cls = "stores"  # "132 points de vente"
            refined = _refine_noun(text, ns, w.end("w"), cls)
            if refined != cls:
                q.extra["refined"] = True  # "people" who were killed are no headcount
            q.unit, q.qtype, q.noun = "count", "count", refined
            if q.noun != wl:
                q.extra["noun_text"] = wl
        elif scale_word and word[:1].isupper():
            return None
        else:
            ell = _elliptic_noun(text, start)
            if ell is None:
                return None  # a bare number: nothing says what it measures
            # "Bricomar apporte 420 magasins, Ostral 310": the noun of the enumeration
            q.unit, q.qtype, q.noun = "count", "count", NOUN_CLASS.get(ell, ell)
            q.extra["elliptic"] = True
    return _finish(q, kind, x, p, value2, scale, slack)


def _finish(q: Quantity, kind, x: float, p: float, value2, scale: float, slack: float) -> Quantity:
    """Apply the approximator or the range to a quantity whose unit is known."""
    if value2 is not None:
        x2 = value2 * scale
        if q.qtype == "speed" and q.nominal != x:
            x2 *= q.nominal / x if x else 1.0
        q.low, q.high = x, x2
        q.approx = "range"
        if kind in ("gt", "ge"):
            q.low_inclusive = kind == "ge"
            q.high = INF
            q.soft_high = x2 * slack
        elif kind in ("lt", "le"):
            q.low = 0.0
    else:
        b = _bounds(kind, x, p, slack)
        q.low, q.high = b["low"], b["high"]
        q.low_inclusive, q.high_inclusive = b["low_inclusive"], b["high_inclusive"]
        q.soft_low, q.soft_high = b["soft_low"], b["soft_high"]
        q.approx = kind
    return q


_RATE_AFTER = re.compile(r"\s*(?:par\s+an(?:n[ée]e)?|chaque\s+ann[ée]e|annuellement|per\s+(?:year|annum)|a\s+year|"
                         r"each\s+year|annually|/\s?an|/\s?yr|/\s?year)(?![\w])", re.I)
_HYPHEN_UNIT = re.compile(r"[\-‑](?P<u>years?|months?|weeks?|days?|ans|mois)(?![\w])", re.I)
_SPEED_AFTER = re.compile(r"\s?(?P<u>km\s?/\s?h|kmh|km\s+par\s+heure|kilom[èe]tres?[\s\-](?:par\s+|/\s?|à\s+l['’]\s?)heure|"
                          r"kilomet(?:er|re)s?\s+(?:per|an)\s+hour|kph|mph|miles?\s+(?:per|an)\s+hour)(?![\w])", re.I)
_PERSON_NOUN_BEFORE = re.compile(
    r"(?:homme|femme|garçon|fille|enfant|adolescente?|jeune|victime|conducteur|conductrice|joueur|joueuse|"
    r"man|woman|boy|girl|child|player)\s+(?:de|d['’]|of)\s*$", re.I)
_NAME_COMMA = re.compile(r"(?:^|[\s(])(?:[A-ZÀ-Ý][\w\-’']+\s+){0,3}[A-ZÀ-Ý][\w\-’']+\s*,\s*$")


_ENUM_PREV = re.compile(r"\d[\d \u00a0\u202f.,]*\s+(?P<w>[^\W\d_][\w\-’']*)")
_ENUM_GAP = re.compile(r"\s*(?:,|;|\bet\b|\band\b|\bcontre\b|\bagainst\b)\s+(?:[A-ZÀ-Ý][\w\-’']*\s+){1,3}")


def _elliptic_noun(text: str, start: int) -> str | None:
    """Counted noun of an enumeration the number continues ("420 magasins, Ostral 310")."""
    prev = None
    for prev in _ENUM_PREV.finditer(text, 0, start):
        pass
    if prev is None or prev.group("w").lower() in _STOP_NOUNS or prev.group("w")[:1].isupper():
        return None
    if not _ENUM_GAP.fullmatch(text, prev.end(), start):
        return None
    return prev.group("w").lower()


# "The Portuguese international, 24, has agreed": a sentence-initial noun phrase in apposition
_APPOSITION = re.compile(r"(?:^|[.!?»\"]\s+)(?:The|Le|La|L['’])\s*[^\W\d_][^,.;:\d]{0,40},\s*$")


def _person_before(text: str, start: int) -> str:
    """The capitalised name right before "Claire Dumont, 47 ans" (folded last word), else ''."""
    m = re.search(r"([A-ZÀ-Ý][\w\-’']+)\s*,\s*$", text[max(0, start - 60):start])
    return m.group(1).lower() if m else ""


def _is_age(text: str, start: int, end: int, word_after: str) -> bool:
    """A person's age: "Claire Dumont, 47 ans", "aged 24", "the 24-year-old", "Silva, 24, signed"."""
    before = text[max(0, start - 60):start]
    after = text[end:end + 14]
    if re.match(r"[\s\-‑]?(?:years?|yrs?)[\s\-‑]old(?![\w])", after, re.I):
        return True
    if word_after in ("ans", "an", "years", "year", "") and _AGE_BEFORE.search(before[-30:]):
        return True  # "aged 24", "âgé de 47 ans"
    if word_after == "ans" and _PERSON_NOUN_BEFORE.search(before[-30:]):
        return True  # "une femme de 36 ans"
    if _NAME_COMMA.search(before) or _APPOSITION.search(before):
        if word_after in ("ans",) and re.match(r"\s*ans\s*(?:[,;.)]|$)", after):
            return True
        if re.match(r"\s*[,)]", after) and not word_after:
            return True  # "Silva, 24, signed"
    return False


def _amount_simple(m: re.Match, text: str, lang: str, slack: float, drop_scale: bool = False) -> Quantity | None:
    """Re-match at the same place without the range/scale part (the first try was too greedy)."""
    rx = _QTY_SIMPLE_NOSCALE if drop_scale else _QTY_SIMPLE
    m2 = rx.match(text, m.start())
    if m2 is None:
        return None
    return _amount(m2, text, lang, slack, retry=not drop_scale)
