"""Shared test helpers (``from helpers.X import ...``; ``tests/`` is on pytest's ``pythonpath``)."""
