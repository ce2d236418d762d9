"""An "initial" marker is not said of a time of day or an occasion (issue 12).

Written for a development miss before the code: "Fewer than 5,000 homes ... were still without
power early this morning" (``en-storm-hester-power-cuts``, eval-blind-10) was read as an
initial amount, so its conflict fell to a suggestion.
"""

from __future__ import annotations

import pytest

from checker.model import Sentence
from plugins.numeric.parse import parse_quantities
from plugins.numeric.scope import time_scope
from plugins.numeric.slots import sentence_view


def _scope(text: str, lang: str, figure: str):
    view = sentence_view(Sentence(doc_id="t.txt", index=0, text=text, start=0, end=len(text), language=lang))
    qs = parse_quantities(text, lang)
    q = next(q for q in qs if q.text == figure)
    years = [y for y in qs if y.qtype == "year"]
    return time_scope(view, q, years, view.token_range(q.start, q.end))


@pytest.mark.parametrize(
    "text,lang,figure",
    [
        ("Le groupe a réalisé un investissement initial de 1 milliard de dollars.", "fr", "1 milliard de dollars"),
        ("The damage was initially put at $300 million by the insurers.", "en", "$300 million"),
        ("Une première tranche de 500 millions d'euros a été versée.", "fr", "500 millions d'euros"),
    ],
)
def test_an_initial_marker_of_the_figure_s_clause_is_read(text, lang, figure):
    assert _scope(text, lang, figure) == "initial"


@pytest.mark.parametrize(
    "text,lang,figure",
    [
        ("Fewer than 5,000 homes in the north were still without power early this morning.", "en", "Fewer than 5,000"),
        ("Some 2,000 homes lost power in the early hours of Wednesday.", "en", "Some 2,000"),
        ("Le bourg compte 1 200 habitants, inondé pour la première fois depuis un siècle.", "fr", "1 200"),
    ],
)
def test_a_time_of_day_or_an_occasion_is_no_initial_amount(text, lang, figure):
    assert _scope(text, lang, figure) is None
