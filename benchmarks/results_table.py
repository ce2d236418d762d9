"""Markdown tables for benchmarks/RESULTS.md from ``eval_corpus.py --json`` reports.

    python benchmarks/eval_corpus.py tests/data/eval/* --json out/eval.json
    ...
    python benchmarks/results_table.py dev=out/eval.json blind=out/eval-blind.json ...

Prints one table of totals (recall, precision, numeric recall, false alarms) per corpus and
one table of recall per category, corpora side by side.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def _load(arg: str) -> tuple[str, dict]:
    name, _, path = arg.partition("=")
    return name, json.loads(Path(path).read_text(encoding="utf-8"))


def _cell(counts: list[int] | None) -> str:
    if not counts or not counts[1]:
        return "–"
    return f"{counts[0]}/{counts[1]} ({counts[0] / counts[1]:.2f})"


def totals_table(reports: list[tuple[str, dict]]) -> str:
    rows = [
        "| corpus | recall | precision | numeric recall | false alarms (on annotated traps) |",
        "|---|---|---|---|---|",
    ]
    for name, r in reports:
        t = r["totals"]
        rows.append(
            f"| {name} | {t['found']}/{t['expected']} ({t['recall']:.2f}) | "
            f"{t['correct_findings']}/{t['findings']} ({t['precision']:.2f}) | {t['numeric_recall']:.2f} | "
            f"{t['false_alarms']} ({t['annotated_false_alarms']}) |"
        )
    return "\n".join(rows)


def by_table(reports: list[tuple[str, dict]], key: str, title: str) -> str:
    names = sorted({k for _, r in reports for k in r[key]})
    rows = [f"| {title} | " + " | ".join(n for n, _ in reports) + " |", "|---|" + "---|" * len(reports)]
    for k in names:
        rows.append(f"| {k} | " + " | ".join(_cell(r[key].get(k)) for _, r in reports) + " |")
    return "\n".join(rows)


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    reports = [_load(a) for a in argv]
    print(totals_table(reports))
    print()
    print(by_table(reports, "counts_by_category", "recall by category"))
    print()
    print(by_table(reports, "counts_by_kind", "precision by finding kind"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
