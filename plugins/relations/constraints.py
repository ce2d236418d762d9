"""The constraints of relation claims: which pairs of triples cannot both be true, and how sure.

:func:`judge` takes two normalised triples (``Claim.value``) with their compiled rules and
returns a :class:`Verdict` (the violated constraint, a one-line reason, the highest level the
evidence allows) or None:

* ``polarity``: the same triple asserted in one article and denied in the other;
* ``exclusive_shared``: the same triple called exclusive in one article, shared in the other,
  at the same time (``was the sole supplier until 2020`` and ``is one of five suppliers`` agree);
* ``functional``: one value at a time (a company has one CEO, a town one mayor) but two
  articles give different ones, at the same time;
* ``antonym``: two relations declared incompatible for the same entities (or declared compatible,
  when each article calls one entity by its relation, ``its partner X`` / ``son concurrent X``,
  and neither article gives both).

Roles (claims with an ``office``) add what makes a role claim unsure or compatible: one person
under two names is one subject, offices are the same when the seed table says so (or, less
surely, the sentence encoder), former holders and holders at different stated years never
conflict, a role with no organisation named is compared at most as a warning (a suggestion
when the organisation is only the article's main subject, unless that subject is the name just
before the role: ``Calder Yards has won ... . Chief Executive Officer Tom Hale said``), and as a
suggestion when its sentence places it at another time (``under President X``).

One person given two different offices at one body by two articles (``chief executive`` /
``chief nurse``) is :func:`two_offices`: a warning only for two offices of one family that one
person never holds together (chief executive / CFO, mayor / prefect), a suggestion for other
offices and for those often held together (chairman / chief executive), silent for a founder, a
board member, an office as vague as ``boss``, and when either article gives the person both.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from checker.model import LEVELS
from plugins.relations.roles import IMPLICIT, NOBODY, ORG_NOUNS, OTHER, SEED_INDEX, SEEDS, office_text, same_person


@dataclass
class Verdict:
    constraint: str
    key: str  # the reason's message id in ``checker.i18n.catalog`` (``relation.<key>``)
    args: dict = field(default_factory=dict)  # its values: names and labels as the articles wrote them
    cap: str = "error"  # the highest level this pair of claims supports
    rule: object = None  # the compiled rule whose level applies (default: the first claim's)

    def reason(self, lang: str) -> str:
        """The one-line reason in ``lang``."""
        from checker.i18n.catalog import t

        return t(f"relation.{self.key}", lang, **self.args)


def label(v: dict, compiled=None) -> str:
    """How a relation reads: the rule's ``label``, a general role as written, else its name in words."""
    if compiled is not None and getattr(compiled, "label", None):
        return compiled.label
    if v.get("role"):
        return str(v["role"])
    return v["relation"].removeprefix("role.").replace("_", " ").replace(".", " ")


def name(v: dict, arg: str) -> str:
    """How an argument of a triple reads: the article's spelling, not the folded id."""
    ident = v[arg]
    if ident == IMPLICIT and v.get("org_noun") and (v.get("names") or {}).get(arg):
        return v["names"][arg]  # "the trust": the article's own word for its body
    if ident == IMPLICIT:
        topic = v.get("topic_name")
        return f"({topic}?)" if topic else "(?)"
    return (v.get("names") or {}).get(arg) or ident


def lower(a: str, b: str) -> str:
    return a if LEVELS.index(a) <= LEVELS.index(b) else b


def time_compatible(va: dict, vb: dict, *rules) -> bool:
    ta, tb = va["time"], vb["time"]
    if ta["years"] and tb["years"] and not set(ta["years"]) & set(tb["years"]):
        return False
    if rules and any(r.tense == "ignore" for r in rules):
        return True  # a one-time event: the tense of the wording says nothing
    return ta["tense"] == tb["tense"]


