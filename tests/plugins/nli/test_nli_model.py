"""nli rule type with the stand-in model (../shared/models/nli-mini-multilingual)."""

from __future__ import annotations

import glob
from pathlib import Path

import pytest
from helpers.paths import REPO

from checker.context import Options
from checker.model import level_at_least
from checker.run.pipeline import Checker
from plugins.nli import backend

ROOT = REPO
STAND_IN = ROOT.parent / "shared/models/nli-mini-multilingual"

pytestmark = [
    pytest.mark.model,
    pytest.mark.skipif(not (STAND_IN / "config.json").is_file(), reason=f"stand-in NLI model not found at {STAND_IN}"),
]


@pytest.fixture
def stand_in(monkeypatch, tmp_path):
    monkeypatch.setenv("FACTCHECK_NLI_MODEL", str(STAND_IN))
    monkeypatch.delenv("FACTCHECK_CACHE_DIR", raising=False)
    return tmp_path


def test_stand_in_loads_with_its_labels_and_profile(stand_in):
    m = backend.load_model(str(STAND_IN))
    assert m.labels == {0: "entailment", 1: "neutral", 2: "contradiction"}
    (p,) = m.predict(
        [("Microsoft a investi 1 milliard de dollars dans OpenAI en 2019.", "Microsoft a investi dans OpenAI.")]
    )
    assert p["entailment"] > p["contradiction"]
    from plugins.nli.profiles import profile_for

    assert profile_for(str(STAND_IN))["name"] == "nli-mini-multilingual"
    # int8 measured within one point of fp32 on both French dev sets at >= 2x (RESULTS.md)
    assert profile_for(str(STAND_IN))["quantize"] == "int8"


def test_definitions_of_one_term_that_differ(stand_in):
    texts = {
        "a.txt": "La blockchain, ou chaîne de blocs, représente un registre distribué que personne ne contrôle seul.",
        "b.txt": "Les banques testent la notion de « chaîne de blocs ». Ce concept désigne une base de données "
        "gérée par une seule banque centrale.",
    }
    res = Checker(only_types={"nli"}, options=Options(cache_dir=stand_in / "c")).check_texts(texts)
    found = [f for f in res.findings if f.rule_id == "common.nli-definitions"]
    assert found and level_at_least(found[0].level, "warning")
    assert {"a.txt", "b.txt"} == set(found[0].documents())


@pytest.mark.slow
def test_seeds_agi_definitions_and_cache(stand_in):
    paths = sorted(glob.glob(str(ROOT / "seeds" / "*.txt")))
    checker = Checker(only_types={"nli"}, options=Options(cache_dir=stand_in / "c"))
    res = checker.check_paths(paths)
    defs = [f for f in res.findings if f.rule_id == "common.nli-definitions" and level_at_least(f.level, "warning")]
    agi = [
        f
        for f in defs
        if {Path(d).name[:3] for d in f.documents()} == {"000", "001"}
        and ("agi" in f.explanation["term"].lower() or "générale" in f.explanation["term"])
    ]
    assert agi, [f.message for f in defs]
    stats = res.stats["nli"]
    assert stats["common.nli-contradiction.pairs_scored"] < stats["common.nli-contradiction.cross_document_pairs"] / 20
    again = checker.check_paths(paths)
    assert "model_calls" not in again.stats["nli"]
    assert [f.fingerprint for f in again.findings] == [f.fingerprint for f in res.findings]


CLEAR_PAIRS = [
    (
        "Microsoft a investi 1 milliard de dollars dans OpenAI en 2019.",
        "Microsoft a investi dans OpenAI.",
        "entailment",
    ),
    ("Le chat dort sur le canapé du salon.", "Un chat dort.", "entailment"),
    ("Trois enfants jouent au football dans le parc.", "Des enfants jouent dans le parc.", "entailment"),
    ("Marie est allée au marché samedi matin.", "Marie a acheté des pommes rouges au marché.", "neutral"),
    ("L'homme porte une chemise bleue.", "L'homme porte une chemise rouge.", "contradiction"),
]


def test_int8_and_fp32_give_the_same_labels_on_clear_pairs(stand_in):
    # runs on every CPU: an explicit int8 (config or rule) is allowed anywhere, and it keeps the
    # clear pairs' labels on a VNNI/AMX Xeon and on an AVX2-only AMD EPYC alike (seventh session);
    # only the stand-in profile's *default* int8 is limited to VNNI/AMX (the dev-set accuracy
    # was measured there, see the test below)
    # with torch's default 7-bit activations int8 turned the contradiction pair into neutral
    # (RTE3-FR dev: 43% same labels); 8-bit activations + per-channel weights keep them
    fp32 = backend.load_model(str(STAND_IN))
    int8 = backend.load_model(str(STAND_IN), quantize="int8")
    assert int8.quantization == "int8" and fp32.quantization == "none"
    pairs = [(p, h) for p, h, _ in CLEAR_PAIRS]
    labels = {}
    for name, m in (("fp32", fp32), ("int8", int8)):
        labels[name] = [max(d, key=lambda k: d[k]) for d in m.predict(pairs)]
    assert labels["fp32"] == [gold for _, _, gold in CLEAR_PAIRS]  # the pairs are clear to this model
    assert labels["int8"] == labels["fp32"]


@pytest.mark.parametrize("vnni,expected", [(True, "int8"), (False, "none")])
def test_the_profiles_int8_applies_only_on_a_cpu_with_vnni(stand_in, monkeypatch, vnni, expected):
    from plugins.nli import ruletype

    monkeypatch.setattr(ruletype, "int8_measured_here", lambda: vnni)
    texts = {
        "a.txt": "Microsoft a investi 1 milliard de dollars dans OpenAI en 2019.",
        "b.txt": "Microsoft n'a jamais investi dans OpenAI, selon la société.",
    }
    res = Checker(only_types={"nli"}, options=Options(cache_dir=stand_in / "c")).check_texts(texts)
    assert res.stats["nli"]["quantization"] == expected
    if not vnni:
        assert "VNNI" in res.stats["nli"]["quantize"]  # recorded, not silent


def test_an_explicit_int8_applies_on_any_cpu(stand_in, monkeypatch):
    from plugins.nli import ruletype

    monkeypatch.setattr(ruletype, "int8_measured_here", lambda: False)
    texts = {
        "a.txt": "Microsoft a investi 1 milliard de dollars dans OpenAI en 2019.",
        "b.txt": "Microsoft n'a jamais investi dans OpenAI, selon la société.",
    }
    opts = Options(cache_dir=stand_in / "c", settings={"nli": {"quantize": "int8"}})
    res = Checker(only_types={"nli"}, options=opts).check_texts(texts)
    assert res.stats["nli"]["quantization"] == "int8"
