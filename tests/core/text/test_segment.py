"""Sentence segmentation: exact offsets, tricky French punctuation."""

from __future__ import annotations

import pytest

from checker.context import RunContext
from checker.text.clean import clean_document
from checker.text.load import make_document
from checker.text.nlp import NlpProvider
from checker.text.segment import rule_cuts, segment_document


def sentences_of(text: str, fmt: str = "txt"):
    doc = make_document(text, "t.txt", fmt=fmt)
    doc.language = "fr"
    segment_document(doc, None)
    return doc, [s.text for s in doc.sentences]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Microsoft a investi 13,75 milliards de dollars. OpenAI est valorisée 300 milliards.",
            ["Microsoft a investi 13,75 milliards de dollars.", "OpenAI est valorisée 300 milliards."],
        ),
        (
            "Une part de 30 à 35 % est évoquée. Rien n'est signé.",
            ["Une part de 30 à 35 % est évoquée.", "Rien n'est signé."],
        ),
        (
            "M. Nadella a parlé à Mme. Dupont hier. Elle a répondu.",
            ["M. Nadella a parlé à Mme. Dupont hier.", "Elle a répondu."],
        ),
        (
            "Il a dit : « L'IA doit être prudente. Elle change tout. » Puis il est parti.",
            ["Il a dit : « L'IA doit être prudente. Elle change tout. »", "Puis il est parti."],
        ),
        ("Le montant atteint 1.5 milliard. Il a doublé.", ["Le montant atteint 1.5 milliard.", "Il a doublé."]),
        (
            "Trois défis :\n  • Régulation : les autorités examinent.\n  • Litiges : un procès est en cours.",
            ["Trois défis :", "Régulation : les autorités examinent.", "Litiges : un procès est en cours."],
        ),
        (
            "Pourquoi ? Parce que l'accord expire en 2030 ! Voilà.",
            ["Pourquoi ?", "Parce que l'accord expire en 2030 !", "Voilà."],
        ),
        (  # a month abbreviation before its day ends no sentence (seventh session, consistent-8)
            "The resort opened on Nov. 27 last season and closed on Apr. 19. Snow came early.",
            ["The resort opened on Nov. 27 last season and closed on Apr. 19.", "Snow came early."],
        ),
        (
            "Selon le rapport (voir p. 12), le chiffre est connu. Fin.",
            ["Selon le rapport (voir p. 12), le chiffre est connu.", "Fin."],
        ),
    ],
)
def test_tricky_sentences(text, expected):
    _, got = sentences_of(text)
    assert got == expected


def test_offsets_are_exact_into_original():
    text = (
        "Titre de l'article\n\nPremière phrase ici. Deuxième phrase, avec 13,75 milliards.\n\n  • Un point de liste.\n"
    )
    doc, _ = sentences_of(text)
    for s in doc.sentences:
        assert doc.text[s.start : s.end] == s.text
    assert doc.sentences[0].section == "title"
    assert doc.sentences[-1].section == "list" and doc.sentences[-1].text == "Un point de liste."


def test_hard_wrapped_markdown_paragraph_is_joined():
    text = "Microsoft a investi une somme très importante dans la start-up\nqui développe ChatGPT depuis 2019.\n"
    _, got = sentences_of(text, fmt="md")
    assert got == ["Microsoft a investi une somme très importante dans la start-up\nqui développe ChatGPT depuis 2019."]


def test_no_cut_inside_decimal_number():
    assert rule_cuts("Il a investi 13. 75 ans plus tard.") == []


def test_seed_sentences_with_spacy(seeds_dir):
    ctx = RunContext()
    nlp = NlpProvider()
    doc = make_document((seeds_dir / "000_e40cd2c30072f5b9.txt").read_text(encoding="utf-8"), "000.txt")
    view, sections = clean_document(doc, ctx)
    segment_document(doc, nlp.get(doc.language), clean_view=view, sections=sections)
    texts = [s.text for s in doc.sentences]
    invest = [t for t in texts if "13,75 milliards" in t]
    assert invest == [
        "Avec un investissement massif de 13,75 milliards de dollars de la part de Microsoft, leur relation a permis "
        "des avancées majeures, notamment l’intégration des modèles d’OpenAI dans des produits comme Azure OpenAI "
        "Service et Copilot."
    ]
    assert any(t.endswith("une part de 30 à 35 %.") for t in texts)
    assert "Azure OpenAI Service : Permet aux entreprises de développer des applications IA personnalisées." in texts
    for s in doc.sentences:
        assert doc.text[s.start : s.end] == s.text
        assert s.tokens is not None and s.tokens.text == doc.view[s.start : s.end]