def _another_time(va: dict, vb: dict) -> bool:
    """One side speaks of the past and the other not, or they state different years: the state of
    a relation may have changed in between (a future contract still compares with the present)."""
    ta, tb = va["time"], vb["time"]
    if ta["years"] and tb["years"] and not set(ta["years"]) & set(tb["years"]):
        return True
    return (ta["tense"] == "past") != (tb["tense"] == "past")


def same_subject(va: dict, vb: dict) -> bool:
    if va["subject"] == vb["subject"]:
        return True
    if not (va.get("office") or vb.get("office") or va["relation"].startswith("role.") or va["relation"] == "ceo"):
        return False
    return same_person(name(va, "subject"), name(vb, "subject")) or same_person(va["subject"], vb["subject"])


def same_object(va: dict, vb: dict) -> bool:
    oa, ob = va["object"], vb["object"]
    if va.get("org_noun") and vb.get("org_noun") and va["org_noun"] != vb["org_noun"]:
        return False  # "the union's secretary" / "the trust's secretary": two bodies
    if oa == ob:
        return True
    if oa == IMPLICIT and va.get("topic") == ob:
        return True
    return ob == IMPLICIT and vb.get("topic") == oa


Nearest = Callable[[str], "str | None"]


def office_match(va: dict, vb: dict, nearest: Nearest | None) -> str | None:
    """``same`` (one office for sure), ``similar`` (the encoder's nearest seed office agrees) or None."""
    ra, rb = va["relation"], vb["relation"]
    if ra != OTHER and rb != OTHER:
        if ra != rb:
            return None
        ca, cb = va.get("complement"), vb.get("complement")
        if ca == cb:
            return "same"
        # "présidente de la métropole de X" vs "président de X": likely one office; of two bodies: two
        return "similar" if ca is None or cb is None else None
    if ra == rb == OTHER and va.get("office") == vb.get("office"):
        return "same"
    if nearest is None:
        return None
    ga = ra if ra != OTHER else nearest(va.get("office", ""))
    gb = rb if rb != OTHER else nearest(vb.get("office", ""))
    return "similar" if ga is not None and ga == gb else None


def _role_cap(va: dict, vb: dict, match: str, one_person: bool = False) -> str:
    cap = "error"
    if match == "similar":
        cap = "suggestion"
    implicit = IMPLICIT in (va["object"], vb["object"])
    if implicit:
        cap = lower(cap, "warning")
        if va["object"] != vb["object"] and not (va.get("topic_near") or vb.get("topic_near")):
            cap = "suggestion"  # the organisation of one side is the article's main subject: a guess
        elif not one_person and (va.get("org_noun") or vb.get("org_noun")) and va.get("topic") != vb.get("topic"):
            cap = "suggestion"  # "the company's" in two articles about two companies: two people, two bodies?
        if va.get("era") or vb.get("era"):
            cap = "suggestion"
    if (va.get("role_time") == "interim") != (vb.get("role_time") == "interim"):
        cap = "suggestion"  # an acting holder beside the holder: both may be true
    if va.get("object_from") or vb.get("object_from"):
        cap = lower(cap, "warning")  # the organisation comes from the holder's other mentions
    if va.get("era_strong") or vb.get("era_strong"):
        cap = "suggestion"  # "son prédécesseur, X, maire de Y": another time, though Y is named
    return cap


#: the two ends of a succession: an outgoing holder and a new (or future) one are both true at once
_SUCCESSION = ({"outgoing"}, {"new", "future"})


def successive(va: dict, vb: dict) -> bool:
    """One side names the outgoing holder (``le maire sortant``): the other holder is the new
    one (``le nouveau maire``, "X was elected mayor") or the one who is leaving: two people,
    one office, no conflict.  Two outgoing holders of one office still conflict."""
    return (va.get("role_time") in _SUCCESSION[0]) != (vb.get("role_time") in _SUCCESSION[0])


