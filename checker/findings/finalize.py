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
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()[:32]


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


def contract_problem(f: object, ctx: RunContext) -> str | None:
    """Why a rule type's output is not a valid finding, or None."""
    if not isinstance(f, Finding):
        return f"returned {type(f).__name__} instead of a Finding"
    if f.level not in LEVELS:
        return f"finding with unknown level {f.level!r}"
    if not isinstance(f.evidence, (list, tuple)) or not all(isinstance(e, Evidence) for e in f.evidence):
        return "finding whose evidence is not a list of Evidence"
    if not all(isinstance(e.start, int) and isinstance(e.end, int) for e in f.evidence):
        return "finding with non-integer evidence offsets"
    if not isinstance(f.score, (int, float)) or f.score != f.score:
        return f"finding with invalid score {f.score!r}"
    if not isinstance(f.explanation, dict):
        return "finding whose explanation is not a mapping"
    if len({e.doc_id for e in f.evidence}) < 2:
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
