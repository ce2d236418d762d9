"""The sentence encoder is asked only for the figures a pairing decision reads (issue 16):
a generic figure with no possible partner in another article (no figure of its measure
there) is never encoded, and a lone article encodes nothing; the findings are those of
encoding every figure up front, including when the encoder fails on the figures a pair
needs (the others are then encoded to decide, as before, whether meaning pairs at all)."""

from __future__ import annotations

import hashlib

import numpy as np

from checker.context import Options
from checker.run.pipeline import Checker

DIM = 16


class CountingEmbedder:
    """Near-identical vectors for every text (all contexts "mean" the same), each text recorded."""

    name = "fake-counting"
    dim = DIM

    def __init__(self, fail_on: tuple[str, ...] = ()):
        self.fail_on = fail_on
        self.seen: list[tuple[str, str]] = []

    def encode(self, texts, *, kind="passage"):
        self.seen.extend((kind, t) for t in texts)
        if any(w in t for t in texts for w in self.fail_on):
            raise RuntimeError("cannot read this text")
        rows = []
        for t in texts:
            h = hashlib.sha256(t.encode()).digest()
            v = np.ones(DIM) + 0.01 * np.frombuffer(h[:DIM], dtype=np.uint8) / 255.0
            rows.append(v / np.linalg.norm(v))
        return np.array(rows, dtype=np.float32).reshape(len(texts), DIM)

    def passages(self) -> list[str]:
        return [t for k, t in self.seen if k == "passage"]


def run(monkeypatch, texts: dict[str, str], encoder: CountingEmbedder):
    import checker.text.embed as embed

    monkeypatch.setattr(embed, "load_embedder", lambda spec=None, device="cpu": (encoder, "fake"))
    ck = Checker(only_types=["numeric", "entities"], options=Options(use_cache=False, embedder="fake"))
    r = ck.check_texts(texts)
    return [f for f in r.findings if f.kind == "numeric"], r


# a length stated by one article only, then a toll both articles state
LONE_FIRST = "La passerelle de Vendrennes mesurait 140 mètres. Son effondrement à Vendrennes a fait 7 morts."
TOLL = "The collapse of the Vendrennes footbridge killed 11 people."
TOLL_AND_INJURED = "The collapse of the Vendrennes footbridge killed 11 people and injured 4 walkers."


def test_a_figure_without_a_possible_partner_is_never_encoded(monkeypatch):
    enc = CountingEmbedder()
    found, _ = run(monkeypatch, {"a.txt": LONE_FIRST, "b.txt": TOLL}, enc)
    assert len(found) == 1
    assert found[0].explanation["generic"].get("meaning_similarity") is not None  # the pair was read by meaning
    passages = enc.passages()
    assert "La passerelle de Vendrennes mesurait #." not in passages
    assert "Son effondrement à Vendrennes a fait # morts." in passages
    assert "The collapse of the Vendrennes footbridge killed # people." in passages


def test_a_lone_article_encodes_nothing(monkeypatch):
    enc = CountingEmbedder()
    run(monkeypatch, {"a.txt": LONE_FIRST}, enc)
    assert enc.seen == []


def test_when_the_needed_vectors_fail_the_others_decide_whether_meaning_pairs(monkeypatch):
    """Encoded up front, the length's vector alone kept pairing by meaning on (counts of every
    class in one block, the toll then paired by its words); on demand, the length is encoded
    once the vectors of the counts have failed, and the findings are the same."""
    enc = CountingEmbedder(fail_on=("effondrement", "collapse"))
    found, _ = run(monkeypatch, {"a.txt": LONE_FIRST, "b.txt": TOLL_AND_INJURED}, enc)
    assert "La passerelle de Vendrennes mesurait #." in enc.passages()
    assert [f.explanation["generic"]["measure"] for f in found] == ["count:deaths"]
    assert found[0].explanation["generic"].get("meaning_similarity") is None


def test_when_no_other_blocking_is_possible_nothing_more_is_encoded(monkeypatch):
    """Counts of one class only: pairing by meaning or not blocks them alike, so the failed
    vectors of the toll are all there is to encode."""
    enc = CountingEmbedder(fail_on=("effondrement", "collapse"))
    found, _ = run(monkeypatch, {"a.txt": LONE_FIRST, "b.txt": TOLL}, enc)
    assert "La passerelle de Vendrennes mesurait #." not in enc.passages()
    assert len(found) == 1 and found[0].explanation["generic"].get("meaning_similarity") is None


def test_a_failing_encoder_leaves_the_lexical_pairing(monkeypatch):
    enc = CountingEmbedder(fail_on=("",))
    found, _ = run(monkeypatch, {"a.txt": LONE_FIRST, "b.txt": TOLL}, enc)
    assert len(found) == 1 and found[0].explanation["generic"].get("meaning_similarity") is None
