"""Quality on the evaluation corpus (``tests/data/eval/``): recall and precision per story.

Every story is a folder of articles plus ``annotations.yaml``::

    story: en-regulatory-fine
    conflicts:                       # what the checker must find
      - id: fine-amount
        kind: numeric                # numeric | relation | claim (an NLI finding) | any
        category: digits             # optional: digits words units scales bounds dates role relation claim
        a: {doc: a.txt, quote: "€350 million"}
        b: {doc: c.txt, quote: "€530 million"}
    non_conflicts:                   # compatible statements that must not be reported
      - id: fine-bound
        a: {doc: a.txt, quote: "€350 million"}
        b: {doc: b.txt, quote: "more than €300 million"}

A finding at level warning or above *matches* an annotated pair when its evidence links
the two documents and each quote substring occurs (case, accent, space and apostrophe
insensitive) in the evidence quote or the sentence around that evidence on its side.

* recall    = expected conflicts matched by at least one finding (of the same kind) / expected
* precision = findings that match an expected conflict / all findings >= warning
* false alarms = findings >= warning that match no expected conflict; those that match an
  annotated non-conflict are listed as such, the others as "unannotated".
* a finding inside one document (``within_document``: a weekday that is not its date's)
  matches a conflict when its evidence is one side of it;
* per category (``category:`` of each conflict, else its kind): recall; per finding kind
  (numeric, relation, nli): precision.  A story with ``conflicts: []`` is consistent
  coverage: every finding at warning or above is a false alarm.

Usage::

    python benchmarks/eval_corpus.py [STORY_DIR ...] [--only-types numeric relation entities]
                                     [--nli] [--min-level warning] [-v] [--json FILE]

``--nli`` adds the NLI rule type (with ``FACTCHECK_NLI_MODEL``, e.g. the stand-in model).

The last line of the output is a JSON object with the totals.
"""

from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from checker.context import Options  # noqa: E402
from checker.model import LEVELS  # noqa: E402
from checker.run.pipeline import Checker  # noqa: E402

EVAL_DIR = ROOT / "tests" / "data" / "eval"
DEFAULT_TYPES = ["numeric", "relation", "entities"]
#: the finding kind an annotated conflict kind is found by
FINDING_KIND = {"claim": "nli"}
NUMERIC_CATEGORIES = ("digits", "words", "units", "scales", "bounds", "dates", "numeric")


def category(item: dict) -> str:
    return str(item.get("category") or item.get("kind") or "any")


def norm(text: str) -> str:
    """Case-, accent-, apostrophe- and space-insensitive form used to match quotes."""
    t = unicodedata.normalize("NFKD", text)
    t = "".join(c for c in t if not unicodedata.combining(c)).lower()
    t = t.replace("’", "'").replace("‘", "'").replace("\u00a0", " ").replace("\u202f", " ")
    return " ".join(t.split())


def load_story(folder: Path) -> dict[str, Any]:
    path = folder / "annotations.yaml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        data = {"_load_error": f"{where}: cannot read annotations: {getattr(exc, 'problem', exc)}"}
    if not isinstance(data, dict):
        data = {"_load_error": f"{path}: annotations must be a mapping"}
    docs = sorted(p.name for p in folder.glob("*.txt"))
    texts = {name: (folder / name).read_text(encoding="utf-8") for name in docs}
    problems = [data.pop("_load_error")] if "_load_error" in data else []
    for section in ("conflicts", "non_conflicts"):
        for item in data.get(section) or []:
            for side in ("a", "b"):
                s = item.get(side) or {}
                if s.get("doc") not in texts:
                    problems.append(f"{path}: {item.get('id')}: unknown document {s.get('doc')!r}")
                elif norm(s.get("quote", "")) not in norm(texts[s["doc"]]):
                    problems.append(f"{path}: {item.get('id')}: quote {s.get('quote')!r} not in {s['doc']}")
    data["_texts"] = texts
    data["_problems"] = problems
    data.setdefault("story", folder.name)
    return data


def _sentence_text(doc, start: int, end: int) -> str:
    parts = [s.text for s in doc.sentences if s.start < max(end, start + 1) and start < s.end]
    return " ".join(parts)


def finding_sides(finding, docs: dict) -> list[tuple[str, str]]:
    """(document name, normalised text: evidence quote + its sentence) per evidence."""
    out = []
    for ev in finding.evidence:
        doc = docs.get(ev.doc_id)
        name = Path(ev.doc_id).name
        text = ev.quote or ""
        if doc is not None:
            text += " " + _sentence_text(doc, ev.start, ev.end)
        out.append((name, norm(text)))
    return out


