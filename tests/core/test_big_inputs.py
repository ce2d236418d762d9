"""Big inputs: per-sentence work over a long article stays linear (counters, never timings).

The article is generated from the seeds' paragraphs by ``benchmarks/big_article.py`` (the
benchmark that times a 1 MB article); here only work counters are checked.
"""

from __future__ import annotations

import importlib.util
import random

from helpers.paths import REPO

from checker.model import Sentence
from plugins.entities import ruletype as entities
from plugins.numeric import eventdates
from plugins.numeric.eventdates import DateIndex, document_dates, in_sentence
from plugins.numeric.slots import phrase_positions, sentence_view


def _big_article():
    spec = importlib.util.spec_from_file_location("big_article", REPO / "benchmarks" / "big_article.py")
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_generated_article_has_the_size_asked_and_varied_figures():
    text = _big_article().build_article(200_000)
    assert len(text.encode("utf-8")) >= 200_000
    with_figures = [p for p in text.split("\n\n") if any(ch.isdigit() for ch in p)]
    # figures are varied from one pass over the seeds to the next: paragraphs with figures do not repeat
    assert len(with_figures) > 20 and len(set(with_figures)) > 0.9 * len(with_figures)
    # no page furniture: a teaser would make cleaning drop the rest of the article
    assert "À lire" not in text and "Lire aussi" not in text


def _sentences(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for piece in text.split(". "):
        out.append((pos, pos + len(piece) + 1))
        pos += len(piece) + 2
    return out


def test_dates_per_sentence_examine_only_the_sentence_s_dates(monkeypatch):
    one = "Le 3 avril 2025, l'amende tombe. Le rapport du 12 mai 2024 le disait. Rien ici. "
    text = one * 150
    dates = document_dates(text, "fr")
    assert dates and len(dates) >= 300
    index = DateIndex(dates)
    seen: list[int] = []
    real = eventdates.in_sentence

    def counting(ds, start, end):
        seen.append(len(ds))
        return real(ds, start, end)

    monkeypatch.setattr(eventdates, "in_sentence", counting)
    spans = _sentences(text)
    got = [index.in_sentence(a, b) for a, b in spans]
    # same dates, same order, same relative offsets as the scan of every date
    assert [[(q.start, q.end, q.text) for q in g] for g in got] == [
        [(q.start, q.end, q.text) for q in real(dates, a, b)] for a, b in spans
    ]
    # linear: each date is looked at once or twice, not once per sentence
    assert sum(seen) <= 2 * len(dates)


def test_date_index_keeps_the_order_of_unsorted_dates():
    dates = document_dates("Le 3 avril 2025 puis le 5 mai 2025 et le 7 juin 2025.", "fr")
    assert dates and len(dates) == 3
    shuffled = list(dates)
    random.Random(3).shuffle(shuffled)

    def spans(qs):
        return [(q.start, q.end, q.text) for q in qs]

    assert spans(DateIndex(shuffled).in_sentence(0, 60)) == spans(in_sentence(shuffled, 0, 60))
    assert spans(in_sentence(shuffled, 0, 60)) != sorted(spans(in_sentence(shuffled, 0, 60)))


class _CountingHistory(list):
    """A mention history that counts the entries a reader walks through."""

    walked = 0

    def __reversed__(self):
        for item in super().__reversed__():
            type(self).walked += 1
            yield item


def test_contextual_alias_walks_back_only_through_its_window():
    history = _CountingHistory((i // 3, f"e{i % 7}") for i in range(30_000))  # 10,000 sentences
    last = history[-1][0]
    got = entities._recent_ids(history, last - 4)
    assert got == [eid for si, eid in reversed(list(history)) if si >= last - 4]
    assert _CountingHistory.walked <= 3 * 5 + 1


def test_phrase_matching_is_the_same_on_a_reused_view():
    text = "Valmont réalise 3,1 milliards d'euros de chiffre d'affaires et 20 % de part de marché."
    s = Sentence(doc_id="t.txt", index=0, text=text, start=0, end=len(text), language="fr")
    view = sentence_view(s)
    first = [phrase_positions(view, p) for p in ("chiffre d'affaires", "part de marché", "réaliser", "absent")]
    again = [phrase_positions(view, p) for p in ("chiffre d'affaires", "part de marché", "réaliser", "absent")]
    assert first == again and first[0] and first[1] and first[2] and not first[3]
