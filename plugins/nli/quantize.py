"""Int8 dynamic quantisation of an NLI model's linear layers (CPU only).

``quantize: int8`` (model profile, rule, or ``plugins: {nli: {quantize: ...}}`` in the
configuration) replaces every ``nn.Linear`` with its dynamically quantised int8 version
(``torch.ao.quantization.quantize_dynamic``: int8 weights, activations quantised per
batch); ``none`` keeps fp32.  It only applies on the CPU: on a GPU the model stays in
its own precision, with a note.  The quantisation is part of the score-cache key, so
scores of a quantised model are never served for an fp32 one or the other way round.
"""

from __future__ import annotations

import warnings
from typing import Any

CHOICES = ("none", "int8")


def check_quantize(value: object, where: str) -> str:
    """``value`` as one of :data:`CHOICES`; ``ValueError`` with one clear line otherwise."""
    if isinstance(value, bool) or not isinstance(value, str) or value.strip().lower() not in CHOICES:
        raise ValueError(f"{where}: {value!r} is not a quantisation; use one of {', '.join(CHOICES)}")
    return value.strip().lower()


def quantize_int8(model: Any) -> Any:
    """The model with int8 dynamic quantisation of its ``nn.Linear`` layers."""
    import torch

    engines = torch.backends.quantized.supported_engines
    if torch.backends.quantized.engine == "none" and engines:  # pragma: no cover - unusual builds
        torch.backends.quantized.engine = next(e for e in ("x86", "fbgemm", "qnnpack", *engines) if e in engines)
    with warnings.catch_warnings():
        # torch.ao.quantization announces its move to torchao; the eager API still works
        warnings.simplefilter("ignore", DeprecationWarning)
        warnings.simplefilter("ignore", UserWarning)
        warnings.simplefilter("ignore", FutureWarning)
        return torch.ao.quantization.quantize_dynamic(model, {torch.nn.Linear}, dtype=torch.qint8)
