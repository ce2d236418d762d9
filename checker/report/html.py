"""``-f html``: one self-contained page an editor opens in a browser.

- a header with the counts and level filters (checkboxes, plus "show suppressed"); the
  filters also read ``#levels=error,warning&suppressed=1`` from the URL;
- findings grouped by what they are about (one figure, one relation, one defined term
  across the articles; ``html_groups``), each group listing its articles;
- each finding with its sides side by side: the side's value in words, then one quote per
  article, the claim highlighted inside its sentence (``html_values``), and the basis of
  its level (the rule's level, how it was lowered, the finding's reasons);
- every article's text with all findings marked (click a mark to jump to its finding);
  text removed by cleaning is shown struck through.

The page loads nothing: CSS and JavaScript are inlined and a Content-Security-Policy
forbids any other source.  Everything that comes from the articles, the rules or the
plugins is HTML-escaped (``html.escape`` with quotes), so an article cannot inject
markup or script.  Without JavaScript every finding is simply shown.  The page's own
words (headings, filters, "why") are in the articles' language (``html_labels``: French
when most documents are French, else English) and ``<html lang>`` says which.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cache
from html import escape
from pathlib import Path

from checker import __version__
from checker.model import LEVEL_RANK, LEVELS
from checker.report.html_groups import group_findings
from checker.report.html_labels import labels, level_word, report_language
from checker.report.html_values import columns, level_basis, mark_span, scope_of

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


def _passage(doc, ev, level: str, span: tuple[int, int] | None = None) -> str:
    """The sentence around the evidence with ``span`` (default: the evidence) highlighted."""
    ms, me = span or (ev.start, ev.end)
    if doc is None:
        return f'<blockquote class="passage"><mark class="hl lvl-{_e(level)}">{_e(ev.quote)}</mark></blockquote>'
    shown = _display_text(doc)
    cs, ce = _context(doc, min(ev.start, ms), max(ev.end, me))
    before = " ".join(_shown(shown[cs:ms]).split())
    inner = " ".join(_shown(shown[ms:me]).split()) or ev.quote
    after = " ".join(_shown(shown[me:ce]).split())
    lead = "…" if cs > 0 and doc.text[cs - 1] not in "\n" and cs not in {s.start for s in doc.sentences} else ""
    trail = (
        "…"
        if ce < len(doc.text) and doc.text[ce : ce + 1] not in ("\n", "") and ce not in {s.end for s in doc.sentences}
        else ""
    )
    sep_b = " " if before and _shown(shown[cs:ms])[-1:].isspace() else ""
    sep_a = " " if after and _shown(shown[me:ce])[:1].isspace() else ""
    return (
        f'<blockquote class="passage">{_e(lead)}{_e(before)}{sep_b}<mark class="hl lvl-{_e(level)}">{_e(inner)}</mark>'
        f"{sep_a}{_e(after)}{_e(trail)}</blockquote>"
    )


def _where(ev, docs: dict, doc_anchor: dict) -> str:
    doc = docs.get(ev.doc_id)
    name = doc.name if doc is not None else ev.doc_id
    where = f"{_e(name)}:{int(ev.line)}:{int(ev.column)}"
    anchor = doc_anchor.get(ev.doc_id)
    if anchor:
        where = f'<a href="#{anchor}-L{int(ev.line)}" title="{_e(ev.doc_id)}">{where}</a>'
    return f'<div class="where">{where}</div>'


def _doc_name(doc_id: str, docs: dict) -> str:
    doc = docs.get(doc_id)
    return doc.name if doc is not None else doc_id


def _column_html(f, col, level: str, docs: dict, doc_anchor: dict, w: dict) -> str:
    """One side: its value in words, then one quote per article with the claim marked."""
    out = ['<div class="side">']
    if col.value:
        out.append(f'<div class="value">{_e(col.value)}</div>')
    for ev in col.evidence:
        scope = scope_of(ev)
        out.append(
            f'<div class="quote" data-doc="{_e(ev.doc_id)}">{_where(ev, docs, doc_anchor)}'
            f"{_passage(docs.get(ev.doc_id), ev, level, mark_span(f, ev))}"
            + (f'<div class="scope">{_e(w["scope"] + w["colon"] + scope)}</div>' if scope else "")
            + "</div>"
        )
    if col.others:
        names = ", ".join(_doc_name(d, docs) for d in col.others)
        out.append(f'<p class="others">{_e(w["and_more"].format(n=len(col.others)) + w["colon"] + names)}</p>')
    out.append("</div>")
    return "".join(out)


def _suppressed_note(sup: dict, w: dict) -> str:
    where = f", {sup['location']}" if sup.get("location") else ""
    why = f": {sup['justification']}" if sup.get("justification") else ""
    return w["suppressed_note"].format(kind=sup.get("kind", "?"), where=where, why=why)


def _finding_html(f, fid: str, docs: dict, doc_anchor: dict, lang: str, rule_level: str | None) -> str:
    w = labels(lang)
    level = f.level if f.level in LEVELS else "warning"
    sup = f.suppressed
    cls = f"finding lvl-{level}" + (" is-suppressed" if sup else "")
    out = [
        f'<article class="{cls}" id="{fid}" data-level="{_e(level)}" data-suppressed="{1 if sup else 0}" '
        f'data-rule="{_e(f.rule_id)}" data-fingerprint="{_e(f.fingerprint)}">'
    ]
    out.append(
        f'<header><span class="badge lvl-{level}">{_e(level_word(level, lang))}</span>'
        + (f'<span class="badge sup">{_e(w["suppressed"])}</span>' if sup else "")
        + f'<span class="message">{_e(f.message)}</span>'
        f'<span class="score">{_e(w["score"])} {float(f.score):.2f}</span></header>'
    )
    if sup:
        out.append(f'<p class="supnote">{_e(_suppressed_note(sup, w))}</p>')
    out.append('<div class="sides">')
    out.extend(_column_html(f, col, level, docs, doc_anchor, w) for col in columns(f, lang))
    out.append("</div>")
    basis = level_basis(f, rule_level, lang)
    out.append(
        f'<div class="basis"><span class="label">{_e(w["why"])} ({_e(w["level"])} '
        f"{_e(level_word(level, lang))})</span><ul>" + "".join(f"<li>{_e(b)}</li>" for b in basis) + "</ul>"
        f'<span class="rule" title="{_e(w["rule"])}">{_e(f.rule_id)}</span></div>'
    )
    out.append("</article>")
    return "".join(out)


def _group_html(group, gid: str, docs: dict, doc_anchor: dict, lang: str, rules_by_id: dict) -> str:
    w = labels(lang)
    names = [_doc_name(d, docs) for d in group.documents()]
    n = len(group.findings)
    count = f"{n} {w['finding'] if n == 1 else w['findings_n']}"
    out = [
        f'<section class="group" id="{gid}"><header><span class="kind">{_e(group.kind)}</span>'
        f'<h3>{_e(group.title)}</h3><span class="count">{_e(count)}</span>'
        f'<p class="group-articles"><span class="label">{_e(w["articles_of_group"])}</span> {_e(", ".join(names))}</p>'
        "</header>"
    ]
    for f, fid in group.findings:
        rule = rules_by_id.get(f.rule_id)
        out.append(_finding_html(f, fid, docs, doc_anchor, lang, getattr(rule, "level", None)))
    out.append("</section>")
    return "".join(out)


def _article_html(doc, anchor: str, marks: list[tuple[int, int, str, str]], n_findings: int, lang: str) -> str:
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
            seg = f'<span class="removed" title="{_e(labels(lang)["removed"] + ": " + rem)}">{seg}</span>'
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
    w = labels(lang)
    count = f"{n_findings} {w['finding'] if n_findings == 1 else w['findings_n']}"
    summary = f'{_e(doc.name)} <span class="rule">({_e(doc.id)}; {_e(doc.language)}; {_e(count)})</span>'
    return (
        f'<details class="article" id="{anchor}" open><summary>{summary}</summary>'
        f'<div class="text"{f" lang={chr(34)}{_e(lang)}{chr(34)}" if lang else ""}>{"".join(rows)}</div></details>'
    )


def _summary(report, lang: str, counts: dict[str, int], suppressed: int) -> str:
    w = labels(lang)
    n_docs = len(report.documents)
    parts = ", ".join(f"{counts[lvl]} {level_word(lvl, lang, counts[lvl])}" for lvl in reversed(LEVELS))
    summary = f"{n_docs} {w['document'] if n_docs == 1 else w['documents']} {w['checked']}{w['colon']}{parts}"
    if suppressed:
        summary += " (" + w["of_which_suppressed"].format(n=suppressed)
        hidden = int(getattr(report, "hidden_by_baseline", 0) or 0)
        if hidden:
            summary += ", " + w["by_baseline"].format(n=hidden)
        summary += ")"
    if report.errors:
        n = len(report.errors)
        summary += f"; {n} {w['problem'] if n == 1 else w['problems_n']}"
    return summary


def _header_html(report, lang: str, counts: dict[str, int], suppressed: int) -> list[str]:
    w = labels(lang)
    out = [
        f'<header><h1>{_e(w["title"])}</h1><p class="summary">{_e(_summary(report, lang, counts, suppressed))}</p>'
        f'<div id="filters" role="group" aria-label="{_e(w["filters"])}">'
    ]
    for lvl in reversed(LEVELS):
        n = sum(1 for f in report.findings if f.level == lvl and not f.suppressed)
        out.append(
            f'<label class="lvl-{lvl}"><input type="checkbox" data-level="{lvl}" checked> '
            f"{_e(level_word(lvl, lang, 2))} ({n})</label>"
        )
    out.append(f'<label><input type="checkbox" id="show-suppressed"> {_e(w["suppressed"])} ({suppressed})</label>')
    total = len(report.findings)
    shown = w["showing"].format(shown=f'<span id="shown-count">{total}</span>', total=total, open=len(report.visible))
    out.append(f'<span id="shown">{shown}</span></div></header>')
    return out


def render_html(report) -> str:
    """The complete HTML page for a ``checker.report.Report``."""
    lang = report_language(report.documents)
    w = labels(lang)
    docs = {d.id: d for d in report.documents}
    doc_anchor = {d.id: f"doc{i + 1}" for i, d in enumerate(report.documents)}
    rules_by_id = {r.id: r for r in getattr(report, "rules", None) or [] if getattr(r, "id", None)}
    counts = {lvl: 0 for lvl in LEVELS}
    for f in report.findings:
        if f.level in counts:
            counts[f.level] += 1
    suppressed = sum(1 for f in report.findings if f.suppressed)
    fids = [f"f{i + 1}" for i in range(len(report.findings))]
    marks: dict[str, list[tuple[int, int, str, str]]] = {d.id: [] for d in report.documents}
    per_doc: dict[str, int] = {d.id: 0 for d in report.documents}
    for f, fid in zip(report.findings, fids):
        for doc_id in f.documents():
            if doc_id in per_doc:
                per_doc[doc_id] += 1
        for ev in f.evidence:
            if ev.doc_id in marks:
                ms, me = mark_span(f, ev)
                marks[ev.doc_id].append((ms, me, fid, f.level))

    out = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta name="generator" content="factcheck {_e(__version__)}">',
        f"<title>{_e(w['title'])}</title>",
        f"<style>{_asset('report.css')}</style></head>",
        '<body data-ready="0">',
    ]
    out.extend(_header_html(report, lang, counts, suppressed))
    out.append("<main>")
    if report.errors:
        out.append(f'<section id="problems"><h2>{_e(w["problems"])}</h2><ul class="problems">')
        out.extend(f"<li>{_e(str(e))}</li>" for e in report.errors)
        out.append("</ul></section>")
    out.append(f'<section id="findings"><h2>{_e(w["findings"])}</h2>')
    if not report.findings:
        out.append(f'<p class="empty">{_e(w["empty"])}</p>')
    for i, group in enumerate(group_findings(report.findings, fids, rules_by_id, lang)):
        out.append(_group_html(group, f"g{i + 1}", docs, doc_anchor, lang, rules_by_id))
    out.append(f'</section><section id="articles"><h2>{_e(w["articles"])}</h2>')
    for d in report.documents:
        out.append(_article_html(d, doc_anchor[d.id], marks[d.id], per_doc[d.id], lang))
    out.append("</section></main>")
    js = _asset("report.js")
    if "</script" in js.lower():  # defensive: the inlined script must not close itself
        raise ValueError("report.js must not contain '</script'")
    out.append(f"<script>{js}</script></body></html>")
    return "\n".join(out) + "\n"


def write_html(report, stream) -> None:
    """Write the report as one self-contained HTML page (inline CSS/JS, no external URL)."""
    stream.write(render_html(report))
