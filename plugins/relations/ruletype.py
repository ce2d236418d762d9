"""The ``relation`` rule type: (subject, relation, object) triples and their constraints.

Each YAML rule names a normalised ``relation`` (shared across languages, e.g. ``partner``),
gives token ``patterns`` (``plugins.relations.patterns``) over the sentence with its entity
mentions (filled by the ``entities`` annotator), and declares ``constraints`` (judged in
``plugins.relations.constraints``):

* ``functional: subject|object`` - the argument that has only one value at a time
  (``ceo``: a company has one CEO -> ``object``); ``functional_when: exclusive`` limits
  it to claims with an exclusive qualifier;
* ``exclusive_shared`` - an ``exclusive`` qualifier against a ``shared`` one for the
  same triple (``accès exclusif`` vs ``accès privilégié``);
* ``antonyms`` - relations that contradict this one for the same pair of entities,
  each possibly declared ``compatible`` (partner / competitor);
* polarity (always on): ``X est ...`` against ``X n'est pas / n'est plus ...``.

A pattern with a ``{role}`` slot reads any office held by a person (``plugins.relations.roles``):
the claim's relation is the office the phrase names (``role.prefect``, ``ceo``...) whatever the
rule's ``relation``.  A role with no organisation named takes the article's main subject as
its ``topic``.

Every claim keeps its polarity (negation is never dropped), modality (asserted, hedged,
reported) and time (tense cue, years).  A hedged side lowers the level one step.
"""

from __future__ import annotations

import dataclasses
import json
import re

from checker.aggregate import (
    capped_evidence,
    compare_clusters,
    message_language,
    side_summary,
    sides_explanation,
    summary_message,
)
from checker.i18n.catalog import t
from checker.i18n.choose import finding_language
from checker.model import LEVELS, Claim, Document, EntityMention, Evidence, Finding
from checker.pairing import group_by_keys
from checker.ruletype import RuleType
from plugins.entities.textnorm import fold
from plugins.relations import constraints
from plugins.relations.descriptors import body_of, description_mentions, descriptions
from plugins.relations.patterns import (
    PatternError,
    build_stream,
    compile_source,
    cues,
    may_match_present,
    pattern_source,
    required_words,
    thing_word,
    words_present,
    years,
)
from plugins.relations.roles import (
    IMPLICIT,
    INTERIM_WORDS,
    NOBODY,
    ORG_NOUNS,
    PORTFOLIOS,
    STRONG_ERA_WORDS,
    OfficeIndex,
    document_names,
    era_words,
    main_subject,
    name_tokens,
    office_words_dropped,
    person_shape,
    proper_runs,
    resolve_role,
    split_titled,
    succession_time,
)
from plugins.relations.schema import RELATION_SCHEMA

DEFAULT_LEVELS = {"exclusive_shared": "warning"}
# words that may stand right before a role with no place named ("le maire sortant X", "Governor X")
_IMPLICIT_BEFORE = {
    "le",
    "la",
    "les",
    "l'",
    "un",
    "une",
    "son",
    "sa",
    "ses",
    "leur",
    "notre",
    "votre",
    "ce",
    "cet",
    "cette",
    "the",
    "a",
    "an",
    "its",
    "their",
    "his",
    "her",
    "our",
    "this",
    "that",
    "by",
    "par",
    "with",
    "avec",
    "and",
    "et",
    "said",
    "dit",
    "selon",
    ",",
    "under",
    "sous",
    "when",
    "says",
    "told",
    "from",
    "for",
    "pour",
    "to",
    # a copula before the title: "one of the departures is CFO X", "le vainqueur est le maire X"
    "is",
    "was",
    "est",
    "etait",
}
#: labels a person's name right beside a role may carry when the recogniser got it wrong (the small
#: French model tags "Lucie Barthe" LOC) or missed it (PROPN): a person when it has a person's shape
_MISLABELLED = ("PROPN", "LOC", "MISC")
_NAMED_BEFORE = ("s", "de", "d'", "du", "des", "of")
_TRIPLE_WORDS = {
    "fr": {
        "negative": "négation",
        "exclusive": "exclusif",
        "shared": "non exclusif",
        "hedged": "au conditionnel",
        "reported": "rapporté",
        "of": "de",
    },
    "en": {
        "negative": "negated",
        "exclusive": "exclusive",
        "shared": "not exclusive",
        "hedged": "hedged",
        "reported": "reported",
        "of": "of",
    },
}
_YEAR_SPAN = re.compile(
    r"(?:\b(?:de|from|between|entre)\s+(?:19|20)\d\d\s+(?:a|to|and|et|-)\s+(?:19|20)\d\d\b)"
    r"|(?:\b(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d\b)"
)
_YEAR_AT = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
#: words before a year that say when a relation began, not that it is of another time
_START_WORDS = {"since", "depuis", "joined", "rejoint", "arrive", "arrivee", "hired", "recrute", "recrutee"}
_SCORES = {"polarity": 0.9, "functional": 0.85, "exclusive_shared": 0.7, "antonym": 0.6}


class _PatternIndex:
    """The patterns of some rules (in their order) by the words they require (``required_words``).

    ``candidates(text)`` gives, in rule order then pattern order, the patterns that may match
    the stream ``text``: the words of every pattern are looked for once per stream
    (``words_present``), the patterns are reached through the words of one requirement each
    (so a stream visits only the patterns one of its words can start), and each is then
    decided by all its requirements (``may_match_present``).  Exactly the patterns for which
    ``may_match(needs, text)`` holds: a pattern is compiled the first time a stream holds the
    words it requires, so patterns whose words no article uses cost nothing (their regexes
    are the costly part of start-up)."""

    def __init__(self, rules: list[_Compiled]) -> None:
        self.rules = rules
        self.always: list[tuple[int, int]] = []  # (rule, pattern) with no required word
        self.by_word: dict[str, list[tuple[int, int]]] = {}
        words: set[str] = set()
        for k, comp in enumerate(rules):
            for i, needs in enumerate(comp.needs):
                words.update(w for alts in needs for w in alts)
                if not needs:
                    self.always.append((k, i))
                    continue
                for w in max(
                    needs, key=lambda alts: min(map(len, alts))
                ):  # long words are rare: few patterns reached for nothing
                    self.by_word.setdefault(w, []).append((k, i))
        self.vocabulary = frozenset(words)

    def candidates(self, text: str):
        """``(rule, (regex, mode, swap, negate, qualifier))`` per pattern that may match ``text``."""
        present = words_present(self.vocabulary, text)
        found = set(self.always)
        for w in present:
            found.update(self.by_word.get(w, ()))
        for k, i in sorted(found):
            comp = self.rules[k]
            if may_match_present(comp.needs[i], present):
                yield comp, comp.how(i)