def _polarity(va, vb, ca) -> Verdict | None:
    pos_a = va["polarity"] == "positive"
    neg, pos = (va, vb) if not pos_a else (vb, va)
    if neg["qualifier"] == "exclusive" and pos["qualifier"] != "exclusive":
        return None  # "not the exclusive provider" vs "a provider": compatible
    triple = f"{name(pos, 'subject')} — {label(va, ca)} — {name(pos, 'object')}"
    return Verdict("polarity", "polarity.change" if neg["time"].get("change") else "polarity", {"triple": triple})


def _functional(va, vb, ca, cb) -> Verdict | None:
    arg = "object" if ca.functional == "object" else "subject"
    other = "subject" if arg == "object" else "object"
    if arg == "object" and not same_object(va, vb):
        return None
    if arg == "subject" and va["subject"] != vb["subject"]:
        return None
    if other == "subject" and same_subject(va, vb):
        return None  # one person under two names
    if other == "object" and same_object(va, vb):
        return None
    if ca.functional_when != "always" and "exclusive" not in (va["qualifier"], vb["qualifier"]):
        return None
    what = f"{label(va, ca)} {name(va, 'object')}" if arg == "object" else f"{name(va, 'subject')} — {label(va, ca)}"
    key = "functional.exclusive" if ca.functional_when == "exclusive" else "functional"
    return Verdict("functional", key, {"what": what, "first": name(va, other), "second": name(vb, other)})


def _langs(ca, cb) -> tuple:
    return getattr(ca, "language", None), getattr(cb, "language", None)


def _joined_match(va: dict, vb: dict) -> str | None:
    """``same`` when one side's office is among the offices the other joins (``chairman and chief
    executive`` / ``chief executive``)."""
    if vb["relation"] in (va.get("offices") or ()) or va["relation"] in (vb.get("offices") or ()):
        return "same"
    return None


def _is_role(v: dict) -> bool:
    return "office" in v


def _unique(v: dict, nearest: Nearest | None) -> bool:
    """One holder at a time: as the seed table says, or as it says of the nearest office by meaning."""
    if v.get("unique", True):
        return True
    if v["relation"] == OTHER and nearest is not None:
        office = nearest(v.get("office", ""))
        return office is not None and SEEDS[office][0]
    return False


def judge_role(va, vb, ca, cb, nearest: Nearest | None) -> Verdict | None:
    """Two claims of which at least one is a general role claim (it has an ``office``).

    The cheap checks come first; the encoder (``nearest``) is asked only about pairs that would
    conflict if their offices were the same."""
    pos_a, pos_b = va["polarity"] == "positive", vb["polarity"] == "positive"
    if not same_object(va, vb):
        if pos_a and pos_b and {va["relation"], vb["relation"]} == _TERRITORIAL and same_subject(va, vb):
            return two_offices(va, vb, nearest, same_body=False, langs=_langs(ca, cb))  # préfet / sous-préfet
        return None
    if not time_compatible(va, vb):
        return None
    if same_subject(va, vb):
        if pos_a == pos_b:
            return two_offices(va, vb, nearest, langs=_langs(ca, cb)) if pos_a else None
        match = office_match(va, vb, nearest)
        verdict = _polarity(va, vb, ca) if match else None
    else:
        if not (pos_a and pos_b) or va["time"]["tense"] == "past" or successive(va, vb):
            return None
        if not all(v.get("unique", True) or v["relation"] == OTHER for v in (va, vb)):
            return None  # an office with several holders (a minister, a director)
        match = office_match(va, vb, nearest) or _joined_match(va, vb)
        if not match or not all(_unique(v, nearest) for v in (va, vb)):
            return None
        verdict = Verdict(
            "functional",
            "one_holder",
            {
                "name": name(va, "object"),
                "office": va.get("role") or label(va, ca),
                "first": name(va, "subject"),
                "second": name(vb, "subject"),
            },
        )
    if verdict is not None:
        verdict.cap = _role_cap(va, vb, match)
    return verdict


