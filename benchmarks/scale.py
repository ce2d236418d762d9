"""Scale benchmark: wall time, memory, candidate pairs and planted-conflict recall vs corpus size.

    python benchmarks/scale.py                       # N = 5 20 100 500, numeric + relation rules
    python benchmarks/scale.py --sizes 5 20 --types nli --nli-model ../shared/models/nli-mini-multilingual
    python benchmarks/scale.py --jobs 0 --keep /tmp/corpora

Corpora: N articles grouped in stories of ``--story-size`` articles.  Each article is one
of the seed articles with its paragraphs recombined (some dropped, one borrowed from
another seed, deterministic per article), so real text with real noise.  Planted
conflicts come from the rule packs themselves: every ``tests: conflict:`` pair of the
active French rules ``(s1, s2)``; in each story one pair is planted, ``s2`` in the
story's first article and ``s1`` in the others, so the answer is known: a planted
conflict is *found* when a finding of the pair's rule type has one side on the planted
``s2`` span and another side on an ``s1`` span.  Recall = found / planted.

Each N runs in a fresh child process (``Checker.check_paths``, the same pipeline as
``factcheck check``, with ``use_cache=False`` so every run is cold for the analysis
cache; the NLI score cache is pointed at an empty temp dir) so that peak memory
(``ru_maxrss`` of the process, plus its workers with ``-j``) is per N.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"


# ------------------------------------------------------------------------------ corpus
def paragraphs(text: str) -> list[str]:
    return [p.strip("\n") for p in text.split("\n\n") if p.strip()]


def planted_pairs(types: list[str], language: str = "fr") -> list[tuple[str, str, str, str]]:
    """(rule_id, rule_type, s1, s2) for every conflict example of the active rules."""
    from checker.run.pipeline import Checker

    checker = Checker(only_types=types)
    out = []
    for name in types:
        for rule in checker.rules_for(name):
            if rule.languages and language not in rule.languages:
                continue
            if rule.path and f"/{language}/" not in rule.path.replace("\\", "/") and "/common/" not in rule.path:
                continue
            for pair in (rule.tests or {}).get("conflict", []) or []:
                if len(pair) == 2:
                    out.append((rule.id, name, pair[0], pair[1]))
    out.sort()
    return out


def build_corpus(n: int, out_dir: Path, pairs, story_size: int = 5, seed: int = 1234) -> dict:
    seeds = sorted(SEEDS.glob("*.txt"))
    seed_paras = [paragraphs(p.read_text(encoding="utf-8")) for p in seeds]
    rng = random.Random(seed)
    out_dir.mkdir(parents=True, exist_ok=True)
    planted = []
    for i in range(n):
        story, pos = divmod(i, story_size)
        base = list(seed_paras[i % len(seed_paras)])
        other = seed_paras[(i + 1 + story) % len(seed_paras)]
        head, body = base[:1], base[1:]
        # recombine: drop ~15% of the body paragraphs, borrow one paragraph from another seed
        body = [p for p in body if rng.random() > 0.15] or body[:1]
        borrowed = other[1 + rng.randrange(max(1, len(other) - 1))] if len(other) > 1 else ""
        body.insert(rng.randrange(len(body) + 1), borrowed)
        text_parts = head + body
        planted_sentence = None
        if pairs:
            rule_id, rtype, s1, s2 = pairs[story % len(pairs)]
            planted_sentence = s2 if pos == 0 else s1
            # in the first half of the article: its tail holds teasers ("À lire également")
            # and bios, which cleaning rightly removes together with anything planted there
            insert_at = 1 + rng.randrange(max(1, len(text_parts) // 2))
            text_parts.insert(min(insert_at, len(text_parts)), planted_sentence)
        text = "\n\n".join(p for p in text_parts if p) + "\n"
        name = f"s{story:04d}_a{pos}.txt"
        (out_dir / name).write_text(text, encoding="utf-8")
        if planted_sentence is not None:
            start = text.index(planted_sentence)
            planted.append(
                {
                    "doc": name,
                    "story": story,
                    "role": "s2" if pos == 0 else "s1",
                    "rule": rule_id,
                    "type": rtype,
                    "start": start,
                    "end": start + len(planted_sentence),
                }
            )
    meta = {"n": n, "story_size": story_size, "planted": planted}
    (out_dir / "_planted.json").write_text(json.dumps(meta, indent=1), encoding="utf-8")
    return meta


def recall(findings: list[dict], meta: dict) -> tuple[int, int]:
    by_story: dict[int, dict] = {}
    for p in meta["planted"]:
        entry = by_story.setdefault(p["story"], {"s1": [], "s2": [], "type": p["type"]})
        entry[p["role"]].append(p)
    planted = found = 0

    def on(ev, p):
        return Path(ev["doc"]).name == p["doc"] and ev["start"] < p["end"] and ev["end"] > p["start"]

    for entry in by_story.values():
        if not entry["s2"] or not entry["s1"]:
            continue  # a story of one article has nothing to disagree with
        planted += 1
        s2 = entry["s2"][0]
        for f in findings:
            if f["kind"] != entry["type"]:
                continue
            # an aggregated finding shows at most 10 articles per side as evidence and lists
            # every article (with the claim's offsets) in explanation.sides: both count
            sides = f["evidence"] + f.get("sides", [])
            if any(on(ev, s2) for ev in sides) and any(on(ev, s1) for ev in sides for s1 in entry["s1"]):
                found += 1
                break
    return found, planted


# ------------------------------------------------------------------------------ child run
def child(args) -> None:
    t0 = time.perf_counter()
    from checker.context import Options
    from checker.run.pipeline import Checker

    opts = Options(jobs=args.jobs, use_cache=False, progress=False, quiet=True)
    checker = Checker(options=opts, only_types=args.types)
    paths = sorted(str(p) for p in Path(args.corpus).glob("*.txt"))
    t1 = time.perf_counter()
    result = checker.check_paths(paths)
    t2 = time.perf_counter()
    findings = [
        {
            "kind": f.kind,
            "rule": f.rule_id,
            "evidence": [{"doc": e.doc_id, "start": e.start, "end": e.end} for e in f.evidence],
            "sides": [
                {"doc": d, "start": sp[0], "end": sp[1]}
                for side in (f.explanation.get("sides") or [])
                for d, sp in zip(side.get("documents", []), side.get("spans", []))
            ],
            "evidence_n": len(f.evidence),
        }
        for f in result.findings
    ]
    self_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    kids_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    out = {
        "wall": t2 - t0,
        "check": t2 - t1,
        "setup": t1 - t0,
        "rss_kb": self_rss,
        "workers_rss_kb": kids_rss,
        "sentences": sum(len(d.sentences) for d in result.documents),
        "stats": result.stats,
        "timings": result.timings,
        "findings": findings,
        "errors": [str(e) for e in result.errors if e.kind not in ("notice",)][:20],
    }
    Path(args.result).write_text(json.dumps(out, default=str), encoding="utf-8")


def pairs_of(stats: dict, name: str) -> str:
    """Comparisons made; for value-clustered types ``decisions (k values; P claim pairs covered)``."""
    s = stats.get(name, {})
    if name == "nli":
        cand = sum(v for k, v in s.items() if k.endswith(".candidate_pairs") and isinstance(v, (int, float)))
        return str(cand)
    if "cluster_pairs_compared" in s or "value_clusters" in s:
        return (
            f"{s.get('cluster_pairs_compared', 0)} ({s.get('value_clusters', 0)}v; {s.get('claim_pairs_covered', 0)})"
        )
    for key in ("comparisons", "candidate_pairs", "pairs"):
        if key in s:
            return str(s[key])
    return f"{s.get('candidate_groups', 0)}g"


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    except (ValueError, OSError):
        mem = 0
    ncpu = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return f"{cpu}, {ncpu} cores available, {mem:.0f} GiB RAM, Python {platform.python_version()}, {platform.system()}"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[5, 20, 100, 500])
    ap.add_argument("--types", nargs="+", default=["numeric", "relation"])
    ap.add_argument("--jobs", "-j", type=int, default=1)
    ap.add_argument("--story-size", type=int, default=5)
    ap.add_argument("--nli-model", help="sets FACTCHECK_NLI_MODEL for the runs")
    ap.add_argument("--keep", help="write corpora here instead of a temp dir")
    ap.add_argument("--json", help="also write the rows as JSON")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--corpus", help=argparse.SUPPRESS)
    ap.add_argument("--result", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        child(args)
        return 0

    env = dict(os.environ)
    env.setdefault("HF_HUB_OFFLINE", "1")
    env.setdefault("TRANSFORMERS_OFFLINE", "1")
    if args.nli_model:
        env["FACTCHECK_NLI_MODEL"] = str(Path(args.nli_model).resolve())
    base = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="factcheck-scale-"))
    env["FACTCHECK_CACHE_DIR"] = str(base / "_cache")  # empty: cold NLI score cache
    pair_types = [t for t in args.types if t in ("numeric", "relation")] or args.types
    pairs = planted_pairs(pair_types)
    print(f"# machine: {machine()}")
    print(
        f"# rule types: {', '.join(args.types)}; jobs: {args.jobs}; planted pair templates: {len(pairs)}; "
        f"story size: {args.story_size}"
    )
    cols = (
        ["N", "wall s", "s/article", "peak MiB", "sentences"]
        + [f"{t} pairs" for t in args.types]
        + ["compare s", "NLI scored", "findings", "evidence/finding", "recall"]
    )
    print("| " + " | ".join(cols) + " |")
    print("|" + "---|" * len(cols))
    rows = []
    for n in args.sizes:
        corpus = base / f"n{n}"
        meta = build_corpus(n, corpus, pairs, story_size=args.story_size)
        result_path = base / f"n{n}.json"
        cmd = [
            sys.executable,
            __file__,
            "--child",
            "--corpus",
            str(corpus),
            "--result",
            str(result_path),
            "--jobs",
            str(args.jobs),
            "--types",
            *args.types,
        ]
        t = time.perf_counter()
        proc = subprocess.run(cmd, env=env, capture_output=True, text=True)
        wall = time.perf_counter() - t
        if proc.returncode != 0:
            print(f"N={n}: run failed ({proc.returncode}):\n{proc.stderr[-2000:]}", file=sys.stderr)
            continue
        res = json.loads(result_path.read_text(encoding="utf-8"))
        found, planted = recall(res["findings"], meta)
        nli = res["stats"].get("nli", {})
        nli_pairs = sum(v for k, v in nli.items() if k.endswith(".candidate_pairs") and isinstance(v, (int, float)))
        scored = sum(v for k, v in nli.items() if k.endswith(".pairs_scored") and isinstance(v, (int, float)))
        peak = max(res["rss_kb"], res["workers_rss_kb"]) / 1024
        row = {
            "n": n,
            "wall": wall,
            "check": res["check"],
            "per_article": res["check"] / n,
            "peak_mib": peak,
            "sentences": res["sentences"],
            "pairs": {t: pairs_of(res["stats"], t) for t in args.types},
            "nli_pairs_per_article": round(nli_pairs / n, 2),
            "nli_scored": scored,
            "findings": len(res["findings"]),
            "found": found,
            "planted": planted,
            "stats": res["stats"],
            "timings": res["timings"],
            "errors": res["errors"],
        }
        rows.append(row)
        rec = f"{found}/{planted}" + (f" ({found / planted:.0%})" if planted else "")
        by_type = {t: sum(1 for f in res["findings"] if f["kind"] == t) for t in args.types}
        n_ev = sum(f.get("evidence_n", len(f["evidence"])) for f in res["findings"])
        row["findings_by_type"] = by_type
        compare_s = res["timings"].get("compare", 0.0) if isinstance(res["timings"], dict) else 0.0
        cells = (
            [str(n), f"{res['check']:.1f}", f"{res['check'] / n:.3f}", f"{peak:.0f}", str(res["sentences"])]
            + [row["pairs"][t] + (f" ({nli_pairs / n:.1f}/article)" if t == "nli" else "") for t in args.types]
            + [
                f"{compare_s:.3f}",
                str(scored if "nli" in args.types else "-"),
                f"{len(res['findings'])} (" + ", ".join(f"{t[:3]} {by_type[t]}" for t in args.types) + ")",
                f"{n_ev / max(1, len(res['findings'])):.1f}",
                rec,
            ]
        )
        print("| " + " | ".join(cells) + " |", flush=True)
    print("# wall s = Checker.check_paths (load..findings) in a fresh process, excluding interpreter/plugin start-up;")
    print(
        "# pairs = decisions made: pairs of value clusters compared (k distinct values 'v'; claim pairs those "
        "decisions stand for), candidate groups 'g' where a type reports no count, NLI candidate pairs after blocking"
    )
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=1, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
