"""Built-in factcheck plugin: relation triples (``relation``), over the ``entities`` annotation."""

from __future__ import annotations

from checker import hookimpl


@hookimpl
def register_rule_types(register):
    from plugins.relations.ruletype import RelationRuleType

    register("relation", RelationRuleType)
