"""Cleaning: what is not the article is set aside (with a reason), offsets preserved."""

from __future__ import annotations

import pytest

from checker.context import RunContext
from checker.text.clean import clean_document
from checker.text.load import make_document


def clean(text: str):
    doc = make_document(text, "t.txt")
    view, sections = clean_document(doc, RunContext())
    return doc, view, sections


def removed_texts(doc):
    return {doc.text[r.start : r.end]: r.reason for r in doc.removed}


@pytest.fixture(scope="module")
def seed_docs(seeds_dir):
    out = {}
    for path in sorted(seeds_dir.glob("*.txt")):
        doc = make_document(path.read_text(encoding="utf-8"), path.name)
        view, sections = clean_document(doc, RunContext())
        out[path.name[:3]] = (doc, view, sections)
    return out


def test_spanish_headline_in_french_article_is_removed(seed_docs):
    doc, view, _ = seed_docs["002"]
    assert doc.language == "fr"
    gone = removed_texts(doc)
    headline = "Pensión IMSS e ISSSTE: Fechas Clave para el Pago de Septiembre y el Calendario Completo del 2025"
    assert gone == {headline: "language:es"}
    assert headline not in view and len(view) == len(doc.text)


def test_teasers_bios_and_breadcrumbs_of_001(seed_docs):
    doc, view, sections = seed_docs["001"]
    gone = removed_texts(doc)
    assert gone["Publié le 12 décembre 2024 à 08h07"] == "byline"
    assert gone["Hugo Mollet"] == "byline"
    assert any(k.startswith("Rédacteur en chef") for k, v in gone.items() if v == "author-bio")
    assert gone["Apple commence l’expédition d’un produit phare fabriqué au Texas"] == "related-content"
    assert "Des passants choqués" not in view and "Rédacteur en chef" not in view
    # the article itself is untouched
    assert "accès privilégié aux modèles d’OpenAI" in view
    # the FAQ is kept, labelled, and ends before the closing bio
    faq = [doc.text[a:b] for a, b, label in sections if label == "faq"]
    assert faq[0].startswith("Questions fréquemment posées")
    assert any("Microsoft investit-il encore dans OpenAI" in f for f in faq)
    assert not any("Hugo Mollet" in f for f in faq)


def test_teaser_marker_and_site_name_of_000(seed_docs):
    doc, view, _ = seed_docs["000"]
    gone = removed_texts(doc)
    assert gone == {"author avatar": "byline", "MondeTech.fr": "breadcrumb", "À lire également": "teaser"}


def test_clean_articles_lose_nothing(seed_docs):
    for key in ("003", "004"):
        doc, view, _ = seed_docs[key]
        assert doc.removed == [], key
        assert view == doc.view


def test_quotes_and_attributions_are_labelled(seed_docs):
    doc, _, sections = seed_docs["000"]
    labels = {doc.text[a:b].strip(): label for a, b, label in sections}
    assert labels["– Analyse inspirée des rapports de TechCrunch"] == "attribution"
    assert any(label == "quote" and text.startswith("«") for text, label in labels.items())


def test_inline_read_also_line_removed_but_following_article_kept():
    text = (
        "Microsoft a investi 13 milliards de dollars dans OpenAI selon plusieurs sources concordantes.\n"
        "Lire aussi : Google investit dans Anthropic\n"
        "La relation entre les deux entreprises reste étroite malgré les tensions récentes.\n"
        "Les régulateurs examinent de près cette alliance entre les deux géants de la technologie.\n"
    )
    doc, view, _ = clean(text)
    assert removed_texts(doc) == {"Lire aussi : Google investit dans Anthropic": "teaser"}
    assert "La relation entre les deux entreprises" in view


def test_english_document_keeps_english_and_drops_french_line():
    text = (
        "Microsoft has invested more than 13 billion dollars in OpenAI over the last five years.\n"
        "The partnership gives Microsoft privileged access to the models developed by the start-up.\n"
        "Le géant de Redmond n'a pas souhaité commenter ces informations auprès de nos journalistes.\n"
        "Regulators in Washington and Brussels are looking closely at the agreement between the companies.\n"
    )
    doc, view, _ = clean(text)
    assert doc.language == "en"
    assert list(removed_texts(doc).values()) == ["language:fr"]


@pytest.mark.parametrize(
    "line",
    [
        "Le 17 novembre 2025 à 11h20",
        "franceinfo avec AFP - Publié le 18 novembre 2025",
        "Mis à jour le 3 mars 2025 à 18:02",
        "March 3, 2025, 10:42 am",
        "Published on 12 December 2024",
        "mardi 5 août 2025",
    ],
)
def test_datelines_are_bylines_not_facts(line):
    text = (
        line + "\nMicrosoft a investi 13 milliards de dollars dans OpenAI selon plusieurs sources concordantes.\n"
        "La relation entre les deux entreprises reste étroite malgré les tensions récentes du secteur.\n"
    )
    doc, view, _ = clean(text)
    assert removed_texts(doc) == {line: "byline"}


def test_a_sentence_that_contains_a_date_is_kept():
    text = (
        "Le contrat a été signé le 17 novembre 2025 à Paris par les deux dirigeants du groupe.\n"
        "La relation entre les deux entreprises reste étroite malgré les tensions récentes du secteur.\n"
    )
    doc, view, _ = clean(text)
    assert doc.removed == []
