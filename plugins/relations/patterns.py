"""Relation patterns: a small token language compiled to regexes, and cue detection.

A sentence becomes a *token stream*: folded words and punctuation separated by single
spaces, every entity mention replaced by one token ``§<n>``.  A pattern such as

    {subj} {be} {det}? fournisseur cloud? {qual}? de {obj}

is compiled once into a regex over that stream:

* ``{subj}`` / ``{obj}``: one entity mention (the head of ``X's Y``: ``Y``); ``{qual}``: a qualifier word of the rule
  (``exclusif``, ``privilégié``...); ``{be}``: a copula or modal + copula in French or
  English; ``{det}``: a determiner or possessive;
* ``word?`` / ``{det}?`` / ``(a|b c)?``: optional; ``(a|b c)``: alternatives of phrases;
* ``{org}``: a common noun that stands for the article's organisation (``the trust's``, ``la
  société``, ``du groupe``: ``plugins.relations.roles.ORG_NOUNS``), for roles with ``object: implicit``;
* ``{kind}``: the class noun of a name, written before it (``du département du`` Gers, ``à la
  commune de`` Lectoure, ``the shipping group`` Calloway): one to three words that are no function
  word, then ``de`` / ``of`` at most; no name, no punctuation, no clause (``l'État depuis que X``);
* ``{thing}``: one common noun standing for the thing the relation is about (``the race is owned
  by X``): the claim's argument is the noun itself (``the race``);
* ``{role}``: a short role phrase (``maire``, ``chief executive officer``, ``président du conseil
  d'administration``), checked afterwards by ``plugins.relations.roles.resolve_role``;
* after the first argument (``{subj} {be} ...``, not ``{subj} , ...``), an apposition between commas
  may stand (``X, filiale de Y, est ...``: X is the subject; a name never starts one);
* ``...`` (or ``...N``, N up to 12): a gap of at most 4 (N) words, never across an entity;
  a pattern holds at most 6 optional tokens and gaps (each multiplies the matching work);
* ``de`` also matches ``d'``/``du``/``des``; ``à`` matches ``au``/``aux``;
  ``le``/``la``/``les`` match ``l'``;
* between any two tokens, adverbs, negation and hedge particles may appear (``n'``,
  ``pas``, ``plus``, ``no longer``, ``toujours``, ``peut-être``...), so that negated and
  hedged variants match the same pattern and are *kept* as polarity / modality.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from plugins.entities.textnorm import fold
from plugins.relations.roles import FUNCTION_WORDS, ORG_NOUNS

ENT = "§"

_WORD_ALIASES = {
    "de": "(?:de|d'|du|des)",
    "d'": "(?:de|d'|du|des)",
    "a": "(?:a|au|aux)",
    "le": "(?:le|la|les|l')",
    "la": "(?:le|la|les|l')",
    "les": "(?:le|la|les|l')",
    "l'": "(?:le|la|les|l')",
}

_COPULA = [
    # French
    "est",
    "etait",
    "sera",
    "serait",
    "soit",
    "reste",
    "restait",
    "restera",
    "demeure",
    "demeurait",
    "devient",
    "deviendra",
    "deviendrait",
    "est devenu",
    "est devenue",
    "etait devenu",
    "a ete",
    "avait ete",
    "aurait ete",
    "pourrait etre",
    "pourrait devenir",
    "devrait etre",
    "peut etre",
    "sont",
    "etaient",
    "seraient",
    "restent",
    "demeurent",
    "deviennent",
    "sont devenus",
    "ont ete",
    # English
    "is",
    "was",
    "will be",
    "would be",
    "could be",
    "might be",
    "may be",
    "remains",
    "remained",
    "became",
    "becomes",
    "has been",
    "had been",
    "are",
    "were",
    "have been",
    "'s",
]
_DETERMINERS = [
    "le",
    "la",
    "les",
    "l'",
    "un",
    "une",
    "des",
    "du",
    "son",
    "sa",
    "ses",
    "leur",
    "leurs",
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
    "this",
    "that",
]
# words allowed between any two pattern tokens (and looked at for polarity / modality / time)
FILLERS = [
    "ne",
    "n'",
    "pas",
    "plus",
    "jamais",
    "guere",
    "point",
    "toujours",
    "desormais",
    "aussi",
    "bien",
    "deja",
    "encore",
    "actuellement",
    "meme",
    "notamment",
    "egalement",
    "officiellement",
    "reellement",
    "vraiment",
    "peut-etre",
    "probablement",
    "possiblement",
    "eventuellement",
    "certainement",
    "visiblement",
    "apparemment",
    "ancien",
    "ancienne",
    "actuel",
    "actuelle",
    "nouveau",
    "nouvel",
    "nouvelle",
    "futur",
    "future",
    "ex",
    "ex-",
    "sortant",
    "sortante",
    "interimaire",
    "outgoing",
    "acting",
    "interim",
    "incumbent",
    "not",
    "n't",
    "no",
    "longer",
    "never",
    "also",
    "still",
    # the extent of a state, not its kind ("owned outright by", "entièrement détenu par")
    "outright",
    "wholly",
    "fully",
    "entirely",
    "entierement",
    "now",
    "currently",
    "already",
    "officially",
    "reportedly",
    "probably",
    "possibly",
    "perhaps",
    "allegedly",
    "former",
    "current",
    "new",
    "then",
    "once",
    "really",
    "indeed",
    '"',
    "«",
    "»",
    "“",
    "”",
]
_FILLER_RX = "(?: (?:" + "|".join(re.escape(w) for w in sorted(FILLERS, key=lambda w: (-len(w), w))) + "))*"

NEGATION = {"pas", "jamais", "guere", "point", "aucun", "aucune", "nullement", "not", "n't", "never", "no", "non"}
NE = {"ne", "n'"}
CHANGE = {"plus", "longer", "desormais", "anymore"}
HEDGES = {
    "pourrait",
    "pourraient",
    "serait",
    "seraient",
    "aurait",
    "auraient",
    "devrait",
    "devraient",
    "peut-etre",
    "probablement",
    "possiblement",
    "eventuellement",
    "envisage",
    "envisagerait",
    "rumeur",
    "rumeurs",
    "hypothese",
    "would",
    "could",
    "might",
    "may",
    "reportedly",
    "possibly",
    "probably",
    "perhaps",
    "allegedly",
    "rumored",
    "rumoured",
    "potentially",
    "potentiellement",
    "apparemment",
    "apparently",
    "suppose",
    "supposedly",
}
REPORTED = {
    "selon",
    "according",
    "d'apres",
    "affirme",
    "affirment",
    "rapporte",
    "rapportent",
    "says",
    "said",
    "reports",
    "reported",
    "claims",
    "claimed",
    "declare",
}
PAST = {
    "etait",
    "etaient",
    "avait",
    "avaient",
    "ancien",
    "ancienne",
    "anciens",
    "ex",
    "ex-",
    "was",
    "were",
    "had",
    "former",
    "formerly",
    "then",
    "once",
    "fut",
    "furent",
}
FUTURE = {"sera", "seront", "deviendra", "will", "futur", "future", "prochain", "prochaine"}

# words that never begin or continue a role phrase, and the connectors allowed inside one
_ROLE_STOP = sorted(
    FUNCTION_WORDS
    | {
        "'",
        "'s",
        "-",
        "as",
        "ce",
        "cette",
        "chez",
        "comme",
        "could",
        "dans",
        "etait",
        "her",
        "his",
        "i",
        "into",
        "its",
        "jamais",
        "je",
        "leur",
        "n'",
        "ne",
        "never",
        "no",
        "not",
        "nous",
        "pas",
        "plus",
        "pour",
        "s",
        "sa",
        "sera",
        "serait",
        "ses",
        "son",
        "sur",
        "their",
        "this",
        "we",
        "will",
        "would",
        "y",
    }
)
_ROLE_CONNECT = ["de", "d'", "du", "des", "of", "the", "la", "l'", "le", "en", "au", "aux", "a", "par", "and", "et"]
_ROLE_WORD = (
    "(?!(?:"
    + "|".join(re.escape(w) for w in sorted(_ROLE_STOP, key=lambda w: (-len(w), w)))
    + ")(?: |$))[^ "
    + ENT
    + ',.;:!?()«»"“”]+'
)
#: ``{thing}``: one common noun, the thing a relation is about when no name is given (``the race``,
#: ``les thermes``), possessive or not; never a function word (checked by the rule type: ``thing_word``)
THING_RX = "(?P<thing>[a-z][a-z-]{2,})(?:' s|')?"  # possessive or not, as {org}: "the race's owner"
#: nouns that name no thing of the story of their own (``owns the rights``, ``runs the risk``)
NOT_THINGS = frozenset(
    {"rights", "right", "stake", "majority", "share", "shares", "risk", "most", "rest", "same", "other", "whole"}
)


#: words that end a class noun before a name (``{kind}``): a list, a clause, a comparison
_NOT_KIND = sorted(
    FUNCTION_WORDS
    | {"including", "notamment", "dont", "comme", "such", "like", "led", "via", "than", "but", "mais", "then", "puis"}
    | {"as", "que", "qu'"},  # "the same fund as X", "au même groupe que X": a comparison names no owner
    key=lambda w: (-len(w), w),
)
_KIND_WORD = "(?!(?:" + "|".join(re.escape(w) for w in _NOT_KIND) + ")(?: |$))[a-z][a-z'-]*"
#: ``{kind}``: the class noun of the name that follows (``departement du``, ``shipping group``)
KIND_RX = f"{_KIND_WORD}(?: {_KIND_WORD}){{0,2}}(?: (?:de|d'|du|des|of))?"


def thing_word(word: str) -> bool:
    """A ``{thing}`` match that may stand for a thing: no function word, none of :data:`NOT_THINGS`."""
    return word not in FUNCTION_WORDS and word not in NOT_THINGS


ROLE_RX = (
    f"(?P<role>{_ROLE_WORD}(?:(?: (?:"
    + "|".join(re.escape(w) for w in _ROLE_CONNECT)
    + f")){{0,2}} {_ROLE_WORD}){{0,4}})"
)

# An apposition between the first argument of a pattern and what follows (``X, a unit of Y, acquired Z``:
# X acquired Z): up to 10 tokens between commas, starting with a word (not a name: ``the CEO of
# Valmont, Paul Martin, said`` is no apposition of Valmont) that is no conjunction (``X, Y and Z``).
_APPOSITION_NOT_FIRST = ("et", "and", "ou", "or", "mais", "but", "ni", "nor", "puis", "then", "donc", "so", "yet")
APPOSITION_RX = (
    "(?P<appo> , (?!(?:"
    + "|".join(_APPOSITION_NOT_FIRST)
    + f")(?: |$)|{ENT})"
    + '[^ ,;:«»"“”()]+(?: [^ ,;:«»"“”()]+){0,9} ,)?'
)

#: a short aside in brackets, left out of the stream: ``maire (LR) de Nîmes`` reads ``maire de Nîmes``
_ASIDE_RX = re.compile(r" ?\([^()]{1,24}\)")
_TOKEN_RX = re.compile(r"\w+(?:[-.]\w+)*'?|'|[^\w\s]", re.UNICODE)
_YEAR_RX = re.compile(r"(?<!\d)(19[5-9]\d|20\d\d)(?!\d)")


@dataclass
class Stream:
    """A sentence as a token stream: ``text`` and, per token, its (start, end) in the sentence."""

    text: str
    spans: list[tuple[int, int]]
    char_to_tok: list[int]
    mentions: list  # EntityMention per entity token number

    def token_range(self, a: int, b: int) -> tuple[int, int]:
        """Token indices [first, last] covered by stream characters [a, b)."""
        return self.char_to_tok[a], self.char_to_tok[max(a, b - 1)]


def build_stream(sentence, extra=(), mentions=None) -> Stream:
    """The token stream of a sentence; ``extra`` mentions (names the recogniser missed) join its entities
    (``mentions``, when given, stand for both)."""
    text = sentence.text
    folded = fold(text)
    if mentions is None:
        mentions = list(sentence.entities) + list(extra)
    mentions = sorted(mentions, key=lambda m: (m.start, m.end))
    pieces: list[str] = []
    spans: list[tuple[int, int]] = []
    pos = 0
    kept = []
    asides = [a.span() for a in _ASIDE_RX.finditer(folded)]

    def aside(at: int) -> bool:
        return any(a <= at < b for a, b in asides)

    def words(a: int, b: int) -> None:
        for m in _TOKEN_RX.finditer(folded, a, b):
            if not aside(m.start()):
                pieces.append(m.group(0))
                spans.append((m.start(), m.end()))

    for m in mentions:
        s, e = m.start - sentence.start, m.end - sentence.start
        if s < pos or s < 0 or e > len(text) or aside(s):
            continue
        words(pos, s)
        pieces.append(f"{ENT}{len(kept)}")
        spans.append((s, e))
        kept.append(m)
        pos = e
    words(pos, len(text))
    out = " ".join(pieces)
    char_to_tok = []
    for i, p in enumerate(pieces):
        char_to_tok.extend([i] * len(p))
        char_to_tok.append(i)  # the separating space
    return Stream(out, spans, char_to_tok, kept)


class PatternError(ValueError):
    pass


#: optional tokens and gaps one pattern may hold: each multiplies the ways a sentence can be
#: matched (the search grows like the sentence length to this power)
MAX_OPTIONAL = 6
#: widest gap (``...N``)
MAX_GAP = 12


def _split_pattern(pattern: str) -> list[str]:
    """Pattern tokens: whitespace separated, with ``,`` and elided ``d'`` split off."""
    spaced = re.sub(r"([,;:])", r" \1 ", fold(pattern))
    spaced = re.sub(r"(\w')(?=[\w{(])", r"\1 ", spaced)
    out: list[str] = []
    depth = 0
    buf = ""
    for ch in spaced:  # keep "(a b|c)" together
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        if ch.isspace() and depth == 0:
            if buf:
                out.append(buf)
            buf = ""
        else:
            buf += ch
    if depth != 0:
        raise PatternError("unbalanced parentheses")
    if buf:
        out.append(buf)
    return out


