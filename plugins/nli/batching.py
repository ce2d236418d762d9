"""Model inputs for NLI sentence pairs: each text tokenised once, batches sorted by length.

The ``nli`` rule type scores every candidate pair in both directions, and one sentence
is a partner of several others, so a call holds each text many times.  With a fast
(Rust) tokenizer each distinct text is tokenised once (``encode_batch`` without special
tokens) and every pair is assembled from the two encodings by the tokenizer's own
post-processor (pair template, token type ids, longest-first truncation to
``max_length``): the ids are exactly those of ``tokenizer(premise, hypothesis,
truncation=True, max_length=...)``.  Other tokenizers encode each batch of pairs.

Batches (:func:`plan_batches`):

* both directions of a pair (and repeats of one pair) form one unit that is never split
  across batches (except with ``batch_size`` 1), so a pair's two scores come from one
  forward pass;
* units are sorted by token length, ties by their text, so padding is small and the
  batches, hence the scores, do not depend on the order of the input;
* a batch holds at most ``batch_size`` rows (distinct ordered pairs).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Batch:
    """One forward pass: the distinct ordered pairs it scores and their model inputs."""

    pairs: tuple[tuple[str, str], ...]
    inputs: dict[str, Any]  # input_ids, attention_mask (+ token_type_ids), on the device


class PairEncoder:
    """Tokenises each distinct text of a call once and builds padded pair batches."""

    def __init__(self, tokenizer: Any, max_length: int):
        self.tokenizer = tokenizer
        self.max_length = max_length
        self.fast = _pair_tokenizer(tokenizer, max_length)
        names = getattr(tokenizer, "model_input_names", None) or ["input_ids", "attention_mask"]
        self.with_type_ids = "token_type_ids" in names

    def encode(self, pairs: Sequence[tuple[str, str]]) -> dict[tuple[str, str], Any] | None:
        """Encoding (ids, type ids) per distinct pair; None without a fast tokenizer."""
        if self.fast is None:
            return None
        texts = list(dict.fromkeys(t for pair in pairs for t in pair))
        single = dict(zip(texts, self.fast.encode_batch(texts, add_special_tokens=False)))
        return {
            pair: self.fast.post_process(single[pair[0]], single[pair[1]], add_special_tokens=True)
            for pair in dict.fromkeys(pairs)
        }

    def batches(self, pairs: Sequence[tuple[str, str]], batch_size: int, device: str = "cpu") -> Iterator[Batch]:
        """Batches over the distinct pairs of ``pairs`` (see the module docstring)."""
        encoded = self.encode(pairs)
        if encoded is None:
            lengths = {pair: len(pair[0]) + len(pair[1]) for pair in dict.fromkeys(pairs)}
        else:
            lengths = {pair: len(enc.ids) for pair, enc in encoded.items()}
        for rows in plan_batches(lengths, batch_size):
            yield Batch(pairs=tuple(rows), inputs=self._inputs(rows, encoded, device))

    def _inputs(self, rows: list[tuple[str, str]], encoded: dict | None, device: str) -> dict[str, Any]:
        if encoded is None:
            enc = self.tokenizer(
                [p for p, _ in rows],
                [h for _, h in rows],
                truncation=True,
                max_length=self.max_length,
                padding=True,
                return_tensors="pt",
            )
            return {k: v.to(device) for k, v in enc.items()}
        return collate(
            [encoded[r] for r in rows],
            pad_id=int(getattr(self.tokenizer, "pad_token_id", None) or 0),
            pad_type_id=int(getattr(self.tokenizer, "pad_token_type_id", 0) or 0),
            left=getattr(self.tokenizer, "padding_side", "right") == "left",
            with_type_ids=self.with_type_ids,
            device=device,
        )


def plan_batches(lengths: dict[tuple[str, str], int], batch_size: int) -> list[list[tuple[str, str]]]:
    """Distinct ordered pairs grouped into batches: both directions together, by length."""
    size = max(1, int(batch_size))
    units: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for pair in lengths:
        units.setdefault(tuple(sorted(pair)), []).append(pair)  # type: ignore[arg-type]
    ordered = sorted(units.items(), key=lambda kv: (max(lengths[p] for p in kv[1]), kv[0]))
    out: list[list[tuple[str, str]]] = []
    current: list[tuple[str, str]] = []
    for _, rows in ordered:
        rows = sorted(rows)
        if current and len(current) + len(rows) > size:
            out.append(current)
            current = []
        current.extend(rows)
        while len(current) >= size:
            out.append(current[:size])
            current = current[size:]
    if current:
        out.append(current)
    return out


def collate(encodings: list[Any], *, pad_id: int, pad_type_id: int, left: bool, with_type_ids: bool, device: str):
    """Padded tensors of encodings, as the tokenizer's own ``padding=True`` makes them."""
    import torch

    width = max(len(e.ids) for e in encodings)
    ids, mask, types = [], [], []
    for e in encodings:
        pad = width - len(e.ids)
        if left:
            ids.append([pad_id] * pad + list(e.ids))
            mask.append([0] * pad + [1] * len(e.ids))
            types.append([pad_type_id] * pad + list(e.type_ids))
        else:
            ids.append(list(e.ids) + [pad_id] * pad)
            mask.append([1] * len(e.ids) + [0] * pad)
            types.append(list(e.type_ids) + [pad_type_id] * pad)
    out = {"input_ids": torch.tensor(ids, dtype=torch.long), "attention_mask": torch.tensor(mask, dtype=torch.long)}
    if with_type_ids:
        out["token_type_ids"] = torch.tensor(types, dtype=torch.long)
    return {k: v.to(device) for k, v in out.items()}


def _pair_tokenizer(tokenizer: Any, max_length: int) -> Any:
    """A private copy of the fast tokenizer's Rust tokenizer: no padding, longest-first truncation.

    A copy, because the Hugging Face wrapper sets padding and truncation on its own
    tokenizer at every call.  None for tokenizers without a Rust backend.
    """
    backend = getattr(tokenizer, "_tokenizer", None)
    try:
        from tokenizers import Tokenizer
    except ImportError:  # pragma: no cover - transformers depends on it
        return None
    if not isinstance(backend, Tokenizer):
        return None
    try:
        copy = Tokenizer.from_str(backend.to_str())
        copy.no_padding()
        side = getattr(tokenizer, "truncation_side", "right")
        copy.enable_truncation(max_length, strategy="longest_first", direction=side)
    except Exception:  # noqa: BLE001 - an exotic tokenizer: encode the batches the usual way
        return None
    return copy
