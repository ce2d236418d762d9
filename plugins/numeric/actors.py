"""Which names of a figure's sentence may say *whose* figure it is (its actors).

Two figures whose sentences each name an actor, and not the same one, are not paired
(``generic.pair_score``).  A name the recogniser found is not always an actor:

* a date read as a name ("Jeudi 10 décembre", "Monday 9"): when, not who;
* the speaker of the sentence ("Callum Reid said the council had opened five rest centres",
  ", assure Yann Le Bihan"): who reports the figure, not whom it is about;
* a name listed after a place ("in Ullapool, Lairg and Portree"): a place too.

Read once per sentence (every figure of it asks).
"""

from __future__ import annotations

import re

from plugins.numeric.slots import SentenceView, unaccent_lower

_WEEKDAYS_AND_MONTHS = frozenset(
    "lundi mardi mercredi jeudi vendredi samedi dimanche monday tuesday wednesday thursday friday saturday "
    "sunday janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre january "
    "february march april june july august september october november december".split()
)

#: a verb of speech right after a name ("Reid said", "Le Bihan a déclaré")
_SPEECH_AFTER = re.compile(
    r"^\s*(?:,\s*[^,]{1,60},\s*)?(?:said|says|told|added|explained|warned|insisted|"
    r"a\s+(?:d[ée]clar[ée]|indiqu[ée]|expliqu[ée]|affirm[ée]|pr[ée]cis[ée]|assur[ée]|soulign[ée]|ajout[ée])e?)\b",
    re.I,
)
#: a verb of speech right before a name, after a quotation or a comma ("…," said Fiona Gray)
_SPEECH_BEFORE = re.compile(
    r"(?:said|says|told|added|explained|warned|(?:a\s+)?(?:assur|d[ée]clar|indiqu|expliqu|affirm|pr[ée]cis|"
    r"soulign|ajout|r[ée]sum|estim)[eé]|assurait|reconna[iî]t|pr[ée]vient)\s+(?:(?:the|le|la|l['’])\s*)?$",
    re.I,
)
#: the reported clause's subject is a pronoun, the speaker itself ("Harwick Athletic said on
#: Monday it had sold 40,000 tickets", "Acme a indiqué jeudi qu'elle supprimait 300 postes"):
#: the speaker is then whom the figure is about
_SELF_REPORT = re.compile(
    r"^\s*(?:(?:on|last|this)\s+\w+\s+|yesterday\s+|today\s+|(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|"
    r"dimanche|hier)\s+)?(?:that\s+|qu['’]\s?|que\s+)?(?:it|they|he|she|we|il|elle|ils|elles|nous)\b",
    re.I,
)
#: the join of a list of names ("Ullapool, Lairg and Portree")
_LIST_JOIN = re.compile(r"(?:,|\s(?:and|et|or|ou))\s*$", re.I)


def not_actors(view: SentenceView) -> set[str]:
    """Folded ids of the sentence's names that are no actor of its figures: dates and speakers."""
    cached = getattr(view, "_not_actors", None)
    if cached is not None:
        return cached
    sentence = view.sentence
    text = sentence.text
    out: set[str] = set()
    for m in sentence.entities or ():
        s, e = m.start - sentence.start, m.end - sentence.start
        words = unaccent_lower(m.text).split()
        if any(ch.isdigit() for ch in m.text) or (words and words[0] in _WEEKDAYS_AND_MONTHS):
            out.add(unaccent_lower(m.id))
        elif _speaker(text, s, e):
            out.add(unaccent_lower(m.id))
    view._not_actors = out  # type: ignore[attr-defined]
    return out


def _speaker(text: str, s: int, e: int) -> bool:
    """Whether the name at ``text[s:e]`` reports the sentence's figures about someone else."""
    said = _SPEECH_AFTER.match(text[e : e + 80])
    if said:
        return not _SELF_REPORT.match(text[e + said.end() : e + said.end() + 40])
    return _SPEECH_BEFORE.search(text[max(0, s - 40) : s]) is not None


def listed_after(view: SentenceView, places: set[str]) -> set[str]:
    """Folded ids of names that continue a list opened by one of ``places`` ("in Ullapool,
    Lairg and Portree": Lairg and Portree)."""
    sentence = view.sentence
    text = sentence.text
    mentions = sorted(sentence.entities or (), key=lambda m: m.start)
    out: set[str] = set()
    for prev, m in zip(mentions, mentions[1:]):
        if unaccent_lower(prev.id) not in places | out:
            continue
        between = text[prev.end - sentence.start : m.start - sentence.start]
        if len(between) <= 6 and _LIST_JOIN.search(between):
            out.add(unaccent_lower(m.id))
    return out