# -- one person, two offices -------------------------------------------------------------
#: offices one person holds together at one body (a PDG is chairman and chief executive; a French
#: mayor presides the town council): at most a suggestion
_COMBINABLE = {frozenset({"ceo", "role.president"}), frozenset({"role.mayor", "role.president"})}
#: families of offices with one holder each that one person never holds together at one body
_EXCLUSIVE_FAMILIES = (
    frozenset({"ceo", "role.cfo", "role.cto"}),
    frozenset({"role.mayor", "role.deputy_mayor", "role.prefect", "role.sub_prefect", "role.governor"}),
)
_TERRITORIAL = {"role.prefect", "role.sub_prefect"}
_C_SUITE = {"ceo", "role.cfo", "role.cto"}
#: offices that say nothing of which post (``boss``, ``head``), or that sit beside any post (a founder,
#: a board member): never the second office of a conflict
_ANY_POST = {
    "role.founder",
    "role.director",
    "boss",
    "head",
    "chief",
    "leader",
    "executive",
    "chef",
    "patron",
    "patronne",
    "dirigeant",
    "dirigeante",
    "responsable",
    "administrateur",
    "administratrice",
    "director",
    "board director",
    "non-executive director",
}
#: role times that place an office at another moment than the story's (a promotion, a departure)
_NOT_NOW = {"past", "outgoing", "new", "future", "interim"}


def _now(v: dict) -> bool:
    """Held now, as the article says it: no other tense, era, change of holder or stated year (a year
    it began, ``who joined in 2020``, is no other time)."""
    return (
        v["time"]["tense"] == "present"
        and v.get("role_time") not in _NOT_NOW
        and not v.get("era")
        and not v.get("moving")
        and not v["time"].get("change")
        and (not v["time"]["years"] or bool(v.get("years_start")))
    )


def _base(v: dict) -> str:
    """The seed office an unknown phrase is a kind of (``regional director``, ``directrice régionale``:
    ``role.director``), else the claim's office."""
    if v["relation"] != OTHER:
        return v["relation"]
    words = (v.get("office") or "").split()
    for head in (words[-1:], words[:1]):
        if head and head[0] in SEED_INDEX:
            return SEED_INDEX[head[0]]
    return v.get("office") or OTHER


def _offices(v: dict) -> set[str]:
    """Every office the claim's article gives its holder (the relation, the phrase, the joined ones)."""
    return {v["relation"], v.get("office") or "", *(v.get("offices") or ()), *(v.get("held") or ())} - {"", OTHER}


def _c_suite_other(v: dict) -> bool:
    """``chief nurse``, ``chief operating officer``: an executive post of its own beside the chief executive."""
    office = v.get("office") or ""
    return v["relation"] == OTHER and office.startswith("chief ") and "executive" not in office


#: French phrases of the head of a body (``le directeur du musée``): one post, not a seat on a board
_FR_HEAD = {"directeur", "directrice"}


def _vague(v: dict) -> bool:
    """An office that says nothing of which post, or sits beside any post (:data:`_ANY_POST`); the
    French ``directeur`` of a body is its head, a post of its own (an English director may sit on a board)."""
    if v["relation"] == "role.director" and v.get("office") in _FR_HEAD:
        return False
    return bool({v["relation"], v.get("office")} & _ANY_POST)


#: seed offices that head their body (one post named many ways: "plant manager", "directeur de l'usine")
_HEAD_OFFICES = {"ceo", "role.president", "role.mayor", "role.governor", "role.prefect", "role.director"}
#: words of a phrase no seed names that make it the head of its body (``plant manager``, ``site director``)
_HEAD_WORDS = {"general", "managing", "executive", *ORG_NOUNS}
#: last words of a post of its own (``safety officer``, ``finance director``, a ship's ``master``)
_POST_LAST = {"officer", "manager", "director", "secretary", "chef", "controller", "treasurer", "coordinator", "master"}
#: first words of a post of its own (``chief engineer``, ``directrice juridique``, ``vice-president``)
_POST_FIRST = {
    "chief",
    "head",
    "deputy",
    "vice-president",
    "vice-presidente",
    "directeur",
    "directrice",
    "responsable",
    "secretaire",
    "adjoint",
    "adjointe",
    "charge",
    "chargee",
}
#: words of the spokesperson's trade: one post whatever its name (``press officer``, ``spokeswoman``)
_PRESS_WORDS = {"press", "presse", "communications", "communication", "media", "spokesperson", "spokesman"}


