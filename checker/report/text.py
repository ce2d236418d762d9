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


def _silenced_phrase(report, lang: str = "en") -> str:
    """``, 2 suppressed inline, 1 hidden by baseline (--show-suppressed lists them)``: each finding once."""
    from checker.i18n.catalog import t

    counts = report.silenced_counts()
    baselined = max(counts.get("baseline", 0), int(getattr(report, "hidden_by_baseline", 0) or 0))
    if baselined:
        counts["baseline"] = baselined
    if not counts:
        return ""
    parts = []
    for kind, n in sorted(counts.items(), key=lambda kv: (kv[0] != "inline", kv[0] != "baseline", kv[0])):
        if kind == "inline":
            parts.append(t("report.suppressed_inline", lang, n=n))
        elif kind == "baseline":
            parts.append(t("report.hidden_by_baseline", lang, n=n))
        else:
            parts.append(t("report.suppressed_kind", lang, n=n, kind=kind))
    hint = "" if report.show_suppressed else t("report.show_suppressed", lang)
    return ", " + ", ".join(parts) + hint


def write_text(report, stream) -> None:
    from rich.console import Console
    from rich.markup import escape

    from checker.i18n.catalog import plural, t
    from checker.report.escape import printable

    lang = report.language
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
        how = t("report.suppressed_tag", lang, how=_suppression(f.suppressed)) if f.suppressed else ""
        tag = f" [dim]({escape(how)})[/dim]" if f.suppressed else ""
        style = COLORS.get(f.level, "")
        console.print(f"[{style}]{f.level}[/{style}] [bold]{escape(f.rule_id)}[/bold]: {escape(f.message)}{tag}")
        for ev in f.evidence:
            console.print(
                f"  {escape(printable(ev.doc_id))}:{ev.line}:{ev.column}: [italic]«{escape(_shorten(ev.quote))}»[/italic]"
            )
        reason = f.explanation.get("reason") if isinstance(f.explanation, dict) else None
        if reason:
            console.print(f"  [dim]{escape(t('report.why', lang, reason=reason))}[/dim]")
        console.print("")
    problems = [e for e in report.errors if report.is_problem(e)]
    notes = [e for e in report.errors if not report.is_problem(e)]
    for e in problems:  # what set exit code 2 first, then the notes (a skipped optional model...)
        console.print(f"[magenta]{t('report.problem', lang)}[/magenta] {escape(printable(str(e)))}")
    for e in notes:
        console.print(f"[dim]{t('report.note', lang)}[/dim] {escape(printable(str(e)))}")
    extra = _silenced_phrase(report, lang)
    errs = ", " + plural("report.problems", len(problems), lang) if problems else ""
    console.print(f"{report.checked_phrase(lang)}{extra}{errs}.")
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
