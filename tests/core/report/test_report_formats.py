"""github, markdown and jsonl writers; registration of every built-in format."""

from __future__ import annotations

import io
import json
import re

import yaml
from helpers.paths import REPO
from helpers.reports import docs, report, sample  # noqa: E402

from checker.model import InputError  # noqa: E402
from checker.report.github import escape_data, escape_property, write_github  # noqa: E402
from checker.report.jsonl import write_jsonl  # noqa: E402
from checker.report.markdown import cell, write_markdown  # noqa: E402

ROOT = REPO


def render(writer, rep) -> str:
    buf = io.StringIO()
    writer(rep, buf)
    return buf.getvalue()


# ----------------------------------------------------------------------------- registration
def test_all_builtin_formats_are_registered_through_the_plugin_hook():
    from checker.plugins import default_host

    host = default_host()
    host.collect()
    assert {"text", "json", "jsonl", "sarif", "github", "markdown", "html"} <= set(host.formats)
    documents, fs = sample()
    for name, writer in host.formats.items():
        out = render(writer, report(documents, fs))
        assert out.strip(), f"format {name} wrote nothing"


# ----------------------------------------------------------------------------- github
def test_github_escaping():
    assert escape_data("50% of\r\nlines") == "50%25 of%0D%0Alines"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


def test_github_one_command_per_side_with_positions():
    documents, fs = sample()
    out = render(write_github, report(documents, fs)).splitlines()
    assert len(out) == 6
    a = documents["articles/a.md"]
    start = a.text.index("13,75 milliards de dollars")
    col = a.line_col(start)[1]
    assert out[0] == (
        f"::error file=articles/a.md,line=3,endLine=3,col={col},endColumn={col + 26},"
        "title=fr.investment-amount (error)::Montant divergent %3A 13%2C75 milliards vs 10 milliards".replace(
            "%3A", ":"
        ).replace("%2C", ",")
        + " (vs b.txt:3 «10 milliards de dollars»)%0A13.75e9 USD != 1e10 USD"
    )
    assert out[1].startswith("::error file=articles/b.txt,line=3,endLine=3,col=21,endColumn=44,")
    assert "(vs a.md:3 «13,75 milliards de dollars»)" in out[1]
    assert out[2].startswith("::warning file=articles/a.md,line=5,")
    assert out[4].startswith("::notice file=articles/a.md,line=6,")
    pattern = re.compile(r"^::(error|warning|notice) (?:[A-Za-z]+=[^,:]*)(?:,[A-Za-z]+=[^,:]*)*::[^\r\n]*$")
    for line in out:
        assert pattern.match(line), line


def test_github_escapes_hostile_paths_and_messages():
    documents = docs(id_a="dir,x/a:b.md", id_b="b%.txt")
    _, fs = sample(documents)
    fs[0].message = "line one\nline two: 100%"
    out = render(write_github, report(documents, fs[:1])).splitlines()
    assert len(out) == 2
    assert out[0].startswith("::error file=dir%2Cx/a%3Ab.md,line=3,")
    assert "::line one%0Aline two: 100%25 (vs b%25.txt:3" in out[0]
    assert out[1].startswith("::error file=b%25.txt,")


def test_github_skips_suppressed_and_reports_counts_and_problems():
    documents, fs = sample()
    fs[0].suppressed = {"kind": "inline", "justification": "", "location": "a.md:2"}
    fs[1].suppressed = {"kind": "baseline"}
    rep = report(
        documents,
        fs,
        errors=[InputError(path="x.txt", message="cannot read", line=2, kind="input")],
        hidden_by_baseline=1,
    )
    out = render(write_github, rep).splitlines()
    assert [line.split(" ", 1)[0] for line in out] == ["::notice", "::notice", "::warning", "::notice"]
    assert out[2] == "::warning file=x.txt,line=2,title=factcheck input problem::cannot read"
    assert "1 suppressed by inline comments, 1 hidden by the baseline" in out[3]


