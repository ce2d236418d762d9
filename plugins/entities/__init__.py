"""Built-in factcheck plugin: the ``entities`` annotator (canonical entities on sentences).

It *provides* ``entities``; the numeric and relation rule types *require* it, and the host
runs it before them.  Alias lists are YAML rules of type ``entities``.
"""

from __future__ import annotations

from checker import hookimpl


@hookimpl
def register_rule_types(register):
    from plugins.entities.ruletype import EntitiesRuleType

    register("entities", EntitiesRuleType)
