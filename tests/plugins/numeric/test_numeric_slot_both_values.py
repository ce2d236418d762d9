"""A slot figure that the other article also states (issue 12, scope): when one article gives
both values of a slot ("fined £14.2m, down from a starting point of £21.3m") and the other only
one of them, the two articles agree on that one and the other value is another fact of the slot
(a starting point, an earlier figure), not a misreport: a suggestion, never a warning.  Until now
only generic figures were read this way.  Written from the development false alarm of
consistent-11 (southdown: 21.3 vs 14.2 million pounds), before the code.
"""

from __future__ import annotations

import pytest
from helpers.numeric import findings, warnings

BOTH_EN = (
    "Southdown Water was fined £14.2 million on Tuesday. The judge said she had started "
    "from a fine of £21.3 million before reducing it by a third for the guilty plea."
)
ONE_EN = "Southdown Water has been fined £14.2 million for pumping raw sewage into rivers."
OTHER_EN = "Southdown Water has been fined £21.3 million for pumping raw sewage into rivers."

BOTH_FR = (
    "La Commission a infligé à Kestrel une amende de 350 millions d'euros. Elle avait d'abord "
    "envisagé une amende de 530 millions d'euros avant de tenir compte de sa coopération."
)
ONE_FR = "Kestrel écope d'une amende de 350 millions d'euros infligée par la Commission."
OTHER_FR = "Kestrel écope d'une amende de 530 millions d'euros infligée par la Commission."


@pytest.mark.parametrize("both,one", [(BOTH_EN, ONE_EN), (BOTH_FR, ONE_FR)])
def test_the_other_value_of_an_article_giving_both_is_a_suggestion(both, one):
    got = findings(both, one)
    assert got, "the pair is still shown, as a suggestion"
    assert not warnings(both, one), [(f.level, f.message) for f in got]
    assert not warnings(one, both)  # symmetric


@pytest.mark.parametrize("both,one", [(BOTH_EN, ONE_EN), (BOTH_FR, ONE_FR)])
def test_the_note_says_the_other_article_gives_this_figure_too(both, one):
    notes = " ".join(f.message + " " + str(f.explanation) for f in findings(both, one))
    assert "also gives this figure" in notes or "donne aussi ce chiffre" in notes


@pytest.mark.parametrize("a,b", [(ONE_EN, OTHER_EN), (ONE_FR, OTHER_FR)])
def test_two_articles_each_giving_one_value_still_conflict(a, b):
    assert [f.level for f in warnings(a, b)] == ["warning"], [(f.level, f.message) for f in findings(a, b)]


def test_an_article_giving_both_does_not_silence_a_third_that_disagrees():
    # a third article gives only the other value: it disagrees with the one giving only 14.2
    from helpers.numeric import checker

    r = checker().check_texts({"a.txt": BOTH_EN, "b.txt": ONE_EN, "c.txt": OTHER_EN})
    linked = [{e.doc_id for e in f.evidence} for f in r.findings if f.kind == "numeric" and f.level == "warning"]
    assert any({"b.txt", "c.txt"} <= docs for docs in linked), linked


# ------------------------------------------------------------------ the shared figure may be approximate
def test_an_approximate_figure_both_articles_give_with_one_number_counts_as_given():
    # "about eight kilometres" in both: they agree on it, and the 12-kilometre fuel break is
    # another length of the story (a bound would agree with too much to count)
    a = "The Nemeiben fire was about eight kilometres from the western edge of La Ronge, the agency said."
    b = (
        "The fire remains about eight kilometres from town. Bulldozers have cut a 12-kilometre "
        "fuel break along the western edge of La Ronge."
    )
    assert warnings(a, b, embedder="auto") == [], [(f.level, f.message) for f in findings(a, b, embedder="auto")]


def test_a_bound_the_other_article_gives_is_no_shared_figure():
    a = "The Nemeiben fire was eight kilometres from the western edge of La Ronge, the agency said."
    b = (
        "The fire remains more than five kilometres from town, the agency said. The Nemeiben fire was "
        "12 kilometres from the western edge of La Ronge."
    )
    got = warnings(a, b, embedder="auto")
    assert len(got) == 1, [(f.level, f.message) for f in findings(a, b, embedder="auto")]
