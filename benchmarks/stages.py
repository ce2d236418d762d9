"""Pipeline stage timings on the seeds, and cold vs warm ``factcheck check seeds/``.

    python benchmarks/stages.py                 # numeric + relation + NLI (if a model is configured)
    python benchmarks/stages.py --repeat 3 --types numeric relation

Part 1 runs ``Checker.check_paths`` in-process (after a warm-up run that loads spaCy,
so the table shows steady-state stage costs; the first, cold, run is printed too) and
prints ``Result.timings``: load, clean, segment, annotate, extract, compare, findings,
plus the report (text writer) time.

Part 2 runs the real CLI, ``factcheck check seeds/ -f json``, in fresh processes with
an empty cache directory: once cold (cache empty: spaCy, lingua and models load) and
then warm (the analysis cache and NLI score cache populated), and prints wall times
and whether the warm process imported spaCy / torch (``-X importtime``).

Part 3 (``--cold-split``) splits one cold ``factcheck check seeds/`` without NLI rules
(fresh process, empty cache) into: interpreter + imports, setup (plugins, rules), each
stage, and inside them the spaCy import + pipeline load and the language identifier's
first use; next to it, in a fresh process of the same run, the floor: ``import spacy;
spacy.load("fr_core_news_sm")``.  The target is a cold check within 1.5x of that floor.

    python benchmarks/stages.py --cold-split --no-in-process --no-cli
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
STAGES = ("load", "clean", "segment", "annotate", "extract", "compare", "findings")


def in_process(types: list[str] | None, repeat: int) -> None:
    from checker.context import Options
    from checker.run.pipeline import Checker

    paths = sorted(str(p) for p in SEEDS.glob("*.txt"))
    rows = []
    for _ in range(repeat + 1):
        opts = Options(use_cache=False, progress=False, quiet=True)
        t0 = time.perf_counter()
        checker = Checker(options=opts, only_types=types)
        t1 = time.perf_counter()
        result = checker.check_paths(paths)
        t2 = time.perf_counter()
        report = _report(result)
        t3 = time.perf_counter()
        row = {
            "setup": t1 - t0,
            **{k: result.timings.get(k, 0.0) for k in STAGES},
            "report": t3 - t2,
            "total": t3 - t0,
            "findings_n": len(result.findings),
            "report_bytes": report,
        }
        rows.append(row)
    sents = sum(len(d.sentences) for d in result.documents)
    print(
        f"## Stages on seeds/ ({len(paths)} articles, {sents} sentences, rule types: "
        f"{', '.join(types) if types else 'all'}; analysis cache off)\n"
    )
    cols = ["run", "setup"] + list(STAGES) + ["report", "total", "findings"]
    print("| " + " | ".join(cols) + " |")
    print("|" + "---|" * len(cols))
    for i, r in enumerate(rows):
        label = "cold (1st, loads spaCy)" if i == 0 else f"warm #{i}"
        print(
            "| "
            + " | ".join(
                [label] + [f"{r[k]:.3f}" for k in ["setup", *STAGES, "report", "total"]] + [str(r["findings_n"])]
            )
            + " |"
        )
    if len(rows) > 1:
        warm = rows[1:]
        best = {k: min(r[k] for r in warm) for k in ["setup", *STAGES, "report", "total"]}
        print(
            "| best warm | "
            + " | ".join(f"{best[k]:.3f}" for k in ["setup", *STAGES, "report", "total"])
            + f" | {rows[-1]['findings_n']} |"
        )


def _report(result) -> int:
    """Write the human text report (what `factcheck check` prints by default); its size."""
    from checker.report import Report
    from checker.report.text import write_text

    buf = io.StringIO()
    write_text(
        Report(
            documents=result.documents,
            findings=result.findings,
            errors=result.errors,
            stats=result.stats,
            timings=result.timings,
        ),
        buf,
    )
    return len(buf.getvalue())


def cli_runs(types: list[str] | None, warm_runs: int) -> None:
    exe = shutil.which("factcheck") or f"{sys.executable} -m checker"
    cache = Path(tempfile.mkdtemp(prefix="factcheck-stages-cache-"))
    env = dict(os.environ, FACTCHECK_CACHE_DIR=str(cache), HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1")
    base = [*exe.split(), "check", "seeds/", "-f", "json", "-o", os.devnull]
    print(f"\n## `factcheck check seeds/` in fresh processes (cache dir {cache})\n")
    print("| run | wall s | exit | imports spaCy | imports torch |")
    print("|---|---|---|---|---|")
    for i in range(1 + warm_runs):
        t = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, "-X", "importtime", "-m", "checker", *base[len(exe.split()) :]],
            cwd=REPO,
            env=env,
            capture_output=True,
            text=True,
        )
        wall = time.perf_counter() - t
        mods = {line.split("|")[-1].strip() for line in proc.stderr.splitlines() if line.startswith("import time:")}
        label = "cold (empty cache)" if i == 0 else f"warm #{i}"
        print(
            f"| {label} | {wall:.2f} | {proc.returncode} | {'yes' if 'spacy' in mods else 'no'} | "
            f"{'yes' if 'torch' in mods else 'no'} |",
            flush=True,
        )
    # wall time without -X importtime (which adds overhead of its own)
    t = time.perf_counter()
    proc = subprocess.run(base, cwd=REPO, env=env, capture_output=True, text=True)
    print(f"| warm, plain `factcheck` | {time.perf_counter() - t:.2f} | {proc.returncode} | | |")
    shutil.rmtree(cache, ignore_errors=True)


_COLD_DRIVER = r"""
import json, sys, time
t0 = time.perf_counter()
from checker import cli
t_import = time.perf_counter() - t0
from checker.text import embed, langid, nlp

