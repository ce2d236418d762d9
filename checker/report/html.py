"""``-f html``: one self-contained page an editor opens in a browser.

- a header with the counts and level filters (checkboxes, plus "show suppressed"); the
  filters also read ``#levels=error,warning&suppressed=1`` from the URL;
- each finding with its passages side by side (the sentence around each side), the
  conflicting spans highlighted, the normalised values, the reason and the explanation;
- every article's text with all findings marked (click a mark to jump to its finding);
  text removed by cleaning is shown struck through.

The page loads nothing: CSS and JavaScript are inlined and a Content-Security-Policy
forbids any other source.  Everything that comes from the articles, the rules or the
plugins is HTML-escaped (``html.escape`` with quotes), so an article cannot inject
markup or script.  Without JavaScript every finding is simply shown.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from functools import cache
from html import escape
from pathlib import Path

from checker import __version__
from checker.model import LEVEL_RANK, LEVELS

ASSETS = Path(__file__).resolve().parent / "assets"
CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"
CONTEXT_MAX = 600


@cache
def _asset(name: str) -> str:
    return (ASSETS / name).read_text(encoding="utf-8")


def _e(text) -> str:
    return escape(str(text), quote=True)


def _squash(text: str) -> str:
    """Collapse the runs of spaces left by masked markup (keeps newlines)."""
    return re.sub(r"[^\S\n]{2,}", " ", text)


def _display_text(doc) -> str:
    """Text shown to the reader, same length as ``doc.text``: characters that the view
    masks (Markdown marks, HTML tags, the tail of decoded entities) become NUL so that
    :func:`_shown` drops them instead of leaving stray spaces ("*janvier 2023*." reads
    "janvier 2023.")."""
    view = getattr(doc, "view", None)
    text = doc.text
    if not view or len(view) != len(text) or view == text:
        return text
    return "".join(v if (v == t or v != " ") else "\0" for v, t in zip(view, text))


def _shown(text: str) -> str:
    return _squash(text.replace("\0", ""))


def _context(doc, start: int, end: int) -> tuple[int, int]:
    """The sentence(s) around [start, end), else the line, at most about CONTEXT_MAX chars."""
    sents = getattr(doc, "sentences", None) or []
    cs: int | None = None
    ce: int | None = None
    if sents:
        starts = [s.start for s in sents]
        i = bisect_right(starts, start) - 1
        if i >= 0 and sents[i].end >= start:
            cs = sents[i].start
            ce = sents[i].end
            j = i
            while ce < end and j + 1 < len(sents):
                j += 1
                ce = sents[j].end
    text = doc.text
    if cs is None or ce is None:  # cs and ce are set together
        cs = text.rfind("\n", 0, start) + 1
        ce = text.find("\n", end)
        ce = len(text) if ce < 0 else ce
    cs, ce = min(cs, start), max(ce, end)
    if ce - cs > CONTEXT_MAX:
        room = max(0, (CONTEXT_MAX - (end - start)) // 2)
        cs, ce = max(cs, start - room), min(ce, end + room)
    return cs, ce


def _value_html(value) -> str:
    """The normalised value: its ``display`` text when the plugin gives one, details folded."""
    if value is None or value == {}:
        return ""
    if isinstance(value, dict):
        rows = []
        for k, v in value.items():
            if v is None or v == "" or v == [] or v == {} or k == "display":
                continue
            shown = v if isinstance(v, str) else json.dumps(v, ensure_ascii=False, default=str)
            rows.append(f"<dt>{_e(k)}</dt><dd>{_e(shown)}</dd>")
        table = f"<dl>{''.join(rows)}</dl>" if rows else ""
        if value.get("display") not in (None, ""):
            head = f'<div class="display">→ <strong>{_e(value["display"])}</strong></div>'
            return (
                f'<div class="value">{head}'
                + (f"<details><summary>normalised value</summary>{table}</details>" if table else "")
                + "</div>"
            )
        return f'<div class="value">{table}</div>' if table else ""
    shown = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
    return f'<div class="value"><dl><dt>value</dt><dd>{_e(shown)}</dd></dl></div>'


def _passage(doc, ev, level: str) -> str:
    if doc is None:
        return f'<blockquote class="passage"><mark class="hl lvl-{_e(level)}">{_e(ev.quote)}</mark></blockquote>'
    shown = _display_text(doc)
    cs, ce = _context(doc, ev.start, ev.end)
    before = " ".join(_shown(shown[cs : ev.start]).split())
    inner = " ".join(_shown(shown[ev.start : ev.end]).split()) or ev.quote
    after = " ".join(_shown(shown[ev.end : ce]).split())
    lead = "…" if cs > 0 and doc.text[cs - 1] not in "\n" and cs not in {s.start for s in doc.sentences} else ""
    trail = (
        "…"
        if ce < len(doc.text) and doc.text[ce : ce + 1] not in ("\n", "") and ce not in {s.end for s in doc.sentences}
        else ""
    )
    sep_b = " " if before and _shown(shown[cs : ev.start])[-1:].isspace() else ""
    sep_a = " " if after and _shown(shown[ev.end : ce])[:1].isspace() else ""
    return (
        f'<blockquote class="passage">{_e(lead)}{_e(before)}{sep_b}<mark class="hl lvl-{_e(level)}">{_e(inner)}</mark>'
        f"{sep_a}{_e(after)}{_e(trail)}</blockquote>"
    )


def _finding_html(f, fid: str, docs: dict, doc_anchor: dict) -> str:
    level = f.level if f.level in LEVELS else "warning"
    sup = f.suppressed
    cls = f"finding lvl-{level}" + (" is-suppressed" if sup else "")
    out = [
        f'<article class="{cls}" id="{fid}" data-level="{_e(level)}" data-suppressed="{1 if sup else 0}" '
        f'data-rule="{_e(f.rule_id)}" data-fingerprint="{_e(f.fingerprint)}">'
    ]
    out.append(
        f'<header><span class="badge lvl-{level}">{_e(level)}</span>'
        + ('<span class="badge sup">suppressed</span>' if sup else "")
        + f'<span class="rule">{_e(f.rule_id)}</span><span class="message">{_e(f.message)}</span>'
        f'<span class="score">score {float(f.score):.2f}</span></header>'
    )
    reason = f.explanation.get("reason") if isinstance(f.explanation, dict) else None
    if reason:
        out.append(f'<p class="reason">{_e(reason)}</p>')
    if sup:
        note = f"suppressed ({sup.get('kind', '?')}"
        if sup.get("location"):
            note += f", {sup['location']}"
        note += ")"
        if sup.get("justification"):
            note += f": {sup['justification']}"
        out.append(f'<p class="supnote">{_e(note)}</p>')
    out.append('<div class="sides">')
    for ev in f.evidence:
        doc = docs.get(ev.doc_id)
        name = doc.name if doc is not None else ev.doc_id
        anchor = doc_anchor.get(ev.doc_id)
        where = f"{_e(name)}:{int(ev.line)}:{int(ev.column)}"
        if anchor:
            where = f'<a href="#{anchor}-L{int(ev.line)}" title="{_e(ev.doc_id)}">{where}</a>'
        out.append(
            f'<div class="side" data-doc="{_e(ev.doc_id)}"><div class="where">{where}</div>'
            f"{_passage(doc, ev, level)}{_value_html(ev.value)}</div>"
        )
    out.append("</div>")
    extra = {k: v for k, v in (f.explanation or {}).items() if k != "reason"} if isinstance(f.explanation, dict) else {}
    if extra:
        out.append(
            '<details class="explain"><summary>explanation</summary><pre>'
            + _e(json.dumps(extra, ensure_ascii=False, indent=2, default=str))
            + "</pre></details>"
        )
    out.append("</article>")
    return "".join(out)


def _article_html(doc, anchor: str, marks: list[tuple[int, int, str, str]], n_findings: int) -> str:
    """The article text line by line; ``marks`` are (start, end, finding id, level)."""
    text = doc.text
    shown = _display_text(doc)
    bounds = {0, len(text)}
    for s, e, _, _ in marks:
        bounds.add(max(0, min(len(text), s)))
        bounds.add(max(0, min(len(text), e)))
    removed = [(r.start, r.end, r.reason) for r in getattr(doc, "removed", []) or []]
    for s, e, _ in removed:
        bounds.add(max(0, min(len(text), s)))
        bounds.add(max(0, min(len(text), e)))
    i = text.find("\n")
    while i >= 0:
        bounds.add(i)
        bounds.add(i + 1)
        i = text.find("\n", i + 1)
    points = sorted(bounds)
    lines: list[list[str]] = [[]]
    for a, b in zip(points, points[1:]):
        if a >= b:
            continue
        if text[a:b] == "\n":
            lines.append([])
            continue
        seg = _shown(shown[a:b])
        if not lines[-1]:
            seg = seg.lstrip()
        if not seg:
            continue
        seg = _e(seg)
        active = [(fid, lvl) for s, e, fid, lvl in marks if s < b and e > a]
        rem = next((reason for s, e, reason in removed if s < b and e > a), None)
        if rem is not None:
            seg = f'<span class="removed" title="{_e("removed: " + rem)}">{seg}</span>'
        if active:
            ids = []
            for fid, _ in active:
                if fid not in ids:
                    ids.append(fid)
            top = max((lvl for _, lvl in active), key=lambda x: LEVEL_RANK.get(x, 0))
            seg = (
                f'<mark class="hl lvl-{_e(top)}" data-findings="{" ".join(ids)}" '
                f'title="{_e(", ".join(ids))}">{seg}</mark>'
            )
        lines[-1].append(seg)
    rows: list[str] = []
    gap = False
    for no, parts in enumerate(lines, start=1):
        body = "".join(parts)
        plain = re.sub(r"<[^>]*>", "", body)
        if not plain.strip():
            gap = bool(rows)
            continue
        rows.append(
            f'<div class="ln{" gap" if gap else ""}" id="{anchor}-L{no}"><span class="no">{no}</span>'
            f'<span class="src">{body}</span></div>'
        )
        gap = False
    lang = doc.language if doc.language and doc.language != "und" else ""
    summary = (
        f'{_e(doc.name)} <span class="rule">({_e(doc.id)}; {_e(doc.language)}; '
        f"{n_findings} finding{'s' if n_findings != 1 else ''})</span>"
    )
    return (
        f'<details class="article" id="{anchor}" open><summary>{summary}</summary>'
        f'<div class="text"{f" lang={chr(34)}{_e(lang)}{chr(34)}" if lang else ""}>{"".join(rows)}</div></details>'
    )


def render_html(report) -> str:
    """The complete HTML page for a ``checker.report.Report``."""
    docs = {d.id: d for d in report.documents}
    doc_anchor = {d.id: f"doc{i + 1}" for i, d in enumerate(report.documents)}
    counts = {lvl: 0 for lvl in LEVELS}
    for f in report.findings:
        if f.level in counts:
            counts[f.level] += 1
    suppressed = sum(1 for f in report.findings if f.suppressed)
    visible = len(report.visible)
    fids = [f"f{i + 1}" for i in range(len(report.findings))]
    marks: dict[str, list[tuple[int, int, str, str]]] = {d.id: [] for d in report.documents}
    per_doc: dict[str, int] = {d.id: 0 for d in report.documents}
    for f, fid in zip(report.findings, fids):
        for doc_id in f.documents():
            if doc_id in per_doc:
                per_doc[doc_id] += 1
        for ev in f.evidence:
            if ev.doc_id in marks:
                marks[ev.doc_id].append((ev.start, ev.end, fid, f.level))

    out = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta name="generator" content="factcheck {_e(__version__)}">',
        "<title>factcheck report</title>",
        f"<style>{_asset('report.css')}</style></head>",
    ]
    out.append('<body data-ready="0">')
    n_docs = len(report.documents)
    parts = ", ".join(f"{counts[lvl]} {lvl}{'s' if counts[lvl] != 1 else ''}" for lvl in reversed(LEVELS))
    summary = f"{n_docs} document{'s' if n_docs != 1 else ''} checked: {parts}"
    if suppressed:
        summary += f" (of which {suppressed} suppressed"
        hidden = int(getattr(report, "hidden_by_baseline", 0) or 0)
        if hidden:
            summary += f", {hidden} by the baseline"
        summary += ")"
    if report.errors:
        summary += f"; {len(report.errors)} problem{'s' if len(report.errors) != 1 else ''}"
    out.append(
        f'<header><h1>factcheck report</h1><p class="summary">{_e(summary)}</p><div id="filters" role="group" '
        'aria-label="filters">'
    )
    for lvl in reversed(LEVELS):
        n = sum(1 for f in report.findings if f.level == lvl and not f.suppressed)
        out.append(f'<label class="lvl-{lvl}"><input type="checkbox" data-level="{lvl}" checked> {lvl}s ({n})</label>')
    out.append(f'<label><input type="checkbox" id="show-suppressed"> suppressed ({suppressed})</label>')
    out.append(
        f'<span id="shown">showing <span id="shown-count">{len(report.findings)}</span> of '
        f"{len(report.findings)} findings ({visible} open)</span></div></header>"
    )
    out.append("<main>")
    if report.errors:
        out.append('<section id="problems"><h2>Problems</h2><ul class="problems">')
        out.extend(f"<li>{_e(str(e))}</li>" for e in report.errors)
        out.append("</ul></section>")
    out.append('<section id="findings"><h2>Findings</h2>')
    if not report.findings:
        out.append('<p class="empty">No disagreement found.</p>')
    for f, fid in zip(report.findings, fids):
        out.append(_finding_html(f, fid, docs, doc_anchor))
    out.append('</section><section id="articles"><h2>Articles</h2>')
    for d in report.documents:
        out.append(_article_html(d, doc_anchor[d.id], marks[d.id], per_doc[d.id]))
    out.append("</section></main>")
    js = _asset("report.js")
    if "</script" in js.lower():  # defensive: the inlined script must not close itself
        raise ValueError("report.js must not contain '</script'")
    out.append(f"<script>{js}</script></body></html>")
    return "\n".join(out) + "\n"


def write_html(report, stream) -> None:
    """Write the report as one self-contained HTML page (inline CSS/JS, no external URL)."""
    stream.write(render_html(report))
