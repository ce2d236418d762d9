"""Places known by their form, not only by the recogniser's label (issue 12, sixth session).

Whose figure it is comes from the people and organisations a sentence names; the places of
one event's sentences differ ("in northwest England" / "in Leeds") and never say that two
figures are about two things.  English text has no entity recogniser here (its names are
guessed, with no label), so a place is also known by its form: a name after a locative
preposition ("in", "near", "à", "dans", "près de") or before "-based" / "basé à".  Written
from the kinds of miss of the promoted development corpora (blind-3, blind-4), in new words,
before the code.
"""

from __future__ import annotations

from helpers.numeric import findings, warnings


def test_a_dateline_region_and_a_city_do_not_part_one_toll():
    a = (
        "LEEDS, England, March 3 (Reuters) - A fire swept through a textile mill in northern England "
        "on Monday, killing six workers, officials said."
    )
    b = "Seven workers died when fire gutted a textile mill in Leeds on Monday, officials said."
    got = warnings(a, b, embedder="auto")
    assert len(got) == 1, [f.message for f in findings(a, b, embedder="auto")]
    assert "6" in got[0].message and "7" in got[0].message


def test_a_based_company_and_a_city_office_do_not_part_one_figure():
    a = "Brindle, the Denver-based maker of payroll software, said it will cut 640 jobs this year."
    b = "Brindle will cut 460 jobs this year, including about 90 positions in Austin, the company said."
    got = warnings(a, b, embedder="auto")
    assert len(got) == 1, [f.message for f in findings(a, b, embedder="auto")]


def test_two_organisations_still_part_their_figures():
    a = "Harwick Athletic said on Monday it had sold 40,000 season tickets for the new season."
    b = "Dunmore Rovers said on Monday it had sold 35,000 season tickets for the new season."
    assert warnings(a, b, embedder="auto") == []


def test_two_companies_based_in_two_cities_still_part_their_figures():
    a = "The payroll software maker Brindle, a Denver-based firm, said it will cut 640 jobs this year."
    b = "The payroll software maker Corvel, an Austin-based firm, said it will cut 460 jobs this year."
    assert warnings(a, b, embedder="auto") == []
