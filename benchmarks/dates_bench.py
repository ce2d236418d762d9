"""Speed of date finding (plugins/numeric/dates.py) per sentence, warm, as one figure.

    python benchmarks/dates_bench.py

Timing lives here, not in unit tests: on a shared machine only a figure measured in one
run means something.
"""

from __future__ import annotations

import datetime
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from plugins.numeric.dates import find_dates  # noqa: E402

ANCHOR = datetime.date(2026, 3, 4)
SENTENCES = [
    ("fr", "Selon le ministère, plus de 1 500 manifestants ont défilé samedi, contre 2 000 la veille."),
    ("fr", "Le gouvernement a annoncé une enveloppe de 45 millions d'euros pour les sinistrés."),
    ("fr", "Les faits se sont déroulés dans la nuit du 16 au 17 novembre, selon le parquet."),
    ("en", "Police arrested 2,000 people on Wednesday, Aug. 6, at 7:42 a.m. in Chicago."),
    ("en", "The company said revenue rose 12% to $4.5bn in the third quarter."),
]


def main(rounds: int = 200) -> None:
    for lang, s in SENTENCES:  # warm the dateparser setup
        find_dates(s, lang, anchor=ANCHOR)
    t0 = time.perf_counter()
    for i in range(rounds):
        for lang, s in SENTENCES:
            find_dates(s + " " * (i % 5), lang, anchor=ANCHOR)
    per_sentence = (time.perf_counter() - t0) / (rounds * len(SENTENCES))
    print(f"find_dates: {per_sentence * 1000:.3f} ms per sentence (warm, {rounds * len(SENTENCES)} calls)")


if __name__ == "__main__":
    main()
