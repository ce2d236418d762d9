"""``-f markdown``: a review table for pull requests, wikis and tickets (GitHub-flavoured).

Open findings come in one table (level, rule, each side with its location, quote and
normalised value, message and reason); suppressed findings are listed in a collapsed
``<details>`` block with their justification; input problems follow as a list.  Every
cell is escaped: article text can never break the table or inject HTML.
"""

from __future__ import annotations

import json

ICON = {"error": "🔴", "warning": "🟠", "suggestion": "🔵"}
_MD_SPECIAL = "\\`*_[]<>#~|!"


def cell(text) -> str:
    """Escape text for one GFM table cell (single line, no markup, no HTML)."""
    text = " ".join(str(text).split())
    out = []
    for ch in text:
        if ch == "&":
            out.append("&amp;")
        elif ch == "<":
            out.append("&lt;")
        elif ch == ">":
            out.append("&gt;")
        elif ch in _MD_SPECIAL:
            out.append("\\" + ch)
        else:
            out.append(ch)
    return "".join(out)


def _short(text: str, width: int = 180) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 1] + "…"


def value_text(value) -> str:
    """A compact one-line rendering of a normalised value."""
    if value is None:
        return ""
    if isinstance(value, dict):
        if "display" in value:
            return str(value["display"])
        parts = []
        for k, v in value.items():
            if v is None or v == "" or v == [] or v == {}:
                continue
            parts.append(f"{k}={json.dumps(v, ensure_ascii=False) if not isinstance(v, str) else v}")
        return ", ".join(parts)
    return json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value


def _side(ev, docs) -> str:
    doc = docs.get(ev.doc_id)
    name = doc.name if doc else ev.doc_id
    out = f"**{cell(name)}:{ev.line}** «{cell(_short(ev.quote))}»"
    v = value_text(ev.value)
    if v:
        out += f"<br>→ {cell(_short(v, 120))}"
    return out


def _row(f, docs, extra: str | None = None, *, lang: str = "en") -> str:
    sides = [_side(ev, docs) for ev in f.evidence]
    a = sides[0] if sides else ""
    b = "<br>".join(sides[1:])
    msg = cell(f.message)
    reason = f.explanation.get("reason") if isinstance(f.explanation, dict) else None
    if reason:
        msg += f"<br>_{cell(reason)}_"
    from checker.i18n.catalog import t

    cols = [f"{ICON.get(f.level, '')} {t('level.name.' + f.level, lang)}", cell(f.rule_id), a, b, msg]
    if extra is not None:
        cols.append(extra)
    return "| " + " | ".join(cols) + " |"


def write_markdown(report, stream) -> None:
    """Write the report as a Markdown review table."""
    from checker.i18n.catalog import plural, t

    lang = report.language
    docs = {d.id: d for d in report.documents}
    w = stream.write
    visible = report.visible
    suppressed = [f for f in report.findings if f.suppressed]
    w(t("md.title", lang) + "\n\n")
    line = t(
        "report.checked.one" if len(report.documents) <= 1 else "report.checked",
        lang,
        documents=f"**{report.documents_phrase(lang)}**",
        counts=report.counts_phrase(lang),
    )
    if suppressed:
        line += t("md.suppressed_count", lang, n=len(suppressed))
    hidden = int(getattr(report, "hidden_by_baseline", 0) or 0)
    if hidden:
        line += t("md.hidden", lang, n=hidden)
    if report.errors:
        line += t("md.problems_count", lang, problems=plural("report.problems", len(report.errors), lang))
    w(line + ".\n\n")
    header = t("md.header", lang) + "\n|---|---|---|---|---|\n"
    if visible:
        w(header)
        for f in visible:
            w(_row(f, docs, lang=lang) + "\n")
        w("\n")
    else:
        w(t("md.none", lang) + "\n\n")
    if suppressed:
        w(f"<details><summary>{plural('md.suppressed_summary', len(suppressed), lang)}</summary>\n\n")
        w(t("md.header_suppressed", lang) + "\n|---|---|---|---|---|---|\n")
        for f in suppressed:
            sup = f.suppressed or {}
            how = cell(sup.get("kind", ""))
            if sup.get("location"):
                how += f" ({cell(sup['location'])})"
            if sup.get("justification"):
                how += f": {cell(sup['justification'])}"
            w(_row(f, docs, how, lang=lang) + "\n")
        w("\n</details>\n\n")
    if report.errors:
        w(t("md.problems", lang) + "\n\n")
        for e in report.errors:
            w(f"- {cell(str(e))}\n")
        w("\n")
