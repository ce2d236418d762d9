"""NLI throughput and int8 accuracy, in one run.

    python benchmarks/nli_throughput.py                         # stand-in model, French dev sets
    python benchmarks/nli_throughput.py --pairs 120 --rounds 3 --threads 2 --json out.json

Measured on the same sentence pairs (``--pairs`` pairs of ``../shared/data/nli-fr``, both
directions, as the ``nli`` rule type scores them), in alternating rounds so that the load
of a shared machine hits every configuration alike:

* **raw fp32**: the bare model's forward passes over the very batches the pipeline makes
  (tokenised, sorted and padded beforehand, outside the timing);
* **pipeline fp32**: ``NliModel.predict`` (what ``NliRuleType.score`` calls on a cache
  miss): tokenisation, length batching, forward passes, softmax, label mapping;
* **pipeline int8**: the same with ``quantize: int8`` (dynamic int8 ``nn.Linear``, per-channel
  weights, 8-bit activations: ``plugins/nli/quantize.py``);
* optionally **raw int8** (``--raw-int8``).

Pairs per second is the median over the rounds; ratios are medians of the per-round
ratios (both figures of a ratio measured next to each other).  Then accuracy (argmax of
the three classes against the gold label) of fp32 and int8 on every pair of both dev sets,
one direction (premise -> hypothesis), and how often the two agree.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
SHARED = REPO.parent / "shared"
DEFAULT_MODEL = SHARED / "models" / "nli-mini-multilingual"
DATA = SHARED / "data" / "nli-fr"
SETS = ("rte3-fr-dev", "gqnli-fr")
GOLD = {"0": "entailment", "1": "neutral", "2": "contradiction"}


def read_set(name: str) -> list[tuple[str, str, str]]:
    with open(DATA / f"{name}.tsv", encoding="utf-8", newline="") as fh:
        return [(r["premise"], r["hypothesis"], GOLD[r["label"]]) for r in csv.DictReader(fh, delimiter="\t")]


def throughput_pairs(sets: dict[str, list], n: int) -> list[tuple[str, str]]:
    """``n`` pairs taken evenly from the sets (every k-th), in both directions."""
    flat = [(p, h) for rows in sets.values() for p, h, _ in rows]
    step = max(1, len(flat) // max(1, n))
    chosen = flat[::step][:n]
    return [d for p, h in chosen for d in ((p, h), (h, p))]


def time_raw(model, batches) -> float:
    import torch

    t = time.perf_counter()
    with torch.inference_mode():
        for b in batches:
            model.model(**b.inputs).logits.softmax(-1)
    return time.perf_counter() - t


def time_pipeline(model, pairs, batch_size: int) -> float:
    t = time.perf_counter()
    model.predict(pairs, batch_size=batch_size)
    return time.perf_counter() - t


def accuracy(model, rows, batch_size: int) -> tuple[float, list[str]]:
    probs = model.predict([(p, h) for p, h, _ in rows], batch_size=batch_size)
    labels = [max(d, key=lambda k: d[k]) for d in probs]
    return sum(lab == gold for lab, (_, _, gold) in zip(labels, rows)) / len(rows), labels


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--model", default=str(DEFAULT_MODEL))
    ap.add_argument("--pairs", type=int, default=120, help="distinct pairs for the timing (x2 directions)")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--threads", type=int, default=0, help="torch threads (default: the usable cores, at most 8)")
    ap.add_argument(
        "--engine", default="", help="quantised engine int8 weights are packed for (default: onednn where torch has it)"
    )
    ap.add_argument("--raw-int8", action="store_true", help="also time the bare int8 model")
    ap.add_argument("--no-accuracy", action="store_true")
    ap.add_argument("--json", help="write the figures here")
    args = ap.parse_args(argv)

    from plugins.nli import backend

    threads = args.threads or min(backend.usable_cores(), 8)
    os.environ["FACTCHECK_TORCH_THREADS"] = str(threads)
    import torch

    torch.set_num_threads(threads)
    if args.engine:
        from plugins.nli import quantize

        quantize.ENGINE = args.engine
    sets = {name: read_set(name) for name in SETS}
    pairs = throughput_pairs(sets, args.pairs)
    t = time.perf_counter()
    fp32 = backend.load_model(args.model, allow_download=False)
    load_fp32 = time.perf_counter() - t
    t = time.perf_counter()
    int8 = backend.load_model(args.model, allow_download=False, quantize="int8")
    load_int8 = time.perf_counter() - t  # includes a second load of the fp32 weights
    bs = args.batch_size
    batches = {"fp32": list(fp32.batches(pairs, bs)), "int8": list(int8.batches(pairs, bs))}
    runs = {
        "raw fp32": lambda: time_raw(fp32, batches["fp32"]),
        "pipeline fp32": lambda: time_pipeline(fp32, pairs, bs),
        "pipeline int8": lambda: time_pipeline(int8, pairs, bs),
    }
    if args.raw_int8:
        runs["raw int8"] = lambda: time_raw(int8, batches["int8"])
    for m in (fp32, int8):  # warm-up: first forward passes allocate
        m.predict(pairs[:bs], batch_size=bs)
    seconds: dict[str, list[float]] = {k: [] for k in runs}
    for r in range(args.rounds):
        order = list(runs) if r % 2 == 0 else list(reversed(runs))
        for name in order:
            seconds[name].append(runs[name]())
            print(f"round {r + 1}: {name}: {len(pairs) / seconds[name][-1]:.1f} pairs/s", file=sys.stderr)
    rate = {k: statistics.median(len(pairs) / s for s in v) for k, v in seconds.items()}

    def ratio(a: str, b: str) -> float:
        return statistics.median(sb / sa for sa, sb in zip(seconds[a], seconds[b]))

    out: dict = {
        "model": args.model,
        "threads": threads,
        "engine": quantize_engine(),
        "batch_size": bs,
        "rows": len(pairs),
        "batches": len(batches["fp32"]),
        "padding": padding_share(batches["fp32"]),
        "rounds": args.rounds,
        "load_seconds": {"fp32": round(load_fp32, 2), "int8": round(load_int8, 2)},
        "pairs_per_second": {k: round(v, 2) for k, v in rate.items()},
        "ratios": {
            "pipeline fp32 / raw fp32": round(ratio("pipeline fp32", "raw fp32"), 3),
            "pipeline int8 / pipeline fp32": round(ratio("pipeline int8", "pipeline fp32"), 3),
        },
    }
    if args.raw_int8:
        out["ratios"]["pipeline int8 / raw int8"] = round(ratio("pipeline int8", "raw int8"), 3)
    if not args.no_accuracy:
        out["accuracy"] = {}
        for name, rows in sets.items():
            a32, l32 = accuracy(fp32, rows, bs)
            a8, l8 = accuracy(int8, rows, bs)
            out["accuracy"][name] = {
                "pairs": len(rows),
                "fp32": round(a32, 4),
                "int8": round(a8, 4),
                "points_lost": round(100 * (a32 - a8), 2),
                "same_label": round(sum(x == y for x, y in zip(l32, l8)) / len(rows), 4),
            }
    print(table(out))
    if args.json:
        Path(args.json).write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    return 0


def quantize_engine() -> str:
    from plugins.nli.quantize import engine_for_int8

    return engine_for_int8()


def padding_share(batches) -> float:
    """Share of padded positions in the batches (0: no padding at all)."""
    cells = sum(b.inputs["attention_mask"].numel() for b in batches)
    real = sum(int(b.inputs["attention_mask"].sum()) for b in batches)
    return round(1 - real / cells, 4) if cells else 0.0


def table(out: dict) -> str:
    lines = [
        f"model {out['model']}, {out['threads']} torch threads, engine {out['engine']}, batch {out['batch_size']}, "
        f"{out['rows']} rows in {out['batches']} batches (padding {100 * out['padding']:.1f}%), "
        f"{out['rounds']} rounds",
        "",
        "| configuration | pairs/s (median) |",
        "|---|---|",
    ]
    lines += [f"| {k} | {v:.1f} |" for k, v in out["pairs_per_second"].items()]
    lines += ["", "| ratio (median of per-round ratios) | value |", "|---|---|"]
    lines += [f"| {k} | {v:.3f} |" for k, v in out["ratios"].items()]
    if "accuracy" in out:
        lines += ["", "| set | pairs | fp32 | int8 | points lost | same label |", "|---|---|---|---|---|---|"]
        for name, a in out["accuracy"].items():
            lines.append(
                f"| {name} | {a['pairs']} | {a['fp32']:.3f} | {a['int8']:.3f} | {a['points_lost']:+.1f} "
                f"| {100 * a['same_label']:.1f}% |"
            )
    return "\n".join(lines)


if __name__ == "__main__":
    raise SystemExit(main())
