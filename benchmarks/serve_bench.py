"""``factcheck serve``: warm draft checks against a corpus of about 100 articles.

    python benchmarks/serve_bench.py                    # 50 requests, built-in rules, NLI as configured
    python benchmarks/serve_bench.py --requests 20 --no-nli

The corpus is built in a temporary directory from every article of the evaluation
stories (tests/data/eval*, tests/data/consistent) and the seeds, plus perturbed copies of
the seeds (other figures) up to ``--articles``.  The service runs for real (uvicorn on a
free loopback port, in a thread); the analysis cache starts empty, in a temporary
directory.  Measured: start-up (corpus read + warm-up: models loaded, the corpus analysed
into the cache), the first check, then ``--requests`` checks of a draft (a seed with
other figures) that changes at every request (one sentence added), so the draft is
analysed each time, as when an editor checks again after an edit: p50 / p95 / max.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import re
import shutil
import socket
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
NLI_RULES = "common.nli-contradiction,common.nli-definitions"


def build_corpus(dest: Path, articles: int, seed: int = 7) -> int:
    rng = random.Random(seed)
    sources = sorted(REPO.glob("seeds/*.txt"))
    for sub in ("eval", "eval-blind", "eval-blind-2", "eval-holdout", "consistent"):
        sources += sorted(p for p in (REPO / "tests" / "data" / sub).rglob("*") if p.suffix in (".txt", ".md", ".html"))
    n = 0
    for src in sources[:articles]:
        name = "_".join(src.relative_to(REPO).parts[-2:])
        shutil.copy(src, dest / name)
        n += 1
    seeds = sorted(REPO.glob("seeds/*.txt"))
    while n < articles:
        text = seeds[n % len(seeds)].read_text(encoding="utf-8")
        text = re.sub(r"\d+", lambda m: str(int(m.group()) + rng.choice([0, 0, 1, 2, 10])), text)
        (dest / f"variant-{n:03d}.txt").write_text(text, encoding="utf-8")
        n += 1
    return n


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _post(port: int, path: str, body: dict) -> tuple[int, dict, float]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
    data = json.dumps(body).encode("utf-8")
    t = time.perf_counter()
    conn.request("POST", path, body=data, headers={"Content-Type": "application/json"})
    resp = conn.getresponse()
    out = json.loads(resp.read())
    took = time.perf_counter() - t
    conn.close()
    return resp.status, out, took


def _pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, max(0, round(q * (len(values) - 1))))]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=100)
    ap.add_argument("--requests", type=int, default=50)
    ap.add_argument("--no-nli", action="store_true", help="disable the NLI rules")
    args = ap.parse_args(argv)

    import uvicorn

    from checker import cli
    from checker.serve.app import create_app
    from checker.serve.corpus import WarmCorpus

    work = Path(tempfile.mkdtemp(prefix="factcheck-serve-bench-"))
    corpus_dir = work / "corpus"
    corpus_dir.mkdir()
    n = build_corpus(corpus_dir, args.articles)
    os.environ["FACTCHECK_CACHE_DIR"] = str(work / "cache")
    serve_args = ["serve", str(corpus_dir), "-q"] + (["--disable", NLI_RULES] if args.no_nli else [])
    parsed = cli.build_parser().parse_args(serve_args)
    t0 = time.perf_counter()
    checker = cli._make_checker(parsed, cli._load_config(parsed))
    corpus = WarmCorpus(checker, str(corpus_dir))
    port = _free_port()
    app = create_app(corpus, warm_up=True)
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    startup = time.perf_counter() - t0
    draft = re.sub(r"\d+", lambda m: str(int(m.group()) + 3), (REPO / "seeds").glob("*.txt").__next__().read_text())
    try:
        status, report, first = _post(port, "/check", {"text": draft, "name": "draft.txt"})
        assert status == 200, report
        times = []
        for i in range(args.requests):
            text = draft + f"\nMise à jour numéro {i + 1} de ce brouillon.\n"
            status, report, took = _post(port, "/check", {"text": text, "name": "draft.txt"})
            assert status == 200, report
            times.append(took)
    finally:
        server.should_exit = True
        thread.join(timeout=30)
        shutil.rmtree(work, ignore_errors=True)
    print(
        f"## `factcheck serve`: draft checks against {n} articles ({'NLI off' if args.no_nli else 'NLI as configured'})\n"
    )
    print("| start-up s (read + warm-up) | first check s | requests | p50 s | p95 s | max s | findings |")
    print("|---|---|---|---|---|---|---|")
    print(
        f"| {startup:.1f} | {first:.2f} | {len(times)} | {statistics.median(times):.2f} | {_pct(times, 0.95):.2f} | "
        f"{max(times):.2f} | {len(report['findings'])} |"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
