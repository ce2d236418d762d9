"""The self-contained HTML report: content, escaping, and a real headless-Chromium render."""

from __future__ import annotations

import io
import os
import re
import shutil
import struct
import zlib
from html.parser import HTMLParser
from pathlib import Path

import pytest
from helpers.browser import chromium, find_browser
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
    assert len(sides) == 6 and sides[0]["data-doc"] == "articles/a.md" and sides[1]["data-doc"] == "articles/b.txt"
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
    # normalised values and reason
    assert "<dt>unit</dt><dd>USD</dd>" in page and "13.75e9 USD != 1e10 USD" in page
    assert "suppressed (inline, articles/a.md:6): reviewed" in page
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


def test_html_empty_report():
    buf = io.StringIO()
    write_html(report(docs(), []), buf)
    assert "No disagreement found." in buf.getvalue()


# ----------------------------------------------------------------------------- browser
# find_browser and chromium live in helpers.browser (the serve page's test drives Chromium too)


def read_png(path: Path) -> tuple[int, int, list[bytes]]:
    """A minimal PNG decoder (8-bit RGB/RGBA, non-interlaced): width, height, rows of RGB(A) bytes."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat = 8, b""
    width = height = bpp = 0
    while pos < len(data):
        length, ctype = struct.unpack(">I4s", data[pos : pos + 8])
        chunk = data[pos + 8 : pos + 8 + length]
        if ctype == b"IHDR":
            width, height, depth, color, _, _, interlace = struct.unpack(">IIBBBBB", chunk)
            assert depth == 8 and color in (2, 6) and interlace == 0, (depth, color, interlace)
            bpp = 3 if color == 2 else 4
        elif ctype == b"IDAT":
            idat += chunk
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows: list[bytes] = []
    prev = bytearray(stride)
    i = 0
    for _ in range(height):
        ftype = raw[i]
        line = bytearray(raw[i + 1 : i + 1 + stride])
        i += 1 + stride
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b = prev[x]
            c = prev[x - bpp] if x >= bpp else 0
            if ftype == 1:
                line[x] = (line[x] + a) & 0xFF
            elif ftype == 2:
                line[x] = (line[x] + b) & 0xFF
            elif ftype == 3:
                line[x] = (line[x] + ((a + b) >> 1)) & 0xFF
            elif ftype == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[x] = (line[x] + pred) & 0xFF
        rows.append(bytes(line))
        prev = line
    return width, height, [r if bpp == 3 else b"".join(r[j : j + 3] for j in range(0, len(r), 4)) for r in rows]


def count_color(rows: list[bytes], rgb: tuple[int, int, int], tol: int = 3) -> int:
    n = 0
    for r in rows:
        for j in range(0, len(r), 3):
            if abs(r[j] - rgb[0]) <= tol and abs(r[j + 1] - rgb[1]) <= tol and abs(r[j + 2] - rgb[2]) <= tol:
                n += 1
    return n


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


def test_html_value_display_first_details_folded():
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
    assert "→ <strong>13.75 bn USD</strong>" in page and "→ <strong>10 bn USD</strong>" in page
    assert "<details><summary>normalised value</summary><dl><dt>low</dt><dd>13750000000.0</dd>" in page
