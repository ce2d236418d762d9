"""Findings leaving the pipeline: validated, located, fingerprinted, deduplicated and ordered.

* :func:`valid_findings` keeps what a rule type returned that honours the ``Finding``
  contract (each problem is one ``plugin`` error naming the plugin; the finding is dropped)
  and, in draft mode, only findings about the draft;
* :func:`finalize` fills each evidence's exact quote and line/column from the original
  text, clamps scores, gives every finding a line-independent fingerprint, keeps the
  strongest of duplicates and sorts deterministically.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from collections.abc import Iterable
from typing import TYPE_CHECKING

from checker.model import LEVELS, Document, Evidence, Finding

if TYPE_CHECKING:  # pragma: no cover
    from checker.context import RunContext


def fingerprint(finding: Finding, docs: dict[str, Document]) -> str:
    """Stable identity of a finding that does not depend on line numbers or order of sides."""
    sides = []
    for ev in finding.evidence:
        name = docs[ev.doc_id].name if ev.doc_id in docs else ev.doc_id
        quote = " ".join(unicodedata.normalize("NFC", ev.quote).split())
        sides.append(f"{name}\x1f{quote}")
    raw = "\x1e".join([finding.rule_id] + sorted(sides))
    return hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def finding_sort_key(f: Finding):
    first = f.evidence[0] if f.evidence else None
    return (
        -LEVELS.index(f.level) if f.level in LEVELS else 0,
        first.doc_id if first else "",
        first.start if first else 0,
        f.rule_id,
        tuple((e.doc_id, e.start, e.end) for e in f.evidence),
        f.message,
    )


def _not_json(value: object) -> str | None:
    """Why ``value`` cannot be written by the report writers (strict JSON), or None."""
    try:
        json.dumps(value)
    except (TypeError, ValueError, RecursionError) as exc:
        return str(exc)
    return None


def _field_problem(f: Finding) -> str | None:
    """Type problems of the fields every writer reads (rule id, kind, message, evidence, explanation)."""
    for name in ("rule_id", "message"):
        value = getattr(f, name)
        if not isinstance(value, str) or not value:
            return f"finding whose {name} is {value!r} (a non-empty string is required)"
    if not isinstance(f.kind, str):
        return f"finding whose kind is {f.kind!r} (a string is required)"
    if f.suppressed is not None and not isinstance(f.suppressed, dict):
        return "finding whose suppressed is not a mapping"
    for e in f.evidence if isinstance(f.evidence, (list, tuple)) else ():
        if isinstance(e, Evidence) and not isinstance(e.doc_id, str):
            return f"finding with evidence whose doc_id is {e.doc_id!r}"
        if isinstance(e, Evidence) and e.value is not None:
            if not isinstance(e.value, dict):
                return "finding with an evidence value that is not a mapping"
            why = _not_json(e.value)
            if why:
                return f"finding with an evidence value that is not JSON ({why})"
    return None


def contract_problem(f: object, ctx: RunContext) -> str | None:
    """Why a rule type's output is not a valid finding, or None (every field the writers read is checked)."""
    if not isinstance(f, Finding):
        return f"returned {type(f).__name__} instead of a Finding"
    problem = _field_problem(f)
    if problem:
        return problem
    if not isinstance(f.level, str) or f.level not in LEVELS:
        return f"finding with unknown level {f.level!r}"
    if not isinstance(f.evidence, (list, tuple)) or not all(isinstance(e, Evidence) for e in f.evidence):
        return "finding whose evidence is not a list of Evidence"
    if not all(type(e.start) is int and type(e.end) is int for e in f.evidence):  # bool is no offset
        return "finding with non-integer evidence offsets"
    if isinstance(f.score, bool) or not isinstance(f.score, (int, float)) or f.score != f.score:
        return f"finding with invalid score {f.score!r}"
    if not isinstance(f.explanation, dict):
        return "finding whose explanation is not a mapping"
    why = _not_json(f.explanation)
    if why:
        return f"finding whose explanation is not JSON ({why})"
    docs = {e.doc_id for e in f.evidence}
    if f.within_document is not False and f.within_document is not True:
        return "finding whose within_document is not a boolean"
    if f.within_document and len(docs) != 1:
        return "finding within a document with evidence from another"
    if not f.within_document and len(docs) < 2:
        return "finding without evidence from two documents"
    for e in f.evidence:
        doc = ctx.documents.get(e.doc_id)
        if doc is None or not (0 <= e.start < e.end <= len(doc.text)):
            return f"finding with evidence outside its document ({e.doc_id}:{e.start}-{e.end})"
    return None


def valid_findings(ctx: RunContext, name: str, owner: str, items: Iterable[object]) -> list[Finding]:
    good = []
    for f in items:
        problem = contract_problem(f, ctx)
        if problem:
            ctx.error(None, f"plugin '{owner}': rule type '{name}' {problem}; dropped", kind="plugin")
            continue
        assert isinstance(f, Finding)
        if ctx.focus is not None and not any(e.doc_id in ctx.focus for e in f.evidence):
            continue  # draft mode: not about the draft
        if not f.kind:
            f.kind = name
        good.append(f)
    return good


def finalize(findings: list[Finding], docs: dict[str, Document]) -> list[Finding]:
    out: dict[str, Finding] = {}
    for f in findings:
        for ev in f.evidence:
            doc = docs[ev.doc_id]
            ev.quote = doc.text[ev.start : ev.end]
            ev.line, ev.column = doc.line_col(ev.start)
            ev.end_line, ev.end_column = doc.line_col(ev.end)
        f.score = max(0.0, min(1.0, float(f.score)))
        f.fingerprint = fingerprint(f, docs)
        prev = out.get(f.fingerprint)
        if prev is None or (LEVELS.index(f.level), f.score) > (LEVELS.index(prev.level), prev.score):
            out[f.fingerprint] = f
    return sorted(out.values(), key=finding_sort_key)
