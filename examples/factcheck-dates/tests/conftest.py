"""Use factcheck's pytest plugin even where its ``pytest11`` entry point is not installed."""

from __future__ import annotations

import checker.testing


def pytest_configure(config):
    pm = config.pluginmanager
    if not pm.is_registered(checker.testing):
        pm.register(checker.testing, "factcheck-testing")
