"""A plugin with a misspelt hook name: pluggy's check_pending catches it."""

from checker import hookimpl


@hookimpl
def register_rule_type(register):  # missing "s"
    pass
