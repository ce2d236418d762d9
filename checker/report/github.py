"""``-f github``: GitHub Actions workflow commands (annotations on the changed files).

One command per side of each finding, so both articles get the annotation::

    ::error file=a.md,line=3,endLine=3,col=5,endColumn=21,title=fr.amount::Montant divergent ... (vs b.md:7 «10 milliards»)

Levels: error -> ``::error``, warning -> ``::warning``, suggestion -> ``::notice``.
Suppressed findings are not annotated (a final ``::notice`` line says how many were
suppressed or hidden by the baseline).  Input problems become ``::warning``/``::error``.
Escaping follows the runner: in the message ``%`` ``\\r`` ``\\n`` become ``%25 %0D %0A``;
property values additionally escape ``:`` and ``,`` (``%3A %2C``).
"""

from __future__ import annotations

COMMAND = {"error": "error", "warning": "warning", "suggestion": "notice"}


def escape_data(text: str) -> str:
    """Escape a workflow-command message."""
    return str(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a workflow-command property value (``file=``, ``title=``...)."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _short(text: str, width: int = 160) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def command(kind: str, message: str, **props) -> str:
    """Format one workflow command; properties with a ``None`` value are left out."""
    parts = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items() if v is not None)
    return f"::{kind}{(' ' + parts) if parts else ''}::{escape_data(message)}"


def lines(report) -> list[str]:
    """The workflow-command lines for a report (without trailing newlines)."""
    out: list[str] = []
    docs = {d.id: d for d in report.documents}
    for f in report.findings:
        if f.suppressed:
            continue
        kind = COMMAND.get(f.level, "warning")
        for i, ev in enumerate(f.evidence):
            others = [o for j, o in enumerate(f.evidence) if j != i]
            refs = "; ".join(
                f"{docs[o.doc_id].name if o.doc_id in docs else o.doc_id}:{o.line} «{_short(o.quote, 100)}»"
                for o in others
            )
            message = f.message + (f" (vs {refs})" if refs else "")
            reason = f.explanation.get("reason") if isinstance(f.explanation, dict) else None
            if reason:
                message += f"\n{reason}"
            props = {"file": ev.doc_id, "line": ev.line or 1, "endLine": ev.end_line or ev.line or 1}
            # GitHub only honours columns for single-line annotations
            if (ev.end_line or ev.line) == ev.line and ev.column:
                props["col"] = ev.column
                props["endColumn"] = ev.end_column or ev.column
            props["title"] = f"{f.rule_id} ({f.level})"
            out.append(command(kind, message, **props))
    for e in report.errors:
        kind = "error" if e.kind in ("config", "plugin") else "warning"
        props = {}
        if e.path:
            props["file"] = e.path
            if e.line:
                props["line"] = e.line
                if e.column:
                    props["col"] = e.column
        props["title"] = f"factcheck {e.kind} problem"
        out.append(command(kind, e.message, **props))
    inline = sum(1 for f in report.findings if f.suppressed and f.suppressed.get("kind") == "inline")
    baseline = sum(1 for f in report.findings if f.suppressed and f.suppressed.get("kind") != "inline")
    baseline = max(baseline, int(getattr(report, "hidden_by_baseline", 0) or 0))
    if inline or baseline:
        out.append(
            command(
                "notice",
                f"factcheck: {inline + baseline} finding(s) not annotated: "
                f"{inline} suppressed by inline comments, {baseline} hidden by the baseline",
                title="factcheck suppressions",
            )
        )
    return out


def write_github(report, stream) -> None:
    """Write one GitHub workflow command per finding side (suppressed findings skipped)."""
    for line in lines(report):
        stream.write(line + "\n")
