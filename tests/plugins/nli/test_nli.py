"""Fast tests of the nli rule type with a tiny randomly initialised BERT built here."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from helpers.paths import REPO

from checker.context import Options
from checker.model import Sentence
from checker.run.pipeline import Checker
from plugins.nli import backend
from plugins.nli.cache import ScoreCache
from plugins.nli.candidates import analyse, candidate_pairs, numbers_only_difference
from plugins.nli.definitions import parse_definition, term_keys
from plugins.nli.profiles import profile_for
from plugins.nli.ruletype import decide_statement

ROOT = REPO
WORDS = (
    "le la les de des du un une a est et conseil municipal voté rejeté budget bibliothèque ville maire "
    "microsoft openai investi dans désigne système capable ia tâche"
).split()

A = "Le conseil municipal a voté le budget de la bibliothèque de la ville."
B = "Le conseil municipal a rejeté le budget de la bibliothèque de la ville."


def make_model(path: Path, id2label: dict[int, str], bias: list[float], scale: float = 0.01) -> Path:
    """A 1-layer BERT classifier whose output is fixed by the classifier bias."""
    import torch
    from tokenizers import Tokenizer, models, normalizers, pre_tokenizers, processors
    from transformers import BertConfig, BertForSequenceClassification, PreTrainedTokenizerFast

    vocab = {"[PAD]": 0, "[UNK]": 1, "[CLS]": 2, "[SEP]": 3}
    for w in WORDS:
        vocab.setdefault(w, len(vocab))
    tok = Tokenizer(models.WordLevel(vocab, unk_token="[UNK]"))
    tok.normalizer = normalizers.Lowercase()
    tok.pre_tokenizer = pre_tokenizers.Whitespace()
    tok.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]", pair="[CLS] $A [SEP] $B:1 [SEP]:1", special_tokens=[("[CLS]", 2), ("[SEP]", 3)]
    )
    fast = PreTrainedTokenizerFast(
        tokenizer_object=tok,
        unk_token="[UNK]",
        pad_token="[PAD]",
        cls_token="[CLS]",
        sep_token="[SEP]",
        model_max_length=64,
    )
    path.mkdir(parents=True, exist_ok=True)
    fast.save_pretrained(str(path))
    cfg = BertConfig(
        vocab_size=len(vocab),
        hidden_size=16,
        num_hidden_layers=1,
        num_attention_heads=2,
        intermediate_size=32,
        max_position_embeddings=64,
        num_labels=len(id2label),
        id2label={int(k): v for k, v in id2label.items()},
        label2id={v: int(k) for k, v in id2label.items()},
    )
    torch.manual_seed(0)
    model = BertForSequenceClassification(cfg)
    with torch.no_grad():
        model.classifier.weight.mul_(scale)
        model.classifier.bias.copy_(torch.tensor(bias, dtype=torch.float))
    model.save_pretrained(str(path))
    return path


@pytest.fixture(scope="module")
def models(tmp_path_factory):
    base = tmp_path_factory.mktemp("nli-models")
    return {
        # index 0 is contradiction, spelled in upper case, and dominates
        "contra": make_model(base / "contra", {0: "CONTRADICTION", 1: "NEUTRAL", 2: "ENTAILMENT"}, [6.0, 0.0, 0.0]),
        "neutral": make_model(base / "neutral", {0: "entailment", 1: "neutral", 2: "contradiction"}, [0.0, 6.0, 0.0]),
        "entail": make_model(base / "entail", {0: "Entailment", 1: "Neutral", 2: "Contradiction"}, [6.0, 0.0, 0.0]),
        "generic": make_model(base / "generic", {0: "LABEL_0", 1: "LABEL_1", 2: "LABEL_2"}, [0.0, 0.0, 6.0]),
        "random": make_model(
            base / "random", {0: "entailment", 1: "neutral", 2: "contradiction"}, [0.0, 0.0, 0.0], scale=50.0
        ),
    }


@pytest.fixture
def env(monkeypatch, tmp_path):
    monkeypatch.delenv("FACTCHECK_CACHE_DIR", raising=False)
    monkeypatch.delenv("FACTCHECK_NLI_MODEL", raising=False)
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    return tmp_path


def run(
    model: Path | str,
    texts: dict[str, str],
    tmp: Path,
    *,
    rules: str | None = None,
    use_cache: bool = True,
    monkeypatch=None,
):
    monkeypatch.setenv("FACTCHECK_NLI_MODEL", str(model))
    rule_paths = []
    builtin = True
    if rules is not None:
        f = tmp / "rules" / "nli.yaml"
        f.parent.mkdir(exist_ok=True)
        f.write_text(rules, encoding="utf-8")
        rule_paths, builtin = [f.parent], False
    checker = Checker(
        rule_paths=rule_paths,
        builtin_rules=builtin,
        only_types={"nli"},
        options=Options(cache_dir=tmp / "cache", use_cache=use_cache),
    )
    return checker.check_texts(texts)


# -- labels -------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "raw,want",
    [
        ("contradiction", "contradiction"),
        ("CONTRADICTION", "contradiction"),
        ("Contradictory", "contradiction"),
        ("ENTAILMENT", "entailment"),
        ("entails", "entailment"),
        ("Neutral", "neutral"),
        ("not_entailment", "not_entailment"),
        ("LABEL_2", None),
    ],
)
def test_canonical_label_spellings(raw, want):
    assert backend.canonical_label(raw) == want


def test_generic_labels_need_a_mapping():
    with pytest.raises(backend.ModelUnavailable, match="labels"):
        backend.resolve_labels({"0": "LABEL_0", "1": "LABEL_1", "2": "LABEL_2"})
    got = backend.resolve_labels(
        {"0": "LABEL_0", "1": "LABEL_1", "2": "LABEL_2"}, {0: "entailment", "1": "neutral", "LABEL_2": "contradiction"}
    )
    assert got == {0: "entailment", 1: "neutral", 2: "contradiction"}
    with pytest.raises(backend.ModelUnavailable):
        backend.resolve_labels({"0": "LABEL_0"}, {0: "maybe"})


def test_labels_read_by_index_whatever_the_order(models, env):
    m = backend.load_model(str(models["contra"]))
    assert m.labels == {0: "contradiction", 1: "neutral", 2: "entailment"}
    (p,) = m.predict([(A, B)])
    assert p["contradiction"] > 0.9 and abs(sum(p.values()) - 1) < 1e-5


def test_label_n_model_with_rule_mapping(models, env, monkeypatch):
    rules = """id: t.nli
