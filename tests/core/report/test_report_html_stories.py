"""The HTML report of a French and an English evaluation story, rendered in headless Chromium.

Each page is screenshotted (saved under the test's tmp_path, and copied to
``FACTCHECK_SCREENSHOT_DIR`` when set) and checked as a reader sees it: not blank, the
highlights painted, each finding's sides laid out side by side (bounding boxes read from
the DOM by a probe script added to a copy of the page), the page's words in the articles'
language, and no raw internal structure (``{...}``, ``role.mayor``) in the visible text.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
from pathlib import Path

import pytest
from helpers.browser import chromium, count_color, find_browser, read_png
from helpers.paths import DATA

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(find_browser() is None, reason="no Chromium/Chrome binary on PATH (install Debian 'chromium')"),
]

STORIES = {"fr": "fr-changement-pdg", "en": "en-quarterly-results"}
HEADINGS = {"fr": "Divergences", "en": "Findings"}
HIGHLIGHTS = [(0xFF, 0xC9, 0xC9), (0xFF, 0xE8, 0xA3), (0xC5, 0xE4, 0xFF)]  # --err, --warn, --sug

# Reads the layout once the page's own script has run: per finding, the boxes of its sides
# and of the highlighted claim in each; and the visible text of the page.
PROBE = """<script>
(function () {
  var out = { findings: [], text: document.body.innerText };
  document.querySelectorAll("article.finding").forEach(function (f) {
    var sides = Array.prototype.slice.call(f.querySelectorAll(".sides > .side")).map(function (s) {
      var r = s.getBoundingClientRect();
      var m = s.querySelector("blockquote.passage mark.hl");
      var mr = m ? m.getBoundingClientRect() : null;
      return { left: r.left, right: r.right, top: r.top, width: r.width, height: r.height,
               mark: mr ? { width: mr.width, height: mr.height } : null };
    });
    out.findings.push({ id: f.id, sides: sides });
  });
  document.body.setAttribute("data-probe", JSON.stringify(out));
})();
</script>"""


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> dict[str, Path]:
    """The HTML report of each story, written by the CLI (NLI off: no model needed)."""
    from checker.cli import main

    out = tmp_path_factory.mktemp("story-reports")
    pages = {}
    for lang, story in STORIES.items():
        files = sorted(str(p) for p in (DATA / "eval" / story).glob("*.txt"))
        page = out / f"{story}.html"
        args = ["check", *files, "-q", "--no-cache", "--disable", "common.nli-contradiction,common.nli-definitions"]
        code = main([*args, "-f", "html", "-o", str(page)])
        assert code in (0, 1) and page.is_file(), (story, code)
        pages[lang] = page
    return pages


def _probe(page: Path, tmp_path: Path) -> dict:
    probed = tmp_path / f"probe-{page.name}"
    text = page.read_text(encoding="utf-8")
    probed.write_text(text.replace("</body>", PROBE + "</body>"), encoding="utf-8")
    dom = chromium(["--window-size=1280,1600", "--dump-dom", probed.as_uri()], tmp_path).stdout
    found = re.search(r'data-probe="([^"]*)"', dom)
    assert found, "the probe script did not run"
    return json.loads(html.unescape(found.group(1)))


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_story_report_lays_out_readable_sides(pages, lang, tmp_path):
    page = pages[lang]
    source = page.read_text(encoding="utf-8")
    assert f'<html lang="{lang}">' in source
    probe = _probe(page, tmp_path)
    between = [f for f in probe["findings"] if len(f["sides"]) >= 2]  # a within-document finding has one
    assert between, "the story gave no finding between articles"
    for f in between:
        sides = f["sides"]
        a, b = sides[0], sides[1]
        # side by side: same row, left one ends before the right one starts, both readable
        assert abs(a["top"] - b["top"]) < 2 and a["right"] <= b["left"], f
        assert min(a["width"], b["width"]) > 300 and min(a["height"], b["height"]) > 40, f
        # the claim is highlighted inside the quoted sentence of each side
        assert all(s["mark"] and s["mark"]["width"] > 0 and s["mark"]["height"] > 0 for s in sides), f
    text = probe["text"]
    assert HEADINGS[lang] in text
    assert "{" not in text and "}" not in text and "role." not in text, text


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_story_report_screenshot_is_painted(pages, lang, tmp_path):
    page = pages[lang]
    shot = tmp_path / f"{page.stem}.png"
    proc = chromium([f"--screenshot={shot}", "--window-size=1280,1600", "--hide-scrollbars", page.as_uri()], tmp_path)
    assert shot.exists(), proc.stderr[-2000:]
    width, height, rows = read_png(shot)
    assert (width, height) == (1280, 1600)
    colors = {bytes(r[j : j + 3]) for r in rows[::8] for j in range(0, len(r), 24)}
    assert len(colors) > 20, "the screenshot looks blank"
    assert sum(count_color(rows, rgb) for rgb in HIGHLIGHTS) > 1000, "no highlighted claim is painted"
    out = os.environ.get("FACTCHECK_SCREENSHOT_DIR")
    if out:
        dest = Path(out)
        dest.mkdir(parents=True, exist_ok=True)
        shutil.copy(shot, dest / f"html-report-{lang}.png")