def test_a_paragraph_longer_than_spacy_accepts_is_cut_and_reported():
    """A 1.2-million-character paragraph made spaCy raise E088 (over ``nlp.max_length``)."""
    import spacy

    from checker.text.segment import MAX_SENTENCE_CHARS

    nlp = spacy.blank("fr")
    nlp.max_length = 1_000_000
    text = "Le chiffre 12 est connu " * 50_000 + "et voilà.\nFin du texte."
    doc = make_document(text, "big.txt")
    doc.language = "fr"
    notes: list[str] = []
    segment_document(doc, nlp, notes=notes)
    assert all(len(s.text) <= MAX_SENTENCE_CHARS for s in doc.sentences)
    assert all(s.text == text[s.start : s.end] and s.tokens is not None for s in doc.sentences)
    assert doc.sentences[-1].text == "Fin du texte."
    covered = sum(len(s.text.split()) for s in doc.sentences)
    assert covered == len(text.split())  # every word is in some piece: nothing dropped
    assert notes == [f"1 sentence longer than {MAX_SENTENCE_CHARS:,} characters cut into pieces for analysis"]


def test_text_past_the_analysis_limit_is_reported(monkeypatch):
    import checker.text.segment as segment

    monkeypatch.setattr(segment, "MAX_ANALYSED_CHARS", 40)
    text = "Première phrase du texte.\nDeuxième phrase.\nTroisième phrase ici.\n"
    doc = make_document(text, "t.txt")
    notes: list[str] = []
    segment_document(doc, None, notes=notes)
    assert [s.text for s in doc.sentences] == ["Première phrase du texte."]  # cut at a line end
    assert notes == [
        f"only the first 26 of {len(text)} characters were analysed (the text from line 2 on was not checked)"
    ]


class _CountingPipe:
    """A spaCy pipeline that records the texts it parses."""

    def __init__(self, nlp):
        self.nlp = nlp
        self.parsed: list[str] = []

    def pipe(self, texts, **kwargs):
        texts = list(texts)
        self.parsed.extend(texts)
        return self.nlp.pipe(texts, **kwargs)


def test_a_sentence_repeated_in_a_document_is_parsed_once():
    """Live blogs and reports repeat sentences word for word: one parse per distinct text, and
    every occurrence reads the same analysis (each with its own offsets)."""
    import spacy

    nlp = _CountingPipe(spacy.blank("fr"))
    text = "Le conseil a voté. Le budget est adopté.\n\nLe conseil a voté. Rien d'autre.\n\nLe conseil a voté.\n"
    doc = make_document(text, "t.txt")
    doc.language = "fr"
    segment_document(doc, nlp)
    texts = [s.text for s in doc.sentences]
    assert texts == [
        "Le conseil a voté.",
        "Le budget est adopté.",
        "Le conseil a voté.",
        "Rien d'autre.",
        "Le conseil a voté.",
    ]
    assert sorted(nlp.parsed) == sorted(set(texts))
    for s in doc.sentences:
        assert s.tokens is not None and s.tokens.text == s.text == doc.text[s.start : s.end]
    assert len({s.start for s in doc.sentences}) == len(texts)


def test_parsing_distinct_texts_once_gives_each_sentence_its_own_analysis(seeds_dir):
    """With the trained pipeline: every token attribute the rule types read (lemma, POS,
    morphology, head, dependency, entities, sentence start) is the one a parse of that
    sentence alone gives."""
    nlp = NlpProvider().get("fr")
    paragraphs = (seeds_dir / "000_e40cd2c30072f5b9.txt").read_text(encoding="utf-8").split("\n\n")[:6]
    text = "\n\n".join(paragraphs + paragraphs[1:3])  # two paragraphs repeated
    doc = make_document(text, "t.txt")
    doc.language = "fr"
    segment_document(doc, nlp)

    def attrs(tokens):
        return [
            (t.text, t.lemma_, t.pos_, str(t.morph), t.head.i, t.dep_, t.ent_type_, t.ent_iob_, t.is_sent_start)
            for t in tokens
        ]

    assert len({s.text for s in doc.sentences}) < len(doc.sentences)
    for s in doc.sentences:
        assert s.tokens is not None and attrs(s.tokens) == attrs(nlp(doc.view[s.start : s.end]))


@pytest.mark.parametrize(
    "text",
    [
        # a unit ends the sentence (development story fr-avalanche-tignes-grande-motte)
        "L'avalanche a dévalé la pente à 100 km/h. La première personne a été dégagée.",
        "The car was doing 30 m/s. Police said the driver fled.",
        "Le train est arrivé à 5 h. Les passagers sont descendus.",
    ],
)
def test_a_unit_before_the_full_stop_ends_the_sentence(text):
    assert len(rule_cuts(text)) == 1


@pytest.mark.parametrize("text", ["Il a parlé avec M. Dupont hier.", "Selon J. Martin, le projet avance."])
def test_an_initial_or_a_title_does_not_end_the_sentence(text):
    assert rule_cuts(text) == []