extends: nli
labels: {"0": entailment, "1": neutral, "2": contradiction}
thresholds: {statements: {contradiction: 0.5, margin: 0.1}}
"""
    res = run(models["generic"], {"a.txt": A, "b.txt": B}, env, rules=rules, monkeypatch=monkeypatch)
    assert [f.rule_id for f in res.findings] == ["t.nli"]
    # without the mapping the run says why, once, and goes on
    res = run(
        models["generic"], {"a.txt": A, "b.txt": B}, env, rules="id: t.nli\nextends: nli\n", monkeypatch=monkeypatch
    )
    assert not res.findings
    errs = [e for e in res.errors if e.kind == "model"]
    assert len(errs) == 1 and "LABEL_0" in errs[0].message


# -- batching ---------------------------------------------------------------------------------------------
def test_batches_sorted_and_order_preserved(models, env):
    m = backend.load_model(str(models["random"]))
    pairs = [(A, B), ("le maire", "la ville"), (B, A + " " + A), ("un budget", "le budget de la ville"), (A, A)]
    before = m.calls
    batched = m.predict(pairs, batch_size=2)
    assert m.calls - before == 3
    single = [m.predict([p], batch_size=1)[0] for p in pairs]
    for x, y in zip(batched, single):
        for k in x:
            assert abs(x[k] - y[k]) < 1e-4
    assert len({round(x["entailment"], 4) for x in batched}) > 1  # really different inputs


def test_model_loaded_once_per_process(models, env):
    assert backend.load_model(str(models["random"])) is backend.load_model(str(models["random"]))


# -- cache ------------------------------------------------------------------------------------------------
def test_rerun_does_no_model_work(models, env, monkeypatch):
    texts = {"a.txt": A, "b.txt": B}
    first = run(models["contra"], texts, env, monkeypatch=monkeypatch)
    assert first.stats["nli"]["model_calls"] >= 1
    m = backend.load_model(str(models["contra"]))
    calls = m.calls
    second = run(models["contra"], texts, env, monkeypatch=monkeypatch)
    assert m.calls == calls
    assert "model_calls" not in second.stats["nli"]
    assert second.stats["nli"]["cache_hits"] == 2  # both directions
    assert [f.fingerprint for f in second.findings] == [f.fingerprint for f in first.findings]
    third = run(models["contra"], texts, env, use_cache=False, monkeypatch=monkeypatch)
    assert m.calls > calls and third.stats["nli"]["model_calls"] >= 1


def test_cache_keyed_by_model_and_text(env):
    c = ScoreCache(env / "c")
    c.put_many("m1", {("a", "b"): {"entailment": 0.1, "neutral": 0.2, "contradiction": 0.7}})
    assert c.get_many("m1", [("a", "b")])[("a", "b")]["contradiction"] == 0.7
    assert c.get_many("m2", [("a", "b")]) == {}
    assert c.get_many("m1", [("b", "a")]) == {}
    other = ScoreCache(env / "c")  # a second process/connection sees the rows
    assert ("a", "b") in other.get_many("m1", [("a", "b")])


@pytest.mark.parametrize(
    "row",
    [
        "{}",
        '{"entailment": 0.5, "contradiction": 0.5}',  # a label of this model missing
        '{"entailment": 0.0, "neutral": 0.0, "contradiction": 0.0}',
        "[0.1, 0.2, 0.7]",
        '{"entailment": NaN, "neutral": 0.5, "contradiction": 0.5}',
        "not json",
    ],
)
def test_score_rows_of_a_wrong_shape_are_misses_with_one_notice(models, env, monkeypatch, row):
    import sqlite3

    from plugins.nli.cache import FILENAME

    texts = {"a.txt": A, "b.txt": B}
    cold = run(models["contra"], texts, env, monkeypatch=monkeypatch)
    assert cold.findings
    db = env / "cache" / FILENAME
    with sqlite3.connect(str(db)) as conn:
        assert conn.execute("UPDATE scores SET probs = ?", (row,)).rowcount == 2
    warm = run(models["contra"], texts, env, monkeypatch=monkeypatch)
    assert [f.fingerprint for f in warm.findings] == [f.fingerprint for f in cold.findings]
    assert warm.stats["nli"]["cache_rejected"] == 2 and warm.stats["nli"]["model_pairs"] == 2
    (notice,) = [e for e in warm.errors if e.kind == "notice" and "wrong shape" in e.message]
    assert notice.path == str(db)
    again = run(models["contra"], texts, env, monkeypatch=monkeypatch)  # the rows were rewritten
    assert "cache_rejected" not in again.stats["nli"] and again.stats["nli"]["cache_hits"] == 2


def test_valid_scores():
    from plugins.nli.cache import valid_scores

    three = frozenset({"entailment", "neutral", "contradiction"})
    good = {"entailment": 0.1, "neutral": 0.2, "contradiction": 0.7}
    assert valid_scores(good) and valid_scores(good, three)
    assert valid_scores({"entailment": 0.4, "not_entailment": 0.6})
    assert not valid_scores({"entailment": 0.4, "not_entailment": 0.6}, three)
    for bad in ({}, [0.1, 0.9], {"entailment": 1.0}, {"entailment": 0.5, "other": 0.5}, {**good, "neutral": 0.5}):
        assert not valid_scores(bad)
    assert not valid_scores({"entailment": True, "contradiction": 0.0})
    assert not valid_scores({"entailment": 1.5, "contradiction": -0.5})


def test_cache_dir_env_override(env, monkeypatch):
    from plugins.nli.cache import default_cache_dir

    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(env / "x"))
    assert default_cache_dir("/elsewhere") == env / "x"
    monkeypatch.delenv("FACTCHECK_CACHE_DIR")
    assert default_cache_dir(env / "y") == env / "y"
    assert "factcheck" in str(default_cache_dir(None))


# -- pairing ------------------------------------------------------------------------------------------------
class _Ctx:
    focus = None

    @staticmethod
    def allowed(a, b):
        return a != b


def _sent(doc, i, text, section="body"):
    return Sentence(
        doc_id=doc, index=i, start=i * 200, end=i * 200 + len(text), text=text, language="fr", section=section
    )


TOPICS = [
    "budget bibliothèque municipale",
    "transport tramway ligne",
    "école primaire rentrée",
    "hôpital urgences médecins",
    "stade football rénovation",
    "piscine olympique travaux",
]


def _corpus(n_docs, topics=TOPICS):
    """n_docs articles, each with one sentence per topic ('Microsoft' everywhere), worded per document."""
    return [
        analyse(_sent(f"d{d:03d}", i, f"Microsoft annonce {t} pour la commune {d}x{i} cette semaine."))
        for d in range(n_docs)
        for i, t in enumerate(topics)
    ]


class _Focus(_Ctx):
    def __init__(self, focus):
        self.focus = set(focus)

    def allowed(self, a, b):
        return a != b and (a in self.focus or b in self.focus)


def _ids(pairs):
    return [(a.doc_id, a.sentence.start, b.doc_id, b.sentence.start) for a, b, _ in pairs]


def test_pairing_blocks_ranks_and_never_scores_all_pairs():
    stmts = _corpus(3)
    pairs, total = candidate_pairs(stmts, _Ctx(), k=1, min_similarity=0.1, max_df=0.3)
    assert total == 3 * 36
    assert 0 < len(pairs) < total
    for a, b, _ in pairs:  # only same-topic pairs: 'Microsoft' is everywhere and does not block
        assert a.doc_id != b.doc_id
        assert a.sentence.index == b.sentence.index
    # k=1 over ALL other documents: every statement has a partner, a topic of 3 gives 2 or 3 pairs
    partnered = {(a.doc_id, a.sentence.index) for a, b, _ in pairs} | {
        (b.doc_id, b.sentence.index) for a, b, _ in pairs
    }
    assert len(partnered) == len(stmts)
    assert len(TOPICS) * 2 <= len(pairs) <= len(TOPICS) * 3


def test_pairs_per_statement_stay_constant_as_the_corpus_grows():
    per_statement = []
    for n_docs in (4, 16, 64):
        stmts = _corpus(n_docs)
        info = {}
        pairs, total = candidate_pairs(stmts, _Ctx(), k=3, min_similarity=0.1, max_df=0.3, max_candidates=40, info=info)
        assert len(pairs) <= 3 * len(stmts)
        assert info["candidates_examined"] <= 2 * 40 * len(stmts)  # bounded work per statement
        per_statement.append(len(pairs) / len(stmts))
        if n_docs == 64:
            assert total == (len(stmts) ** 2 - 64 * len(TOPICS) ** 2) // 2
            assert len(pairs) < total / 50
    assert max(per_statement) <= 3 and min(per_statement) >= 1.5, per_statement
    # bounded by k whatever the size (mutual choices merge pairs in small corpora): x4 documents is not x4 pairs
    assert per_statement[2] / per_statement[1] < 1.25


def test_a_key_shared_by_too_many_statements_does_not_block():
    # 'Microsoft' is in every sentence; the two sentences share nothing else: no pair
    stmts = [
        analyse(_sent("a", 0, "Microsoft ouvre un laboratoire quantique à Zurich.")),
        analyse(_sent("b", 0, "Microsoft ferme une boutique parisienne célèbre.")),
    ] + _corpus(5)
    pairs, _ = candidate_pairs(stmts, _Ctx(), k=3, min_similarity=0.0, max_df=0.1)
    assert not [p for p in pairs if {p[0].doc_id, p[1].doc_id} == {"a", "b"}]
    # with a permissive max_df the shared key blocks again and the pair is a candidate
    pairs, _ = candidate_pairs(stmts[:2], _Ctx(), k=3, min_similarity=0.0, max_df=1.0)
    assert len(pairs) == 1


def test_cap_per_sentence_limits_hubs():
    hub = analyse(_sent("hub", 0, "Le conseil municipal vote le budget de la bibliothèque."))
    spokes = [
        analyse(_sent(f"s{d:02d}", 0, f"Le conseil municipal vote le budget de la bibliothèque {w}."))
        for d, w in enumerate("demain hier lundi mardi mercredi jeudi vendredi samedi".split())
    ]
    stmts = [hub] + spokes
    pairs, _ = candidate_pairs(stmts, _Ctx(), k=1, min_similarity=0.1, max_df=1.0, max_pairs_per_sentence=2)
    degree = {}
    for a, b, _ in pairs:
        for s in (a, b):
            degree[s.doc_id] = degree.get(s.doc_id, 0) + 1
    assert degree.get("hub", 0) <= 2 and max(degree.values()) <= 2
    info = {}
    uncapped, _ = candidate_pairs(
        stmts, _Ctx(), k=1, min_similarity=0.1, max_df=1.0, max_pairs_per_sentence=50, info=info
    )
    assert len(uncapped) >= len(pairs) and info["capped"] == 0


def test_pairing_is_deterministic_whatever_the_input_order():
    import random

    stmts = _corpus(12)
    first = _ids(candidate_pairs(stmts, _Ctx(), k=2, min_similarity=0.1, max_df=0.3, max_candidates=10)[0])
    for seed in (1, 2, 3):
        shuffled = list(stmts)
        random.Random(seed).shuffle(shuffled)
        again = _ids(candidate_pairs(shuffled, _Ctx(), k=2, min_similarity=0.1, max_df=0.3, max_candidates=10)[0])
        assert again == first
    assert first == sorted(first)


def test_same_text_is_not_a_partner_and_skip_keeps_the_slot():
    same = [analyse(_sent(d, 0, A)) for d in ("a", "b", "c")]
    other = analyse(_sent("d", 0, B))
    info = {}
    pairs, _ = candidate_pairs(same + [other], _Ctx(), k=1, min_similarity=0.1, max_df=1.0, info=info)
    assert pairs and all({a.text, b.text} == {A, B} for a, b, _ in pairs)
    assert info["skipped_same_text"] > 0
    # a rejected pair (e.g. numbers only) does not take the statement's slot: the next partner is kept
    x = analyse(_sent("x", 0, "Le conseil municipal a voté le budget de 13 millions de la bibliothèque."))
    y = analyse(_sent("y", 0, "Le conseil municipal a voté le budget de 10 millions de la bibliothèque."))
    z = analyse(_sent("z", 0, "Le conseil municipal a rejeté le budget de la bibliothèque de la ville."))
    info = {}
    pairs, _ = candidate_pairs(
        [x, y, z], _Ctx(), k=1, min_similarity=0.1, max_df=1.0, skip=numbers_only_difference, info=info
    )
    got = {frozenset((a.doc_id, b.doc_id)) for a, b, _ in pairs}
    assert frozenset("xy") not in got and frozenset("xz") in got and frozenset("yz") in got
    assert info["skipped"] == 1


def test_draft_mode_pairs_only_the_draft_with_its_top_k_over_the_corpus():
    stmts = _corpus(20)
    ctx = _Focus({"d007"})
    pairs, total = candidate_pairs(stmts, ctx, k=2, min_similarity=0.1, max_df=0.3)
    assert pairs and all("d007" in (a.doc_id, b.doc_id) for a, b, _ in pairs)
    draft = [s for s in stmts if s.doc_id == "d007"]
    assert len(pairs) <= 2 * len(draft)
    assert total == len(draft) * (len(stmts) - len(draft))
    brute = sum(1 for i, a in enumerate(stmts) for b in stmts[i + 1 :] if ctx.allowed(a.doc_id, b.doc_id))
    assert total == brute


def test_numbers_only_difference():
    a = analyse(_sent("a", 0, "Microsoft a investi 13 milliards de dollars dans OpenAI."))
    b = analyse(_sent("b", 0, "Microsoft a investi 10 milliards de dollars dans OpenAI."))
    c = analyse(_sent("c", 0, "Microsoft n'a jamais investi dans OpenAI."))
    assert numbers_only_difference(a, b)
    assert not numbers_only_difference(a, c)
    assert not numbers_only_difference(a, a)


def test_numbers_only_pairs_left_to_numeric(models, env, monkeypatch):
    texts = {
        "a.txt": "Le conseil municipal a voté un budget de 13 millions pour la bibliothèque.",
        "b.txt": "Le conseil municipal a voté un budget de 10 millions pour la bibliothèque.",
    }
    res = run(models["contra"], texts, env, monkeypatch=monkeypatch)
    assert not [f for f in res.findings if f.rule_id == "common.nli-contradiction"]
    assert res.stats["nli"]["common.nli-contradiction.skipped_numbers_only"] == 1


def test_headings_titles_and_questions_are_not_claims(models, env, monkeypatch):
    texts = {"a.txt": "Le conseil municipal a-t-il voté le budget de la bibliothèque ?\n", "b.txt": B}
    res = run(models["contra"], texts, env, monkeypatch=monkeypatch)
    assert not res.findings


# -- thresholds ---------------------------------------------------------------------------------------------
def test_decide_statement_thresholds():
    th = {"contradiction": 0.6, "margin": 0.3}
    assert decide_statement({"contradiction": 0.7, "entailment": 0.2}, th)
    assert not decide_statement({"contradiction": 0.55, "entailment": 0.0}, th)
    assert not decide_statement({"contradiction": 0.7, "entailment": 0.5}, th)


def test_profiles_per_model():
    assert profile_for("/x/y/nli-mini-multilingual")["name"] == "nli-mini-multilingual"
    assert profile_for("MoritzLaurer/mDeBERTa-v3-base-xnli-multilingual-nli-2mil7")["name"] == "mdeberta-xnli"
    unknown = profile_for("someone/some-nli-model")
    assert unknown["name"] == "default" and 0 < unknown["statements"]["contradiction"] <= 1


def test_contradiction_finding_and_rule_thresholds(models, env, monkeypatch):
    res = run(models["contra"], {"a.txt": A, "b.txt": B}, env, monkeypatch=monkeypatch)
    (f,) = [f for f in res.findings if f.rule_id == "common.nli-contradiction"]
    assert set(f.documents()) == {"a.txt", "b.txt"}
    assert f.explanation["reason"] and f.explanation["pairs_scored"] == 1
    assert f.explanation["cross_document_pairs"] == 1
    assert f.evidence[0].quote == A and f.evidence[1].quote == B
    strict = "id: t.nli\nextends: nli\nthresholds: {statements: {contradiction: 1.0}}\n"
    assert not run(models["contra"], {"a.txt": A, "b.txt": B}, env, rules=strict, monkeypatch=monkeypatch).findings
    res = run(models["neutral"], {"a.txt": A, "b.txt": B}, env, monkeypatch=monkeypatch)
    assert not [f for f in res.findings if f.rule_id == "common.nli-contradiction"]


# -- definitions ---------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "text,term,definition",
    [
        ("L'AGI désigne une IA capable de réaliser toute tâche.", "AGI", "une IA capable de réaliser toute tâche"),
        (
            "Le cloud souverain, ou cloud de confiance, représente un hébergement soumis au droit européen.",
            "cloud souverain",
            "un hébergement soumis au droit européen",
        ),
        (
            "Edge computing is defined as processing data near its source.",
            "Edge computing",
            "processing data near its source",
        ),
        ("The metaverse refers to persistent shared virtual spaces.", "metaverse", "persistent shared virtual spaces"),
        (
            "La sobriété numérique est une démarche visant à réduire l'impact du numérique.",
            "sobriété numérique",
            "une démarche visant à réduire l'impact du numérique",
        ),
        (
            "Le RGPD est un texte désignant les règles européennes sur les données.",
            "RGPD",
            "les règles européennes sur les données",
        ),
    ],
)
def test_definition_patterns(text, term, definition):
    d = parse_definition(_sent("a", 0, text))
    assert d is not None and d.term == term and d.text == definition


@pytest.mark.parametrize(
    "text",
    [
        "Microsoft représente 49 % du capital.",
        "Il désigne un successeur.",
        "Selon lui, la fusion désigne un tournant.",
        "Le projet avance bien.",
        "Ce concept désigne une chose.",
    ],
)
def test_not_definitions(text):
    assert parse_definition(_sent("a", 0, text)) is None


def test_coreference_to_the_term_named_before():
    prev = _sent("a", 0, "Tout dépend de la notion de « calcul quantique tolérant » (CQT).")
    s = _sent("a", 1, "Ce concept, encore théorique, désigne une machine corrigeant ses erreurs.")
    d = parse_definition(s, [prev])
    assert d is not None and set(d.aliases) == {"calcul quantique tolérant", "CQT"}
    assert d.start == prev.start  # the evidence includes the sentence naming the term
    prev_en = _sent("a", 0, 'Much depends on the term "digital twin".')
    d = parse_definition(_sent("a", 1, "This term denotes a live virtual copy of a machine."), [prev_en])
    assert d is not None and d.aliases == ["digital twin"]
    assert term_keys("l'intelligence générale artificielle") == term_keys("intelligence artificielle générale")


def test_definitions_reported_when_neither_entails(models, env, monkeypatch):
    texts = {
        "a.txt": "Le cloud souverain, ou cloud de confiance, représente un hébergement soumis au droit européen.",
        "b.txt": "Le projet avance. Tout repose sur la notion de « cloud de confiance ». Ce concept désigne "
        "une offre labellisée par l'État.",
    }
    res = run(models["neutral"], texts, env, monkeypatch=monkeypatch)
    (f,) = [f for f in res.findings if f.rule_id == "common.nli-definitions"]
    assert f.level == "warning" and "cloud" in f.message
    assert f.explanation["definitions"] == [
        "un hébergement soumis au droit européen",
        "une offre labellisée par l'État",
    ]
    res = run(models["entail"], texts, env, monkeypatch=monkeypatch)
    assert not [f for f in res.findings if f.rule_id == "common.nli-definitions"]


DEFINITIONS = {
    "a.txt": "L'AGI désigne une IA capable de réaliser toute tâche intellectuelle humaine.",
    "b.txt": "L'intelligence artificielle générale (AGI) désigne un système capable de conscience.",
    "c.txt": "L'AGI, ou IA générale, désigne une machine qui apprend seule dans la ville.",
    "d.txt": "L'IA générale désigne un système capable de toute tâche du conseil municipal.",
    "e.txt": "L'AGI désigne un système capable de réaliser une tâche. Le conseil municipal a voté le budget.",
}


def test_findings_do_not_depend_on_the_order_of_the_input(models, env, monkeypatch):
    """Pairing, the term the model reads and the findings are the same whatever the input order."""
    import random

    def findings_bytes(names):
        res = run(models["random"], {n: DEFINITIONS[n] for n in names}, env, use_cache=False, monkeypatch=monkeypatch)
        return json.dumps([f.to_dict() for f in res.findings], ensure_ascii=False, sort_keys=True)

    names = sorted(DEFINITIONS)
    first = findings_bytes(names)
    assert "common.nli-definitions" in first
    for seed in (1, 2, 3):
        shuffled = list(names)
        random.Random(seed).shuffle(shuffled)
        assert findings_bytes(shuffled) == first, shuffled
    assert findings_bytes(list(reversed(names))) == first


# -- no model -------------------------------------------------------------------------------------------------
def test_no_model_one_clear_error_and_run_goes_on(env, monkeypatch):
    res = run(env / "does-not-exist", {"a.txt": A, "b.txt": B}, env, monkeypatch=monkeypatch)
    errs = [e for e in res.errors if e.kind == "model"]
    assert len(errs) == 1 and "NLI rules skipped" in errs[0].message and "does-not-exist" in errs[0].message
    assert "Traceback" not in errs[0].message and "\n" not in errs[0].message
    assert not [e for e in res.errors if e.kind == "plugin"]


def test_uncached_hub_id_fails_fast(env, monkeypatch):
    monkeypatch.setenv("HF_HOME", str(env / "hf"))
    with pytest.raises(backend.ModelUnavailable, match="not in the local Hugging Face cache"):
        backend.resolve_model_dir("someone/not-a-cached-model")


def test_lazy_import_of_torch():
    code = "import sys, plugins.nli, checker.run.pipeline; print(json.dumps(['torch' in sys.modules, 'transformers' in sys.modules]))"
    out = subprocess.run(
        [sys.executable, "-c", "import json; " + code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert json.loads(out.stdout) == [False, False]


def test_builtin_nli_rules_are_valid():
    checker = Checker(only_types={"nli"})
    ids = {r.id for r in checker.ruleset.by_type("nli")}
    assert {"common.nli-contradiction", "common.nli-definitions"} <= ids
    assert not [e for e in checker.ruleset.errors if "nli" in (e.path or "")]


def test_unknown_rule_key_is_a_rule_error(env):
    f = env / "r" / "bad.yaml"
    f.parent.mkdir()
    f.write_text("id: t.bad\nextends: nli\nmode: statements\ntop_kk: 3\n", encoding="utf-8")
    checker = Checker(rule_paths=[f.parent], builtin_rules=False, only_types={"nli"})
    assert any("top_kk" in e.message and e.line == 4 for e in checker.ruleset.errors)


def test_profile_level_cap_for_models_without_held_out_signal():
    from plugins.nli.profiles import profile_for
    from plugins.nli.ruletype import cap_level

    assert cap_level("error", "suggestion") == "suggestion"
    assert cap_level("warning", None) == "warning"
    assert cap_level("suggestion", "warning") == "suggestion"
    assert profile_for("../shared/models/nli-mini-multilingual")["statements"]["max_level"] == "suggestion"
    assert "max_level" not in profile_for("MoritzLaurer/mDeBERTa-v3-base-xnli-multilingual-nli-2mil7")["statements"]


# -- hardening: devices and broken model directories ---------------------------------------------------------
@pytest.mark.parametrize(
    "requested,want,noted",
    [
        ("cpu", "cpu", False),
        (None, "cpu", False),
        ("auto", "cpu", False),
        ("cuda", "cpu", True),
        ("gpu", "cpu", True),
        ("cuda:1", "cpu", True),
        ("tpu", "cpu", True),
        ("CPU", "cpu", False),
    ],
)
def test_pick_device_without_cuda(monkeypatch, requested, want, noted):
    import torch

    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    dev, note = backend.pick_device(requested)
    assert dev == want and bool(note) == noted
    if note:
        assert "\n" not in note and "CPU" in note


def test_pick_device_with_fewer_gpus_than_asked(monkeypatch):
    import torch

    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)
    monkeypatch.setattr(torch.cuda, "device_count", lambda: 1)
    assert backend.pick_device("cuda") == ("cuda", None)
    assert backend.pick_device("auto") == ("cuda", None)
    assert backend.pick_device("cuda:0") == ("cuda:0", None)
    dev, note = backend.pick_device("cuda:3")
    assert dev == "cuda:0" and "only 1" in note


def test_check_with_device_cuda_without_cuda_says_so_once_and_runs_on_cpu(models, env, monkeypatch, capsys):
    import torch

    from checker import cli

    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    backend.clear_cache()
    monkeypatch.setenv("FACTCHECK_NLI_MODEL", str(models["contra"]))
    (env / "a.txt").write_text(A + "\n", encoding="utf-8")
    (env / "b.txt").write_text(B + "\n", encoding="utf-8")
    monkeypatch.chdir(env)
    code = cli.main(
        [
            "check",
            "a.txt",
            "b.txt",
            "--no-cache",
            "--device",
            "cuda",
            "--color",
            "never",
            "--only-rules",
            "common.nli-contradiction",
        ]
    )
    out, err = capsys.readouterr()
    lines = [ln for ln in (out + err).splitlines() if "CUDA" in ln]
    assert len(lines) == 1 and "running on the CPU" in lines[0], out + err
    assert "Traceback" not in out + err
    assert "common.nli-contradiction" in out  # it ran, on the CPU
    assert code in (0, 1)
    backend.clear_cache()


def _broken_copy(src: Path, dst: Path, how: str) -> Path:
    import shutil

    shutil.copytree(src, dst)
    if how == "config-garbage":
        (dst / "config.json").write_text("{not json", encoding="utf-8")
    elif how == "config-list":
        (dst / "config.json").write_text("[1, 2]", encoding="utf-8")
    elif how == "weights-garbage":
        (dst / "model.safetensors").write_bytes(b"\x00garbage" * 10)
    elif how == "weights-missing":
        (dst / "model.safetensors").unlink()
    elif how == "tokenizer-missing":
        for f in dst.glob("tokenizer*"):
            f.unlink()
    elif how == "labels-not-indices":
        cfg = json.loads((dst / "config.json").read_text(encoding="utf-8"))
        cfg["id2label"] = {"first": "entailment", "second": "contradiction"}
        (dst / "config.json").write_text(json.dumps(cfg), encoding="utf-8")
    elif how == "no-config":
        (dst / "config.json").unlink()
    return dst


@pytest.mark.parametrize(
    "how",
    [
        "config-garbage",
        "config-list",
        "weights-garbage",
        "weights-missing",
        "tokenizer-missing",
        "labels-not-indices",
        "no-config",
    ],
)
def test_corrupt_model_dir_gives_one_clear_no_model_line(models, env, monkeypatch, how):
    broken = _broken_copy(models["contra"], env / f"broken-{how}", how)
    res = run(broken, {"a.txt": A, "b.txt": B}, env, monkeypatch=monkeypatch)
    errs = [e for e in res.errors if e.kind == "model"]
    assert len(errs) == 1, [str(e) for e in res.errors]
    msg = errs[0].message
    assert msg.startswith("NLI rules skipped: no model could be loaded") and str(broken) in msg
    assert "\n" not in msg and "Traceback" not in msg and len(msg) < 400
    assert not [e for e in res.errors if e.kind == "plugin"]
    assert not [f for f in res.findings if f.kind == "nli"]


def test_unreadable_model_dir_gives_one_clear_no_model_line(models, env, monkeypatch):
    # root can read anything, so simulate the permission error where the OS would raise it
    target = str(models["contra"])
    real_is_dir = Path.is_dir

    def is_dir(self):
        if str(self).startswith(target):
            raise PermissionError(13, "Permission denied", str(self))
        return real_is_dir(self)

    monkeypatch.setattr(Path, "is_dir", is_dir)
    backend.clear_cache()
    res = run(models["contra"], {"a.txt": A, "b.txt": B}, env, monkeypatch=monkeypatch)
    errs = [e for e in res.errors if e.kind == "model"]
    assert len(errs) == 1 and "no model could be loaded" in errs[0].message
    assert "Permission denied" in errs[0].message and "\n" not in errs[0].message
    assert not [e for e in res.errors if e.kind == "plugin"]
    monkeypatch.undo()
    backend.clear_cache()


def test_a_model_failing_while_scoring_is_one_error_not_a_traceback(models, env, monkeypatch):
    def boom(self, pairs, batch_size=16):
        raise RuntimeError("index out of range in self\n  more detail")

    backend.clear_cache()
    monkeypatch.setattr(backend.NliModel, "predict", boom)
    res = run(models["contra"], {"a.txt": A, "b.txt": B}, env, use_cache=False, monkeypatch=monkeypatch)
    errs = [e for e in res.errors if e.kind == "model"]
    assert len(errs) == 1 and "failed while scoring" in errs[0].message and "\n" not in errs[0].message
    assert not [e for e in res.errors if e.kind == "plugin"]


def test_draft_mode_scores_only_pairs_with_the_draft(models, env, monkeypatch):
    monkeypatch.setenv("FACTCHECK_NLI_MODEL", str(models["contra"]))
    corpus = []
    for i, town in enumerate(["Lyon", "Nantes", "Lille"]):
        p = env / f"c{i}.txt"
        fillers = " ".join(f"La {t} de {town} avance selon le calendrier prévu." for t in TOPICS[i * 2 : i * 2 + 2])
        p.write_text(
            f"Le conseil municipal a voté le budget de la bibliothèque de la ville. {fillers}\n", encoding="utf-8"
        )
        corpus.append(str(p))
    draft = env / "draft.txt"
    draft.write_text(B + "\n", encoding="utf-8")
    checker = Checker(only_types={"nli"}, options=Options(cache_dir=env / "cache"))
    res = checker.check_paths([str(draft)], against=corpus)
    stats = res.stats["nli"]
    assert 0 < stats["common.nli-contradiction.pairs_scored"] <= 3  # top_k over the whole corpus, for one sentence
    assert stats["common.nli-contradiction.cross_document_pairs"] == stats["common.nli-contradiction.statements"] - 1
    found = [f for f in res.findings if f.rule_id == "common.nli-contradiction"]
    assert found and all(str(draft) in f.documents() for f in found)


def test_definition_pairs_stay_linear_with_wire_copies():
    from plugins.nli.definitions import parse_definition
    from plugins.nli.ruletype import definition_pairs

    wordings = [
        "L'AGI désigne une IA capable de réaliser toute tâche intellectuelle humaine.",
        "L'AGI désigne un système capable de conscience et d'auto-identité.",
        "L'AGI désigne une machine qui apprend seule.",
    ]
    counts = []
    for n_docs in (6, 30, 120):
        defs = [parse_definition(_sent(f"d{d:03d}", 0, wordings[d % 3])) for d in range(n_docs)]
        pairs, total = definition_pairs(defs, _Ctx(), k=2)
        assert total == n_docs * (n_docs - 1) // 2
        assert all(a.doc_id != b.doc_id and a.text != b.text for a, b, _ in pairs.values())
        # every pair of different wordings is represented
        assert {frozenset((a.text, b.text)) for a, b, _ in pairs.values()} == {
            frozenset(p) for p in [(d.text, e.text) for d in defs[:3] for e in defs[:3] if d.text != e.text]
        }
        counts.append(len(pairs) / n_docs)
        assert definition_pairs(list(defs), _Ctx(), k=2)[0].keys() == pairs.keys()  # deterministic
    assert max(counts) <= 2
    focus_pairs, _ = definition_pairs(defs, _Focus({"d005"}), k=2)
    assert focus_pairs and all("d005" in (a.doc_id, b.doc_id) for a, b, _ in focus_pairs.values())
    assert len(focus_pairs) <= 2


# -- throughput: one tokenisation per text, length batches, int8 ------------------------------------------
PAIRS = [
    (A, B),
    (B, A),
    ("le maire", "la ville"),
    ("la ville", "le maire"),
    ("un budget", "le budget de la ville"),
    (A, A),
    ("microsoft a investi dans openai", "openai désigne un système capable"),
    ("le conseil municipal", A + " " + B),
    (A + " " + B, "le conseil municipal"),
]


@pytest.mark.parametrize("max_length", [64, 12])
def test_pair_inputs_are_those_of_the_tokenizer(models, env, max_length):
    """Each text tokenised once, pairs assembled: same ids, type ids and mask, truncation included."""
    import torch

    from plugins.nli.batching import PairEncoder

    tok = backend.load_model(str(models["random"])).tokenizer
    enc = PairEncoder(tok, max_length)
    assert enc.fast is not None
    batches = list(enc.batches(PAIRS, 4))
    assert sum(len(b.pairs) for b in batches) == len(set(PAIRS))
    for b in batches:
        want = tok(
            [p for p, _ in b.pairs],
            [h for _, h in b.pairs],
            truncation=True,
            max_length=max_length,
            padding=True,
            return_tensors="pt",
        )
        assert set(b.inputs) == set(want)
        for k in want:
            assert torch.equal(b.inputs[k], want[k]), k
    assert max(b.inputs["input_ids"].shape[1] for b in batches) <= max_length


def test_batches_keep_both_directions_together_sorted_by_length():
    from plugins.nli.batching import plan_batches

    lengths = {p: len(p[0]) + len(p[1]) for p in PAIRS}
    batches = plan_batches(lengths, 2)
    where = {p: i for i, b in enumerate(batches) for p in b}
    assert sorted(where) == sorted(set(PAIRS))
    assert all(len(b) <= 2 for b in batches)
    for a, b in PAIRS:
        if (b, a) in where:
            assert where[(a, b)] == where[(b, a)]
    longest = [max(lengths[p] for p in b) for b in batches]
    assert longest == sorted(longest)
    assert [len(b) for b in plan_batches(lengths, 1)] == [1] * len(set(PAIRS))


def test_both_directions_in_one_batch_equal_separate_calls(models, env):
    m = backend.load_model(str(models["random"]))
    x, y = "le maire", A
    before = m.calls
    xy, yx = m.predict([(x, y), (y, x)], batch_size=2)
    assert m.calls - before == 1  # one forward pass for the two directions
    (xy1,) = m.predict([(x, y)], batch_size=1)
    (yx1,) = m.predict([(y, x)], batch_size=1)
    # the tiny random model's scores move by about 1e-5 from one input to another
    assert xy == pytest.approx(xy1, abs=1e-6) and yx == pytest.approx(yx1, abs=1e-6)
    assert xy != pytest.approx(yx, abs=1e-6)  # the model does read the direction


def test_scores_per_pair_do_not_depend_on_the_input_order(models, env):
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    m = backend.load_model(str(models["random"]))
    reference = dict(zip(PAIRS, m.predict(PAIRS, batch_size=3)))
    assert len({round(v["entailment"], 6) for v in reference.values()}) > 3  # really different scores

    @settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(st.permutations(PAIRS + PAIRS[:3]), st.integers(min_value=1, max_value=5))
    def check(pairs, size):
        scores = m.predict(pairs, batch_size=size)
        for pair, got in zip(pairs, scores):
            assert got == pytest.approx(reference[pair], abs=1e-6)
        if size == 3:
            assert scores == [reference[p] for p in pairs]  # same batches: the very same floats

    check()


def test_int8_model_is_quantised_and_keyed_apart_in_the_cache(models, env, monkeypatch):
    import torch

    texts = {"a.txt": A, "b.txt": B}
    rules = "id: t.nli\nextends: nli\nquantize: {q}\nthresholds: {{statements: {{contradiction: 0.5}}}}\n"
    fp32 = run(models["contra"], texts, env, rules=rules.format(q="none"), monkeypatch=monkeypatch)
    assert fp32.stats["nli"]["model_calls"] >= 1 and fp32.stats["nli"]["quantization"] == "none"
    int8 = run(models["contra"], texts, env, rules=rules.format(q="int8"), monkeypatch=monkeypatch)
    assert int8.stats["nli"]["quantization"] == "int8"
    assert int8.stats["nli"]["model_calls"] >= 1, "int8 scores must not come from the fp32 cache entry"
    assert [f.rule_id for f in int8.findings] == [f.rule_id for f in fp32.findings] == ["t.nli"]
    again = run(models["contra"], texts, env, rules=rules.format(q="int8"), monkeypatch=monkeypatch)
    assert "model_calls" not in again.stats["nli"]  # its own entry is found
    q = backend.load_model(str(models["contra"]), quantize="int8")
    assert q is not backend.load_model(str(models["contra"]))
    assert any(isinstance(mod, torch.ao.nn.quantized.dynamic.Linear) for mod in q.model.modules())


def test_int8_is_cpu_only_for_the_cache_key(monkeypatch):
    assert backend.planned_quantization("int8", "cpu") == "int8"
    assert backend.planned_quantization("none", "cpu") == "none"
    monkeypatch.setattr(backend, "pick_device", lambda requested: ("cuda", None))
    assert backend.planned_quantization("int8", "cuda") == "none"


def test_bad_quantize_values_are_clear_errors(models, env, monkeypatch):
    from plugins.nli.quantize import check_quantize

    assert check_quantize(" INT8 ", "x") == "int8"
    for bad in ("int4", True, 8, None):
        with pytest.raises(ValueError, match="use one of none, int8"):
            check_quantize(bad, "x")
    f = env / "r" / "bad.yaml"
    f.parent.mkdir()
    f.write_text("id: t.bad\nextends: nli\nquantize: int4\n", encoding="utf-8")
    checker = Checker(rule_paths=[f.parent], builtin_rules=False, only_types={"nli"})
    assert any("quantize" in e.message and e.line == 3 for e in checker.ruleset.errors)
    monkeypatch.setenv("FACTCHECK_NLI_MODEL", str(models["contra"]))
    opts = Options(cache_dir=env / "cache", settings={"nli": {"quantize": "fp16"}})
    res = Checker(only_types={"nli"}, options=opts).check_texts({"a.txt": A, "b.txt": B})
    (err,) = [e for e in res.errors if e.kind == "config"]
    assert (
        err.message == "configuration key 'plugins.nli.quantize': 'fp16' is not a quantisation; use one of none, int8"
    )
    assert res.stats["nli"]["quantization"] == "none" and res.findings  # the run goes on with the profile's value


# -- messages in the reader's language ----------------------------------------------------------------
EN_A = "The city council approved the budget of the city library last night after a long debate."
EN_B = "The city council rejected the budget of the city library last night after a long debate."


def _contradiction(res):
    (f,) = [f for f in res.findings if f.rule_id == "common.nli-contradiction"]
    return f


def test_statement_messages_speak_the_articles_language(models, env, monkeypatch):
    fr = _contradiction(run(models["contra"], {"a.txt": A, "b.txt": B}, env, monkeypatch=monkeypatch))
    assert fr.message.startswith("Ces affirmations semblent se contredire : « "), fr.message
    assert fr.explanation["reason"].startswith("le modèle lit une contradiction (p moyenne 1,00 "), fr.explanation
    en = _contradiction(run(models["contra"], {"a.txt": EN_A, "b.txt": EN_B}, env, monkeypatch=monkeypatch))
    assert en.message.startswith('Statements may contradict each other: "'), en.message
    assert en.explanation["reason"].startswith("the model finds a contradiction (mean p="), en.explanation


def test_lang_overrides_the_nli_wording(models, env, monkeypatch):
    monkeypatch.setenv("FACTCHECK_NLI_MODEL", str(models["contra"]))
    checker = Checker(only_types={"nli"}, options=Options(cache_dir=env / "cache", lang="en"))
    f = _contradiction(checker.check_texts({"a.txt": A, "b.txt": B}))
    assert f.message.startswith("Statements may contradict each other: "), f.message
    assert "(mean p=1.00 over both directions, entailment at most 0.00)" in f.explanation["reason"], f.explanation


def test_int8_keeps_8_bit_activations_and_per_channel_weights():
    """The int8 path must not fall back to 7-bit activations (``reduce_range``): with one large
    activation (a GELU outlier, as BERT's FFN outputs have), 7 bits leave the small ones a
    quantisation step twice as coarse, which flipped a third of the stand-in's labels."""
    import torch

    from plugins.nli.quantize import quantize_int8

    torch.manual_seed(0)
    model = torch.nn.Sequential(torch.nn.Linear(64, 16), torch.nn.Linear(16, 4))
    q = quantize_int8(model)
    linears = [m for m in q.modules() if isinstance(m, torch.ao.nn.quantized.dynamic.Linear)]
    assert len(linears) == 2
    assert all(m.weight().qscheme() == torch.per_channel_affine for m in linears)
    x = torch.randn(8, 64) * 0.1
    x[:, 3] = 40.0  # one outlier channel
    packed = linears[0]._packed_params._packed_params
    full = torch.ops.quantized.linear_dynamic(x, packed, reduce_range=False)
    seven = torch.ops.quantized.linear_dynamic(x, packed, reduce_range=True)
    assert not torch.equal(full, seven)
    assert torch.equal(linears[0](x), full)
    assert q(x).shape == (8, 4)


def test_int8_cache_tag_names_the_method():
    from plugins.nli.quantize import cache_tag

    assert cache_tag("none") == ""
    assert cache_tag("int8") not in ("", "int8")  # the 7-bit int8 scores of older runs are not served


def test_int8_packs_with_onednn_where_torch_has_it_and_leaves_the_global_engine(monkeypatch):
    import torch

    from plugins.nli import quantize

    if "onednn" not in torch.backends.quantized.supported_engines:
        pytest.skip(reason="this torch build has no onednn quantised engine (int8 falls back to the x86 engine there)")
    before = torch.backends.quantized.engine
    seen = []
    real = torch.ao.quantization.quantize_dynamic

    def spy(*a, **k):
        seen.append(torch.backends.quantized.engine)
        return real(*a, **k)

    monkeypatch.setattr(torch.ao.quantization, "quantize_dynamic", spy)
    q = quantize.quantize_int8(torch.nn.Sequential(torch.nn.Linear(8, 4)))
    assert seen == ["onednn"] and quantize.engine_for_int8() == "onednn"
    assert torch.backends.quantized.engine == before
    assert q(torch.randn(2, 8)).shape == (2, 4)  # runs under the restored engine


def test_vnni_is_read_from_the_cpu_flags():
    from plugins.nli.quantize import int8_measured_here

    assert int8_measured_here("processor : 0\nflags : fpu sse2 avx2 avx512_vnni\n")
    assert int8_measured_here("flags\t\t: fpu avx2 avx_vnni\n")
    assert not int8_measured_here("processor : 0\nflags : fpu sse2 avx2 fma\n")
    assert not int8_measured_here("")
