"""Definite descriptions of a named body: ``la métropole`` after ``la métropole de Lancrais``.

An article names a body once in full and then by its common noun: ``La métropole de Lancrais a
tranché. Sophie Garnier, qui préside la métropole, ...``; ``le groupe Aquaterra ... le groupe``.
:func:`descriptions` learns, in reading order, which common noun stands for which name:

* the noun right before the name (``le groupe Aquaterra``, ``the company Brightline``), any
  noun that is no office, no kinship and none of the words of parts or deals (``la filiale X`` is
  the subsidiary: it is X; ``le rachat de X`` is no X, but that has a ``de``);
* the noun of a body or place followed by ``de`` / ``of`` and the name (``la métropole de
  Lancrais``, ``the city of Springfield``): only the nouns of :data:`BODY_NOUNS` (``la filiale
  de X``, ``le PDG de X`` are not X).

A noun that two names share in the document is dropped (unsure).  :func:`description_mentions`
then gives, for a sentence, the definite descriptions (``la métropole``) that stand alone (not
followed by their name) after the noun was learned, as mentions of the name (``source``
``description``): possible arguments of a relation, never the holder of a role.
"""

from __future__ import annotations

import re

from checker.model import EntityMention
from plugins.entities.textnorm import fold
from plugins.relations.roles import NOT_ROLES, SEED_INDEX, resolve_role

SOURCE = "description"
#: nouns of bodies and places that ``de`` / ``of`` joins to their name (la ville de X, the city of X)
BODY_NOUNS = frozenset(
    {
        "agglomeration",
        "borough",
        "canton",
        "city",
        "collectivite",
        "commune",
        "communaute",
        "county",
        "departement",
        "district",
        "metropole",
        "municipality",
        "province",
        "region",
        "state",
        "town",
        "ville",
    }
)
_PERSONS = ("PER", "PERSON")
_DET = r"(?:le|la|les|l'|du|des|au|aux|the)"
# "<det> <noun> [de|of [det]] " right before a name (folded text)
_BEFORE = re.compile(rf"(?:^|[\s(])(?:{_DET}\s*)(?P<noun>[a-z][a-z-]+)\s+(?P<of>(?:de|of|d')\s*(?:{_DET}\s*)?)?$")
_DESCRIPTION = re.compile(rf"(?<![\w'])(?P<det>{_DET})\s*(?P<noun>[a-z][a-z-]+)(?![\w'-])")
_FOLLOWED_BY_NAME = re.compile(rf"^\s*(?:(?:de|of|d')\s*(?:{_DET}\s*)?)?$")
#: articles that hold a preposition (du = de le, au = à le): the description starts at its noun, so
#: that the preposition stays a word of the sentence ("le PDG du groupe": "de" the group)
_CONTRACTED = frozenset({"du", "des", "au", "aux"})


def _candidate_noun(noun: str) -> bool:
    return (
        len(noun) >= 4
        and noun not in NOT_ROLES
        and noun not in SEED_INDEX
        and resolve_role(noun, "fr", "NOUN") is None
        and resolve_role(noun, "en") is None
    )


def descriptions(doc, mentions: list[list[EntityMention]]) -> dict[str, tuple[EntityMention, int, bool]]:
    """noun -> (the name's first mention after it, the document offset from which the noun stands
    for that name, whether the noun is a body of it joined by ``de``), for the nouns that stand for exactly one name in the document.  ``mentions``:
    the mentions of each sentence (its entities and the names the recogniser missed)."""
    found: dict[str, tuple[EntityMention, int, bool]] = {}
    dropped: set[str] = set()
    for sent, names in zip(doc.sentences, mentions):
        folded = fold(sent.text)
        for m in sorted(names, key=lambda m: m.start):
            if m.label in _PERSONS or not m.id:
                continue
            rel = m.start - sent.start
            hit = _BEFORE.search(folded[max(0, rel - 40) : rel])
            if hit is None:
                continue
            noun = hit.group("noun")
            if not _candidate_noun(noun) or (hit.group("of") and noun not in BODY_NOUNS):
                continue
            old = found.get(noun)
            if old is not None and old[0].id != m.id:
                dropped.add(noun)
            elif old is None:
                found[noun] = (m, m.end, bool(hit.group("of")))
    return {n: v for n, v in found.items() if n not in dropped}


def description_mentions(sentence, names: list[EntityMention], learned: dict) -> list[EntityMention]:
    """The definite descriptions of learned nouns that stand alone in ``sentence`` (not followed by
    a name, not inside one of its ``names``), as mentions of their name."""
    if not learned:
        return []
    text = fold(sentence.text)
    taken = [(m.start - sentence.start, m.end - sentence.start) for m in names]
    out = []
    for hit in _DESCRIPTION.finditer(text):
        noun = hit.group("noun")
        if noun not in learned:
            continue
        name, since, body = learned[noun]
        s, e = hit.span()
        if hit.group("det") in _CONTRACTED:
            s = hit.start("noun")
        if sentence.start + s < since or any(s < te and ts < e for ts, te in taken):
            continue
        if any(_FOLLOWED_BY_NAME.match(text[e:ts]) for ts, _te in taken if ts >= e):
            continue  # "la métropole de Lancrais": the name itself follows
        out.append(
            EntityMention(
                id=name.id,
                text=name.text,
                start=sentence.start + s,
                end=sentence.start + e,
                label=name.label or "PROPN",
                source=f"{SOURCE}:{noun}:{'of' if body else ''}",
            )
        )
    return out


def body_of(mention) -> str | None:
    """The body a description mention names of its place (``la métropole`` after ``la métropole de
    Lancrais``: ``metropole``), else None (``le groupe`` after ``le groupe Aquaterra`` is Aquaterra)."""
    parts = (mention.source or "").split(":")
    return parts[1] if len(parts) == 3 and parts[0] == SOURCE and parts[2] == "of" else None