def _down(level: str, steps: int) -> str | None:
    i = LEVELS.index(level) - steps
    return LEVELS[i] if i >= 0 else None


def _qual_key(q: str) -> str:
    return " ".join(fold(q).replace("'", "' ").split())


class _Compiled:
    def __init__(self, rule, ctx):
        self.rule = rule
        self.relation = rule.get("relation")
        self.label = rule.get("label")
        self.qualifier_labels = dict(rule.get("qualifier_labels", {}) or {})
        self.language = (rule.languages or (None,))[0]
        self.symmetric = bool(rule.get("symmetric", False))
        quals = rule.get("qualifiers", {}) or {}
        self.qual_class: dict[str, str] = {
            _qual_key(q): cls for cls in ("exclusive", "shared") for q in quals.get(cls, []) or []
        }
        self.sources: list[tuple[str, tuple]] = []  # (regex source, how it reads); compiled on first use
        self.needs: list[tuple[frozenset[str], ...]] = []  # per source: words a matching stream contains
        self._patterns: list[tuple] | None = None
        self._compiled: dict[int, object] = {}
        self.roles = False  # a pattern has a {role} slot: names the recogniser missed may be its objects
        for item in rule.get("patterns", []):
            self._compile(item if isinstance(item, dict) else {"pattern": item}, ctx)
        self.subject_labels = set(rule.get("subject_labels", []) or [])
        self.object_labels = set(rule.get("object_labels", []) or [])
        self.window = rule.get("context_window", 2)
        c = rule.get("constraints", {}) or {}
        self.functional = c.get("functional")
        self.functional_when = c.get("functional_when", "always")
        self.exclusive_shared = c.get("exclusive_shared", True)
        self.polarity = c.get("polarity", True)
        self.tense = c.get("tense", "match")
        self.antonyms = {a["relation"]: bool(a.get("compatible", False)) for a in c.get("antonyms", []) or []}
        self.levels = dict(DEFAULT_LEVELS)
        self.levels.update(c.get("levels", {}) or {})

    def _compile(self, item: dict, ctx) -> None:
        rule = self.rule
        try:
            source, slots = pattern_source(item["pattern"], list(self.qual_class))
        except PatternError as exc:
            ctx.error(rule.path, f"rule '{rule.id}': pattern {item['pattern']!r}: {exc}", line=rule.line, kind="rule")
            return
        mode = item.get("object", "slot")
        if mode == "slot" and not slots & {"obj", "thing"}:
            ctx.error(
                rule.path,
                f"rule '{rule.id}': pattern {item['pattern']!r} has no {{obj}} (add one, or set object: context)",
                line=rule.line,
                kind="rule",
            )
            return
        how = (
            mode,
            bool(item.get("swap", False)),
            bool(item.get("negate", False)),
            item.get("qualifier"),
            bool(item.get("epithet", False)),
        )
        self.sources.append((source, how))
        self.needs.append(required_words(item["pattern"]))
        self.roles = self.roles or "role" in slots

    @property
    def patterns(self) -> list[tuple]:
        """``(regex, mode, swap, negate, qualifier)`` per pattern, compiled the first time a document needs them."""
        if self._patterns is None:
            self._patterns = [(self._regex(i), *how) for i, (_, how) in enumerate(self.sources)]
        return self._patterns

    def how(self, i: int) -> tuple:
        """``(regex, mode, swap, negate, qualifier)`` of pattern ``i``, compiled the first time it is asked for."""
        return (self._regex(i), *self.sources[i][1])

    def _regex(self, i: int):
        rx = self._compiled.get(i)
        if rx is None:
            rx = self._compiled[i] = compile_source(self.sources[i][0])
        return rx

    def level(self, constraint: str) -> str:
        return self.levels.get(constraint, self.rule.level)


