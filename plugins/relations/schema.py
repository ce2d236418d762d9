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
                        "recogniser missed), {role} (an office held by a person), {qual} {be} {det}, word? "
                        "(optional), (a|b c) (alternatives), ...N (a gap of at most N words, never across a name). "
                        "Negation, hedges and adverbs may stand between any two tokens and are kept; after the "
                        "first argument, unless a comma follows it in the pattern, an apposition between commas "
                        "may stand ('X, filiale de Y, en sera le seul titulaire': X is the subject)"
                    ),
                },
                "object": {
                    "enum": ["slot", "context", "implicit"],
                    "description": (
                        "Where the object comes from: 'slot' ({obj} in the pattern, default), 'context' (the most "
                        "recent organisation-like mention before the subject), 'implicit' (none is named: the "
                        "place or organisation the story is about, e.g. 'le maire sortant X', 'Governor X'; "
                        "an implicit object is compared with implicit ones and, for a role, with the article's "
                        "main subject: a suggestion, a warning when that subject is the name just before the role)"
                    ),
                },
                "swap": {"type": "boolean"},
                "qualifier": {
                    "enum": ["exclusive", "shared"],
                    "description": (
                        "The qualifier the pattern states by its wording, without a {qual} word ('X shares the "
                        "contract with Y': shared; 'X is the only supplier of Y': exclusive)"
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
        "relation": {"type": "string", "pattern": r"^[A-Za-z0-9_.\-]+$"},
        "label": {
            "type": "string",
            "minLength": 1,
            "description": "How the relation reads in messages, in the rule's language, e.g. "
            "'fournisseur cloud de' (default: the relation name).",
        },
        "qualifier_labels": {
            "type": "object",
            "description": "How the exclusive / shared qualifiers read in messages, e.g. {exclusive: exclusif}.",
            "properties": {"exclusive": {"type": "string"}, "shared": {"type": "string"}},
            "additionalProperties": False,
        },
        "symmetric": {"type": "boolean"},
        "patterns": {"type": "array", "minItems": 1, "items": _PATTERN_ITEM},
        "subject_labels": {"type": "array", "items": {"type": "string"}},
        "object_labels": {"type": "array", "items": {"type": "string"}},
        "context_window": {"type": "integer", "minimum": 0, "maximum": 10},
        "qualifiers": {
            "type": "object",
            "properties": {
                "exclusive": {"type": "array", "items": {"type": "string", "minLength": 1}},
                "shared": {"type": "array", "items": {"type": "string", "minLength": 1}},
            },
            "additionalProperties": False,
        },
        "constraints": {
            "type": "object",
            "properties": {
                "functional": {"enum": ["subject", "object"]},
                "functional_when": {"enum": ["always", "exclusive"]},
                "exclusive_shared": {"type": "boolean"},
                "polarity": {"type": "boolean"},
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
                    "items": {
                        "type": "object",
                        "required": ["relation"],
                        "properties": {
                            "relation": {"type": "string"},
                            "compatible": {"type": "boolean"},
                        },
                        "additionalProperties": False,
                    },
                },
                "levels": {
                    "type": "object",
                    "properties": {
                        k: {"enum": list(LEVELS)} for k in ("functional", "exclusive_shared", "polarity", "antonym")
                    },
                    "additionalProperties": False,
                },
            },
            "additionalProperties": False,
        },
    },
}
