"""Baseline files: findings already reviewed, hidden from later runs by fingerprint.

A baseline is a JSON file (UTF-8, sorted, no timestamps, so it diffs well in review)::

    {
      "version": 1,
      "tool": "factcheck",
      "findings": [
        {"fingerprint": "3f0c…", "rule_id": "fr.investment-amount", "level": "error",
         "documents": ["a.md", "b.md"], "message": "…", "quotes": ["13,75 milliards", "10 milliards"],
         "justification": ""}
      ]
    }

Only ``fingerprint`` is used for matching; the other keys help a reviewer read the file.
``justification`` may be edited by hand: :func:`update` keeps it.  Fingerprints come from
``Finding.fingerprint`` (rule id + document names + normalised quotes), so editing other
parts of an article, or moving a passage to another line, does not invalidate them.

- :func:`create` writes the findings of a run (inline-suppressed ones excluded: the
  comment already records the review).
- :func:`update` keeps the entries the run still produces, adds the new ones and drops
  the fixed ones (entries whose documents were not part of the run are kept when the
  checked documents are given); it returns the counts.
- :func:`load` reads and validates a file, raising :class:`BaselineError` (file, line,
  column) for a missing or malformed file.
- :func:`apply` marks matching findings ``suppressed = {"kind": "baseline", ...}`` and
  returns how many were hidden.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from checker.fileio import atomic_write
from checker.model import Finding, InputError

__all__ = ["BaselineError", "VERSION", "create", "update", "load", "apply", "entry_for", "dumps"]

VERSION = 1


class BaselineError(Exception):
    """A baseline file that cannot be used; ``str()`` gives ``path[:line[:column]]: message``."""

    def __init__(self, path: str | os.PathLike, message: str, line: int | None = None, column: int | None = None):
        self.path = str(path)
        self.message = message
        self.line = line
        self.column = column
        where = self.path
        if line is not None:
            where += f":{line}"
            if column is not None:
                where += f":{column}"
        super().__init__(f"{where}: {message}")

    def to_input_error(self) -> InputError:
        return InputError(path=self.path, message=self.message, line=self.line, column=self.column, kind="config")


def _name(doc_id: str) -> str:
    return doc_id.replace("\\", "/").rsplit("/", 1)[-1]


def entry_for(finding: Finding) -> dict[str, Any]:
    """The baseline entry of one finding (fingerprint plus human-readable context)."""
    if not finding.fingerprint:
        raise ValueError(f"finding of rule {finding.rule_id!r} has no fingerprint (run it through the Checker)")
    docs: list[str] = []
    for ev in finding.evidence:
        if _name(ev.doc_id) not in docs:
            docs.append(_name(ev.doc_id))
    return {
        "fingerprint": finding.fingerprint,
        "rule_id": finding.rule_id,
        "level": finding.level,
        "documents": docs,
        "message": finding.message,
        "quotes": [" ".join(ev.quote.split()) for ev in finding.evidence],
        "justification": "",
    }


def _sort_key(entry: dict[str, Any]):
    return (str(entry.get("rule_id", "")), list(map(str, entry.get("documents", []))), str(entry["fingerprint"]))


def dumps(entries: Iterable[dict[str, Any]]) -> str:
    """Serialise entries as a stable baseline document (sorted, one fingerprint once)."""
    unique: dict[str, dict[str, Any]] = {}
    for e in entries:
        unique.setdefault(e["fingerprint"], e)
    data = {"version": VERSION, "tool": "factcheck", "findings": sorted(unique.values(), key=_sort_key)}
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _write(path: str | os.PathLike, text: str) -> None:
    # atomic replace: an interrupted write never leaves half a baseline behind
    atomic_write(path, text)


def _baselinable(findings: Iterable[Finding]) -> list[Finding]:
    return [f for f in findings if not (f.suppressed and f.suppressed.get("kind") == "inline")]


def create(path: str | os.PathLike, findings: Iterable[Finding]) -> dict[str, int]:
    """Write a new baseline with the findings of a run; return ``{"total": n, "added": n}``.

    Findings silenced by an inline comment are left out (the comment is the record).
    An existing file is overwritten.
    """
    entries = [entry_for(f) for f in _baselinable(findings)]
    text = dumps(entries)
    _write(path, text)
    total = len(json.loads(text)["findings"])
    return {"total": total, "added": total, "kept": 0, "removed": 0}


def update(
    path: str | os.PathLike, findings: Iterable[Finding], documents: Iterable[str] | None = None
) -> dict[str, int]:
    """Refresh a baseline: keep entries still produced, add new ones, drop fixed ones.

    ``findings`` is the result of a run over the articles the baseline covers (findings
    already hidden by this baseline count as produced).  Kept entries keep their
    hand-written ``justification``; their other keys are refreshed.  When ``documents``
    (the ids or names of the checked documents) is given, an entry that mentions a
    document outside the run is kept as it is: a partial run cannot tell it was fixed.
    A missing file is created.  Returns ``{"kept", "added", "removed", "total"}``.
    """
    old_entries: list[dict[str, Any]] = []
    if Path(path).exists():
        old_entries = load(path)["findings"]
    checked = None if documents is None else {_name(str(d)) for d in documents}
    new: dict[str, dict[str, Any]] = {}
    for f in _baselinable(findings):
        e = entry_for(f)
        new.setdefault(e["fingerprint"], e)
    out: list[dict[str, Any]] = []
    kept = removed = 0
    seen_old: set[str] = set()
    for old in old_entries:
        fp = old["fingerprint"]
        if fp in seen_old:
            continue
        seen_old.add(fp)
        if fp in new:
            merged = dict(old)
            merged.update({k: v for k, v in new[fp].items() if k != "justification"})
            merged.setdefault("justification", "")
            out.append(merged)
            kept += 1
        elif checked is not None and not set(map(str, old.get("documents") or [])) <= checked:
            out.append(old)
            kept += 1
        else:
            removed += 1
    added = 0
    for fp, e in new.items():
        if fp not in seen_old:
            out.append(e)
            added += 1
    text = dumps(out)
    _write(path, text)
    return {"kept": kept, "added": added, "removed": removed, "total": kept + added}


def load(path: str | os.PathLike) -> dict[str, Any]:
    """Read and validate a baseline file; raise :class:`BaselineError` if it cannot be used."""
    p = Path(path)
    try:
        raw = p.read_bytes()
    except FileNotFoundError:
        raise BaselineError(path, "baseline file not found (create it with 'factcheck baseline create')") from None
    except IsADirectoryError:
        raise BaselineError(path, "is a directory, not a baseline file") from None
    except OSError as exc:
        raise BaselineError(path, f"cannot read baseline file: {exc.strerror or exc}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BaselineError(path, f"not UTF-8 text (byte {exc.start})") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise BaselineError(path, f"invalid JSON: {exc.msg}", line=exc.lineno, column=exc.colno) from None
    if not isinstance(data, dict):
        raise BaselineError(path, "a baseline must be a JSON object with 'version' and 'findings'", line=1)
    version = data.get("version")
    if version != VERSION:
        raise BaselineError(path, f"unsupported baseline version {version!r} (expected {VERSION})")
    entries = data.get("findings")
    if not isinstance(entries, list):
        raise BaselineError(path, "'findings' must be a list")
    for i, e in enumerate(entries):
        if not isinstance(e, dict) or not isinstance(e.get("fingerprint"), str) or not e["fingerprint"]:
            line = _entry_line(text, i)
            raise BaselineError(path, f"entry {i + 1} of 'findings' has no 'fingerprint' string", line=line)
    data["path"] = str(path)
    return data


def _entry_line(text: str, index: int) -> int | None:
    """Line of the index-th element of the top-level 'findings' array (the JSON is valid)."""
    import re

    m = re.search(r'"findings"\s*:\s*\[', text)
    if not m:
        return None
    decoder = json.JSONDecoder()
    pos = m.end()
    try:
        for k in range(index + 1):
            while text[pos] in " \t\r\n,":
                pos += 1
            if text[pos] == "]":
                return None
            if k == index:
                return text.count("\n", 0, pos) + 1
            _, pos = decoder.raw_decode(text, pos)
    except (IndexError, ValueError):
        return None
    return None


def apply(findings: Iterable[Finding], baseline: dict[str, Any] | str | os.PathLike) -> int:
    """Mark findings whose fingerprint is in ``baseline``; return how many were hidden.

    ``baseline`` is what :func:`load` returned (a path is loaded first).  A hidden finding
    gets ``suppressed = {"kind": "baseline", "justification": ..., "location": <file>}``;
    findings already suppressed inline are left as they are and not counted.
    """
    if not isinstance(baseline, dict):
        baseline = load(baseline)
    by_fp = {e["fingerprint"]: e for e in baseline.get("findings", []) if isinstance(e, dict) and "fingerprint" in e}
    where = str(baseline.get("path", ""))
    hidden = 0
    for f in findings:
        if f.suppressed is not None:
            continue
        e = by_fp.get(f.fingerprint)
        if e is not None and f.fingerprint:
            f.suppressed = {"kind": "baseline", "justification": str(e.get("justification") or ""), "location": where}
            hidden += 1
    return hidden