class RelationRuleType(RuleType):
    name = "relation"
    requires = ("entities",)
    order = 100
    schema = RELATION_SCHEMA
    placeholders = (
        "constraint",
        *(
            f"{side}.{key}"
            for side in ("a", "b")
            for key in (
                "value",
                "doc",
                "quote",
                "subject",
                "relation",
                "object",
                "polarity",
                "modality",
                "qualifier",
                "time.tense",
                "time.years",
                "time.change",
                "names.subject",
                "names.object",
                "office",
                "role",
                "unique",
                "complement",
                "era",
                "role_time",
                "topic",
                "topic_name",
                "topic_near",
                "org_noun",
                "offices",
                "moving",
            )
        ),
    )

    @classmethod
    def check_rule(cls, body):
        """Read every pattern when the rule is loaded, so ``rules validate`` names bad ones (compiling waits)."""
        quals = [_qual_key(q) for group in (body.get("qualifiers") or {}).values() for q in (group or [])]
        problems = []
        for i, item in enumerate(body.get("patterns") or []):
            item = {"pattern": item} if isinstance(item, str) else item
            try:
                _, slots = pattern_source(item["pattern"], quals)
            except PatternError as exc:
                problems.append((("patterns", i), str(exc)))
                continue
            if item.get("object", "slot") == "slot" and not slots & {"obj", "thing"}:
                problems.append((("patterns", i), "pattern has no {obj} (add one, or set object: context)"))
        return problems

    def setup(self, rules, ctx) -> None:
        super().setup(rules, ctx)
        self.compiled = [_Compiled(r, ctx) for r in rules]
        self._indexes: dict[tuple[int, ...], _PatternIndex] = {}  # by the ids of the rules read together
        self.by_relation: dict[str, list[_Compiled]] = {}
        for c in self.compiled:
            self.by_relation.setdefault(c.relation, []).append(c)

    # -- extraction ------------------------------------------------------------------
    def _index(self, active: list[_Compiled]) -> _PatternIndex:
        """The pattern index of these rules (in this order), built once per set of rules."""
        key = tuple(id(c) for c in active)
        if key not in self._indexes:
            self._indexes[key] = _PatternIndex(active)
        return self._indexes[key]

    def extract(self, doc: Document, rules) -> list[Claim]:
        claims: list[Claim] = []
        # rules naming their relation first: a general {role} claim only adds what they do not read
        active = sorted(
            (c for c in self.compiled if c.rule.applies_to(doc.language) and c.sources), key=lambda c: c.roles
        )
        if not active:
            return claims
        topic = main_subject(doc)
        known = document_names(doc)
        # names the recogniser missed are arguments of every rule (never the holder of a role)
        # (not in headings: title case fools the capitalisation, as it fools the recogniser)
        extras = [proper_runs(s, known) if s.section not in ("title", "heading") else [] for s in doc.sentences]
        learned = descriptions(doc, [list(s.entities) + x for s, x in zip(doc.sentences, extras)])
        index = self._index(active)
        for i, sent in enumerate(doc.sentences):
            extra = extras[i]
            # "la métropole" after "la métropole de Lancrais": Lancrais
            extra = extra + description_mentions(sent, list(sent.entities) + extra, learned)
            if len(sent.entities) == 0 and not extra:
                continue
            # "Kestrel CEO Anna Berg" read as one name: Kestrel, the title, Anna Berg
            mentions = office_words_dropped(sent, split_titled(list(sent.entities) + extra))
            # "Dutch group NordGrid", "US conglomerate X": the nationality is no argument, the name is
            mentions = _nationalities_dropped(sent, mentions)
            stream = build_stream(sent, mentions=mentions)
            seen: set[tuple] = set()
            words = stream.text.split(" ")
            for comp, (rx, *how) in index.candidates(stream.text):
                for m in rx.finditer(stream.text):
                    claim = self._claim(doc, i, sent, stream, words, comp, m, how, topic)
                    if claim is None:
                        continue
                    v = claim.value
                    # a role of a body the phrase names ("regional president") is its own claim
                    sig = (v["relation"], v["subject"], v["object"], v["polarity"], v.get("complement"))
                    if sig in seen:
                        continue
                    seen.add(sig)
                    claims.append(claim)
        if self.ctx is not None:
            self.ctx.add_stat("relation", "triples", len(claims))
        return claims

    @staticmethod
    def _implicit_ok(sent, stream, words, first_tok, set_off: bool = False) -> bool:
        """'Governor X', 'le maire sortant X': no organisation named right before the role."""
        prev = words[first_tok - 1] if first_tok > 0 else ""
        if prev.startswith("§") or prev in _NAMED_BEFORE:
            return False  # "Northbridge manager X", "the club's manager X": the object is named
        if set_off and words[first_tok] in _ARTICLES:
            return True  # "a réagi le fondateur, X": an article opens a role set off by a comma
        if prev and prev[0].isalpha() and prev not in _IMPLICIT_BEFORE:
            p_start = stream.spans[first_tok - 1][0]
            if not sent.text[p_start : p_start + 1].isupper():
                return False  # "general manager X", "sales manager X": another role, not the one of the rule
        return True

    def _arguments(self, doc, index, sent, stream, words, comp, m, mode, swap):
        subj = stream.mentions[int(m.group("subj"))]
        if mode == "implicit":
            first = stream.token_range(m.start(), m.end())[0]
            set_off = " , " in m.group(0)
            if stream.spans[first][0] != subj.start - sent.start and not self._implicit_ok(
                sent, stream, words, first, set_off
            ):
                return None
            obj = EntityMention(id=IMPLICIT, text="", start=subj.start, end=subj.start, label="")
        elif mode == "none":
            obj = EntityMention(id=NOBODY, text=NOBODY, start=subj.start, end=subj.start, label="")
        elif mode == "context":
            at = stream.spans[stream.token_range(m.start(), m.end())[0]][0]
            obj = self._context_object(doc, index, sent, subj, at, comp, stream.mentions)
            if obj is None:
                return None
        elif m.groupdict().get("thing"):
            obj = _thing_mention(sent, stream, m)
            if obj is None:
                return None
        else:
            obj = stream.mentions[int(m.group("obj"))]
        if swap:
            subj, obj = obj, subj
        if subj.id == obj.id:
            return None
        if (
            comp.subject_labels
            and subj.label
            and subj.label not in comp.subject_labels
            and not (comp.roles and subj.label in _MISLABELLED and person_shape(subj.text))
        ):
            return None
        if comp.object_labels and obj.label and obj.label not in comp.object_labels:
            return None
        return subj, obj

    def _role(self, sent, stream, m, doc):
        """The office of a ``{role}`` match (None: the phrase names no office), with its spelling."""
        first, last = stream.token_range(*m.span("role"))
        pos = _pos_of(sent, stream.spans[first][0], stream.spans[last][1])
        role = resolve_role(m.group("role"), doc.language, pos)
        if role is None:
            return None
        return role, " ".join(sent.text[stream.spans[first][0] : stream.spans[last][1]].split())

    def _claim(self, doc, index, sent, stream, words, comp: _Compiled, m, how, topic) -> Claim | None:
        mode, swap, negate, stated, epithet = how
        role = None
        if "role" in m.groupdict() and m.group("role"):
            role = self._role(sent, stream, m, doc)
            if role is None:
                return None
        if role is not None and _name_right_after_role(m) and not role[0].of_phrase:
            return None  # "la présidente de la région Occitanie" yes; "le directeur Ardelis" no
        if not _phrase_ends(stream.text, m, mode):
            return None
        args = self._arguments(doc, index, sent, stream, words, comp, m, mode, swap)
        if args is None:
            return None
        subj, obj = args
        got = _capitalised_object(doc, m, role, subj, obj)
        if got is None:
            return None
        role, obj, org_word = got
        first, last = stream.token_range(m.start(), m.end())
        skip = range(0)
        if m.groupdict().get("appo"):
            skip = range(*stream.token_range(*m.span("appo")))  # its negation or tense is not the claim's
            skip = range(skip.start, skip.stop + 1)
        window = [w for k, w in enumerate(words[: last + 1]) if k >= first - 3 and k not in skip and w[:1] != "§"]
        cue = self._morph(sent, stream, first, last, _apposed(cues(window, words), words, first, last, skip))
        if negate:
            cue = dict(cue, negative=True, changed=True, tense="present")
        if mode == "none":
            if cue["negative"]:
                return None  # "not an independent company": some parent, not named
            cue = dict(cue, negative=True)  # "an independent company": the subject is no one's subsidiary
        value = self._value(sent, stream, comp, m, subj, obj, cue, (first, last))
        self._mark_tense(value, sent, stream, window, (first, last), negate)
        if stated and value["qualifier"] is None:
            value["qualifier"] = stated
        if epithet:
            value["epithet"] = True  # "its partner X", "rival X": the article's own word for the relationship
        if cue["changed"]:
            # a succession ("Z replaced X as ...") is its own statement, apart from "X is no longer ..."
            value["time"]["change"] = "replaced" if negate else "no longer"
        if role is not None:
            self._add_role(value, role, words)
            if not value.get("role_time"):
                # "La nouvelle directrice générale, X", "the outgoing mayor, X": the word before the office
                role_first = stream.token_range(*m.span("role"))[0]
                if when := succession_time(words[max(0, role_first - 2) : role_first]):
                    value["role_time"] = when
        _mark_body(value, doc, sent, stream, m, role, obj, org_word)
        if role is not None or value["relation"].startswith("role.") or value["relation"] == "ceo":
            _mark_era(value, words, window, role, words[last + 1 : last + 4])
        if obj.id == IMPLICIT and topic is not None and topic[0] != subj.id:
            value["topic"], value["topic_name"] = topic
            if _named_just_before(doc, index, subj, topic[0]):
                value["topic_near"] = True  # "Calder Yards has won ... . Chief Executive Officer Tom Hale said"
        start = sent.start + stream.spans[first][0]
        end = sent.start + stream.spans[last][1]
        return Claim(
            kind="relation",
            doc_id=doc.id,
            sentence=sent,
            start=start,
            end=end,
            keys=self._keys(comp, value),
            value=value,
            rule_id=comp.rule.id,
            data=comp,
        )

    def _mark_tense(self, value: dict, sent, stream, window, span: tuple[int, int], negate: bool) -> None:
        """The claim's time from the words around it: an appointment holds now, a start year
        ("who joined in 2020") is held since, a tenure with its end ("de 2014 à 2020") ended."""
        first, last = span
        if value["time"]["tense"] == "past" and _appointed(window) and not value["time"]["years"]:
            value["time"]["tense"] = "present"  # "X was named CEO of Y": X holds the office now
        if value["time"]["years"] and self._start_years(sent, stream, first, last):
            value["years_start"] = True  # "X, who joined in 2020": held since then, held now
        if self._ended(sent, stream, first, last) and not negate:
            value["time"]["tense"] = "past"  # "président de la métropole de 2014 à 2020": a tenure that ended

    def _value(self, sent, stream, comp, m, subj, obj, cue, span) -> dict:
        qual = None
        for gname, val in m.groupdict().items():
            if gname.startswith("qual") and val:
                qual = comp.qual_class.get(val)
                break
        s_id, o_id = subj.id, obj.id
        shown = sent.annotations.get("entity_names", {}) or {}
        s_name, o_name = shown.get(s_id) or subj.text or s_id, shown.get(o_id) or obj.text or o_id
        if comp.symmetric and o_id < s_id:
            s_id, o_id, s_name, o_name = o_id, s_id, o_name, s_name
        return {
            "subject": s_id,
            "relation": comp.relation,
            "object": o_id,
            "polarity": "negative" if cue["negative"] else "positive",
            "modality": cue["modality"],
            "qualifier": qual,
            "time": {"tense": cue["tense"], "years": self._years(sent, stream, *span)},
            "names": {"subject": s_name, "object": o_name},
        }

    @staticmethod
    def _add_role(value: dict, role_and_text, words) -> None:
        role, text = role_and_text
        value["relation"] = role.relation
        value["office"] = role.office
        value["role"] = text
        value["unique"] = role.unique
        if role.complement:
            value["complement"] = role.complement
        if role.also:
            value["offices"] = list(role.also)  # "chairman and chief executive": both offices, one person
        if role.time:
            value["role_time"] = role.time
            if role.time == "past":
                value["time"]["tense"] = "past"

    def _keys(self, comp: _Compiled, value: dict) -> tuple[str, ...]:
        s_id, o_id, rel = value["subject"], value["object"], value["relation"]
        keys = [f"pair:{min(s_id, o_id)}|{max(s_id, o_id)}"]
        objects = [o_id] + ([value["topic"]] if value.get("topic") else [])
        for c in self.by_relation.get(comp.relation, []):
            if c.functional:
                for o in objects if c.functional == "object" else [s_id]:
                    keys.append(f"fn:{rel}:{c.functional}:{o}")
        if "office" in value or rel.startswith("role.") or rel == "ceo":
            for o in objects:
                keys.append(f"fn:{rel}:object:{o}")
                keys.append(f"fn:role.*:object:{o}")
            surname = name_tokens(value["names"].get("subject") or s_id)[-1:]
            if surname and value["polarity"] == "positive":
                keys.append(f"holder:{surname[0]}")  # one person given two offices (at two bodies)
        return tuple(dict.fromkeys(keys))

    @staticmethod
    def _years(sent, stream, first, last) -> list[int]:
        """Years that date the relation: in the matched stretch or the few words around it
        (``qui a racheté Genlys en 2021``, ``n'est plus maire depuis 2020``), not any year of the
        sentence (``..., avait lancé le programme en 2019`` says nothing of the role's time)."""
        lo = stream.spans[max(0, first - 2)][0]
        hi_tok = min(len(stream.spans) - 1, last + 5)
        hi = stream.spans[hi_tok][1]
        return years(sent.text[lo:hi])

    @staticmethod
    def _start_years(sent, stream, first, last) -> bool:
        """Every year that dates the claim says when it began (``since 2020``, ``who joined in 2020``,
        ``en poste depuis 2021``): the relation still holds, as without a year."""
        lo = stream.spans[max(0, first - 2)][0]
        hi = stream.spans[min(len(stream.spans) - 1, last + 5)][1]
        text = fold(sent.text[lo:hi])
        found = list(_YEAR_AT.finditer(text))
        return bool(found) and all(set(text[: y.start()].split()[-3:]) & _START_WORDS for y in found)

    @staticmethod
    def _ended(sent, stream, first, last) -> bool:
        """The words around the claim state a span of two years (``de 2014 à 2020``, ``from 2008 to
        2014``, ``2016-2021``): a time that ended, not the present."""
        lo = stream.spans[max(0, first - 2)][0]
        hi = stream.spans[min(len(stream.spans) - 1, last + 6)][1]
        return bool(_YEAR_SPAN.search(fold(sent.text[lo:hi])))

    @staticmethod
    def _morph(sent, stream, first, last, cue):
        """Conditional mood (``serait``, ``pourrait``) from the parser's morphology when available."""
        span = sent.tokens
        if span is None or cue["modality"] == "hedged":
            return cue
        base = sent.annotations.get("block_start", sent.start)
        lo = sent.start + stream.spans[first][0]
        hi = sent.start + stream.spans[last][1]
        for tok in span:
            pos = base + tok.idx
            if lo <= pos < hi and "Cnd" in tok.morph.get("Mood"):
                cue = dict(cue, modality="hedged")
                break
        return cue

    def _context_object(self, doc, index, sent, subj, before: int, comp: _Compiled, here=None):
        """Most recent organisation-like mention other than the subject, for anaphoric objects
        (``ces technologies``, ``son concurrent X``): an ORG first, else (the sm French model tags
        companies LOC or MISC) a name without digits (not a product such as ``GPT-4``).  A rule that
        reads only its sentence (``context_window: 0``: ``son concurrent X``) reads it as its stream
        does (``here``: with the names the recogniser missed, without nationalities)."""
        mine = here if here is not None and comp.window == 0 else sent.entities
        pool = [m for m in mine if m.end - sent.start <= before]
        for j in range(index - 1, max(-1, index - 1 - comp.window), -1):
            pool = list(doc.sentences[j].entities) + pool
        pool = [m for m in pool if m.id != subj.id]
        if comp.object_labels:
            found = [m for m in pool if m.label in comp.object_labels]
            return found[-1] if found else None
        for ok in (
            lambda m: m.label == "ORG",
            lambda m: m.label in ("MISC", "LOC", "", "PROPN") and not any(ch.isdigit() for ch in m.text),
        ):
            found = [m for m in pool if ok(m)]
            if found:
                return found[-1]
        return None

    # -- comparison ------------------------------------------------------------------
    def pair(self, claims, rules):
        assert self.ctx is not None
        claims = self._stakes_resolved(self._holders_resolved(list(claims)))
        return group_by_keys(_told_together(_offices_held(claims)), self.ctx)

    def _stakes_resolved(self, claims: list[Claim]) -> list[Claim]:
        """A stake in "the company" (``X, actionnaire minoritaire de la compagnie``) is in the one company
        the holder's stake is named in elsewhere in the story (``X owns 65% of Y``): the same holder, the
        same relation, one named company only (a holder with stakes in two stays unresolved)."""
        explicit: dict[str, dict[str, str]] = {}
        for c in claims:
            v = c.value
            if v["relation"] == "stake" and v["object"] != IMPLICIT and v["polarity"] == "positive":
                explicit.setdefault(v["subject"], {})[v["object"]] = v["names"].get("object") or v["object"]
        out = []
        for c in claims:
            v = c.value
            found = explicit.get(v["subject"], {}) if v["relation"] == "stake" and v["object"] == IMPLICIT else {}
            if len(found) != 1 or v["polarity"] != "positive":
                out.append(c)
                continue
            ((obj, shown),) = found.items()
            value = {**v, "object": obj, "names": {**v["names"], "object": shown}, "object_from": "holder"}
            for k in ("topic", "topic_name", "topic_near"):
                value.pop(k, None)
            out.append(dataclasses.replace(c, value=value, keys=self._keys(c.data, value)))
        return out

    def _holders_resolved(self, claims: list[Claim]) -> list[Claim]:
        """A role with no organisation named (``La préfète Hélène Castaing``) takes the one its holder
        is given elsewhere in the corpus (``La préfète de la Drôme, Hélène Castaing``): the same person
        (under any of their names), the same office, one organisation only."""
        explicit = [c for c in claims if _role_value(c.value) and c.value["object"] != IMPLICIT]
        out = []
        for c in claims:
            v = c.value
            if not _role_value(v) or v["object"] != IMPLICIT or v["polarity"] != "positive":
                out.append(c)
                continue
            found = {
                e.value["object"]: e.value["names"].get("object")
                for e in explicit
                if e.value["polarity"] == "positive"
                and e.value["time"]["tense"] != "past"
                and constraints.office_match(v, e.value, None) == "same"
                and constraints.same_subject(v, e.value)
            }
            if len(found) != 1:
                out.append(c)
                continue
            ((obj, shown),) = found.items()
            value = {**v, "object": obj, "names": {**v["names"], "object": shown or obj}, "object_from": "holder"}
            for k in ("topic", "topic_name", "topic_near"):
                value.pop(k, None)
            out.append(dataclasses.replace(c, value=value, keys=self._keys(c.data, value)))
        return out

    @staticmethod
    def _signature(c: Claim) -> tuple:
        """Everything ``judge`` reads from a claim: rule, normalised triple, polarity,
        modality, qualifier, time.  Equal signatures = one value cluster (same keys too)."""
        value = {k: v for k, v in c.value.items() if k not in ("names", "topic_name")}  # display only
        return (c.keys, c.data.rule.id, json.dumps(value, sort_keys=True, ensure_ascii=False))

    def compare(self, groups, rules) -> list[Finding]:
        """Each pair of distinct value clusters sharing a group is judged once, on representatives;
        several triples of the same sentences (several rules) give one finding per constraint."""
        assert self.ctx is not None
        offices = OfficeIndex(self.ctx)
        return compare_clusters(
            groups,
            self._signature,
            lambda side_a, side_b: self._judge(side_a[0], side_b[0], side_a, side_b, nearest=offices.nearest),
            self.ctx,
            kind="relation",
            identity=lambda f: (f.explanation["constraint"], tuple((e.doc_id, e.start) for e in f.evidence)),
            rank=self._rank,
        )

    def _rank(self, f: Finding) -> tuple[int, int]:
        """Which of two findings on the same sentences to keep: the higher level, then the rule
        loaded last (a story pack's rule over the built-in general one that read the same words)."""
        order = getattr(self, "_order", None)
        if order is None:
            order = self._order = {c.rule.id: i for i, c in enumerate(self.compiled)}
        return LEVELS.index(f.level), order.get(f.rule_id, -1)

    def _judge(
        self, a: Claim, b: Claim, side_a: list[Claim] | None = None, side_b: list[Claim] | None = None, nearest=None
    ) -> Finding | None:
        va, vb = a.value, b.value
        verdict = constraints.judge(va, vb, a.data, b.data, nearest)
        if verdict is None:
            return None
        if verdict.key == "two_offices":
            verdict.args.update(quote_a=a.text, quote_b=b.text)
        rule_c: _Compiled = verdict.rule or a.data
        hedged = (va["modality"] == "hedged") + (vb["modality"] == "hedged")
        level = _down(constraints.lower(rule_c.level(verdict.constraint), verdict.cap), hedged)
        if level is None:
            return None
        lang = finding_language(self.ctx, [a.doc_id, b.doc_id], fallback=a.sentence.language if a.sentence else None)
        said = message_language(rule_c.rule, a, self.ctx, [a.doc_id, b.doc_id])  # a rule's template keeps its language
        shown_a, shown_b = self._triple(va, a.data, said), self._triple(vb, b.data, said)
        explanation = {
            "reason": verdict.reason(lang),
            "constraint": verdict.constraint,
            "triples": [va, vb],
            "matched": [a.text, b.text],
            "hedged_sides": hedged,
        }
        side_a, side_b = side_a or [a], side_b or [b]
        explanation["sides"] = sides_explanation([side_a, side_b], [shown_a, shown_b], whole_sentence=True)
        message, evidence = self._message(
            rule_c.rule, a, b, (shown_a, shown_b), (side_a, side_b), verdict.constraint, said
        )
        score = _SCORES[verdict.constraint] * 0.7**hedged
        return Finding(
            rule_id=rule_c.rule.id,
            kind=self.name,
            level=level,
            message=message,
            evidence=evidence,
            score=score,
            explanation=explanation,
        )

    def _message(self, rule, a: Claim, b: Claim, shown, sides, constraint, lang: str = "en"):
        shown_a, shown_b = shown
        side_a, side_b = sides
        docs = self.ctx.documents if self.ctx else {}
        name = lambda d: docs[d].name if d in docs else d  # noqa: E731
        message = rule.format_message(
            a={"value": shown_a, "doc": name(a.doc_id), "quote": a.text, **a.value},
            b={"value": shown_b, "doc": name(b.doc_id), "quote": b.text, **b.value},
            constraint=constraint,
        ) or t(
            "relation.default",
            lang,
            constraint=t(f"relation.constraint.{constraint}", lang),
            a=shown_a,
            doc_a=name(a.doc_id),
            b=shown_b,
            doc_b=name(b.doc_id),
        )
        evidence = [Evidence.from_claim(a, whole_sentence=True), Evidence.from_claim(b, whole_sentence=True)]
        if len(side_a) > 1 or len(side_b) > 1:
            evidence = capped_evidence(side_a, whole_sentence=True) + capped_evidence(side_b, whole_sentence=True)
            parts = [
                side_summary(len(side), s, [name(c.doc_id) for c in side], lang)
                for side, s in ((side_a, shown_a), (side_b, shown_b))
            ]
            tail = "" if rule.message else t(f"relation.constraint.{constraint}", lang)
            message = summary_message(rule, parts, tail, lang)
        return message, evidence

    @staticmethod
    def _triple(v: dict, compiled: _Compiled | None = None, lang: str | None = None) -> str:
        """The triple as a reader of ``lang`` (default: the rule's language) sees it:
        ``Valmont — fournisseur de — Dorval (exclusif)``.

        Without a ``label`` in the rule, the relation name reads in words (``exclusive rights``);
        a general role reads as the article wrote it (``préfète de``).
        """
        lang = lang or (compiled.language if compiled is not None else None) or "en"
        words = _TRIPLE_WORDS.get(lang, _TRIPLE_WORDS["en"])
        label = constraints.label(v, compiled)
        if v.get("role"):
            label = f"{v['role']} {words['of']}"
        notes = []
        if v["polarity"] == "negative":
            notes.append(words["negative"])
        if v.get("qualifier"):
            names = compiled.qualifier_labels if compiled is not None else {}
            notes.append(names.get(v["qualifier"]) or words.get(v["qualifier"], v["qualifier"]))
        if v.get("modality") and v.get("modality") != "asserted":
            notes.append(words.get(v["modality"], v["modality"]))
        tail = f" ({', '.join(notes)})" if notes else ""
        return f"{constraints.name(v, 'subject')} — {label} — {constraints.name(v, 'object')}{tail}"


