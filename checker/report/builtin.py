"""The built-in report writers, registered like any third-party format plugin.

A format plugin does the same: ``@hookimpl def register_formats(register):
register("name", writer)`` where ``writer(report, stream)`` writes a
``checker.report.Report`` to a text stream.
"""

from __future__ import annotations

from checker import hookimpl
from checker.report.github import write_github
from checker.report.html import write_html
from checker.report.jsonfmt import write_json
from checker.report.jsonl import write_jsonl
from checker.report.markdown import write_markdown
from checker.report.sarif import write_sarif
from checker.report.text import write_text

BUILTIN_FORMATS = {
    "text": write_text,
    "json": write_json,
    "jsonl": write_jsonl,
    "sarif": write_sarif,
    "github": write_github,
    "markdown": write_markdown,
    "html": write_html,
}


@hookimpl
def register_formats(register):
    for name, writer in BUILTIN_FORMATS.items():
        register(name, writer)
