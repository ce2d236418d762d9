"""Tests of the shared report fixtures (``helpers.reports``)."""

from __future__ import annotations

from helpers.reports import DOC_A, DOC_B, docs, ev, finalize, finding, report, sample  # noqa: F401


def test_fixture_positions_are_real():
    documents, fs = sample()
    f = fs[0]
    assert f.evidence[0].quote == "13,75 milliards de dollars"
    assert f.evidence[0].line == 3 and f.evidence[1].line == 3
    assert f.fingerprint and len({x.fingerprint for x in fs}) == 3


def test_fingerprint_ignores_line_numbers():
    documents, fs = sample()
    moved = docs(a="Intro.\n\n\n" + DOC_A)
    _, fs2 = sample(moved)
    assert [f.fingerprint for f in fs] == [f.fingerprint for f in fs2]
    assert fs[0].evidence[0].line != fs2[0].evidence[0].line