def _post_kind(v: dict) -> str | None:
    """``head`` for the head of the body, ``post`` for another post of its own (an executive, the
    spokesperson, a deputy, "chief X", "X officer"), None for a profession or a phrase of no clear
    post (``engineer``, ``infectiologue``): what makes two offices of one person surely two."""
    rel, office = v["relation"], v.get("office") or ""
    words = office.split()
    if v.get("department"):
        return "post"  # the director of one department ("directrice des soins du CHU")
    if rel == OTHER:
        if not words:
            return None
        if words[-1] in ("manager", "director", "directeur", "directrice") and set(words[:-1]) & _HEAD_WORDS:
            return "head"  # "plant manager", "site director"
        if words[0] in _POST_FIRST or words[-1] in _POST_LAST or office.endswith(" en chef"):
            return "post"
        return None
    if rel == "role.director" and office not in _FR_HEAD:
        return None  # an English director: a board seat or a department
    if rel in _HEAD_OFFICES:
        return "head"
    return "post" if rel in SEEDS else None


#: words of a post's name that say its rank, not its field (``chief`` medical ``officer``)
_RANK_WORDS = {
    "chief",
    "head",
    "officer",
    "manager",
    "director",
    "directeur",
    "directrice",
    "deputy",
    "vice",
    "senior",
    "executive",
    "general",
    "generale",
    "of",
    "the",
    "and",
    "de",
    "du",
    "des",
    "d'",
    "la",
    "le",
    "l'",
    "en",
    "chef",
    "responsable",
    "adjoint",
    "adjointe",
    "charge",
    "chargee",
}


def _fields(v: dict) -> set[str]:
    """The field of a post, as word stems (``chief medical officer``: ``medic``; ``CTO``, by the seed's
    wording ``chief technology officer``: ``techn``)."""
    words = (v.get("office") or "").split() + office_text(v["relation"]).split() + (v.get("department") or "").split()
    return {w[:5] for w in words if w not in _RANK_WORDS and len(w) > 2}


def _one_trade(va: dict, vb: dict) -> bool:
    """Two names of one post: one phrase inside the other (``safety manager`` / ``plant safety
    manager``), one field (``medical director`` / ``chief medical officer``, ``technical director`` /
    ``CTO``), or both of the spokesperson's trade (``press officer`` / ``spokeswoman``)."""
    wa, wb = ({*(v.get("office") or "").split(), *(v.get("department") or "").split()} for v in (va, vb))
    if wa and wb and (wa <= wb or wb <= wa):
        return True
    if _fields(va) & _fields(vb):
        return True
    press = [v["relation"] == "role.spokesperson" or bool(w & _PRESS_WORDS) for v, w in ((va, wa), (vb, wb))]
    return all(press)


def _two_offices_level(va: dict, vb: dict) -> str | None:
    """How sure a pair of different offices for one person conflicts: a warning for two offices of one
    family (chief executive / CFO, mayor / prefect) and for two posts of their own at one body (chief
    engineer / spokesperson, the head of a museum / its chief curator), unless both head the body (one
    post named two ways); None for offices that sit beside any other."""
    ra, rb = va["relation"], vb["relation"]
    if _vague(va) or _vague(vb):
        return None
    pair = frozenset({ra, rb})
    if pair in _COMBINABLE:
        return "suggestion"
    if any(pair <= family for family in _EXCLUSIVE_FAMILIES):
        return "warning"
    if (ra in _C_SUITE and _c_suite_other(vb)) or (rb in _C_SUITE and _c_suite_other(va)):
        return "warning"
    kinds = {_post_kind(va), _post_kind(vb)}
    if None not in kinds and kinds != {"head"} and not _one_trade(va, vb):
        return "warning"
    return "suggestion"


