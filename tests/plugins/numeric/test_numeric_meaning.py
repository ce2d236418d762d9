"""Numeric pairing by meaning (issue 13, item 2): with a sentence encoder, counted nouns no
class table knows are one measure when their embeddings agree, French against English;
two known classes that differ (dead vs injured) never merge; without an encoder, or when it
fails, the lexical pairing decides and nothing crashes."""

from __future__ import annotations

import hashlib
import re

import numpy as np

from checker.context import Options
from checker.run.pipeline import Checker

CONCEPTS = [
    ("sapeurs-pompiers", "firefighters", "pompiers"),
    ("policiers", "police", "officers"),
    ("gendarmes",),
    ("morts", "dead", "killed"),
    ("blessés", "injured"),
]
DIM = len(CONCEPTS) + 8


class NounEmbedder:
    name = "fake-nouns"
    dim = DIM

    def __init__(self, fail: bool = False):
        self.fail = fail
        self.axis = {w: i for i, ws in enumerate(CONCEPTS) for w in ws}

    def vector(self, text):
        v = np.zeros(DIM)
        for w in re.findall(r"[^\W\d_][\w\-]*", text.lower()):
            if w in self.axis:
                v[self.axis[w]] += 1.0
        h = hashlib.sha256(text.encode()).digest()
        v[len(CONCEPTS) :] += 0.02 * (np.frombuffer(h[:8], dtype=np.uint8) / 255.0)
        return (v / (np.linalg.norm(v) or 1.0)).astype(np.float32)

    def encode(self, texts, *, kind="passage"):
        if self.fail:
            raise RuntimeError("encoder down")
        return np.stack([self.vector(t) for t in texts]) if texts else np.zeros((0, DIM), dtype=np.float32)


def run(monkeypatch, tmp_path, a, b, fail=False):
    import checker.text.embed as embed

    monkeypatch.setattr(embed, "load_embedder", lambda spec=None, device="cpu": (NounEmbedder(fail), "fake"))
    ck = Checker(
        only_types=["numeric", "entities"], options=Options(cache_dir=tmp_path / "c", use_cache=False, embedder="fake")
    )
    r = ck.check_texts({"a.txt": a, "b.txt": b})
    return [f for f in r.findings if f.kind == "numeric"], r


FR = "À Gardanne, 250 sapeurs-pompiers ont été mobilisés contre l'incendie."
EN = "In Gardanne, 400 firefighters were deployed against the fire."


def test_unknown_nouns_pair_by_meaning_across_languages(monkeypatch, tmp_path):
    found, _ = run(monkeypatch, tmp_path, FR, EN)
    assert len(found) == 1
    assert found[0].explanation["generic"].get("meaning_similarity") is not None


def test_different_unknown_nouns_stay_apart(monkeypatch, tmp_path):
    found, _ = run(monkeypatch, tmp_path, FR, "In Gardanne, 400 police officers were deployed against the fire.")
    assert found == []


def test_known_classes_that_differ_never_merge(monkeypatch, tmp_path):
    found, _ = run(
        monkeypatch, tmp_path, "À Tarvis, le séisme a fait 12 morts.", "In Tarvis, the quake left 40 injured."
    )
    assert found == []


def test_without_encoder_the_lexical_pairing_decides(tmp_path):
    ck = Checker(only_types=["numeric", "entities"], options=Options(use_cache=False, embedder="none"))
    r = ck.check_texts({"a.txt": FR, "b.txt": EN})
    assert [f for f in r.findings if f.kind == "numeric"] == []  # no table knows both nouns
    r = ck.check_texts({"a.txt": "Le séisme de Tarvis a fait 12 morts.", "b.txt": "The Tarvis quake killed 19 people."})
    assert len([f for f in r.findings if f.kind == "numeric"]) == 1


def test_an_encoder_failure_falls_back(monkeypatch, tmp_path):
    found, _ = run(
        monkeypatch, tmp_path, "Le séisme de Tarvis a fait 12 morts.", "The Tarvis quake killed 19 people.", fail=True
    )
    assert len(found) == 1


def test_a_context_without_embed_is_lexical():
    from checker.context import RunContext
    from plugins.numeric.match import embed_claims

    class Bare:
        pass

    assert embed_claims([object()], Bare()) is False
    assert embed_claims([], RunContext()) is False