def _word(word: str) -> str:
    if word in _WORD_ALIASES:
        return _WORD_ALIASES[word]
    parts = [re.escape(p) for p in re.split(r"(?<=')|\s+", word) if p]
    return " ".join(parts)


def _alt(items: list[str]) -> str:
    return "(?:" + "|".join(sorted(items, key=lambda s: (-len(s), s))) + ")"


def _phrase(phrase: str) -> str:
    words = _split_pattern(phrase) if phrase.strip() else []
    return " ".join(_word(w) for w in words)


def compile_pattern(pattern: str, qualifiers: list[str]) -> tuple[re.Pattern, frozenset[str]]:
    """Compile a pattern; returns the regex and the slot names it binds (subj, obj)."""
    source, slots = pattern_source(pattern, qualifiers)
    return compile_source(source), slots


@functools.cache
def compile_source(source: str) -> re.Pattern:
    """The regex of a pattern's source, compiled once per process (rules share many patterns).

    Compiling is the costly part of loading the relation rules (hundreds of large
    alternations), so rules compile on first use, and only for the languages of the
    documents checked."""
    try:
        return re.compile(source)
    except re.error as exc:
        raise PatternError(str(exc)) from exc


def _literal(word: str) -> str | None:
    """The text a plain pattern word matches verbatim in a stream (None: an alias, a placeholder)."""
    if word in _WORD_ALIASES or word.startswith(("{", "(")) or word.startswith("..."):
        return None
    parts = [p for p in re.split(r"(?<=')|\s+", word) if p]
    return " ".join(parts) or None


