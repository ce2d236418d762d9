"""The ``entities`` rule type: canonical entities and aliases (an annotator).

For every sentence it fills ``Sentence.entities`` with ``EntityMention`` objects whose
``id`` is a canonical entity id shared across languages ("Microsoft").  Mentions come
from three places, merged without overlaps (longest mention first):

* YAML ``names`` of declared entities (``Microsoft``, ``Microsoft Corp.``), matched
  case/accent/apostrophe-insensitively except that a capitalised name must start with
  a capital in the text (``Apple`` the company, not ``apple`` the fruit);
* YAML ``aliases`` (``la firme de Redmond``): descriptions that always designate the
  entity.  An alias written with a definite determiner only matches after a definite
  or demonstrative determiner (``du géant du logiciel`` yes, ``un géant du logiciel`` no);
* spaCy named entities of the sentence (or, for pipelines without NER, runs of
  capitalised words), normalised (elided articles, possessive, ``Corp.``/``Inc.``
  suffixes, case, accents) and mapped to a declared entity when their key matches;
  a lone surname (``Altman``) resolves to the full name met earlier in the document.

``contextual`` aliases (``la start-up`` -> OpenAI) resolve only when the entity they
require (the entity itself by default) was mentioned in the same sentence before the
alias or in the ``window`` previous sentences; when several entities claim the same
phrase the most recently mentioned one wins.

One pass per document; every pattern is compiled once per language.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from typing import Any

import babel.dates

from checker.model import Document, EntityMention, Sentence
from checker.rules.regexguard import MATCH_TIMEOUT, compile_user_regex, regex_problem
from checker.ruletype import RuleType
from plugins.entities.textnorm import LEVEL_ADJECTIVES, fold, key, phrase_regex

DEFAULT_WINDOW = 2

_ALIAS_ITEM = {
    "oneOf": [
        {"type": "string", "minLength": 1},
        {
            "type": "object",
            "properties": {
                "text": {
                    "type": "string",
                    "minLength": 1,
                    "description": "The alias as written, matched as the names are (a string item is this).",
                },
                "pattern": {
                    "type": "string",
                    "minLength": 1,
                    "description": "A regular expression (case-insensitive). Refused at load time when it nests "
                    "unbounded quantifiers such as (a+)+; a search taking over 0.5 s drops it for the run.",
                },
                "requires": {
                    "type": "array",
                    "items": {"type": "string", "minLength": 1},
                    "description": "Contextual aliases: entity ids one of which must be mentioned first (default: "
                    "the entity itself).",
                },
                "window": {
                    "type": "integer",
                    "minimum": 0,
                    "maximum": 20,
                    "description": "Contextual aliases: how many previous sentences that mention may be in "
                    "(default: the entity's window).",
                },
            },
            "additionalProperties": False,
            "oneOf": [{"required": ["text"]}, {"required": ["pattern"]}],
        },
    ]
}

ENTITIES_SCHEMA: dict[str, Any] = {
    "type": "object",
    "anyOf": [{"required": ["entities"]}, {"required": ["ignore"]}],
    "properties": {
        "ignore": {
            "type": "array",
            "items": {"type": "string", "minLength": 1},
            "description": "Names the recogniser finds that are no entity of the story (section titles, "
            "agencies): never mentions.",
        },
        "entities": {
            "type": "array",
            "minItems": 1,
            "description": "Declared entities, each with a canonical id shared across languages.",
            "items": {
                "type": "object",
                "required": ["id"],
                "properties": {
                    "id": {
                        "type": "string",
                        "minLength": 1,
                        "description": "Canonical id, also a name (Microsoft); rules name the entity by it.",
                    },
                    "label": {"type": "string", "description": "Entity label: ORG, PER, LOC, GPE..."},
                    "names": {
                        "type": "array",
                        "items": {"type": "string", "minLength": 1},
                        "description": "Other names (Microsoft Corp.), matched ignoring case, accents and apostrophes; "
                        "a capitalised name needs a capital in the text.",
                    },
                    "aliases": {
                        "type": "array",
                        "items": _ALIAS_ITEM,
                        "description": "Descriptions that always designate the entity (la firme de Redmond); one "
                        "written with a definite article matches only after a definite or demonstrative determiner.",
                    },
                    "contextual": {
                        "type": "array",
                        "items": _ALIAS_ITEM,
                        "description": "Descriptions that designate it only when it was mentioned just before (la "
                        "start-up -> OpenAI); when several entities claim one, the most recently mentioned wins.",
                    },
                    "window": {
                        "type": "integer",
                        "minimum": 0,
                        "maximum": 20,
                        "description": "Previous sentences in which a mention makes its contextual aliases resolve "
                        "(default 2).",
                    },
                },
                "additionalProperties": False,
            },
        },
    },
}

_LEADING_DET = re.compile(r"^(?:le|la|les|l'|the|this|ce|cet|cette)\s*(?=\S)", re.I)
_DET_BEFORE = re.compile(
    r"(?:^|[^\w'])(?:le|la|les|du|des|au|aux|ce|cet|cette|ces|the|this|that|these|those)\s+$"
    r"|(?:^|[^\w])l'\s*$"
)
_ELISION = re.compile(r"^(?:d|l|qu|j|n|s|D|L|Qu|QU)['’]\s*")
_LEAD_ART = re.compile(r"^(?:le|la|les|the|du|des)\s+", re.I)
_POSSESSIVE = re.compile(r"['’]s$")
_TRAIL_PUNCT = re.compile(r"(?:[\s.,;:!?»«\"“”()\[\]]|\s\w['’])+$")
_LEAD_PUNCT = re.compile(r"^[\s.,;:!?»«\"“”()\[\]]+")
_CORP_SUFFIX = re.compile(
    r"[\s,]+(?:corp\.?|corporation|inc\.?|incorporated|ltd\.?|limited|llc|plc|s\.?a\.?s?|gmbh|ag|co\.?)$", re.I
)
_CONJ = re.compile(r"\s(?:et|and|und|y|e|ou|or)\s|,", re.I)
NER_LABELS = {"PER", "PERSON", "ORG", "MISC", "LOC", "GPE", "NORP", "PRODUCT", "FAC", "WORK_OF_ART", "EVENT"}


@dataclass
class Entry:
    id: str
    label: str
    kind: str  # name | alias | contextual
    needs_det: bool = False
    capital: bool = False
    requires: tuple[str, ...] = ()
    window: int = DEFAULT_WINDOW


@dataclass
class Lexicon:
    """Everything compiled for one language."""

    literal: re.Pattern | None = None
    by_key: dict[str, list[Entry]] = field(default_factory=dict)
    patterns: list[tuple[Any, Entry, Any]] = field(default_factory=list)  # (regex, entry, rule): user patterns
    names: dict[str, tuple[str, str]] = field(default_factory=dict)  # key -> (id, label)
    ignore: set[str] = field(default_factory=set)  # keys of NER spans that are never entities


@dataclass
class _Cand:
    start: int  # sentence-relative
    end: int
    entries: list[Entry]
    source: str  # name | alias | contextual | ner
    ner_id: str | None = None
    ner_label: str = ""
    display: str = ""  # the article's spelling of an undeclared name (or the full name of a surname)
    declared: bool = False

    @property
    def length(self) -> int:
        return self.end - self.start


def clean_name(text: str) -> tuple[int, int]:
    """Offsets (relative to ``text``) of a named-entity string without articles, possessive, suffixes."""
    s, e = 0, len(text)
    for rx in (_LEAD_PUNCT, _ELISION, _LEAD_ART):
        m = rx.match(text, s, e)
        if m and m.end() < e:
            s = m.end()
    for rx in (_TRAIL_PUNCT, _POSSESSIVE, _CORP_SUFFIX, _TRAIL_PUNCT):
        m = rx.search(text[s:e])
        if m and m.start() > 0:
            e = s + m.start()
    return s, e


# Generic words of company names: "Brightline Software", "Groupe Valmont" and "Valmont"
# are one company for articles that shorten the name.  Only for names no rule declares.
_GENERIC_TRAIL = re.compile(
    r"(?:\s+(?:Software|Systems|Networks|Technologies|Technology|Labs|Group|Groupe|Holdings?"
    r"|Inc\.?|Ltd\.?|SA|SAS|SE|AG|GmbH|plc|NV|BV))+$"
)
_GENERIC_LEAD = re.compile(r"^(?:(?:le\s+|the\s+)?(?:Groupe|Group|Société|Cabinet))\s+(?=[A-Z])")
# A legal or group word ending a name makes it a company whatever the recogniser's label
# ("Veltra Holding" tagged PER in French): no person's name ends in one.
_LEGAL_END = re.compile(r"\s(?:Group|Groupe|Holdings?|Inc\.?|Ltd\.?|SA|SAS|AG|GmbH|plc|NV|BV)$")


def company_id(name: str) -> str:
    """Id of an undeclared organisation name without generic leading/trailing words."""
    out = _GENERIC_LEAD.sub("", name)
    out = _GENERIC_TRAIL.sub("", out)
    return out if len(out) >= 2 and out[:1].isupper() else name


_ID_WORD = re.compile(r"\w+", re.UNICODE)


def entity_id(name: str) -> str:
    """Canonical id of an entity that no rule declares: accent-, case- and punctuation-insensitive.

    ``"Orphéa"``, ``"ORPHEA"`` and ``"Orphea"`` share the id ``orphea``, and ``"Saint-Aubin-sur-Marne"``
    is ``saint aubin sur marne`` in every language; the article's spelling is kept for display
    (``Sentence.annotations["entity_names"]``).
    """
    out = " ".join(_ID_WORD.findall(fold(name)))
    return out or " ".join(name.split())


# Titles written before a name ("Governor Maria Okafor", "M. Lecoq"): not part of the name,
# and a person context for a lone surname.
TITLES = {
    "m",
    "mme",
    "mlle",
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "prof",
    "sir",
    "dame",
    "lord",
    "me",
    "maitre",
    "governor",
    "gouverneur",
    "gouverneure",
    "president",
    "presidente",
    "mayor",
    "maire",
    "minister",
    "ministre",
    "senator",
    "senateur",
    "senatrice",
    "depute",
    "deputee",
    "judge",
    "juge",
    "colonel",
    "captain",
    "capitaine",
    "coach",
    "chancellor",
    "chancelier",
    "chanceliere",
    "pope",
    "pape",
    "cardinal",
    "bishop",
    "commissioner",
    "commissaire",
    "inspector",
    "inspecteur",
    "sheriff",
    "sergeant",
    "lieutenant",
    "professor",
    "professeur",
    "docteur",
    "monsieur",
    "madame",
    "mademoiselle",
    "manager",
    "entraineur",
    "selectionneur",
}
PERSON_LABELS = ("PER", "PERSON")
# Nouns right before a name that make it an organisation ("l'enseigne Darcel", "the company Darcel",
# "l'action Orphéa"): a lone surname after them is not the person met earlier.
ORG_NOUNS = {
    "enseigne",
    "societe",
    "entreprise",
    "firme",
    "groupe",
    "marque",
    "chaine",
    "compagnie",
    "biotech",
    "start-up",
    "startup",
    "fabricant",
    "chausseur",
    "distributeur",
    "club",
    "equipe",
    "banque",
    "fonds",
    "company",
    "firm",
    "group",
    "brand",
    "chain",
    "retailer",
    "maker",
    "bank",
    "fund",
    "team",
    "label",
    "publisher",
    "editeur",
    "operateur",
    "operator",
    "manufacturer",
    "action",
    "titre",
    "shares",
    "stock",
    "actions",
    "laboratoire",
    "lab",
    "magasins",
    "magasin",
    "usine",
    "usines",
    "salaries",
    "employees",
    "filiale",
    "subsidiary",
}
# Verbs (or participles after an auxiliary) right after a name that make it a person
PERSON_VERBS = {
    "said",
    "says",
    "told",
    "added",
    "declared",
    "explained",
    "stated",
    "argued",
    "insisted",
    "wrote",
    "tweeted",
    "believes",
    "thinks",
    "smiled",
    "laughed",
    "resigned",
    "wants",
    "wanted",
    "died",
    "born",
    "explique",
    "declare",
    "affirme",
    "raconte",
    "assure",
    "estime",
    "ajoute",
    "precise",
    "souligne",
    "confie",
    "indique",
    "rappelle",
    "reconnait",
    "promet",
    "denonce",
    "regrette",
    "salue",
    "pense",
    "sourit",
    "demissionne",
    "dit",
    "repond",
    "ne",
    "nee",
    "decede",
    "meurt",
    "veut",
    "voulait",
}
# Words of role titles written before a name ("Chief Executive Officer Tom Hale", "Prime Minister
# Ana Ruiz"): stripped from the front of a person's name, as TITLES are, when a capitalised name follows
ROLE_TITLE_WORDS = {
    "chief",
    "executive",
    "officer",
    "financial",
    "operating",
    "technology",
    "prime",
    "minister",
    "secretary",
    "deputy",
    "vice",
    "interim",
    "acting",
    "former",
    "director",
    "managing",
    "head",
    "chairman",
    "chairwoman",
    "chair",
    "prefect",
    "prefet",
    "prefete",
    "ambassador",
    "ambassadeur",
    "ambassadrice",
    "premier",
    "sheriff",
    "prosecutor",
    "procureur",
    "procureure",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "ceo",
    "cfo",
    "cto",
    "coo",
    "pdg",
    "directeur",
    "directrice",
    "presidente",
    "state",
    "foreign",
    "interior",
    "justice",
    "finance",
    "defence",
    "defense",
    "health",
    "education",
    "labour",
    "labor",
    "trade",
    "economy",
    "ex",
    "outgoing",
    "incoming",
    "board",
    "superintendent",
    "police",
    "fire",
    "mayor-elect",
    "president-elect",
}
_TITLE_WORD = re.compile(r"([^\W\d]+(?:-[^\W\d]+)?)\.?\s+(?=[^\W\d])")


def strip_titles(raw: str, s: int, e: int, label: str = "") -> tuple[int, bool]:
    """Start of a name after the titles written before it (``Governor``, ``M.``, ``Chief Executive
    Officer``), and whether there was one: a title says the name is a person's."""
    title = False
    words = TITLES if label == "ORG" else TITLES | ROLE_TITLE_WORDS
    while True:
        m = _TITLE_WORD.match(raw, s, e)
        rest = raw[m.end() : e].split() if m else []
        if not m or fold(m.group(1)) not in words or not rest or not rest[0][:1].isupper():
            break
        if all(fold(w).strip(".") in words for w in rest):
            break  # "Chief Executive": a title alone, no name after it
        s = m.end()
        title = True
    return s, title


