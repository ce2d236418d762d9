"""Property tests of the interval semantics (issue 12, item 1): exact integers are exact,
approximations widen by their qualifier, bounds are one-sided; every decision is
symmetric and independent of the order in which the figures are read."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from plugins.numeric.intervals import ABOUT_WIDTH, DEFAULT_BOUND_SLACK, ROUGH_WIDTH, bounds, disjoint
from plugins.numeric.quantity import Quantity

KINDS = [None, "gt", "ge", "lt", "le", "about", "nearly", "just_over", "rough"]


def q(kind, x, prec=0.0):
    b = bounds(kind, x, prec, DEFAULT_BOUND_SLACK)
    return Quantity(
        start=0,
        end=1,
        text="x",
        low=b["low"],
        high=b["high"],
        low_inclusive=b["low_inclusive"],
        high_inclusive=b["high_inclusive"],
        soft_low=b["soft_low"],
        soft_high=b["soft_high"],
        nominal=x,
        approx=kind,
    )


values = st.integers(min_value=1, max_value=10**9).map(float)
kinds = st.sampled_from(KINDS)
tol = st.sampled_from([0.0, 0.01, 0.02, 0.05])


@settings(max_examples=300, deadline=None)
@given(kinds, values, kinds, values, tol, st.booleans())
def test_disjoint_is_symmetric(ka, xa, kb, xb, rel, soft):
    a, b = q(ka, xa), q(kb, xb)
    assert disjoint(a, b, rel, 0.0, soft=soft) == disjoint(b, a, rel, 0.0, soft=soft)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(kinds, values), min_size=2, max_size=6), tol)
def test_pairwise_decisions_do_not_depend_on_reading_order(items, rel):
    qs = [q(k, x) for k, x in items]
    forward = {(i, j): disjoint(qs[i], qs[j], rel, 0.0, soft=False) for i in range(len(qs)) for j in range(len(qs))}
    rev = list(reversed(qs))
    n = len(qs)
    for (i, j), d in forward.items():
        assert disjoint(rev[n - 1 - i], rev[n - 1 - j], rel, 0.0, soft=False) == d


@given(st.integers(min_value=0, max_value=10**6))
def test_exact_integers_that_differ_conflict(n):
    assert disjoint(q(None, float(n)), q(None, float(n + 1)), 0.0, 0.0, soft=False)
    assert not disjoint(q(None, float(n)), q(None, float(n)), 0.0, 0.0, soft=False)


@given(values, kinds)
def test_every_figure_agrees_with_itself(x, k):
    assert not disjoint(q(k, x), q(k, x), 0.0, 0.0, soft=False)


@given(values, st.floats(min_value=0.0, max_value=0.99))
def test_about_widens_by_its_qualifier(x, f):
    inside = x * (1 + f * ABOUT_WIDTH)
    assert not disjoint(q("about", x), q(None, inside), 0.0, 0.0, soft=False)
    assert not disjoint(q("rough", x), q(None, x * (1 - f * ROUGH_WIDTH)), 0.0, 0.0, soft=False)


@given(values, st.floats(min_value=1.01, max_value=1e3))
def test_lower_bound_is_satisfied_by_any_larger_figure(x, f):
    assert not disjoint(q("ge", x), q(None, x * f), 0.0, 0.0, soft=False)
    assert disjoint(q("ge", x), q(None, x / f), 0.0, 0.0, soft=False)
    assert not disjoint(q("le", x), q(None, x / f), 0.0, 0.0, soft=False)
    assert disjoint(q("le", x), q(None, x * f), 0.0, 0.0, soft=False)


@given(values)
def test_strict_bounds_exclude_their_value(x):
    assert disjoint(q("gt", x), q(None, x), 0.0, 0.0, soft=False)
    assert disjoint(q("lt", x), q(None, x), 0.0, 0.0, soft=False)
    assert not disjoint(q("ge", x), q(None, x), 0.0, 0.0, soft=False)


@given(st.integers(min_value=100, max_value=10**6).filter(lambda n: n % 100 not in (0, 99)), tol)
def test_precise_figures_that_differ_conflict_whatever_the_tolerance(n, rel):
    # (fifth session) the relative tolerance is for round figures and conversions only
    assert disjoint(q(None, float(n)), q(None, float(n + 1)), rel, 0.0, soft=False)


@given(st.integers(min_value=1, max_value=10**4).map(lambda n: float(n * 100)), tol)
def test_a_round_figure_keeps_its_tolerance(x, rel):
    close = x * (1 + rel / 2)
    assert not disjoint(q(None, x), q(None, close), rel, 0.0, soft=False)


@settings(max_examples=300, deadline=None)
@given(kinds, values, kinds, values)
def test_a_misreport_signature_is_symmetric(ka, xa, kb, xb):
    from plugins.numeric.slips import slip

    a, b = q(ka, xa), q(kb, xb)
    a.text, b.text = f"{xa:.0f}", f"{xb:.0f}"
    assert slip(a, b) == slip(b, a)
