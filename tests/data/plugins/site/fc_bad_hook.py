"""A plugin whose hooks raise."""

from checker import hookimpl


@hookimpl
def register_rule_types(register):
    raise ValueError("hook exploded")


@hookimpl
def register_formats(register):
    register("never-callable", "not a function")