#: words of a complement that name a body of its own (a board, a club, a council), not a department
#: of the body named after it: "président du conseil de surveillance de Valmont" is the board's chair
_BODY_WORDS = frozenset(ORG_NOUNS) | {
    "conseil",
    "comite",
    "commission",
    "assemblee",
    "committee",
    "fondation",
    "foundation",
    "association",
    "federation",
    "zone",
    "region",
    "departement",
    "agglomeration",
    "communaute",
    "institut",
    "filiale",
    "branche",
    "subsidiary",
}


def _department(v: dict) -> dict:
    """A seed office whose complement is a field of the body named after it (``directrice des soins
    du CHU``, ``directeur des ressources humaines de l'hôpital``): the director of one department, a
    post of its own at that body (``department``), not the office of another body."""
    complement = v.get("complement") or ""
    if not complement or v["object"] == IMPLICIT or v["relation"] not in ("role.director", "ceo", "role.president"):
        return v
    words = complement.split()
    if set(words) & _BODY_WORDS or any(w[:1].isdigit() for w in words):
        return v
    return {**v, "complement": None, "department": complement}


def two_offices(
    va: dict, vb: dict, nearest: Nearest | None, same_body: bool = True, langs: tuple = (None, None)
) -> Verdict | None:
    """One person (both claims positive) given two different offices by two articles, at one body
    (or at two, for a prefect and a sub-prefect): both present, neither office held together with
    the other in either article, neither the sense of the other."""
    lang_a, lang_b = langs
    if not all(v["relation"] in SEEDS or v["relation"] == OTHER for v in (va, vb)):
        return None  # a relation of its own ("co-founder of", "investor in"), not an office
    if not (_now(va) and _now(vb)) or office_match(va, vb, nearest):
        return None
    if _base(va) == _base(vb) or (va["relation"] == vb["relation"] == OTHER and lang_a != lang_b):
        return None  # "regional director" / "director"; two unknown phrases of two languages
    va, vb = _department(va), _department(vb)
    if va.get("complement") or vb.get("complement"):
        return None  # "président du conseil de surveillance" vs "président de la métropole": two bodies
    held_a, held_b = _offices(va), _offices(vb)
    if held_a & held_b:
        return None  # an article gives the person both offices
    if nearest is not None and any(nearest(o) in held_b for o in held_a if o not in SEEDS):
        return None
    both_implicit = va["object"] == vb["object"] == IMPLICIT
    if both_implicit and va.get("topic") != vb.get("topic") and not (va.get("org_noun") and vb.get("org_noun")):
        return None  # the main subjects of two articles: maybe two bodies ("the trust's" twice: one)
    level = _two_offices_level(va, vb)
    if level is None:
        return None
    cap = "suggestion"
    if same_body:
        cap = lower(level, _role_cap(va, vb, "same", one_person=True))
    if both_implicit and not (va.get("org_noun") or vb.get("org_noun")) and not va.get("topic"):
        cap = "suggestion"  # no body named nor written, no main subject: a guess
    obj = name(va, "object") if va["object"] != IMPLICIT else name(vb, "object")
    if not same_body:
        obj = f"{name(va, 'object')} / {name(vb, 'object')}"
    args = {
        "name": name(va, "subject"),
        "org": obj if obj.startswith("(") else f"({obj})",
        "first": va.get("role") or label(va),
        "second": vb.get("role") or label(vb),
        "quote_a": "",
        "quote_b": "",
    }
    return Verdict("functional", "two_offices", args, cap=cap)


