"""JSON schema of ``relation`` rules (validated when a rule is loaded; documented in docs/rules.md)."""

from __future__ import annotations

from typing import Any

from checker.model import LEVELS

_PATTERN_ITEM = {
    "oneOf": [
        {"type": "string", "minLength": 1},
        {
            "type": "object",
            "required": ["pattern"],
            "properties": {
                "pattern": {
                    "type": "string",
                    "minLength": 1,
                    "description": (
                        "Tokens over the sentence: {subj} {obj} (an entity mention, or a capitalised name the "
                        "recogniser missed), {role} (an office held by a person), {thing} (a common noun that is "
                        "itself the argument: 'the race is owned by X'), {org} (a common noun for the article's "
                        "organisation: the trust's, la société), {qual} {be} {det}, word? "
                        "(optional), (a|b c) (alternatives), ...N (a gap of at most N words, never across a name). "
                        "Negation, hedges and adverbs may stand between any two tokens and are kept; after the "
                        "first argument, unless a comma follows it in the pattern, an apposition between commas "
                        "may stand ('X, filiale de Y, en sera le seul titulaire': X is the subject)"
                    ),
                },
                "object": {
                    "enum": ["slot", "context", "implicit", "none"],
                    "description": (
                        "Where the object comes from: 'slot' ({obj} in the pattern, default), 'context' (the most "
                        "recent organisation-like mention before the subject), 'implicit' (none is named: the "
                        "place or organisation the story is about, e.g. 'le maire sortant X', 'Governor X'; "
                        "an implicit object is compared with implicit ones and, for a role, with the article's "
                        "main subject: a suggestion, a warning when that subject is the name just before the role; "
                        "a holder given one organisation for the same office elsewhere in the corpus takes it, "
                        "at most a warning; 'none': the subject has the relation with no one ('X, an independent "
                        "company': no parent), a denial of every object, compared with the subject's positive claims)"
                    ),
                },
                "swap": {
                    "type": "boolean",
                    "description": (
                        "The pattern names the object first: {subj} and {obj} exchange roles ('Y a choisi X "
                        "comme fournisseur' for 'X fournisseur de Y'; default false)"
                    ),
                },
                "qualifier": {
                    "enum": ["exclusive", "shared"],
                    "description": (
                        "The qualifier the pattern states by its wording, without a {qual} word ('X shares the "
                        "contract with Y': shared; 'X is the only supplier of Y': exclusive)"
                    ),
                },
                "epithet": {
                    "type": "boolean",
                    "description": (
                        "The pattern calls one argument by the relation, as the article's own word for it "
                        "('its Japanese partner X', 'rival X', 'X, Y's cloud partner'): two such claims of "
                        "antonyms declared compatible still conflict (one article's partner is the other's "
                        "rival), unless one article gives both; default false"
                    ),
                },
                "negate": {
                    "type": "boolean",
                    "description": (
                        "The pattern states that the relation no longer holds ('X replaced Y as manager of Z' "
                        "says Y is no longer manager): the claim is negative, changed"
                    ),
                },
            },
            "additionalProperties": False,
        },
    ]
}

