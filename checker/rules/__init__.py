"""YAML rules: loading with file:line:column errors, schema validation, message templates.

The names below are the package's public face (``from checker.rules import Rule, load_rules``).
"""

from checker.rules.ruleset import (
    RULE_SUFFIXES,
    Rule,
    RuleSet,
    format_safely,
    iter_rule_files,
    load_rules,
)
from checker.rules.schema import (
    COMMON_DEFS,
    COMMON_PROPERTIES,
    check_schema,
    full_schema,
)

__all__ = [
    "COMMON_DEFS",
    "COMMON_PROPERTIES",
    "RULE_SUFFIXES",
    "Rule",
    "RuleSet",
    "check_schema",
    "format_safely",
    "full_schema",
    "iter_rule_files",
    "load_rules",
]