def judge(va: dict, vb: dict, ca, cb, nearest: Nearest | None = None) -> Verdict | None:
    """The constraint two triples violate, or None when they can both be true."""
    if _is_role(va) or _is_role(vb):
        return judge_role(va, vb, ca, cb, nearest)
    if NOBODY in (va["object"], vb["object"]):
        return _with_no_one(va, vb, ca)
    same_rel = va["relation"] == vb["relation"]
    pos_a, pos_b = va["polarity"] == "positive", vb["polarity"] == "positive"
    roleish = va["relation"].startswith("role.") or va["relation"] == "ceo"
    same_args = (va["subject"], va["object"]) == (vb["subject"], vb["object"]) or (
        roleish and same_object(va, vb) and same_subject(va, vb)
    )
    if va.get("org_noun") and vb.get("org_noun") and va["org_noun"] != vb["org_noun"]:
        same_args = False  # "the council's sole supplier" / "one of the hospital's suppliers": two bodies
    verdict = None
    if same_rel and same_args:
        if pos_a != pos_b and ca.polarity and time_compatible(va, vb):
            verdict = _polarity(va, vb, ca)
        elif (
            pos_a
            and pos_b
            and ca.exclusive_shared
            and {va["qualifier"], vb["qualifier"]} == {"exclusive", "shared"}
            and not _another_time(va, vb)  # "was the sole supplier until 2020" / "is one of five"
        ):
            triple = f"{name(va, 'subject')} — {label(va, ca)} — {name(va, 'object')}"
            verdict = Verdict("exclusive_shared", "exclusive_shared", {"triple": triple})
    elif same_rel and pos_a and pos_b and ca.functional and time_compatible(va, vb, ca, cb):
        if roleish and successive(va, vb):
            pass  # the outgoing holder and the new one
        elif ca.tense == "ignore" or "past" not in (va["time"]["tense"], vb["time"]["tense"]):
            verdict = _functional(va, vb, ca, cb)
    elif not same_rel and pos_a and pos_b and {va["subject"], va["object"]} == {vb["subject"], vb["object"]}:
        verdict = _antonym(va, vb, ca, cb)
    if verdict is not None and roleish:
        verdict.cap = _role_cap(va, vb, "same")
    return verdict


def _with_no_one(va: dict, vb: dict, ca) -> Verdict | None:
    """``X, an independent company`` (the relation with no one) against ``X, a subsidiary of Y``, at
    one time: a denial of the named relation, at most a warning (the denial names no one)."""
    neg, pos = (va, vb) if va["object"] == NOBODY else (vb, va)
    if (
        va["relation"] != vb["relation"]
        or va["subject"] != vb["subject"]
        or neg["polarity"] != "negative"
        or pos["polarity"] != "positive"
        or pos["object"] in (NOBODY, IMPLICIT)
        or not time_compatible(va, vb)
    ):
        return None
    triple = f"{name(pos, 'subject')} — {label(pos, ca)} — {name(pos, 'object')}"
    return Verdict("polarity", "polarity", {"triple": triple}, cap="warning")


def _antonym(va, vb, ca, cb) -> Verdict | None:
    if vb["relation"] in (va.get("told") or ()) or va["relation"] in (vb.get("told") or ()):
        return None  # an article gives both relations: it sees them compatible
    compat = ca.antonyms.get(vb["relation"])
    rule = ca
    if compat is None:
        compat = cb.antonyms.get(va["relation"])
        rule = cb
    same_args = (va["subject"], va["object"]) == (vb["subject"], vb["object"])
    if compat is True and va.get("epithet") and vb.get("epithet"):
        compat = False  # "its partner X" / "son concurrent X": each article's own word for the relationship
    if compat is False and (rule.symmetric or same_args) and time_compatible(va, vb, ca, cb):
        return Verdict("antonym", "antonym", {"first": label(va, ca), "second": label(vb, cb)}, rule=rule)
    return None
