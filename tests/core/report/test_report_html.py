"""The self-contained HTML report: content, escaping, and a real headless-Chromium render."""

from __future__ import annotations

import io
import os
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from helpers.browser import chromium, count_color, find_browser, read_png
from helpers.paths import REPO
from helpers.reports import DOC_A, docs, finding, report, sample  # noqa: E402

from checker.report.html import render_html, write_html  # noqa: E402

ROOT = REPO
ERROR_BG = (0xFF, 0xC9, 0xC9)  # --err in assets/report.css: background of error marks
WARNING_BG = (0xFF, 0xE8, 0xA3)  # --warn


class Collect(HTMLParser):
    """Elements with their attributes and the text inside selected ones."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.stack: list[tuple[str, dict]] = []
        self.marks: list[tuple[dict, str]] = []
        self._mark_depth = 0
        self._buf: list[str] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        if tag == "mark":
            self._mark_depth += 1
            self._buf = []
            self._mark_attrs = a

    def handle_endtag(self, tag):
        if tag == "mark":
            self._mark_depth -= 1
            self.marks.append((self._mark_attrs, "".join(self._buf)))

    def handle_data(self, data):
        if self._mark_depth:
            self._buf.append(data)


def parse(html_text: str) -> Collect:
    c = Collect()
    c.feed(html_text)
    return c


def test_html_shows_findings_side_by_side_with_values_and_marks():
    documents, fs = sample()
    fs[2].suppressed = {"kind": "inline", "justification": "reviewed", "location": "articles/a.md:6"}
    page = render_html(report(documents, fs))
    c = parse(page)
    arts = [a for t, a in c.tags if t == "article"]
    assert [a["data-level"] for a in arts] == ["error", "warning", "suggestion"]
    assert [a["data-suppressed"] for a in arts] == ["0", "0", "1"]
    sides = [a for t, a in c.tags if t == "div" and a.get("class") == "side"]
    quotes = [a for t, a in c.tags if t == "div" and a.get("class") == "quote"]
    assert len(sides) == 6 and len(quotes) == 6
    assert quotes[0]["data-doc"] == "articles/a.md" and quotes[1]["data-doc"] == "articles/b.txt"
    # highlighted spans: in the passages (no data-findings) and in the article texts
    passage_marks = [txt for a, txt in c.marks if "data-findings" not in a]
    article_marks = [(a["data-findings"], a["class"], txt) for a, txt in c.marks if "data-findings" in a]
    assert passage_marks[:2] == ["13,75 milliards de dollars", "10 milliards de dollars"]
    assert ("f1", "hl lvl-error", "13,75 milliards de dollars") in article_marks
    assert ("f1", "hl lvl-error", "10 milliards de dollars") in article_marks
    assert ("f2", "hl lvl-warning", "janvier 2023") in article_marks
    # the passage shows the sentence without markdown markup
    assert 'Microsoft a investi <mark class="hl lvl-error">13,75 milliards de dollars</mark> dans OpenAI' in page
    assert "janvier 2023</mark>." in page
    # normalised values in words (the documents are French), the reason as the basis of the level
    assert (
        '<div class="value">13,75 milliards USD</div>' in page and '<div class="value">10 milliards USD</div>' in page
    )
    assert '<div class="value">janvier 2023</div>' in page and '<div class="value">1 500</div>' in page
    assert "<li>13.75e9 USD != 1e10 USD</li>" in page
    assert "<dt>" not in page and "{" not in page.split("<main>")[1].split("<script>")[0]
    assert "masquée (inline, articles/a.md:6): reviewed" in page
    assert '<html lang="fr">' in page and "<h2>Divergences</h2>" in page
    # filters
    boxes = [a for t, a in c.tags if t == "input"]
    assert [b.get("data-level") for b in boxes[:3]] == ["error", "warning", "suggestion"]
    assert boxes[3]["id"] == "show-suppressed"
    # line anchors the passages link to
    assert 'href="#doc1-L3"' in page and 'id="doc1-L3"' in page


def test_html_is_self_contained():
    documents, fs = sample()
    page = render_html(report(documents, fs))
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:|//)""", page, re.I)
    assert "@import" not in page and "url(" not in page
    assert page.count("<script>") == 1 and page.count("<style>") == 1


def test_html_escapes_everything():
    evil = '<script>alert("x")</script><img src=x onerror=alert(1)> "quoted" \'single\''
    a = DOC_A.replace("Microsoft a investi", evil + " Microsoft a investi")
    documents = docs(a, id_a='a"><svg onload=alert(2)>.md')
    da, db = list(documents)
    f = finding(
        documents,
        'rule"><b>x',
        "error",
        [(da, "13,75 milliards de dollars", {"unit": "<b>USD</b>", "<k>": 1}), (db, "10 milliards de dollars", None)],
        message=evil,
        reason=evil,
    )
    f.explanation["extra"] = evil
    f.suppressed = {"kind": "inline", "justification": evil, "location": evil}
    page = render_html(report(documents, [f]))
    assert page.count("<script") == 1  # only ours
    assert "<img" not in page and "<svg" not in page and "<b>" not in page and "<k>" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    c = parse(page)
    # no attribute of any element was injected
    for tag, attrs in c.tags:
        assert not any(k.startswith("on") for k in attrs), (tag, attrs)
    # the script body has not been tampered with by article text
    assert "alert" not in page.split("<script>")[1]