# ----------------------------------------------------------------------------- markdown
def test_markdown_table_rows_and_suppressed_section():
    documents, fs = sample()
    fs[2].suppressed = {"kind": "inline", "justification": "chiffres de dates différentes", "location": "a.md:6"}
    out = render(write_markdown, report(documents, fs, lang="en"))
    assert out.startswith(
        "## factcheck report\n\n**2 documents** checked: 1 error, 1 warning, 0 suggestions; 1 suppressed."
    )
    table = [line for line in out.splitlines() if line.startswith("|")]
    assert table[0] == "| Level | Rule | Article | Other article(s) | Message |"
    row = table[2]
    assert row.count(" | ") == 4  # 5 cells
    assert "fr.investment-amount" in row and "**a.md:3** «13,75 milliards de dollars»" in row
    assert "**b.txt:3** «10 milliards de dollars»" in row
    assert "→ low=13750000000.0, high=13750000000.0, unit=USD" in row
    assert "<details><summary>1 suppressed finding</summary>" in out
    assert "inline (a.md:6): chiffres de dates différentes" in out


def test_markdown_cells_cannot_break_the_table_or_inject_html():
    assert cell("a|b\nc <script>*x*") == "a\\|b c &lt;script&gt;\\*x\\*"
    documents, fs = sample()
    fs[0].message = "evil | <img src=x onerror=alert(1)>\n| new row"
    out = render(write_markdown, report(documents, fs[:1]))
    rows = [line for line in out.splitlines() if line.startswith("|")]
    assert len(rows) == 3
    assert "<img" not in out and "&lt;img" in out


def test_markdown_empty_report():
    out = render(write_markdown, report(docs(), [], lang="en"))
    assert "No disagreement found." in out and "|" not in out


def test_markdown_labels_speak_the_articles_language():
    documents, fs = sample()  # French articles
    fs[2].suppressed = {"kind": "inline", "justification": "chiffres de dates différentes", "location": "a.md:6"}
    out = render(write_markdown, report(documents, fs))
    assert out.startswith(
        "## Rapport factcheck\n\n**2 documents** vérifiés : 1 erreur, 1 avertissement, 0 suggestion ; 1 masqué(s)."
    ), out[:200]
    table = [line for line in out.splitlines() if line.startswith("|")]
    assert table[0] == "| Niveau | Règle | Article | Autre(s) article(s) | Message |"
    assert "🔴 erreur" in table[2]
    assert "<details><summary>1 constat masqué</summary>" in out
    assert "Aucun désaccord trouvé." in render(write_markdown, report(docs(), []))


# ----------------------------------------------------------------------------- jsonl
def test_jsonl_one_record_per_line():
    documents, fs = sample()
    fs[0].suppressed = {"kind": "baseline"}
    fs[1].message = "two\nlines \u2028 sep"
    rep = report(documents, fs, errors=[InputError(path="x", message="bad")])
    lines = render(write_jsonl, rep).splitlines()
    recs = [json.loads(line) for line in lines]
    assert [r["type"] for r in recs] == ["finding"] * 3 + ["error", "summary"]
    assert recs[0]["suppressed"] == {"kind": "baseline"}
    assert recs[0]["fingerprint"] == fs[0].fingerprint
    assert recs[1]["message"] == "two\nlines \u2028 sep"
    assert recs[4]["suppressed"] == 1 and recs[4]["documents"] == 2
    assert recs[4]["summary"] == {"error": 0, "warning": 1, "suggestion": 1}


# ----------------------------------------------------------------------------- pre-commit
def test_pre_commit_hook_definition():
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert isinstance(hooks, list) and hooks
    for hook in hooks:
        for key in ("id", "name", "entry", "language"):
            assert hook.get(key), f"pre-commit hook without {key}"
    main = next(h for h in hooks if h["id"] == "factcheck")
    assert main["entry"].split()[:2] == ["factcheck", "check"]
    assert main["pass_filenames"] is True and main["language"] == "python"
    files = re.compile(main["files"])
    for ok in ("articles/a.md", "b.markdown", "c.txt", "d.html", "e.HTM"):
        assert files.search(ok), ok
    for no in ("setup.py", "data.json", "notes.mdx"):
        assert not files.search(no), no
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert re.search(r'^factcheck = "checker\.cli:main"', pyproject, re.M)
