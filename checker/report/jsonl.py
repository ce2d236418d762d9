"""``-f jsonl``: one JSON object per line, for streaming tools (``jq -c``, log shippers).

Every line has a ``type``:

- ``{"type": "finding", ...}`` one per finding, the same keys as a finding of ``-f json``
  (suppressed findings included, with their ``suppressed`` object);
- ``{"type": "error", ...}`` one per input problem;
- ``{"type": "summary", "documents": n, "summary": {...}, "suppressed": n,
  "hidden_by_baseline": n, "tool": {...}}`` last, always present.

Objects are written compactly (no newline inside a record), non-ASCII kept as UTF-8.
"""

from __future__ import annotations

import json

from checker import __version__


def _dump(obj) -> str:
    # json.dumps never emits a raw newline (they are escaped in strings); U+2028/9 are
    # escaped too so line-oriented readers that split on them keep one record per line
    return (
        json.dumps(obj, ensure_ascii=False, separators=(",", ":"), default=str)
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def records(report):
    """The records of a report, in output order."""
    for f in report.findings:
        yield {"type": "finding", **f.to_dict()}
    for e in report.errors:
        yield {"type": "error", **e.to_dict()}
    yield {
        "type": "summary",
        "tool": {"name": "factcheck", "version": __version__},
        "documents": len(report.documents),
        "summary": report.summary(),
        "suppressed": sum(1 for f in report.findings if f.suppressed),
        "hidden_by_baseline": int(getattr(report, "hidden_by_baseline", 0) or 0),
    }


def write_jsonl(report, stream) -> None:
    """Write the report as JSON Lines (findings, errors, then one summary record)."""
    for rec in records(report):
        stream.write(_dump(rec) + "\n")