@functools.lru_cache(maxsize=4096)
def required_words(pattern: str) -> tuple[frozenset[str], ...]:
    """What a stream must contain for ``pattern`` to match it: per mandatory token, the set of
    texts one of which appears verbatim (a plain word; the first words of an alternation).

    A necessary condition only, so a pattern whose requirement fails is skipped without
    compiling its regex (``plugins.relations.ruletype``): same matches, less start-up."""
    try:
        tokens = _split_pattern(pattern)
    except PatternError:
        return ()
    needs: list[frozenset[str]] = []
    for tok in tokens:
        if tok.endswith("?") and len(tok) > 1:
            continue
        if tok.startswith("(") and tok.endswith(")"):
            firsts = []
            for alt in tok[1:-1].split("|"):
                words = _split_pattern(alt) if alt.strip() else []
                first = _literal(words[0]) if words else None
                if first is None:
                    break
                firsts.append(first)
            else:
                if firsts:
                    needs.append(frozenset(firsts))
            continue
        literal = _literal(tok)
        if literal is not None:
            needs.append(frozenset([literal]))
    return tuple(needs)


def may_match(needs: tuple[frozenset[str], ...], text: str) -> bool:
    """Whether ``text`` holds one text of each requirement (``required_words``)."""
    return all(any(w in text for w in alts) for alts in needs)