#: endings of English adjectives of nationality (Dutch, German, Japanese, Swedish, Belgian)
_DEMONYM_END = ("ese", "ish", "ian", "an", "ch")
_DEMONYMS = {"us", "u.s.", "uk", "u.k.", "swiss", "greek", "thai", "israeli", "iraqi", "pakistani", "saudi"}
_LOWER_WORD = re.compile(r"[a-z][a-z-]*$")
#: nouns of a description standing right before a company's name (``Dutch group``, ``its Japanese partner``)
_DESCRIBED = {
    "group",
    "firm",
    "company",
    "maker",
    "carmaker",
    "automaker",
    "conglomerate",
    "giant",
    "partner",
    "rival",
    "competitor",
    "bank",
    "insurer",
    "lender",
    "airline",
    "carrier",
    "retailer",
    "operator",
    "supplier",
    "manufacturer",
    "developer",
    "startup",
    "start-up",
    "investor",
    "fund",
    "utility",
    "subsidiary",
    "unit",
    "owner",
    "buyer",
}


def _nationalities_dropped(sent, mentions: list) -> list:
    """Without the one-word mentions that are an adjective of nationality before the noun of a
    description and a name (``a subsidiary of Dutch group NordGrid``, ``its Japanese partner Sanwa``,
    ``US conglomerate Marston``): the words stay in the stream, the name is the argument."""
    ordered = sorted(mentions, key=lambda m: m.start)
    out = []
    for i, m in enumerate(ordered):
        word = fold(m.text)
        nxt = ordered[i + 1] if i + 1 < len(ordered) else None
        if nxt is not None and m.label not in ("PER", "PERSON") and _describes(sent, m, nxt, word):
            continue
        out.append(m)
    return out


