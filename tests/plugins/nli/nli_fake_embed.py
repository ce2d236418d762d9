"""A deterministic fake sentence encoder for NLI pairing tests (no model).

Words of a small bilingual concept table map to one axis each ("budget" and its English
twin share an axis), so a French sentence and its English translation get the same
direction; every text also gets a small stable hash component so no two texts are equal.
"""

from __future__ import annotations

import hashlib
import re

import numpy as np

CONCEPTS = [
    ("budget",),
    ("bibliothèque", "library"),
    ("conseil", "council"),
    ("municipal", "city"),
    ("voté", "approved", "adopté"),
    ("rejeté", "rejected"),
    ("tramway", "tram"),
    ("ligne", "line"),
    ("école", "school"),
    ("hôpital", "hospital"),
    ("stade", "stadium"),
    ("piscine", "pool"),
    ("usine", "factory"),
    ("batteries", "batteries"),
    ("emplois", "jobs"),
    ("maire", "mayor"),
    ("intelligence", "intelligence"),
    ("artificielle", "artificial"),
    ("générale", "general"),
    ("chaîne", "chain"),
    ("blocs", "block", "blockchain"),
    ("registre", "ledger"),
]
DIM = len(CONCEPTS) + 16


class FakeEmbedder:
    """``name``, ``dim`` and ``encode`` like checker.text.embed backends; counts calls."""

    def __init__(self, noise: float = 0.05, fail_on: str | None = None):
        self.name = f"fake:{noise}"
        self.dim = DIM
        self.noise = noise
        self.fail_on = fail_on
        self.calls = 0
        self.axis = {w: i for i, words in enumerate(CONCEPTS) for w in words}

    def vector(self, text: str) -> np.ndarray:
        v = np.zeros(DIM, dtype=np.float64)
        for w in re.findall(r"[^\W\d_]+", text.lower()):
            if w in self.axis:
                v[self.axis[w]] += 1.0
        h = hashlib.sha256(text.encode("utf-8")).digest()
        v[len(CONCEPTS) :] += self.noise * (np.frombuffer(h[:16], dtype=np.uint8) / 255.0 - 0.5)
        return (v / (np.linalg.norm(v) or 1.0)).astype(np.float32)

    def encode(self, texts, *, kind="passage"):
        self.calls += 1
        if self.fail_on is not None and any(self.fail_on in t for t in texts):
            raise RuntimeError("boom")
        return np.stack([self.vector(t) for t in texts]) if texts else np.zeros((0, DIM), dtype=np.float32)


class Ctx:
    """The part of RunContext that pairing uses, with a fake encoder."""

    def __init__(self, embedder=None, focus=None):
        self.embedder = embedder or FakeEmbedder()
        self.focus = set(focus) if focus is not None else None

    def allowed(self, a, b):
        if a == b:
            return False
        return self.focus is None or a in self.focus or b in self.focus

    def embed(self, texts, kind="passage"):
        return list(self.embedder.encode(list(texts), kind=kind))
