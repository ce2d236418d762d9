"""Built-in factcheck plugin: canonical entities (``entities``) and relation triples (``relation``)."""
from __future__ import annotations

from checker import hookimpl


@hookimpl
def register_rule_types(register):
    from plugins.relations.entities import EntitiesRuleType

    register("entities", EntitiesRuleType)
    try:
        from plugins.relations.relation import RelationRuleType
    except ImportError:  # pragma: no cover - relation module not there yet
        return
    register("relation", RelationRuleType)
