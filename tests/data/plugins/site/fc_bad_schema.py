"""A plugin declaring a rule type with an invalid JSON schema."""

from checker import hookimpl
from checker.ruletype import RuleType


class BadSchema(RuleType):
    name = "bad-schema"
    schema = {"type": "object", "properties": {"match": {"type": "no-such-type"}}}


@hookimpl
def register_rule_types(register):
    register("bad-schema", BadSchema)