_AUX = {"a", "avait", "aurait", "has", "had", "have", "is", "was", "est", "etait"}


def canonical_form(text: str) -> str:
    """Display id for an entity that no rule declares: cleaned, whitespace collapsed."""
    s, e = clean_name(text)
    return " ".join(text[s:e].split())


class EntitiesRuleType(RuleType):
    name = "entities"
    provides = ("entities",)
    order = 10
    testable = False
    schema = ENTITIES_SCHEMA
    placeholders = ()  # an annotator: its rules give no findings

    @classmethod
    def check_rule(cls, body):
        """Alias patterns must compile and must not be able to backtrack for ever (``(a+)+``)."""
        problems = []
        for i, ent in enumerate(body.get("entities") or []):
            for kind in ("aliases", "contextual"):
                for j, item in enumerate((ent.get(kind) if isinstance(ent, dict) else None) or []):
                    if isinstance(item, dict) and isinstance(item.get("pattern"), str):
                        why = regex_problem(item["pattern"], re.I)
                        if why:
                            problems.append((("entities", i, kind, j, "pattern"), f"alias pattern: {why}"))
        return problems

    def setup(self, rules, ctx) -> None:
        super().setup(rules, ctx)
        self._lexicons: dict[str, Lexicon] = {}

    # -- lexicon ---------------------------------------------------------------------
    def lexicon(self, language: str) -> Lexicon:
        lex = self._lexicons.get(language)
        if lex is None:
            lex = self._build(language)
            self._lexicons[language] = lex
        return lex

    def _error(self, rule, message: str) -> None:
        if self.ctx is not None:
            self.ctx.error(rule.path, f"rule '{rule.id}': {message}", line=rule.line, kind="rule")

    def _build(self, language: str) -> Lexicon:
        lex = Lexicon()
        literals: dict[str, str] = {}  # key -> regex
        for rule in self.rules:
            if not rule.applies_to(language):
                continue
            lex.ignore.update(key(w) for w in rule.get("ignore", []) or [])
            for ent in rule.get("entities", []) or []:
                eid = ent["id"]
                label = ent.get("label", "")
                window = ent.get("window", DEFAULT_WINDOW)
                names = [eid] + list(ent.get("names", []))
                for name in names:
                    k = key(name)
                    if not k:
                        continue
                    lex.names.setdefault(k, (eid, label))
                    entry = Entry(eid, label, "name", capital=name.strip()[:1].isupper())
                    self._add_literal(lex, literals, name.strip(), k, entry)
                for kind in ("aliases", "contextual"):
                    for item in ent.get(kind, []) or []:
                        if isinstance(item, str):
                            item = {"text": item}
                        entry = Entry(
                            eid,
                            label,
                            "alias" if kind == "aliases" else "contextual",
                            requires=tuple(item.get("requires", [eid])) if kind == "contextual" else (),
                            window=item.get("window", window),
                        )
                        if "pattern" in item:
                            why = regex_problem(item["pattern"], re.I)
                            if why:
                                self._error(rule, f"entity '{eid}': alias pattern {item['pattern']!r}: {why}")
                                continue
                            lex.patterns.append((compile_user_regex(item["pattern"], re.I), entry, rule))
                            continue
                        text = item["text"].strip()
                        m = _LEADING_DET.match(fold(text))
                        if m:
                            entry.needs_det = True
                            text = text[m.end() :]
                        k = key(text)
                        if k:
                            self._add_literal(lex, literals, text, k, entry)
        if literals:
            alternation = "|".join(sorted(set(literals.values()), key=lambda r: (-len(r), r)))
            lex.literal = re.compile(rf"(?<![\w])(?:{alternation})(?![\w])")
        return lex

    @staticmethod
    def _add_literal(lex: Lexicon, literals: dict[str, str], text: str, k: str, entry: Entry) -> None:
        entries = lex.by_key.setdefault(k, [])
        for old in entries:
            if old.id == entry.id and old.kind == entry.kind:
                old.needs_det = old.needs_det and entry.needs_det
                old.capital = old.capital and entry.capital
                return
        entries.append(entry)
        literals.setdefault(k + "\x00" + text.lower(), phrase_regex(text))

    # -- annotation ------------------------------------------------------------------
    def annotate(self, doc: Document, rules) -> None:
        lex = self.lexicon(doc.language)
        state = _DocState(history=[], surnames={}, shortnames={}, display={}, org_keys=self._org_keys(doc, lex))
        total = 0
        for i, sent in enumerate(doc.sentences):
            mentions = self._sentence(sent, i, lex, state)
            sent.entities = mentions
            sent.annotations["entity_names"] = {m.id: state.display.get(m.id, m.text) for m in mentions}
            total += len(mentions)
        if self.ctx is not None:
            self.ctx.add_stat("entities", "mentions", total)

    @staticmethod
    def _org_keys(doc: Document, lex: Lexicon) -> set[str]:
        """Keys of names this document uses as an organisation: tagged ORG, or right after an
        organisation noun (``l'enseigne Darcel``).  A lone surname with such a key is not a person."""
        out: set[str] = set()
        for sent in doc.sentences:
            span = sent.tokens
            if span is None:
                continue
            if span.doc.has_annotation("ENT_IOB"):
                for ent in span.ents:
                    if ent.label_ == "ORG":
                        s, e = clean_name(ent.text)
                        out.add(key(ent.text[s:e]))
            prev = ""
            for tok in span:
                w = fold(tok.text)
                if prev in ORG_NOUNS and tok.text[:1].isupper():
                    out.add(key(tok.text))
                prev = w if not tok.is_punct else ""
        return out

    def _sentence(self, sent: Sentence, index: int, lex: Lexicon, state: _DocState) -> list[EntityMention]:
        text = sent.text
        cands = self._literal_candidates(text, lex)
        for item in list(lex.patterns):
            rx, entry, rule = item
            try:
                found = [m.span() for m in rx.finditer(text, timeout=MATCH_TIMEOUT)]
            except TimeoutError:
                lex.patterns.remove(item)  # reported once; the run goes on without it
                self._error(
                    rule,
                    f"entity '{entry.id}': alias pattern {rx.pattern!r} took over {MATCH_TIMEOUT:g} s on one "
                    f"sentence of {sent.doc_id}; not used for the rest of the run",
                )
                continue
            cands.extend(_Cand(a, b, [entry], entry.kind) for a, b in found if b > a)
        cands.extend(self._ner(sent, lex, state))
        chosen = self._choose(cands, index, state.history)
        out = []
        for c, eid, label, src in chosen:
            if not eid:
                continue
            out.append(
                EntityMention(
                    id=eid,
                    text=text[c.start : c.end],
                    start=sent.start + c.start,
                    end=sent.start + c.end,
                    label=label,
                    source=src,
                )
            )
            state.history.append((index, eid))
            display = c.display if c.source == "ner" and not c.declared else eid
            state.display.setdefault(eid, display or eid)
            self._register(state, eid, state.display[eid], label, c)
        return out

    @staticmethod
    def _literal_candidates(text: str, lex: Lexicon) -> list[_Cand]:
        """Declared names and aliases found in the sentence (capital and determiner rules applied)."""
        cands: list[_Cand] = []
        if lex.literal is None:
            return cands
        folded = fold(text)
        for m in lex.literal.finditer(folded):
            kept = []
            for e in lex.by_key.get(key(m.group(0)), []):
                if e.capital and not text[m.start()].isupper():
                    continue
                if e.needs_det and not _DET_BEFORE.search(folded[max(0, m.start() - 12) : m.start()]):
                    continue
                kept.append(e)
            if kept:
                src = (
                    "name"
                    if any(e.kind == "name" for e in kept)
                    else ("alias" if any(e.kind == "alias" for e in kept) else "contextual")
                )
                cands.append(_Cand(m.start(), m.end(), kept, src))
        return cands

    def _choose(self, cands: list[_Cand], index: int, history: list) -> list[tuple]:
        """Non-overlapping candidates, longest first, known entities before unknown NER spans;
        contextual aliases last, once the other mentions of the sentence are known."""
        rank = {"name": 0, "alias": 1, "ner": 2, "contextual": 3}
        cands = sorted(cands, key=lambda c: (c.source == "contextual", -c.length, rank[c.source], c.start))
        taken: list[tuple[int, int]] = []
        chosen: list[tuple[_Cand, str, str, str]] = []
        pending_ctx: list[_Cand] = []
        for c in cands:
            if any(c.start < e and s < c.end for s, e in taken):
                continue
            if c.source == "contextual":
                pending_ctx.append(c)
                continue
            if c.source == "ner":
                eid, label, src = c.ner_id or "", c.ner_label, "ner"
            else:
                e = self._pick(c.entries, index, c.start, history, chosen)
                if e is None:
                    continue
                eid, label, src = e.id, e.label, "alias" if e.kind != "name" else "ner"
            taken.append((c.start, c.end))
            chosen.append((c, eid, label, src))
        for c in sorted(pending_ctx, key=lambda c: c.start):
            if any(c.start < e and s < c.end for s, e in taken):
                continue
            e = self._pick(c.entries, index, c.start, history, chosen)
            if e is None:
                continue
            taken.append((c.start, c.end))
            chosen.append((c, e.id, e.label, "alias"))
        chosen.sort(key=lambda t: (t[0].start, t[0].end))
        return chosen

    @staticmethod
    def _register(state: _DocState, eid: str, display: str, label: str, c: _Cand) -> None:
        """Remember the last word of a full person name (``Altman`` -> Sam Altman) and the first word
        of a multi-word organisation name (``Northbridge`` -> Northbridge United) for later mentions."""
        words = display.split()
        if len(words) < 2:
            return
        capitalised = all(w[:1].isupper() for w in words)
        if label in PERSON_LABELS or (label == "" and capitalised and len(words) <= 3):
            state.surnames.setdefault(key(words[-1]), eid)
        if (
            c.source == "ner"
            and not c.declared
            and label not in PERSON_LABELS
            and capitalised
            and fold(words[0]) not in TITLES
        ):
            state.shortnames.setdefault(key(words[0]), eid)

    @staticmethod
    def _pick(entries: list[Entry], index: int, start: int, history: list, chosen: list) -> Entry | None:
        """Choose the entry for a matched phrase; contextual ones need their entity in context."""
        plain = [e for e in entries if e.kind != "contextual"]
        ids = {e.id for e in plain}
        if len(ids) == 1:
            return plain[0]
        candidates = entries if not plain else plain  # ambiguous plain aliases resolve like contextual ones
        # most recent mention first: this sentence (before the alias), then previous ones
        recent: list[str] = [eid for c, eid, _l, _s in sorted(chosen, key=lambda t: -t[0].start) if c.start < start]
        best: tuple[int, Entry] | None = None
        for e in candidates:
            window_from = index - e.window
            # history is in sentence order: walk back only through the window (not the whole document)
            order = list(recent) + _recent_ids(history, window_from)
            for pos, eid in enumerate(order):
                if eid in e.requires or (not e.requires and eid == e.id):
                    if best is None or pos < best[0]:
                        best = (pos, e)
                    break
        return best[1] if best else None

    def _ner(self, sent: Sentence, lex: Lexicon, state: _DocState) -> list[_Cand]:
        span = sent.tokens
        if span is None:
            return []
        doc = span.doc
        base = sent.annotations.get("block_start", sent.start) - sent.start
        folded = fold(sent.text)
        out: list[_Cand] = []
        if doc.has_annotation("ENT_IOB"):
            spans = [(e, e.label_) for e in span.ents if e.label_ in NER_LABELS]
        else:
            spans = [(s, "") for s in _capitalised_runs(span)]
        for ent, label in spans:
            rs = base + ent.start_char
            raw = sent.text[max(rs, 0) : base + ent.end_char]
            s, e = clean_name(raw)
            # "Governor Maria Okafor": the title is no part of the name, but says it is a person
            s, title = strip_titles(raw, s, e, label)
            name = raw[s:e]
            if len(name) < 2 or not (name[0].isupper() or name[0].isdigit()):
                continue
            k = key(name)
            if k in lex.ignore:
                continue
            before = folded[max(0, rs + s - 30) : max(rs + s, 0)].split()
            after = folded[rs + e : rs + e + 30].split()
            if before and before[-1].rstrip(".") in TITLES:
                title = True
            known = lex.names.get(k)
            declared = known is not None
            display = " ".join(name.split())
            if known is None:
                resolved = self._resolve_short(k, label, title, before, after, state)
                if resolved is not None:
                    known = resolved
                    display = state.display.get(resolved[0], display)
            if known is None:
                if _CONJ.search(name):
                    continue  # "Microsoft et OpenAI" tagged as one span
                first = ent[0] if len(ent) else None
                if first is not None and first.is_stop and label not in PERSON_LABELS and not title:
                    continue
                if sent.section in ("title", "heading") and label not in PERSON_LABELS:
                    continue  # title-case headings fool NER: keep only declared entities there
                lab = "PER" if title and label in ("", "MISC") else label
                if lab in PERSON_LABELS and _LEGAL_END.search(display):
                    lab = "ORG"
                eid = display if lab in PERSON_LABELS else company_id(display)
                eid = entity_id(eid)
            else:
                eid, lab = known[0], known[1] or label
            out.append(_Cand(rs + s, rs + e, [], "ner", ner_id=eid, ner_label=lab, display=display, declared=declared))
        return out

    @staticmethod
    def _resolve_short(
        k: str, label: str, title: bool, before: list[str], after: list[str], state: _DocState
    ) -> tuple[str, str] | None:
        """A lone surname or short company name met after its full form in the document.

        A surname resolves to the person only in a person context (NER PER, a title, a verb of
        persons right after it; for pipelines without NER: anything but an organisation context)
        and never where the string is used as an organisation (tagged ORG in the document, right
        after ``l'enseigne`` / ``la société`` / ``the company``...).
        """
        org_noun = bool(before) and (before[-1] in ORG_NOUNS or (len(before) > 1 and before[-2] in ORG_NOUNS))
        org_ctx = org_noun or (k in state.org_keys and label not in PERSON_LABELS and not title)
        if k in state.surnames and not org_ctx:
            verb = bool(after) and (
                after[0] in PERSON_VERBS or (len(after) > 1 and after[0] in _AUX and after[1] in PERSON_VERBS)
            )
            if label in PERSON_LABELS or title or verb or label == "":
                return state.surnames[k], "PER"
        if k in state.shortnames and not title and label not in PERSON_LABELS:
            return state.shortnames[k], label if label not in ("", "MISC") else ""
        return None


