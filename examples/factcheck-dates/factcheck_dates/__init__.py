"""factcheck-dates: an example third-party plugin for factcheck.

It adds the ``event-date`` rule type (the same event dated differently by two
articles) and ships a YAML rule pack that uses it.  Both are registered through the
``factcheck`` entry-point group declared in this package's ``pyproject.toml``.
"""

from __future__ import annotations

from pathlib import Path

from checker import hookimpl

__version__ = "0.1.0"
RULES_DIR = Path(__file__).resolve().parent / "rules"


@hookimpl
def register_rule_types(register):
    # imported here so that `factcheck plugins` stays fast
    from factcheck_dates.ruletype import EventDateRuleType

    register("event-date", EventDateRuleType)


@hookimpl
def register_rule_packs(register):
    register(RULES_DIR)
