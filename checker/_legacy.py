"""Old import paths of the core, kept for one release (0.2) after the move into sub-packages.

``import checker.pipeline`` (or any name in :data:`MOVED`) still works: the finder below
answers with the module at its new path, once, with a ``DeprecationWarning`` naming it.
The alias is the same module object, so patching ``checker.pipeline.X`` patches the new one.
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import sys
import warnings

#: old module -> new module
MOVED: dict[str, str] = {
    "checker.load": "checker.text.load",
    "checker.clean": "checker.text.clean",
    "checker.segment": "checker.text.segment",
    "checker.langid": "checker.text.langid",
    "checker.nlp": "checker.text.nlp",
    "checker.yamlpos": "checker.rules.yamlpos",
    "checker.pipeline": "checker.run.pipeline",
    "checker.parallel": "checker.run.pool",
    "checker.distributed": "checker.run.distributed",
    "checker.analysis_cache": "checker.run.cache",
    "checker.ruletest": "checker.run.ruletest",
    "checker.suppress": "checker.findings.suppress",
    "checker.baseline": "checker.findings.baseline",
}


class _Alias(importlib.abc.Loader):
    def __init__(self, target: str) -> None:
        self.target = target

    def create_module(self, spec):  # noqa: D102 - importlib protocol
        return importlib.import_module(self.target)

    def exec_module(self, module) -> None:  # noqa: D102 - the target is already executed
        return None


class LegacyFinder(importlib.abc.MetaPathFinder):
    """Resolves the old paths of :data:`MOVED` to their new modules."""

    def find_spec(self, fullname, path=None, target=None):  # noqa: D102 - importlib protocol
        new = MOVED.get(fullname)
        if new is None:
            return None
        warnings.warn(
            f"{fullname} moved to {new}; the old path goes away in factcheck 0.3", DeprecationWarning, stacklevel=3
        )
        return importlib.machinery.ModuleSpec(fullname, _Alias(new))


def install() -> None:
    if not any(isinstance(f, LegacyFinder) for f in sys.meta_path):
        sys.meta_path.append(LegacyFinder())
