"""What a count counts: the class of the counted noun refined by what is said of it, the
noun of an enumeration, and ages of people."""

from __future__ import annotations

import re

from plugins.numeric.slots import unaccent_lower
from plugins.numeric.vocab import (
    AGE_BEFORE,
    BEFORE_MODIFIER_CLASS,
    COLON_PARTS,
    ENUM_GAP,
    ENUM_PREV,
    HOSPITAL_AFTER,
    JOINT_TOLL,
    MOD_SKIP,
    MODIFIABLE,
    MODIFIER_CLASS,
    NAME_COMMA,
    PERSON_NOUN_BEFORE,
    STOP_NOUNS,
    TOLLS,
)

#: words between a count and what refines it that neither refine nor stop the search ("de",
#: "of the", "d'entre eux": "Trois d'entre eux ont été blessés")
_PASS_WORDS = frozenset("""de d people personnes of the their leurs from d'entre d’entre eux elles them""".split())


def refine_noun(text: str, num_start: int, noun_end: int, cls: str, *, verbs_before: bool = False) -> str:
    """The class of a counted noun refined by what is said of it (see ``MODIFIERS``).
    ``verbs_before``: before the figure, only a verb refines it ("killing five"), not a
    word of the previous phrase ("quatre morts après un épisode": "un" counts no dead)."""
    if JOINT_TOLL.match(text, noun_end) and (cls == "people" or cls not in MODIFIABLE):
        return "casualties"  # "50 brebis tuées ou blessées": the dead and the injured together
    if HOSPITAL_AFTER.match(text, noun_end) and (cls in ("people", "employees") or cls not in MODIFIABLE):
        return "hospitalised"  # "a dozen runners were taken to hospital", "Trois d'entre eux ... à l'hôpital"
    allowed = MODIFIABLE.get(cls)
    if not allowed:
        return cls
    mod = None
    for w in re.findall(r"[^\W\d_][\w\-’']*", text[noun_end : noun_end + 60])[:5]:
        wl = w.lower()
        if wl in MODIFIER_CLASS and MODIFIER_CLASS[wl] in allowed:
            mod = MODIFIER_CLASS[wl]
            break
        if wl not in MOD_SKIP and wl not in _PASS_WORDS:
            if not wl.endswith(("ed", "és", "ées", "és", "ment", "ly")):
                break  # (participles and adverbs pass: "ont été légèrement blessées", "were seriously hurt")
    if mod is None:
        before = re.findall(r"[^\W\d_][\w\-’']*", text[max(0, num_start - 40) : num_start])[-3:]
        for w in reversed(before):
            wl = w.lower()
            got = (
                BEFORE_MODIFIER_CLASS.get(wl)
                if verbs_before
                else MODIFIER_CLASS.get(wl) or BEFORE_MODIFIER_CLASS.get(wl)
            )
            if got in allowed:
                mod = got
                break
    if mod is None:
        return cls
    if cls == "people":
        return mod
    return f"{cls}:{mod}"


def toll_of(text: str, num_start: int, noun_end: int) -> str | None:
    """The toll a figure counts by what is said of it, whatever (or without) its noun:
    "Quatre voyageurs sont morts", "31 ont été blessés", "killing five", "injuring 31"."""
    got = refine_noun(text, num_start, noun_end, "people", verbs_before=True)
    return got if got in TOLLS else None


def elliptic_noun(text: str, start: int) -> str | None:
    """Counted noun of an enumeration the number continues ("420 magasins, Ostral 310"), or of
    the figure whose parts follow a colon ("99 000 voyageurs : 58 000 mardi et 41 000 mercredi")."""
    head = COLON_PARTS.search(text, max(0, start - 200), start)
    if head is not None and head.group("w").lower() not in STOP_NOUNS and not head.group("w")[:1].isupper():
        return head.group("w").lower()
    prev = None
    for prev in ENUM_PREV.finditer(text, 0, start):  # noqa: B007 - keeps the last match
        pass
    if prev is None or prev.group("w").lower() in STOP_NOUNS or prev.group("w")[:1].isupper():
        return None
    if not ENUM_GAP.fullmatch(text, prev.end(), start):
        return None
    return prev.group("w").lower()


# "The Portuguese international, 24, has agreed": a sentence-initial noun phrase in apposition
APPOSITION = re.compile(r"(?:^|[.!?»\"]\s+)(?:The|Le|La|L['’])\s*[^\W\d_][^,.;:\d]{0,40},\s*$")


def person_before(text: str, start: int) -> str:
    """The capitalised name right before "Claire Dumont, 47 ans" (folded last word), else ''."""
    m = re.search(r"([A-ZÀ-Ý][\w\-’']+)\s*,\s*$", text[max(0, start - 60) : start])
    return m.group(1).lower() if m else ""


def is_age(text: str, start: int, end: int, word_after: str) -> bool:
    """A person's age: "Claire Dumont, 47 ans", "aged 24", "the 24-year-old", "Silva, 24, signed"."""
    before = text[max(0, start - 60) : start]
    after = text[end : end + 14]
    if re.match(r"[\s\-‑]?(?:years?|yrs?)[\s\-‑]old(?![\w])", after, re.I):
        return True
    if word_after in ("ans", "an", "years", "year", "") and AGE_BEFORE.search(before[-30:]):
        return True  # "aged 24", "âgé de 47 ans"
    if word_after == "ans" and PERSON_NOUN_BEFORE.search(before[-30:]):
        return True  # "une femme de 36 ans"
    if NAME_COMMA.search(before) or APPOSITION.search(before):
        if word_after in ("ans",) and re.match(r"\s*ans\s*(?:[,;.)]|$)", after):
            return True
        if re.match(r"\s*[,)]", after) and not word_after:
            return True  # "Silva, 24, signed"
    return False


