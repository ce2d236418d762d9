"""``-f text``: human-readable findings grouped by finding (coloured on a TTY)."""

from __future__ import annotations

COLORS = {"error": "bold red", "warning": "yellow", "suggestion": "cyan"}


def _shorten(text: str, width: int = 220) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _suppression(info: dict) -> str:
    """``inline, a.md:2: checked with the source`` / ``baseline``."""
    from checker.report.escape import printable

    parts = [str(info.get("kind") or "inline")]
    if info.get("location") and info.get("kind") != "baseline":
        parts.append(str(info["location"]))
    text = ", ".join(parts)
    if info.get("justification"):
        text += f": {info['justification']}"
    return printable(text)


def _silenced_phrase(report) -> str:
    """``, 2 suppressed inline, 1 hidden by baseline (--show-suppressed lists them)``: each finding once."""
    counts = report.silenced_counts()
    baselined = max(counts.get("baseline", 0), int(getattr(report, "hidden_by_baseline", 0) or 0))
    if baselined:
        counts["baseline"] = baselined
    if not counts:
        return ""
    parts = []
    for kind, n in sorted(counts.items(), key=lambda kv: (kv[0] != "inline", kv[0] != "baseline", kv[0])):
        if kind == "inline":
            parts.append(f"{n} suppressed inline")
        elif kind == "baseline":
            parts.append(f"{n} hidden by baseline")
        else:
            parts.append(f"{n} suppressed ({kind})")
    hint = "" if report.show_suppressed else " (--show-suppressed lists them)"
    return ", " + ", ".join(parts) + hint


def write_text(report, stream) -> None:
    from rich.console import Console
    from rich.markup import escape

    from checker.report.escape import printable

    console = Console(
        file=stream,
        force_terminal=report.color,
        no_color=not report.color,
        highlight=False,
        soft_wrap=True,
        width=200 if not report.color else None,
    )
    listed = report.findings if report.show_suppressed else report.visible
    for f in listed:
        tag = f" [dim](suppressed: {escape(_suppression(f.suppressed))})[/dim]" if f.suppressed else ""
        style = COLORS.get(f.level, "")
        console.print(f"[{style}]{f.level}[/{style}] [bold]{escape(f.rule_id)}[/bold]: {escape(f.message)}{tag}")
        for ev in f.evidence:
            console.print(
                f"  {escape(printable(ev.doc_id))}:{ev.line}:{ev.column}: [italic]«{escape(_shorten(ev.quote))}»[/italic]"
            )
        reason = f.explanation.get("reason") if isinstance(f.explanation, dict) else None
        if reason:
            console.print(f"  [dim]why: {escape(str(reason))}[/dim]")
        console.print("")
    problems = [e for e in report.errors if report.is_problem(e)]
    notes = [e for e in report.errors if not report.is_problem(e)]
    for e in problems:  # what set exit code 2 first, then the notes (a skipped optional model...)
        console.print(f"[magenta]problem[/magenta] {escape(printable(str(e)))}")
    for e in notes:
        console.print(f"[dim]note[/dim] {escape(printable(str(e)))}")
    extra = _silenced_phrase(report)
    errs = f", {len(problems)} problem{'s' if len(problems) != 1 else ''}" if problems else ""
    console.print(f"{report.documents_phrase()} checked: {report.counts_phrase()}{extra}{errs}.")
    if report.verbose:
        for d in report.documents:
            console.print(
                f"[dim]{escape(printable(d.id))}: language {d.language}, {len(d.sentences)} sentences, "
                f"{len(d.removed)} passages set aside[/dim]"
            )
            for r in d.removed:
                line, _ = d.line_col(r.start)
                console.print(
                    f"[dim]  line {line}: {r.reason}: «{escape(_shorten(d.text[r.start : r.end], 80))}»[/dim]"
                )
    if report.verbose or report.show_stats:
        for kind, st in sorted(report.stats.items()):
            console.print(f"[dim]{escape(kind)}: " + ", ".join(f"{k}={v}" for k, v in sorted(st.items())) + "[/dim]")
        if report.timings:
            console.print("[dim]timings: " + ", ".join(f"{k}={v:.2f}s" for k, v in report.timings.items()) + "[/dim]")
