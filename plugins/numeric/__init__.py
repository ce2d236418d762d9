"""Built-in factcheck plugin: the ``numeric`` rule type.

Quantities (amounts, shares, years, dates, counts) are parsed into intervals with unit
and provenance (``parse``), attached to what they measure (``slots``) and compared slot
by slot across articles (``ruletype``).
"""
from __future__ import annotations

from checker import hookimpl


@hookimpl
def register_rule_types(register):
    from plugins.numeric.ruletype import NumericRuleType

    register("numeric", NumericRuleType)