#: words after an English measure that are not the thing measured ("3 metres long", "5 km
#: from the coast", "12 miles south of")
_NOT_MEASURED = frozenset(
    """long wide high deep tall thick across away off from of in on at to into onto and or but per a an the
    above below under over beneath beyond behind ahead north south east west inland offshore upstream downstream
    down up apart short more less farther further closer nearer overall total each respectively""".split()
)
_MEASURED_AFTER = re.compile(r"\s+(?P<w>[a-z][a-z-]{2,})\b")


def measured_noun(text: str, q_end: int, q_text: str, lang: str) -> str:
    """The thing an English pre-modifying measure measures: "a 3-metre gash", "the 300ft
    vessel" ("gash", "vessel"), "" when the figure is not a modifier ("3 metres long").  The
    unit must end the figure's text (a compound adjective), and only English puts it first."""
    if not lang.startswith("en") or not q_text[-1:].isalpha():
        return ""
    m = _MEASURED_AFTER.match(text, q_end)
    if m is None or m.group("w") in _NOT_MEASURED:
        return ""
    return m.group("w")


# -- what a share or an amount is said of --------------------------------------------------------
#: the words of a bound or an approximation between the verb and the figure ("was less than 30 %")
_LEADS = (
    r"(?:(?:about|around|nearly|almost|roughly|some|just|barely|only|over|under|more\s+than|less\s+than|"
    r"fewer\s+than|at\s+least|at\s+most|up\s+to|close\s+to|"
    r"environ|près\s+de|presque|quelque|à\s+peine|seulement|plus\s+de|moins\s+de|au\s+moins|au\s+plus|"
    r"jusqu['’]\s?à|un\s+peu\s+plus\s+de|un\s+peu\s+moins\s+de)\s+)*"
)
#: a copula or a verb of amount right before the figure ("Turnout was", "stood at", "s'élève à", "atteint")
_SUBJECT_EN = re.compile(
    r"(?:(?:^|[.!?;:,]\s*|\b(?:the|its|their|his|her|our)\s+)(?P<np2>[a-z][a-z-]{2,}\s+[a-z][a-z-]{3,})"
    r"|(?<![\w'’-])(?P<np1>[a-z][a-z-]{3,}))\s+"
    r"(?:was|is|were|are|has\s+been|had\s+been|stood\s+at|stands\s+at|has\s+reached|reached|reaches|"
    r"totalled|totaled|totals|came\s+to|amounted\s+to|amounts\s+to)\s+" + _LEADS + r"$",
    re.IGNORECASE,
)
_SUBJECT_FR = re.compile(
    r"\b(?:le|la|l['’]|les|son|sa|ses|leur)\s*(?P<head>[^\W\d_]{4,})(?P<of>(?:\s+(?:de|du|des|d['’])\s*(?:la\s+|l['’])?"
    r"[^\W\d_][\w-]*){0,2})\s+"
    r"(?:est|était|sera|a\s+été|atteint|atteignait|a\s+atteint|s['’]élève\s+à|s['’]élevait\s+à|s['’]établit\s+à|"
    r"s['’]établissait\s+à|se\s+monte\s+à|se\s+montait\s+à|plafonne\s+à|culmine\s+à)\s+(?:de\s+|d['’])?"
    + _LEADS
    + r"$",
    re.IGNORECASE,
)
#: words that stand for some other noun ("It was", "This is", "which is") or say no measure
_NOT_SUBJECTS = frozenset(
    """it this that which what there here who they he she one figure number total amount level rate share
    price cost chiffre nombre total montant niveau prix cout""".split()
)
_OF_WORDS = frozenset({"de", "du", "des", "d", "la", "l"})
_DETERMINERS = frozenset({"the", "its", "their", "his", "her", "our", "a", "an", "this", "that"})


def subject_noun(text: str, start: int, lang: str) -> str:
    """The noun a share or an amount is said of, when a copula or a verb of amount comes right
    before the figure: "Turnout was 31.4 per cent" (``turnout``), "The unemployment rate stood at
    7.2%" (``unemployment rate``), "Le taux de participation s'élève à 42 %" (``taux participation``),
    folded; '' otherwise.  A bare word of measure ("The total was", "le montant est") says nothing."""
    before = text[:start]
    if (lang or "")[:2] == "fr":
        m = _SUBJECT_FR.search(before)
        if m is None:
            return ""
        words = [m.group("head")] + [
            w for w in re.findall(r"[^\W\d_][\w-]*", m.group("of")) if w.lower() not in _OF_WORDS
        ]
    else:
        m = _SUBJECT_EN.search(before)
        if m is None:
            return ""
        words = (m.group("np2") or m.group("np1")).split()
    folded = [unaccent_lower(w) for w in words]
    while len(folded) > 1 and folded[0] in _DETERMINERS:
        folded = folded[1:]  # "The turnout was": the noun, not its article
    if len(folded) == 1 and folded[0] in _NOT_SUBJECTS:
        return ""
    if any(w in ("it", "this", "that", "which", "there", "what") for w in folded):
        return ""
    return " ".join(folded)
