"""A plugin whose import fails (a missing dependency, a syntax error in real life)."""

raise RuntimeError("boom at import time")
