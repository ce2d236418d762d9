"""Hook specifications of factcheck plugins.

Every hook receives a ``register`` callable, in the style of ``llm``: a plugin calls it
once per thing it contributes.  Plugins are modules or objects exposing functions
decorated with ``checker.hookimpl`` and listed in the ``factcheck`` entry-point group.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

import pluggy

from checker import PROJECT

if TYPE_CHECKING:  # pragma: no cover
    from checker.report import Report

#: ``register(name, RuleTypeClass)`` or ``register(RuleTypeClass)`` (the class's ``name``).
RegisterRuleType = Callable[..., None]
#: ``register(path)``: a directory or file of YAML rules.
RegisterRulePack = Callable[[str | Path], None]
#: ``writer(report, stream)``.
Writer = Callable[["Report", TextIO], Any]

hookspec = pluggy.HookspecMarker(PROJECT)


@hookspec
def register_rule_types(register: RegisterRuleType) -> None:
    """Contribute rule types.

    Call ``register(name, RuleTypeClass)`` for each; ``RuleTypeClass`` subclasses
    ``checker.ruletype.RuleType``.  YAML rules select it with ``extends: name``.
    """


@hookspec
def register_rule_packs(register: RegisterRulePack) -> None:
    """Contribute YAML rule packs: call ``register(path)`` with a directory (or file) of rules."""


@hookspec
def register_formats(register: Callable[[str, Writer], None]) -> None:
    """Contribute report writers: call ``register(name, writer)``.

    ``writer(report, stream)`` writes a ``checker.report.Report`` to a text stream.
    """


@hookspec
def register_commands(cli: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add sub-commands: ``cli`` is the argparse sub-parsers object of ``factcheck``.

    Set ``func=`` with ``parser.set_defaults(func=...)``; it receives the parsed
    arguments and returns an exit code.
    """
