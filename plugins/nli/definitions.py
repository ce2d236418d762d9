"""Definitions of terms: "X désigne ...", "X, ou Y, représente ...", "X is defined as ...".

A definition has the term (with its aliases: "L'AGI, ou intelligence générale
artificielle", "l'intelligence artificielle générale (AGI)"), the defining text, and
where it is.  "Ce concept / cette notion / this term ..." is resolved to the term named
just before in the same paragraph (a quoted term, "la notion de X", "the term X", or a
parenthesised acronym).  Definitions of the same term in two documents are then compared
by the NLI model.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from checker.model import Document, Sentence

AP = "['’]"
ARTICLE = rf"(?:(?:l{AP}\s*)|(?:(?:le|la|les|the|un|une|an?)\s+))"
# coreference subjects: "ce concept", "cette notion", "this term"...
COREF = re.compile(
    r"^(?:ce|cet|cette|this|that|the|such\s+an?)\s+(?:concept|terme|notion|mot|expression|acronyme|sigle|"
    r"term|idea|word|acronym|phrase)\b",
    re.I,
)
# strong definition verbs (present tense, singular or plural)
STRONG = (
    r"désigne(?:nt)?|se\s+défini(?:t|ssent)\s+comme|(?:est|sont)\s+défini(?:e|s|es)?\s+comme|signifie(?:nt)?|"
    r"correspond(?:ent)?\s+à|fait\s+référence\s+à|renvoie(?:nt)?\s+à|"
    r"refers?\s+to|(?:is|are)\s+defined\s+as|denotes?|means|stands?\s+for"
)
# verbs that define only when the subject is clearly a term (alias given or coreference)
WEAK_VERBS = r"représente(?:nt)?|represents?|décrit|describes?"
# "X est un concept (controversé) désignant Y" / "X is a term referring to Y"
CONCEPT_PRED = re.compile(
    r"^(?:est|is)\s+(?:un|une|a|an)\s+[^,;:]{1,60}?\s+"
    r"(?:désignant|qui\s+désigne|qui\s+renvoie\s+à|renvoyant\s+à|referring\s+to|that\s+refers\s+to|which\s+refers\s+to|"
    r"qui\s+signifie|meaning)\s+(?P<def>.+)$",
    re.I,
)
COPULA = re.compile(r"^(?:est|is)\s+(?P<def>(?:un|une|a|an)\s+.+)$", re.I)
SUBJECT_TMPL = (
    rf"^\s*[«\"“]?\s*(?P<subj>{ARTICLE}?[^\s,;:()«»\"]+(?:\s+[^\s,;:()«»\"]+){{N}})\s*[»\"”]?"
    rf"(?P<apos>\s*\((?P<paren>[^()]{{1,60}})\)|\s*,\s*(?:ou|or|soit|c{AP}est-à-dire|i\.e\.|autrement\s+dit)\s+"
    rf"(?P<alias>[^,]{{1,80}}),|\s*,\s*(?P<inc>[^,]{{1,120}}),)?\s+(?P<rest>.+?)\s*[.!]?\s*$"
)
# one pattern per subject length (1..6 words): the shortest subject that yields a definition wins
SUBJECTS = [re.compile(SUBJECT_TMPL.replace("{N}", f"{{{n}}}"), re.I) for n in range(6)]
PRONOUNS = {
    "il",
    "elle",
    "ils",
    "elles",
    "on",
    "cela",
    "ceci",
    "ça",
    "it",
    "they",
    "he",
    "she",
    "we",
    "this",
    "that",
    "qui",
    "ce",
    "c",
    "nous",
    "vous",
    "je",
    "i",
    "you",
    "there",
    "il y",
}
BAD_START = re.compile(
    r"^(?:selon|d'après|pour|en|dans|si|mais|et|or|car|cependant|according|if|but|and|in|for|when|"
    r"quand|lorsque|alors|ainsi|depuis|after|before|après|avant)\b",
    re.I,
)
NAMED_LABELS = {"PER", "PERSON", "ORG", "LOC", "GPE", "NORP", "FAC"}
ANTECEDENT = [
    re.compile(
        rf"(?:notion|concept|terme|idée|expression|term|notion|concept|idea)\s+(?:d{AP}\s*|de\s+|du\s+|of\s+)?"
        rf"[«\"“]\s*(?P<t>[^»\"”]{{2,80}}?)\s*[»\"”](?:\s*\((?P<p>[^()]{{1,40}})\))?",
        re.I,
    ),
    re.compile(r"[«\"“]\s*(?P<t>[^»\"”]{2,80}?)\s*[»\"”](?:\s*\((?P<p>[^()]{1,40})\))?"),
    re.compile(
        rf"(?:la\s+notion\s+d[e{AP[1:-1]}]\s*|le\s+concept\s+d[e{AP[1:-1]}]\s*|le\s+terme\s+|the\s+term\s+|"
        rf"the\s+concept\s+of\s+|the\s+notion\s+of\s+)(?P<t>[\w\-]+(?:\s+[\w\-]+){{0,3}}?)"
        rf"(?:\s*\((?P<p>[^()]{{1,40}})\))?(?=[\s,.;:]|$)",
        re.I,
    ),
    re.compile(r"(?P<t>[\w][\w\-]*(?:\s+[\w\-]+){0,3})\s*\((?P<p>[A-Z][A-Za-z0-9\-]{1,10})\)"),
]


@dataclass(eq=False)
class Definition:
    term: str  # display form, as written
    aliases: list[str]
    text: str  # the defining text
    sentence: Sentence
    start: int  # evidence span (document offsets)
    end: int
    strength: str = "strong"  # strong | weak
    keys: set[str] = field(default_factory=set)

    @property
    def doc_id(self) -> str:
        return self.sentence.doc_id


def strip_article(text: str) -> str:
    text = text.strip().strip('«»"“”').strip()
    return re.sub(rf"^{ARTICLE}", "", text, flags=re.I).strip()


def term_keys(alias: str) -> set[str]:
    """Order-insensitive, case-folded keys: 'intelligence générale artificielle' == 'intelligence artificielle générale'."""
    t = unicodedata.normalize("NFC", strip_article(alias)).lower().replace("’", "'")
    words = re.findall(r"[^\W_]+", t)
    if not words or len(words) > 6:
        return set()
    return {"term:" + " ".join(sorted(words))}


def _antecedent(prev: list[Sentence]) -> list[str]:
    """Term named last in the previous sentences (nearest first)."""
    for s in reversed(prev):
        best: tuple[int, list[str]] | None = None
        for pat in ANTECEDENT:
            for m in pat.finditer(s.text):
                names = [m.group("t")] + ([m.group("p")] if m.groupdict().get("p") else [])
                if best is None or m.end() > best[0]:
                    best = (m.end(), [strip_article(x) for x in names if x and x.strip()])
        if best:
            return best[1]
    return []


def _named_subject(sentence: Sentence, start: int, end: int) -> bool:
    for e in sentence.entities:
        if e.start < end and start < e.end and (e.label or "").upper() in NAMED_LABELS:
            return True
    toks = sentence.tokens
    if toks is not None:
        for ent in getattr(toks, "ents", ()):
            s, e = sentence.token_offsets(ent)
            if s < end and start < e and ent.label_.upper() in NAMED_LABELS:
                return True
    return False


def extract_definitions(
    doc: Document, *, sections: tuple[str, ...] = ("body", "list", "faq", "quote")
) -> list[Definition]:
    out: list[Definition] = []
    sents = doc.sentences
    for idx, s in enumerate(sents):
        if s.section not in sections or s.text.rstrip().endswith("?"):
            continue
        d = parse_definition(
            s, [p for p in sents[max(0, idx - 2) : idx] if p.paragraph == s.paragraph and p.section == s.section]
        )
        if d is not None:
            out.append(d)
    return out


def parse_definition(s: Sentence, previous: list[Sentence] | None = None) -> Definition | None:
    """The definition stated by sentence ``s`` (``previous``: same-paragraph sentences before it)."""
    text = s.text
    lead = len(text) - len(text.lstrip(" •-–*·\t"))
    body = text[lead:]
    for pat in SUBJECTS:
        m = pat.match(body)
        if m:
            d = _parse(s, m, lead, previous)
            if d is not None:
                return d
    return None


def _parse(s: Sentence, m: re.Match, lead: int, previous: list[Sentence] | None) -> Definition | None:
    text = s.text
    subj = m.group("subj").strip()
    rest = m.group("rest")
    aliases: list[str] = []
    strength = ""
    definition = None
    evidence_start = s.start
    coref = COREF.match(subj + " ")
    if coref:
        ante = _antecedent(previous or [])
        if not ante:
            return None
        aliases = ante
        if previous:
            evidence_start = previous[-1].start
    else:
        plain = strip_article(subj)
        first = plain.split()[0].lower().strip("'’") if plain.split() else ""
        if not plain or first in PRONOUNS or BAD_START.match(plain) or not plain[0].isalpha():
            return None
        aliases = [plain]
        if m.group("paren"):
            aliases.append(strip_article(m.group("paren")))
        if m.group("alias"):
            aliases.append(strip_article(m.group("alias")))
    vm = re.match(rf"^(?:{STRONG})\s+(?P<def>.+)$", rest, re.I)
    if vm:
        definition, strength = vm.group("def"), "strong"
    else:
        vm = re.match(rf"^(?:{WEAK_VERBS})\s+(?P<def>.+)$", rest, re.I)
        if vm and (coref or m.group("alias") or m.group("paren")):
            definition, strength = vm.group("def"), "strong"
        else:
            cm = CONCEPT_PRED.match(rest)
            if cm:
                definition, strength = cm.group("def"), "strong"
            else:
                cm = COPULA.match(rest)
                if cm and not m.group("inc"):
                    sub_start = s.start + lead + m.start("subj")
                    if _named_subject(s, sub_start, sub_start + len(subj)):
                        return None
                    definition, strength = cm.group("def"), "weak"
    if not definition:
        return None
    definition = definition.strip().rstrip(".!").strip()
    if len(definition.split()) < 2:
        return None
    keys: set[str] = set()
    for a in aliases:
        keys |= term_keys(a)
    if not keys:
        return None
    end = s.start + len(text.rstrip())
    return Definition(
        term=aliases[0],
        aliases=aliases,
        text=definition,
        sentence=s,
        start=evidence_start,
        end=end,
        strength=strength,
        keys=keys,
    )


def definition_sentence(term: str, definition: str, language: str) -> str:
    """Canonical sentence for the model: the same term, only the definitions differ."""
    if language == "fr":
        return f"{term[0].upper() + term[1:]} désigne {definition}."
    return f"{term[0].upper() + term[1:]} refers to {definition}."