def words_present(vocabulary: frozenset[str], text: str) -> frozenset[str]:
    """The texts of ``vocabulary`` that ``text`` holds (substrings, as ``may_match`` reads them).

    Read once per stream for the words of every pattern, then each pattern is decided by
    ``may_match_present``: one substring test per word instead of one per word per pattern
    (~270 patterns per sentence with a mention, many sharing their words)."""
    return frozenset(w for w in vocabulary if w in text)


def may_match_present(needs: tuple[frozenset[str], ...], present: frozenset[str]) -> bool:
    """``may_match(needs, text)`` given ``present = words_present(vocabulary, text)``, where
    ``vocabulary`` holds every word of ``needs``."""
    return all(not alts.isdisjoint(present) for alts in needs)


def pattern_source(pattern: str, qualifiers: list[str]) -> tuple[str, frozenset[str]]:
    """The regex source of a pattern and the slots it binds; raises PatternError for a bad pattern.

    Memoised: every run sets the relation rules up again (``factcheck serve`` runs many)."""
    return _pattern_source(pattern, tuple(qualifiers))


#: placeholders that stand for one fixed expression, not a slot
_FIXED_PLACEHOLDERS = {
    "{kind}": lambda: KIND_RX,
    "{be}": lambda: _alt([_phrase(c) for c in _COPULA]),
    "{det}": lambda: _alt([_word(d) for d in _DETERMINERS]),
}


