"""NLI candidate pairing by meaning (plugins/nli/semantic.py) with a fake encoder (no model)."""

from __future__ import annotations

import random

import pytest
from nli_fake_embed import Ctx, FakeEmbedder

from checker.context import Options
from checker.model import Sentence
from checker.run.pipeline import Checker
from plugins.nli.candidates import analyse
from plugins.nli.ruletype import NliRuleType, is_paraphrase
from plugins.nli.semantic import semantic_pairs

TOPICS = ["budget bibliothèque", "tramway ligne", "école", "hôpital", "stade", "piscine"]


def _sent(doc, i, text, language="fr"):
    return Sentence(doc_id=doc, index=i, start=i * 200, end=i * 200 + len(text), text=text, language=language)


def _corpus(n_docs, topics=TOPICS):
    return [
        analyse(_sent(f"d{d:03d}", i, f"Le conseil annonce {t} numéro {d} pour la commune."))
        for d in range(n_docs)
        for i, t in enumerate(topics)
    ]


def _pairs(stmts, ctx=None, **kw):
    ctx = ctx or Ctx()
    kw.setdefault("min_similarity", 0.0)
    return semantic_pairs(stmts, ctx.embed([s.text for s in stmts]), ctx, **kw)


def _ids(pairs):
    return [(a.doc_id, a.sentence.start, b.doc_id, b.sentence.start) for a, b, _ in pairs]


def test_top_k_partners_come_from_other_documents_and_the_same_topic():
    stmts = _corpus(4)
    pairs, total = _pairs(stmts, k=1)
    assert total == (24 * 24 - 4 * 36) // 2 and 0 < len(pairs) < total
    for a, b, sim in pairs:
        assert a.doc_id != b.doc_id and a.sentence.index == b.sentence.index and sim > 0.9
    partnered = {(s.doc_id, s.sentence.index) for a, b, _ in pairs for s in (a, b)}
    assert len(partnered) == len(stmts)  # k=1 over all other documents: everyone has a partner


def test_k_bounds_the_partners_each_sentence_chooses():
    stmts = _corpus(10)
    info = {}
    pairs, _ = _pairs(stmts, k=2, max_pairs_per_article=1000, info=info)
    assert info["proposed"] <= 2 * len(stmts) and len(pairs) <= 2 * len(stmts)
    degree = {}
    for a, b, _ in pairs:
        for s in (a, b):
            degree[id(s)] = degree.get(id(s), 0) + 1
    assert max(degree.values()) <= 6  # default cap 3 x k


@pytest.mark.parametrize("bound", [5, 30])
def test_pairs_per_article_are_bounded_most_similar_first(bound):
    stmts = _corpus(40)
    info = {}
    pairs, _ = _pairs(stmts, k=3, max_pairs_per_article=bound, info=info)
    per_doc = {}
    for a, b, _ in pairs:
        for d in (a.doc_id, b.doc_id):
            per_doc[d] = per_doc.get(d, 0) + 1
    assert max(per_doc.values()) <= bound
    assert len(pairs) <= bound * 40 / 2
    if bound == 5:
        assert info["capped_article"] > 0


def test_pairs_per_article_stay_flat_as_the_corpus_grows():
    per_article = []
    for n in (10, 40, 160):
        pairs, _ = _pairs(_corpus(n), k=3)
        per_article.append(2 * len(pairs) / n)
    assert max(per_article) <= 30
    assert per_article[2] / per_article[1] < 1.25, per_article


def test_deterministic_whatever_the_input_order():
    stmts = _corpus(12)
    first = _ids(_pairs(stmts, k=2, max_pairs_per_article=8)[0])
    for seed in (1, 2, 3):
        shuffled = list(stmts)
        random.Random(seed).shuffle(shuffled)
        assert _ids(_pairs(shuffled, k=2, max_pairs_per_article=8)[0]) == first
    assert first == sorted(first)


def test_ties_are_broken_by_document_and_offset_not_input_position():
    # wire copies: one text in many documents (exact ties); copies spread, result order-free
    text = "Le conseil municipal a voté le budget de la bibliothèque."
    stmts = [analyse(_sent(f"w{d:02d}", 0, text)) for d in range(20)]
    stmts.append(analyse(_sent("zz", 0, "Le conseil municipal a rejeté le budget de la bibliothèque.")))
    first = _ids(_pairs(stmts, k=3)[0])
    assert first == _ids(_pairs(list(reversed(stmts)), k=3)[0])
    assert all(a != c for a, _, c, _ in first)  # the same text is never a partner of itself


def test_cross_lingual_pairing_finds_the_translation():
    fr = [
        analyse(_sent("fr.txt", 0, "Le conseil municipal a voté le budget de la bibliothèque.")),
        analyse(_sent("fr.txt", 1, "La ligne de tramway ouvrira en mars.")),
    ]
    en = [
        analyse(_sent("en.txt", 0, "The city council approved the library budget.", "en")),
        analyse(_sent("en.txt", 1, "The new school opens in September.", "en")),
    ]
    pairs, _ = _pairs(fr + en, k=1, min_similarity=0.5)
    assert ("fr.txt", 0, "en.txt", 0) in [
        (a.doc_id, a.sentence.index, b.doc_id, b.sentence.index) for a, b, _ in _sort_sides(pairs)
    ]
    assert ("fr.txt", 1, "en.txt", 1) not in [
        (a.doc_id, a.sentence.index, b.doc_id, b.sentence.index) for a, b, _ in _sort_sides(pairs)
    ]