_BASED = re.compile(r"\s*[-\u2010\u2011\u2013]\s*based$")


def _describes(sent, m, nxt, word: str) -> bool:
    """``m`` is an adjective of the description of the name ``nxt``: a nationality (``Dutch group``)
    or the place a body is based in (``Denver-based aerospace group``, ``Montreal-based Groupe
    Sanitek``), lower-case words between."""
    between = sent.text[m.end - sent.start : nxt.start - sent.start].split()
    if between and _BASED.match(between[0]):
        between = between[1:]  # "-based aerospace group"
        if not between:
            return True  # "Montreal-based Groupe Sanitek": the place a named body is based in
        shaped = True
    else:
        shaped = " " not in m.text.strip() and (
            word in _DEMONYMS or (m.text[:1].isupper() and word.endswith(_DEMONYM_END))
        )
    return (
        shaped and 1 <= len(between) <= 3 and all(_LOWER_WORD.match(w) for w in between) and between[-1] in _DESCRIBED
    )


def _org_word(text: str) -> bool:
    """A mention that is one common noun of a body (``Plant`` starting a sentence, ``Council``)."""
    words = text.split()
    return len(words) == 1 and fold(words[0]) in ORG_NOUNS


def _thing_mention(sent, stream, m) -> EntityMention | None:
    """The argument a ``{thing}`` match stands for: the common noun itself (``the race``), one
    argument for every article that calls the thing by that noun."""
    word = m.group("thing")
    if not thing_word(word):
        return None
    first = stream.token_range(*m.span("thing"))[0]
    s, e = stream.spans[first]
    written = sent.text[s:e].rstrip("'’")
    return EntityMention(id=f"the {word}", text=f"({written})", start=sent.start + s, end=sent.start + e, label="THING")


