"""NLI model backend: load any Hugging Face sequence-classification NLI model.

``torch`` and ``transformers`` are imported only when a model is actually loaded, so
runs that do not use the ``nli`` rule type (or ``factcheck --help``) stay fast.

* Models are given by Hub id or local directory.  A Hub id is resolved from the local
  cache first (``local_files_only``); an online attempt is made only when the Hub
  answers a quick TCP probe, with short timeouts, so an offline machine fails fast.
* Labels come from the model's ``id2label`` whatever their spelling
  (``contradiction``, ``CONTRADICTION``, ``Contradiction``...).  Generic names
  (``LABEL_0``...) need an explicit mapping: ``labels: {0: entailment, 1: neutral,
  2: contradiction}`` in the rule or the model profile.
* One instance per (model, device) per process (module-level cache).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import socket
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .batching import Batch, PairEncoder
from .quantize import CHOICES as QUANTIZE_CHOICES
from .quantize import quantize_int8

log = logging.getLogger("factcheck")

CANONICAL = ("entailment", "neutral", "contradiction")
_LOCK = threading.Lock()
_MODELS: dict[tuple, NliModel] = {}
_FAILED: dict[tuple, str] = {}
TOKENIZER_FILES = (
    "tokenizer.json",
    "vocab.txt",
    "vocab.json",
    "sentencepiece.bpe.model",
    "spm.model",
    "tokenizer.model",
    "spiece.model",
)
WEIGHT_FILES = (
    "model.safetensors",
    "pytorch_model.bin",
    "model.safetensors.index.json",
    "pytorch_model.bin.index.json",
)


class ModelUnavailable(Exception):
    """The model cannot be loaded; the message is one clear line for the user."""


def canonical_label(name: str) -> str | None:
    """Map a label spelling to entailment / neutral / contradiction (None if unknown)."""
    n = re.sub(r"[^a-z]", "", str(name).lower())
    if n.startswith("notentail") or n.startswith("nonentail"):
        return "not_entailment"
    if n.startswith("entail"):
        return "entailment"
    if n.startswith("contra"):
        return "contradiction"
    if n.startswith("neutral"):
        return "neutral"
    return None


def resolve_labels(id2label: dict, mapping: dict | None = None) -> dict[int, str]:
    """Index -> canonical label.  ``mapping`` (index or raw name -> canonical) wins.

    Raises ``ModelUnavailable`` when the labels cannot be understood (e.g. ``LABEL_0``
    without a mapping) or when no contradiction/entailment label exists.
    """
    out: dict[int, str] = {}
    mapping = {str(k).strip(): str(v).strip() for k, v in (mapping or {}).items()}
    for idx, raw in sorted(((int(k), v) for k, v in id2label.items()), key=lambda kv: kv[0]):
        wanted = mapping.get(str(idx), mapping.get(str(raw)))
        label = canonical_label(wanted) if wanted is not None else canonical_label(raw)
        if wanted is not None and label is None:
            raise ModelUnavailable(f"label mapping: '{wanted}' is not entailment, neutral or contradiction")
        if label is None:
            names = ", ".join(f"{k}={v}" for k, v in sorted(id2label.items(), key=lambda kv: int(kv[0])))
            raise ModelUnavailable(
                f"cannot tell what the model's labels mean ({names}); add e.g. "
                "'labels: {0: entailment, 1: neutral, 2: contradiction}' to the rule or the model profile"
            )
        out[idx] = label
    if "entailment" not in out.values():
        raise ModelUnavailable("the model has no entailment label")
    return out


def _hub_reachable(timeout: float = 1.5) -> bool:
    if os.environ.get("HF_HUB_OFFLINE", "").lower() in ("1", "true", "yes") or os.environ.get(
        "TRANSFORMERS_OFFLINE", ""
    ).lower() in ("1", "true", "yes"):
        return False
    host = os.environ.get("HF_ENDPOINT", "https://huggingface.co").split("://")[-1].split("/")[0]
    try:
        with socket.create_connection((host.split(":")[0], 443), timeout=timeout):
            return True
    except OSError:
        return False


def resolve_model_dir(name: str, *, allow_download: bool = True) -> Path:
    """Local directory holding the model: the directory itself, or the Hub snapshot."""
    p = Path(name).expanduser()
    try:
        is_dir = p.is_dir()
        has_config = is_dir and (p / "config.json").is_file()
    except OSError as exc:  # e.g. permission denied on the path
        raise ModelUnavailable(f"model directory '{name}' cannot be read ({_one_line(exc)})") from exc
    if is_dir:
        if not has_config:
            raise ModelUnavailable(f"'{name}' is a directory without config.json: not a Hugging Face model")
        return p.resolve()
    if name.startswith((".", "/", "~")) or name.count("/") > 1 or not re.fullmatch(r"[\w.\-]+(/[\w.\-]+)?", name):
        raise ModelUnavailable(f"model directory '{name}' does not exist")
    try:
        from huggingface_hub import snapshot_download
    except ImportError as exc:  # pragma: no cover - transformers depends on it
        raise ModelUnavailable(f"huggingface_hub is not installed ({exc})") from exc
    patterns = ["*.json", "*.safetensors", "*.model", "*.txt", "*.bin"]
    try:
        return Path(snapshot_download(name, local_files_only=True, allow_patterns=patterns))
    except Exception:  # noqa: BLE001 - not cached
        pass
    if not allow_download or not _hub_reachable():
        raise ModelUnavailable(f"model '{name}' is not in the local Hugging Face cache and the Hub cannot be reached")
    os.environ.setdefault("HF_HUB_ETAG_TIMEOUT", "5")
    os.environ.setdefault("HF_HUB_DOWNLOAD_TIMEOUT", "20")
    try:
        return Path(snapshot_download(name, allow_patterns=patterns))
    except Exception as exc:  # noqa: BLE001
        raise ModelUnavailable(
            f"model '{name}' could not be downloaded: {type(exc).__name__}: {str(exc)[:200]}"
        ) from exc


def model_identity(model_dir: Path, name: str) -> str:
    """Stable identity of the weights: name + config + size/mtime of the weight files."""
    h = hashlib.sha256(name.encode("utf-8"))
    for fname in ("config.json",) + WEIGHT_FILES:
        f = model_dir / fname
        if f.is_file():
            st = f.stat()
            h.update(f"{fname}:{st.st_size}:{int(st.st_mtime)}".encode())
            if fname == "config.json":
                h.update(f.read_bytes())
    return h.hexdigest()[:24]


_DEVICE = re.compile(r"^(?:cpu|auto|gpu|cuda(?::\d+)?)$")


def pick_device(requested: str | None) -> tuple[str, str | None]:
    """(device to use, a one-line note when it is not what was asked for).

    ``cpu`` (default), ``cuda``/``gpu``, ``cuda:N`` or ``auto`` (CUDA when present).  A
    device that cannot be had (no CUDA build, no GPU, ``cuda:3`` on a one-GPU machine,
    an unknown name) falls back to the CPU or GPU 0 with a note, never an exception.
    """
    req = (requested or "cpu").strip().lower()
    if req == "cpu":
        return "cpu", None
    if not _DEVICE.match(req):
        return "cpu", f"NLI: unknown device '{requested}' (use cpu, cuda, cuda:N or auto); running on the CPU"
    try:
        import torch

        available = bool(torch.cuda.is_available())
        count = torch.cuda.device_count() if available else 0
        build = torch.__version__
    except Exception as exc:  # noqa: BLE001 - broken CUDA driver setups raise at query time
        available, count, build = False, 0, f"CUDA query failed: {type(exc).__name__}"
    if not available:
        if req == "auto":
            return "cpu", None
        return (
            "cpu",
            f"NLI: device '{requested}' requested but CUDA is not available (torch {build}); running on the CPU",
        )
    if req in ("auto", "cuda", "gpu"):
        return "cuda", None
    index = int(req.split(":", 1)[1])
    if index >= count:
        return "cuda:0", f"NLI: device '{requested}' requested but only {count} CUDA device(s) exist; using cuda:0"
    return req, None


def usable_cores() -> int:
    """CPU cores this process may run on (its affinity mask, e.g. a container's share)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # not on Linux
        return max(1, os.cpu_count() or 1)


def _set_threads() -> None:
    """Torch threads: ``FACTCHECK_TORCH_THREADS`` > ``OMP_NUM_THREADS`` > the usable cores (at most 8)."""
    import torch

    if os.environ.get("OMP_NUM_THREADS") or os.environ.get("FACTCHECK_TORCH_THREADS"):
        n = int(os.environ.get("FACTCHECK_TORCH_THREADS") or os.environ["OMP_NUM_THREADS"])
    else:
        n = min(usable_cores(), 8)
    if torch.get_num_threads() != n:
        torch.set_num_threads(n)


@dataclass
class NliModel:
    name: str
    model_dir: Path
    identity: str
    device: str
    labels: dict[int, str]
    device_note: str | None = None  # set when the requested device could not be used
    max_length: int = 256
    quantization: str = "none"  # what was applied: none or int8 (see quantize.py)
    model: Any = None
    tokenizer: Any = None
    encoder: PairEncoder | None = None
    calls: int = 0  # forward passes (tests count them)
    pairs_scored: int = 0
    on_batch: list[Callable[[int], None]] = field(default_factory=list)

    @property
    def has_contradiction(self) -> bool:
        return "contradiction" in self.labels.values()

    def batches(self, pairs: Sequence[tuple[str, str]], batch_size: int = 16) -> Iterator[Batch]:
        """The forward passes that score ``pairs`` (``batching``: sorted by length, both directions together)."""
        if self.encoder is None:
            self.encoder = PairEncoder(self.tokenizer, self.max_length)
        return self.encoder.batches(pairs, batch_size, self.device)

    def predict(self, pairs: Sequence[tuple[str, str]], batch_size: int = 16) -> list[dict[str, float]]:
        """Probabilities per canonical label for each (premise, hypothesis), input order."""
        import torch

        if not pairs:
            return []
        pairs = [(p, h) for p, h in pairs]
        scores: dict[tuple[str, str], dict[str, float]] = {}
        names = set(self.labels.values())
        with torch.inference_mode():
            for batch in self.batches(pairs, batch_size):
                logits = self.model(**batch.inputs).logits.float()
                probs = logits.softmax(-1).cpu().tolist()
                self.calls += 1
                self.pairs_scored += len(batch.pairs)
                for pair, row in zip(batch.pairs, probs):
                    d = dict.fromkeys(names, 0.0)
                    for j, p in enumerate(row):
                        lab = self.labels.get(j)
                        if lab is not None:
                            d[lab] += float(p)
                    scores[pair] = d
                for cb in self.on_batch:
                    cb(len(batch.pairs))
        return [dict(scores[pair]) for pair in pairs]


def load_model(
    name: str,
    *,
    device: str = "cpu",
    labels: dict | None = None,
    max_length: int = 256,
    allow_download: bool = True,
    quantize: str = "none",
) -> NliModel:
    """Load (once per process) the NLI model ``name`` on ``device``, int8-quantised on request."""
    if quantize not in QUANTIZE_CHOICES:
        raise ModelUnavailable(f"unknown quantisation '{quantize}' (use one of {', '.join(QUANTIZE_CHOICES)})")
    key = (name, device, json.dumps(labels or {}, sort_keys=True, default=str), max_length, quantize)
    with _LOCK:
        if key in _MODELS:
            return _MODELS[key]
        if key in _FAILED:
            raise ModelUnavailable(_FAILED[key])
        try:
            model = _load(name, device=device, labels=labels, max_length=max_length, allow_download=allow_download)
            if quantize != "none":
                _quantize(model, quantize)
        except ModelUnavailable as exc:
            _FAILED[key] = str(exc)
            raise
        _MODELS[key] = model
        return model


def _load(name: str, *, device: str, labels: dict | None, max_length: int, allow_download: bool) -> NliModel:
    model_dir = resolve_model_dir(name, allow_download=allow_download)
    try:
        cfg = json.loads((model_dir / "config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelUnavailable(f"model '{name}': unreadable config.json ({_one_line(exc)})") from exc
    if not isinstance(cfg, dict):
        raise ModelUnavailable(f"model '{name}': config.json is not a JSON object")
    id2label = cfg.get("id2label") or {}
    if not isinstance(id2label, dict) or not id2label:
        raise ModelUnavailable(f"model '{name}' has no id2label in its config: not a classification model")
    try:
        id2label = {int(k): str(v) for k, v in id2label.items()}
    except (TypeError, ValueError) as exc:
        raise ModelUnavailable(f"model '{name}': id2label keys must be class indices ({_one_line(exc)})") from exc
    label_map = resolve_labels(id2label, labels)
    try:
        import torch  # noqa: F401
        from transformers import AutoModelForSequenceClassification, AutoTokenizer
        from transformers.utils import logging as hf_logging
    except ImportError as exc:
        raise ModelUnavailable(f"the NLI rules need torch and transformers ({exc})") from exc
    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()
    try:
        from huggingface_hub.utils import disable_progress_bars

        disable_progress_bars()
    except ImportError:  # pragma: no cover
        pass
    dev, note = pick_device(device)
    _set_threads()
    try:
        files = {f.name for f in model_dir.iterdir()}
    except OSError as exc:
        raise ModelUnavailable(f"model '{name}': unreadable directory ({_one_line(exc)})") from exc
    if not (files & set(TOKENIZER_FILES) or any(f.endswith(".model") for f in files)):
        # recent transformers versions then build an empty tokenizer that maps every word to
        # [UNK]: the scores would be meaningless, so refuse the model instead
        raise ModelUnavailable(f"model '{name}' has no tokenizer files ({', '.join(TOKENIZER_FILES[:3])}, *.model...)")
    try:
        tok = AutoTokenizer.from_pretrained(str(model_dir), local_files_only=True)
        mdl = AutoModelForSequenceClassification.from_pretrained(str(model_dir), local_files_only=True)
    except Exception as exc:  # noqa: BLE001 - broken or incompatible files
        raise ModelUnavailable(f"model '{name}' could not be loaded: {_one_line(exc)}") from exc
    if len(tok) <= 8:
        raise ModelUnavailable(f"model '{name}': its tokenizer has only {len(tok)} entries (missing or broken files)")
    mdl.eval()
    try:
        mdl.to(dev)
    except Exception as exc:  # noqa: BLE001 - e.g. out of GPU memory, driver trouble
        if dev == "cpu":
            raise ModelUnavailable(f"model '{name}' could not be loaded: {_one_line(exc)}") from exc
        note = f"NLI: the model could not be moved to '{dev}' ({_one_line(exc)}); running on the CPU"
        dev = "cpu"
        mdl.to(dev)
    limit = getattr(tok, "model_max_length", None) or max_length
    pos = cfg.get("max_position_embeddings") or max_length
    try:
        ident = model_identity(model_dir, name)
    except OSError as exc:
        raise ModelUnavailable(f"model '{name}': unreadable files ({_one_line(exc)})") from exc
    return NliModel(
        name=name,
        model_dir=model_dir,
        identity=ident,
        device=dev,
        device_note=note,
        labels=label_map,
        max_length=int(min(max_length, limit, pos)),
        model=mdl,
        tokenizer=tok,
    )


def _quantize(model: NliModel, how: str) -> None:
    """Apply ``how`` (int8) to a loaded model on the CPU; on a GPU, or when it fails, keep fp32 with a note."""
    if model.device != "cpu":
        note = f"NLI: {how} quantisation is for the CPU; the model runs unquantised on {model.device}"
        model.device_note = f"{model.device_note}; {note}" if model.device_note else note
        return
    try:
        model.model = quantize_int8(model.model)
    except Exception as exc:  # noqa: BLE001 - a torch build without quantised kernels
        note = f"NLI: {how} quantisation failed ({_one_line(exc)}); the model runs unquantised"
        model.device_note = f"{model.device_note}; {note}" if model.device_note else note
        return
    model.quantization = how


def planned_quantization(requested: str, device: str | None) -> str:
    """The quantisation a model loaded with ``requested`` on ``device`` will have (for cache keys)."""
    if requested == "none":
        return "none"
    return requested if pick_device(device)[0] == "cpu" else "none"


def _one_line(exc: BaseException, n: int = 200) -> str:
    text = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {text[:n]}" if text else type(exc).__name__


def peek_identity(name: str) -> tuple[Path, str] | None:
    """Model directory and identity without importing torch (None when not available locally)."""
    try:
        d = resolve_model_dir(name, allow_download=False)
        return d, model_identity(d, name)
    except (ModelUnavailable, OSError):
        return None


def label_set(model_dir: Path, mapping: dict | None = None) -> frozenset[str] | None:
    """The canonical labels a model in ``model_dir`` scores (None when its config cannot tell)."""
    try:
        cfg = json.loads((model_dir / "config.json").read_text(encoding="utf-8"))
        id2label = {int(k): str(v) for k, v in (cfg.get("id2label") or {}).items()}
        return frozenset(resolve_labels(id2label, mapping).values()) if id2label else None
    except (OSError, ValueError, TypeError, AttributeError, ModelUnavailable):
        return None


def clear_cache() -> None:
    """Forget loaded and failed models (tests)."""
    with _LOCK:
        _MODELS.clear()
        _FAILED.clear()


def aggregate(ab: dict[str, float], ba: dict[str, float]) -> dict[str, float]:
    """Both directions in one view: mean contradiction, max entailment (either way)."""
    return {
        "contradiction": (ab.get("contradiction", 0.0) + ba.get("contradiction", 0.0)) / 2,
        "contradiction_max": max(ab.get("contradiction", 0.0), ba.get("contradiction", 0.0)),
        "entailment": max(ab.get("entailment", 0.0), ba.get("entailment", 0.0)),
        "entailment_ab": ab.get("entailment", 0.0),
        "entailment_ba": ba.get("entailment", 0.0),
    }


def iter_batches(items: Iterable, size: int):
    batch = []
    for it in items:
        batch.append(it)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
