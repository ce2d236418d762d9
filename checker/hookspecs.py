"""Hook specifications of factcheck plugins.

Every hook receives a ``register`` callable, in the style of ``llm``: a plugin calls it
once per thing it contributes.  Plugins are modules or objects exposing functions
decorated with ``checker.hookimpl`` and listed in the ``factcheck`` entry-point group.
"""
from __future__ import annotations

import pluggy

from checker import PROJECT

hookspec = pluggy.HookspecMarker(PROJECT)


@hookspec
def register_rule_types(register):
    """Contribute rule types.

    Call ``register(name, RuleTypeClass)`` for each; ``RuleTypeClass`` subclasses
    ``checker.ruletype.RuleType``.  YAML rules select it with ``extends: name``.
    """


@hookspec
def register_rule_packs(register):
    """Contribute YAML rule packs: call ``register(path)`` with a directory (or file) of rules."""


@hookspec
def register_formats(register):
    """Contribute report writers: call ``register(name, writer)``.

    ``writer(report, stream)`` writes a ``checker.report.Report`` to a text stream.
    """


@hookspec
def register_commands(cli):
    """Add sub-commands: ``cli`` is the argparse sub-parsers object of ``factcheck``.

    Set ``func=`` with ``parser.set_defaults(func=...)``; it receives the parsed
    arguments and returns an exit code.
    """