RELATION_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["relation", "patterns"],
    "properties": {
        "relation": {
            "type": "string",
            "pattern": r"^[A-Za-z0-9_.\-]+$",
            "description": (
                "Normalised relation name, shared across languages (partner, ceo, cloud_provider): claims of the "
                "same relation are compared, and antonyms name relations by it"
            ),
        },
        "label": {
            "type": "string",
            "minLength": 1,
            "description": "How the relation reads in messages, in the rule's language, e.g. "
            "'fournisseur cloud de' (default: the relation name).",
        },
        "qualifier_labels": {
            "type": "object",
            "description": "How the exclusive / shared qualifiers read in messages, e.g. {exclusive: exclusif}.",
            "properties": {
                "exclusive": {"type": "string", "description": "How 'exclusive' reads, e.g. exclusif."},
                "shared": {"type": "string", "description": "How 'shared' reads, e.g. partagé."},
            },
            "additionalProperties": False,
        },
        "symmetric": {
            "type": "boolean",
            "description": (
                "X rel Y is Y rel X (partner, competitor): the two entities are put in one order, so 'X partner "
                "of Y' and 'Y partner of X' are one claim (default false)"
            ),
        },
        "patterns": {
            "type": "array",
            "minItems": 1,
            "items": _PATTERN_ITEM,
            "description": (
                "How the relation is written: a pattern string, or a mapping with `pattern` and its options; "
                "the first pattern that matches a sentence gives the claim"
            ),
        },
        "subject_labels": {
            "type": "array",
            "items": {"type": "string"},
            "description": "Entity labels the subject may have (ORG, PER...); default: any label.",
        },
        "object_labels": {
            "type": "array",
            "items": {"type": "string"},
            "description": (
                "Entity labels the object may have; they also choose the mention an `object: context` "
                "pattern takes; default: any label."
            ),
        },
        "context_window": {
            "type": "integer",
            "minimum": 0,
            "maximum": 10,
            "description": (
                "How many previous sentences an `object: context` pattern looks back for its object (default 2)."
            ),
        },
        "qualifiers": {
            "type": "object",
            "description": (
                "Words a pattern's {qual} slot reads, by class; the class is the claim's qualifier, which "
                "`constraints.exclusive_shared` compares."
            ),
            "properties": {
                "exclusive": {
                    "type": "array",
                    "items": {"type": "string", "minLength": 1},
                    "description": "Words that make the relation exclusive (exclusif, seul, sole, only).",
                },
                "shared": {
                    "type": "array",
                    "items": {"type": "string", "minLength": 1},
                    "description": "Words that make it shared (privilégié, partagé, non exclusif, one of).",
                },
            },
            "additionalProperties": False,
        },
        "constraints": {
            "type": "object",
            "description": "What makes two claims of this relation contradict each other.",
            "properties": {
                "functional": {
                    "enum": ["subject", "object"],
                    "description": (
                        "The argument that has one value at a time: 'object' for ceo (a company has one CEO: "
                        "two CEOs of one company conflict), 'subject' when a subject has one object; default: "
                        "no such constraint"
                    ),
                },
                "functional_when": {
                    "enum": ["always", "exclusive"],
                    "description": (
                        "'exclusive': the functional constraint holds only when a claim is qualified exclusive "
                        "(the only supplier); default 'always'"
                    ),
                },
                "exclusive_shared": {
                    "type": "boolean",
                    "description": (
                        "The same triple called exclusive in one article and shared in another is a finding "
                        "(default true)"
                    ),
                },
                "polarity": {
                    "type": "boolean",
                    "description": "'X is ...' against 'X is not / no longer ...' is a finding (default true).",
                },
                "tense": {
                    "enum": ["match", "ignore"],
                    "description": (
                        "'ignore' for one-time events (an acquisition, a founding): 'X was acquired by Y' and "
                        "'X acquired Y' are compared although one reads as past and the other as present; "
                        "default 'match': claims of different tenses are not compared"
                    ),
                },
                "antonyms": {
                    "type": "array",
                    "description": "Relations that contradict this one for the same pair of entities.",
                    "items": {
                        "type": "object",
                        "required": ["relation"],
                        "properties": {
                            "relation": {
                                "type": "string",
                                "description": "The other relation's name (its rule's `relation`).",
                            },
                            "compatible": {
                                "type": "boolean",
                                "description": (
                                    "true: both may hold at once (partner and competitor), no finding; default "
                                    "false: the two relations for the same entities are a finding"
                                ),
                            },
                        },
                        "additionalProperties": False,
                    },
                },
                "levels": {
                    "type": "object",
                    "description": (
                        "Level of the findings of each constraint, instead of the rule's `level` "
                        "(exclusive_shared defaults to warning)."
                    ),
                    "properties": {
                        k: {"enum": list(LEVELS), "description": f"Level of the {k} findings."}
                        for k in ("functional", "exclusive_shared", "polarity", "antonym")
                    },
                    "additionalProperties": False,
                },
            },
            "additionalProperties": False,
        },
    },
}