def test_html_markup_of_html_articles_is_not_shown():
    html_a = "<html><body><h1>Titre</h1>\n<p>Microsoft a investi <b>13,75 milliards de dollars</b> dans OpenAI &amp; co.</p></body></html>\n"
    documents = docs(html_a, fmt_a="html", id_a="a.html")
    da, db = list(documents)
    f = finding(
        documents, "fr.x", "error", [(da, "13,75 milliards de dollars", None), (db, "10 milliards de dollars", None)]
    )
    page = render_html(report(documents, [f]))
    assert "&lt;b&gt;" not in page and "&lt;p&gt;" not in page
    assert "dans OpenAI &amp; co." in page


def test_html_empty_report_in_the_articles_language():
    buf = io.StringIO()
    write_html(report(docs(), []), buf)  # French articles
    assert "Aucune divergence trouvée." in buf.getvalue() and '<html lang="fr">' in buf.getvalue()
    documents = docs()
    for d in documents.values():
        d.language = "en"
    buf = io.StringIO()
    write_html(report(documents, []), buf)
    assert "No disagreement found." in buf.getvalue() and '<html lang="en">' in buf.getvalue()


# ----------------------------------------------------------------------------- browser
# find_browser and chromium live in helpers.browser (the serve page's test drives Chromium too)


def _page(tmp_path: Path) -> Path:
    documents, fs = sample()
    fs[2].suppressed = {"kind": "inline", "justification": "reviewed", "location": "articles/a.md:6"}
    page = tmp_path / "report.html"
    with page.open("w", encoding="utf-8") as fh:
        write_html(report(documents, fs), fh)
    return page


@pytest.mark.browser
@pytest.mark.skipif(find_browser() is None, reason="no Chromium/Chrome binary on PATH (install Debian 'chromium')")
def test_chromium_runs_the_filters(tmp_path):
    page = _page(tmp_path)
    # default: suppressed findings hidden by the script
    dom = chromium(["--dump-dom", page.as_uri()], tmp_path).stdout
    assert 'data-ready="1"' in dom, "the report's script did not run"
    assert 'data-shown="2"' in dom
    hidden = re.findall(r'<article class="[^"]*" id="(f\d)"[^>]*hidden', dom)
    assert hidden == ["f3"]
    # filter from the URL: errors only -> the warning is hidden and its marks are switched off
    dom = chromium(["--dump-dom", page.as_uri() + "#levels=error"], tmp_path).stdout
    assert 'data-shown="1"' in dom
    assert set(re.findall(r'<article class="[^"]*" id="(f\d)"[^>]*hidden', dom)) == {"f2", "f3"}
    # a group none of whose findings is shown is hidden with them
    assert re.findall(r'<section class="group" id="(g\d)"[^>]*hidden', dom) == ["g2", "g3"]
    assert re.search(r'<mark class="hl off" data-findings="f2"', dom)
    assert re.search(r'<mark class="hl lvl-error" data-findings="f1"', dom)
    # showing suppressed findings brings f3 back
    dom = chromium(["--dump-dom", page.as_uri() + "#levels=error,warning,suggestion&suppressed=1"], tmp_path).stdout
    assert 'data-shown="3"' in dom


@pytest.mark.browser
@pytest.mark.skipif(find_browser() is None, reason="no Chromium/Chrome binary on PATH (install Debian 'chromium')")
def test_chromium_screenshot_shows_the_highlighted_findings(tmp_path):
    page = _page(tmp_path)
    shot = tmp_path / "report.png"
    proc = chromium([f"--screenshot={shot}", "--window-size=1280,2000", "--hide-scrollbars", page.as_uri()], tmp_path)
    assert shot.exists(), proc.stderr[-2000:]
    width, height, rows = read_png(shot)
    assert (width, height) == (1280, 2000)
    colors = {bytes(r[j : j + 3]) for r in rows[::8] for j in range(0, len(r), 24)}
    assert len(colors) > 20, "the screenshot looks blank"
    # highlighted spans are painted: 2 error marks in the passages + 2 in the articles, 2+2 warning marks
    assert count_color(rows, ERROR_BG) > 2000
    assert count_color(rows, WARNING_BG) > 1000
    out = os.environ.get("FACTCHECK_SCREENSHOT_DIR")
    if out:
        dest = Path(out)
        dest.mkdir(parents=True, exist_ok=True)
        shutil.copy(shot, dest / "html-report.png")
        shutil.copy(page, dest / "html-report.html")


def test_html_value_display_shown_no_raw_details():
    documents = docs()
    da, db = list(documents)
    f = finding(
        documents,
        "fr.x",
        "error",
        [
            (da, "13,75 milliards de dollars", {"display": "13.75 bn USD", "low": 13.75e9, "unit": "USD"}),
            (db, "10 milliards de dollars", {"display": "10 bn USD"}),
        ],
    )
    page = render_html(report(documents, [f]))
    assert '<div class="value">13.75 bn USD</div>' in page and '<div class="value">10 bn USD</div>' in page
    assert "13750000000" not in page and "<dl>" not in page
