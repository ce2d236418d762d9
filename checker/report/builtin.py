"""The built-in report writers, registered like any third-party format plugin."""
from __future__ import annotations

from checker import hookimpl
from checker.report.jsonfmt import write_json
from checker.report.text import write_text


@hookimpl
def register_formats(register):
    register("text", write_text)
    register("json", write_json)
