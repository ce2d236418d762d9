"""Built-in factcheck plugin: canonical entities (``entities``) and relation triples (``relation``)."""
from __future__ import annotations

from checker import hookimpl


@hookimpl
def register_rule_types(register):
    from plugins.relations.entities import EntitiesRuleType
    from plugins.relations.relation import RelationRuleType

    register("entities", EntitiesRuleType)
    register("relation", RelationRuleType)