def _sort_sides(pairs):
    return [(a, b, s) if a.doc_id > b.doc_id else (b, a, s) for a, b, s in pairs]


def test_draft_mode_only_the_draft_chooses():
    stmts = _corpus(8)
    pairs, _ = _pairs(stmts, Ctx(focus={"d003"}), k=2)
    assert pairs and all("d003" in (a.doc_id, b.doc_id) for a, b, _ in pairs)


def test_statements_without_a_vector_are_left_out():
    stmts = _corpus(3)
    ctx = Ctx()
    vectors = ctx.embed([s.text for s in stmts])
    vectors[0] = None
    info = {}
    pairs, _ = semantic_pairs(stmts, vectors, ctx, k=2, min_similarity=0.0, info=info)
    assert info["no_vector"] == 1 and all(stmts[0] not in (a, b) for a, b, _ in pairs)


# -- paraphrases -------------------------------------------------------------------------------------------
def test_is_paraphrase_needs_entailment_both_ways():
    assert is_paraphrase({"entailment_ab": 0.6, "entailment_ba": 0.7}, {})
    assert not is_paraphrase({"entailment_ab": 0.9, "entailment_ba": 0.1}, {})
    assert not is_paraphrase({"entailment_ab": 0.6, "entailment_ba": 0.7}, {"paraphrase": 0.8})


LAX = "id: t.nli\nextends: nli\nlevel: warning\nthresholds: {statements: {contradiction: 0.3, margin: -1.0}}\n"


def _run_with_probs(tmp_path, monkeypatch, ab, ba):
    import checker.text.embed as embed

    monkeypatch.setattr(embed, "load_embedder", lambda spec=None, device="cpu": (FakeEmbedder(), "fake"))
    monkeypatch.setattr(NliRuleType, "_model_ready", lambda self, rule: True)

    def score(self, rule, pairs):
        return {(p, h): (ab if p.startswith("Le") else ba) for p, h in pairs}

    monkeypatch.setattr(NliRuleType, "score", score)
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "nli.yaml").write_text(LAX, encoding="utf-8")
    texts = {
        "a.txt": "Le conseil municipal a voté le budget de la bibliothèque.",
        "b.txt": "The city council approved the library budget for the year.",
    }
    checker = Checker(
        rule_paths=[tmp_path / "rules"],
        builtin_rules=False,
        only_types={"nli"},
        options=Options(cache_dir=tmp_path / "c", use_cache=False),
    )
    return checker.check_texts(texts)


def test_a_paraphrase_is_never_a_contradiction(tmp_path, monkeypatch):
    both = {"entailment": 0.55, "neutral": 0.05, "contradiction": 0.4}
    res = _run_with_probs(tmp_path, monkeypatch, both, both)
    assert res.stats["nli"]["t.nli.pairing"] == "embedding:fake:0.05"
    assert res.stats["nli"]["t.nli.pairs_scored"] == 1
    assert not res.findings


def test_one_way_entailment_can_still_be_reported(tmp_path, monkeypatch):
    one = {"entailment": 0.55, "neutral": 0.05, "contradiction": 0.4}
    other = {"entailment": 0.1, "neutral": 0.1, "contradiction": 0.8}
    res = _run_with_probs(tmp_path, monkeypatch, one, other)
    assert len(res.findings) == 1 and res.findings[0].rule_id == "t.nli"


# -- definitions across languages -------------------------------------------------------------------------
def test_definitions_pair_across_languages_by_the_term_whatever_the_order():
    from plugins.nli.definitions import parse_definition
    from plugins.nli.ruletype import definition_pairs
    from plugins.nli.terms import with_linked_keys

    en = parse_definition(
        _sent("en.txt", 0, "Artificial general intelligence refers to a machine that learns any task.", "en")
    )
    fr = parse_definition(
        _sent("fr.txt", 0, "L'intelligence artificielle générale désigne un logiciel qui joue aux échecs.", "fr")
    )
    blocks = parse_definition(_sent("fr2.txt", 0, "La chaîne de blocs désigne un registre distribué.", "fr"))
    assert not (en.keys & fr.keys)  # no shared words: only the embedding of the term links them
    ctx = Ctx()
    assert definition_pairs([en, fr, blocks], ctx, k=3)[0] == {}
    seen = []
    for order in ([en, fr, blocks], [blocks, fr, en], [fr, blocks, en]):
        linked, links = with_linked_keys(order, ctx.embed)
        pairs, _ = definition_pairs(linked, ctx, k=3)
        seen.append(sorted(tuple(sorted((a.doc_id, b.doc_id))) for a, b, _ in pairs.values()))
        assert links == 1
    assert seen == [[("en.txt", "fr.txt")]] * 3
    assert en.keys == {"term:artificial general intelligence"}  # the inputs are not changed


def test_term_links_need_a_mutual_best_match():
    from plugins.nli.definitions import parse_definition
    from plugins.nli.terms import linked_keys

    en = parse_definition(_sent("en.txt", 0, "Artificial intelligence refers to machines that learn.", "en"))
    fr1 = parse_definition(_sent("fr.txt", 0, "L'intelligence artificielle désigne des machines qui apprennent.", "fr"))
    fr2 = parse_definition(
        _sent("fr2.txt", 0, "L'intelligence artificielle générale désigne une machine universelle.", "fr")
    )
    links = linked_keys([en, fr1, fr2], Ctx().embed, min_similarity=0.5)
    assert links == {
        "term:artificial intelligence": {"term:artificielle intelligence"},
        "term:artificielle intelligence": {"term:artificial intelligence"},
    }
