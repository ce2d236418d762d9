"""The HTML report's words: each finding kind's side in words, the highlighted claim, the
basis of the level, the grouping of findings, the report language."""

from __future__ import annotations

from dataclasses import dataclass

from helpers.reports import docs, finding, report, sample

from checker.model import Evidence, Finding
from checker.report.html import render_html
from checker.report.html_groups import group_findings
from checker.report.html_labels import report_language
from checker.report.html_values import (
    columns,
    date_words,
    level_basis,
    mark_span,
    plain_words,
    side_value,
)


def _finding(kind: str, values: list, explanation: dict | None = None, quotes: list[str] | None = None) -> Finding:
    quotes = quotes or ["q"] * len(values)
    evidence = [
        Evidence(doc_id=f"d{i}.txt", start=0, end=len(q), value=v, quote=q)
        for i, (v, q) in enumerate(zip(values, quotes))
    ]
    return Finding(
        rule_id=f"x.{kind}", kind=kind, level="warning", message="m", evidence=evidence, explanation=explanation or {}
    )


# ----------------------------------------------------------------------------- numeric


def test_numeric_date_in_words_not_iso():
    v = {"type": "date", "unit": "date", "low_date": "2025-09-01", "high_date": "2025-09-01", "display": "2025-09-01"}
    f = _finding("numeric", [v])
    assert side_value(f, 0, f.evidence[0], "fr") == "1er septembre 2025"
    assert side_value(f, 0, f.evidence[0], "en") == "September 1, 2025"
    span = dict(v, low_date="2025-09-01", high_date="2025-09-30")
    assert side_value(f, 0, Evidence("d", 0, 1, value=span), "fr") == "entre 1er septembre 2025 et 30 septembre 2025"
    assert date_words("2023-01", "fr") == "janvier 2023" and date_words("not-a-date", "en") == "not-a-date"


def test_numeric_display_then_interval_in_words():
    f = _finding("numeric", [{"display": "≈ 12 k salariés", "low": 10800, "high": 13200}])
    assert side_value(f, 0, f.evidence[0], "fr") == "≈ 12 k salariés"
    f = _finding("numeric", [{"low": 13.75e9, "high": 13.75e9, "unit": "USD"}, {"low": 1200, "high": 1500}])
    assert side_value(f, 0, f.evidence[0], "fr") == "13,75 milliards USD"
    assert side_value(f, 0, f.evidence[0], "en") == "13.75 billion USD"
    assert side_value(f, 1, f.evidence[1], "fr") == "entre 1 200 et 1 500"
    assert side_value(f, 1, f.evidence[1], "en") == "between 1,200 and 1,500"
    f = _finding("numeric", [{"low": 12, "high": 12, "unit": "percent", "approx": "about"}])
    assert side_value(f, 0, f.evidence[0], "en") == "about 12 %"


# ----------------------------------------------------------------------------- relation


def _relation(subject="Patricia Lenoir", obj="Vienne", relation="role.mayor", **extra) -> dict:
    return {
        "subject": subject.lower(),
        "relation": relation,
        "object": obj.lower(),
        "polarity": "positive",
        "modality": "asserted",
        "qualifier": None,
        "time": {"tense": "present", "years": []},
        "names": {"subject": subject, "object": obj},
        **extra,
    }


def test_relation_side_reads_as_a_phrase_from_the_plugins_triple():
    values = [_relation(), _relation("Marc Delorme", "Ardelis", "ceo", polarity="negative")]
    values[1]["time"]["change"] = "no longer"
    sides = [
        {"value": "Patricia Lenoir — maire de — Vienne", "documents": ["d0.txt"], "spans": [[0, 1]]},
        {"value": "Marc Delorme — dirigeant de — Ardelis (négation)", "documents": ["d1.txt"], "spans": [[0, 1]]},
    ]
    f = _finding("relation", values, {"sides": sides})
    assert side_value(f, 0, f.evidence[0], "fr") == "Patricia Lenoir, maire de Vienne"
    assert side_value(f, 1, f.evidence[1], "fr") == "Marc Delorme n'est plus dirigeant d'Ardelis"


def test_relation_side_without_the_triple_never_shows_the_relation_id():
    past = _relation(time={"tense": "past", "years": [2019]})
    hedged = _relation("Ana Ruiz", "Port Ellery", modality="hedged", polarity="negative")
    f = _finding("relation", [past, hedged])
    first = side_value(f, 0, f.evidence[0], "en")
    assert first == "Patricia Lenoir, mayor of Vienne (in the past, in 2019)"
    assert side_value(f, 1, f.evidence[1], "en") == "Ana Ruiz, not mayor of Port Ellery (hedged)"
    assert "role." not in first and "{" not in first
    role = _relation(role="présidente", relation="role.president", obj="Lancrais")
    assert side_value(_finding("relation", [role]), 0, Evidence("d", 0, 1, value=role), "fr") == (
        "Patricia Lenoir, présidente de Lancrais"
    )


