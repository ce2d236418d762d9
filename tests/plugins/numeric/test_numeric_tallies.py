"""Vote tallies (issue 12, dev story ``en-city-budget-vote``, written before the code):
"voted 7-2", "in a 6-3 vote", "by a vote of 5 to 4", "par 312 voix contre 220", "seven
members voted in favor".  Two tallies of one vote conflict when either side differs; a
tally that states only the votes in favour agrees with any count against."""

from __future__ import annotations

import pytest
from helpers.numeric import findings, warnings

from checker.i18n.format import quantity as localized
from plugins.numeric.parse import parse_quantities


def _tallies(text: str, lang: str = "en"):
    return [(q.text, q.extra["for"], q.extra["against"]) for q in parse_quantities(text, lang) if q.qtype == "tally"]


@pytest.mark.parametrize(
    "text,lang,want",
    [
        ("The council voted 7-2 on Tuesday to approve the plan.", "en", ("7-2", 7, 2)),
        ("The plan passed in a 6–3 vote.", "en", ("6–3", 6, 3)),
        ("The court ruled by a vote of 5 to 4.", "en", ("5 to 4", 5, 4)),
        ("Seven council members voted in favor of the plan.", "en", ("Seven", 7, None)),
        ("Le texte a été adopté par 312 voix contre 220.", "fr", ("312 voix contre 220", 312, 220)),
        ("Le budget a été voté par 40 voix pour et 12 contre.", "fr", ("40 voix pour et 12", 40, 12)),
        ("Neuf conseillers ont voté pour le budget.", "fr", ("Neuf", 9, None)),
    ],
)
def test_tallies_are_read(text, lang, want):
    assert _tallies(text, lang) == [want]


@pytest.mark.parametrize(
    "text",
    [
        "Patients face a 6-8 week wait.",
        "The final score was 3-1.",
        "The 2019-2021 plan.",
        "Prices rose by 2 to 3 percent.",
    ],
)
def test_dashes_far_from_a_vote_are_no_tally(text):
    assert _tallies(text) == []


@pytest.mark.parametrize(
    "a,b",
    [
        ("The Seattle City Council voted 7-2 to approve the budget.", "The council passed the budget in a 6-3 vote."),
        ("Seven council members voted in favor of the budget.", "The council passed the budget in a 6-3 vote."),
        ("The council voted 7-2 to approve the budget.", "The council approved the budget by a vote of 7 to 3."),
    ],
)
def test_tallies_of_one_vote_conflict(a, b):
    assert warnings(a, b), [f.message for f in findings(a, b)]


@pytest.mark.parametrize(
    "a,b",
    [
        ("The council voted 7-2 to approve the budget.", "Seven council members voted in favor of the budget."),
        ("The council voted 7-2 to approve the budget.", "The council approved the budget by a vote of 7 to 2."),
    ],
)
def test_tallies_that_agree(a, b):
    assert findings(a, b) == []


def test_a_tally_has_no_time_scope():
    # "the city's 2027 budget" dates the budget, not the vote
    a = "The council voted 7-2 on Tuesday to approve the budget."
    b = "The council passed the city's 2027 budget Monday night in a 6-3 vote."
    assert warnings(a, b), [f.message for f in findings(a, b)]


def test_tallies_read_in_each_language():
    (q,) = [q for q in parse_quantities("Seven members voted in favor of it.", "en") if q.qtype == "tally"]
    assert localized(q, "en") == "7 in favour" and localized(q, "fr") == "7 voix pour"
    (q,) = [q for q in parse_quantities("The council voted 7-2.", "en") if q.qtype == "tally"]
    assert localized(q, "fr") == "7–2"


def test_a_rule_can_claim_tallies(tmp_path, capsys):
    from checker.cli import main

    rule = tmp_path / "vote.yaml"
    rule.write_text(
        """id: t.numeric.council-vote
extends: numeric
slot: t.council-vote
level: warning
languages: [en]
match: {predicates: [vote, voted], window: 6}
compare: {unit: tally}
tests:
  conflict:
    - ["The council voted 7-2 to approve the budget.", "The budget passed in a 6-3 vote."]
  consistent:
    - ["The council voted 7-2 to approve the budget.", "Seven members voted in favor of the budget."]
""",
        encoding="utf-8",
    )
    assert main(["rules", "test", str(rule)]) == 0
    assert capsys.readouterr().out.strip().splitlines()[-1] == "2 passed, 0 failed"