def _apposed(cue: dict, words: list[str], first: int, last: int, skip: range) -> dict:
    """The tense of a claim set off by a comma right after its subject (``X, the sole supplier of
    Y``): the apposition's own words, not the verb of the clause around the name (``the money went
    through X, the sole supplier of Y`` says nothing of when X supplies Y)."""
    if first + 1 > last or words[first][:1] != "§" or words[first + 1] != ",":
        return cue
    own = [w for k, w in enumerate(words[first : last + 1], first) if k not in skip and w[:1] != "§"]
    return dict(cue, tense=cues(own, words)["tense"]) if not cue["changed"] else cue


#: verbs of taking an office: "X was named CEO" says X holds it from then on
_APPOINTED = {
    "named",
    "appointed",
    "elected",
    "re-elected",
    "promoted",
    "nomme",
    "nommee",
    "elu",
    "elue",
    "reelu",
    "reelue",
    "designe",
    "designee",
}
#: words that keep such a claim in the past ("X had been named", "the former CEO")
_STILL_PAST = {"had", "avait", "former", "ancien", "ancienne", "then", "alors", "once"}


def _appointed(window: list[str]) -> bool:
    return bool(set(window) & _APPOINTED) and not set(window) & _STILL_PAST


def _name_right_after_role(m) -> bool:
    """The matched ``{obj}`` follows the ``{role}`` phrase with nothing between them."""
    if "obj" not in m.groupdict() or m.group("obj") is None:
        return False
    at = m.start("obj") - 1  # the entity marker before the mention's number
    return at > m.end("role") and m.string[m.end("role") : at].strip() == ""


