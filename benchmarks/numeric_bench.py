"""Numeric plugin benchmark: quantity-parser throughput and the plugin's time on seeds/.

    python benchmarks/numeric_bench.py [--repeat N]

Prints expressions/s for the parser (the table of tests/test_numeric_parse.py plus
the seed sentences) and the numeric rule type's extract+compare time on the seeds.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))


def parser_throughput(repeat: int) -> tuple[int, float]:
    from test_numeric_parse import CASES, NOT_QUANTITIES, VAGUE

    from plugins.numeric.parse import parse_quantities

    exprs = [(c[0], c[1]) for c in CASES] + list(NOT_QUANTITIES) + [(v[0], v[1]) for v in VAGUE]
    for text, lang in exprs:  # warm the regex/text2num caches
        parse_quantities(text, lang)
    t = time.perf_counter()
    for _ in range(repeat):
        for text, lang in exprs:
            parse_quantities(text, lang)
    dt = time.perf_counter() - t
    return len(exprs) * repeat, dt


def seeds_timing() -> dict:
    from checker.context import Options
    from checker.run.pipeline import Checker

    # analysis cache off: measure the work, not a cache hit
    checker = Checker(only_types=["numeric"], options=Options(use_cache=False, progress=False))
    texts = {f.name: f.read_text(encoding="utf-8") for f in sorted((ROOT / "seeds").glob("*.txt"))}
    checker.check_texts(texts)  # warm-up: loads spaCy
    t = time.perf_counter()
    r = checker.check_texts(texts)
    total = time.perf_counter() - t
    return {
        "total_s": total,
        "extract_s": r.timings.get("extract", 0.0),
        "compare_s": r.timings.get("compare", 0.0),
        "timings": r.timings,
        "stats": r.stats.get("numeric", {}),
        "findings": len(r.findings),
        "chars": sum(len(t) for t in texts.values()),
    }


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=50)
    args = ap.parse_args()
    n, dt = parser_throughput(args.repeat)
    print(f"parser: {n} expressions in {dt:.3f}s = {n / dt:,.0f} expressions/s")
    s = seeds_timing()
    print(
        f"seeds ({s['chars']:,} chars, 5 docs): whole run {s['total_s']:.2f}s; numeric extract {s['extract_s']:.3f}s, "
        f"pair+compare {s['compare_s']:.4f}s; findings {s['findings']}; stats {s['stats']}"
    )
    print("timings:", {k: round(v, 3) for k, v in s["timings"].items()})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
