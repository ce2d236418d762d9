"""``-f sarif``: SARIF 2.1.0 for code-scanning dashboards (GitHub, Azure DevOps, IDEs).

Mapping:

- every rule is declared in ``tool.driver.rules`` (the rules the run loaded when the
  report carries them as ``report.rules``, plus every rule id that produced a finding);
- one result per finding: the first article is the result's ``locations[0]``, the other
  article(s) are ``relatedLocations`` (linked from the message with ``[text](id)``);
- ``level``: error -> ``error``, warning -> ``warning``, suggestion -> ``note``;
- ``partialFingerprints["factcheck/v1"]`` is the line-independent finding fingerprint;
- suppressed findings stay in the log with ``suppressions`` (``inSource`` for inline
  comments, ``external`` for the baseline), so nothing is dropped silently;
- regions give ``startLine/startColumn/endLine/endColumn`` (1-based, end column exclusive)
  and ``charOffset/charLength``; columns count Unicode code points (``columnKind``);
- input problems become ``toolExecutionNotifications`` of the invocation.
"""

from __future__ import annotations

import json
import os
from pathlib import PurePath, PurePosixPath
from typing import Any
from urllib.parse import quote

from checker import __version__

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL_MAP = {"error": "error", "warning": "warning", "suggestion": "note"}
FINGERPRINT_KEY = "factcheck/v1"
MIME = {"md": "text/markdown", "html": "text/html", "txt": "text/plain"}


def artifact_uri(path: str) -> str:
    """A URI reference for a document id: relative paths stay relative (POSIX, %-encoded bytes)."""
    if not path or path in ("-", "<stdin>"):
        return "stdin"
    p = PurePath(path)
    if p.is_absolute():
        try:
            return p.as_uri()
        except ValueError:
            pass
    posix = PurePosixPath(*p.parts) if os.sep == "\\" else PurePosixPath(path)
    # os.fsencode gives back a file name's original bytes (surrogateescape): a byte that is not
    # UTF-8 is percent-encoded as itself instead of crashing the writer
    return quote(os.fsencode(str(posix)), safe="/-._~!$&'()*+,;=:@")


def _rule_descriptor(rule_id: str, rule: Any | None, level: str | None) -> dict[str, Any]:
    desc: dict[str, Any] = {"id": rule_id}
    name = rule_id.replace(".", "-")
    desc["name"] = name
    short = ""
    full = ""
    if rule is not None:
        short = str(getattr(rule, "description", "") or "").strip()
        full = short
        level = getattr(rule, "level", None) or level
        msg = str(getattr(rule, "message", "") or "")
        if msg:
            desc["messageStrings"] = {"default": {"text": msg}}
    if short:
        desc["shortDescription"] = {"text": short.splitlines()[0][:1000]}
        desc["fullDescription"] = {"text": full}
    else:
        desc["shortDescription"] = {"text": rule_id}
    desc["defaultConfiguration"] = {"level": LEVEL_MAP.get(level or "warning", "warning")}
    props: dict[str, Any] = {}
    extends = getattr(rule, "extends", None) if rule is not None else None
    if extends:
        props["ruleType"] = str(extends)
    if props:
        desc["properties"] = props
    return desc


def _region(ev, doc) -> dict[str, Any]:
    region: dict[str, Any] = {
        "startLine": max(1, int(ev.line or 1)),
        "startColumn": max(1, int(ev.column or 1)),
        "endLine": max(1, int(ev.end_line or ev.line or 1)),
        "endColumn": max(1, int(ev.end_column or ev.column or 1)),
        "charOffset": max(0, int(ev.start)),
        "charLength": max(0, int(ev.end) - int(ev.start)),
    }
    if region["endLine"] < region["startLine"]:
        region["endLine"] = region["startLine"]
    if region["endLine"] == region["startLine"] and region["endColumn"] < region["startColumn"]:
        region["endColumn"] = region["startColumn"]
    if ev.quote:
        region["snippet"] = {"text": ev.quote}
    return region


def _physical(ev, doc, artifact_index: dict[str, int]) -> dict[str, Any]:
    loc: dict[str, Any] = {"uri": artifact_uri(ev.doc_id)}
    if ev.doc_id in artifact_index:
        loc["index"] = artifact_index[ev.doc_id]
    phys: dict[str, Any] = {"artifactLocation": loc, "region": _region(ev, doc)}
    if doc is not None:
        # the surrounding line(s), for viewers that show context
        text = doc.text
        s = text.rfind("\n", 0, ev.start) + 1
        e = text.find("\n", ev.end)
        e = len(text) if e < 0 else e
        if e - s <= 2000:
            start_line = max(1, int(ev.line or 1))
            end_line = max(start_line, int(ev.end_line or start_line))
            phys["contextRegion"] = {"startLine": start_line, "endLine": end_line, "snippet": {"text": text[s:e]}}
    return phys


def _suppressions(f) -> list[dict[str, Any]]:
    sup = f.suppressed
    if not sup:
        return []
    kind = "inSource" if sup.get("kind") == "inline" else "external"
    out: dict[str, Any] = {"kind": kind, "status": "accepted"}
    if sup.get("justification"):
        out["justification"] = str(sup["justification"])
    props = {"factcheckKind": str(sup.get("kind", ""))}
    where = sup.get("location")
    if where:
        props["location"] = str(where)
    out["properties"] = props
    return [out]