#: words of a sentence that move a person from one office to another (a promotion, a hand-over):
#: the offices it names are not two offices held at once
_MOVING = {
    "devient",
    "deviendra",
    "devenir",
    "becomes",
    "become",
    "became",
    "succeed",
    "succeeds",
    "succeeded",
    "succede",
    "succedera",
    "remplace",
    "remplacera",
    "replace",
    "replaces",
    "replaced",
    "promoted",
    "promu",
    "promue",
    "appointed",
    "named",
    "nomme",
    "nommee",
    "designe",
    "designee",
    "elected",
    "elu",
    "elue",
    "partir",
    "prendra",
    "interim",
    "acting",
}
#: what may follow a role's organisation noun when the noun ends the match: the end of the phrase
_AFTER_ORG_NOUN = {
    ",",
    ".",
    ";",
    ":",
    "!",
    "?",
    ")",
    "»",
    '"',
    "said",
    "says",
    "told",
    "a",
    "dit",
    "since",
    "depuis",
    "until",
}
_ARTICLES = {"the", "le", "la", "l'"}
#: what may follow the noun of a relation with no one (``an independent company``): the phrase ends,
#: or a clause on the company itself begins (not ``owned by``, ``du groupe X``)
_AFTER_NO_ONE = _AFTER_ORG_NOUN | {"that", "which", "qui", "founded", "fondee", "with", "avec", "sans"}


def _org_noun_ends(text: str, m) -> bool:
    """The match ends its noun phrase: nothing but punctuation (or a verb of saying) follows
    (``X, président du groupe, a dit`` yes; ``X, président du groupe Ardelis`` or ``... du conseil
    régional`` no), unless it ends on the holder (``the trust's chief executive, Dr X``)."""
    if m.end() == m.end("subj"):
        return True
    rest = text[m.end() :].split(" ", 2)
    nxt = rest[1] if len(rest) > 1 else ""
    return nxt == "" or nxt in _AFTER_ORG_NOUN


def _phrase_ends(text: str, m, mode: str) -> bool:
    """The common noun of a body (``{org}``), or an office with nothing named after it, ends its noun
    phrase: ``président du groupe Ardelis``, ``the council's budget``, ``X, the mayor of Y`` are not
    the article's body nor an office of nothing named."""
    if m.groupdict().get("org") and not _org_noun_ends(text, m):
        return False
    if mode == "none":
        rest = text[m.end() :].split(" ", 2)
        return len(rest) < 2 or rest[1] in _AFTER_NO_ONE  # "an independent company, ..." not "... owned by X"
    ends_on_role = mode == "implicit" and m.groupdict().get("role") and m.end() == m.end("role")
    return not ends_on_role or _org_noun_ends(text, m)


