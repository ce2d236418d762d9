"""The YAML schema of ``extends: numeric`` rules (checked at load time)."""

from __future__ import annotations

from typing import Any

#: values of ``compare.unit`` (a family or an ISO currency code)
UNIT_KINDS = [
    "currency",
    "money",
    "percent",
    "share",
    "year",
    "date",
    "time",
    "count",
    "duration",
    "length",
    "area",
    "mass",
    "speed",
    "volume",
    "power",
    "energy",
    "rank",
    "any",
]

STR_LIST = {"type": "array", "items": {"type": "string", "minLength": 1}}

NUMERIC_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "slot": {
            "type": "string",
            "minLength": 1,
            "description": "shared slot name: rules of other languages with the same slot are compared",
        },
        "generic": {
            "type": "boolean",
            "description": (
                "compare the quantities no dedicated rule claimed, by what they measure (type, unit, counted-noun "
                "class), shared entities and context similarity"
            ),
        },
        "pairing": {
            "type": "object",
            "description": "candidate pairing of a generic rule (top-k partners per claim, never all pairs)",
            "properties": {
                "top_k": {
                    "type": "integer",
                    "minimum": 1,
                    "maximum": 50,
                    "description": "partners kept per claim, best context similarity first (default 2)",
                },
                "min_similarity": {
                    "type": "number",
                    "minimum": 0,
                    "maximum": 1,
                    "description": (
                        "minimum TF-IDF cosine of the two sentences' content lemmas (numbers masked) for a "
                        "candidate pair, unless each article states this specific measure once (default 0.15)"
                    ),
                },
                "warn_similarity": {
                    "type": "number",
                    "minimum": 0,
                    "maximum": 1,
                    "description": (
                        "context similarity from which a generic conflict is a warning, not a suggestion (default 0.3)"
                    ),
                },
                "same_measure": {
                    "type": "number",
                    "minimum": 0,
                    "maximum": 1,
                    "description": (
                        "cosine of the embeddings of two counted nouns that no class table knows from which they "
                        "are one measure (with a sentence encoder; default 0.93)"
                    ),
                },
                "min_embedding": {
                    "type": "number",
                    "minimum": 0,
                    "maximum": 1,
                    "description": (
                        "masked-context embedding cosine that makes a candidate pair without lexical overlap "
                        "(with a sentence encoder; default 0.9)"
                    ),
                },
                "warn_embedding": {
                    "type": "number",
                    "minimum": 0,
                    "maximum": 1,
                    "description": (
                        "masked-context embedding cosine from which a generic conflict is a warning (with a "
                        "sentence encoder; default 0.93)"
                    ),
                },
                "warn_overlap": {
                    "type": "number",
                    "minimum": 0,
                    "maximum": 1,
                    "description": ("entity overlap (shared / smaller set) needed as well for a warning (default 0.5)"),
                },
            },
            "additionalProperties": False,
        },
        "match": {
            "type": "object",
            "properties": {
                "entities": STR_LIST,
                "require": {"enum": ["all", "any"]},
                "predicates": STR_LIST,
                "exclude": STR_LIST,
                "window": {"type": "integer", "minimum": 1, "maximum": 60},
                "context": {"type": "integer", "minimum": 0, "maximum": 10},
                "nouns": dict(
                    STR_LIST,
                    description=(
                        "counted nouns of the slot (count quantities only); the listed nouns form one class: "
                        "'400 employees' and '400 people' are compared"
                    ),
                ),
                "key_entity": {
                    "enum": ["none", "nearest"],
                    "description": (
                        "'nearest': the slot key includes the entity the figure belongs to (nearest company "
                        "mention of the sentence, else those of the previous sentence), so Valmont's revenue "
                        "is not compared with Transalpes' revenue"
                    ),
                },
                "key_labels": dict(
                    STR_LIST, description=("entity labels allowed as key_entity (default: any label but PER/PERSON)")
                ),
            },
            "additionalProperties": False,
        },
        "compare": {
            "type": "object",
            "properties": {
                "unit": {"oneOf": [{"enum": UNIT_KINDS}, {"type": "string", "pattern": "^[A-Z]{3}$"}]},
                "tolerance": {
                    "type": "object",
                    "properties": {
                        "relative": {"type": "number", "minimum": 0, "maximum": 1},
                        "absolute": {"type": "number", "minimum": 0},
                    },
                    "additionalProperties": False,
                },
                "bound_slack": {"type": "number", "minimum": 1},
                "implied": {"type": "boolean"},
                "cumulative": {"type": "boolean"},
                "scope": {"enum": ["lower", "strict", "ignore"]},
            },
            "additionalProperties": False,
        },
    },
    "additionalProperties": False,
}