def _recent_ids(history: list, since: int) -> list[str]:
    """Entity ids mentioned from sentence ``since`` on, most recent first.

    ``history`` is in sentence order, so the walk stops at the window's start: the cost is
    the window's mentions, not the document's (a long article has thousands)."""
    out: list[str] = []
    for si, eid in reversed(history):
        if si < since:
            break
        out.append(eid)
    return out


@dataclass
class _DocState:
    """What the annotator remembers while it walks through one document."""

    history: list  # (sentence index, entity id) in order of mention
    surnames: dict  # key of a last name -> person id
    shortnames: dict  # key of the first word of an organisation name -> its id
    display: dict  # id -> first spelling in the document
    org_keys: set  # keys of names used as organisations in the document


@functools.lru_cache(maxsize=1)
def _calendar_words() -> tuple[frozenset[str], frozenset[str]]:
    """(weekday names, month names) of the supported languages, folded, from babel's CLDR data."""
    days: set[str] = set()
    months: set[str] = set()
    for lang in ("en", "fr"):
        for width in ("wide", "abbreviated"):
            days.update(fold(n).rstrip(".") for n in babel.dates.get_day_names(width, locale=lang).values())
            months.update(fold(n).rstrip(".") for n in babel.dates.get_month_names(width, locale=lang).values())
    return frozenset(days), frozenset(months)


