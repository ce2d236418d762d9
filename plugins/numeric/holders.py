"""Whose figure it is, when its sentence says: one site of a body or the body itself, a place
named by an adjective of the counted noun.

* ``holder``: "site" ("The plant, a 400,000 sq ft site, employs 1,200"; "l'usine, qui compte
  300 salariés"; "les 1 400 salariés du site") or "body" ("Hartley, which employs 4,800"; "le
  groupe emploie"): one site's figure against its body's is a part against its whole.  The
  site and body nouns are hints (a few words per language); the clause structure decides.
* ``place_adjective``: the place an adjective of the counted noun is made from, among the
  places its article names ("foyers bretons" and "la Bretagne", "Scottish homes" and
  "Scotland"), by their common stem: no table of demonyms.

Both feed the scope tags (``scope.scope_tags``, ``scope_verdict``): a difference makes a
finding unsure (a suggestion), never a new warning.
"""

from __future__ import annotations

import re

from plugins.numeric.quantity import Quantity
from plugins.numeric.slots import unaccent_lower

#: one site of a body (a plant, a store, a branch): its figures are a part of the body's
#: ("the plant employs 1,200 workers" / "Hartley employs 4,800 people").  A hint, not a verdict:
#: a site's figure against the body's is only ever "unsure" (a suggestion).
_SITE_NOUN = (
    r"(?:usines?|sites?|entrep[ôo]ts?|magasins?|agences?|succursales?|filiales?|d[ée]p[ôo]ts?|raffineries?|"
    r"centrales?|ateliers?|plants?|factory|factories|facility|facilities|warehouses?|stores?|branch(?:es)?|"
    r"subsidiary|subsidiaries|mills?|refinery|refineries|depots?|offices?)"
)
_SITE_DET = r"(?:the|this|that|its|their|l['’]\s*|le|la|les|cette|ce|cet|son|sa|ses|leur|leurs)"
#: "the plant employs", "l'usine de Metz compte", "its Barnsley factory, which employs"
_SITE_BEFORE = re.compile(rf"\b{_SITE_DET}\s*(?:[\w\-’']+\s+){{0,2}}?{_SITE_NOUN}\b", re.I)
#: "1 400 salariés du site", "1,200 workers at the plant", "300 employés de l'usine"
_SITE_AFTER = re.compile(
    rf"^\s*(?:[^\W\d_][\w\-’']*\s+){{0,3}}?(?:at|in|on|of|du|des|au|aux|de\s+l['’]|dans\s+l['’]|sur\s+le|"
    rf"de\s+(?:la|ce|cette|son|sa|ses)|dans\s+(?:le|la|les|ce|cette|son|sa|ses))\s*(?:{_SITE_DET}\s*)?(?:[\w\-’']+\s+)?"
    rf"{_SITE_NOUN}\b",
    re.I,
)


#: a site right before a relative clause: "l'usine de Metz, qui", "its Barnsley plant, which"
_SITE_ANTECEDENT = re.compile(
    rf"\b{_SITE_DET}\s*(?:[\w\-’']+\s+){{0,2}}?{_SITE_NOUN}(?:\s+(?:de|d['’]|du|in|at|of)\s*[\w\-’']+){{0,2}}\s*$", re.I
)
#: a site that opens the sentence: "The plant, a 400,000 sq ft site on the edge of the town, employs"
_SITE_LEAD = re.compile(rf"^\s*{_SITE_DET}\s*(?:[\w\-’']+\s+){{0,2}}?{_SITE_NOUN}\b", re.I)
_RELATIVE_START = re.compile(r"^\s*(?:qui|que|dont|o[ùu]|which|who|that|where)\b", re.I)


