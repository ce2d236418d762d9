"""Int8 dynamic quantisation of an NLI model's linear layers (CPU only).

``quantize: int8`` (model profile, rule, or ``plugins: {nli: {quantize: ...}}`` in the
configuration) replaces every ``nn.Linear`` with its dynamically quantised int8 version
(``torch.ao.quantization.quantize_dynamic``: int8 weights with one scale per output
channel, activations quantised per batch to the full 8 bits); ``none`` keeps fp32.  It
only applies on the CPU: on a GPU the model stays in its own precision, with a note.  The
quantisation (with :func:`cache_tag`, which names the method) is part of the score-cache
key, so scores of a quantised model are never served for an fp32 one or the other way round.

Why full-range activations: torch's dynamic ``Linear`` quantises its input with
``reduce_range=True``, i.e. to 7 bits (fbgemm's AVX2 kernels sum pairs of u8*s8 products in
int16 and would saturate otherwise).  A BERT FFN output projection reads GELU activations
with a few large outliers; per-tensor 7-bit steps then wipe out the small values, and the
stand-in model lost 35 points of RTE3-FR accuracy (benchmarks/RESULTS.md, "NLI throughput
and int8").  With 8 bits it loses about one.  CPUs with VNNI (AVX512-VNNI / AVX-VNNI)
accumulate in int32 and cannot saturate; on AVX2-only CPUs a saturated pair sum is possible
in principle (not measured).
"""

from __future__ import annotations

import warnings
from typing import Any

CHOICES = ("none", "int8")
_TAGS = {"none": "", "int8": "int8-pc8"}  # pc8: per-channel weights, 8-bit activations
ENGINE: str | None = None  # force a quantised engine (benchmarks); None: see engine_for_int8


#: CPU flags of the int8 dot-product instructions the 8-bit path was measured with (int32
#: accumulation: no saturation); without them a profile's ``int8`` is not applied
_VNNI_FLAGS = ("avx512_vnni", "avx_vnni", "amx_int8")


def int8_measured_here(cpuinfo: str | None = None) -> bool:
    """Whether this CPU has the int8 dot-product instructions (VNNI/AMX) with which the 8-bit
    path was measured within one point of fp32.  A model profile's ``quantize: int8`` applies
    only then; the configuration's or a rule's explicit ``quantize: int8`` always applies."""
    if cpuinfo is None:
        try:
            with open("/proc/cpuinfo", encoding="utf-8", errors="replace") as fh:
                cpuinfo = fh.read(200_000)
        except OSError:
            return False
    flags = set()
    for line in cpuinfo.splitlines():
        if line.startswith("flags"):
            flags.update(line.partition(":")[2].split())
            break
    return any(f in flags for f in _VNNI_FLAGS)


def check_quantize(value: object, where: str) -> str:
    """``value`` as one of :data:`CHOICES`; ``ValueError`` with one clear line otherwise."""
    if isinstance(value, bool) or not isinstance(value, str) or value.strip().lower() not in CHOICES:
        raise ValueError(f"{where}: {value!r} is not a quantisation; use one of {', '.join(CHOICES)}")
    return value.strip().lower()


def cache_tag(quantization: str) -> str:
    """What the score-cache key says of ``quantization`` ("" for none; names the int8 method)."""
    return _TAGS.get(quantization, quantization)


def engine_for_int8() -> str:
    """The quantised engine int8 weights are packed for: :data:`ENGINE`, else onednn where torch has it.

    onednn over x86/fbgemm: 2.2x fp32 against 1.66x on an AVX512-VNNI/AMX Xeon, same accuracy
    within 0.3 points (benchmarks/RESULTS.md); on CPUs without VNNI it is not measured.
    """
    import torch

    engines = torch.backends.quantized.supported_engines
    for e in (ENGINE, "onednn", "x86", "fbgemm", "qnnpack"):
        if e and e in engines:
            return e
    return str(torch.backends.quantized.engine)  # pragma: no cover - unusual builds


def quantize_int8(model: Any) -> Any:
    """The model with int8 dynamic quantisation of its ``nn.Linear`` layers (see the module doc).

    The weights are packed with :func:`engine_for_int8`; the packed weights carry their engine,
    so the process-wide ``torch.backends.quantized.engine`` is put back afterwards.
    """
    import torch

    before = torch.backends.quantized.engine
    with warnings.catch_warnings():
        # torch.ao.quantization announces its move to torchao; the eager API still works
        warnings.simplefilter("ignore", DeprecationWarning)
        warnings.simplefilter("ignore", UserWarning)
        warnings.simplefilter("ignore", FutureWarning)
        qconfig = torch.ao.quantization.per_channel_dynamic_qconfig
        try:
            torch.backends.quantized.engine = engine_for_int8()
            q = torch.ao.quantization.quantize_dynamic(model, {torch.nn.Linear: qconfig}, dtype=torch.qint8)
        finally:
            torch.backends.quantized.engine = before
    full = _full_range_linear()
    for mod in q.modules():
        if type(mod) is torch.ao.nn.quantized.dynamic.Linear:
            mod.__class__ = full
    return q


_FULL: Any = None


def _full_range_linear() -> Any:
    """A dynamic int8 ``Linear`` whose activations use all 8 bits (``reduce_range=False``)."""
    global _FULL
    if _FULL is None:
        import torch

        class FullRangeDynamicLinear(torch.ao.nn.quantized.dynamic.Linear):
            def forward(self, x: Any) -> Any:
                packed = self._packed_params._packed_params
                return torch.ops.quantized.linear_dynamic(x, packed, reduce_range=False).to(x.dtype)

            def _get_name(self) -> str:
                return "FullRangeDynamicQuantizedLinear"

        _FULL = FullRangeDynamicLinear
    return _FULL