def _level_adjective(tok) -> bool:
    """``Regional`` before a common noun (``Regional president X``), not ``National Grid``."""
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    return fold(tok.text) in LEVEL_ADJECTIVES and nxt is not None and nxt.text[:1].islower()


def _name_hyphen(tok, before) -> bool:
    """A hyphen glued between two capitalised words (``Marc-André``): inside the name."""
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    return (
        tok.text == "-"
        and not before.whitespace_
        and not tok.whitespace_
        and before.text[:1].isupper()
        and nxt is not None
        and nxt.text[:1].isupper()
    )


def _capitalised_runs(span) -> list:
    """Proper-noun guess for pipelines without NER: maximal runs of capitalised tokens.
    A weekday is never part of a name ("Tuesday", "on Monday night"), nor is a run of month
    names alone ("March"); a month inside a name stays ("Theresa May")."""
    days, months = _calendar_words()
    runs = []
    cur: list = []
    for tok in span:
        t = tok.text
        cap = t[:1].isupper() and (t.isalpha() or any(ch.isalpha() for ch in t)) and not tok.is_punct
        first = tok.i == span.start or tok.is_sent_start
        if cap and first and (tok.is_stop or _level_adjective(tok)):
            cap = False  # "The", "Regional president X": an ordinary word that starts the sentence
        if cur and _name_hyphen(tok, cur[-1]):
            cur.append(tok)  # "Marc-André", "Jean-Luc": one first name
            continue
        if cap and fold(t).rstrip(".") in days:
            cap = False
        if cap:
            cur.append(tok)
        else:
            if cur:
                runs.append(span.doc[cur[0].i : cur[-1].i + 1])
            cur = []
    if cur:
        runs.append(span.doc[cur[0].i : cur[-1].i + 1])
    return [r for r in runs if not all(fold(t.text).rstrip(".") in months for t in r)]