def matches(sides: list[tuple[str, str]], item: dict) -> bool:
    a, b = item["a"], item["b"]

    def side_ok(spec, side):
        return side[0] == spec["doc"] and norm(spec["quote"]) in side[1]

    if len(sides) == 1:  # a finding inside one document (a weekday that is not its date's)
        return side_ok(a, sides[0]) or side_ok(b, sides[0])
    for i, si in enumerate(sides):
        for j, sj in enumerate(sides):
            if i != j and side_ok(a, si) and side_ok(b, sj):
                return True
    return False


def evaluate_story(checker: Checker, folder: Path, min_level: str = "warning") -> dict[str, Any]:
    story = load_story(folder)
    texts = story["_texts"]
    result = checker.check_texts(texts)
    docs = {d.id: d for d in result.documents}
    floor = LEVELS.index(min_level)
    findings = [f for f in result.findings if LEVELS.index(f.level) >= floor]
    expected = story.get("conflicts") or []
    negatives = story.get("non_conflicts") or []
    found_ids: list[str] = []
    missed: list[dict] = []
    sides_of = [finding_sides(f, docs) for f in findings]
    matched_finding = [False] * len(findings)
    for item in expected:
        kind = item.get("kind", "any")
        kind = FINDING_KIND.get(kind, kind)
        hit = False
        for k, f in enumerate(findings):
            if kind != "any" and f.kind != kind:
                continue
            if matches(sides_of[k], item):
                hit = True
                matched_finding[k] = True
        (found_ids.append(item["id"]) if hit else missed.append(item))
    false_alarms = []
    for k, f in enumerate(findings):
        if matched_finding[k]:
            continue
        # a finding of another kind on an expected conflict is right, though not counted for recall
        if any(matches(sides_of[k], item) for item in expected):
            matched_finding[k] = True
            continue
        annotated = [n["id"] for n in negatives if matches(sides_of[k], n)]
        false_alarms.append(
            {
                "rule": f.rule_id,
                "kind": f.kind,
                "level": f.level,
                "annotated": annotated[0] if annotated else None,
                "sides": [f"{Path(e.doc_id).name}: {e.quote[:90]}" for e in f.evidence],
            }
        )
    tp = sum(matched_finding)
    by_category: dict[str, list[int]] = {}
    for item in expected:
        by_category.setdefault(category(item), [0, 0])
        by_category[category(item)][1] += 1
        if item["id"] in found_ids:
            by_category[category(item)][0] += 1
    by_kind: dict[str, list[int]] = {}
    for k, f in enumerate(findings):
        by_kind.setdefault(f.kind, [0, 0])
        by_kind[f.kind][1] += 1
        by_kind[f.kind][0] += int(matched_finding[k])
    return {
        "story": story["story"],
        "recall_by_category": by_category,
        "precision_by_kind": by_kind,
        "expected": len(expected),
        "found": len(found_ids),
        "missed": [m["id"] for m in missed],
        "findings": len(findings),
        "correct_findings": tp,
        "false_alarms": false_alarms,
        "annotated_false_alarms": sum(1 for fa in false_alarms if fa["annotated"]),
        "non_conflicts": len(negatives),
        "problems": story["_problems"],
        "input_errors": [str(e) for e in result.errors],
    }


def _ratio(a: int, b: int) -> float:
    return round(a / b, 3) if b else 1.0


def _sum_pairs(stories: list[dict], key: str) -> dict[str, list[int]]:
    out: dict[str, list[int]] = {}
    for s in stories:
        for name, (good, total) in s[key].items():
            acc = out.setdefault(name, [0, 0])
            acc[0] += good
            acc[1] += total
    return dict(sorted(out.items()))