def test_relation_qualifier_notes_kept_and_unnamed_object_in_words():
    v = _relation("Hydrelia", "(?)", "exclusive_rights")
    shown = "Hydrelia — droits (accès, licence, contrat) sur — (?) (privilégié, non exclusif)"
    f = _finding("relation", [v], {"sides": [{"value": shown, "documents": ["d0.txt"], "spans": [[0, 1]]}]})
    assert side_value(f, 0, f.evidence[0], "fr") == (
        "Hydrelia, droits (accès, licence, contrat) sur (non nommé) (privilégié, non exclusif)"
    )


def test_relation_claim_is_marked_inside_its_sentence():
    sentence = "Selon la mairie, Patricia Lenoir est maire de Vienne depuis 2020."
    ev = Evidence(doc_id="d0.txt", start=100, end=100 + len(sentence), quote=sentence, value=_relation())
    side = {"value": "Patricia Lenoir — maire de — Vienne", "documents": ["d0.txt"], "spans": [[ev.start, ev.end]]}
    f = Finding(
        "r",
        "relation",
        "error",
        "m",
        [ev],
        explanation={"sides": [side], "matched": ["Patricia Lenoir est maire de Vienne"]},
    )
    start, end = mark_span(f, ev)
    assert sentence[start - 100 : end - 100] == "Patricia Lenoir est maire de Vienne"
    f.explanation["matched"] = ["not in the sentence"]
    assert mark_span(f, ev) == (ev.start, ev.end)


# ----------------------------------------------------------------------------- entity, nli


def test_entity_side_name_and_type():
    f = _finding("entity", [{"name": "Patricia Lenoir", "label": "PER", "id": "patricia lenoir"}])
    assert side_value(f, 0, f.evidence[0], "fr") == "Patricia Lenoir (personne)"
    assert side_value(f, 0, f.evidence[0], "en") == "Patricia Lenoir (person)"
    f = _finding("entity", [{"id": "ardelis"}])
    assert side_value(f, 0, f.evidence[0], "en") == "ardelis"


def test_nli_side_does_not_repeat_the_quoted_sentence():
    sentence = "Le contrat a été signé en mars."
    f = _finding("nli", [{"text": sentence}, {"text": "Le contrat a été annulé."}], quotes=[sentence, "Autre phrase."])
    assert side_value(f, 0, f.evidence[0], "fr") == ""  # the quote already says it
    assert side_value(f, 1, f.evidence[1], "fr") == "Le contrat a été annulé."


def test_nli_card_prints_the_sentence_once():
    documents = docs()
    a, b = list(documents)
    f = finding(
        documents, "common.nli-contradiction", "suggestion", [(a, "janvier 2023", None), (b, "mars 2023", None)]
    )
    f.kind = "nli"
    for e in f.evidence:
        e.value = {"text": e.quote}
    f.explanation.update({"probabilities": {"contradiction": 0.91, "entailment": 0.02}})
    page = render_html(report(documents, [f]))
    card = page.split('<article class="finding')[1].split("</article>")[0]
    assert card.count("janvier 2023") == 1 and card.count("mars 2023") == 1
    assert "modèle : contradiction 0.91, implication 0.02" in card


# ----------------------------------------------------------------------------- level basis


@dataclass
class _Rule:
    id: str
    level: str
    description: str = ""


def test_level_basis_says_how_the_level_was_reached():
    f = _finding("numeric", [{"low": 1}], {"reason": "different time scope (2024 vs overall); level lowered; 1 vs 2"})
    basis = level_basis(f, "error", "en")
    assert basis[0] == "level lowered from error to warning"
    assert "different time scope (2024 vs overall)" in basis and "level lowered" in basis
    assert level_basis(f, "warning", "fr")[0] == "niveau de la règle : avertissement"
    rel = _finding(
        "relation",
        [{}],
        {"reason": "Lancrais has one role.president at a time", "constraint": "functional", "hedged_sides": 1},
    )
    basis = level_basis(rel, None, "en")
    assert basis == [
        "Lancrais has one president at a time",
        "only one value can be true at a time",
        "1 side(s) hedged: one level lower per hedged side",
    ]
    assert plain_words("exclusive_rights of X") == "exclusive rights of X"
    assert plain_words("subsidiary_of of Hydrelia") == "subsidiary of Hydrelia"


# ----------------------------------------------------------------------------- grouping


