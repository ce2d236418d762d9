"""A weekday that contradicts its own date is a finding inside one document (issue 12,
item 3), in the article's language; a weekday that fits, or one with nothing to anchor
its year, is not."""

from __future__ import annotations

import json

import pytest

from checker.context import Options, RunContext
from checker.findings.finalize import contract_problem
from checker.model import Document, Evidence, Finding
from checker.run.pipeline import Checker


@pytest.fixture(scope="module")
def checker():
    return Checker(only_types=["numeric", "entities"], options=Options(use_cache=False, embedder="none"))


FR_WRONG = (
    "Déraillement près de Mâcon\n\nPublié le 16 avril 2026\n\nLe train a déraillé le mardi 15 avril 2026 près de Mâcon."
)
EN_WRONG = (
    "Train derails near Macon\n\nPublished April 16, 2026\n\nThe train derailed on Friday, April 14, 2026 near Macon."
)


def _within(result):
    return [f for f in result.findings if f.within_document]


def test_a_french_weekday_that_is_not_its_dates(checker):
    (f,) = _within(checker.check_texts({"a.txt": FR_WRONG}))
    assert f.level == "warning" and f.kind == "numeric"
    assert [e.doc_id for e in f.evidence] == ["a.txt"]
    assert "le 15 avril 2026 est un mercredi, pas un mardi" in f.message
    assert f.explanation["date"] == "2026-04-15"


def test_an_english_weekday_that_is_not_its_dates(checker):
    (f,) = _within(checker.check_texts({"b.txt": EN_WRONG}))
    assert "April 14, 2026 is a Tuesday, not a Friday" in f.message


@pytest.mark.parametrize(
    "text",
    [
        "Publié le 16 avril 2026\n\nLe train a déraillé le mardi 14 avril 2026 près de Mâcon.",
        "Published April 16, 2026\n\nThe train derailed on Tuesday, April 14 near Macon.",
        "Le train a déraillé le mardi 15 avril près de Mâcon.",  # no year, no anchor: the weekday picks the year
        # the year of an earlier date is not this day's when the publication year gives its
        # weekday (31 August 2026 is a Monday; 2025's, the closure year, a Sunday: consistent-11)
        "Publié le vendredi 6 novembre 2026\n\nFermée le 1er septembre 2025, la ligne a été rénovée. "
        "La réouverture, initialement prévue le lundi 31 août, a été repoussée de neuf semaines.",
        "Published Friday, November 6, 2026\n\nThe line closed on September 1, 2025. Its reopening, "
        "first planned for Monday, August 31, was pushed back by nine weeks.",
    ],
)
def test_a_weekday_that_fits_or_has_no_anchor_is_silent(checker, text):
    assert _within(checker.check_texts({"a.txt": text})) == []


def test_a_weekday_wrong_in_both_the_context_year_and_the_publication_year_is_still_a_finding(checker):
    text = (
        "Publié le vendredi 6 novembre 2026\n\nFermée le 1er septembre 2025, la ligne a été rénovée. "
        "La réouverture, initialement prévue le mardi 31 août, a été repoussée de neuf semaines."
    )
    (f,) = _within(checker.check_texts({"a.txt": text}))
    assert "pas un mardi" in f.message


def test_the_json_report_marks_it_and_other_findings_stay_unmarked(checker, tmp_path):
    other = "Publié le 16 avril 2026\n\nLe train a déraillé le mardi 14 avril 2026 près de Mâcon."
    result = checker.check_texts({"a.txt": FR_WRONG, "b.txt": other})
    dicts = [f.to_dict() for f in result.findings]
    assert [d.get("within_document") for d in dicts].count(True) == 1
    assert all("within_document" not in d for d in dicts if len({e["path"] for e in d["evidence"]}) > 1)
    json.dumps(dicts)


def test_in_draft_mode_only_the_drafts_own_weekdays_count(checker):
    result = checker.check_texts(
        {"draft.txt": "Le train a déraillé à Mâcon.", "corpus.txt": FR_WRONG}, focus={"draft.txt"}
    )
    assert _within(result) == []


def _finding(within: bool, docs: list[str]) -> Finding:
    return Finding(
        rule_id="r",
        kind="numeric",
        level="warning",
        message="m",
        evidence=[Evidence(doc_id=d, start=0, end=1) for d in docs],
        within_document=within,
    )


def test_validation_of_the_within_document_flag():
    ctx = RunContext(documents={d: Document(id=d, path=None, text="xyz") for d in ("a", "b")})
    assert contract_problem(_finding(True, ["a"]), ctx) is None
    assert "another" in contract_problem(_finding(True, ["a", "b"]), ctx)
    assert "two documents" in contract_problem(_finding(False, ["a"]), ctx)
    bad = _finding(True, ["a"])
    bad.within_document = "yes"  # type: ignore[assignment]
    assert "boolean" in contract_problem(bad, ctx)


@pytest.mark.parametrize("fmt", ["sarif", "html", "markdown", "github", "jsonl"])
def test_every_writer_takes_a_one_document_finding(tmp_path, fmt):
    from checker.cli import main

    article = tmp_path / "a.txt"
    article.write_text(FR_WRONG, encoding="utf-8")
    out = tmp_path / f"report.{fmt}"
    code = main(
        [
            "check",
            str(article),
            "--no-cache",
            "--disable",
            "common.nli-contradiction,common.nli-definitions",
            "-f",
            fmt,
            "-o",
            str(out),
        ]
    )
    assert code in (0, 1)
    text = out.read_text(encoding="utf-8")
    assert "mercredi" in text
    if fmt == "sarif":
        import jsonschema
        from helpers.paths import DATA

        schema = json.loads((DATA / "report" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
        jsonschema.validators.validator_for(schema)(schema).validate(json.loads(text))