def evaluate(folders: list[Path], only_types=DEFAULT_TYPES, min_level: str = "warning") -> dict[str, Any]:
    # no analysis cache: the measure must reflect the code and rules as they are now
    checker = Checker(only_types=list(only_types) if only_types else None, options=Options(use_cache=False))
    stories = [evaluate_story(checker, f, min_level) for f in folders]
    expected = sum(s["expected"] for s in stories)
    found = sum(s["found"] for s in stories)
    nfind = sum(s["findings"] for s in stories)
    correct = sum(s["correct_findings"] for s in stories)
    fa = sum(len(s["false_alarms"]) for s in stories)
    cats = _sum_pairs(stories, "recall_by_category")
    numeric = [sum(cats.get(c, [0, 0])[i] for c in NUMERIC_CATEGORIES) for i in (0, 1)]
    return {
        "stories": stories,
        "recall_by_category": {k: _ratio(*v) for k, v in cats.items()},
        "counts_by_category": cats,
        "precision_by_kind": {k: _ratio(*v) for k, v in _sum_pairs(stories, "precision_by_kind").items()},
        "counts_by_kind": _sum_pairs(stories, "precision_by_kind"),
        "totals": {
            "numeric_recall": _ratio(*numeric),
            "stories": len(stories),
            "expected": expected,
            "found": found,
            "recall": _ratio(found, expected),
            "findings": nfind,
            "correct_findings": correct,
            "precision": _ratio(correct, nfind),
            "false_alarms": fa,
            "annotated_false_alarms": sum(s["annotated_false_alarms"] for s in stories),
            "non_conflicts": sum(s["non_conflicts"] for s in stories),
            "annotation_problems": sum(len(s["problems"]) for s in stories),
        },
    }


def story_folders(paths: list[str]) -> list[Path]:
    if not paths:
        return sorted(p for p in EVAL_DIR.iterdir() if (p / "annotations.yaml").is_file())
    out = []
    for p in map(Path, paths):
        if (p / "annotations.yaml").is_file():
            out.append(p)
        elif p.is_dir():
            out.extend(sorted(q for q in p.iterdir() if (q / "annotations.yaml").is_file()))
        else:
            print(f"{p}: not a story folder (no annotations.yaml)", file=sys.stderr)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("stories", nargs="*", help="story folders (default: every folder of tests/data/eval)")
    ap.add_argument("--only-types", nargs="+", default=DEFAULT_TYPES, help="rule types to run (NLI off by default)")
    ap.add_argument("--min-level", default="warning", choices=LEVELS)
    ap.add_argument("--nli", action="store_true", help="also run the NLI rule type (FACTCHECK_NLI_MODEL)")
    ap.add_argument("-v", "--verbose", action="store_true", help="list the false alarms")
    ap.add_argument("--json", metavar="FILE", help="write the whole report (per story, category, kind) as JSON")
    args = ap.parse_args(argv)
    if args.nli and "nli" not in args.only_types:
        args.only_types = list(args.only_types) + ["nli"]
    folders = story_folders(args.stories)
    if not folders:
        print("no story found", file=sys.stderr)
        return 2
    report = evaluate(folders, args.only_types, args.min_level)
    print(f"{'story':32} {'recall':>12} {'precision':>12} {'false alarms (annotated)':>26}")
    for s in report["stories"]:
        print(
            f"{s['story']:32} {s['found']:>4}/{s['expected']:<3} {_ratio(s['found'], s['expected']):.2f} "
            f"{s['correct_findings']:>4}/{s['findings']:<3} {_ratio(s['correct_findings'], s['findings']):.2f} "
            f"{len(s['false_alarms']):>14} ({s['annotated_false_alarms']})"
        )
        for p in s["problems"]:
            print(f"    ANNOTATION PROBLEM: {p}")
        if args.verbose:
            if s["missed"]:
                print(f"    missed: {', '.join(s['missed'])}")
            for fa in s["false_alarms"]:
                tag = f"non-conflict {fa['annotated']}" if fa["annotated"] else "unannotated"
                print(f"    FALSE ALARM [{tag}] {fa['rule']} ({fa['level']}): {' | '.join(fa['sides'])}")
    t = report["totals"]
    print(
        f"{'TOTAL':32} {t['found']:>4}/{t['expected']:<3} {t['recall']:.2f} "
        f"{t['correct_findings']:>4}/{t['findings']:<3} {t['precision']:.2f} "
        f"{t['false_alarms']:>14} ({t['annotated_false_alarms']})"
    )
    print(
        "recall by category: "
        + ", ".join(
            f"{k} {report['counts_by_category'][k][0]}/{report['counts_by_category'][k][1]}"
            for k in report["counts_by_category"]
        )
    )
    print(
        "precision by kind:  "
        + ", ".join(
            f"{k} {report['counts_by_kind'][k][0]}/{report['counts_by_kind'][k][1]}" for k in report["counts_by_kind"]
        )
    )
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=1, sort_keys=True, default=str), encoding="utf-8")
    print(json.dumps(t, sort_keys=True))
    return 0


if __name__ == "__main__":
    sys.exit(main())