def _artifacts(report) -> tuple[list[dict[str, Any]], dict[str, int]]:
    artifacts: list[dict[str, Any]] = []
    artifact_index: dict[str, int] = {}
    for d in report.documents:
        artifact_index[d.id] = len(artifacts)
        art: dict[str, Any] = {
            "location": {"uri": artifact_uri(d.id)},
            "roles": ["analysisTarget"],
            "mimeType": MIME.get(d.format, "text/plain"),
            "encoding": d.encoding or "utf-8",
            "properties": {"language": d.language, "role": d.role},
        }
        try:
            art["length"] = len(d.text.encode(_codec(d.encoding)))
        except (UnicodeError, LookupError):
            pass
        artifacts.append(art)
    return artifacts, artifact_index


def _rules(report) -> tuple[list[dict[str, Any]], dict[str, int]]:
    """Rule descriptors: those the run loaded (when known) + those that produced findings."""
    rule_objs: dict[str, Any] = {}
    for r in getattr(report, "rules", None) or []:
        rid = getattr(r, "id", None)
        if rid:
            rule_objs[str(rid)] = r
    seen_levels: dict[str, str] = {}
    for f in report.findings:
        seen_levels.setdefault(f.rule_id, f.level)
    rule_ids = sorted(set(rule_objs) | set(seen_levels))
    rules = [_rule_descriptor(rid, rule_objs.get(rid), seen_levels.get(rid)) for rid in rule_ids]
    return rules, {rid: i for i, rid in enumerate(rule_ids)}


def _result(f, docs: dict, artifact_index: dict[str, int], rule_index: dict[str, int]) -> dict[str, Any]:
    evs = list(f.evidence)
    first = evs[0]
    related = []
    links = []
    for i, ev in enumerate(evs[1:], start=1):
        doc = docs.get(ev.doc_id)
        label = f"{doc.name if doc else ev.doc_id}:{ev.line}"
        related.append(
            {
                "id": i,
                "physicalLocation": _physical(ev, doc, artifact_index),
                "message": {"text": ev.quote or label},
            }
        )
        links.append(f"[{_md_escape(label)}]({i})")
    text = f.message
    if links:
        text = f"{text} (see also {', '.join(links)})"
    result: dict[str, Any] = {
        "ruleId": f.rule_id,
        "ruleIndex": rule_index[f.rule_id],
        "level": LEVEL_MAP.get(f.level, "warning"),
        "kind": "fail",
        "message": {"text": text},
        "locations": [{"physicalLocation": _physical(first, docs.get(first.doc_id), artifact_index)}],
        "partialFingerprints": {FINGERPRINT_KEY: f.fingerprint or ""},
        "rank": round(float(f.score) * 100.0, 2),
    }
    if related:
        result["relatedLocations"] = related
    sups = _suppressions(f)
    if sups:
        result["suppressions"] = sups
    props: dict[str, Any] = {
        "factcheckLevel": f.level,
        "kind": f.kind,
        "score": round(float(f.score), 4),
        "documents": f.documents(),
    }
    values = [ev.value for ev in evs]
    if any(v is not None for v in values):
        props["values"] = values
    if f.explanation:
        props["explanation"] = f.explanation
    result["properties"] = _jsonable(props)
    return result


def _notification(e) -> dict[str, Any]:
    n: dict[str, Any] = {
        "level": "error" if e.kind in ("config", "plugin") else "warning",
        "message": {"text": e.message},
        "descriptor": {"id": f"factcheck/{e.kind}"},
    }
    if e.path:
        loc: dict[str, Any] = {"artifactLocation": {"uri": artifact_uri(e.path)}}
        if e.line:
            reg: dict[str, Any] = {"startLine": int(e.line)}
            if e.column:
                reg["startColumn"] = int(e.column)
            loc["region"] = reg
        n["locations"] = [{"physicalLocation": loc}]
    return n


def build_sarif(report) -> dict[str, Any]:
    """The SARIF log (a dict) for a ``checker.report.Report``."""
    docs = {d.id: d for d in report.documents}
    artifacts, artifact_index = _artifacts(report)
    rules, rule_index = _rules(report)
    results = [_result(f, docs, artifact_index, rule_index) for f in report.findings]
    notifications = [_notification(e) for e in report.errors]
    invocation: dict[str, Any] = {"executionSuccessful": True}
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    run: dict[str, Any] = {
        "tool": {
            "driver": {
                "name": "factcheck",
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": "https://pypi.org/project/factcheck/",
                "rules": rules,
            }
        },
        "invocations": [invocation],
        "artifacts": artifacts,
        "results": results,
        "columnKind": "unicodeCodePoints",
        "properties": {
            "summary": report.summary(),
            "suppressed": sum(1 for f in report.findings if f.suppressed),
            "hiddenByBaseline": int(getattr(report, "hidden_by_baseline", 0) or 0),
            "minLevel": report.min_level,
        },
    }
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def _codec(enc: str | None) -> str:
    """The codec that re-encodes a document to its file bytes (BOM included for utf-8-sig)."""
    import codecs

    try:
        return codecs.lookup(enc or "utf-8").name
    except LookupError:
        return "utf-8"


def _md_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]")


def _jsonable(obj: Any) -> Any:
    return json.loads(json.dumps(obj, ensure_ascii=False, default=str))


def write_sarif(report, stream) -> None:
    """Write the report as a SARIF 2.1.0 log (UTF-8 JSON)."""
    json.dump(build_sarif(report), stream, ensure_ascii=False, indent=2)
    stream.write("\n")
