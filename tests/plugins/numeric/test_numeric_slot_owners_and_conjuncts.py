"""Two readings of the development story ``en-hospital-merger-cumbria`` (eval-blind-10) that
hid a plain headcount conflict, written as tests before the code:

* a dedicated slot keyed by each figure's nearest name ("staff@north west" / "staff@morecambe
  bay") compares nothing when the two names differ, so it must not keep the generic pairing
  from comparing the figures (which decides whether they are one owner's measure);
* a reporting period belongs to its own conjunct: in "with 13,800 staff and a combined annual
  budget of £1.1bn" the budget is annual, the staff is no yearly figure.
"""

from __future__ import annotations

import pytest
from helpers.numeric import findings, warnings

A = (
    "The two bus companies have agreed a merger that will create the largest operator in the Midlands, "
    "with 4,200 staff and a combined annual turnover of £310m."
)
B = "Greenline said on Monday that the combined firm would be based in Derby. The new company, with 3,900 staff, starts trading in May."


def test_a_keyed_slot_of_two_names_leaves_the_figures_to_the_generic_pairing():
    got = [f for f in warnings(A, B) if {e.quote for e in f.evidence} == {"4,200", "3,900"}]
    assert got, [f.message for f in findings(A, B)]


def test_the_staff_beside_an_annual_budget_is_no_yearly_figure():
    got = [f for f in findings(A, B) if {e.quote for e in f.evidence} == {"4,200", "3,900"}]
    assert got and all("time scope" not in f.message for f in got), [f.message for f in got]


@pytest.mark.parametrize(
    "a,b",
    [
        # the period before the figure, in its own phrase: yearly on both sides, one measure
        (
            "Its annual turnover of £310m was announced on Monday.",
            "Its annual turnover of £290m was announced on Monday.",
        ),
        # the period right after the figure is the figure's own
        ("The firm made £310m a year in turnover.", "The firm made £290m a year in turnover."),
    ],
)
def test_a_period_of_the_figures_own_phrase_still_scopes_it(a, b):
    assert warnings(a, b), [f.message for f in findings(a, b)]


def test_a_yearly_figure_against_a_total_of_another_period_stays_apart():
    a = "The firm made £310m a year in turnover."
    b = "The firm made £290m in turnover over the three years to 2025."
    assert not warnings(a, b), [f.message for f in warnings(a, b)]
