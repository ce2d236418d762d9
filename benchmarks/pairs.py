#!/usr/bin/env python
"""Pair benchmark: how well does factcheck flag contradicting sentence pairs?

Each TSV row becomes two one-sentence documents (premise, hypothesis) checked with the
full default rule set (every rule type; the NLI model is loaded once per process).  A
pair is predicted positive when a finding at level >= warning links its two documents.
``--nli-only`` scores the NLI model alone (both directions, the model profile's
statement thresholds), without pairing or the other rule types.

    python benchmarks/pairs.py --tsv ../shared/data/nli-fr/gqnli-fr.tsv \
        --premise premise --hypothesis hypothesis --label label --positive 2 [--limit N] [--out preds.jsonl]

The last printed line is JSON: n, accuracy, precision, recall, f1, pairs_per_s (+ counts).
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
STAND_IN = ROOT.parent / "shared" / "models" / "nli-mini-multilingual"


def read_rows(path: str, cols: list[str], limit: int | None) -> list[dict[str, str]]:
    csv.field_size_limit(sys.maxsize)
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        missing = [c for c in cols if c not in (reader.fieldnames or [])]
        if missing:
            sys.exit(f"{path}: column(s) {', '.join(missing)} not in the header ({', '.join(reader.fieldnames or [])})")
        rows = []
        for row in reader:
            rows.append(row)
            if limit and len(rows) >= limit:
                break
    return rows


def metrics(gold: list[bool], pred: list[bool], seconds: float) -> dict:
    tp = sum(g and p for g, p in zip(gold, pred))
    fp = sum(p and not g for g, p in zip(gold, pred))
    fn = sum(g and not p for g, p in zip(gold, pred))
    tn = len(gold) - tp - fp - fn
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    n = len(gold)
    return {
        "n": n,
        "accuracy": round((tp + tn) / n, 4) if n else 0.0,
        "precision": round(prec, 4),
        "recall": round(rec, 4),
        "f1": round(f1, 4),
        "pairs_per_s": round(n / seconds, 2) if seconds else 0.0,
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "tn": tn,
    }


def choose_model(arg: str | None) -> str | None:
    """--model > FACTCHECK_NLI_MODEL > the rule's default when cached locally > the offline stand-in."""
    if arg:
        return arg
    if os.environ.get("FACTCHECK_NLI_MODEL"):
        return os.environ["FACTCHECK_NLI_MODEL"]
    from plugins.nli import backend
    from plugins.nli.ruletype import DEFAULT_MODEL

    if backend.peek_identity(DEFAULT_MODEL) is not None:
        return None
    if STAND_IN.is_dir():
        print(f"note: {DEFAULT_MODEL} is not available offline; using the stand-in {STAND_IN}", file=sys.stderr)
        return str(STAND_IN)
    return None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--tsv", required=True)
    ap.add_argument("--premise", required=True, help="premise column")
    ap.add_argument("--hypothesis", required=True, help="hypothesis column")
    ap.add_argument("--label", required=True, help="gold label column")
    ap.add_argument("--positive", required=True, help="label value that means 'conflict' (e.g. 2 or contradiction)")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--out", default=None, help="write one JSON line per pair")
    ap.add_argument("--nli-only", action="store_true", help="score the NLI model alone")
    ap.add_argument("--model", default=None, help="NLI model (Hub id or directory); default: FACTCHECK_NLI_MODEL")
    ap.add_argument("--device", default="cpu", choices=["cpu", "cuda", "auto"])
    ap.add_argument("--cache", action="store_true", help="use the NLI score cache (off: every pair is scored)")
    args = ap.parse_args(argv)

    rows = read_rows(args.tsv, [args.premise, args.hypothesis, args.label], args.limit)
    model = choose_model(args.model)
    if model:
        os.environ["FACTCHECK_NLI_MODEL"] = model
    gold = [str(r[args.label]).strip() == args.positive for r in rows]
    preds: list[bool] = []
    details: list[dict] = []

    if args.nli_only:
        from plugins.nli import backend
        from plugins.nli.profiles import profile_for
        from plugins.nli.ruletype import DEFAULT_MODEL, decide_statement

        name = model or DEFAULT_MODEL
        peek = backend.peek_identity(name)
        prof = profile_for(name, peek[0] if peek else None)
        try:
            m = backend.load_model(
                name, device=args.device, labels=prof.get("labels") or None, max_length=int(prof.get("max_length", 256))
            )
        except backend.ModelUnavailable as exc:
            sys.exit(f"no NLI model: {exc}")
        pairs = [(r[args.premise], r[args.hypothesis]) for r in rows]
        t0 = time.perf_counter()
        bs = int(prof.get("batch_size", 16))
        ab = m.predict(pairs, batch_size=bs)
        ba = m.predict([(h, p) for p, h in pairs], batch_size=bs)
        seconds = time.perf_counter() - t0
        th = prof.get("statements", {})
        for x, y in zip(ab, ba):
            agg = backend.aggregate(x, y)
            preds.append(decide_statement(agg, th))
            details.append({"probabilities": {k: round(v, 4) for k, v in agg.items()}})
        mode = f"nli-only ({prof.get('name')})"
    else:
        from checker.context import Options
        from checker.model import level_at_least
        from checker.run.pipeline import Checker

        checker = Checker(options=Options(device=args.device, use_cache=args.cache, quiet=True))
        errors_seen: set[str] = set()
        t0 = time.perf_counter()
        for i, r in enumerate(rows):
            res = checker.check_texts({"premise.txt": r[args.premise], "hypothesis.txt": r[args.hypothesis]})
            for e in res.errors:
                if str(e) not in errors_seen:
                    errors_seen.add(str(e))
                    print(f"error: {e}", file=sys.stderr)
            hits = [
                f
                for f in res.findings
                if level_at_least(f.level, "warning") and {"premise.txt", "hypothesis.txt"} <= set(f.documents())
            ]
            preds.append(bool(hits))
            details.append({"findings": [f"{f.rule_id}:{f.level}:{round(f.score, 3)}" for f in hits]})
            if (i + 1) % 50 == 0:
                print(f"{i + 1}/{len(rows)} pairs, {time.perf_counter() - t0:.1f}s", file=sys.stderr)
        seconds = time.perf_counter() - t0
        mode = "full rule set"

    if args.out:
        with open(args.out, "w", encoding="utf-8") as fh:
            for i, (r, g, p, d) in enumerate(zip(rows, gold, preds, details)):
                fh.write(
                    json.dumps({"i": i, "label": r[args.label], "gold": g, "pred": p, **d}, ensure_ascii=False) + "\n"
                )
    result = metrics(gold, preds, seconds)
    result["mode"] = mode
    result["model"] = os.environ.get("FACTCHECK_NLI_MODEL", "")
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
