"""The YAML schema of ``extends: numeric`` rules (checked at load time)."""

from __future__ import annotations

from typing import Any

#: values of ``compare.unit`` that name a quantity type itself (``match.unit_ok``)
QTYPE_UNITS = (
    "count",
    "duration",
    "length",
    "area",
    "mass",
    "speed",
    "volume",
    "power",
    "energy",
    "data",
    "rank",
    "tally",
    "clock",
)
#: values of ``compare.unit`` (a family or an ISO currency code)
UNIT_KINDS = ["currency", "money", "percent", "share", "year", "date", "time", *QTYPE_UNITS, "any"]

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
                "cross_warn_embedding": {
                    "type": "number",
                    "minimum": 0,
                    "maximum": 1,
                    "description": (
                        "masked-context embedding cosine from which a generic conflict between sentences of two "
                        "languages is a warning: translation costs the encoder about 0.07 of cosine (with a "
                        "sentence encoder; default 0.86, calibrated on the development mixed stories)"
                    ),
                },
                "slip_embedding": {
                    "type": "number",
                    "minimum": 0,
                    "maximum": 1,
                    "description": (
                        "masked-context embedding cosine from which two figures with a misreport's signature (a "
                        'shifted decimal "1,5 million" / "150 000", transposed digits "14" / "41", one '
                        "number in two units, one date given two weekdays) are compared, at warning level (with "
                        "a sentence encoder; without one, any shared content word; default 0.8)"
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
            "description": "which figures of a sentence the rule claims (all the given conditions must hold)",
            "properties": {
                "entities": dict(
                    STR_LIST,
                    description="canonical entity ids (of entities rules) the sentence must mention, e.g. [Microsoft]",
                ),
                "require": {
                    "enum": ["all", "any"],
                    "description": "whether every listed entity must be mentioned or one is enough (default 'all')",
                },
                "predicates": dict(
                    STR_LIST,
                    description=(
                        "words or phrases (lemmas) that say what the figure is, e.g. [investir, investissement]; "
                        "one must stand within `window` words of the figure; when several rules could claim a "
                        "figure, the one whose predicate is nearest wins"
                    ),
                ),
                "exclude": dict(
                    STR_LIST,
                    description=(
                        "words or phrases that veto the rule when they stand nearer the figure than its "
                        "predicate ('20 % de ses revenus' is not a stake)"
                    ),
                ),
                "window": {
                    "type": "integer",
                    "minimum": 1,
                    "maximum": 60,
                    "description": "greatest distance in words between a predicate and the figure (default 10)",
                },
                "context": {
                    "type": "integer",
                    "minimum": 0,
                    "maximum": 10,
                    "description": (
                        "0: the entities must be named in the sentence itself; above 0 (default 1), an entity "
                        "named in the sentences just before counts too"
                    ),
                },
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
            "description": "how two claimed figures are compared",
            "properties": {
                "unit": {
                    "oneOf": [{"enum": UNIT_KINDS}, {"type": "string", "pattern": "^[A-Z]{3}$"}],
                    "description": (
                        "the kind of figure the rule claims: a unit family or an ISO 4217 currency code (EUR); "
                        "'tally' a vote's tally ('7-2', '312 voix contre 220'); 'clock' a time of day ('6.42am', 'vers 14 h 20'); "
                        "'any' takes every figure"
                    ),
                },
                "tolerance": {
                    "type": "object",
                    "description": "how far apart two figures may be and still agree (the larger of the two rules')",
                    "properties": {
                        "relative": {
                            "type": "number",
                            "minimum": 0,
                            "maximum": 1,
                            "description": (
                                "fraction of the value, e.g. 0.02 for 2 %, for rounding and conversions: it widens "
                                'a figure that may be rounded ("14,000", "3 millions", an approximation, '
                                "decimals) or one converted from another unit, never a precise figure "
                                '("14,236") nor a bound\'s own threshold ("more than 22,000"); not applied to '
                                "percentages, which differ by points"
                            ),
                        },
                        "absolute": {
                            "type": "number",
                            "minimum": 0,
                            "description": "in the figure's unit (points for percentages, days for dates)",
                        },
                    },
                    "additionalProperties": False,
                },
                "bound_slack": {
                    "type": "number",
                    "minimum": 1,
                    "description": (
                        "upper bound a lower bound implies, as a factor ('plus de 13 milliards' is not 40 "
                        "milliards at 1.5); accepted here, but the factor in use is the plugin setting "
                        "`plugins: {numeric: {bound_slack: ...}}` of the configuration (default 1.5)"
                    ),
                },
                "implied": {
                    "type": "boolean",
                    "description": (
                        "compare what a bound implies ('plus de 13 milliards' against '40 milliards', a lower "
                        "score); false on either rule keeps only figures that cannot both be true (default true)"
                    ),
                },
                "cumulative": {
                    "type": "boolean",
                    "description": (
                        "the figures add up over time (amounts invested, raised): a figure of one year or "
                        "instalment that fits in an overall one is a part, at most a suggestion (default false)"
                    ),
                },
                "scope": {
                    "enum": ["lower", "strict", "ignore"],
                    "description": (
                        "a figure with a time scope against one without (one year vs overall): 'lower' "
                        "(default) lowers the level one step, 'strict' does not compare them, 'ignore' compares "
                        "them as if the same; two different scopes (2023 vs 2024) are compared only with 'ignore'"
                    ),
                },
            },
            "additionalProperties": False,
        },
    },
    "additionalProperties": False,
}
