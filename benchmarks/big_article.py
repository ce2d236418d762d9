"""Big-input benchmark: one very long article checked against the seeds.

    python benchmarks/big_article.py                    # 1 MB and 2 MB articles + seeds/
    python benchmarks/big_article.py --sizes 0.2 1 2 --profile /tmp/big.prof

The article is generated at run time (never committed): paragraphs of the seed articles,
in turn, with every figure varied (each digit run shifted by a per-paragraph offset, so the
text has many distinct numbers, dates and years, as a long report or a live blog would),
until the requested size in bytes (UTF-8) is reached.  Each size runs in a fresh child
process (``Checker.check_paths`` on the article and the seeds, as ``factcheck check
big.txt seeds/`` does, analysis cache off), which reports wall time, CPU time and peak RSS
(``ru_maxrss``), the sentences read and the comparisons made per rule type.  The default
NLI model is not available offline: the NLI rule type is left out (``--types``), as
``--disable nli`` would.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
_DIGITS = re.compile(r"\d+")


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.split("\n\n") if p.strip()]


def _article_body(paragraph: str) -> bool:
    """Whether cleaning keeps this paragraph: no teaser, byline, bio or breadcrumb.

    A teaser early in a page means "what follows is related content"; one seed's
    "À lire également" would otherwise cut the rest of the generated article.
    """
    from checker.text.clean import BIO_ROLE, BREADCRUMB, BYLINE, FAQ_HEADING, SITE, TEASER_MARKER

    furniture = (TEASER_MARKER, BYLINE, SITE, BREADCRUMB, FAQ_HEADING)
    if any(r.match(paragraph) for r in furniture) or BIO_ROLE.search(paragraph):
        return False
    return len(paragraph.split()) >= 8


def _vary(paragraph: str, shift: int) -> str:
    """The paragraph with each digit run changed (same number of digits, no leading zero)."""

    def repl(m: re.Match) -> str:
        s = m.group(0)
        width = len(s)
        value = (int(s) + shift) % (10**width)
        if width > 1 and value < 10 ** (width - 1):
            value += 10 ** (width - 1)
        return str(value).zfill(width)

    return _DIGITS.sub(repl, paragraph)


def build_article(size_bytes: int, seeds: Path = SEEDS) -> str:
    """A deterministic article of at least ``size_bytes`` UTF-8 bytes made of varied seed paragraphs."""
    paras = [p for f in sorted(seeds.glob("*.txt")) for p in _paragraphs(f.read_text(encoding="utf-8"))]
    paras = [p for p in paras if _article_body(p)]
    out: list[str] = ["Rapport annuel : l'intelligence artificielle en France"]
    size = len(out[0].encode("utf-8"))
    i = 0
    while size < size_bytes:
        p = _vary(paras[i % len(paras)], shift=i // len(paras))
        out.append(p)
        size += len(p.encode("utf-8")) + 2
        i += 1
    return "\n\n".join(out) + "\n"


def child(args) -> None:
    t0 = time.perf_counter()
    c0 = time.process_time()
    from checker.context import Options
    from checker.run.pipeline import Checker

    opts = Options(use_cache=False, progress=False, quiet=True)
    checker = Checker(options=opts, only_types=args.types)
    paths = [args.article, *sorted(str(p) for p in SEEDS.glob("*.txt"))]
    t1 = time.perf_counter()
    if args.profile:
        import cProfile

        prof = cProfile.Profile(time.process_time)  # CPU time: the machine may be shared
        result = prof.runcall(checker.check_paths, paths)
        prof.dump_stats(args.profile)
    else:
        result = checker.check_paths(paths)
    t2 = time.perf_counter()
    big = next(d for d in result.documents if d.path and Path(d.path).name == Path(args.article).name)
    out = {
        "check": t2 - t1,
        "setup": t1 - t0,
        "cpu": time.process_time() - c0,
        "rss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        "sentences": len(big.sentences),
        "findings": len(result.findings),
        "timings": result.timings,
        "stats": result.stats,
        "errors": [str(e) for e in result.errors if e.kind != "notice"][:10],
    }
    Path(args.result).write_text(json.dumps(out, default=str), encoding="utf-8")


def comparisons(stats: dict, name: str) -> int:
    s = stats.get(name, {})
    for key in ("cluster_pairs_compared", "comparisons", "candidate_pairs", "pairs"):
        if isinstance(s.get(key), (int, float)):
            return int(s[key])
    return 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=float, nargs="+", default=[1.0, 2.0], help="article sizes in MB (2**20 bytes)")
    ap.add_argument("--types", nargs="+", default=["numeric", "relation", "entities"])
    ap.add_argument("--profile", help="write a cProfile of check_paths here (one size)")
    ap.add_argument("--keep", help="write the articles here instead of a temp dir")
    ap.add_argument("--json", help="also write the rows as JSON")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--article", help=argparse.SUPPRESS)
    ap.add_argument("--result", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        child(args)
        return 0
    env = dict(os.environ, HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1")
    base = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="factcheck-big-"))
    base.mkdir(parents=True, exist_ok=True)
    cols = ["MB", "chars", "sentences", "wall s", "CPU s", "peak MiB", "segment s", "extract s", "compare s"]
    cols += [f"{t} comparisons" for t in args.types] + ["findings"]
    print(f"# rule types: {', '.join(args.types)}; article + {len(list(SEEDS.glob('*.txt')))} seeds")
    print("| " + " | ".join(cols) + " |")
    print("|" + "---|" * len(cols))
    rows = []
    for mb in args.sizes:
        text = build_article(int(mb * 2**20))
        article = base / f"big_{mb:g}mb.txt"
        article.write_text(text, encoding="utf-8")
        result = base / f"big_{mb:g}mb.json"
        cmd = [sys.executable, __file__, "--child", "--article", str(article), "--result", str(result)]
        cmd += ["--types", *args.types] + (["--profile", args.profile] if args.profile else [])
        proc = subprocess.run(cmd, env=env, capture_output=True, text=True)
        if proc.returncode != 0:
            print(f"{mb} MB: run failed ({proc.returncode}):\n{proc.stderr[-2000:]}", file=sys.stderr)
            continue
        res = json.loads(result.read_text(encoding="utf-8"))
        tm = res["timings"]
        row = {"mb": mb, "chars": len(text), **res}
        rows.append(row)
        cells = [f"{mb:g}", str(len(text)), str(res["sentences"]), f"{res['check']:.1f}", f"{res['cpu']:.1f}"]
        cells += [f"{res['rss_kb'] / 1024:.0f}"]
        cells += [f"{tm.get(k, 0.0):.1f}" for k in ("segment", "extract", "compare")]
        cells += [str(comparisons(res["stats"], t)) for t in args.types] + [str(res["findings"])]
        print("| " + " | ".join(cells) + " |", flush=True)
        if res["errors"]:
            print(f"#   errors: {res['errors']}", flush=True)
    print("# wall s = Checker.check_paths (load..findings) in a fresh process; CPU s includes start-up")
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=1, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
