"""text writer: suppressed and baselined findings are counted once, listed only on request."""

from __future__ import annotations

import io

from helpers.reports import report, sample

from checker.report.text import write_text


def render(rep) -> str:
    buf = io.StringIO()
    write_text(rep, buf)
    return buf.getvalue()


def silenced_sample():
    documents, fs = sample()
    fs[0].suppressed = {"kind": "inline", "justification": "checked with the source", "location": "a.md:2"}
    fs[1].suppressed = {"kind": "baseline", "justification": "", "location": "base.json"}
    return documents, fs


def test_suppressed_and_baselined_findings_are_counted_once_and_not_listed():
    documents, fs = silenced_sample()
    out = render(report(documents, fs, hidden_by_baseline=1, lang="en"))
    assert fs[0].message not in out and fs[1].message not in out
    assert fs[2].message in out
    summary = out.strip().splitlines()[-1]
    assert summary.endswith(", 1 suppressed inline, 1 hidden by baseline (--show-suppressed lists them).")
    assert out.count("suppressed") == 2  # the summary line only: the count and the hint


def test_show_suppressed_lists_them_marked_and_keeps_one_count():
    documents, fs = silenced_sample()
    out = render(report(documents, fs, hidden_by_baseline=1, show_suppressed=True, lang="en"))
    assert f"{fs[0].message} (suppressed: inline, a.md:2: checked with the source)" in out
    assert f"{fs[1].message} (suppressed: baseline)" in out
    summary = out.strip().splitlines()[-1]
    assert summary.endswith(", 1 suppressed inline, 1 hidden by baseline.")


def test_labels_speak_the_articles_language():
    documents, fs = silenced_sample()  # French articles
    out = render(report(documents, fs, hidden_by_baseline=1))
    summary = out.strip().splitlines()[-1]
    assert summary.startswith("2 documents vérifiés : 0 erreur, 0 avertissement, 1 suggestion"), summary
    assert summary.endswith(", 1 masqué(s) dans le texte, 1 masqué(s) par la référence (--show-suppressed les liste).")
    assert "why:" not in out
    assert [line for line in out.splitlines() if line.startswith("  pourquoi : ")]


def test_nothing_silenced_adds_nothing_to_the_summary():
    documents, fs = sample()
    out = render(report(documents, fs))
    assert "suppressed" not in out and "baseline" not in out


def test_a_skipped_optional_model_is_a_note_not_a_problem():
    from checker.model import InputError

    documents, fs = sample()
    skipped = InputError(None, "NLI rules skipped: no model could be loaded (offline)", kind="model")
    missing = InputError("gone.md", "no such file", kind="input")
    out = render(report(documents, fs, errors=[skipped, missing], lang="en"))
    lines = out.strip().splitlines()
    assert "note <factcheck>: NLI rules skipped: no model could be loaded (offline)" in lines
    assert "problem gone.md: no such file" in lines
    assert lines.index("problem gone.md: no such file") < lines.index(
        "note <factcheck>: NLI rules skipped: no model could be loaded (offline)"
    )
    assert lines[-1].endswith(", 1 problem.")
    french = render(report(documents, fs, errors=[skipped, missing]))  # the articles' language
    assert "problème gone.md: no such file" in french.splitlines()


def test_the_cli_decides_which_errors_are_problems():
    """--only-rules naming an NLI rule makes its missing model exit 2: then it is a problem."""
    from checker.model import InputError

    documents, fs = sample()
    skipped = InputError(None, "NLI rules skipped: no model could be loaded (offline)", kind="model")
    out = render(report(documents, fs, errors=[skipped], problems=[skipped], lang="en"))
    assert "problem <factcheck>: NLI rules skipped" in out and out.strip().endswith(", 1 problem.")
    out = render(report(documents, fs, errors=[skipped], problems=[], lang="en"))
    assert "note <factcheck>: NLI rules skipped" in out and "problem" not in out