split = {"spacy": 0.0, "langid": 0.0, "langid first": 0.0, "regex": 0.0, "encoder load": 0.0, "encode": 0.0,
         "encoded": 0}


def timed(key, fn, first=None):
    def wrapper(*a, **k):
        t = time.perf_counter()
        try:
            return fn(*a, **k)
        finally:
            took = time.perf_counter() - t
            split[key] += took
            if first and not split[first]:
                split[first] = took
    return wrapper


nlp.NlpProvider.get = timed("spacy", nlp.NlpProvider.get)
langid.detect = timed("langid", langid.detect, first="langid first")
from checker.text import clean
clean.detect = langid.detect
embed.load_embedder = timed("encoder load", embed.load_embedder)
_encode = embed.EmbeddingService._encode
def counted_encode(self, texts, kind, *a, **k):
    split["encoded"] += len(texts)
    return _encode(self, texts, kind, *a, **k)
embed.EmbeddingService._encode = timed("encode", counted_encode)
try:
    from plugins.relations import patterns, ruletype as relation_type
    patterns.compile_source = relation_type.compile_source = timed("regex", patterns.compile_source)
except ImportError:
    pass
args = cli.build_parser().parse_args(sys.argv[1:])
t = time.perf_counter()
checker = cli._make_checker(args, cli._load_config(args))
t_setup = time.perf_counter() - t
t = time.perf_counter()
result = checker.check_paths(args.paths)
t_check = time.perf_counter() - t
t = time.perf_counter()
import io
from checker.report import Report
buf = io.StringIO()
checker.host.formats["json"](Report(documents=result.documents, findings=result.findings, errors=result.errors,
                                    stats=result.stats, timings=result.timings), buf)
t_report = time.perf_counter() - t
heavy = [m for m in ("torch", "transformers") if m in sys.modules]
print(json.dumps({"import": t_import, "setup": t_setup, "check": t_check, "report": t_report,
                  "timings": result.timings, "split": split, "findings": len(result.findings), "heavy": heavy}))
"""

_FLOOR = (
    "import time; t = time.perf_counter(); import spacy; spacy.load('fr_core_news_sm'); print(time.perf_counter() - t)"
)


def cold_split(runs: int, before: str | None = None) -> None:
    """Cold check without NLI rules vs importing spaCy + loading fr_core_news_sm, alternated.

    ``before``: another source tree (e.g. ``git archive REV | tar -x -C DIR``) run the same way
    after each run of this one, for a before/after in the same conditions."""
    trees = [("this tree", str(REPO))] + ([("before", before)] if before else [])
    env = dict(os.environ, HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", PYTHONPATH=str(REPO))
    nli = "common.nli-contradiction,common.nli-definitions"
    args = ["check", str(SEEDS), "--no-cache", "--disable", nli, "-q"]
    print(f"\n## Cold `factcheck check seeds/` without NLI rules vs the spaCy floor ({runs} alternated runs)\n")
    cols = ["run", "floor s", "cold wall s", "ratio", "import", "setup", *STAGES, "report"]
    cols += ["spaCy import+load", "langid (1st call)", "relation regexes", "encoder load", "encode (texts)"]
    print("| " + " | ".join(cols) + " | torch/transformers |")
    print("|" + "---|" * (len(cols) + 1))
    for i, (label, tree) in ((i, t) for i in range(runs) for t in trees):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-c", _FLOOR], env=env, capture_output=True, text=True, check=True)
        floor = time.perf_counter() - t
        t = time.perf_counter()
        tree_env = dict(env, PYTHONPATH=tree)
        proc = subprocess.run(
            [sys.executable, "-c", _COLD_DRIVER, *args], cwd=tree, env=tree_env, capture_output=True, text=True
        )
        wall = time.perf_counter() - t
        if proc.returncode != 0:
            print(f"| {i + 1} {label} | failed: {proc.stderr.strip().splitlines()[-1:]} |")
            continue
        out = __import__("json").loads(proc.stdout.strip().splitlines()[-1])
        cells = [f"{out['import']:.2f}", f"{out['setup']:.2f}"]
        cells += [f"{out['timings'].get(k, 0.0):.2f}" for k in STAGES]
        sp = out["split"]
        cells += [f"{out['report']:.2f}", f"{sp['spacy']:.2f}", f"{sp['langid']:.2f} ({sp['langid first']:.2f})"]
        cells += [f"{sp['regex']:.2f}", f"{sp['encoder load']:.2f}", f"{sp['encode']:.2f} ({sp['encoded']})"]
        print(
            f"| {i + 1} {label} | {floor:.2f} | {wall:.2f} | {wall / floor:.2f} | "
            + " | ".join(cells)
            + f" | {', '.join(out['heavy']) or 'none'} |",
            flush=True,
        )


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--types", nargs="+", default=None, help="rule types (default: all installed)")
    ap.add_argument("--repeat", type=int, default=2, help="warm in-process runs after the cold one")
    ap.add_argument("--warm-runs", type=int, default=2, help="warm CLI runs after the cold one")
    ap.add_argument("--no-cli", action="store_true")
    ap.add_argument("--no-in-process", action="store_true")
    ap.add_argument("--cold-split", type=int, nargs="?", const=3, default=0, metavar="RUNS")
    ap.add_argument("--before", metavar="DIR", help="with --cold-split: also run this source tree (before/after)")
    args = ap.parse_args(argv)
    if not args.no_in_process:
        in_process(args.types, args.repeat)
    if not args.no_cli:
        cli_runs(args.types, args.warm_runs)
    if args.cold_split:
        cold_split(args.cold_split, args.before)
    return 0


if __name__ == "__main__":
    sys.exit(main())