#: a body that holds sites: "the company", "le groupe" (a hint, like the site nouns)
_BODY_NOUN = r"(?:groupe|entreprise|soci[ée]t[ée]|compagnie|firme|company|group|firm|corporation|conglomerate)"
_BODY_BEFORE = re.compile(rf"\b{_SITE_DET}\s*(?:[\w\-’']+\s+){{0,1}}?{_BODY_NOUN}\b", re.I)
#: a name as the clause's subject: "Hartley employs", "Varennes, qui emploie" (not "The plant", "Il")
_NAME_SUBJECT = re.compile(
    r"^\s*(?P<name>(?P<n>[A-ZÀ-Ý][\w\-’'&]+)(?:\s+[A-ZÀ-Ý][\w\-’'&]+){0,2})\s+(?:[a-zà-ÿ][\w\-’']*\s+){1,2}$"
)
_NAME_END = re.compile(r"(?:^|\s)(?P<name>(?P<n>[A-ZÀ-Ý][\w\-’'&]+)(?:\s+[A-ZÀ-Ý][\w\-’'&]+){0,2})\s*$")
_NOT_NAMES = {
    "the", "a", "an", "this", "that", "its", "their", "it", "they", "we", "he", "she", "there",
    "le", "la", "les", "l", "un", "une", "ce", "cet", "cette", "son", "sa", "ses", "leur", "leurs",
    "il", "elle", "ils", "elles", "on", "nous",
}  # fmt: skip


def _is_name(word: str) -> bool:
    return unaccent_lower(re.split(r"['’]", word)[0]) not in _NOT_NAMES


def holder(text: str, q: Quantity) -> str | None:
    """Whose figure it is, when its clause says: "site" (one site of a body: "The plant, a
    400,000 sq ft site, employs 1,200"; "l'usine, qui compte 300 salariés"; "1 400 salariés du
    site") or "body" (the body itself: "Hartley, which employs 4,800"; "le groupe emploie").
    One site's figure against the body's is a part against its whole; a figure whose clause
    names neither is left alone (a story about one plant calls it "the site" or nothing)."""
    clauses = re.split(r"[;:!?]|\.\s|,\s", text[: q.start])
    own = clauses[-1]
    k = len(clauses) - 1
    if _RELATIVE_START.match(own) or re.match(r"^\s*[a-zà-ÿ]", own):
        k -= 1  # "l'usine, qui compte", "Le groupe, qui a fermé ..., emploie": the clause's subject
        while k > 0 and _RELATIVE_START.match(clauses[k]):
            k -= 1
    subject = clauses[k] if 0 <= k < len(clauses) - 1 else ""
    lead = _SITE_LEAD.match(text)
    between = text[lead.end() : q.start] if lead else ""
    if (
        _SITE_BEFORE.search(own[-45:])
        or (subject and _SITE_ANTECEDENT.search(subject))
        or (lead and "," in between and not re.search(r"\b(?:qui|which|who)\b", between))
        or _SITE_AFTER.match(re.split(r"[,;.:!?]", text[q.end : q.end + 60])[0])
    ):
        return "site"  # (the lead: "The plant, a 400,000 sq ft site on the edge of the town, employs 1,200")
    name = _NAME_SUBJECT.match(own) if k == len(clauses) - 1 else _NAME_END.search(subject)
    if name and len(clauses) == 1 and " " not in name.group("name"):
        name = None  # a lone capitalised first word may be a common noun ("Management promises 120 hires")
    if _BODY_BEFORE.search(own[-45:]) or _BODY_BEFORE.search(subject[-45:]) or (name and _is_name(name.group("n"))):
        return "body"
    return None


#: the word after a counted noun (French: "780 000 foyers bretons") or before it (English:
#: "780,000 Breton households")
_NOUN_THEN_ADJ = re.compile(r"^\s*(?:de\s+|d['’]\s*)?[^\W\d_][\w\-’']*\s+(?P<adj>[a-zà-ÿ][\w\-’']*)")
_ADJ_THEN_NOUN = re.compile(r"^\s*(?P<adj>[A-ZÀ-Ý][\w\-’']*)\s+[a-z]")
_STEM = 4


def place_adjective(text: str, q: Quantity, places: frozenset[str] | set[str]) -> str | None:
    """The place that an adjective of the counted noun is made from, among the places its
    article names ("foyers bretons" and "la Bretagne", "British households" and "Britain",
    "les entreprises lyonnaises" and "Lyon"), else None.  The place is the article's own name
    for it, so "780 000 foyers bretons" and "800 000 foyers en Bretagne" share one place."""
    if not places:
        return None
    after = text[q.end : q.end + 50]
    for m in (_NOUN_THEN_ADJ.match(after), _ADJ_THEN_NOUN.match(after)):
        adj = unaccent_lower(m.group("adj")) if m else ""
        if len(adj) < _STEM + 1:
            continue
        for place in sorted(places):
            for word in re.split(r"[\s\-’']+", place):
                if len(word) >= _STEM and word != adj and adj[:_STEM] == word[:_STEM]:
                    return place
    return None
