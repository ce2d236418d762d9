"""factcheck: cross-article fact-consistency checker (import package ``checker``)."""

from __future__ import annotations

import pluggy

__version__ = "0.1.0"

PROJECT = "factcheck"
hookimpl = pluggy.HookimplMarker(PROJECT)
"""Decorator for plugin hook implementations: ``@hookimpl def register_rule_types(register): ...``."""

__all__ = ["hookimpl", "__version__", "PROJECT"]

from checker import _legacy  # noqa: E402 - old module paths, for one release

_legacy.install()