def _numeric(doc_a: str, doc_b: str, slot: str, a: float, b: float) -> Finding:
    evidence = [
        Evidence(doc_id=doc_a, start=0, end=1, value={"low": a, "high": a, "slot": slot}),
        Evidence(doc_id=doc_b, start=5, end=6, value={"low": b, "high": b, "slot": slot}),
    ]
    return Finding("fr.numeric.workforce", "numeric", "warning", "m", evidence, explanation={"slot": slot})


def test_the_same_figure_across_articles_is_one_group():
    fs = [
        _numeric("a.txt", "c.txt", "general.workforce", 12000, 15000),
        _numeric("b.txt", "c.txt", "general.workforce", 12000, 15000),
        _numeric("d.txt", "e.txt", "general.revenue", 1, 2),
        _numeric("f.txt", "a.txt", "general.workforce", 12000, 16000),
    ]
    rules = {"fr.numeric.workforce": _Rule("fr.numeric.workforce", "warning", "Effectif (salariés, employés).")}
    groups = group_findings(fs, ["f1", "f2", "f3", "f4"], rules, "fr")
    assert [[fid for _, fid in g.findings] for g in groups] == [["f1", "f2", "f4"], ["f3"]]
    assert groups[0].title == "Effectif" and groups[0].kind == "chiffre"
    assert groups[0].documents() == ["a.txt", "b.txt", "c.txt", "f.txt"]


def test_the_same_relation_is_one_group_other_relations_apart():
    def rel(subject: str, obj: str, relation: str = "ceo") -> Finding:
        v = _relation(subject, obj, relation)
        return Finding(
            "r", "relation", "error", "m", [Evidence("a.txt", 0, 1, value=v), Evidence("b.txt", 0, 1, value=v)]
        )

    fs = [
        rel("Marc Delorme", "Ardelis"),
        rel("Claire Fontaine", "Ardelis"),
        rel("Tom Adler", "Northwind"),
        rel("X", "Ardelis", "partner"),
    ]
    groups = group_findings(fs, ["f1", "f2", "f3", "f4"], {}, "en")
    assert [[fid for _, fid in g.findings] for g in groups] == [["f1", "f2"], ["f3"], ["f4"]]
    assert groups[0].title == "ceo of Ardelis" and groups[2].title == "partner of Ardelis"


def test_grouped_page_lists_each_groups_articles():
    documents, fs = sample()
    page = render_html(report(documents, fs))
    assert page.count('<section class="group"') == 3  # three different figures
    assert '<span class="label">articles</span> a.md, b.txt' in page


def test_columns_follow_the_sides_of_the_explanation():
    sides = [
        {"value": "x", "documents": ["a.txt", "b.txt", "z.txt"], "spans": [[0, 1], [0, 1], [3, 4]]},
        {"value": "y", "documents": ["c.txt"], "spans": [[2, 3]]},
    ]
    evidence = [
        Evidence("a.txt", 0, 1, value={"display": "12 k"}),
        Evidence("b.txt", 0, 1, value={"display": "12 k"}),
        Evidence("c.txt", 2, 3, value={"display": "15 k"}),
    ]
    f = Finding("r", "numeric", "warning", "m", evidence, explanation={"sides": sides})
    cols = columns(f, "en")
    assert [(c.value, [e.doc_id for e in c.evidence], c.others) for c in cols] == [
        ("12 k", ["a.txt", "b.txt"], ["z.txt"]),
        ("15 k", ["c.txt"], []),
    ]


def test_report_language_follows_most_documents():
    @dataclass
    class D:
        language: str

    assert report_language([D("fr"), D("fr"), D("en")]) == "fr"
    assert report_language([D("fr"), D("en")]) == "en"
    assert report_language([D("de"), D("und")]) == "en"


def test_words_built_from_plugin_fields_are_escaped():
    evil = "<img src=x onerror=alert(1)>"
    documents = docs()
    a, b = list(documents)
    v = _relation(evil, evil + '"', "role.mayor")
    f = finding(documents, "fr.relation.x", "error", [(a, "janvier 2023", v), (b, "mars 2023", dict(v))])
    f.kind = "relation"
    f.explanation["sides"] = [
        {"value": f"{evil} — maire de — {evil}", "documents": [a], "spans": [[f.evidence[0].start, f.evidence[0].end]]},
        {"value": f"{evil} — maire de — x", "documents": [b], "spans": [[f.evidence[1].start, f.evidence[1].end]]},
    ]
    f.explanation["matched"] = [evil, evil]
    rules = [_Rule("fr.relation.x", "error", evil)]
    page = render_html(report(documents, [f], rules=rules))
    assert "<img" not in page and "&lt;img src=x onerror=alert(1)&gt;" in page