@functools.lru_cache(maxsize=4096)
def _pattern_source(pattern: str, qualifiers: tuple[str, ...]) -> tuple[str, frozenset[str]]:
    tokens = _split_pattern(pattern)
    if not tokens:
        raise PatternError("empty pattern")
    slots: set[str] = set()
    pieces: list[tuple[str, bool, bool]] = []  # (regex, optional, is_gap)
    nqual = 0
    for tok in tokens:
        optional = tok.endswith("?") and len(tok) > 1
        if optional:
            tok = tok[:-1]
        gap = re.fullmatch(r"\.\.\.(\d*)", tok)
        if gap:
            n = int(gap.group(1) or 4)
            if n > MAX_GAP:
                raise PatternError(f"gap {tok} too wide (at most ...{MAX_GAP})")
            pieces.append((f"(?: [^ {ENT}]+){{0,{n}}}?", False, True))
            continue
        if tok in ("{subj}", "{obj}"):
            name = tok[1:-1]
            if name in slots:
                raise PatternError(f"{tok} used twice")
            slots.add(name)
            # "Sweden's Nordvik": the slot binds the head of a possessive chain, not the possessor
            rx = f"(?:{ENT}\\d+ ' s )?{ENT}(?P<{name}>\\d+)"
        elif tok == "{qual}":
            if not qualifiers:
                raise PatternError("{qual} used but the rule declares no qualifiers")
            nqual += 1
            rx = f"(?P<qual{nqual}>{_alt([_phrase(q) for q in qualifiers])})"
        elif tok == "{role}":
            if "role" in slots:
                raise PatternError("{role} used twice")
            slots.add("role")
            rx = ROLE_RX
        elif tok == "{org}":
            if "org" in slots:
                raise PatternError("{org} used twice")
            slots.add("org")
            # a common noun for the article's organisation, possessive or not ("the trust's", "la société")
            rx = "(?P<org>" + _alt([re.escape(w) for w in ORG_NOUNS]) + ")(?:' s)?"
        elif tok == "{thing}":
            if "thing" in slots:
                raise PatternError("{thing} used twice")
            slots.add("thing")
            rx = THING_RX  # "the race is owned by X": the thing is the common noun itself
        elif tok in _FIXED_PLACEHOLDERS:
            rx = _FIXED_PLACEHOLDERS[tok]()
        elif tok.startswith("(") and tok.endswith(")"):
            rx = _alt([_phrase(p) for p in tok[1:-1].split("|") if p.strip()])
        elif tok.startswith("{"):
            raise PatternError(
                f"unknown placeholder {tok} (use {{subj}}, {{obj}}, {{role}}, {{org}}, {{thing}}, {{kind}}, {{qual}}, {{be}}, {{det}})"
            )
        else:
            rx = _word(tok)
        pieces.append((rx, optional, False))
    if "subj" not in slots:
        raise PatternError("a pattern needs {subj}")
    loose = sum(1 for _, optional, is_gap in pieces if optional or is_gap)
    if loose > MAX_OPTIONAL:
        raise PatternError(
            f"{loose} optional tokens and gaps (at most {MAX_OPTIONAL}: each one multiplies the ways "
            "a sentence can match, and matching time with it)"
        )
    if pieces[0][1] or pieces[0][2]:
        raise PatternError("a pattern cannot start with an optional token or a gap")
    out = ""
    for i, (rx, optional, is_gap) in enumerate(pieces):
        if is_gap:
            out += rx
            continue
        body = rx if i == 0 else f"{_FILLER_RX} {rx}"
        out += f"(?:{body})?" if optional else body
        if i == 0 and tokens[0] in ("{subj}", "{obj}") and len(tokens) > 1 and tokens[1] != ",":
            out += APPOSITION_RX  # "Hydrelia, filiale de Sorelis Eau, en sera le seul titulaire"
    return rf"(?<![^ ]){out}(?![^ ])", frozenset(slots)


def cues(tokens: list[str], sentence_tokens: list[str]) -> dict:
    """Polarity, modality and time cues of a matched stretch (``tokens``) in its sentence."""
    toks = set(tokens)
    negative = bool(toks & NEGATION) or (bool(toks & NE) and bool(toks & CHANGE))
    if "no" in toks and "longer" in toks:
        negative = True
    if toks & NE and not negative and "que" in toks:
        negative = False  # "n'est que": restriction, not negation
    changed = bool(toks & CHANGE) and negative
    modality = "asserted"
    if toks & HEDGES:
        modality = "hedged"
    elif set(sentence_tokens) & REPORTED:
        modality = "reported"
    tense = "present"
    if changed:
        tense = "present"  # "n'est plus": a statement about now
    elif toks & PAST:
        tense = "past"
    elif toks & FUTURE:
        tense = "future"
    return {"negative": negative, "changed": changed, "modality": modality, "tense": tense}


def years(text: str) -> list[int]:
    return sorted({int(y) for y in _YEAR_RX.findall(text)})