def _offices_held(claims: list[Claim]) -> list[Claim]:
    """Each role claim learns every office its article gives the same person now (``held``): an
    article that calls X both chairman and chief executive never conflicts with one that says either."""
    by_doc: dict[str, list[dict]] = {}
    for c in claims:
        if _role_value(c.value) and c.value["polarity"] == "positive" and c.value["time"]["tense"] != "past":
            by_doc.setdefault(c.doc_id, []).append(c.value)
    out = []
    for c in claims:
        v = c.value
        if not any(e is v for e in by_doc.get(c.doc_id, ())):
            out.append(c)
            continue
        held = {
            o
            for e in by_doc[c.doc_id]
            if constraints.same_subject(v, e)
            for o in [e["relation"], e.get("office"), *(e.get("offices") or ())]
            if o
        }
        if held - {v["relation"], v.get("office"), *(v.get("offices") or ())}:
            c = dataclasses.replace(c, value={**v, "held": sorted(held)})
        out.append(c)
    return out


def _told_together(claims: list[Claim]) -> list[Claim]:
    """Each claim of a symmetric relation (partner, competitor) learns the other symmetric relations
    its article gives the same two entities now (``told``): an article that calls two companies
    partners and rivals sees no contradiction in it, so neither conflicts with the other from another
    article.  (An acquisition read both ways, ``acquirer`` and ``acquired_by``, is one statement.)"""
    told: dict[tuple, set[str]] = {}
    for c in claims:
        v = c.value
        symmetric = getattr(c.data, "symmetric", False)
        if symmetric and not _role_value(v) and v["polarity"] == "positive" and v["time"]["tense"] != "past":
            told.setdefault((c.doc_id, frozenset((v["subject"], v["object"]))), set()).add(v["relation"])
    out = []
    for c in claims:
        v = c.value
        others = told.get((c.doc_id, frozenset((v["subject"], v["object"]))), set()) - {v["relation"]}
        if others and getattr(c.data, "symmetric", False) and not _role_value(v):
            c = dataclasses.replace(c, value={**v, "told": sorted(others)})
        out.append(c)
    return out


def _role_value(v: dict) -> bool:
    return "office" in v or v["relation"].startswith("role.") or v["relation"] == "ceo"


def _named_just_before(doc, index: int, subj, topic_id: str) -> bool:
    """The article's main subject is the last organisation-like name before a role with none named:
    in its sentence before the holder, else in the sentence before (persons and the holder aside)."""
    sent = doc.sentences[index]
    here = [m for m in sent.entities if m.end <= subj.start and m.id != subj.id and m.label not in ("PER", "PERSON")]
    if here:
        return here[-1].id == topic_id
    if index == 0:
        return False
    before = [m for m in doc.sentences[index - 1].entities if m.label not in ("PER", "PERSON")]
    return bool(before) and topic_id in {m.id for m in before}


def _pos_of(sent, lo: int, hi: int) -> dict[str, str] | None:
    """The parser's POS of the words between sentence offsets ``lo`` and ``hi`` (folded word -> POS),
    None without a tagger."""
    span = sent.tokens
    if span is None or not span.doc.has_annotation("POS"):
        return None
    base = sent.annotations.get("block_start", sent.start) - sent.start
    out: dict[str, str] = {}
    for tok in span:
        at = base + tok.idx
        if lo <= at < hi:
            out.setdefault(fold(tok.text), tok.pos_)
    return out


def _capitalised_object(doc, m, role, subj, obj):
    """(role, object, body word) once a capitalised object of a role is read for what it is:
    the article's body ("Plant safety manager X", "Council leader X") or the office's portfolio
    ("Finance vice-president X"); None when the portfolio makes no known office."""
    implicit = EntityMention(id=IMPLICIT, text="", start=subj.start, end=subj.start, label="")
    if role is None or obj.id == IMPLICIT:
        return role, obj, None
    if _org_word(obj.text):
        return role, implicit, obj.text
    if doc.language[:2] != "fr" and fold(obj.text) in PORTFOLIOS:
        by_field = resolve_role(f"{fold(obj.text)} {m.group('role')}", doc.language)
        if by_field is None:
            return None
        return (by_field, f"{obj.text} {role[1]}"), implicit, None
    return role, obj, None


def _mark_body(value: dict, doc, sent, stream, m, role, obj, org_word) -> None:
    """The kind of body a claim names by its common noun ("the trust's", "plant manager X"),
    and the body of its object ("qui préside la métropole")."""
    if m.groupdict().get("org"):
        value["org_noun"] = ORG_NOUNS[m.group("org")]  # "the trust's": the article's body, of this kind
        o_first, o_last = stream.token_range(*m.span("org"))
        written = sent.text[stream.spans[o_first][0] : stream.spans[o_last][1]].rstrip("'’")
        value["names"]["object"] = f"({written})"
    if org_word is not None:
        value["org_noun"] = ORG_NOUNS[fold(org_word)]
        value["names"]["object"] = f"({org_word})"
    elif role is not None and obj.id == IMPLICIT and not value.get("org_noun"):
        head = (value.get("office") or "").split()
        if len(head) > 1 and head[0] in ORG_NOUNS and doc.language[:2] != "fr":
            value["org_noun"] = ORG_NOUNS[head[0]]  # "plant manager X", "company spokesman X"
    body = body_of(obj)
    if body and not value.get("complement"):
        value["complement"] = body  # "qui préside la métropole": of the métropole of Lancrais


def _mark_era(value: dict, words, window, role, after) -> None:
    """Words that set a role in another time, or in a move, or as interim.  A move is read in
    the claim and the few words right after it ("X, directrice financière, devient ..."): a
    verb of change elsewhere in the sentence is of something else ("... would have to be
    repaired or replaced")."""
    if era_words(words):
        value["era"] = True  # "under President X", "his predecessor": another time than the story's
    if set(words) & STRONG_ERA_WORDS:
        value["era_strong"] = True
    if (set(window) | set(after)) & _MOVING:
        value["moving"] = True  # "X, directrice financière, devient directrice générale"
    if role is None and set(window) & INTERIM_WORDS:
        value["role_time"] = "interim"  # "X, interim CEO of Y" (a rule naming its relation)
    elif role is None and (when := succession_time(window)):
        value["role_time"] = when  # "le nouveau maire", "the outgoing mayor" (a rule naming its relation)
